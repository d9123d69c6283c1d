"""The ``webmap`` command line, one click group: ``extract`` (the Flask-free pipeline) and the web app's
``serve``, ``ingest``, ``export`` and ``batch``.

``extract --jsonl`` reads ``{"id","text","date"?,"title"?}`` lines (stdin or files) and writes
``{"id","incidents"}`` lines; a bad line is reported with its number and the rest goes on (status 1).
Unusable input or arguments end with a one-line message and status 2, never a traceback.
"""
from __future__ import annotations

import json
import logging
import sys
from typing import Any, Sequence, TextIO

import click

from gazetteer.exc import GazetteerError

from .incidents.exc import ArticleError, WebmapError
from .incidents.loaders import DEFAULT_MAX_BYTES, decode, load_path, parse_jsonl
from .incidents.resolver import PlaceResolver

log = logging.getLogger(__name__)


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


def run_extract(files: Sequence[str], *, jsonl: bool, max_bytes: int, no_merge: bool, output: str | None,
                out: TextIO, err: TextIO) -> int:
    """``webmap extract``; returns the exit status."""
    if jsonl:
        if files:
            sources = []
            for f in files:
                try:
                    with open(f, "rb") as fh:
                        sources.append((f, decode(fh.read(), f, max_bytes)))
                except OSError as e:
                    print(f"webmap extract: {f}: cannot read ({e.strerror})", file=err)
                    return 2
        else:
            data = sys.stdin.buffer.read() if sys.stdin is not None else b""
            if not data.strip():
                print("webmap extract: no input on stdin", file=err)
                return 2
            sources = [("stdin", decode(data, "stdin", max_bytes))]
        return _jsonl(sources, out, err)
    if not files:
        print("webmap extract: give article files, or --jsonl to read JSON lines from stdin", file=err)
        return 2
    from .incidents.geojson import to_feature_collection
    from .incidents.pipeline import extract_batch

    articles = []
    for f in files:
        articles += load_path(f, max_bytes)
    fc = to_feature_collection(extract_batch(articles, _gazetteer(), merge_across=not no_merge))
    payload = json.dumps(fc, ensure_ascii=False, indent=1) + "\n"
    if output:
        import os
        import tempfile

        d = os.path.dirname(os.path.abspath(output))
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".webmap-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, output)
    else:
        out.write(payload)
        out.flush()
    return 0


class WebmapGroup(click.Group):
    """The command group: the pipeline's and the gazetteer's errors end a command with a one-line
    message and status 2 (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (WebmapError, GazetteerError) as e:
            name = ctx.invoked_subcommand or "webmap"
            click.echo(f"webmap {name}: {e}", err=True)
            ctx.exit(2)
        except BrokenPipeError:
            ctx.exit(1)


@click.group("webmap", cls=WebmapGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Offline conflict incident map: extract incidents from news articles, serve and export the map."""


