"""Archive extraction on Dask: ``webmap batch`` at 1 and 2 workers on real news text. Prints one JSON line per
run and a Markdown table (for docs/BENCHMARKS-scale.md).

The archive is made at run time from the development sets' full news articles (GeoWebNews, 200 articles,
and GeoVirus, 229; read from ../shared/eval/dev, never copied into the project) plus the bundled seeds,
written as one JSONL file. Each run writes a fresh output folder; the figures are the batch summary's
(articles/s over the extraction phase, after the workers started and opened the gazetteer), its
start-up time, the peak resident memory of a worker, and the GeoParquet bytes per incident.

Run: .venv/bin/python benchmarks/bench_archive.py [--dev ../shared/eval/dev] [--workers 1 2] [--repeat 1]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def archive(dev: Path, out: Path) -> int:
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for name in ("GWN.xml", "GeoVirus.xml"):
            for i, art in enumerate(ET.parse(dev / name).getroot().iter("article")):
                text = (art.findtext("text") or "").strip()
                if text:
                    fh.write(json.dumps({"id": f"{Path(name).stem}-{i}", "title": art.findtext("title") or "",
                                         "text": text}, ensure_ascii=False) + "\n")
                    n += 1
        for f in sorted((ROOT / "seeds").iterdir()):
            fh.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
            n += 1
    return n


def run(inp: Path, out: Path, workers: int, partition: int) -> dict:
    p = subprocess.run([sys.executable, "-m", "webmap", "batch", str(inp), "--out", str(out), "--workers",
                        str(workers), "--partition-size", str(partition), "-q"], capture_output=True, text=True,
                       cwd=ROOT, timeout=3600)
    summary = json.loads(p.stderr.strip().splitlines()[-1])
    size = sum(f.stat().st_size for f in out.glob("part-*.parquet"))
    summary.update(workers=workers, parquet_bytes=size,
                   bytes_per_incident=round(size / summary["incidents"], 1) if summary["incidents"] else None)
    return summary


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not (args.dev / "GWN.xml").exists():
        args.dev = Path("/work/shared/eval/dev")
    results = []
    with tempfile.TemporaryDirectory() as d:
        inp = Path(d) / "archive.jsonl"
        n = archive(args.dev, inp)
        print(f"archive: {n} articles, {inp.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
        for r in range(args.repeat):
            for w in args.workers:
                s = run(inp, Path(d) / f"out-{w}-{r}", w, args.partition_size)
                s["input_mb"] = round(inp.stat().st_size / 1e6, 2)
                print(json.dumps(s), flush=True)
                results.append(s)
    print(f"\nMachine: {platform.machine()} · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
          f"{time.strftime('%Y-%m-%dT%H:%M', time.gmtime())} UTC\n")
    print("| workers | articles | incidents | start-up s | extraction articles/s | wall s | CPU ms/article | "
          "worker peak RSS MB | GeoParquet bytes/incident |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for s in results:
        print(f"| {s['workers']} | {s['articles']} | {s['incidents']} | {s['startup_seconds']} | "
              f"{s['articles_per_s']} | {s['seconds']} | {s.get('cpu_ms_per_article', '–')} | "
              f"{s.get('worker_peak_rss_mb', '–')} | "
              f"{s['bytes_per_incident']} |")


if __name__ == "__main__":
    main()
