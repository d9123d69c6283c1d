"""Command line of the web app: ``webmap serve | ingest PATH... | export OUT.geojson`` and the flask commands.

``webmap.cli`` handles ``extract`` and hands every other subcommand to :func:`main`.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any, Sequence, TextIO

import click
from flask import Flask

from .incidents.exc import ArticleError, ExtractionError

log = logging.getLogger(__name__)


class Progress:
    """A plain text progress bar on a stream (a line per item when the stream is not a terminal)."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        stream = stream if stream is not None else sys.stderr
        self.total, self.stream, self.width, self.done = max(total, 1), stream, width, 0
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def step(self, label: str) -> None:
        """Count one item done."""
        self.done += 1
        filled = int(self.width * self.done / self.total)
        bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} {label}"
        self.stream.write(("\r" + bar[:110].ljust(110)) if self.tty else bar + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.tty:
            self.stream.write("\n")


def ingest_paths(app: Flask, paths: Sequence[str | Path], *, replace: bool = False,
                 stream: TextIO | None = None) -> tuple[int, int, list[str]]:
    """Ingest files and folders; one bad file is reported by name and the rest go on.

    :return: (articles added, incidents stored, error messages)
    """
    from .services import iter_files
    stream = stream if stream is not None else sys.stderr
    state = app.extensions["webmap"]
    files = list(iter_files(paths))
    bar = Progress(len(files), stream)
    added = incidents = 0
    errors: list[str] = []
    for f in files:
        try:
            for r in state.ingest_path(f, replace_existing=replace):
                added += int(r.added)
                incidents += r.incidents
        except (ArticleError, ExtractionError, OSError) as err:
            errors.append(f"{f}: {err}" if str(f) not in str(err) else str(err))
        bar.step(f.name)
    bar.close()
    for e in errors:
        stream.write(f"error: {e}\n")
    return added, incidents, errors


def export_geojson(app: Flask, out: str | Path, args: dict[str, Any]) -> int:
    """Write the filtered incidents as GeoJSON; returns the number of features."""
    import os
    import tempfile

    from .filters import parse_filters
    from .views.export import iter_geojson
    counter = [0]
    target = Path(out)
    fd, tmp = tempfile.mkstemp(dir=target.resolve().parent, prefix=".webmap-", suffix=".tmp")
    try:
        with app.app_context(), os.fdopen(fd, "w", encoding="utf-8") as fh:    # streamed: memory flat in the count
            for piece in iter_geojson(app.extensions["webmap"].store, parse_filters(args), counter):
                fh.write(piece)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counter[0]


def seed_if_empty(app: Flask) -> int:
    """Ingest the bundled seeds into an empty store (the first run); returns the articles added."""
    state = app.extensions["webmap"]
    if state.store.stats()["articles"]:
        return 0
    seeds = Path(app.config["SEEDS_DIR"])
    if not seeds.is_dir():
        log.warning("no seeds folder at %s", seeds)
        return 0
    added, _, _ = ingest_paths(app, [seeds])
    return added


def _app(db: str | None) -> Flask:
    from . import create_app
    return create_app({"DATABASE": db} if db else None)


def _filter_args(ns: argparse.Namespace) -> dict[str, Any]:
    return {k: v for k, v in {"category": ns.category, "date_from": ns.date_from, "date_to": ns.date_to,
                              "article": ns.article, "country": ns.country, "region": ns.region,
                              "precision": ns.precision, "q": ns.q}.items() if v}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="webmap", description="Offline conflict incident map (web app).")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="serve the map (ingests seeds/ on the first run)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=5000)
    s.add_argument("--db", help="SQLite file (default: instance/webmap.sqlite)")
    s.add_argument("--threads", type=int, default=4)
    i = sub.add_parser("ingest", help="load article files or folders")
    i.add_argument("paths", nargs="+")
    i.add_argument("--db")
    i.add_argument("--replace", action="store_true", help="re-extract articles already stored")
    e = sub.add_parser("export", help="write the (filtered) incidents as GeoJSON")
    e.add_argument("out")
    e.add_argument("--db")
    e.add_argument("--category", action="append")
    for name in ("date-from", "date-to", "article", "country", "region", "q"):
        e.add_argument(f"--{name}")
    e.add_argument("--precision", action="append")
    u = sub.add_parser("user", help="accounts for WEBMAP_AUTH=on: webmap user add NAME")
    u.add_argument("action", choices=["add"])
    u.add_argument("name")
    u.add_argument("--password-stdin", action="store_true", help="read the password from stdin (else prompt)")
    u.add_argument("--db")
    t = sub.add_parser("token", help="API tokens (Authorization: Bearer): webmap token create NAME")
    t.add_argument("action", choices=["create"])
    t.add_argument("name")
    t.add_argument("--label", default="", help="what the token is for")
    t.add_argument("--db")
    return p


