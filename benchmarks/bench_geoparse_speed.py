#!/usr/bin/env python3
"""Geoparsing speed against a bare regex scan of the same text, in one process run (issue 13, step 4).

usage:
  python benchmarks/bench_geoparse_speed.py [CORPUS.xml] [--rounds N] [--profile [N]] [--cpu K]

CORPUS defaults to GeoWebNews dev (``../shared/eval/dev/GWN.xml``). Measures, pinned to one core:

* the bare regex scan: ``re.findall(r"\\w+", text)`` over every document, one C-level pass that only
  touches each word (the least any geoparser does); documents per second;
* ``Gazetteer.geoparse`` over the same documents after start-up (warm: the first pass is not counted);
* the ratio of the two, per round, interleaved so that a load change on a shared machine hits both alike
  (the median round is reported, and the best);
* a fresh process ready to geoparse: ``python -m gazetteer geoparse --jsonl`` on one document (as the
  official scorer's one-document run), and the import + open + first text inside such a process;
* which heavy modules a geoparsing process imports (geopy, shapely), peak RSS of this process.

``--profile`` prints cProfile's top functions (cumulative and self time) of geoparsing the corpus.
Machines are shared: read the figures beside the load average printed with them.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gazetteer import load_corpus  # noqa: E402

SCAN = re.compile(r"\w+")


def _default_corpus() -> str:
    for d in (ROOT.parent / "shared/eval/dev", Path("/work/shared/eval/dev")):
        if (d / "GWN.xml").is_file():
            return str(d / "GWN.xml")
    sys.exit("give the corpus path (GWN.xml)")


def scan_rate(texts: list[str]) -> float:
    t = time.perf_counter()
    for x in texts:
        SCAN.findall(x)
    return len(texts) / (time.perf_counter() - t)


def geoparse_rate(gz, texts: list[str]) -> float:
    t = time.perf_counter()
    for x in texts:
        gz.geoparse(x)
    return len(texts) / (time.perf_counter() - t)


def fresh_process(corpus_first: str) -> dict:
    """Wall time of a whole fresh CLI process on one document, and import+open+first text inside one."""
    line = json.dumps({"id": "1", "text": corpus_first}) + "\n"
    walls = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gazetteer", "geoparse", "--jsonl"], cwd=ROOT, input=line,
                       capture_output=True, text=True, check=True)
        walls.append(time.perf_counter() - t)
    code = ("import sys, time; t = time.perf_counter(); from gazetteer import Gazetteer; "
            "gz = Gazetteer.default(); gz.geoparse(sys.argv[1]); "
            "print(time.perf_counter() - t, 'geopy' in sys.modules, 'shapely' in sys.modules)")
    inner, mods = [], ""
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code, corpus_first], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
        inner.append(float(out[0]))
        mods = f"geopy imported: {out[1]}, shapely imported: {out[2]}"
    return {"cli_one_doc_s": round(statistics.median(walls), 3), "import_open_first_text_s":
            round(statistics.median(inner), 3), "modules": mods}


def profile(gz, texts: list[str], top: int) -> None:
    pr = cProfile.Profile()
    pr.enable()
    for x in texts:
        gz.geoparse(x)
    pr.disable()
    for key in ("cumulative", "tottime"):
        buf = io.StringIO()
        pstats.Stats(pr, stream=buf).strip_dirs().sort_stats(key).print_stats(top)
        print(f"--- top {top} by {key} ---")
        body = buf.getvalue()
        print(body[body.find("   ncalls"):].rstrip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--profile", type=int, nargs="?", const=25, default=0, metavar="N")
    ap.add_argument("--cpu", type=int, default=None, help="the core to pin to (default: the last one)")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {args.cpu if args.cpu is not None else cpus[-1]})
    texts = [d["text"] for d in load_corpus(args.corpus or _default_corpus())]
    from gazetteer import Gazetteer

    t = time.perf_counter()
    gz = Gazetteer.default()
    open_s = time.perf_counter() - t
    if args.profile:
        geoparse_rate(gz, texts)          # warm
        profile(gz, texts, args.profile)
        return
    geoparse_rate(gz, texts)              # warm-up pass, not counted
    rounds = []
    for _ in range(args.rounds):
        s = scan_rate(texts)
        g = geoparse_rate(gz, texts)
        rounds.append((g / s, g, s))
    rounds.sort()
    ratio, rate, scan = rounds[len(rounds) // 2]
    res = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, one core",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "docs": len(texts), "chars": sum(map(len, texts)), "rounds": args.rounds,
        "geoparse_docs_per_s_median_round": round(rate, 1),
        "regex_scan_docs_per_s_median_round": round(scan, 1),
        "ratio_median_round": round(ratio, 4),
        "ratio_best_round": round(rounds[-1][0], 4),
        "geoparse_docs_per_s_best": round(max(r[1] for r in rounds), 1),
        "open_s_in_process": round(open_s, 3),
        **fresh_process(texts[0]),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_mb_children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
