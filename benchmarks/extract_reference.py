#!/usr/bin/env python3
"""Exactness check for speed work: the output of ``webmap extract`` on the development corpora, stored and diffed.

usage: python benchmarks/extract_reference.py run OUTDIR [--project DIR] [--python PY] [--eval DIR]
       python benchmarks/extract_reference.py diff REFDIR NEWDIR

``run`` feeds every corpus to ``PY -m webmap extract --jsonl`` (cwd and PYTHONPATH = the project, so another
checkout can be run with this checkout's venv) the way the scorers in ../shared/eval/score do, and writes
``OUTDIR/<corpus>.in.jsonl`` (the input) and ``OUTDIR/<corpus>.out.jsonl`` (stdout; stderr and the exit
status go to ``<corpus>.err``). The seed and test articles also go through the file mode (a GeoJSON
FeatureCollection). ``diff`` compares two such directories byte for byte and prints the first difference
of each corpus that differs; its status is 1 when anything differs.

Corpora: GWN.xml and GeoVirus.xml (full texts), ACLED notes (with their date, as eval_typed.py), Bellingcat
and CIR descriptions (those that name their place, as eval_events.py), the bundled seeds and the Cyrillic
sets under benchmarks/data. The evaluation sets are read from ../shared/eval/dev (never copied here); the
corpora missing there are skipped with a note.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "dev"
if not EVAL.is_dir():
    EVAL = Path("/work/shared/eval/dev")


def _f(x: object) -> float | None:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def gwn(path: Path) -> list[dict]:
    return [{"id": a.get("file"), "text": a.findtext("text") or ""} for a in ET.parse(path).getroot()]


def geovirus(path: Path) -> list[dict]:
    return [{"id": str(i), "text": a.findtext("text") or ""} for i, a in enumerate(ET.parse(path).getroot())]


def acled(path: Path) -> list[dict]:
    return [{"id": e["id"], "text": e["text"], "date": e["date"]} for e in json.loads(path.read_text("utf-8"))]


def bellingcat(path: Path) -> list[dict]:
    out = []
    for e in json.loads(path.read_text("utf-8")):
        if not e.get("location") or _f(e.get("latitude")) is None:
            continue
        head = e["location"].split(",")[0].strip()
        if head and head.lower() in e["description"].lower():
            out.append({"id": str(e["id"]), "text": e["description"]})
    return out


def cir(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if _f(r["lat"]) is not None]
    return [{"id": str(r["entry"]), "text": r["brief description"]} for r in rows
            if r["town/city"] and r["town/city"].lower() in (r["brief description"] or "").lower()]


def cyrillic(path: Path) -> list[dict]:
    return [{"id": i["id"], "text": i["text"], "date": i.get("date")}
            for i in json.loads(path.read_text("utf-8"))["items"]]


def seeds(folder: Path) -> list[dict]:
    return [{"id": p.stem, "text": p.read_text("utf-8")} for p in sorted(folder.glob("*.txt"))]


def corpora(project: Path, eval_dir: Path) -> dict[str, list[dict]]:
    """name -> JSONL items."""
    out: dict[str, list[dict]] = {}
    for name, fn, path in (("gwn", gwn, eval_dir / "GWN.xml"), ("geovirus", geovirus, eval_dir / "GeoVirus.xml"),
                           ("acled", acled, eval_dir / "acled_dev.json"),
                           ("bellingcat", bellingcat, eval_dir / "bellingcat_dev.json"),
                           ("cir", cir, eval_dir / "cir_dev.csv")):
        if path.is_file():
            out[name] = fn(path)
        else:
            print(f"note: {path} missing, {name} skipped", file=sys.stderr)
    out["seeds"] = seeds(ROOT / "seeds")
    for name in ("cyrillic_dev", "cyrillic_heldout"):
        p = ROOT / "benchmarks" / "data" / f"{name}.json"
        if p.is_file():
            out[name] = cyrillic(p)
    return out


def run(outdir: Path, project: Path, python: str, eval_dir: Path) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(project))
    status = 0
    for name, items in corpora(project, eval_dir).items():
        data = "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
        (outdir / f"{name}.in.jsonl").write_text(data, encoding="utf-8")
        t = time.perf_counter()
        p = subprocess.run([python, "-m", "webmap", "extract", "--jsonl"], cwd=project, env=env,
                           input=data.encode("utf-8"), capture_output=True)
        wall = time.perf_counter() - t
        (outdir / f"{name}.out.jsonl").write_bytes(p.stdout)
        (outdir / f"{name}.err").write_bytes(p.stderr + f"exit {p.returncode}\n".encode())
        print(f"{name}: {len(items)} items, exit {p.returncode}, {wall:.1f} s", file=sys.stderr)
        status |= p.returncode
    files = [str(ROOT / "seeds" / "kursk-2024-08-11.txt")]
    files += sorted(str(p) for p in (ROOT / "tests" / "data" / "articles").glob("*") if p.suffix != ".jsonl")
    p = subprocess.run([python, "-m", "webmap", "extract", *files], cwd=project, env=env, capture_output=True)
    (outdir / "files.out.json").write_bytes(p.stdout)
    (outdir / "files.err").write_bytes(p.stderr + f"exit {p.returncode}\n".encode())
    print(f"files: {len(files)} files, exit {p.returncode}", file=sys.stderr)
    return status


def diff(ref: Path, new: Path) -> int:
    names = sorted({p.name for p in ref.iterdir()} | {p.name for p in new.iterdir()})
    bad = 0
    for n in names:
        a, b = ref / n, new / n
        if not a.exists() or not b.exists():
            print(f"{n}: only in {'new' if b.exists() else 'reference'}")
            bad += 1
            continue
        x, y = a.read_bytes(), b.read_bytes()
        if x == y:
            continue
        bad += 1
        lx, ly = x.splitlines(), y.splitlines()
        k = next((i for i, (u, v) in enumerate(zip(lx, ly)) if u != v), min(len(lx), len(ly)))
        print(f"{n}: differs from line {k + 1} ({len(lx)} vs {len(ly)} lines)")
        if k < len(lx):
            print(f"  ref: {lx[k][:600].decode('utf-8', 'replace')}")
        if k < len(ly):
            print(f"  new: {ly[k][:600].decode('utf-8', 'replace')}")
    print(f"{len(names) - bad} of {len(names)} files identical")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("outdir", type=Path)
    r.add_argument("--project", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    r.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    r.add_argument("--eval", type=Path, default=EVAL, help="folder of the evaluation sets")
    d = sub.add_parser("diff")
    d.add_argument("ref", type=Path)
    d.add_argument("new", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "run":
        return run(a.outdir, a.project.resolve(), a.python, a.eval)
    return diff(a.ref, a.new)


if __name__ == "__main__":
    sys.exit(main())
