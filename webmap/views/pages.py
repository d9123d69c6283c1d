"""HTML pages: the map, the article view with sentence anchors, upload/paste, corrections."""
from __future__ import annotations

import dataclasses
import gzip
import json
import logging
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for

from .. import basemap, security
from ..auth import current_name
from ..incidents.categories import BY_KEY, CATEGORIES
from ..corrections import CorrectionError, build_correction
from ..incidents.exc import ArticleError, ExtractionError
from ..filters import EVENT_TYPES, parse_filters
from ..maps import MapOptions, build_map, render_parts
from ..incidents.models import Incident
from ..intake import check_correction_fields, web_url
from ..placenames import display_name_for
from ..services import get_state
from ..store import ArticleConflict, Record
from .article_view import article_pieces, candidates_for

log = logging.getLogger(__name__)
bp = Blueprint("pages", __name__)


@bp.before_request
def _csrf() -> None:
    security.protect()


def sources_of(record: Record) -> list[dict[str, Any]]:
    """Every source of an incident (several when reports were merged): sentence, article, outlet, URL, date."""
    from flask import g
    from urllib.parse import urlsplit

    cache: dict[str, Any] = g.setdefault("wm_articles", {})
    out = []
    for src in record.incident.sources:
        if src.article_id not in cache:
            cache[src.article_id] = get_state().store.get_article(src.article_id)
        art = cache[src.article_id]
        url = web_url(art.url if art else None)
        outlet = (art.source_name if art else "") or ""
        if url and outlet in ("", "paste", "api") or outlet.endswith((".txt", ".json", ".md", ".html", ".jsonl")):
            outlet = urlsplit(url).netloc if url else outlet
        out.append({"span": src, "title": art.title if art else "", "outlet": outlet, "url": url,
                    "date": art.date if art else None})
    return out


def popup_html(record: Record) -> str:
    """A popup's HTML, rendered through the autoescaped partial."""
    inc = record.incident
    return render_template("_popup.html", incident=inc, record=record, category=BY_KEY.get(inc.category),
                           place_name=display_name_for(inc.place_id, inc.location_name), sources=sources_of(record))


def _geometry_lookup() -> Any:
    gz = get_state().loaded_gazetteer      # do not load the gazetteer only to draw a map
    return getattr(gz, "geometry", None) if gz is not None else None


def map_options(focus: str | None = None) -> MapOptions:
    """MapOptions from the app config (URLs from the routes)."""
    cfg = current_app.config
    base: list[tuple[str, str, dict[str, Any]]] = []
    if Path(current_app.static_folder or "", "geo", "countries.geojson").is_file():
        base.append(("Country outlines", url_for("pages.countries"),
                     {"color": "#7a7a7a", "weight": 1, "fillColor": "#f4f1ea", "fillOpacity": 1}))
    if _admin1_path() is not None:
        base.append(("Regions (UA, RU, BY)", url_for("pages.admin1"),
                     {"color": "#a0a0a0", "weight": 0.6, "fill": False, "dashArray": "2 3"}))
    if _water_path().is_file():
        base.append(("Rivers and lakes", url_for("pages.water"),
                     {"pane": "water", "color": "#5b8db8", "weight": 1.1, "opacity": 0.9, "fillColor": "#a9c8e4",
                      "fillOpacity": 0.9}))
    return MapOptions(tiles_url=cfg.get("TILES_URL"), tiles_attr=cfg.get("TILES_ATTR") or "",
                      assets_prefix=cfg["ASSETS_PREFIX"], static_prefix=url_for("static", filename="").rstrip("/"),
                      max_zoom=int(cfg["MAP_MAX_ZOOM"]), uncertainty_radius_m=int(cfg["UNCERTAINTY_RADIUS_M"]),
                      article_url=url_for("pages.article", article_id="ARTICLE") .replace("ARTICLE", "{article_id}")
                      + "#s{index}",
                      popup_url=url_for("pages.popup", incident_id="ID").replace("ID", "{id}"),
                      incident_url=url_for("pages.incident_page", incident_id="ID").replace("ID", "{id}"),
                      labels_url=url_for("pages.labels"), focus=focus, base_layers=tuple(base))


