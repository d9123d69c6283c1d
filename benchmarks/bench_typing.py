#!/usr/bin/env python3
"""ACLED typing benchmark: event_type and sub_event_type in-sample and by 5-fold rotation.

usage: python benchmarks/bench_typing.py [ACLED_JSON] [-v]
ACLED_JSON defaults to ../shared/eval/dev/acled_dev.json; when it is absent the benchmark says so and exits 0.

The typer is made of patterns, not of a learned model, so "cross-validation" is done the way a pattern author
would do it: for each fold, every trigger rule (an alternative of webmap.incidents.triggers.RULES) that matches
no note outside the fold is switched off -- a rule that only the held-out notes support would not have been
written by someone who saw only the other four folds -- and the held-out fold is typed with what is left.
The rules of the typing stage itself (events.py: sub-types of territory, riots, weapons) are not rotated;
see docs/BENCHMARKS-events.md. -v lists the rules that only one note supports (candidates for over-fitting).
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from webmap.incidents import triggers  # noqa: E402
from webmap.incidents.models import Article  # noqa: E402
from webmap.incidents.pipeline import default_gazetteer, extract  # noqa: E402
from webmap.incidents.sentences import split_sentences  # noqa: E402

FOLDS = 5


def fold_of(note_id: str) -> int:
    """A note's fold: fixed by its id (salted: the dev set itself looks cut from a plain hash of the ids), so every
    run rotates the same way."""
    return int(hashlib.sha1(f"typing-cv:{note_id}".encode("utf-8")).hexdigest(), 16) % FOLDS


def best(item: dict, gz) -> tuple[str | None, str | None]:  # noqa: ANN001
    incs = extract(Article(str(item["id"]), item["text"], date=item.get("date")), gz)
    if not incs:
        return None, None
    i = max(incs, key=lambda i: i.score)
    return i.event_type, i.sub_event_type


def score(items: list[dict], gz) -> tuple[int, int, list[tuple[dict, tuple]]]:  # noqa: ANN001
    et = st = 0
    misses = []
    for it in items:
        got = best(it, gz)
        et += got[0] == it["event_type"]
        st += got[1] == it["sub_event_type"]
        if got != (it["event_type"], it["sub_event_type"]):
            misses.append((it, got))
    return et, st, misses


def support(items: list[dict]) -> dict[tuple[str, int], set[str]]:
    """Which notes each trigger rule matches in."""
    sup: dict[tuple[str, int], set[str]] = defaultdict(set)
    for it in items:
        for s in split_sentences(Article(str(it["id"]), it["text"])):
            for rule in triggers.rules_in(s.text):
                sup[rule].add(str(it["id"]))
    return sup


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    path = Path(args[0]) if args else ROOT.parent / "shared" / "eval" / "dev" / "acled_dev.json"
    if not path.is_file():
        print(f"bench_typing: {path} not found; skipped (give the path of acled_dev.json)")
        return 0
    items = json.loads(path.read_text(encoding="utf-8"))
    gz = default_gazetteer()
    n = len(items)
    et, st, misses = score(items, gz)
    sup = support(items)
    fold = {str(it["id"]): fold_of(it["id"]) for it in items}
    cv_et = cv_st = 0
    off_counts = []
    for k in range(FOLDS):
        held = [it for it in items if fold[str(it["id"])] == k]
        off = {r for r, ids in sup.items() if ids and all(fold[i] == k for i in ids)}
        off_counts.append(len(off))
        triggers.disable_rules(off)
        try:
            e, s, _ = score(held, gz)
        finally:
            triggers.disable_rules(set())
        cv_et += e
        cv_st += s
    single = sorted(r for r, ids in sup.items() if len(ids) == 1)
    res = {"file": path.name, "n": n, "event_type": round(et / n, 4), "sub_event_type": round(st / n, 4),
           "cv_event_type": round(cv_et / n, 4), "cv_sub_event_type": round(cv_st / n, 4),
           "rules": sum(len(v) for v in triggers.RULES.values()), "rules_off_per_fold": off_counts,
           "rules_with_one_note": len(single), "machine": f"{platform.machine()} {os.cpu_count()} CPUs",
           "python": platform.python_version()}
    print(json.dumps(res))
    if "-v" in argv:
        for kind, i in single:
            print(f"  one note: {kind}[{i}] {triggers.RULES[kind][i]}")
        for it, got in misses:
            print(f"  miss: {it['event_type']} / {it['sub_event_type']} -> {got[0]} / {got[1]}: {it['text'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
