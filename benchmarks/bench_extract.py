#!/usr/bin/env python3
"""Speed of ``webmap extract``: news articles per second through the whole pipeline, the share of each stage,
and the ratio to a bare regex scan of the same text measured in the same run.

usage: python benchmarks/bench_extract.py [--repeat N] [--profile N] [CORPUS ...]
CORPUS: GWN.xml / GeoVirus.xml style files (``<text>`` elements) or .txt articles. Without any it reads
GWN.xml and GeoVirus.xml from ../shared/eval/dev when present, and always the bundled seeds.

What is timed is what ``webmap extract --jsonl`` does per article after start-up: ``extract()`` (geoparse,
sentences, triggers, counts, dates, scene, merge, freeze) plus the GeoJSON feature and its JSON line.
- articles/s: the best of ``--repeat`` passes over all articles, on one core (a warm process; the gazetteer is
  opened and every article run once before timing). Load on the machine lowers it: the load average is printed.
- regex scan: ``re.finditer(r"\\w+")`` over the same texts, every match consumed, in the same run; the ratio
  extract/scan is steadier under load than either rate.
- stages: a separate pass with each stage function wrapped by a timer (it adds a little overhead); the share
  of each stage in that pass's wall time. Stages nest in no other stage here.
- ``--profile N``: cProfile of one pass, the top N functions by cumulative and by self time.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webmap.incidents import pipeline  # noqa: E402
from webmap.incidents.geojson import to_feature  # noqa: E402
from webmap.incidents.loaders import from_text  # noqa: E402
from webmap.incidents.models import Article  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev"
if not EVAL.is_dir():
    EVAL = Path("/work/shared/eval/dev")

# stage name -> the names in webmap.incidents.pipeline that make it (wrapped for the stage pass)
STAGES: dict[str, tuple[str, ...]] = {
    "sentences": ("split_sentences", "is_tail", "paragraph_of"),
    "triggers (detect, casualty_only)": ("detect", "casualty_only", "detect_note"),
    "counts": ("find_counts", "launched_by_weapon"),
    "dates": ("find_cues",),
    "actors, weapons": ("find_actors", "find_weapons"),
    "scene (choose, context)": ("choose", "update_context", "scene_mentions"),
    "evacuation routes": ("_evac_places",),
    "war screen": ("document_is_war",),
    "merge": ("merge",),
    "freeze": ("freeze",),
}


def articles(paths: list[Path]) -> list[Article]:
    out: list[Article] = []
    for p in paths:
        if p.suffix == ".xml":
            for i, a in enumerate(ET.parse(p).getroot()):
                text = a.findtext("text") or ""
                if text.strip():
                    out.append(from_text(text, article_id=f"{p.stem}-{i}"))
        else:
            out.append(from_text(p.read_text("utf-8"), article_id=p.stem))
    return out


def one_pass(arts: list[Article], gz: Any) -> float:
    t = time.perf_counter()
    for a in arts:
        feats = [to_feature(i) for i in pipeline.extract(a, gz)]
        json.dumps({"id": a.article_id, "incidents": feats}, ensure_ascii=False)
    return time.perf_counter() - t


_WORD = re.compile(r"\w+")


def scan_pass(arts: list[Article]) -> float:
    t = time.perf_counter()
    n = 0
    for a in arts:
        for _ in _WORD.finditer(a.text):
            n += 1
    return time.perf_counter() - t


class _Timed:
    """The gazetteer with its geoparse timed."""

    def __init__(self, gz: Any, acc: dict[str, float]):
        self._gz, self._acc = gz, acc

    def geoparse(self, text: str) -> Any:
        t = time.perf_counter()
        try:
            return self._gz.geoparse(text)
        finally:
            self._acc["geoparse (gazetteer)"] += time.perf_counter() - t

    def __getattr__(self, name: str) -> Any:
        return getattr(self._gz, name)


def _wrap(fn: Callable[..., Any], key: str, acc: dict[str, float]) -> Callable[..., Any]:
    def timed(*a: Any, **k: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            acc[key] += time.perf_counter() - t
    return timed


def stage_pass(arts: list[Article], gz: Any) -> tuple[float, dict[str, float]]:
    acc: dict[str, float] = {k: 0.0 for k in ("geoparse (gazetteer)", *STAGES, "GeoJSON + JSON line")}
    saved = {n: getattr(pipeline, n) for names in STAGES.values() for n in names}
    try:
        for key, names in STAGES.items():
            for n in names:
                setattr(pipeline, n, _wrap(saved[n], key, acc))
        tgz = _Timed(gz, acc)
        t = time.perf_counter()
        for a in arts:
            incs = pipeline.extract(a, tgz)
            t1 = time.perf_counter()
            json.dumps({"id": a.article_id, "incidents": [to_feature(i) for i in incs]}, ensure_ascii=False)
            acc["GeoJSON + JSON line"] += time.perf_counter() - t1
        wall = time.perf_counter() - t
    finally:
        for n, fn in saved.items():
            setattr(pipeline, n, fn)
    return wall, acc


def profile(arts: list[Article], gz: Any, top: int) -> str:
    pr = cProfile.Profile()
    pr.enable()
    one_pass(arts, gz)
    pr.disable()
    out = io.StringIO()
    for key in ("cumulative", "tottime"):
        st = pstats.Stats(pr, stream=out)
        st.sort_stats(key).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    ap.add_argument("--all-cores", action="store_true", help="do not pin the process to one core")
    a = ap.parse_args(argv)
    if not a.all_cores and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})      # one core, as the goals are stated
    paths = a.corpora or [p for p in (EVAL / "GWN.xml", EVAL / "GeoVirus.xml") if p.is_file()]
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    arts = articles(paths)
    chars = sum(len(x.text) for x in arts)
    gz = pipeline.default_gazetteer()
    one_pass(arts, gz)                                     # warm: index open, caches of the first read filled
    walls, scans = [], []
    for _ in range(max(1, a.repeat)):
        scans.append(scan_pass(arts))
        walls.append(one_pass(arts, gz))
    wall, scan = min(walls), min(scans)
    load = os.getloadavg()
    print(f"# webmap extract speed, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"corpora: {', '.join(p.name for p in paths)}: {len(arts)} articles, {chars} chars")
    print(f"extract: {len(arts) / wall:.1f} articles/s ({chars / wall / 1e3:.0f} k chars/s; best of "
          f"{len(walls)} passes: {', '.join(f'{w:.2f}' for w in walls)} s)")
    print(f"regex scan: {len(arts) / scan:.0f} articles/s; ratio extract/scan {scan / wall:.4f}")
    swall, acc = stage_pass(arts, gz)
    print(f"stages (a timed pass, {swall:.2f} s):")
    rest = swall - sum(acc.values())
    for k, v in sorted(acc.items(), key=lambda kv: -kv[1]) + [("rest of the pipeline", rest)]:
        print(f"  {k:36s} {v:7.3f} s  {100 * v / swall:5.1f} %")
    if a.profile:
        print(profile(arts, gz, a.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
