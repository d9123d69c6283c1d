"""Offline conflict incident map: the Flask application factory (and nothing else).

The Flask-free extraction pipeline lives in :mod:`webmap.incidents`; importing it does not
import Flask.
"""
from __future__ import annotations

import os
import secrets
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:                 # Flask is imported by create_app only, so webmap.incidents stays Flask-free
    from flask import Flask


def _static_dir() -> str:
    """The project's static/ folder (beside the package in a checkout, inside it in a wheel)."""
    env = os.environ.get("WEBMAP_STATIC_FOLDER")
    if env:
        return env
    from .resources import project_dir

    return str(project_dir("static"))


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: DEFAULTS, then instance config.py, then WEBMAP_* env, then ``config``.

    The store is opened into ``app.extensions["webmap"]``; blueprints, error handlers and CLI
    commands are registered. Static files come from the top-level ``static/`` folder
    (override with the ``STATIC_FOLDER`` setting or the ``WEBMAP_STATIC_FOLDER`` env variable).
    """
    from flask import Flask

    from . import config as defaults
    from .services import WebmapState
    from .views import api, errors, pages

    instance_path = (config or {}).get("INSTANCE_PATH")    # tests: a temporary instance folder
    app = Flask(__name__, instance_relative_config=True, static_folder=_static_dir(), instance_path=instance_path)
    app.config.from_mapping(defaults.DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("WEBMAP")
    if config:
        app.config.update(config)
    if app.config.get("STATIC_FOLDER"):
        app.static_folder = app.config["STATIC_FOLDER"]
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    if not app.config.get("DATABASE"):
        app.config["DATABASE"] = os.path.join(app.instance_path, "webmap.sqlite")

    app.extensions["webmap"] = WebmapState.from_config(app.config)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    from .views import live
    app.register_blueprint(live.bp)
    errors.init_app(app)
    from .auth import init_app as init_auth
    init_auth(app)
    from .appcli import init_app as init_cli
    init_cli(app)
    return app
