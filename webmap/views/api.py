"""The JSON API: incidents (JSON, GeoJSON, CSV) under the shared filters, article ingest, corrections."""
from __future__ import annotations

import dataclasses
import logging
from typing import Any, Iterator
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, current_app, jsonify, request, stream_with_context, url_for

from .. import security
from ..auth import current_name
from ..incidents.loaders import decode
from ..intake import check_correction_fields, correction_request, parse_article_request
from ..corrections import CorrectionError, build_correction
from ..incidents.exc import ArticleError, ExtractionError
from ..filters import FilterError, parse_filters
from ..jobs import Job
from ..services import get_state
from ..store import Record
from . import export

log = logging.getLogger(__name__)
bp = Blueprint("api", __name__, url_prefix="/api")


@bp.before_request
def _csrf() -> None:
    security.protect(allow_json=True)


def _download(resp: Response, filename: str) -> Response:
    if request.args.get("download") in ("1", "true", "yes"):
        resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


def _page_arg(name: str, default: int, maximum: int) -> int:
    raw = request.args.get(name)
    if raw in (None, ""):
        return default
    if not raw.isdigit() or int(raw) > maximum:
        raise FilterError(f"{name}: bad value {raw[:20]!r} (expected a whole number from 0 to {maximum})")
    return int(raw)


@bp.get("/incidents")
def incidents() -> Response:
    """Incidents matching the filters, as JSON, a page at a time: ``limit`` (default and maximum
    ``API_PAGE_MAX``) from ``offset``; ``count`` is the number matching, ``next`` the next page's URL."""
    filters = parse_filters(request.args)
    page_max = int(current_app.config.get("API_PAGE_MAX") or 1000)
    limit = _page_arg("limit", page_max, page_max)
    offset = _page_arg("offset", 0, 10**9)
    store = get_state().store
    total = store.count(filters)
    records = [r for chunk in store.iter_records(filters, limit=limit, offset=offset) for r in chunk]
    nxt = None
    if offset + len(records) < total and limit:
        args = filters.to_args() + [("limit", str(limit)), ("offset", str(offset + len(records)))]
        nxt = url_for("api.incidents") + "?" + urlencode(args)
    return jsonify({"ok": True, "count": total, "offset": offset, "limit": limit, "returned": len(records),
                    "next": nxt, "incidents": [export.incident_dict(r) for r in records]})


def _stream(chunks: Iterator[str], mimetype: str) -> Response:
    ctype = mimetype + ("; charset=utf-8" if mimetype == "text/csv" else "")
    return Response(stream_with_context(chunks), content_type=ctype)


@bp.get("/incidents.geojson")
def incidents_geojson() -> Response:
    """An RFC 7946 FeatureCollection of the incidents matching the filters (streamed in chunks)."""
    chunks = export.iter_geojson(get_state().store, parse_filters(request.args))
    return _download(_stream(chunks, "application/geo+json"), "incidents.geojson")


@bp.get("/incidents.csv")
def incidents_csv() -> Response:
    """The incidents matching the filters as CSV, with ACLED's column names where they apply (streamed)."""
    chunks = export.iter_csv(get_state().store.iter_records(parse_filters(request.args)))
    return _download(_stream(chunks, "text/csv"), "incidents.csv")


@bp.get("/incidents/<incident_id>")
def incident(incident_id: str) -> Response:
    """One incident (corrections applied; the machine's version kept alongside)."""
    record = get_state().store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    return jsonify({"ok": True, "incident": export.incident_dict(record)})


