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
                 stream: TextIO | None = None) -> tuple[int, int, list[str]]:
    """Ingest files and folders; one bad file is reported by name and the rest go on.

    :return: (articles added, incidents stored, error messages)
    """
    from .services import iter_files
    stream = stream if stream is not None else sys.stderr
    state = app.extensions["webmap"]
    files = list(iter_files(paths))
    added = incidents = 0
    errors: list[str] = []
    with click.progressbar(files, label="ingesting", file=stream, show_pos=True,
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
    from .filters import parse_filters
    from .views.export import export_geojson as export_text
    with app.app_context():
        text, n = export_text(app.extensions["webmap"].store, parse_filters(args))
    Path(out).write_text(text, encoding="utf-8")
    return n


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
