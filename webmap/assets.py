"""Point folium maps at the vendored front-end assets in static/vendor instead of CDNs (Flask-free)."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from branca.element import Element

logger = logging.getLogger(__name__)

# CDN URL used by folium 0.20.0 (Map and the plugins we use) -> file under static/vendor.
# Regenerate the files with scripts/vendor_assets.py; versions and licences are in static/vendor/MANIFEST.json.
_JSD = "https://cdn.jsdelivr.net/npm"
_CDNJS = "https://cdnjs.cloudflare.com/ajax/libs"
_FOLIUM_GH = "https://cdn.jsdelivr.net/gh/python-visualization/folium"
LOCAL_ASSETS: dict[str, str] = {
    # folium.Map
    f"{_JSD}/leaflet@1.9.3/dist/leaflet.js": "leaflet/dist/leaflet.js",
    f"{_JSD}/leaflet@1.9.3/dist/leaflet.css": "leaflet/dist/leaflet.css",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery/dist/jquery.min.js",
    f"{_JSD}/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js": "bootstrap/dist/js/bootstrap.bundle.min.js",
    f"{_JSD}/bootstrap@5.2.2/dist/css/bootstrap.min.css": "bootstrap/dist/css/bootstrap.min.css",
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css":
        "glyphicons-only-bootstrap/css/bootstrap.min.css",
    f"{_JSD}/@fortawesome/fontawesome-free@6.2.0/css/all.min.css": "fontawesome-free/css/all.min.css",
    f"{_CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js":
        "leaflet.awesome-markers/dist/leaflet.awesome-markers.js",
    f"{_CDNJS}/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css":
        "leaflet.awesome-markers/dist/leaflet.awesome-markers.css",
    f"{_FOLIUM_GH}/folium/templates/leaflet.awesome.rotate.min.css": "folium/leaflet.awesome.rotate.min.css",
    # MarkerCluster / FastMarkerCluster
    f"{_CDNJS}/leaflet.markercluster/1.1.0/leaflet.markercluster.js":
        "leaflet.markercluster/dist/leaflet.markercluster.js",
    f"{_CDNJS}/leaflet.markercluster/1.1.0/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    f"{_CDNJS}/leaflet.markercluster/1.1.0/MarkerCluster.Default.css":
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
    # HeatMap (the file ships inside the folium wheel)
    f"{_FOLIUM_GH}@main/folium/templates/leaflet_heat.min.js": "folium/leaflet_heat.min.js",
    # TimestampedGeoJson (and TimestampedWmsTileLayers)
    f"{_CDNJS}/jquery/3.7.1/jquery.min.js": "jquery/dist/jquery.min.js",
    f"{_CDNJS}/jqueryui/1.10.2/jquery-ui.min.js": "jquery-ui-dist/jquery-ui.min.js",
    f"{_JSD}/iso8601-js-period@0.2.1/iso8601.min.js": "iso8601-js-period/iso8601.js",
    f"{_JSD}/leaflet-timedimension@1.1.1/dist/leaflet.timedimension.min.js":
        "leaflet-timedimension/dist/leaflet.timedimension.min.js",
    f"{_JSD}/leaflet-timedimension@1.1.1/dist/leaflet.timedimension.control.css":
        "leaflet-timedimension/dist/leaflet.timedimension.control.css",
    f"{_CDNJS}/moment.js/2.18.1/moment.min.js": "moment/min/moment.min.js",
    f"{_CDNJS}/highlight.js/8.4/styles/default.min.css": "highlight.js/styles/default.css",
    # Timeline / TimelineSlider
    f"{_JSD}/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js": "leaflet.timeline/dist/leaflet.timeline.js",
    # Search
    f"{_JSD}/leaflet-search@2.9.7/dist/leaflet-search.min.js": "leaflet-search/dist/leaflet-search.min.js",
    f"{_JSD}/leaflet-search@2.9.7/dist/leaflet-search.min.css": "leaflet-search/dist/leaflet-search.min.css",
    # Fullscreen
    f"{_JSD}/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js": "leaflet.fullscreen/Control.FullScreen.js",
    f"{_JSD}/leaflet.fullscreen@3.0.0/Control.FullScreen.css": "leaflet.fullscreen/Control.FullScreen.css",
    # MousePosition (npm leaflet-mouse-position, a maintained fork of ardhi/Leaflet.MousePosition)
    "https://cdn.jsdelivr.net/gh/ardhi/Leaflet.MousePosition/src/L.Control.MousePosition.min.js":
        "leaflet-mouse-position/src/L.Control.MousePosition.js",
    "https://cdn.jsdelivr.net/gh/ardhi/Leaflet.MousePosition/src/L.Control.MousePosition.min.css":
        "leaflet-mouse-position/src/L.Control.MousePosition.css",
    # folium.TopoJson (topojson-client 3 keeps topojson 1's topojson.feature API)
    f"{_CDNJS}/topojson/1.6.9/topojson.min.js": "topojson-client/dist/topojson-client.min.js",
}

_TAG_URL = re.compile(
    r"""<script\b[^>]*?\bsrc\s*=\s*["']((?:https?:)?//[^"']+)["']"""
    r"""|<link\b[^>]*?\bhref\s*=\s*["']((?:https?:)?//[^"']+)["']"""
    r"""|@import\s+(?:url\()?\s*["']?((?:https?:)?//[^"')\s]+)""",
    re.IGNORECASE,
)


def _walk(element: Element) -> Iterator[Element]:
    """Yield element and all its descendants (depth first, each once)."""
    seen: set[int] = set()
    stack = [element]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(getattr(node, "_children", {}).values())


def _local(url: str, prefix: str) -> str | None:
    """Local URL for a known CDN URL, the URL itself if already local, else None."""
    if url in LOCAL_ASSETS:
        return f"{prefix}/{LOCAL_ASSETS[url]}"
    if not re.match(r"(?:https?:)?//", url):
        return url
    return None


def localize(element: Element, prefix: str = "/static/vendor") -> list[str]:
    """Give element and its descendants instance-level asset lists using local files; return unmapped URLs."""
    prefix = prefix.rstrip("/")
    unmapped: list[str] = []
    for node in _walk(element):
        for attr in ("default_js", "default_css"):
            links = getattr(node, attr, None)
            if not isinstance(links, list):
                continue
            new_links = []
            for name, url in links:
                local = _local(url, prefix)
                if local is None:
                    unmapped.append(url)
                    local = url
                new_links.append((name, local))
            setattr(node, attr, new_links)  # a new list on the instance: class attributes stay untouched
    if unmapped:
        logger.warning("no local copy for %d asset URL(s): %s", len(unmapped), unmapped)
    return sorted(set(unmapped))


def localize_html(html: str, prefix: str = "/static/vendor") -> str:
    """Replace every known CDN URL in already rendered HTML with its local path."""
    prefix = prefix.rstrip("/")
    for url in sorted(LOCAL_ASSETS, key=len, reverse=True):
        if url in html:
            html = html.replace(url, f"{prefix}/{LOCAL_ASSETS[url]}")
    return html


def unmapped_urls(html: str) -> list[str]:
    """Remote (http, https or protocol-relative) script/stylesheet URLs still present in rendered HTML."""
    found = {next(g for g in m.groups() if g) for m in _TAG_URL.finditer(html)}
    return sorted(found)