@bp.get("/")
def index() -> Any:
    """The map page, filtered by the URL arguments (gzipped when large and the client accepts it)."""
    filters = parse_filters(request.args)
    state = get_state()
    rows = state.store.map_rows(filters)          # what the map draws, without an Incident per row
    by_id = {}
    if len(rows) <= int(current_app.config["INLINE_POPUPS_MAX"]):     # few: popups embedded, else fetched
        by_id = {r.incident.incident_id: r for r in state.store.query(filters)}
        if by_id.keys() != {r.incident_id for r in rows}:       # the store changed between the reads
            by_id = {}
    m = build_map(rows, options=map_options(request.args.get("focus")),
                  popup_html=(lambda row: popup_html(by_id[row.incident_id])) if by_id else None,
                  geometry_for=_geometry_lookup())
    parts = {k: security.nonce_scripts(v) for k, v in render_parts(m).items()}   # CSP: inline scripts need the nonce
    args = filters.to_args()
    path = _admin1_path()
    outlines = tuple(current_app.config["ADMIN1_OUTLINES"])
    regions = basemap.admin1_names(str(path), outlines) if path else ()
    countries_file = Path(current_app.static_folder or "", "geo", "countries.geojson")
    basemap.warm("outlines", lambda: basemap.countries_gz(str(countries_file)) if countries_file.is_file() else None,
                 lambda: basemap.admin1_gz(str(path), outlines) if path else None,
                 lambda: basemap.labels_gz(state.gazetteer))
    html = render_template("map.html", map=parts, filters=filters, count=len(rows), total=state.store.count(),
                           unlocated=sum(1 for r in rows if r.lat is None or r.lon is None),
                           regions=regions, search_url=url_for("pages.place_search"),
                           categories=CATEGORIES, event_types=EVENT_TYPES, articles=state.store.articles(),
                           geojson_url=url_for("api.incidents_geojson") + _qs(args + [("download", "1")]),
                           csv_url=url_for("api.incidents_csv") + _qs(args + [("download", "1")]))
    if "gzip" not in (request.headers.get("Accept-Encoding") or "") or len(html) < 20_000:
        return html
    resp = Response(gzip.compress(html.encode("utf-8"), 6), mimetype="text/html")   # thousands of rows: ~5x smaller
    resp.headers["Content-Encoding"] = "gzip"
    resp.headers["Vary"] = "Accept-Encoding"
    return resp


def _qs(args: list[tuple[str, str]]) -> str:
    from urllib.parse import urlencode
    return "?" + urlencode(args) if args else ""


@bp.get("/incidents/<incident_id>/popup")
def popup(incident_id: str) -> str:
    """One popup (fetched by the map when popups are not embedded)."""
    record = get_state().store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    return popup_html(record)


@bp.get("/incidents/<incident_id>")
def incident_page(incident_id: str) -> str:
    """An incident's own page (its permalink): the sentence, every source, the place and its
    alternatives, the machine's reading and the correction kept apart from it."""
    state = get_state()
    record = state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    inc = record.incident
    return render_template("incident.html", record=record, incident=inc, category=BY_KEY.get(inc.category),
                           place_name=display_name_for(inc.place_id, inc.location_name), sources=sources_of(record),
                           candidates=candidates_for(record.machine, state),
                           history=state.store.correction_history(incident_id), categories=BY_KEY)


@bp.post("/incidents/<incident_id>/undo")
def undo_correction(incident_id: str) -> Any:
    """Undo the latest step of the incident's correction history (kept in the history, marked undone)."""
    state = get_state()
    state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    state.store.undo_correction(incident_id, author=current_name())
    return redirect(url_for("pages.incident_page", incident_id=incident_id))


@bp.get("/articles")
def articles() -> str:
    """All stored articles."""
    return render_template("articles.html", articles=get_state().store.articles())


@bp.get("/articles/<article_id>")
def article(article_id: str) -> str:
    """The full text, escaped, with anchors per sentence and incidents and places highlighted."""
    state = get_state()
    art = state.store.get_article(article_id) or abort(404, f"No article {article_id!r}.")
    records = state.store.query(parse_filters({"article": article_id}))
    sentences, tail = article_pieces(art, [r.incident for r in records])
    return render_template("article.html", article=art, sentences=sentences, tail=tail, records=records,
                           categories=BY_KEY)


@bp.route("/upload", methods=["GET", "POST"])
def upload() -> Any:
    """Paste text or upload a file (.txt, .md, .html, .json); then show the article."""
    if request.method == "GET":
        return render_template("upload.html")
    state = get_state()
    file = request.files.get("file")
    try:
        if file is not None and file.filename:
            articles = state.load_bytes(file.read(), Path(file.filename).name)
        else:
            text = request.form.get("text", "")
            if not text.strip():
                raise ArticleError("paste: no text given")
            record = {"text": text, "title": request.form.get("title", ""), "date": request.form.get("date") or None,
                      "url": request.form.get("url", ""), "source_name": "paste"}
            articles = state.load_bytes(json.dumps(record).encode("utf-8"), "paste.json")
        if state.needs_job(articles, [False] * len(articles)):
            job = state.submit_ingest(articles, [False] * len(articles))
            return redirect(url_for("pages.job", job_id=job.job_id))
        results = state.ingest_articles(articles)
    except (ArticleError, ExtractionError) as err:
        return render_template("upload.html", error=str(err)), 400
    except ArticleConflict as err:
        return render_template("upload.html", error=str(err)), 409
    if len(results) == 1:
        return redirect(url_for("pages.article", article_id=results[0].article_id))
    return redirect(url_for("pages.articles"))


