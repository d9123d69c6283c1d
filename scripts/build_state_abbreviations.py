#!/usr/bin/env python3
"""Regenerate gazetteer/data/state_abbreviations.tsv: AP-style abbreviations of US states and
territories ("Kan.", "Pa.", "Calif.", "W.Va."), as US wire copy writes them after a town name.

Source: the PyPI package ``us==4.0.0`` (BSD-3-Clause, Sunlight Labs), field ``ap_abbr`` of each state.
Each abbreviation is written with its dot and, when it has one letter group only, also without it
("Kan." and "Kan" ; "W.Va." and "W. Va."). States whose AP style is the full name (Alaska, Ohio ...)
have no row. Postal codes ("PA", "OR", "IN") are left out: many are English words.

usage: python scripts/build_state_abbreviations.py [DIR_WITH_us]   (default: pip download the wheel)
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "state_abbreviations.tsv"
VERSION = "us==4.0.0"


def _module_dir() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", VERSION, "-d", str(tmp)], check=True)
    with zipfile.ZipFile(next(tmp.glob("us-*.whl"))) as z:
        z.extractall(tmp / "x")
    return tmp / "x"


def _field(head: str, key: str) -> str:
    """The string value of ``"key": "..."`` in one State(...) literal, or ''."""
    m = re.search(rf'"{key}": "([^"]*)"', head)
    return m.group(1) if m else ""


def main() -> None:
    # us/states.py imports jellyfish at module level; its State(...) literals are read as text instead
    text = (_module_dir() / "us" / "states.py").read_text(encoding="utf-8")
    rows = []
    found = []
    for block in re.split(r"\n[A-Z]{2} = State\(", text)[1:]:
        head = block.split('"counties"')[0]
        found.append(tuple(_field(head, k) for k in ("abbr", "name", "ap_abbr")))
    for abbr, name, ap in sorted(found):
        ap = ap.strip()
        if not ap or ap == name:
            continue
        forms = [ap]
        if ap.count(".") == 1 and ap.endswith("."):
            forms.append(ap[:-1])                      # "Kan" (a dot dropped by the writer or the tokeniser)
        elif "." in ap[:-1] and " " not in ap:
            forms.append(ap.replace(".", ". ").strip())  # "W. Va."
        rows.append((f"ne1:US-{abbr}", name, "|".join(dict.fromkeys(forms))))
    lines = [f"# place_id\tstate\tAP abbreviations ({VERSION} ap_abbr, BSD-3-Clause; scripts/build_state_abbreviations.py)"]
    lines += ["\t".join(r) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} states and territories")


if __name__ == "__main__":
    main()
