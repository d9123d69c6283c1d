"""Build the incident map with folium (no Flask): offline, one layer per category, markers made in JS.

Python creates only the map, one FeatureGroup per category, the heat-map layer, the layer control
and one data payload; ``static/js/app.js`` turns the payload into clustered markers, region polygons,
uncertainty circles, the legend and the time control. That keeps 10k+ incidents fast (no Python
object per marker). Popup HTML comes only from the caller's ``popup_html`` (an autoescaped Jinja
partial) or is fetched from ``popup_url``; every string reaches the page through HTML-safe JSON.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Mapping, Sequence

import folium
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import HeatMap, MarkerCluster
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from .route_layer import add_routes
from .incidents.categories import CATEGORIES, Category
from .incidents.geojson import unlocated_reason_for
from .incidents.models import Incident
from .placenames import display_name_for
from .store.base import MapRow

log = logging.getLogger(__name__)

AREA_TYPES = ("Polygon", "MultiPolygon")


@dataclass(frozen=True, slots=True)
class MapOptions:
    """How the map is drawn and where its links and assets point."""

    tiles_url: str | None = None
    tiles_attr: str = ""
    assets_prefix: str = "/static/vendor"
    static_prefix: str = "/static"
    max_zoom: int = 18
    uncertainty_radius_m: int = 15000
    article_url: str = "/articles/{article_id}#s{index}"
    popup_url: str | None = "/incidents/{id}/popup"
    focus: str | None = None                     # incident id to zoom on and open
    incident_url: str | None = "/incidents/{id}"  # an incident's own page
    labels_url: str | None = None                 # settlement labels (JSON) for the base map
    base_layers: tuple[tuple[str, str, Mapping[str, Any]], ...] = field(default_factory=tuple)  # name, url, style


def layer_name(cat: Category, n: int) -> str:
    """The layer-control label of a category: its icon in its colour, its label and count (all constants)."""
    return (f'<i class="fa-solid fa-{cat.icon}" style="color:{cat.css_colour}"></i> '
            f'<span class="layer-label">{cat.label}</span> <span class="layer-count">({n})</span>')


class _ClusterAssets(JSCSSMixin):
    """Pulls in Leaflet.markercluster's JS and CSS (the markers themselves are made in app.js)."""

    _template = Template("")
    default_js = list(MarkerCluster.default_js)
    default_css = list(MarkerCluster.default_css)


class _RawScript(Element):
    """Script text added to the page as it is.

    branca compiles what every macro renders as a new Jinja template before rendering it again: a
    payload holding article text ("{{ 7*7 }}") would be evaluated on the server, and a megabyte of
    incidents costs a fifth of a second to compile. This element renders its text untouched.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "RawScript"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _AppInit(JSCSSMixin):
    """Calls ``WebMap.init`` with the folium variables and the HTML-safe JSON payload (never templated)."""

    _template = Template("")

    def __init__(self, map_name: str, control_name: str, heat_name: str, groups: list[tuple[str, str]],
                 payload_json: str, static_prefix: str) -> None:
        super().__init__()
        self._name = "WebMapInit"
        self.map_name, self.control_name, self.heat_name = map_name, control_name, heat_name
        self.groups = groups
        self.payload_json = payload_json
        self.default_js = [("webmap_app_js", f"{static_prefix}/js/app.js"),
                           ("webmap_panel_js", f"{static_prefix}/js/panel.js"),
                           ("webmap_timeline_js", f"{static_prefix}/js/timeline.js"),
                           ("webmap_labels_js", f"{static_prefix}/js/labels.js"),
                           ("webmap_search_js", f"{static_prefix}/js/search.js"),
                           ("webmap_overlay_js", f"{static_prefix}/js/overlay.js")]
        self.default_css = [("webmap_app_css", f"{static_prefix}/css/app.css")]

    def script_text(self) -> str:
        groups = ", ".join(f"{json.dumps(key)}: {name}" for key, name in self.groups)
        return (f"WebMap.init({{map: {self.map_name}, control: {self.control_name}, heat: {self.heat_name},\n"
                f"             groups: {{{groups}}}}},\n            {self.payload_json});\n")

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)      # type: ignore[attr-defined]
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)             # type: ignore[attr-defined]
        figure.script.add_child(_RawScript(self.script_text()), name=self.get_name())   # type: ignore[attr-defined]
        return ""


def _light(geometry: Mapping[str, Any], tolerance: float = 0.005) -> Mapping[str, Any]:
    """An area simplified to about half a kilometre and rounded to 4 decimals (a region's shading, not
    its survey): Natural Earth oblast polygons shrink about tenfold in the page."""
    try:
        from shapely.geometry import mapping, shape

        g = shape(geometry).simplify(tolerance, preserve_topology=True)
        if g.is_empty:
            return geometry

        def rnd(c: Any) -> Any:
            return round(c, 4) if isinstance(c, (int, float)) else [rnd(x) for x in c]
        return {"type": g.geom_type, "coordinates": rnd(mapping(g)["coordinates"])}
    except (ImportError, ValueError, TypeError, AttributeError) as err:
        log.debug("area not simplified: %s", err)
        return geometry


def fatalities(inc: Incident) -> int:
    """The incident's fatalities (its ``killed`` count; 0 when none is told)."""
    return sum(int(v) for k, v in inc.counts if k == "killed")


