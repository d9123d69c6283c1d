"""Cross-site request forgery tokens and security headers (no extra dependency).

The token lives in the signed session cookie (SameSite=Lax) and must come back in the form field
``csrf_token`` or the ``X-CSRF-Token`` header of every state-changing request that is not JSON.
"""
from __future__ import annotations

import hmac
import re
import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, abort, current_app, g, request, session

TOKEN_KEY = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def csrf_token() -> str:
    """This session's token (created on first use)."""
    token = session.get(TOKEN_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[TOKEN_KEY] = token
    return token


def csrf_valid() -> bool:
    """True when the request carries this session's token."""
    expected = session.get(TOKEN_KEY)
    sent = request.headers.get("X-CSRF-Token") or request.form.get(TOKEN_KEY, "")
    return bool(expected) and bool(sent) and hmac.compare_digest(str(expected), str(sent))


def protect(allow_json: bool = False) -> None:
    """Abort with 400 unless a state-changing request is safe (token, or a JSON body when allowed).

    A JSON body cannot be sent cross-site without a CORS preflight, which this app never grants.
    """
    if request.method in SAFE_METHODS or current_app.config.get("CSRF_DISABLED"):
        return
    if allow_json and request.is_json:
        return
    if request.headers.get("Authorization", "").startswith("Bearer "):
        return              # an API token, not a cookie: a cross-site page cannot send this header
    if not csrf_valid():
        abort(400, "CSRF token missing or invalid: reload the form and try again.")


_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc\s*=)(?![^>]*\bnonce\s*=)", re.I)


def csp_nonce() -> str:
    """This response's script nonce (made on first use): inline scripts run only with it."""
    nonce = getattr(g, "csp_nonce", None)
    if nonce is None:
        nonce = g.csp_nonce = secrets.token_urlsafe(18)
    return nonce


def nonce_scripts(html: str) -> str:
    """Our own generated HTML (folium's map parts) with this response's nonce on every inline script tag.

    Only for trusted markup: article text never reaches it unescaped (popups travel as HTML-safe JSON,
    where "<" is written \\u003c, so no "<script" of theirs can match).
    """
    return _INLINE_SCRIPT.sub(f'<script nonce="{csp_nonce()}"', html)


def _headers(response: Response) -> Response:
    """Security headers: nothing may be loaded from or sent to another origin (tiles excepted); scripts only
    from our origin or inline with this response's nonce (no 'unsafe-inline', so no javascript: URL runs)."""
    tiles = current_app.config.get("TILES_URL") or ""
    img = "'self' data:"
    if tiles.startswith(("http://", "https://")):
        parts = urlsplit(tiles)
        img += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'self'; script-src 'self' 'nonce-{csp_nonce()}'; style-src 'self' 'unsafe-inline'; "
        f"img-src {img}; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'self'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def init_app(app: Flask) -> None:
    """Expose ``csrf_token()`` to templates and add the security headers to every response."""
    from .intake import web_url
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.jinja_env.filters["web_url"] = web_url      # only http(s) URLs become links, on every page
    app.after_request(_headers)
