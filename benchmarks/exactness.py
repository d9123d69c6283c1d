#!/usr/bin/env python3
"""Byte-exact reference outputs of the gazetteer's batch interfaces, to check that a speed change
changes nothing.

Runs ``gazetteer geoparse --jsonl`` and ``gazetteer resolve --jsonl`` (gold spans) on GeoWebNews and
GeoVirus and on the bundled seed articles, and ``gazetteer geocode --jsonl`` on the Bellingcat and
ACLED location strings, each in a fresh process of the code under ``--root``, and stores the outputs.

usage:
  python benchmarks/exactness.py save  DIR [--root TREE] [--eval-dir DEV]   # write the reference
  python benchmarks/exactness.py check DIR [--root TREE] [--eval-dir DEV]   # diff against it (exit 1 on a difference)

``--root`` runs another checkout's code (``PYTHONPATH=TREE``) with this interpreter, e.g. a detached
worktree of main, to regenerate the reference from main's code. Give that checkout its own
``XDG_CACHE_HOME`` when its index differs. ``DEV`` defaults to ``../shared/eval/dev`` beside the
project, else ``/work/shared/eval/dev``.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gazetteer import load_corpus  # noqa: E402


def _eval_dir(given: str | None) -> Path:
    for d in ([given] if given else []) + [str(ROOT.parent / "shared/eval/dev"), "/work/shared/eval/dev"]:
        if d and Path(d).is_dir():
            return Path(d)
    sys.exit("no evaluation directory: pass --eval-dir")


def jobs(dev: Path, root: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (verb, input lines)."""
    out: dict[str, tuple[str, list[str]]] = {}
    for corpus in ("GWN.xml", "GeoVirus.xml"):
        docs = load_corpus(str(dev / corpus))
        stem = corpus.removesuffix(".xml")
        out[f"{stem}.geoparse"] = ("geoparse", [json.dumps({"id": d["id"], "text": d["text"]}) for d in docs])
        out[f"{stem}.resolve"] = ("resolve", [json.dumps({"id": d["id"], "text": d["text"],
                                                          "spans": [[g["start"], g["end"]] for g in d["gold"]]})
                                              for d in docs])
    seeds = sorted((root / "seeds").glob("*.txt"))
    out["seeds.geoparse"] = ("geoparse", [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")})
                                          for p in seeds])
    bell = json.loads((dev / "bellingcat_dev.json").read_text(encoding="utf-8"))
    out["bellingcat.geocode"] = ("geocode", [json.dumps({"id": e["id"], "query": e["location"]})
                                             for e in bell if isinstance(e.get("location"), str)
                                             and e["location"].strip()])
    acled = json.loads((dev / "acled_dev.json").read_text(encoding="utf-8"))
    out["acled.geocode"] = ("geocode", [json.dumps({"id": e["id"], "query": f"{e['location']}, {e['admin1']}"})
                                        for e in acled])
    return out


def run(root: Path, verb: str, lines: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(root))
    p = subprocess.run([sys.executable, "-m", "gazetteer", verb, "--jsonl"], cwd=root, env=env,
                       input="".join(ln + "\n" for ln in lines), capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"gazetteer {verb} failed ({p.returncode}): {p.stderr[-800:]}")
    return p.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("save", "check"))
    ap.add_argument("dir")
    ap.add_argument("--root", default=str(ROOT), help="the checkout whose code runs (default: this one)")
    ap.add_argument("--eval-dir")
    ap.add_argument("--only", help="comma-separated job names (GWN.geoparse, seeds.geoparse, ...)")
    args = ap.parse_args()
    root, ref = Path(args.root).resolve(), Path(args.dir)
    ref.mkdir(parents=True, exist_ok=True)
    todo = jobs(_eval_dir(args.eval_dir), root)
    if args.only:
        todo = {k: v for k, v in todo.items() if k in args.only.split(",")}
    differ = 0
    for name, (verb, lines) in todo.items():
        t = time.perf_counter()
        got = run(root, verb, lines)
        wall = time.perf_counter() - t
        path = ref / f"{name}.jsonl"
        if args.mode == "save":
            path.write_text(got, encoding="utf-8")
            print(f"{name}: {len(lines)} lines saved ({wall:.1f} s)")
            continue
        want = path.read_text(encoding="utf-8")
        if got == want:
            print(f"{name}: identical ({len(lines)} lines, {wall:.1f} s)")
            continue
        differ += 1
        a, b = want.splitlines(), got.splitlines()
        bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y] + list(range(min(len(a), len(b)), max(len(a), len(b))))
        print(f"{name}: {len(bad)} of {len(a)} lines DIFFER")
        for i in bad[:3]:
            x = a[i] if i < len(a) else ""
            y = b[i] if i < len(b) else ""
            for d in list(difflib.unified_diff(_pretty(x), _pretty(y), lineterm="", n=1))[2:14]:
                print("   ", d)
    return 1 if differ else 0


def _pretty(line: str) -> list[str]:
    """One JSON output line as several short lines, one per mention or resolution, for a readable diff."""
    if not line:
        return []
    o = json.loads(line)
    items = o.get("mentions") or o.get("resolutions") or [o.get("result")]
    return [f"id={o.get('id')}"] + [json.dumps(m, ensure_ascii=False, sort_keys=True) for m in items]


if __name__ == "__main__":
    sys.exit(main())
