"""The folium map builder: offline assets, layers per category, JS-built markers, safe payload, scale."""
from __future__ import annotations

import json
import re
from dataclasses import replace

from paths import ROOT
from web_factory import sample, synthetic

from webmap.assets import unmapped_urls
from webmap.incidents.categories import CATEGORIES
from webmap.maps import MapOptions, build_map, payload, render_parts

PAYLOAD = re.compile(r"WebMap\.init\(\{.*?\},\s*(\{.*\})\);", re.S)


def _html(incidents, **kw) -> str:
    return build_map(incidents, **kw).get_root().render()


def _payload(html: str) -> dict:
    return json.loads(PAYLOAD.search(html).group(1))


def test_map_is_offline_without_tiles():
    _, incs = sample()
    html = _html(incs)
    assert unmapped_urls(html) == []
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
    assert "tile.openstreetmap" not in html and "L.tileLayer" not in html
    assert '"maxZoom": 18' in html
    assert "/static/vendor/leaflet.markercluster/" in html and "/static/js/app.js" in html


JQUERY_CALL = re.compile(r"(?<![\w$.])\$\(|\bjQuery\b")


def test_map_page_loads_no_jquery_and_nothing_on_it_calls_jquery():
    """folium's Map lists jQuery for its Popup and keep_in_front templates; this map uses neither (popups, the
    timeline and the filters are app.js's), so it is left out. A folium element that calls "$" must bring it back."""
    _, incs = sample()
    routed = replace(incs[0], incident_id="routed", route=(("origin", "Sumy", 50.91, 34.80),
                                                           ("destination", "Poltava", 49.59, 34.55)))
    options = MapOptions(tiles_url="/tiles/{z}/{x}/{y}.png", focus=incs[0].incident_id)
    parts = render_parts(build_map([*incs, routed], options=options))
    assert "/static/vendor/leaflet/" in parts["header"] and "jquery" not in parts["header"].lower()
    assert "L.polyline" in parts["script"] and "L.tileLayer" in parts["script"]      # routes, tooltips, tiles drawn
    assert not JQUERY_CALL.search(parts["script"]) and not JQUERY_CALL.search(parts["html"])
    scripts = sorted((ROOT / "static" / "js").glob("*.js"))
    assert scripts and [p.name for p in scripts if JQUERY_CALL.search(p.read_text(encoding="utf-8"))] == []
    assert JQUERY_CALL.search("var x = $(`<div>`)[0];") and not JQUERY_CALL.search("`${a}` + $el.x")


def test_map_adds_configured_tiles():
    _, incs = sample()
    html = _html(incs, options=MapOptions(tiles_url="/tiles/{z}/{x}/{y}.png", tiles_attr="local tiles"))
    assert "L.tileLayer" in html and "/tiles/{z}/{x}/{y}.png" in html


def test_map_has_a_layer_per_present_category_heat_and_control():
    _, incs = sample()
    m = build_map(incs)
    html = m.get_root().render()
    assert html.count("L.featureGroup(") == len(CATEGORIES)
    assert "L.control.layers(" in html and "L.heatLayer(" in html
    control = re.search(r"overlays\s*:\s*\{(.*?)\}", html, re.S).group(1)
    for label in ("Missile strike", "Drone strike", "Ground assault / incursion", "Heat map"):
        assert label in control
    assert "Civilian casualties" not in control          # absent categories stay out of the control


def test_map_payload_rows_geometries_and_options():
    _, incs = sample()
    data = _payload(_html(incs, options=MapOptions(focus=incs[1].incident_id)))
    rows = {r[0]: r for r in data["incidents"]}
    assert set(rows) == {i.incident_id for i in incs}
    keys = [c["key"] for c in data["categories"]]
    kharkiv = rows[incs[0].incident_id]
    assert keys[kharkiv[1]] == "missile_strike" and kharkiv[2:4] == [49.98, 36.25] and kharkiv[4] == 1
    assert rows[incs[1].incident_id][4] == 2 and rows[incs[1].incident_id][6] == -1   # circle, no polygon
    kursk = rows[incs[2].incident_id]
    assert kursk[6] == 0 and data["geometries"][0]["type"] == "Polygon"
    assert data["options"]["focus"] == incs[1].incident_id and data["popups"] is None
    assert data["categories"][0]["icon"] == CATEGORIES[0].icon and data["categories"][0]["css"].startswith("#")


def test_map_geometry_lookup_and_dedup():
    art, incs = sample()
    from dataclasses import replace
    region = [replace(incs[2], incident_id=f"r{n}", geometry=None) for n in range(3)]
    seen = []
    data = payload(region, geometry_for=lambda pid: seen.append(pid) or {"type": "Polygon", "coordinates": []})
    assert len(data["geometries"]) == 1 and {r[6] for r in data["incidents"]} == {0}
    assert seen and set(seen) == {incs[2].place_id}


def test_map_payload_is_html_safe():
    _, incs = sample()
    evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    from dataclasses import replace
    incs = [replace(incs[0], location_name=evil)]
    html = _html(incs, popup_html=lambda inc: "<b>escaped by the caller</b>")
    assert "</script><script>alert(1)" not in html and "<img src=x" not in html
    data = _payload(html)
    assert data["incidents"][0][7] == evil                   # the data survives, as data
    assert data["popups"] == ["<b>escaped by the caller</b>"]


def test_map_render_parts_for_templates():
    _, incs = sample()
    parts = render_parts(build_map(incs))
    assert "<link" in parts["header"] and "folium-map" in parts["html"] and "WebMap.init(" in parts["script"]


def test_map_scales_without_a_python_object_per_marker():
    _, incs = synthetic(10_000)
    html = _html(incs)                   # its speed is measured in benchmarks/bench_web.py, not asserted here
    assert html.count("L.marker(") == 0
    assert len(_payload(html)["incidents"]) == 10_000
    assert len(html) < 1_500_000, len(html)


def test_article_text_is_never_evaluated_as_a_template():
    # folium compiles what each element renders as a Jinja template: article text must never reach that step
    _, incs = sample()
    from dataclasses import replace
    tricks = ["{{ 7*7 }}", "{% for x in range(3) %}loop{% endfor %}", "{# hidden #}", "{{ ''.__class__ }}"]
    incs = [replace(incs[0], incident_id=f"t{n}", location_name=t) for n, t in enumerate(tricks)]
    html = _html(incs, popup_html=lambda inc: f"<p>{inc.location_name}</p>")
    data = _payload(html)
    assert [r[7] for r in data["incidents"]] == tricks          # the text arrives as written
    assert "loop" not in html.replace("{% for x in range(3) %}loop{% endfor %}", "")


def test_map_page_keeps_template_syntax_in_an_article_as_text(app):
    client = app.test_client()
    text = "Russian missiles struck Kharkiv on Monday, killing {{ 7*7 }} people {% if true %}yes{% endif %}, officials said."
    assert client.post("/api/articles", json={"text": text, "title": "t", "date": "2024-08-10"}).status_code == 201
    r = client.get("/")
    assert r.status_code == 200
    data = _payload(r.data.decode())
    assert any("{{ 7*7 }} people {% if true %}yes{% endif %}" in p for p in data["popups"])
    assert not any("49 people" in p for p in data["popups"])
