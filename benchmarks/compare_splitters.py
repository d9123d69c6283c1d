#!/usr/bin/env python3
"""Our sentence splitter and relative-date reader against the libraries that could replace them.

usage: python benchmarks/compare_splitters.py [--eval DIR]

The libraries are not dependencies of the project: install them into a scratch virtualenv and run this
script with it and PYTHONPATH=. (``pip install pysbd syntok dateparser``); a library that is missing is
skipped. What is measured, on the same texts in the same run:
- sentences: time to split GWN.xml + GeoVirus.xml (full texts, ../shared/eval/dev), the seed and the
  Cyrillic dev set; the share of the awkward cases of tests/webmap/incidents/test_sentences.py (titles,
  initials, U.S., quotes, tweet tails, headings, hard-wrapped lines, обл./р-н.) each splitter gets exactly
  right; whether its spans are exact offsets into the text; and how often its boundaries agree with ours.
- dates: time to read the date cues of the same sentences (``dates.find_cues`` against
  ``dateparser.search.search_dates`` with the article date as its relative base), the share of ACLED notes
  whose first date is their coded date (acled_dev.json), and a set of relative expressions from the seed and
  war reporting (yesterday, overnight, on Sunday, on 8 August, this morning ...).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webmap.incidents.dates import find_cues  # noqa: E402
from webmap.incidents.sentences import split_spans  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev"
if not EVAL.is_dir():
    EVAL = Path("/work/shared/eval/dev")

# (text, the sentences a reader wants): the cases of tests/webmap/incidents/test_sentences.py and the Cyrillic
# abbreviations of lang_abbrev
CASES: list[tuple[str, list[str]]] = [
    ("Gen. Syrskyi met Lt. Col. Ivanov and Mr. Brink at 5 a.m. in Kyiv. The U.S. embassy was closed. Then it rained.",
     ["Gen. Syrskyi met Lt. Col. Ivanov and Mr. Brink at 5 a.m. in Kyiv.", "The U.S. embassy was closed.",
      "Then it rained."]),
    ("Aid came from the U.S. The shelling went on.", ["Aid came from the U.S.", "The shelling went on."]),
    ('He said: "Kyiv was hit." Then "Odesa too," he added. Done!',
     ['He said: "Kyiv was hit."', 'Then "Odesa too," he added.', "Done!"]),
    ("Russia launched missiles, killing a man. pic.twitter.com/Sj782XuafZ — Ambassador Bridget A. Brink "
     "(@USAmbKyiv) August 11, 2024",
     ["Russia launched missiles, killing a man.",
      "pic.twitter.com/Sj782XuafZ — Ambassador Bridget A. Brink (@USAmbKyiv) August 11, 2024"]),
    ("BREAKING:\n\n\n\nAftermath of strike in the village of Rozhivka in the Kiev region of Ukraine. Reuters\n\n"
     "Heading without a stop\nThe text goes on here.",
     ["BREAKING:", "Aftermath of strike in the village of Rozhivka in the Kiev region of Ukraine.", "Reuters",
      "Heading without a stop", "The text goes on here."]),
    ("Russian forces shelled the\nvillage overnight. Two died.",
     ["Russian forces shelled the\nvillage overnight.", "Two died."]),
    ("Ворог обстріляв с. Гатне Київської обл. Пошкоджено будинок.",
     ["Ворог обстріляв с. Гатне Київської обл.", "Пошкоджено будинок."]),
    ("Удар по Сумській обл. Глухівський р-н зазнав обстрілу. Загинула людина.",
     ["Удар по Сумській обл. Глухівський р-н зазнав обстрілу.", "Загинула людина."]),
]

# (sentence, article date, the date a reader gives the event)
DATE_CASES: list[tuple[str, str, str]] = [
    ("Russia struck Kyiv overnight with missiles.", "2024-08-11", "2024-08-11"),
    ("A drone hit a house in Sumy yesterday.", "2024-08-11", "2024-08-10"),
    ("On Sunday, a missile hit Rozhivka.", "2024-08-13", "2024-08-11"),
    ("Shelling of Kherson on Friday killed two.", "2024-08-11", "2024-08-09"),
    ("Ukrainian troops entered Sudzha on 8 August.", "2024-08-11", "2024-08-08"),
    ("The attack on August 9 damaged a school.", "2024-08-11", "2024-08-09"),
    ("On 7 August 2022, Russian forces shelled Heorhiivka, Donetsk.", "2022-08-10", "2022-08-07"),
    ("Missiles hit Odesa this morning, the governor said.", "2024-09-03", "2024-09-03"),
]


def texts(eval_dir: Path) -> list[str]:
    out = []
    for name in ("GWN.xml", "GeoVirus.xml"):
        p = eval_dir / name
        if p.is_file():
            out += [a.findtext("text") or "" for a in ET.parse(p).getroot()]
    out += [p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    items = json.loads((ROOT / "benchmarks" / "data" / "cyrillic_dev.json").read_text("utf-8"))["items"]
    return out + [i["text"] for i in items]


def ours(text: str) -> list[tuple[int, int]]:
    return split_spans(text)


def _pysbd() -> Callable[[str], list[tuple[int, int]]] | None:
    try:
        import pysbd  # type: ignore[import-not-found]
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[tuple[int, int]]:
        out = []
        for s in seg.segment(text):
            a = s.start + len(s.sent) - len(s.sent.lstrip())
            b = s.start + len(s.sent.rstrip())
            if b > a:
                out.append((a, b))
        return out
    return split


def _syntok() -> Callable[[str], list[tuple[int, int]]] | None:
    try:
        from syntok import segmenter  # type: ignore[import-not-found]
    except ImportError:
        return None

    def split(text: str) -> list[tuple[int, int]]:
        out = []
        for para in segmenter.analyze(text):
            for sent in para:
                toks = list(sent)
                if toks:
                    out.append((toks[0].offset, toks[-1].offset + len(toks[-1].value)))
        return out
    return split


def sentences_report(corpus: list[str]) -> list[str]:
    lines = ["| splitter | time for the corpus | sentences | exact offsets | awkward cases right | boundaries shared "
             "with ours |", "|---|---|---|---|---|---|"]
    ref = [set(a for a, _ in ours(t)) for t in corpus]
    for name, fn in (("ours (webmap.incidents.sentences)", ours), ("pysbd", _pysbd()), ("syntok", _syntok())):
        if fn is None:
            lines.append(f"| {name} | not installed | | | | |")
            continue
        t = time.perf_counter()
        spans = [fn(x) for x in corpus]
        wall = time.perf_counter() - t
        n = sum(map(len, spans))
        exact = all(0 <= a < b <= len(x) for x, ss in zip(corpus, spans) for a, b in ss)
        right = sum([x[a:b] for a, b in fn(x)] == want for x, want in CASES)
        shared = sum(len(r & set(a for a, _ in ss)) for r, ss in zip(ref, spans))
        lines.append(f"| {name} | {wall:.2f} s | {n} | {'yes' if exact else 'no'} | {right} of {len(CASES)} "
                     f"| {shared / max(1, sum(map(len, ref))):.3f} |")
    return lines


def _dateparser() -> Callable[[str, dt.date], str | None] | None:
    try:
        from dateparser.search import search_dates  # type: ignore[import-not-found]
    except ImportError:
        return None

    def first(sentence: str, ref: dt.date) -> str | None:
        base = dt.datetime(ref.year, ref.month, ref.day, 12)
        found = search_dates(sentence, languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        return found[0][1].date().isoformat() if found else None
    return first


def our_first(sentence: str, ref: dt.date) -> str | None:
    from webmap.incidents.dates import pick
    c = pick(find_cues(sentence, ref), 0)
    return c.date if c else None


def dates_report(corpus: list[str], eval_dir: Path) -> list[str]:
    sents = [t[a:b] for t in corpus[:200] for a, b in ours(t)]
    ref = dt.date(2024, 8, 11)
    acled_path = eval_dir / "acled_dev.json"
    acled = json.loads(acled_path.read_text("utf-8")) if acled_path.is_file() else []
    lines = [f"| date reader | time for {len(sents)} sentences | ACLED notes dated right | relative cases right |",
             "|---|---|---|---|"]
    for name, fn in (("ours (webmap.incidents.dates)", our_first), ("dateparser search_dates", _dateparser())):
        if fn is None:
            lines.append(f"| {name} | not installed | | |")
            continue
        t = time.perf_counter()
        for s in sents:
            fn(s, ref)
        wall = time.perf_counter() - t
        # an ACLED note dated by its first cue, the coder's date one week later as the article date
        ok = sum(fn(a["text"], dt.date.fromisoformat(a["date"]) + dt.timedelta(days=7)) == a["date"] for a in acled)
        rel = sum(fn(s, dt.date.fromisoformat(r)) == want for s, r, want in DATE_CASES)
        lines.append(f"| {name} | {wall:.2f} s | {ok} of {len(acled)} | {rel} of {len(DATE_CASES)} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL)
    a = ap.parse_args(argv)
    corpus = texts(a.eval)
    load = os.getloadavg()
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {len(corpus)} texts, {sum(map(len, corpus))} chars\n")
    print("\n".join(sentences_report(corpus)))
    print()
    print("\n".join(dates_report(corpus, a.eval)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
