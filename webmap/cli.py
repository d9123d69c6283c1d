"""``webmap`` command line: ``extract`` here; every other subcommand belongs to the web app (webmap.appcli)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Sequence, TextIO

from gazetteer.exc import GazetteerError

from .incidents.loaders import DEFAULT_MAX_BYTES, decode, load_path, parse_jsonl
from .incidents.exc import ArticleError, WebmapError
from .incidents.resolver import PlaceResolver

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="webmap", description="Extract conflict incidents from news articles.",
                                epilog="web app commands: serve [--host --port --db], ingest PATH..., "
                                       "export OUT.geojson [filters] (see webmap COMMAND --help)")
    sub = p.add_subparsers(dest="command")
    e = sub.add_parser("extract", help="articles -> incidents (GeoJSON FeatureCollection, or JSONL with --jsonl)")
    e.add_argument("files", nargs="*", help="article files (.txt seed, .md, .html, .json, .jsonl)")
    e.add_argument("--jsonl", action="store_true",
                   help='read {"id","text","date"?,"title"?} per line (stdin or files), write {"id","incidents"}')
    e.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size limit of one input")
    e.add_argument("--no-merge", action="store_true", help="do not merge incidents across articles")
    e.add_argument("-o", "--output", help="write the FeatureCollection to this file (atomically)")
    return p


def _gazetteer() -> PlaceResolver:
    from .incidents.pipeline import default_gazetteer

    return default_gazetteer()


def _jsonl(sources: list[tuple[str, str]], out: TextIO, err: TextIO) -> int:
    from .incidents.geojson import to_feature
    from .incidents.pipeline import extract

    gz = None
    failed = 0
    for name, text in sources:
        for n, art in parse_jsonl(text, name):
            if isinstance(art, ArticleError):
                failed += 1
                print(f"webmap extract: line {n}: {art}", file=err)
                continue
            try:
                if gz is None:
                    gz = _gazetteer()
                feats = [to_feature(i) for i in extract(art, gz)]
            except (WebmapError, GazetteerError) as e:
                failed += 1
                print(f"webmap extract: line {n}: {e}", file=err)
                continue
            out.write(json.dumps({"id": art.article_id, "incidents": feats}, ensure_ascii=False) + "\n")
            out.flush()
    return 1 if failed else 0


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.jsonl:
        if args.files:
            sources = []
            for f in args.files:
                try:
                    with open(f, "rb") as fh:
                        sources.append((f, decode(fh.read(), f, args.max_bytes)))
                except OSError as e:
                    print(f"webmap extract: {f}: cannot read ({e.strerror})", file=err)
                    return 2
        else:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") and sys.stdin is not None else b""
            if not data.strip():
                print("webmap extract: no input on stdin", file=err)
                return 2
            sources = [("stdin", decode(data, "stdin", args.max_bytes))]
        return _jsonl(sources, out, err)
    if not args.files:
        print("webmap extract: give article files, or --jsonl to read JSON lines from stdin", file=err)
        return 2
    from .incidents.geojson import to_feature_collection
    from .incidents.pipeline import extract_batch

    articles = []
    for f in args.files:
        articles += load_path(f, args.max_bytes)
    fc = to_feature_collection(extract_batch(articles, _gazetteer(), merge_across=not args.no_merge))
    payload = json.dumps(fc, ensure_ascii=False, indent=1) + "\n"
    if args.output:
        import os
        import tempfile

        d = os.path.dirname(os.path.abspath(args.output))
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".webmap-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, args.output)
    else:
        out.write(payload)
        out.flush()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the webmap command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "batch":
        from . import batch

        return batch.main(argv[1:])
    if argv and not argv[0].startswith("-") and argv[0] != "extract":
        from . import appcli

        return appcli.main(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    if args.command != "extract":
        _parser().print_help(sys.stderr)
        return 2
    try:
        return _extract(args, sys.stdout, sys.stderr)
    except (WebmapError, GazetteerError) as e:
        print(f"webmap extract: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
