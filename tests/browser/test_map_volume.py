"""The analyst's map at volume in a real browser (Playwright + Debian's Chromium): 2,000 incidents on
real towns of the front (many at the very same point), region-level incidents, undated ones.

Markers sit on their coordinates at every zoom and co-located ones spiderfy; one clustering with a
category-mix ring at >= 4.5:1 contrast; one area per region; heat from settlement-level incidents only;
labels as DOM text without overlaps; the table follows filters and layer toggles; the timeline writes
the URL, the count and the exports; the place search; the phone layout. Screenshots go to docs/img/.
"""
from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest

from liveweb import browser_page, foreign_requests, open_map, serving
from map_factory import volume
from paths import ROOT

pytestmark = pytest.mark.browser

IMG = ROOT / "docs" / "img"
N = 2000


@pytest.fixture(scope="module")
def volume_server(tmp_path_factory):
    from gazetteer import Gazetteer
    from webmap import create_app

    inst = tmp_path_factory.mktemp("volume")
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(inst), "SECRET_KEY": "t", "SEEDS_DIR": str(inst)})
    art, incs = volume(N, Gazetteer.default())
    app.extensions["webmap"].store.add(art, incs)
    with serving(app) as base:
        yield base, app, incs


@pytest.fixture
def vpage(chromium, volume_server):
    base, app, incs = volume_server
    with browser_page(chromium, base, app, bypass_csp=True, accept_downloads=True) as pg:
        pg.incs = incs
        yield pg


def _open(page, query: str = "", labels: bool = False) -> None:
    open_map(page, query, timeout=60000)
    if labels:
        page.wait_for_function("document.body.dataset.labelsReady === '1'", timeout=60000)


def _view(page, lat: float, lon: float, zoom: int) -> None:
    """Set the view, then wait for two animation frames: Leaflet redraws markers, clusters and labels on the
    synchronous moveend of an unanimated setView, so the next frames show them (no fixed sleep)."""
    page.evaluate("""a => new Promise(done => { webmapApp.map.setView([a[0], a[1]], a[2], {animate: false});
        requestAnimationFrame(() => requestAnimationFrame(() => done(1))); })""", [lat, lon, zoom])


def _frames(page) -> None:
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(1))))")


POSITIONS = """() => {
  const m = webmapApp.map, out = {checked: 0, worst: 0, off: []};
  m.eachLayer(l => {
    if (!(l instanceof L.Marker) || l instanceof L.MarkerCluster || !l._icon || !l.options.icon.options.iconAnchor) return;
    if (l._spiderLeg) return;                      /* spiderfied on purpose (markercluster's own) */
    const rec = webmapApp.records.find(r => r.marker === l);
    if (!rec) return;
    /* where the icon's anchor (its tip) is drawn on screen, against where its coordinates are */
    const a = L.point(l.options.icon.options.iconAnchor), box = l._icon.getBoundingClientRect();
    const c = m.getContainer().getBoundingClientRect(), want = m.latLngToContainerPoint([rec.lat, rec.lon]);
    const d = L.point(box.left - c.left + a.x, box.top - c.top + a.y).distanceTo(want);
    out.checked += 1; out.worst = Math.max(out.worst, d);
    if (d > 1) out.off.push([rec.id, d]);
    if (l.getLatLng().lat !== rec.lat || l.getLatLng().lng !== rec.lon) out.off.push([rec.id, 'latlng']);
  });
  return out;
}"""