def map_row_of(inc: Incident, corrected: bool = False) -> MapRow:
    """The :class:`MapRow` of an incident (what the store's ``map_rows`` gives without building incidents)."""
    src = inc.source
    return MapRow(inc.incident_id, inc.category, inc.lat, inc.lon, inc.geo_precision, inc.date, inc.geometry,
                  inc.place_id, inc.location_name, corrected, src.article_id if src else None,
                  src.sentence_index if src else None, fatalities(inc), inc.admin1, inc.country_code)


def _rows(items: Sequence[Incident | MapRow], corrected: Collection[str] = ()) -> list[MapRow]:
    ids = set(corrected)
    return [r if isinstance(r, MapRow) else map_row_of(r, r.incident_id in ids) for r in items]


def payload(incidents: Sequence[Incident | MapRow], *, options: MapOptions = MapOptions(),
            popup_html: Callable[[Any], str] | None = None, corrected: Collection[str] = (),
            geometry_for: Callable[[str], Mapping[str, Any] | None] | None = None) -> dict[str, Any]:
    """The data app.js draws: categories, compact incident rows, shared area geometries, options.

    ``incidents``: Incidents, or the store's lighter :class:`MapRow` (``corrected`` then is read from them).
    Row: [id, category index, lat, lon, precision, date, geometry index or -1, place, corrected 0/1,
    article id, sentence index, fatalities, admin1, country]. A geometry is given only to incidents
    known to a region and no better (precision 3), which the map draws as their region's area.
    Incidents without coordinates go to ``unlocated`` (the table lists them; the map cannot).
    """
    cat_index: dict[str, int] = {c.key: n for n, c in enumerate(CATEGORIES)}
    geoms: list[Mapping[str, Any]] = []
    geom_index: dict[str, int] = {}
    rows: list[list[Any]] = []
    unlocated: list[list[Any]] = []
    popups: list[str] = []
    for item, inc in zip(incidents, _rows(incidents, corrected)):
        place = display_name_for(inc.place_id, inc.location_name)
        if inc.lat is None or inc.lon is None:
            unlocated.append([inc.incident_id, cat_index.get(inc.category, len(CATEGORIES) - 1), inc.date, place,
                              inc.killed, inc.admin1, inc.country_code, unlocated_reason_for(inc.location_name)])
            continue
        g = -1
        if (inc.geo_precision or 0) >= 3:
            geometry = inc.geometry
            if (geometry is None or geometry.get("type") not in AREA_TYPES) and inc.place_id and geometry_for is not None:
                geometry = geometry_for(inc.place_id)
            if geometry is not None and geometry.get("type") in AREA_TYPES:
                key = inc.place_id or json.dumps(geometry, sort_keys=True)
                if key not in geom_index:
                    geom_index[key] = len(geoms)
                    geoms.append(_light(geometry))
                g = geom_index[key]
        rows.append([inc.incident_id, cat_index.get(inc.category, len(CATEGORIES) - 1), round(inc.lat, 5),
                     round(inc.lon, 5), inc.geo_precision or 0, inc.date, g, place, 1 if inc.corrected else 0,
                     inc.article_id, inc.sentence_index, inc.killed, inc.admin1 or "", inc.country_code or ""])
        if popup_html is not None:
            popups.append(popup_html(item))
    return {
        "categories": [{"key": c.key, "label": c.label, "event_type": c.event_type, "colour": c.colour,
                        "css": c.css_colour, "icon": c.icon} for c in CATEGORIES],
        "incidents": rows, "unlocated": unlocated, "geometries": geoms,
        "popups": popups if popup_html is not None else None,
        "options": {"popupUrl": options.popup_url, "articleUrl": options.article_url, "focus": options.focus,
                    "incidentUrl": options.incident_url, "labelsUrl": options.labels_url,
                    "radius": options.uncertainty_radius_m, "maxZoom": options.max_zoom,
                    "baseLayers": [{"name": n, "url": u, "style": dict(s)} for n, u, s in options.base_layers]},
    }