@cli.command()
@click.argument("files", nargs=-1)
@click.option("--jsonl", is_flag=True,
              help='read {"id","text","date"?,"title"?} per line (stdin or files), write {"id","incidents"}')
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="size limit of one input")
@click.option("--no-merge", is_flag=True, help="do not merge incidents across articles")
@click.option("-o", "--output", help="write the FeatureCollection to this file (atomically)")
@click.pass_context
def extract(ctx: click.Context, files: tuple[str, ...], jsonl: bool, max_bytes: int, no_merge: bool,
            output: str | None) -> None:
    """Articles -> incidents (a GeoJSON FeatureCollection, or JSON lines with --jsonl)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    ctx.exit(run_extract(files, jsonl=jsonl, max_bytes=max_bytes, no_merge=no_merge, output=output,
                         out=sys.stdout, err=sys.stderr))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=5000, show_default=True)
@click.option("--db", help="SQLite file or postgresql:// URL (default: instance/webmap.sqlite)")
@click.option("--threads", type=int, default=4, show_default=True)
def serve(host: str, port: int, db: str | None, threads: int) -> None:
    """Serve the map (ingests the seeds on the first run)."""
    from .appcli import serve_app

    serve_app(host=host, port=port, db=db, threads=threads)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="SQLite file or postgresql:// URL")
@click.option("--replace", is_flag=True, help="re-extract articles already stored")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, replace: bool, quiet: bool) -> None:
    """Load article files or folders into the store."""
    from .appcli import app_for, ingest_paths

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    added, n, errors = ingest_paths(app_for(db), paths, replace=replace, quiet=quiet)
    click.echo(f"{added} new article(s), {n} incident(s); {len(errors)} file(s) failed")
    ctx.exit(1 if errors else 0)


@cli.command()
@click.argument("folder")
@click.option("--db", help="SQLite file or postgresql:// URL")
@click.option("--interval", type=float, default=2.0, show_default=True, help="seconds between two looks")
@click.pass_context
def watch(ctx: click.Context, folder: str, db: str | None, interval: float) -> None:
    """Ingest every new or changed file put in FOLDER, a log line per file, until stopped (Ctrl-C)."""
    from .appcli import app_for
    from .watch import Watcher

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        watcher = Watcher(app_for(db), folder, interval=max(0.1, interval))
    except NotADirectoryError as err:
        click.echo(f"error: {err}", err=True)
        ctx.exit(2)
    try:
        watcher.run()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


@cli.command()
@click.argument("out")
@click.option("--db", help="SQLite file or postgresql:// URL")
@click.option("--category", multiple=True, help="a category key (repeatable)")
@click.option("--date-from")
@click.option("--date-to")
@click.option("--article")
@click.option("--country")
@click.option("--region")
@click.option("--q")
@click.option("--precision", multiple=True)
@click.pass_context
def export(ctx: click.Context, out: str, db: str | None, **filters: Any) -> None:
    """Write the (filtered) incidents as GeoJSON."""
    from .appcli import app_for, export_geojson
    from .filters import FilterError

    args = {k: (list(v) if isinstance(v, tuple) else v) for k, v in filters.items() if v}
    try:
        n = export_geojson(app_for(db), out, args)
    except FilterError as err:
        click.echo(f"error: {err}", err=True)
        ctx.exit(2)
    click.echo(f"{n} feature(s) written to {out}")


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
             add_help_option=False)
@click.pass_context
def batch(ctx: click.Context) -> None:
    """A news archive on Dask into partitioned GeoParquet (webmap batch --help)."""
    from . import batch as batch_mod

    ctx.exit(batch_mod.main(list(ctx.args)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the webmap command line; returns the exit status."""
    try:
        cli.main(args=list(sys.argv[1:] if argv is None else argv), prog_name="webmap", standalone_mode=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except KeyboardInterrupt:
        return 130
    return 0


@cli.group()
def user() -> None:
    """Accounts for WEBMAP_AUTH=on (see README): webmap user add NAME."""


@user.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="read the password from stdin (else prompt)")
@click.option("--db", help="SQLite file or postgresql:// URL (default: instance/webmap.sqlite)")
def user_add_cmd(name: str, password_stdin: bool, db: str | None) -> None:
    """Create a user, or set a user's password (8+ characters; stored hashed)."""
    from .appcli import app_for, user_add
    password = sys.stdin.readline().rstrip("\n") if password_stdin else click.prompt(
        f"password for {name}", hide_input=True)
    try:
        user_add(app_for(db), name, password)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    click.echo(f"user {name} saved")


@cli.group()
def token() -> None:
    """API tokens sent as 'Authorization: Bearer <token>': webmap token create NAME."""


@token.command("create")
@click.argument("name")
@click.option("--label", default="", help="what the token is for")
@click.option("--db", help="SQLite file or postgresql:// URL (default: instance/webmap.sqlite)")
def token_create_cmd(name: str, label: str, db: str | None) -> None:
    """Print a new API token of a user (shown once; only its SHA-256 is stored)."""
    from .appcli import app_for, token_create
    try:
        click.echo(token_create(app_for(db), name, label))
    except KeyError:
        raise click.UsageError(f"no user {name!r} (webmap user add {name})") from None
