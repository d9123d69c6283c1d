"""Evacuations and corridors as routes: wording, status, endpoints with roles, hyphen chains, one LineString
incident per route in the GeoJSON, and a directed line on the map. Sentences written for these tests."""
from __future__ import annotations

import pytest

from webmap.incidents.geojson import to_feature, to_feature_collection
from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract
from webmap.incidents.routes import status

VOVCHANSK, STARYI_SALTIV, KHARKIV = (50.29, 36.94), (50.07, 36.79), (49.99, 36.23)


def _evac(gz, text: str):  # noqa: ANN001, ANN202
    incs = [i for i in extract(Article("c", text, date="2024-05-12"), gz) if i.category == "evacuation"]
    assert incs, text
    return incs


def _route(incs):  # noqa: ANN001, ANN202
    routes = [i for i in incs if i.route]
    assert len(routes) == 1, [(i.location_name, i.route) for i in incs]
    return routes[0]


def _near(a: tuple[float, float], b: tuple[float, float], deg: float = 0.1) -> bool:
    return abs(a[0] - b[0]) < deg and abs(a[1] - b[1]) < deg


@pytest.mark.parametrize("text", [
    "Civilians were evacuated from Vovchansk via Staryi Saltiv to Kharkiv on Sunday.",
    "Police evacuated 40 people along the Vovchansk-Staryi Saltiv-Kharkiv route.",
    "Volunteers took residents out along the Vovchansk – Staryi Saltiv – Kharkiv road on Sunday.",
])
def test_route_lists_and_hyphen_chains_give_origin_via_destination(gz, text: str) -> None:  # noqa: ANN001
    incs = _evac(gz, text)
    r = _route(incs)
    assert [role for role, *_ in r.route] == ["origin", "via", "destination"]
    pts = [(la, lo) for *_, la, lo in r.route]
    assert _near(pts[0], VOVCHANSK) and _near(pts[1], STARYI_SALTIV) and _near(pts[2], KHARKIV)
    roles = {i.role for i in incs}               # every settlement is an endpoint, the origin the route's own
    assert sorted(i.role for i in incs) == ["destination", "origin", "via"]    # one incident a place
    assert roles == {"origin", "via", "destination"}
    f = to_feature(r)
    assert f["geometry"]["type"] == "LineString"
    assert f["geometry"]["coordinates"][0] == [round(pts[0][1], 6), round(pts[0][0], 6)]   # lon, lat; origin first
    assert f["properties"]["route"][-1]["role"] == "destination"


def test_hyphenated_town_name_is_not_split(gz) -> None:  # noqa: ANN001
    incs = _evac(gz, "Families were evacuated to Ivano-Frankivsk on Monday.")
    assert not any(i.route for i in incs)
    assert any("Ivano" in i.location_name for i in incs)


@pytest.mark.parametrize("text,expected", [
    ("A green corridor from Mariupol to Zaporizhzhia will open on Friday, officials said.", "announced"),
    ("Ukraine and Russia agreed on a corridor to evacuate civilians from Sumy to Poltava.", "announced"),
    ("The humanitarian corridor from Mariupol to Berdiansk failed after Russian forces shelled the road.", "failed"),
    ("Buses left Mariupol for Zaporizhzhia on Saturday morning.", "operating"),
    ("About 200 evacuees arrived in Zaporizhzhia from Mariupol.", "completed"),
])
def test_corridor_wording_and_status(gz, text: str, expected: str) -> None:  # noqa: ANN001
    incs = _evac(gz, text)
    r = _route(incs)
    assert r.status == expected and all(i.status == expected for i in incs)
    assert len(r.route) == 2 and r.route[0][0] == "origin" and r.route[-1][0] == "destination"
    assert to_feature(r)["properties"]["status"] == expected


def test_planned_corridor_is_kept_not_thrown_away(gz) -> None:  # noqa: ANN001
    incs = _evac(gz, "Officials plan to open a humanitarian corridor from Enerhodar to Zaporizhzhia.")
    assert {i.status for i in incs} == {"announced"}


def test_bare_corridor_and_rescue_wording(gz) -> None:  # noqa: ANN001
    assert _evac(gz, "The corridor out of Mariupol to Zaporizhzhia worked for a second day.")
    r = _route(_evac(gz, "Rescuers brought 12 residents out of Vovchansk to Kharkiv."))
    assert [x[1] for x in r.route] == ["Vovchansk", "Kharkiv"]


