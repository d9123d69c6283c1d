"""What the web app's commands do: ingest, export, seed and serve, for ``webmap`` (webmap.cli, one click
group) and for ``flask --app webmap ingest|export|seed``.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any, Sequence, TextIO

import click
from flask import Flask

from .incidents.exc import ArticleError, ExtractionError

log = logging.getLogger(__name__)


def ingest_paths(app: Flask, paths: Sequence[str | Path], *, replace: bool = False,
                 stream: TextIO | None = None, quiet: bool = False) -> tuple[int, int, list[str]]:
    """Ingest files and folders; one bad file is reported by name and the rest go on. A click progress
    bar on ``stream`` counts the files (``quiet``: none; errors are still written).

    :return: (articles added, incidents stored, error messages)
    """
    from .services import iter_files
    stream = stream if stream is not None else sys.stderr
    state = app.extensions["webmap"]
    files = list(iter_files(paths))
    added = incidents = 0
    errors: list[str] = []
    with click.progressbar(files, label="ingesting", file=stream, show_pos=True, hidden=quiet,
                           item_show_func=lambda f: f.name if f is not None else None) as bar:
        for f in bar:
            try:
                for r in state.ingest_path(f, replace_existing=replace):
                    added += int(r.added)
                    incidents += r.incidents
            except (ArticleError, ExtractionError, OSError) as err:
                errors.append(f"{f}: {err}" if str(f) not in str(err) else str(err))
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


def app_for(db: str | None) -> Flask:
    """The app on the store ``db`` (a SQLite file or a postgresql:// URL; default: the instance's)."""
    from . import create_app
    return create_app({"DATABASE": db} if db else None)


def serve_app(*, host: str, port: int, db: str | None, threads: int) -> None:
    """Serve the map with waitress (Flask's development server without it); seeds an empty store first."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = app_for(db)
    seed_if_empty(app)
    try:
        from waitress import serve
    except ImportError:
        log.warning("waitress is not installed: using Flask's development server")
        app.run(host=host, port=port)
        return
    click.echo(f"Serving on http://{host}:{port}/ (waitress)")
    serve(app, host=host, port=port, threads=threads)


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


def init_app(app: Flask) -> None:
    """Register ``flask --app webmap ingest|export|seed``."""

    @app.cli.command("ingest")
    @click.argument("paths", nargs=-1, required=True, type=click.Path(exists=False))
    @click.option("--replace", is_flag=True, help="re-extract articles already stored")
    @click.option("-q", "--quiet", is_flag=True, help="no progress bar")
    def ingest_cmd(paths: tuple[str, ...], replace: bool, quiet: bool) -> None:
        """Load article files or folders into the store."""
        added, n, errors = ingest_paths(app, paths, replace=replace, quiet=quiet)
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
