"""Error responses: JSON ``{"ok": false, "error": msg, "status": n}`` under /api, an HTML page elsewhere."""
from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError

from ..incidents.exc import ArticleError
from ..filters import FilterError
from ..jobs import QueueFull
from ..store import ArticleConflict

log = logging.getLogger(__name__)


def error_body(message: str, status: int) -> dict[str, object]:
    """The JSON error envelope."""
    return {"ok": False, "error": message, "status": status}


def wants_json() -> bool:
    """True for API paths and clients that ask for JSON."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def respond(message: str, status: int) -> Response | tuple[str, int]:
    """An error in the form the client expects."""
    if wants_json():
        resp = jsonify(error_body(message, status))
        resp.status_code = status
        return resp
    return render_template("error.html", message=message, status=status), status


def _http(err: HTTPException) -> Response | tuple[str, int]:
    status = err.code or 500
    message = err.description or err.name
    if status == 413:
        limit = request.max_content_length
        message = f"Upload too large: the limit is {limit} bytes." if limit else message
    return respond(message, status)


def _user_error(err: ValueError) -> Response | tuple[str, int]:
    return respond(str(err), 400)


def _conflict(err: ArticleConflict) -> Response | tuple[str, int]:
    """409: the id is stored with another text; the JSON names the stored article."""
    if wants_json():
        body = error_body(str(err), 409)
        body["article_id"] = err.article_id
        if err.existing:
            body["existing"] = {**err.existing, "url": url_for("pages.article", article_id=err.existing["article_id"])}
        resp = jsonify(body)
        resp.status_code = 409
        return resp
    return respond(str(err), 409)


def _busy(err: QueueFull) -> Response | tuple[str, int]:
    resp = respond(str(err), 503)
    if isinstance(resp, tuple):
        return resp
    resp.headers["Retry-After"] = "30"
    return resp


def _internal(err: Exception) -> Response | tuple[str, int]:
    log.exception("unhandled error on %s", request.path)
    return respond(InternalServerError.description, 500)


def init_app(app: Flask) -> None:
    """Register the handlers (and the security helpers)."""
    from .. import security
    security.init_app(app)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(FilterError, _user_error)
    app.register_error_handler(ArticleError, _user_error)
    app.register_error_handler(ArticleConflict, _conflict)
    app.register_error_handler(QueueFull, _busy)
    if not app.testing:
        app.register_error_handler(Exception, _internal)