def test_markers_sit_on_their_points_at_every_zoom_and_colocated_ones_spiderfy(vpage):
    page = vpage
    _open(page)
    assert page.evaluate("webmapApp.records.length") == sum(1 for i in page.incs if i.lat is not None)
    checked = 0
    for lat, lon, zoom in ((48.6, 37.8, 6), (48.6, 37.8, 9), (48.59, 37.83, 12), (51.41, 34.9, 15), (48.59, 37.83, 18)):
        _view(page, lat, lon, zoom)
        got = page.evaluate(POSITIONS)
        assert got["off"] == [], (zoom, got["off"][:5])
        checked += got["checked"]
    assert checked > 0
    # every icon uses the one standard anchor: no pixel offsets fanning markers out
    assert page.evaluate("""() => new Set(webmapApp.records.filter(r => r.marker)
        .map(r => String(r.marker.options.icon.options.iconAnchor))).size""") == 1
    # at the highest zoom, incidents at the very same point stay one cluster; a click spiderfies them
    chasiv = next(i for i in page.incs if i.location_name == "Chasov Yar" and i.lat is not None and i.geo_precision < 3)
    n_same = sum(1 for i in page.incs if (i.lat, i.lon) == (chasiv.lat, chasiv.lon) and i.geo_precision < 3)
    assert n_same > 5
    _view(page, chasiv.lat, chasiv.lon, 18)
    bubble = page.locator(".wm-cluster").first
    assert bubble.inner_text().strip() == str(n_same)
    bubble.click()
    page.wait_for_function("""n => { let k = 0; webmapApp.map.eachLayer(l => { if (l instanceof L.Marker && l._spiderLeg) k++; });
        return k === n; }""", arg=n_same, timeout=10000)
    legs = page.evaluate("""() => { let n = 0; webmapApp.map.eachLayer(l => { if (l instanceof L.Marker && l._spiderLeg) n++; });
        return n; }""")
    assert legs == n_same                         # spiderfied by markercluster: each marker on a leg from the point
    assert page.errors == [] and foreign_requests(page) == []


