"""Accounts for a shared server (``WEBMAP_AUTH=on``): Flask-Login sessions and hashed API tokens.

Off by default: the local app (127.0.0.1, one analyst) has no accounts and behaves as before. With
``AUTH`` on, reading stays public unless ``AUTH_PUBLIC_READ`` is false, while every state-changing
request (posting articles, corrections and their deletion, the upload and correction forms) needs a
signed-in user (``/login``; passwords hashed with ``werkzeug.security``) or an API token sent as
``Authorization: Bearer <token>`` (only its SHA-256 is stored). Users and tokens are made on the
command line: ``webmap user add NAME`` and ``webmap token create NAME``.
"""
from __future__ import annotations

import hashlib
import secrets
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from . import security

bp = Blueprint("auth", __name__)
TOKEN_PREFIX = "wm_"
OPEN_ENDPOINTS = {"auth.login", "auth.logout", "static"}


def enabled(config: Any) -> bool:
    """True when accounts are on (``AUTH`` true, "on", "1", "yes")."""
    value = config.get("AUTH", False)
    return value is True or str(value).strip().lower() in ("on", "1", "true", "yes")


def hash_token(token: str) -> str:
    """What is stored of an API token (tokens are random: a plain SHA-256 is enough)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_password(password: str) -> str:
    return generate_password_hash(password)


def current_name() -> str:
    """The signed-in user's name, or "" (accounts off or anonymous)."""
    if not enabled(current_app.config):
        return ""
    from flask_login import current_user
    return str(current_user.get_id() or "") if current_user.is_authenticated else ""


def bearer_sent() -> bool:
    """True when the request carries an ``Authorization: Bearer`` header (no cookie: no CSRF risk)."""
    return request.headers.get("Authorization", "").startswith("Bearer ")


def _store() -> Any:
    return current_app.extensions["webmap"].store


class User:
    """A signed-in user (Flask-Login's protocol)."""

    is_active = True
    is_anonymous = False
    is_authenticated = True

    def __init__(self, name: str) -> None:
        self.name = name

    def get_id(self) -> str:
        return self.name


def _load_user(name: str) -> User | None:
    return User(name) if _store().password_hash(name) is not None else None


def _load_from_request(req: Any) -> User | None:
    header = req.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    name = _store().user_for_token(hash_token(header[7:].strip()))
    return User(name) if name else None


def _guard() -> Any:
    """Before every request: writes need a user; reads too when AUTH_PUBLIC_READ is false."""
    from flask_login import current_user
    if request.endpoint in OPEN_ENDPOINTS:
        return None
    writing = request.method not in security.SAFE_METHODS
    if not (writing or not current_app.config.get("AUTH_PUBLIC_READ", True)):
        return None
    if current_user.is_authenticated:
        return None
    if bearer_sent():
        abort(401, "invalid API token")
    from .views.errors import wants_json
    if wants_json():
        abort(401, "sign in, or send an API token as 'Authorization: Bearer <token>' "
                   "(create one with: webmap token create NAME)")
    return redirect(url_for("auth.login", next=request.path if writing else request.full_path))


@bp.before_request
def _csrf() -> None:
    security.protect()


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Sign in with a name and password."""
    from flask_login import login_user
    nxt = request.values.get("next") or url_for("pages.index")
    parts = urlsplit(nxt)
    if parts.scheme or parts.netloc or not nxt.startswith("/"):
        nxt = url_for("pages.index")                      # never redirect off the site
    if request.method == "GET":
        return render_template("login.html", next=nxt)
    name = request.form.get("name", "").strip()
    stored = _store().password_hash(name) if name else None
    if stored is None or not check_password_hash(stored, request.form.get("password", "")):
        return render_template("login.html", next=nxt, error="Unknown name or wrong password."), 401
    login_user(User(name))
    return redirect(nxt)


@bp.post("/logout")
def logout() -> Any:
    from flask_login import logout_user
    logout_user()
    return redirect(url_for("pages.index"))


def init_app(app: Flask) -> None:
    """Register sign-in and the guard when ``AUTH`` is on; nothing otherwise."""
    app.jinja_env.globals["auth_enabled"] = enabled(app.config)
    app.jinja_env.globals["auth_user"] = current_name
    if not enabled(app.config):
        return
    from flask_login import LoginManager
    manager = LoginManager()
    manager.user_loader(_load_user)
    manager.request_loader(_load_from_request)
    manager.init_app(app)
    app.register_blueprint(bp)
    app.before_request(_guard)
