"""War reporting says where a village is by naming its region: "X in Y oblast", "X, Y region",
"X (Y raion, Z oblast)", "X in occupied Y". The village is placed inside Y (the namesake there), the
incident at the village, and the region only when no place of that name lies in it.

Sentences written for these tests; the villages chosen have namesakes in several oblasts, so the
region named is what decides.
"""
from __future__ import annotations

import pytest

from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract



def _mention(gz, text: str, name: str):  # noqa: ANN001, ANN202
    ms = [m for m in gz.geoparse(text) if m.text.startswith(name)]
    assert ms, [m.text for m in gz.geoparse(text)]
    assert ms[0].resolution is not None, name
    return ms[0].resolution


# (sentence, village, the admin1 it must be placed in)
PHRASINGS = [
    ("Russian forces shelled Ivanivka in Kherson oblast on Tuesday.", "Ivanivka", "Kherson"),
    ("Russian forces shelled Ivanivka in Donetsk oblast on Tuesday.", "Ivanivka", "Donetsk"),
    ("Artillery hit Pavlivka in the Zaporizhzhia region overnight.", "Pavlivka", "Zaporizhzhia"),
    ("Artillery hit Pavlivka in the Donetsk region overnight.", "Pavlivka", "Donetsk"),
    ("A drone struck Vesele, Kherson oblast, at dawn.", "Vesele", "Kherson"),
    ("A drone struck Vesele, Donetsk region, at dawn.", "Vesele", "Donetsk"),
    ("Shelling was reported in Oleksandrivka of the Kherson region.", "Oleksandrivka", "Kherson"),
    ("Shelling hit Vesele (Bakhmut raion, Donetsk oblast) on Monday.", "Vesele", "Donetsk"),
    ("A missile hit Ivanivka in occupied Kherson oblast.", "Ivanivka", "Kherson"),
    ("Troops advanced near Pavlivka, in the Zaporizhzhia region.", "Pavlivka", "Zaporizhzhia"),
    # a list of villages, each with its own region
    ("Shelling hit Vesele, Donetsk region, and Ivanivka in Kherson oblast.", "Vesele", "Donetsk"),
    ("Shelling hit Vesele, Donetsk region, and Ivanivka in Kherson oblast.", "Ivanivka", "Kherson"),
]


@pytest.mark.parametrize("text,village,admin1", PHRASINGS)
def test_village_is_placed_inside_the_region_named(gz, text: str, village: str, admin1: str) -> None:  # noqa: ANN001
    r = _mention(gz, text, village)
    assert r.place.kind in ("village", "town"), (r.place.name, r.place.kind)
    assert r.place.admin1 == admin1, (text, r.place.name, r.place.admin1)


def test_unknown_village_falls_back_to_the_region(gz) -> None:  # noqa: ANN001
    r = gz.geocode_resolution("Zzyxivka, Donetsk oblast")
    assert r is not None and r.place.kind == "admin1" and r.place.admin1 == "Donetsk"
    assert r.score < 0.5 and r.qualifier == "within"


SCENES = [
    ("Russian forces shelled Chasiv Yar in Donetsk oblast on Tuesday.", (48.59, 37.84)),
    ("Russian troops attacked Toretsk in the Donetsk region.", (48.40, 37.85)),
    ("A drone struck Kupiansk, Kharkiv oblast, overnight.", (49.71, 37.62)),
    ("A missile hit Nova Kakhovka in occupied Kherson region.", (46.76, 33.37)),
    ("Shelling hit Orikhiv of the Zaporizhzhia region.", (47.57, 35.78)),
]


@pytest.mark.parametrize("text,point", SCENES)
def test_incident_is_at_the_village_not_its_region(gz, text: str, point: tuple[float, float]) -> None:  # noqa: ANN001
    incs = extract(Article(article_id="t", text=text), gz)
    assert incs, text
    i = incs[0]
    assert abs(i.lat - point[0]) < 0.1 and abs(i.lon - point[1]) < 0.1, (text, i.location_name, i.lat, i.lon)


def test_a_region_alone_is_still_the_region(gz) -> None:  # noqa: ANN001
    incs = extract(Article(article_id="t", text="Russian forces shelled the Donetsk oblast on Tuesday."), gz)
    assert incs and incs[0].location_name.startswith("Donetsk")
    assert incs[0].geo_precision == 3


# "Vesele, north-west of Bakhmut": among the namesakes, the one that lies in that direction of the town
DIRECTIONS = [
    ("Vesele, north-west of Bakhmut", "Bakhmut", "northwest"),
    ("Vesele, south-west of Bakhmut", "Bakhmut", "southwest"),
    ("Ivanivka, east of Kherson", "Kherson", "east"),
]


def _bearing_ok(gz, r, town: str, direction: str) -> None:  # noqa: ANN001
    from gazetteer.geometry import haversine_km
    from gazetteer.resolve import _BEARINGS, _bearing

    anchor = max((p for p in gz.search(town, country="UA") if p.kind in ("city", "town")), key=lambda p: p.population)
    assert haversine_km(anchor.lat, anchor.lon, r.lat, r.lon) <= 60
    b = _bearing(anchor.lat, anchor.lon, r.lat, r.lon)
    assert abs((b - _BEARINGS[direction] + 180) % 360 - 180) <= 50, (r.place.name, r.lat, r.lon, b)


@pytest.mark.parametrize("query,town,direction", DIRECTIONS)
def test_direction_words_choose_the_namesake(gz, query: str, town: str, direction: str) -> None:  # noqa: ANN001
    r = gz.geocode_resolution(query)
    assert r is not None and r.place.kind in ("village", "town")
    _bearing_ok(gz, r, town, direction)


@pytest.mark.parametrize("query,town,direction", DIRECTIONS)
def test_direction_words_in_running_text(gz, query: str, town: str, direction: str) -> None:  # noqa: ANN001
    name = query.split(",")[0]
    r = _mention(gz, f"Russian troops attacked {query} on Sunday.", name)
    _bearing_ok(gz, r, town, direction)