def _luminance(rgb):
    def ch(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def _rgb(css: str):
    return tuple(int(float(x)) for x in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def test_one_clustering_with_category_mix_readable_and_layer_toggles_filter_inside_it(vpage):
    page = vpage
    _open(page)
    assert page.evaluate("new Set(webmapApp.clusters).size") == 1          # one clustering for all categories
    bubbles = page.locator(".wm-cluster")
    assert bubbles.count() > 0
    for k in range(min(bubbles.count(), 6)):
        span = bubbles.nth(k).locator("span")
        fg = _rgb(span.evaluate("e => getComputedStyle(e).color"))
        bg = _rgb(span.evaluate("e => getComputedStyle(e).backgroundColor"))
        hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 4.5
        assert "conic-gradient" in bubbles.nth(k).locator(".wm-mix").evaluate("e => e.style.background")
        assert "incidents:" in bubbles.nth(k).locator(".wm-mix").get_attribute("title")
    counts = page.evaluate("Object.fromEntries(webmapApp.categories.map(c => [c.key, webmapApp.markersOnMap(c.key)]))")
    key = max(counts, key=counts.get)
    label = next(c for c in page.evaluate("webmapApp.categories") if c["key"] == key)["label"]
    rows_before = int(page.locator("#wm-panel").get_attribute("data-rows"))
    page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input").uncheck()
    after = page.evaluate("Object.fromEntries(webmapApp.categories.map(c => [c.key, webmapApp.markersOnMap(c.key)]))")
    assert after[key] == 0 and {k: v for k, v in after.items() if k != key} == {k: v for k, v in counts.items() if k != key}
    shown = page.evaluate("webmapApp.shownCount()")
    assert int(page.locator("#wm-panel").get_attribute("data-rows")) == shown < rows_before
    assert page.locator("#wm-table tbody td", has_text=label).count() == 0
    assert page.errors == []


def test_region_level_incidents_are_one_area_per_region_and_heat_uses_settlements_only(vpage):
    page = vpage
    _open(page)
    region_level = [i for i in page.incs if i.geo_precision == 3 and i.lat is not None]
    per_region = {}
    for i in region_level:
        per_region[i.place_id] = per_region.get(i.place_id, 0) + 1
    areas = page.evaluate("""() => { const out = []; webmapApp.map.eachLayer(l => {
        if (l.wmGeom !== undefined) out.push(l.wmCount); }); return out.sort((a, b) => a - b); }""")
    assert areas == sorted(per_region.values())                            # one shaded area per region
    # region-level incidents are not markers on the regional capital
    assert page.evaluate("webmapApp.records.filter(r => r.area && r.marker).length") == 0
    # no uncertainty circle is drawn at the opening zoom
    assert page.evaluate("""() => { let n = 0; webmapApp.map.eachLayer(l => { if (l instanceof L.Circle) n++; }); return n; }""") == 0
    page.locator(".leaflet-control-layers-overlays label", has_text="Heat map").locator("input").check()
    heat = page.evaluate("""() => { let pts = null; webmapApp.map.eachLayer(l => { if (l._latlngs && l._heat !== undefined) pts = l._latlngs.length; });
        return pts; }""")
    assert heat == sum(1 for i in page.incs if i.geo_precision == 1 and i.lat is not None)
    # clicking an area lists its incidents
    page.evaluate("""() => { webmapApp.map.eachLayer(l => { if (l.wmGeom !== undefined && !window.__a) { window.__a = l; } });
        window.__a.eachLayer(p => p.fire('click', {latlng: p.getBounds().getCenter()}, true)); return 1; }""")
    page.locator(".wm-area-popup li").first.wait_for(timeout=5000)
    assert page.locator(".wm-area-popup li").count() == min(100, page.evaluate("window.__a.wmCount"))
    assert page.errors == []


def test_labels_are_text_without_overlaps_and_denser_when_zoomed_in(vpage):
    page = vpage
    _open(page, labels=True)
    seen, pops, box10 = {}, {}, None
    for zoom in (6, 8, 10):
        _view(page, 48.6, 37.8, zoom)
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('.wm-label')).map(e => {
            const r = e.getBoundingClientRect(); return [e.textContent, r.left, r.top, r.right, r.bottom]; })""")
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                x, y = boxes[a], boxes[b]
                assert not (x[1] < y[3] and x[3] > y[1] and x[2] < y[4] and x[4] > y[2]), (zoom, x[0], y[0])
        seen[zoom] = {b[0] for b in boxes}
        pops[zoom] = page.evaluate("Math.min(...Array.from(document.querySelectorAll('.wm-label.place')).map(e => +e.dataset.pop))")
        if zoom == 10:
            box10 = page.evaluate("() => { const b = webmapApp.map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
    # denser as you zoom in: smaller places appear, and more of them in the same area
    assert pops[6] > pops[8] > pops[10]
    page.evaluate("z => { webmapApp.map.setView([48.6, 37.8], 8, {animate: false}); return 1; }", 8)
    in_box8 = page.evaluate("""b => Array.from(document.querySelectorAll('.wm-label.place')).filter(e => {
        const [lat, lon] = e.dataset.ll.split(',').map(Number); return lat >= b[0] && lat <= b[2] && lon >= b[1] && lon <= b[3]; }).length""", box10)
    assert in_box8 < len([n for n in seen[10]])
    assert {"Ukraine", "Russia"} <= seen[6]
    assert "Donetsk" in seen[8] and "Kramatorsk" in seen[8]
    assert "Chasiv Yar" in seen[10] and "Chasov Yar" not in seen[10]        # official English spelling
    assert page.errors == []


def test_table_follows_filters_sorts_and_opens_the_popup(vpage):
    page = vpage
    key = page.incs[0].category
    _open(page, f"?category={key}")
    expected = [i for i in page.incs if i.category == key and i.lat is not None]
    assert int(page.locator("#wm-panel").get_attribute("data-rows")) == len(expected)
    cells = page.locator("#wm-table tbody tr td:nth-child(2)").all_inner_texts()
    assert cells and len(set(c.strip() for c in cells)) == 1
    assert page.locator("#wm-table tbody tr").count() == min(200, len(expected))   # paged
    # per-category counts and fatalities above the table
    fat = sum(v for i in expected for k, v in i.counts if k == "killed")
    row = page.locator(".wm-sum").first.locator("tbody tr").first.locator("td")
    assert row.nth(0).inner_text() == str(len(expected)) and row.nth(1).inner_text() == str(fat)
    # sort by fatalities, descending
    page.locator('#wm-table th[data-sort="fat"] button').click()
    if page.locator('#wm-table th[data-sort="fat"]').get_attribute("aria-sort") == "ascending":
        page.locator('#wm-table th[data-sort="fat"] button').click()
    vals = [int(v) for v in page.locator("#wm-table tbody tr td:nth-child(4)").all_inner_texts()]
    assert vals == sorted(vals, reverse=True) and vals[0] == max(sum(v for k, v in i.counts if k == "killed") for i in expected)
    # the map extent restricts the table on request
    _view(page, 48.59, 37.83, 11)
    page.locator("#wm-extent").check()
    page.wait_for_function("n => +document.querySelector('#wm-panel').dataset.rows < n", arg=len(expected), timeout=10000)
    in_view = int(page.locator("#wm-panel").get_attribute("data-rows"))
    assert 0 < in_view < len(expected)
    # ... and writes bbox into the URL and the exports, which then hold what the table holds
    bbox = parse_qs(urlsplit(page.url).query)["bbox"][0]
    href = page.locator("#download-geojson").get_attribute("href")
    assert parse_qs(urlsplit(href).query)["bbox"] == [bbox]
    fc = page.request.get(page.base + href).json()
    table_ids = set(page.evaluate("""() => { const b = webmapApp.map.getBounds();
        return webmapApp.shown().filter(r => b.contains([r.lat, r.lon])).map(r => r.id); }"""))
    assert {f["id"] for f in fc["features"]} == table_ids
    page.locator("#wm-extent").uncheck()
    assert "bbox" not in parse_qs(urlsplit(page.url).query)
    # a row click zooms to the incident and opens its popup
    first = page.locator("#wm-table tbody tr").first
    iid = first.get_attribute("data-incident")
    first.click()
    page.locator(".leaflet-popup .wm-popup").last.wait_for(timeout=10000)
    rec = page.evaluate("id => [webmapApp.byId[id].lat, webmapApp.byId[id].lon]", iid)
    center = page.evaluate("() => { const c = webmapApp.map.getCenter(); return [c.lat, c.lng]; }")
    assert abs(center[0] - rec[0]) < 0.05 and abs(center[1] - rec[1]) < 0.05
    assert page.errors == []


def test_timeline_brush_writes_the_url_count_table_and_exports(vpage):
    page = vpage
    _open(page)
    svg = page.locator(".wm-tl-svg")
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.30, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    q = parse_qs(urlsplit(page.url).query)
    d0, d1 = q["date_from"][0], q["date_to"][0]
    expected = [i for i in page.incs if i.lat is not None and i.date and d0 <= i.date <= d1]
    assert page.evaluate("webmapApp.shownCount()") == len(expected)
    in_range = [i for i in page.incs if i.date and d0 <= i.date <= d1]         # the unlocated too
    assert page.locator("#wm-count").inner_text().startswith(f"{len(in_range)} of ")
    assert int(page.locator("#wm-panel").get_attribute("data-rows")) == len(expected)
    for link in ("#download-geojson", "#download-csv"):
        qs = parse_qs(urlsplit(page.locator(link).get_attribute("href")).query)
        assert qs["date_from"] == [d0] and qs["date_to"] == [d1]
    body = page.request.get(page.base + page.locator("#download-csv").get_attribute("href")).text()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == len(in_range)                  # the export follows the brushed dates exactly
    fc = page.request.get(page.base + page.locator("#download-geojson").get_attribute("href")).json()
    assert len(fc["features"]) == len(in_range)        # ... and holds what the count says
    # a step moves the window; the URL follows
    page.locator('.wm-tl-btn[title="step forward"]').click()
    q2 = parse_qs(urlsplit(page.url).query)
    assert q2["date_from"][0] > d0 and q2["date_to"][0] > d1
    # reloading the URL gives the same selection from the server
    page.reload()
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'", timeout=60000)
    n2 = [i for i in page.incs if i.lat is not None and i.date and q2["date_from"][0] <= i.date <= q2["date_to"][0]]
    assert page.evaluate("webmapApp.records.length") == len(n2)
    # undated incidents are counted apart and listed in the table on request
    _open(page)
    undated = sum(1 for i in page.incs if not i.date)
    btn = page.locator(".wm-tl-undated")
    assert btn.inner_text() == f"{undated} undated"
    btn.click()
    assert int(page.locator("#wm-panel").get_attribute("data-rows")) == sum(1 for i in page.incs if not i.date and i.lat is not None)
    assert set(page.locator("#wm-table tbody tr td:nth-child(1)").all_inner_texts()) == {"undated"}
    assert page.errors == []


def test_place_search_latin_and_cyrillic_zooms_there(vpage):
    page = vpage
    _open(page)
    for query, name in (("Часів Яр", "Chasiv Yar"), ("Sudzha", "Sudzha")):
        page.fill(".wm-search input", query)
        page.locator(".wm-search button[type=submit]").click()
        page.wait_for_function("n => document.body.dataset.searched === n", arg=name, timeout=15000)
        c = page.evaluate("() => { const c = webmapApp.map.getCenter(); return [c.lat, c.lng, webmapApp.map.getZoom()]; }")
        assert c[2] >= 11
        assert page.locator(".wm-search-msg").inner_text().startswith(name)
    assert page.request.get(page.base + "/geo/search?q=").status == 400
    # the region picker lists first-level regions, not free text
    opts = page.locator("#wm-region option").all_inner_texts()
    assert "Donetsk (UA)" in opts and "Kursk (RU)" in opts
    assert page.errors == [] and foreign_requests(page) == []


def test_full_view_screenshot_and_phone_width(vpage, chromium, volume_server):
    page = vpage
    _open(page, labels=True)
    page.wait_for_function("document.body.dataset.baseLayers === '3'", timeout=30000)   # outlines and water drawn
    _frames(page)
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / "map-volume.png"))
    _view(page, 48.75, 37.75, 9)                        # the Donbas front close up: towns, rivers, circles
    page.wait_for_load_state("networkidle")
    _frames(page)
    page.screenshot(path=str(IMG / "map-front.png"))
    base = volume_server[0]
    ctx = chromium.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    ph = ctx.new_page()
    try:
        ph.goto(base + "/")
        ph.wait_for_function("document.body && document.body.dataset.mapReady === '1'", timeout=60000)
        _frames(ph)
        cover = ph.evaluate("""() => {
            const map = document.querySelector('.wm-map').getBoundingClientRect();
            const step = 4; let covered = 0, total = 0;
            const rects = Array.from(document.querySelectorAll('.wm-map .leaflet-control')).map(e => e.getBoundingClientRect());
            for (let x = map.left; x < map.right; x += step) for (let y = map.top; y < map.bottom; y += step) {
              total++; if (rects.some(r => x >= r.left && x < r.right && y >= r.top && y < r.bottom)) covered++; }
            return covered / total; }""")
        assert cover <= 0.35, cover
        # the controls open behind buttons, the table and the timeline sit below the map
        assert ph.locator(".leaflet-control-layers-list").is_hidden()
        t = ph.locator(".leaflet-control-layers-toggle").bounding_box()
        ph.mouse.move(t["x"] + t["width"] / 2, t["y"] + t["height"] / 2)
        assert ph.locator(".leaflet-control-layers-list").is_visible()
        assert ph.locator('select[name="precision"]').is_hidden()
        assert ph.locator("#wm-unlocated").is_visible()              # the unlocated stay flagged on a phone
        ph.locator(".wm-filters-toggle").click()
        assert ph.locator('select[name="precision"]').is_visible()
        m = ph.locator(".wm-map").bounding_box()
        assert ph.locator("#wm-timeline").bounding_box()["y"] >= m["y"] + m["height"] - 1
        assert ph.locator("#wm-panel").bounding_box()["y"] >= m["y"] + m["height"] - 1
        ph.locator(".wm-filters-toggle").click()
        ph.screenshot(path=str(IMG / "map-phone.png"))
    finally:
        ctx.close()


def test_a_users_geojson_overlay_is_its_own_layer_and_never_uploaded(vpage, tmp_path):
    page = vpage
    _open(page)
    line = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "<b>front</b> line"},
            "geometry": {"type": "LineString", "coordinates": [[37.5, 48.9], [37.8, 48.6], [37.7, 48.2]]}}]}
    path = tmp_path / "front <line>.geojson"
    path.write_text(__import__("json").dumps(line), encoding="utf-8")
    posts_before = [u for u in page.requests]
    page.locator(".wm-overlay-input").set_input_files(str(path))
    page.wait_for_function("document.body.dataset.overlays === '1'", timeout=10000)
    assert "1 features" in page.locator(".wm-overlay-msg").inner_text()
    label = page.locator(".leaflet-control-layers-overlays label", has_text="front <line>.geojson")
    assert label.count() == 1                                          # its own layer, name shown as text
    assert page.evaluate("() => { let n = 0; webmapApp.map.eachLayer(l => { if (l.wmUserOverlay) n++; }); return n; }") == 1
    label.locator("input").uncheck()
    assert page.evaluate("() => { let n = 0; webmapApp.map.eachLayer(l => { if (l.wmUserOverlay) n++; }); return n; }") == 0
    new = [u for u in page.requests[len(posts_before):] if not u.startswith(("data:", "blob:"))]
    assert all("/static/" in u or "/geo/" in u for u in new), new        # nothing sent with the file
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    page.locator(".wm-overlay-input").set_input_files(str(bad))
    page.wait_for_function("document.querySelector('.wm-overlay-msg').textContent.startsWith('Not JSON')", timeout=5000)
    assert page.errors == []


def test_rivers_and_lakes_are_drawn_under_the_labels(vpage):
    page = vpage
    _open(page, labels=True)
    page.wait_for_function("""() => { let ok = false; webmapApp.map.eachLayer(l => { if (l.wmBase === 'Rivers and lakes') ok = true; });
        return ok; }""", timeout=30000)
    got = page.evaluate("""() => {
        let names = [], kinds = {};
        webmapApp.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.kind) {
            names.push(l.feature.properties.name); kinds[l.feature.properties.kind] = (kinds[l.feature.properties.kind] || 0) + 1; } });
        const water = webmapApp.map.getPane('water'), labels = webmapApp.map.getPane('labels');
        const canvas = water.querySelector('canvas');
        const ctx = canvas.getContext('2d'), img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let blue = 0;
        for (let i = 0; i < img.length; i += 4) { if (img[i + 3] > 0 && img[i + 2] > img[i] + 40) blue++; }
        return {names: names, kinds: kinds, blue: blue, waterZ: +getComputedStyle(water).zIndex,
                labelsZ: +getComputedStyle(labels).zIndex, markersZ: +getComputedStyle(webmapApp.map.getPane('markerPane')).zIndex}; }""")
    assert {"Dnieper", "Dniester", "Don", "Seversky Donets", "Oskol", "Desna"} <= set(got["names"])
    assert got["kinds"].get("lake", 0) >= 1
    assert got["blue"] > 500                                             # drawn on the map's canvas
    assert got["waterZ"] < got["labelsZ"] and got["waterZ"] < got["markersZ"]
    label = page.locator(".leaflet-control-layers-overlays label", has_text="Rivers and lakes")
    assert label.count() == 1
    credit = page.locator(".leaflet-control-attribution").inner_text()
    assert "Natural Earth" in credit and "rivers" in credit
    assert page.errors == [] and foreign_requests(page) == []


def test_layer_control_and_legend_give_the_same_counts(vpage):
    page = vpage
    _open(page)
    control = page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll(
        '.leaflet-control-layers-overlays label')).filter(l => l.querySelector('.layer-label')).map(l =>
        [l.querySelector('.layer-label').textContent.trim(), +l.querySelector('.layer-count').textContent.replace(/[()]/g, '')]))""")
    legend = page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('.wm-legend-row span')).map(s => {
        const m = s.textContent.trim().match(/^(.*) \\((\\d+)\\)$/); return [m[1], +m[2]]; }))""")
    from webmap.incidents.categories import CATEGORIES
    expected = {}
    for i in page.incs:
        if i.lat is not None:
            label = next(c.label for c in CATEGORIES if c.key == i.category)
            expected[label] = expected.get(label, 0) + 1
    assert control == legend == expected
    assert page.errors == []


def test_uncertainty_circles_only_for_the_hovered_incident_or_at_close_zoom(vpage):
    page = vpage
    _open(page)
    circles = "() => { let n = 0; webmapApp.map.eachLayer(l => { if (l instanceof L.Circle) n++; }); return n; }"
    assert page.evaluate(circles) == 0
    near = next(i for i in page.incs if i.geo_precision == 2 and i.lat is not None)
    page.evaluate("id => { webmapApp.byId[id].marker.fire('mouseover'); return 1; }", near.incident_id)
    assert page.evaluate(circles) == 1                                   # the hovered one only
    page.evaluate("id => { webmapApp.byId[id].marker.fire('mouseout'); return 1; }", near.incident_id)
    assert page.evaluate(circles) == 0
    _view(page, near.lat, near.lon, 11)                                  # close zoom: the approximate ones in view
    got = page.evaluate("""() => { const b = webmapApp.map.getBounds().pad(0.2); let n = 0, bad = 0;
        webmapApp.map.eachLayer(l => { if (l instanceof L.Circle) { n++;
          const ok = webmapApp.records.some(x => x.lat === l.getLatLng().lat && x.lon === l.getLatLng().lng && x.prec === 2);
          if (!ok || !b.contains(l.getLatLng())) bad++; } });
        const want = webmapApp.shown().filter(r => r.prec === 2 && !r.area && b.contains([r.lat, r.lon])).length;
        return [n, bad, want]; }""")
    assert got[0] > 0 and got[1] == 0 and got[0] == min(500, got[2])
    assert page.errors == []


def test_ukrainian_places_show_their_official_english_spelling_in_popups_and_table(vpage):
    page = vpage
    chasiv = next(i for i in page.incs if i.location_name == "Chasov Yar" and i.lat is not None and i.geo_precision == 1)
    _open(page, f"?focus={chasiv.incident_id}")
    popup = page.locator(".leaflet-popup .wm-popup").last
    popup.wait_for(timeout=10000)
    assert "Chasiv Yar" in popup.inner_text() and "Chasov Yar" not in popup.inner_text()
    assert page.evaluate("id => webmapApp.byId[id].place", chasiv.incident_id) == "Chasiv Yar"
    places = page.evaluate("() => webmapApp.records.map(r => r.place)")
    assert "Chasiv Yar" in places and "Chasov Yar" not in places
    assert page.errors == []


def test_incidents_without_coordinates_are_flagged_listed_apart_and_exported(vpage):
    page = vpage
    _open(page)
    lost = [i for i in page.incs if i.lat is None]
    assert lost
    n = len(page.incs)
    assert page.locator("#wm-count").inner_text().startswith(f"{n} of {n} ")    # counted with the rest
    page.locator('.wm-tl-btn[title="all dates"]').click()
    assert page.locator("#wm-count").inner_text().startswith(f"{n} of {n} ")    # the page's count agrees
    flag = page.locator("#wm-unlocated")
    assert flag.get_attribute("data-count") == str(len(lost)) and f"{len(lost)} without coordinates" in flag.inner_text()
    flag.click()
    page.wait_for_function("document.querySelector('#wm-apart').open === true", timeout=5000)
    items = page.locator("#wm-apart li")
    assert items.count() == len(lost)
    assert {items.nth(k).get_attribute("data-incident") for k in range(items.count())} == {i.incident_id for i in lost}
    assert "(place not found in the gazetteer: " in items.first.inner_text()          # why, beside each
    assert f"{len(lost)} incidents without coordinates" in page.locator("#wm-apart summary").inner_text()
    fc = page.request.get(page.base + page.locator("#download-geojson").get_attribute("href")).json()
    nulls = {f["id"] for f in fc["features"] if f["geometry"] is None}
    assert nulls == {i.incident_id for i in lost if not i.geometry}      # one known by its area keeps the area
    assert {i.incident_id for i in lost} <= {f["id"] for f in fc["features"]}
    assert all(f["properties"]["unlocated"] and f["properties"]["unlocated_reason"] for f in fc["features"]
               if f["geometry"] is None)
    assert page.errors == []


def test_base_layers_are_drawn_and_listed_in_their_order(vpage):
    page = vpage
    _open(page)
    page.wait_for_function("document.body.dataset.baseLayers === '3'", timeout=30000)
    names = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    base = [n.strip() for n in names if n.strip() in ("Country outlines", "Regions (UA, RU, BY)", "Rivers and lakes")]
    assert base == ["Country outlines", "Regions (UA, RU, BY)", "Rivers and lakes"]
    # on the shared canvas the opaque country fill is drawn first, the region lines over it
    order = page.evaluate("""() => { const out = []; webmapApp.map.eachLayer(l => { if (l.wmBase) out.push([l.wmBase, L.stamp(l)]); });
        return out.sort((a, b) => a[1] - b[1]).map(x => x[0]); }""")
    assert order == ["Country outlines", "Regions (UA, RU, BY)", "Rivers and lakes"]
    assert page.errors == []
