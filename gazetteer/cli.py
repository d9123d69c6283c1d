"""Command line: ``gazetteer geoparse|resolve|geocode|reverse|build|import|info`` (one click group).

Batch formats (one JSON object per line, the benchmarks use them):
  geoparse --jsonl   {"id", "text"}            -> {"id", "mentions": [{start, end, text, name, lat, lon, ...}]}
  resolve --jsonl    {"id", "text", "spans"}   -> {"id", "resolutions": [{...} | null, ...]}
  geocode --jsonl    {"id", "query"}           -> {"id", "result": {...} | null}
A bad line is reported on stderr with its number; the rest goes on; the exit status is 1 if
any line failed, 2 for unusable input (empty, unreadable) or bad arguments, 0 otherwise.
``gazetteer "Kharkiv"`` (a query instead of a command) geocodes it.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Sequence

import click

from .exc import GazetteerError

EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _gz() -> Any:
    from .gazetteer import Gazetteer

    return Gazetteer.default()


def _stdin() -> IO[bytes]:
    return sys.stdin.buffer              # click's test runner gives its stdin a buffer too


def _read_file_text(path: str) -> str:
    data = _stdin().read() if path == "-" else Path(path).read_bytes()
    if not data.strip():
        raise GazetteerError(f"{path}: empty input")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GazetteerError(f"{path}: not UTF-8 text (byte {err.start}: {data[err.start:err.start + 1]!r})") from err


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, Any]]:
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


def _batch(handler: Callable[[dict], dict]) -> int:
    failed = seen = 0
    out = sys.stdout
    for no, obj in _lines(_stdin()):
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
            click.echo(f"gazetteer: line {no}: {err}", err=True)
    if not seen:
        click.echo("gazetteer: no input lines on stdin", err=True)
        return EXIT_BAD_INPUT
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _text_of(obj: dict) -> str:
    text = obj.get("text")
    if not isinstance(text, str):
        raise GazetteerError('"text" must be a string')
    return text


def _print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=1))


class GazetteerGroup(click.Group):
    """The command group: a first word that is no command is a query to geocode, and the package's
    errors end the command with a one-line message and status 2 (no traceback)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["geocode", *args]          # python -m gazetteer "Kharkiv"
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GazetteerError as err:
            click.echo(f"gazetteer: {err}", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except OSError as err:
            click.echo(f"gazetteer: {err.strerror or err}: {getattr(err, 'filename', '') or ''}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group("gazetteer", cls=GazetteerGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Offline gazetteer and geoparser (place data: GeoNames CC BY 4.0, Natural Earth, Who's On First)."""


@cli.command()
@click.argument("file", required=False)
@click.option("--jsonl", is_flag=True, help='read {"id","text"} lines on stdin')
@click.pass_context
def geoparse(ctx: click.Context, file: str | None, jsonl: bool) -> None:
    """Find and resolve the place mentions of a text (FILE, or - for stdin)."""
    gz = _gz()
    if jsonl:
        ctx.exit(_batch(lambda o: {"id": o["id"], "mentions": [m.as_dict() for m in gz.geoparse(_text_of(o))]}))
    if not file:
        raise GazetteerError("give a FILE (or - for stdin), or --jsonl")
    _print_json([m.as_dict() for m in gz.geoparse(_read_file_text(file))])


@cli.command()
@click.option("--jsonl", is_flag=True, required=True, help='read {"id","text","spans"} lines on stdin')
@click.pass_context
def resolve(ctx: click.Context, jsonl: bool) -> None:
    """Resolve given spans (JSON lines on stdin)."""
    gz = _gz()

    def handle(o: dict) -> dict:
        spans = o.get("spans")
        if not isinstance(spans, list) or not all(isinstance(s, (list, tuple)) and len(s) == 2 for s in spans):
            raise GazetteerError('"spans" must be a list of [start, end] pairs')
        res = gz.resolve_spans(_text_of(o), [(int(a), int(b)) for a, b in spans])
        return {"id": o["id"], "resolutions": [r.as_dict() if r else None for r in res]}
    ctx.exit(_batch(handle))


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--jsonl", is_flag=True, help='read {"id","query"} lines on stdin')
@click.pass_context
def geocode(ctx: click.Context, query: tuple[str, ...], jsonl: bool) -> None:
    """Geocode a place string ("Chuhuiv, south of Kharkiv")."""
    gz = _gz()
    if jsonl:
        def handle(o: dict) -> dict:
            q = o.get("query")
            if not isinstance(q, str) or not q.strip():
                raise GazetteerError('"query" must be a non-empty string')
            r = gz.geocode_resolution(q)
            return {"id": o["id"], "result": r.as_dict() if r else None}
        ctx.exit(_batch(handle))
    if not query:
        raise GazetteerError("give a QUERY, or --jsonl")
    r = gz.geocode_resolution(" ".join(query))
    _print_json(r.as_dict() if r else None)
    ctx.exit(EXIT_OK if r else EXIT_SOME_FAILED)


@cli.command(context_settings={"ignore_unknown_options": True})     # "-30" is a longitude, not an option
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.pass_context
def reverse(ctx: click.Context, lat: float, lon: float) -> None:
    """The region and country containing a point."""
    places = _gz().reverse(lat, lon)
    _print_json([{"place_id": p.place_id, "name": p.name, "kind": p.kind, "country_code": p.country_code}
                 for p in places])
    ctx.exit(EXIT_OK if places else EXIT_SOME_FAILED)


@cli.command()
@click.option("--force", is_flag=True, help="build even when the index is up to date")
@click.option("--quiet", is_flag=True, help="no progress bar")
def build(force: bool, quiet: bool) -> None:
    """Build the cached index now (otherwise it is built on first use)."""
    from .build import build_index
    from .cache import default_index_path

    path = default_index_path()
    if path.exists() and not force:
        click.echo(f"gazetteer index up to date: {path}", err=True)
        return
    build_index(path, progress=not quiet)
    click.echo(f"built {path}", err=True)


@cli.command("import")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["geonames", "csv", "geojson"]), default=None)
@click.option("--country", help="only rows of this country code (GeoNames dumps)")
def import_(file: str, fmt: str | None, country: str | None) -> None:
    """Add places from a GeoNames dump (UA.txt), a CSV or a GeoJSON file."""
    from .build.imports import import_file

    n = import_file(Path(file), fmt=fmt, country=country)
    click.echo(f"imported {n} places from {file}; the index is rebuilt on next use", err=True)


@cli.command()
def info() -> None:
    """Where the index is and what it holds."""
    gz = _gz()
    _print_json({"index": str(gz.index.path), **gz.index.meta})


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gazetteer`` command and ``python -m gazetteer``; returns the exit status."""
    try:
        cli.main(args=list(sys.argv[1:] if argv is None else argv), prog_name="gazetteer", standalone_mode=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        return 130
    return EXIT_OK
