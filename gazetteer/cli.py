"""Command line: ``gazetteer geoparse|resolve|geocode|reverse|build|import|info``.

Batch formats (one JSON object per line, the benchmarks use them):
  geoparse --jsonl   {"id", "text"}            -> {"id", "mentions": [{start, end, text, name, lat, lon, ...}]}
  resolve --jsonl    {"id", "text", "spans"}   -> {"id", "resolutions": [{...} | null, ...]}
  geocode --jsonl    {"id", "query"}           -> {"id", "result": {...} | null}
A bad line is reported on stderr with its number; the rest goes on; the exit status is 1 if
any line failed, 2 for unusable input (empty, unreadable), 0 otherwise.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from .exc import GazetteerError

EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _gz():
    from .gazetteer import Gazetteer

    return Gazetteer.default()


def _read_file_text(path: str) -> str:
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    if not data.strip():
        raise GazetteerError(f"{path}: empty input")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GazetteerError(f"{path}: not UTF-8 text (byte {err.start}: {data[err.start:err.start + 1]!r})") from err


def _lines(stream: Any) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object | Exception) for each non-blank line of a binary stream."""
    for no, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            yield no, json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield no, GazetteerError(f"not UTF-8 (byte {err.start})")
        except ValueError as err:
            yield no, GazetteerError(f"invalid JSON ({err})")


def _batch(handler: Callable[[dict], dict], out: TextIO) -> int:
    failed = seen = 0
    for no, obj in _lines(sys.stdin.buffer):
        seen += 1
        try:
            if isinstance(obj, Exception):
                raise obj
            if not isinstance(obj, dict) or "id" not in obj:
                raise GazetteerError('each line must be a JSON object with an "id"')
            out.write(json.dumps(handler(obj), ensure_ascii=False) + "\n")
            out.flush()
        except (GazetteerError, ValueError, TypeError, KeyError) as err:
            failed += 1
            print(f"gazetteer: line {no}: {err}", file=sys.stderr)
    if not seen:
        print("gazetteer: no input lines on stdin", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _text_of(obj: dict) -> str:
    text = obj.get("text")
    if not isinstance(text, str):
        raise GazetteerError('"text" must be a string')
    return text


def cmd_geoparse(args: argparse.Namespace) -> int:
    gz = _gz()
    if args.jsonl:
        return _batch(lambda o: {"id": o["id"], "mentions": [m.as_dict() for m in gz.geoparse(_text_of(o))]},
                      sys.stdout)
    if not args.file:
        raise GazetteerError("give a FILE (or - for stdin), or --jsonl")
    text = _read_file_text(args.file)
    print(json.dumps([m.as_dict() for m in gz.geoparse(text)], ensure_ascii=False, indent=1))
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    gz = _gz()

    def handle(o: dict) -> dict:
        spans = o.get("spans")
        if not isinstance(spans, list) or not all(isinstance(s, (list, tuple)) and len(s) == 2 for s in spans):
            raise GazetteerError('"spans" must be a list of [start, end] pairs')
        res = gz.resolve_spans(_text_of(o), [(int(a), int(b)) for a, b in spans])
        return {"id": o["id"], "resolutions": [r.as_dict() if r else None for r in res]}
    return _batch(handle, sys.stdout)


def cmd_geocode(args: argparse.Namespace) -> int:
    gz = _gz()
    if args.jsonl:
        def handle(o: dict) -> dict:
            q = o.get("query")
            if not isinstance(q, str) or not q.strip():
                raise GazetteerError('"query" must be a non-empty string')
            r = gz.geocode_resolution(q)
            return {"id": o["id"], "result": r.as_dict() if r else None}
        return _batch(handle, sys.stdout)
    if not args.query:
        raise GazetteerError("give a QUERY, or --jsonl")
    r = gz.geocode_resolution(" ".join(args.query))
    print(json.dumps(r.as_dict() if r else None, ensure_ascii=False, indent=1))
    return EXIT_OK if r else EXIT_SOME_FAILED


def cmd_reverse(args: argparse.Namespace) -> int:
    places = _gz().reverse(args.lat, args.lon)
    print(json.dumps([{"place_id": p.place_id, "name": p.name, "kind": p.kind, "country_code": p.country_code}
                      for p in places], ensure_ascii=False, indent=1))
    return EXIT_OK if places else EXIT_SOME_FAILED


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build_index
    from .cache import default_index_path

    path = default_index_path()
    if path.exists() and not args.force:
        print(f"gazetteer index up to date: {path}", file=sys.stderr)
        return EXIT_OK
    build_index(path, progress=not args.quiet)
    print(f"built {path}", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from .build.imports import import_file

    n = import_file(Path(args.file), fmt=args.format, country=args.country)
    print(f"imported {n} places from {args.file}; the index is rebuilt on next use", file=sys.stderr)
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    gz = _gz()
    print(json.dumps({"index": str(gz.index.path), **gz.index.meta}, indent=1))
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="gazetteer", description="Offline gazetteer and geoparser "
                                "(place data: GeoNames CC BY 4.0, Natural Earth, Who's On First).")
    sub = p.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("geoparse", help="find and resolve the place mentions of a text")
    g.add_argument("file", nargs="?")
    g.add_argument("--jsonl", action="store_true", help='read {"id","text"} lines on stdin')
    g.set_defaults(func=cmd_geoparse)
    r = sub.add_parser("resolve", help="resolve given spans (jsonl on stdin)")
    r.add_argument("--jsonl", action="store_true", required=True)
    r.set_defaults(func=cmd_resolve)
    c = sub.add_parser("geocode", help="geocode a place string")
    c.add_argument("query", nargs="*")
    c.add_argument("--jsonl", action="store_true", help='read {"id","query"} lines on stdin')
    c.set_defaults(func=cmd_geocode)
    v = sub.add_parser("reverse", help="region and country containing a point")
    v.add_argument("lat", type=float)
    v.add_argument("lon", type=float)
    v.set_defaults(func=cmd_reverse)
    b = sub.add_parser("build", help="build the cached index now (otherwise built on first use)")
    b.add_argument("--force", action="store_true")
    b.add_argument("--quiet", action="store_true")
    b.set_defaults(func=cmd_build)
    i = sub.add_parser("import", help="add places from a GeoNames dump (UA.txt), CSV or GeoJSON")
    i.add_argument("file")
    i.add_argument("--format", choices=("geonames", "csv", "geojson"), default=None)
    i.add_argument("--country", help="only rows of this country code (GeoNames dumps)")
    i.set_defaults(func=cmd_import)
    n = sub.add_parser("info", help="where the index is and what it holds")
    n.set_defaults(func=cmd_info)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``gazetteer`` command and ``python -m gazetteer``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"geoparse", "resolve", "geocode", "reverse", "build", "import", "info", "-h", "--help"}
    if argv and argv[0] not in commands:
        argv = ["geocode", *argv]          # python -m gazetteer "Kharkiv"
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except GazetteerError as err:
        print(f"gazetteer: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as err:
        print(f"gazetteer: {err.strerror or err}: {getattr(err, 'filename', '') or ''}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