def user_add(app: Flask, name: str, password: str) -> None:
    """Create a user (or set a user's password). :raises ValueError: for a bad name or a short password."""
    from .auth import hash_password
    from .intake import check_article_id
    check_article_id(name, "user name")
    if len(password) < 8:
        raise ValueError("password: at least 8 characters")
    app.extensions["webmap"].store.add_user(name, hash_password(password))


def token_create(app: Flask, name: str, label: str = "") -> str:
    """A new API token of a user (shown once; only its hash is stored). :raises KeyError: unknown user."""
    from .auth import hash_token, new_token
    token = new_token()
    app.extensions["webmap"].store.add_token(name, hash_token(token), label)
    return token


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the exit status (1 when some input failed, 2 for bad arguments)."""
    from .filters import FilterError
    ns = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = _app(ns.db)
    if ns.command == "ingest":
        added, n, errors = ingest_paths(app, ns.paths, replace=ns.replace)
        print(f"{added} new article(s), {n} incident(s); {len(errors)} file(s) failed")
        return 1 if errors else 0
    if ns.command == "user":
        import getpass
        password = sys.stdin.readline().rstrip("\n") if ns.password_stdin else getpass.getpass(f"password for {ns.name}: ")
        try:
            user_add(app, ns.name, password)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        print(f"user {ns.name} saved")
        return 0
    if ns.command == "token":
        try:
            token = token_create(app, ns.name, ns.label)
        except KeyError:
            print(f"error: no user {ns.name!r} (webmap user add {ns.name})", file=sys.stderr)
            return 2
        print(token)
        print("(shown once: send it as 'Authorization: Bearer <token>')", file=sys.stderr)
        return 0
    if ns.command == "export":
        try:
            n = export_geojson(app, ns.out, _filter_args(ns))
        except FilterError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        print(f"{n} feature(s) written to {ns.out}")
        return 0
    seed_if_empty(app)
    try:
        from waitress import serve
    except ImportError:
        log.warning("waitress is not installed: using Flask's development server")
        app.run(host=ns.host, port=ns.port)
        return 0
    print(f"Serving on http://{ns.host}:{ns.port}/ (waitress)")
    serve(app, host=ns.host, port=ns.port, threads=ns.threads)
    return 0


def init_app(app: Flask) -> None:
    """Register ``flask --app webmap ingest|export|seed``."""

    @app.cli.command("ingest")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(exists=False))
    @click.option("--replace", is_flag=True, help="re-extract articles already stored")
    def ingest_cmd(paths: tuple[str, ...], replace: bool) -> None:
        """Load article files or folders into the store."""
        added, n, errors = ingest_paths(app, paths, replace=replace)
        click.echo(f"{added} new article(s), {n} incident(s); {len(errors)} file(s) failed")
        if errors:
            raise SystemExit(1)

    @app.cli.command("export")
    @click.argument("out")
    @click.option("--category", multiple=True)
    @click.option("--date-from")
    @click.option("--date-to")
    def export_cmd(out: str, category: tuple[str, ...], date_from: str | None, date_to: str | None) -> None:
        """Write the (filtered) incidents as GeoJSON."""
        args = {k: v for k, v in {"category": list(category), "date_from": date_from, "date_to": date_to}.items() if v}
        click.echo(f"{export_geojson(app, out, args)} feature(s) written to {out}")

    @app.cli.command("seed")
    def seed_cmd() -> None:
        """Ingest the bundled seeds when the store is empty."""
        click.echo(f"{seed_if_empty(app)} article(s) added")
