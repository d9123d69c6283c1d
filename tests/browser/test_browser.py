"""The map in a real browser (Playwright + Debian's Chromium), served offline on 127.0.0.1.

Screenshots of the map and the article page go to docs/img/ (the README shows them).
"""
from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest

from webmap.incidents.categories import BY_KEY
from webmap.filters import parse_filters

pytestmark = pytest.mark.browser

from liveweb import browser_page, foreign_requests, open_map
from paths import ROOT, TEST_DATA
IMG = ROOT / "docs" / "img"
SCHEMA = json.loads((TEST_DATA / "geojson.schema.json").read_text(encoding="utf-8"))
XSS_TITLE = "Overnight <script>window.__pwned=1;alert('title')</script> report <img src=x onerror=\"alert(2)\">"
XSS_TEXT = ("Russian missiles struck Kharkiv on Monday, killing two people "
            "<img src=x onerror=\"window.__pwned=2;alert(1)\"> <script>window.__pwned=3;alert('xss')</script>.\n\n"
            "Ukrainian air defences intercepted 20 drones over Kyiv overnight.")


@pytest.fixture
def page(chromium, live_server):
    """A page that records every request, page error and dialog."""
    base, app = live_server
    # bypass_csp: Playwright's wait_for_function needs eval; it also proves escaping alone stops the XSS payloads
    with browser_page(chromium, base, app, accept_downloads=True, bypass_csp=True) as pg:
        yield pg


def test_map_renders_offline_with_the_seed_incidents(page):
    open_map(page)
    store = page.app.extensions["webmap"].store
    located = [r for r in store.query() if r.incident.lat is not None]
    assert located
    assert page.evaluate("window.webmapApp.records.length") == len(located)
    on_map = page.evaluate("Object.keys(webmapApp.groups).reduce((n, k) => n + webmapApp.markersOnMap(k) + webmapApp.areasOnMap(k), 0)")
    assert on_map == len(located)                          # markers, plus region-level incidents drawn as areas
    page.wait_for_selector(".wm-marker, .wm-cluster", timeout=10000)
    page.locator(".leaflet-control-layers-overlays label", has_text="Country outlines").wait_for(timeout=10000)
    assert page.locator(".leaflet-basemap-pane canvas").count() == 1           # the offline base layer
    page.wait_for_function("document.body.dataset.labelsReady === '1' && document.body.dataset.baseLayers === '3'",
                           timeout=30000)                                       # labels, outlines, water drawn
    assert page.locator(".wm-label").count() > 0
    assert page.errors == [] and foreign_requests(page) == []
    assert page.locator(".wm-legend").is_visible() and page.locator(".leaflet-control-layers").is_visible()
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / "map.png"))


def test_switching_a_layer_off_hides_exactly_that_category(page):
    open_map(page)
    counts = page.evaluate("Object.fromEntries(Object.keys(webmapApp.groups).map(k => [k, webmapApp.markersOnMap(k)]))")
    key = max(counts, key=counts.get)
    assert counts[key] > 0
    label = BY_KEY[key].label
    drawn = """l => Array.from(document.querySelectorAll('.wm-marker, .wm-mix')).filter(e =>
        (e.getAttribute('title') || '').includes(' ' + l) || e.getAttribute('alt') === l).length"""
    assert page.evaluate(drawn, label) > 0           # its markers, or clusters whose category mix holds it
    page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input").uncheck()
    after = page.evaluate("Object.fromEntries(Object.keys(webmapApp.groups).map(k => [k, webmapApp.markersOnMap(k)]))")
    assert after[key] == 0 and {k: v for k, v in after.items() if k != key} == {k: v for k, v in counts.items() if k != key}
    assert page.evaluate(drawn, label) == 0
    page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input").check()
    assert page.evaluate("k => webmapApp.markersOnMap(k)", key) == counts[key]