def _route_incidents(items: Sequence[Incident | MapRow]) -> list[Incident]:
    """The incidents add_routes draws: Incidents as given; a MapRow with a route's line as a minimal Incident."""
    out: list[Incident] = []
    for it in items:
        if isinstance(it, Incident):
            out.append(it)
        elif it.geometry and it.geometry.get("type") == "LineString":
            out.append(Incident(incident_id=it.incident_id, category=it.category, event_type="", sub_event_type="",
                                date=it.date, date_precision="day", location_name=it.location_name,
                                place_id=it.place_id, country_code=it.country_code, admin1=it.admin1, lat=it.lat,
                                lon=it.lon, geo_precision=it.geo_precision, score=0.0, geometry=it.geometry))
    return out


# Data credits shown in the map's attribution box (trusted, our own text; licences require them).
DATA_CREDITS = (
    'Places &copy; <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>), '
    '<a href="https://whosonfirst.org/docs/licenses/">Who&#39;s On First</a> '
    '(GeoNames, GeoPlanet, Quattroshapes: CC BY), '
    '<a href="https://ucdp.uu.se/">UCDP GED</a> (war-zone villages, CC BY 4.0), '
    '<a href="https://www.naturalearthdata.com/">Natural Earth</a> (outlines, rivers, lakes: public domain)'
)


class _Credits(MacroElement):
    """Adds the data credits to the map's attribution control (runs after the map exists)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.credits }});"
        "{% endmacro %}")

    def __init__(self, credits_html: str) -> None:
        super().__init__()
        self._name = "Credits"
        self.credits = json.dumps(credits_html)


def build_map(incidents: Sequence[Incident | MapRow], *, options: MapOptions = MapOptions(),
              popup_html: Callable[[Any], str] | None = None, corrected: Collection[str] = (),
              geometry_for: Callable[[str], Mapping[str, Any] | None] | None = None) -> folium.Map:
    """A folium map of the incidents, with only local asset URLs (plus ``tiles_url`` when configured)."""
    m = folium.Map(location=(49.0, 32.0), zoom_start=5, tiles=None, maxZoom=options.max_zoom,
                   control_scale=True, width="100%", height="100%")
    _Credits(DATA_CREDITS).add_to(m)
    if options.tiles_url:
        folium.TileLayer(tiles=options.tiles_url, attr=options.tiles_attr or "Map tiles", name="Tiles",
                         max_zoom=options.max_zoom, overlay=False, control=True).add_to(m)
    counts: dict[str, int] = {}
    for inc in incidents:                       # the legend counts the same: incidents on the map
        if inc.lat is not None and inc.lon is not None:
            counts[inc.category] = counts.get(inc.category, 0) + 1
    groups: list[tuple[str, str]] = []
    for cat in CATEGORIES:
        n = counts.get(cat.key, 0)
        fg = folium.FeatureGroup(name=layer_name(cat, n), overlay=True, control=n > 0, show=True)
        fg.add_to(m)
        groups.append((cat.key, fg.get_name()))
    heat = HeatMap([], name="Heat map", show=False, radius=18, blur=20, min_opacity=0.3)
    heat.add_to(m)
    _ClusterAssets().add_to(m)
    add_routes(m, _route_incidents(incidents))  # evacuation routes: directed lines in a layer of their own
    control = folium.LayerControl(collapsed=False, position="topright")
    control.add_to(m)
    data = payload(incidents, options=options, popup_html=popup_html, corrected=corrected, geometry_for=geometry_for)
    _AppInit(m.get_name(), control.get_name(), heat.get_name(), groups, htmlsafe_json_dumps(data),
             options.static_prefix).add_to(m)
    _localize(m, options.assets_prefix)
    return m


def _localize(m: folium.Map, prefix: str) -> None:
    """Point every folium asset at the vendored copies (webmap.assets); leave out Bootstrap, which
    folium loads for its own templates and these maps never use (about 270 KB less per cold load), and
    jQuery, which only folium's Popup and ``keep_in_front`` templates call: popups, the timeline and the
    filters are app.js's, in plain DOM (tests/webmap/test_web_maps.py checks nothing on the page uses it)."""
    from .assets import localize

    m.default_js = [(n, u) for n, u in m.default_js if n not in ("bootstrap", "jquery")]
    m.default_css = [(n, u) for n, u in m.default_css if n != "bootstrap_css"]
    localize(m, prefix=prefix)


def render_parts(m: folium.Map) -> dict[str, str]:
    """The map's header, body and script HTML for embedding in a page template."""
    root: Any = m.get_root()          # a branca Figure (typed as its base Element)
    root.render()
    return {"header": root.header.render(), "html": root.html.render(), "script": root.script.render()}
