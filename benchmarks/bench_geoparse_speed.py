#!/usr/bin/env python3
"""Geoparsing speed against a bare regex scan of the same text, in one process run (issue 13, step 4).

usage:
  python benchmarks/bench_geoparse_speed.py [CORPUS.xml] [--rounds N] [--profile [N]] [--cpu K] [--code TREE]

CORPUS defaults to GeoWebNews dev (``../shared/eval/dev/GWN.xml``). Measures, pinned to one core:

* the bare regex scan: ``re.findall(r"\\w+", text)`` over every document, one C-level pass that only
  touches each word (the least any geoparser does); documents per second;
* ``Gazetteer.geoparse`` over the same documents after start-up (warm: the first pass is not counted);
* the ratio of the two, in CPU time of the benchmark's thread (time spent waiting for a core on a loaded
  machine does not count) and in wall time; each the median of the rounds;
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
if "--code" in sys.argv:          # measure another checkout's code (e.g. main's, for a "before" figure)
    ROOT = Path(sys.argv[sys.argv.index("--code") + 1]).resolve()
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gazetteer import load_corpus  # noqa: E402

sys.path.insert(0, str(ROOT))     # bench_gazetteer put this checkout first: the measured code goes first again

SCAN = re.compile(r"\w+")
SCAN_REPEAT = 5             # the scan is fast: repeat it so its time is measured as well as the geoparse's


def _default_corpus() -> str:
    for d in (ROOT.parent / "shared/eval/dev", Path("/work/shared/eval/dev")):
        if (d / "GWN.xml").is_file():
            return str(d / "GWN.xml")
    sys.exit("give the corpus path (GWN.xml)")


def geoparse_rate(gz, texts: list[str]) -> float:
    t = time.perf_counter()
    for x in texts:
        gz.geoparse(x)
    return len(texts) / (time.perf_counter() - t)


def one_round(gz, texts: list[str]) -> dict[str, float]:
    """Docs/s of the scan and of geoparsing over one pass each, in CPU time of this thread (what a
    loaded machine's waiting does not inflate) and in wall time."""
    cpu, wall = time.thread_time, time.perf_counter
    c0, w0 = cpu(), wall()
    for _ in range(SCAN_REPEAT):
        for x in texts:
            SCAN.findall(x)
    c1, w1 = cpu(), wall()
    for x in texts:
        gz.geoparse(x)
    c2, w2 = cpu(), wall()
    n = len(texts)
    return {"scan_cpu": n * SCAN_REPEAT / (c1 - c0), "scan_wall": n * SCAN_REPEAT / (w1 - w0),
            "parse_cpu": n / (c2 - c1), "parse_wall": n / (w2 - w1)}


def fresh_process(corpus_first: str) -> dict:
    """Wall time of a whole fresh CLI process on one document, and import+open+first text inside one."""
    line = json.dumps({"id": "1", "text": corpus_first}) + "\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    walls = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gazetteer", "geoparse", "--jsonl"], cwd=ROOT, input=line,
                       capture_output=True, text=True, check=True, env=env)
        walls.append(time.perf_counter() - t)
    code = ("import sys, time; t = time.perf_counter(); from gazetteer import Gazetteer; "
            "gz = Gazetteer.default(); gz.geoparse(sys.argv[1]); "
            "print(time.perf_counter() - t, 'geopy' in sys.modules, 'shapely' in sys.modules)")
    inner, mods = [], ""
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code, corpus_first], cwd=ROOT, capture_output=True,
                             text=True, check=True, env=env).stdout.split()
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
    ap.add_argument("--code", metavar="TREE", help="run this checkout's gazetteer (default: this one)")
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
    rounds = [one_round(gz, texts) for _ in range(args.rounds)]

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    res = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, one core",
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "docs": len(texts), "chars": sum(map(len, texts)), "rounds": args.rounds,
        "geoparse_docs_per_s_cpu": round(med("parse_cpu"), 1),
        "regex_scan_docs_per_s_cpu": round(med("scan_cpu"), 1),
        "ratio_cpu": round(statistics.median(r["parse_cpu"] / r["scan_cpu"] for r in rounds), 4),
        "geoparse_docs_per_s_wall": round(med("parse_wall"), 1),
        "regex_scan_docs_per_s_wall": round(med("scan_wall"), 1),
        "ratio_wall": round(statistics.median(r["parse_wall"] / r["scan_wall"] for r in rounds), 4),
        "open_s_in_process": round(open_s, 3),
        **fresh_process(texts[0]),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_mb_children": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
