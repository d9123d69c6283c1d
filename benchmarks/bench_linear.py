"""Extraction time against article size (issue 10: linear time), 62 KB to 2 MiB.

The article is the bundled seed repeated to the size, as ONE paragraph (the worst case reported: the
time grew with the square of the sentences in one paragraph) and as ordinary paragraphs. For each size
it times sentence splitting, the pipeline's extraction (which includes the merge) and prints the
seconds per 100 KB, which stays flat when the time is linear.

    .venv/bin/python benchmarks/bench_linear.py [--max-kib 2048] [--stages-only]
"""
from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES_KIB = (62, 124, 248, 512, 1024, 2048)


def build_text(size: int, one_paragraph: bool) -> str:
    """The seed's body repeated to ``size`` characters."""
    seed = (ROOT / "seeds" / "kursk-2024-08-11.txt").read_text(encoding="utf-8")
    seed = re.sub(r"\A\s*date\s*:?\s*\d{4}-\d{2}-\d{2}\s*", "", seed)
    if one_paragraph:
        seed = re.sub(r"\s*\n\s*", " ", seed).strip() + " "
    else:
        seed = seed.strip() + "\n\n"
    reps = size // len(seed) + 1
    return (seed * reps)[:size].rsplit(" ", 1)[0] + "."


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-kib", type=int, default=2048)
    ap.add_argument("--stages-only", action="store_true", help="time sentence splitting only (no gazetteer)")
    ap.add_argument("--layouts", default="one,paras")
    args = ap.parse_args()
    from webmap.incidents.loaders import from_text
    from webmap.incidents.sentences import split_sentences
    gz = None
    if not args.stages_only:
        from webmap.incidents.pipeline import default_gazetteer, extract
        gz = default_gazetteer()
        extract(from_text("Russian missiles struck Kharkiv on Monday.", article_id="warm", date="2024-08-12"), gz)
    print(f"# {platform.node()} {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{date.today().isoformat()}")
    print("| layout | size | sentences | split s | extract s | incidents | extract s per 100 KB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for layout in args.layouts.split(","):
        for kib in (k for k in SIZES_KIB if k <= args.max_kib):
            text = build_text(kib * 1024, layout == "one")
            art = from_text(text, article_id=f"bench-{kib}", date="2024-08-11", source_name="bench")
            t_split, sents = timed(split_sentences, art)
            t_ext, incs = (0.0, []) if gz is None else timed(lambda a: list(extract(a, gz)), art)
            per = (t_ext or t_split) / (len(text.encode()) / 102400)
            print(f"| {'one paragraph' if layout == 'one' else 'paragraphs'} | {kib} KiB | {len(sents)} | "
                  f"{t_split:.3f} | {t_ext:.2f} | {len(incs)} | {per:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
