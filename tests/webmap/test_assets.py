"""Offline folium assets: vendored files, licences, localized rendering, and a real browser load."""
from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import folium
import folium.plugins as plugins
import pytest

from webmap.assets import LOCAL_ASSETS, localize, localize_html, unmapped_urls

logger = logging.getLogger(__name__)

from liveweb import serving
from paths import ROOT
STATIC = ROOT / "static"
VENDOR = STATIC / "vendor"
COUNTRIES = STATIC / "geo" / "countries.geojson"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
REMOTE_TAG = re.compile(r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)
N_CLUSTERED = 40


def build_map(with_countries: bool = True) -> folium.Map:
    """A map using every feature the app relies on (tiles=None: nothing remote at all)."""
    m = folium.Map(location=[48.5, 31.0], zoom_start=5, tiles=None, maxZoom=18)
    if with_countries:
        folium.map.CustomPane("basemap", z_index=250).add_to(m)
        folium.GeoJson(json.loads(COUNTRIES.read_text(encoding="utf-8")), name="Countries", pane="basemap",
                       style_function=lambda f: {"color": "#777", "weight": 1, "fillColor": "#eee"}).add_to(m)
    shelling = folium.FeatureGroup(name="Shelling").add_to(m)
    folium.Marker([50.45, 30.52], popup=folium.Popup('<a href="/events/1">Kyiv</a>'), tooltip="Kyiv",
                  icon=folium.Icon(icon="bomb", prefix="fa", color="red")).add_to(shelling)
    folium.Marker([49.99, 36.23], icon=folium.Icon(icon="info-sign", color="blue")).add_to(shelling)
    cluster = plugins.MarkerCluster(name="Clustered").add_to(m)
    for i in range(N_CLUSTERED):
        folium.Marker([46.5 + (i % 8) * 0.3, 30.0 + (i // 8) * 0.5], tooltip=f"event {i}").add_to(cluster)
    plugins.HeatMap([[48.0 + i * 0.05, 35.0 + i * 0.04, 1.0] for i in range(50)], name="Heat").add_to(m)
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": {"name": name, "time": day}}
        for name, lon, lat, day in [("Kharkiv", 36.23, 49.99, "2024-05-01"), ("Odesa", 30.73, 46.48, "2024-05-02"),
                                    ("Dnipro", 35.05, 48.46, "2024-05-03")]]}
    plugins.TimestampedGeoJson(points, period="P1D", add_last_point=True).add_to(m)
    searchable = folium.GeoJson(points, name="Places").add_to(m)
    plugins.Search(layer=searchable, search_label="name", geom_type="Point").add_to(m)
    plugins.Fullscreen().add_to(m)
    plugins.MousePosition().add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def test_every_local_asset_exists_and_is_not_empty() -> None:
    for url, rel in LOCAL_ASSETS.items():
        path = VENDOR / rel
        assert path.is_file(), f"{url} -> missing {path}"
        assert path.stat().st_size > 100, f"{path} is (nearly) empty"


def test_every_css_url_resolves_to_a_local_file() -> None:
    checked = 0
    for css in VENDOR.rglob("*.css"):
        for ref in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if ref.startswith("data:") or ref.startswith("#"):
                continue
            assert not re.match(r"(?:https?:)?//", ref), f"{css}: remote url({ref})"
            target = (css.parent / re.split(r"[?#]", ref)[0]).resolve()
            assert target.is_file(), f"{css.relative_to(VENDOR)}: url({ref}) -> {target} missing"
            assert VENDOR.resolve() in target.parents
            checked += 1
    assert checked >= 25  # leaflet images, FA and glyphicon fonts, marker sprites, search icons


def test_manifest_lists_licences_versions_and_hashes() -> None:
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    listed: set[str] = set()
    for pkg in manifest["packages"]:
        assert pkg["version"] and pkg["licence"], pkg["package"]
        assert pkg["licence_files"], f"{pkg['package']} has no licence file"
        for lic in pkg["licence_files"]:
            assert (VENDOR / lic).stat().st_size > 200, f"{lic} too small to be a licence"
        listed.update(pkg["files"])
    assert set(LOCAL_ASSETS.values()) <= listed
    for rel, digest in manifest["sha256"].items():
        assert hashlib.sha256((VENDOR / rel).read_bytes()).hexdigest() == digest, f"{rel} changed by hand"
    assert not list(VENDOR.rglob("*.map")), "source maps should not be vendored"


def test_generated_rotate_css_and_rewritten_timedimension_css() -> None:
    rotate = (VENDOR / "folium" / "leaflet.awesome.rotate.min.css").read_text(encoding="utf-8")
    assert rotate.count("{transform:rotate(") == 359 and ".fa-rotate-90{transform:rotate(90deg)}" in rotate
    control = (VENDOR / "leaflet-timedimension/dist/leaflet.timedimension.control.css").read_text(encoding="utf-8")
    assert "netdna" not in control and "../../glyphicons-only-bootstrap/fonts/" in control


def test_countries_geojson_is_compact_and_minimal() -> None:
    assert COUNTRIES.stat().st_size < 1_600_000
    data = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    features = data["features"]
    assert len(features) >= 240
    names = {f["properties"]["name"] for f in features}
    assert {"Ukraine", "Russia", "France", "Brazil"} <= names
    for f in features:
        assert set(f["properties"]) <= {"name", "id"}
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    ukraine = next(f for f in features if f["properties"]["name"] == "Ukraine")
    ring = ukraine["geometry"]["coordinates"][0] if ukraine["geometry"]["type"] == "Polygon" \
        else ukraine["geometry"]["coordinates"][0][0]
    assert ring[0] == ring[-1] and len(ring) > 100
    assert all(len(repr(c).split(".")[-1]) <= 3 for point in ring for c in point)
    lons = [p[0] for p in ring]
    assert 22 < min(lons) < 23 and 40 < max(lons) < 41.5  # Ukraine spans roughly 22.1E..40.2E


def test_localized_map_has_no_remote_script_or_stylesheet() -> None:
    m = build_map()
    assert localize(m) == []
    start = time.perf_counter()
    html = m.get_root().render()
    logger.info("render %.3f s, %d bytes", time.perf_counter() - start, len(html))
    assert not REMOTE_TAG.search(html)
    assert unmapped_urls(html) == []
    assert "/static/vendor/leaflet/dist/leaflet.js" in html
    assert "/static/vendor/leaflet-search/dist/leaflet-search.min.js" in html


def test_localize_leaves_class_attributes_alone() -> None:
    before = (list(folium.Map.default_js), list(plugins.MarkerCluster.default_css))
    localize(build_map(with_countries=False), prefix="/x/")
    assert (folium.Map.default_js, plugins.MarkerCluster.default_css) == before
    fresh = folium.Map(tiles=None)
    assert fresh.default_js[0][1].startswith("https://cdn.jsdelivr.net/")
    assert unmapped_urls(fresh.get_root().render())


def test_localize_reports_plugins_without_local_copy() -> None:
    m = folium.Map(tiles=None)
    plugins.Draw().add_to(m)
    assert localize(m) == ["https://cdnjs.cloudflare.com/ajax/libs/leaflet.draw/1.0.2/leaflet.draw.css",
                           "https://cdnjs.cloudflare.com/ajax/libs/leaflet.draw/1.0.2/leaflet.draw.js"]
    assert len(unmapped_urls(m.get_root().render())) == 2


def test_localize_html_rewrites_a_cdn_rendering() -> None:
    cdn_html = build_map(with_countries=False).get_root().render()
    assert len(unmapped_urls(cdn_html)) >= 20
    local = localize_html(cdn_html, "/static/vendor/")
    assert unmapped_urls(local) == []
    assert "/static/vendor/moment/min/moment.min.js" in local


def test_unmapped_urls_finds_remote_tags_only() -> None:
    html = ('<script src="https://evil.example/x.js"></script><link rel="stylesheet" href="//cdn.example/y.css">'
            '<script src="/static/vendor/a.js"></script><a href="https://example.org/page">link</a>'
            "<style>@import url('http://cdn.example/z.css');</style>")
    assert unmapped_urls(html) == ["//cdn.example/y.css", "http://cdn.example/z.css", "https://evil.example/x.js"]


# --- real browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def map_server() -> Iterator[str]:
    """Serve static/ and one rendered offline map page on 127.0.0.1 (ephemeral port)."""
    from werkzeug.middleware.shared_data import SharedDataMiddleware
    from werkzeug.wrappers import Request, Response

    m = build_map()
    assert localize(m) == []
    html = m.get_root().render()

    @Request.application
    def page(request: Request) -> Response:
        if request.path == "/":
            return Response(html, mimetype="text/html")
        return Response("not found", status=404)

    with serving(SharedDataMiddleware(page, {"/static": str(STATIC)})) as base:
        yield base + "/"


MARKER_COUNT_JS = """() => {
  const map = window[document.querySelector('.folium-map').id];
  let direct = 0, clustered = 0;
  map.eachLayer(l => {
    if (l instanceof L.MarkerClusterGroup) clustered += l.getLayers().length;
    else if (l instanceof L.Marker && !(l instanceof L.MarkerCluster)) direct += 1;
  });
  return {direct, clustered, clusterIcons: document.querySelectorAll('.marker-cluster').length,
          faIcons: document.querySelectorAll('.awesome-marker .fa-bomb').length,
          countryPaths: document.querySelectorAll('.leaflet-basemap-pane path').length,
          heat: document.querySelectorAll('canvas.leaflet-heatmap-layer').length,
          controls: ['.leaflet-control-layers', '.leaflet-control-search', '.timecontrol-play',
                     '.leaflet-control-zoom-fullscreen', '.leaflet-control-mouseposition']
                    .filter(s => !document.querySelector(s))};
}"""


@pytest.mark.browser
def test_offline_map_loads_in_chromium(map_server: str, tmp_path: Path, chromium) -> None:
    """Uses the session's Chromium (tests/conftest.py), so it runs in any order with the other browser tests."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    failed: list[str] = []
    remote: list[str] = []
    errors: list[str] = []
    bad_status: list[str] = []
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("requestfailed", lambda req: failed.append(f"{req.url} {req.failure}"))
        page.on("request", lambda req: remote.append(req.url)
                if urlparse(req.url).hostname not in ("127.0.0.1", None) else None)
        page.on("response", lambda r: bad_status.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        start = time.perf_counter()
        page.goto(map_server, wait_until="load")
        try:
            page.wait_for_selector(".marker-cluster", timeout=10_000)
        except PlaywrightTimeout:
            errors.append("no .marker-cluster within 10 s")
        page.evaluate("() => document.fonts.ready")
        load_s = time.perf_counter() - start
        version = page.evaluate("() => typeof L === 'undefined' ? null : L.version")
        assert version == "1.9.3", (version, failed[:5], errors[:5])
        counts = page.evaluate(MARKER_COUNT_JS)
        fa_font = page.evaluate("() => document.fonts.check('900 16px \"Font Awesome 6 Free\"')")
        page.screenshot(path=str(tmp_path / "offline-map.png"))
    finally:
        context.close()
    logger.info("browser load %.2f s, counts %s", load_s, counts)
    assert remote == [] and failed == [] and bad_status == []
    assert errors == []
    assert counts["clustered"] == N_CLUSTERED and counts["clusterIcons"] >= 1
    assert counts["direct"] >= 2 and counts["faIcons"] == 1
    assert counts["countryPaths"] > 200 and counts["heat"] == 1
    assert counts["controls"] == []
    assert fa_font