def test_popup_link_opens_the_article_at_the_highlighted_sentence(page):
    located = [r.incident for r in page.app.extensions["webmap"].store.query() if r.incident.lat is not None]
    located = [i for i in located if i.geo_precision != 3]     # region-level incidents are areas, not markers
    alone = [i for i in located if sum((j.lat, j.lon) == (i.lat, i.lon) for j in located) == 1]
    inc = (alone or located)[0]                              # a marker no other marker covers
    open_map(page)
    page.evaluate("""id => new Promise(done => { const r = webmapApp.byId[id];
        webmapApp.clusters[r.cat].zoomToShowLayer(r.marker, () => done(true)); })""", inc.incident_id)
    page.locator(f'[data-incident="{inc.incident_id}"]').click()
    link = page.locator(".leaflet-popup .wm-popup-link")
    link.wait_for(timeout=10000)
    assert inc.source.sentence[:30] in page.locator(".leaflet-popup .wm-popup-quote").last.inner_text()
    link.click()
    page.wait_for_url(f"**/articles/{inc.source.article_id}#s{inc.source.sentence_index}")
    target = page.locator(f"#s{inc.source.sentence_index}")
    assert target.evaluate("el => el.matches(':target') && el.classList.contains('has-incident')")
    assert target.locator("mark.wm-place").count() >= 1 or inc.source.place_start is None
    page.wait_for_timeout(200)
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / "article.png"))
    page.locator(f'a.wm-show-on-map[href="/?focus={inc.incident_id}"]').first.click()
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'")
    page.locator(".leaflet-popup .wm-popup").last.wait_for(timeout=10000)
    assert page.errors == [] and foreign_requests(page) == []


def test_a_filter_changes_the_map_and_the_export_alike(page, tmp_path):
    open_map(page)
    all_ids = set(page.evaluate("webmapApp.records.map(r => r.id)"))
    store = page.app.extensions["webmap"].store
    key = store.query()[0].incident.category
    page.locator("details.wm-cats summary").click()
    page.locator(f'input[name="category"][value="{key}"]').check()
    page.locator("#filters button[type=submit]").click()
    page.wait_for_url(f"**/?category={key}*")
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'")
    shown = set(page.evaluate("webmapApp.records.map(r => r.id)"))
    expected = {r.incident.incident_id for r in store.query() if r.incident.category == key and r.incident.lat}
    assert shown == expected and shown <= all_ids
    assert page.locator("#wm-count").inner_text().startswith(f"{len(expected)} of ")
    with page.expect_download() as dl:
        page.locator("#download-geojson").click()
    path = tmp_path / "export.geojson"
    dl.value.save_as(path)
    fc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(fc, SCHEMA)
    assert {f["id"] for f in fc["features"]} == shown
    assert all(f["properties"]["category"] == key for f in fc["features"])
    if shutil.which("ogrinfo"):
        out = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(path)], capture_output=True, text=True,
                             check=True, timeout=60).stdout
        assert f"Feature Count: {len(fc['features'])}" in out
        kinds = {f["geometry"]["type"] for f in fc["features"]}
        assert (f"Geometry: {next(iter(kinds))}" if len(kinds) == 1 else "Geometry: Unknown (any)") in out


def test_xss_payloads_do_nothing(page):
    page.goto(page.base + "/upload")
    page.fill('input[name="title"]', XSS_TITLE)
    page.fill('textarea[name="text"]', XSS_TEXT)
    page.locator("form.wm-form button[type=submit]").click()
    page.wait_for_url("**/articles/*")
    article_id = page.url.rsplit("/", 1)[-1].split("#")[0]
    assert "<script>" in page.locator("h1").inner_text()          # shown as text
    records = page.app.extensions["webmap"].store.query(parse_filters({"article": article_id}))
    assert records, "the pipeline found no incident in the XSS article"
    open_map(page, f"?article={article_id}")
    for rec in records:
        if rec.incident.lat is None:
            continue
        page.evaluate("id => webmapApp.open(id)", rec.incident.incident_id)
        page.locator(".leaflet-popup .wm-popup").last.wait_for(timeout=10000)
        quote = page.locator(".leaflet-popup .wm-popup-quote").last.inner_text()
        assert quote == rec.incident.source.sentence                # payloads shown as text
        page.evaluate("() => { webmapApp.map.closePopup(); }")
    for path in (f"/articles/{article_id}", f"/?article={article_id}", "/articles"):
        page.goto(page.base + path)
        page.wait_for_timeout(200)
        assert page.evaluate("window.__pwned === undefined")
        assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert page.dialogs == [] and page.errors == []