def test_rescue_from_rubble_is_no_evacuation(gz) -> None:  # noqa: ANN001
    incs = extract(Article("c", "Russian shelling hit Kharkiv; rescuers pulled a woman from the rubble."), gz)
    assert not any(i.category == "evacuation" for i in incs)


def test_status_words() -> None:
    assert status("The corridor was blocked by shelling.") == "failed"
    assert status("A corridor is expected to open tomorrow.") == "announced"
    assert status("The last bus reached Zaporizhzhia safely.") == "completed"
    assert status("Evacuation continues.") == "operating"


def test_route_is_one_feature_in_the_collection(gz) -> None:  # noqa: ANN001
    incs = extract(Article("c", "Buses left Mariupol for Zaporizhzhia on Saturday morning."), gz)
    fc = to_feature_collection(incs)
    lines = [f for f in fc["features"] if f["geometry"] and f["geometry"]["type"] == "LineString"]
    assert len(lines) == 1 and lines[0]["properties"]["category"] == "evacuation"


def test_map_draws_the_route_as_a_directed_line(gz) -> None:  # noqa: ANN001
    from webmap.maps import build_map, render_parts
    from webmap.route_layer import LAYER_NAME, bearing

    incs = extract(Article("c", "Civilians were evacuated from Vovchansk via Staryi Saltiv to Kharkiv <b>x</b>."), gz)
    parts = render_parts(build_map(incs))
    script = parts["script"]
    assert "L.polyline" in script and LAYER_NAME in script and "route-arrow" in script
    assert "<b>x</b>" not in script
    assert 180 < bearing(*VOVCHANSK, *STARYI_SALTIV) < 270          # south-west, the way the line points


def test_a_route_read_back_without_its_roles_is_still_drawn(gz) -> None:  # noqa: ANN001
    from dataclasses import replace

    from webmap.maps import build_map, render_parts

    r = _route(_evac(gz, "Buses left Mariupol for Zaporizhzhia on Saturday morning."))
    stored = replace(r, route=(), status="", role="")           # what a store that keeps the geometry gives back
    assert "L.polyline" in render_parts(build_map([stored]))["script"]


def test_route_survives_a_real_store(gz, tmp_path) -> None:  # noqa: ANN001
    import json

    from webmap.maps import build_map, render_parts
    from webmap.store import IncidentStore

    a = Article("corr", "Civilians were evacuated from Vovchansk via Staryi Saltiv to Kharkiv on Sunday.",
                date="2024-05-12")
    store = IncidentStore(tmp_path / "incidents.db")
    store.add(a, extract(a, gz))
    incs = [r.incident for r in store.query()]
    assert any(i.geometry and i.geometry["type"] == "LineString" for i in incs)
    assert "L.polyline" in render_parts(build_map(incs))["script"]
    feats = [json.loads(f) for _, f, _ in store.feature_rows() if f]
    [line] = [f for f in feats if f["geometry"]["type"] == "LineString"]
    assert [p["role"] for p in line["properties"]["route"]] == ["origin", "via", "destination"]


def test_a_route_name_with_template_syntax_stays_text(gz) -> None:  # noqa: ANN001
    from dataclasses import replace

    from webmap.maps import build_map, render_parts

    r = _route(_evac(gz, "Buses left Mariupol for Zaporizhzhia on Saturday morning."))
    stored = replace(r, route=(), status="", role="", location_name="{{ 7*7 }} {% if 1 %}x{% endif %}")
    script = render_parts(build_map([stored]))["script"]
    assert "&#123;&#123; 7*7 &#125;&#125;" in script and "49" not in script.split("&#123;&#123; 7*7")[0][-20:]


@pytest.mark.parametrize("text", [
    "Civilians were evacuated from Azovstal to Zaporizhzhia.",
    "Buses with 30 residents left Kupiansk for Kharkiv on Friday.",
    "Evacuees left Sumy for Poltava by train.",
])
def test_a_route_and_its_origin_are_one_incident(gz, text: str) -> None:  # noqa: ANN001
    incs = _evac(gz, text)
    places = [i.place_id for i in incs]
    assert len(places) == len(set(places)) == 2, [(i.location_name, i.role, bool(i.route)) for i in incs]
    r = _route(incs)
    assert r.role == "origin" and r.route[0][0] == "origin"
    assert [i.role for i in incs if not i.route] == ["destination"]
