"""The JSON API: incidents (JSON, GeoJSON, CSV) under the shared filters, article ingest, corrections."""
from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, abort, jsonify, request, url_for

from .. import security
from ..incidents.loaders import decode
from ..intake import check_correction_fields, correction_request, parse_article_request
from ..corrections import CorrectionError, build_correction
from ..incidents.exc import ArticleError, ExtractionError
from ..filters import parse_filters
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


@bp.get("/incidents")
def incidents() -> Response:
    """Incidents matching the filters, as JSON."""
    records = get_state().store.query(parse_filters(request.args))
    return jsonify({"ok": True, "count": len(records), "incidents": [export.incident_dict(r) for r in records]})


@bp.get("/incidents.geojson")
def incidents_geojson() -> Response:
    """An RFC 7946 FeatureCollection of the incidents matching the filters."""
    text, _ = export.export_geojson(get_state().store, parse_filters(request.args))
    resp = Response(text, mimetype="application/geo+json")
    return _download(resp, "incidents.geojson")


@bp.get("/incidents.csv")
def incidents_csv() -> Response:
    """The incidents matching the filters as CSV, with ACLED's column names where they apply."""
    records = get_state().store.query(parse_filters(request.args))
    resp = Response(export.to_csv(records), mimetype="text/csv")
    resp.charset = "utf-8"
    return _download(resp, "incidents.csv")


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


@bp.route("/incidents/<incident_id>/correction", methods=["POST", "DELETE"])
def correction(incident_id: str) -> Response:
    """Store a correction (JSON or form fields) or, with DELETE, drop it; returns the incident."""
    state = get_state()
    record: Record = state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    if request.method == "DELETE":
        state.store.remove_correction(incident_id)
    else:
        fields = (correction_request(request.get_data(cache=False)) if request.is_json
                  else check_correction_fields(request.form, form=True))
        try:
            f = fields or {}
            needs_gz = bool(f.get("place_id") or f.get("place_name")) and f.get("lat") in (None, "")
            state.store.correct(build_correction(record.machine, fields or {}, state.gazetteer if needs_gz else None))
        except CorrectionError as err:
            abort(400, str(err))
    return jsonify({"ok": True, "incident": export.incident_dict(state.store.get(incident_id))})