@bp.post("/articles")
def post_articles() -> tuple[Response, int]:
    """Ingest a JSON article (or a non-empty list of them) or an uploaded file (field ``file``).

    201 when an article was added, 200 when all were already stored (or replaced), 202 with a job when
    the articles are large (see webmap.jobs), 400 for a bad request (the message names the field), 409
    for an id stored with another text (see README).
    """
    state = get_state()
    if request.is_json:
        text = decode(request.get_data(cache=False), "request body", state.max_bytes)
        articles, replace = parse_article_request(text, "request body")
    elif "file" in request.files and request.files["file"].filename:
        f = request.files["file"]
        articles = state.load_bytes(f.read(), f.filename or "upload")
        replace = [False] * len(articles)
    else:
        raise ArticleError("no article: send a JSON body {\"text\": ...} or a file in the field \"file\"")
    if state.needs_job(articles, replace):
        job = state.submit_ingest(articles, replace)
        resp = jsonify({"ok": True, "job": job_dict(job)})
        resp.headers["Location"] = url_for("api.job", job_id=job.job_id)
        return resp, 202
    try:
        results = state.ingest_articles(articles, replace_existing=replace)
    except ExtractionError as err:
        abort(422, str(err))
    store = state.store
    out: list[dict[str, Any]] = []
    for r in results:
        recs = store.query(parse_filters({"article": r.article_id}))
        item = {"article_id": r.article_id, "added": r.added, "replaced": r.replaced,
                "url": url_for("pages.article", article_id=r.article_id),
                "incidents": [export.incident_dict(x) for x in recs]}
        if r.replaced:
            item.update(corrections_kept=r.corrections_kept, corrections_dropped=r.corrections_dropped)
        out.append(item)
    status = 201 if any(r.added for r in results) else 200
    return jsonify({"ok": True, "articles": out}), status


def job_dict(job: Job) -> dict[str, Any]:
    """A job as JSON, with its URL and, when done, the URL of each article."""
    d = job.as_dict()
    d["url"] = url_for("api.job", job_id=job.job_id)
    for art in d.get("result") or ():
        art["url"] = url_for("pages.article", article_id=art["article_id"])
    return d


@bp.get("/jobs/<job_id>")
def job(job_id: str) -> Response:
    """A background ingest: status (queued, running, done, failed), progress 0..1 and, when done, its articles."""
    found = get_state().jobs.get(job_id) or abort(404, f"No job {job_id!r} (jobs are kept in memory until restart).")
    return jsonify({"ok": True, "job": job_dict(found)})


@bp.get("/incidents/<incident_id>/corrections")
def correction_history(incident_id: str) -> Response:
    """Every correction step of an incident, oldest first: who, when, what, whether undone."""
    state = get_state()
    state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    return jsonify({"ok": True, "incident_id": incident_id, "history": [
        {"seq": e.seq, "action": e.action, "undone_at": e.undone_at, "undone_by": e.undone_by,
         "correction": export.correction_dict(e.correction)} for e in state.store.correction_history(incident_id)]})


@bp.post("/incidents/<incident_id>/correction/undo")
def undo_correction(incident_id: str) -> Response:
    """Undo the latest correction step (kept in the history, marked undone); returns the incident."""
    state = get_state()
    state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    undone = state.store.undo_correction(incident_id, author=current_name())
    updated = state.store.get(incident_id) or abort(404)
    return jsonify({"ok": True, "undone": undone, "incident": export.incident_dict(updated)})


@bp.route("/incidents/<incident_id>/correction", methods=["POST", "DELETE"])
def correction(incident_id: str) -> Response:
    """Store a correction (JSON or form fields) or, with DELETE, drop it; returns the incident."""
    state = get_state()
    record: Record = state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    if request.method == "DELETE":
        state.store.remove_correction(incident_id, author=current_name())
    else:
        fields = (correction_request(request.get_data(cache=False)) if request.is_json
                  else check_correction_fields(request.form, form=True))
        try:
            f = fields or {}
            needs_gz = bool(f.get("place_id") or f.get("place_name")) and f.get("lat") in (None, "")
            built = build_correction(record.machine, fields or {}, state.gazetteer if needs_gz else None)
            state.store.correct(dataclasses.replace(built, author=current_name()))
        except CorrectionError as err:
            abort(400, str(err))
    updated = state.store.get(incident_id)
    if updated is None:
        abort(404)
    return jsonify({"ok": True, "incident": export.incident_dict(updated)})
