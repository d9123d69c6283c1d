#!/usr/bin/env python3
"""Regenerate gazetteer/data/conflict_sites_ua.tsv: the Ukrainian settlements where the UCDP Georeferenced
Event Dataset records organised violence (2014-2023), with how many events and in which years.

Source: UCDP GED (Uppsala Conflict Data Program, Georeferenced Event Dataset; global version 22.1 for
1989-2021 and the UCDP Candidate Events for 2022-2023), Ukraine only (country_id 369), **CC BY 4.0**
(Sundberg & Melander 2013, Journal of Peace Research 50(4); Davies, Pettersson & Öberg 2023, JPR 60(4)).
Carrier: the extracts `data/UCDP-Ukraine.csv` in the public GitHub repository ``peacerep/ukraine-map``
(PeaceRep, University of Edinburgh), three versions of the file, merged by UCDP event id:
    ffe58b8bd9de7871343ace7373c8a1a6148544ac (2023-02-03, GED 22.1: 2014-2021)
    b858735e464ab6e80749b08e15b8b513c65bf6b6 (2023-05-03, + candidate events 2022-2023)
    f0821cc21c73d8e0ea3e4d068ba126d22381d623 (2023-06-23)
Only facts are used (a settlement's name, its point, the number of events there).

What is kept, one row per settlement and point:
- events located at a named settlement: ``where_prec`` 1 (the settlement itself) or 2 (within about 25 km
  of it; the point is still the settlement's), whose ``where_coordinates`` ends in "village", "town" or
  "city" ("Opytne village", "Maiorska village"); the type word is dropped from the name;
- settlements named at two points (a namesake) are two rows.
Columns: name, kind (village/town as UCDP writes it), oblast (UCDP ``adm_1``), lat, lon (UCDP's, 5
decimals), events (how many events there), first, last (years). Rows sorted by name, oblast and point; the
same input gives the same bytes.

usage: python scripts/build_conflict_sites.py GIT_DIR          (a clone or bare snapshot of peacerep/ukraine-map)
       python scripts/build_conflict_sites.py FILE.csv [FILE.csv ...]
"""
from __future__ import annotations

import collections
import csv
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "gazetteer" / "data" / "conflict_sites_ua.tsv"
COMMITS = ("ffe58b8bd9de7871343ace7373c8a1a6148544ac", "b858735e464ab6e80749b08e15b8b513c65bf6b6",
           "f0821cc21c73d8e0ea3e4d068ba126d22381d623")
MEMBER = "data/UCDP-Ukraine.csv"
KINDS = {"village": "village", "vilage": "village", "town": "town", "city": "town"}
HEADER = """\
# Settlements of Ukraine where UCDP GED records organised violence, 2014-2023 (events located at the
# settlement or within about 25 km of it). Source: UCDP Georeferenced Event Dataset 22.1 and UCDP Candidate
# Events 2022-2023, Ukraine extract carried by github.com/peacerep/ukraine-map (data/UCDP-Ukraine.csv);
# UCDP data is CC BY 4.0 (Sundberg & Melander 2013; Davies, Pettersson & Oberg 2023).
# Derived by scripts/build_conflict_sites.py; see gazetteer/data/SOURCES.md.
"""


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:       # one version of the file was saved as Windows-1252
        return raw.decode("cp1252")


def _texts(args: list[str]) -> list[str]:
    if len(args) == 1 and Path(args[0]).is_dir():
        return [_decode(subprocess.run(["git", "-C", args[0], "show", f"{c}:{MEMBER}"], check=True,
                                       capture_output=True).stdout) for c in COMMITS]
    return [_decode(Path(a).read_bytes()) for a in args]


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    events: dict[str, dict[str, str]] = {}
    for text in _texts(sys.argv[1:]):
        for row in csv.DictReader(io.StringIO(text)):
            if row.get("country_id") == "369":
                events[row["id"]] = row            # the later version of an event wins
    sites: dict[tuple[str, str, str, float, float], list[int]] = collections.defaultdict(list)
    for row in events.values():
        if row["where_prec"] not in ("1", "2"):
            continue
        words = row["where_coordinates"].strip().split()
        if len(words) < 2 or words[-1].lower() not in KINDS:
            continue
        name = " ".join(words[:-1])
        if any(ch.isdigit() for ch in name):
            continue
        lat, lon = round(float(row["latitude"]), 5), round(float(row["longitude"]), 5)
        sites[(name, KINDS[words[-1].lower()], row["adm_1"].strip(), lat, lon)].append(int(row["year"]))
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        fh.write("name\tkind\toblast\tlat\tlon\tevents\tfirst\tlast\n")
        for (name, kind, oblast, lat, lon), years in sorted(sites.items()):
            fh.write(f"{name}\t{kind}\t{oblast}\t{lat}\t{lon}\t{len(years)}\t{min(years)}\t{max(years)}\n")
    print(f"{OUT.relative_to(ROOT)}: {len(sites)} settlements from {len(events)} events")


if __name__ == "__main__":
    main()
