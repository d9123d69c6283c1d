"""Default configuration of the web app; every key can be overridden (instance config.py, WEBMAP_* env, mapping).

``DATABASE`` None means ``<instance folder>/webmap.sqlite``. ``SECRET_KEY`` None means a random key per
process (fine for one process; set it for several workers so CSRF tokens and sessions stay valid).
Every key the app reads is here, each with a comment saying what it does (a test holds both).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from gazetteer.theatre import WAR_PARTIES

from .resources import project_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": None,                       # None: random per process
    "DATABASE": None,                         # None: instance/webmap.sqlite
    "DB_POOL": 8,                             # PostGIS store: most connections per worker process (workers × this < max_connections)
    "SEEDS_DIR": str(project_dir("seeds")),  # ingested on the first `webmap serve`
    "TILES_URL": None,                        # e.g. an online or local XYZ URL; None keeps the map offline
    "TILES_ATTR": "",                         # attribution for TILES_URL
    "ASSETS_PREFIX": "/static/vendor",        # where the vendored Leaflet/folium assets are served
    "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,    # request bodies over this get 413 (a 2 MiB article as JSON fits)
    "MAX_ARTICLE_CHARS": 2 * 1024 * 1024,     # an article's text over this gets 400
    "ASYNC_INGEST_CHARS": 50_000,             # articles over this (in one request) are extracted by a job: 202
    "JOBS_MAX_QUEUED": 16,                    # more waiting jobs than this get 503
    "API_PAGE_MAX": 1000,                     # incidents per page of /api/incidents (limit's default and maximum)
    "INLINE_POPUPS_MAX": 300,                 # up to this many incidents popups are embedded, else fetched
    "MAP_MAX_ZOOM": 18,                       # the closest zoom the map allows
    "UNCERTAINTY_RADIUS_M": 15000,            # radius drawn around precision-2 points
    "ADMIN1_OUTLINES": WAR_PARTIES,    # countries whose admin-1 outlines are drawn
    "AUTH": False,                            # "on": accounts (webmap.auth); off keeps the local app open
    "AUTH_PUBLIC_READ": True,                 # with AUTH on: reading without signing in
    "SESSION_COOKIE_SECURE": False,           # true when served over HTTPS (WEBMAP_SESSION_COOKIE_SECURE=true)
    "REMEMBER_COOKIE_SECURE": False,          # the same for the remember-me cookie (Flask-Login)
    "SESSION_COOKIE_SAMESITE": "Lax",         # Flask's session cookie: not sent on cross-site posts
    "SESSION_COOKIE_HTTPONLY": True,          # Flask's session cookie: not readable by scripts
    "STATIC_FOLDER": None,                    # None: the top-level static/ (or WEBMAP_STATIC_FOLDER); else this folder
    "INSTANCE_PATH": None,                    # None: Flask's instance folder; read from create_app's mapping only
    "CSRF_DISABLED": False,                   # true skips the CSRF check of unsafe requests (tests driving the API)
    "EXTRACTOR": None,                        # None: the incident pipeline; else a callable(article, gazetteer) -> incidents
    "GAZETTEER": None,                        # None: the bundled gazetteer, opened on first use; else a PlaceResolver
}
