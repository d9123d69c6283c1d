"""Shared fixtures, one per resource. Nothing in the test suite may reach the network.

Tests live in folders that mirror the packages (``gazetteer/``, ``webmap/``, ``webmap/incidents/``,
``browser/``); the helpers beside this file (``paths``, ``geo``, ``web_factory``) import from any of them.
"""
from __future__ import annotations

import socket

import pytest

from liveweb import CHROME_ARGS, CHROMIUM, serving
from paths import SEED, SEEDS

_real_connect = socket.socket.connect


def _guarded_connect(self, address):  # noqa: ANN001
    """Allow loopback and Unix sockets only (live test servers, Chromium's DevTools pipe)."""
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and host not in ("127.0.0.1", "localhost", "::1") and not str(host).startswith("127."):
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    yield


# ---------------------------------------------------------------------------------------------
# The gazetteer and the seed article
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def gz():  # noqa: ANN201
    """The real bundled gazetteer (the process-wide default; its index is built once if missing)."""
    from gazetteer import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def seed_article():  # noqa: ANN201
    """The seed article (Kursk, 11 August 2024) as the real loader reads it."""
    from webmap.incidents.loaders import load_path

    [article] = load_path(SEED)
    return article


# ---------------------------------------------------------------------------------------------
# Web app fixtures (owner: web app; tests/test_web_*.py, tests/test_browser.py)
# ---------------------------------------------------------------------------------------------
import os as _os
import shutil as _shutil
from pathlib import Path as _Path

SEEDS_DIR = SEEDS


def _web_app(instance: _Path, **extra):
    from webmap import create_app
    return create_app({"TESTING": True, "INSTANCE_PATH": str(instance), "SECRET_KEY": "test-secret",
                       "SEEDS_DIR": str(SEEDS_DIR), **extra})


@pytest.fixture
def app(tmp_path):
    """A fresh app with an empty store in a temporary instance folder."""
    return _web_app(tmp_path / "instance")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory):
    """A store holding the bundled seeds as the real pipeline reads them (built once per session)."""
    inst = tmp_path_factory.mktemp("seeded")
    app = _web_app(inst)
    state = app.extensions["webmap"]
    for f in sorted(SEEDS_DIR.iterdir()):
        if f.is_file():
            state.ingest_path(f)
    assert state.store.stats()["incidents"] > 0, "the pipeline found no incident in the seeds"
    return _Path(app.config["DATABASE"])


@pytest.fixture
def seeded_app(seeded_db, tmp_path):
    """An app on a private copy of the seeded store (tests may write to it)."""
    db = tmp_path / "seeded.sqlite"
    _shutil.copyfile(seeded_db, db)
    return _web_app(tmp_path / "instance", DATABASE=str(db))


@pytest.fixture
def seeded_client(seeded_app):
    return seeded_app.test_client()


@pytest.fixture
def live_server(seeded_app):
    """The seeded app served on 127.0.0.1 (random port) in a thread; yields (base_url, app)."""
    with serving(seeded_app) as base:
        yield base, seeded_app


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; skipped only outside CI when it is not installed."""
    if not _os.path.exists(CHROMIUM):
        if _os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI: install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ---------------------------------------------------------------------------------------------
# PostgreSQL + PostGIS fixtures (owner: scale; tests marked `postgis`, `pytest -m postgis`)
# ---------------------------------------------------------------------------------------------
import itertools as _itertools


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL 15 + PostGIS cluster on 127.0.0.1 (tests/pgcluster.py), stopped after the session.

    Skipped only outside CI when Debian's postgresql-15 / postgresql-15-postgis-3 are not installed.
    """
    import pgcluster
    why = pgcluster.missing()
    if why:
        if _os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI: {why} (make system-deps installs it)")
        pytest.skip(why)
    cluster = pgcluster.Cluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


_pg_db_numbers = _itertools.count(1)


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a fresh, empty PostGIS database of the session's cluster, dropped after the test."""
    name = f"test_{_os.getpid()}_{next(_pg_db_numbers)}"
    url = pg_cluster.create_database(name)
    try:
        yield url
    finally:
        pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def store_app(request, tmp_path, monkeypatch):
    """The web app on both store backends: a SQLite file, and a fresh PostGIS database (`-m postgis`); uploads
    up to 8 MiB (Telegram exports)."""
    from webmap import create_app

    config = {"TESTING": True, "INSTANCE_PATH": str(tmp_path), "DATABASE": str(tmp_path / "tg.sqlite"),
              "SECRET_KEY": "t", "MAX_CONTENT_LENGTH": 8 * 1024 * 1024}
    if request.param == "postgis":
        monkeypatch.setenv("WEBMAP_DATABASE", request.getfixturevalue("pg_url"))
        del config["DATABASE"]
    app = create_app(config)
    yield app
    close = getattr(app.extensions["webmap"].store, "close", None)
    if close is not None:
        close()


@pytest.fixture(params=["sqlite", pytest.param("postgis", marks=pytest.mark.postgis)])
def store(request, tmp_path):
    """The store contract runs on both backends: a SQLite file, and a fresh PostGIS database (`-m postgis`)."""
    from webmap.store import open_store

    if request.param == "sqlite":
        yield open_store(str(tmp_path / "db" / "store.sqlite"))
        return
    s = open_store(request.getfixturevalue("pg_url"))
    try:
        yield s
    finally:
        s.close()


def pytest_collection_modifyitems(config, items):
    """A test that uses the PostgreSQL cluster is a `postgis` test (so `-m postgis` selects it); one that
    drives Chromium is a `browser` test (``make check`` leaves those out)."""
    for item in items:
        if "pg_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgis)
        if "chromium" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
