#!/usr/bin/env python3
"""Regenerate gazetteer/data/common_words.txt.gz: ordinary English words with their frequency.

A capitalised word that is also an ordinary lowercase English word ("March", "Police",
"Reading", "Mobile") is weak evidence of a place. The list holds the lowercase entries of
SCOWL's American English list (Debian package ``wamerican``; SCOWL licence, see
gazetteer/data/SOURCES.md) that have a Zipf frequency >= 2.5 in ``wordfreq``'s English data,
with that frequency (one decimal).

usage: python scripts/build_common_words.py [/usr/share/dict/american-english]
(without an argument: `apt-get download wamerican` into a temp dir and read it from there)
"""
from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "common_words.txt.gz"
MIN_ZIPF = 2.5


def _word_list() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["apt-get", "download", "wamerican"], cwd=tmp, check=True)
    deb = next(tmp.glob("wamerican_*.deb"))
    subprocess.run(["dpkg", "-x", str(deb), str(tmp / "x")], check=True)
    return tmp / "x" / "usr" / "share" / "dict" / "american-english"


def main() -> None:
    words = {w for w in _word_list().read_text(encoding="utf-8", errors="replace").split()
             if re.fullmatch(r"[a-z]+", w)}
    rows = []
    for w in sorted(words):
        z = zipf_frequency(w, "en")
        if z >= MIN_ZIPF:
            rows.append(f"{w}\t{z:.1f}")
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# lowercase SCOWL (wamerican) words with wordfreq Zipf >= 2.5; see SOURCES.md\n")
        fh.write("\n".join(rows) + "\n")
    print(f"{OUT}: {len(rows)} words")


if __name__ == "__main__":
    main()
