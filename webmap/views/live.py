"""A small status endpoint the map page polls to tell that new incidents arrived since it loaded."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify

from ..services import get_state

bp = Blueprint("live", __name__, url_prefix="/api")


@bp.get("/status")
def status() -> Response:
    """{"incidents": total stored, "articles": total stored} (no cache: it is polled)."""
    stats = get_state().store.stats()
    resp = jsonify({"incidents": int(stats.get("incidents", 0)), "articles": int(stats.get("articles", 0))})
    resp.headers["Cache-Control"] = "no-store"
    return resp