@bp.get("/jobs/<job_id>")
def job(job_id: str) -> str:
    """A background ingest's progress (the page reloads itself until the job is finished)."""
    found = get_state().jobs.get(job_id) or abort(404, f"No job {job_id!r} (jobs are kept in memory until restart).")
    return render_template("job.html", job=found.as_dict())


@bp.route("/incidents/<incident_id>/correct", methods=["GET", "POST"])
def correct(incident_id: str) -> Any:
    """Correct an incident's place (candidate, name or coordinates) or category."""
    state = get_state()
    record = state.store.get(incident_id) or abort(404, f"No incident {incident_id!r}.")
    error = None
    if request.method == "POST":
        if request.form.get("action") == "revert":
            state.store.remove_correction(incident_id, author=current_name())
            return redirect(_back(record.machine))
        try:
            check_correction_fields(request.form, form=True)
            needs_gz = any(request.form.get(k) for k in ("place_id", "place_name", "lat", "lon"))
            built = build_correction(record.machine, request.form, state.gazetteer if needs_gz else None)
            state.store.correct(dataclasses.replace(built, author=current_name()))
            return redirect(_back(record.machine))
        except (CorrectionError, ArticleError) as err:
            error = str(err)
    return (render_template("correct.html", record=record, categories=CATEGORIES, error=error,
                            candidates=candidates_for(record.machine, state)), 400 if error else 200)


def _back(inc: Incident) -> str:
    src = inc.source
    if src is None:
        return url_for("pages.index", focus=inc.incident_id)
    return url_for("pages.article", article_id=src.article_id, _anchor=f"s{src.sentence_index}")


def _admin1_path() -> Path | None:
    try:
        from importlib.resources import files
        p = Path(str(files("gazetteer").joinpath("data", "admin1.geojson.gz")))
    except (ImportError, ModuleNotFoundError):
        return None
    return p if p.is_file() else None


def _gzip_response(body: bytes, mimetype: str) -> Response:
    """Gzipped JSON bytes, sent as is to clients that accept gzip (all browsers), else inflated."""
    if "gzip" in (request.headers.get("Accept-Encoding") or ""):
        resp = Response(body, mimetype=mimetype)
        resp.headers["Content-Encoding"] = "gzip"
        resp.headers["Vary"] = "Accept-Encoding"
    else:
        resp = Response(gzip.decompress(body), mimetype=mimetype)
    resp.cache_control.max_age = 3600
    return resp


@bp.get("/geo/admin1.geojson")
def admin1() -> Response:
    """Admin-1 outlines of the configured countries (from the gazetteer data), simplified, for the base layer."""
    path = _admin1_path() or abort(404, "No admin-1 outlines in this installation.")
    return _gzip_response(basemap.admin1_gz(str(path), tuple(current_app.config["ADMIN1_OUTLINES"])),
                          "application/geo+json")


@bp.get("/geo/countries.geojson")
def countries() -> Response:
    """Country outlines (Natural Earth via world-atlas), simplified, for the base layer."""
    path = Path(current_app.static_folder or "", "geo", "countries.geojson")
    if not path.is_file():
        abort(404, "No country outlines in this installation.")
    return _gzip_response(basemap.countries_gz(str(path)), "application/geo+json")


def _water_path() -> Path:
    return Path(current_app.static_folder or "", "geo", "water.geojson.gz")


@bp.get("/geo/water.geojson")
def water() -> Response:
    """Rivers and lakes of the theatre (Natural Earth 1:50m, public domain; scripts/build_water.py), gzipped."""
    path = _water_path()
    if not path.is_file():
        abort(404, "No rivers and lakes in this installation.")
    return _gzip_response(basemap.static_bytes(str(path)), "application/geo+json")


@bp.get("/geo/search")
def place_search() -> Response:
    """The map's place search: ``q`` (Latin or Cyrillic) resolved with the bundled gazetteer (JSON list)."""
    q = (request.args.get("q") or "").strip()
    if not q or len(q) > 200:
        abort(400, "q: give a place name of 1 to 200 characters")
    try:
        found = basemap.search_places(get_state().gazetteer, q)
    except ValueError as err:
        abort(400, f"q: {err}")
    return Response(json.dumps({"query": q, "places": found}, ensure_ascii=False), mimetype="application/json")


@bp.get("/geo/labels.json")
def labels() -> Response:
    """Settlement, region and country labels of the map area, from the bundled gazetteer."""
    return _gzip_response(basemap.labels_gz(get_state().gazetteer), "application/json")
