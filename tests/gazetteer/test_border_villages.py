"""A village named with a neighbouring region it lies just outside ("X, Luhansk" for a Donetsk village by the
border) is placed at the village; one far from the named region still gives the region. Real gazetteer, sentences
and strings written for these tests."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.border import km_outside
from tests.geo import km

CASES = [  # (village, the oblast it is in, the neighbouring oblast it is named with)
    ("Dronivka", "Donetsk", "Luhansk"),
    ("Chornukhyne", "Luhansk", "Donetsk"),
    ("Temyrivka", "Zaporizhzhia", "Dnipropetrovsk"),
]


def _village(gz: Gazetteer, name: str, oblast: str):  # noqa: ANN202
    found = [p for p in gz.search(name, country="UA") if p.admin1 == oblast and p.kind in ("village", "town")]
    assert len(found) == 1, found
    return found[0]


def _entry(gz: Gazetteer, place):  # noqa: ANN001, ANN202
    return next(e for e, _ in gz.index.candidates(place.name) if e.place.place_id == place.place_id)


def _region(gz: Gazetteer, name: str):  # noqa: ANN202
    return next(e for e, _ in gz.index.candidates(name) if e.place.kind == "admin1" and e.place.country_code == "UA")


@pytest.mark.parametrize("name, oblast, named_with", CASES)
def test_village_just_across_the_border_of_the_named_region(gz: Gazetteer, name: str, oblast: str,
                                                           named_with: str) -> None:
    village = _village(gz, name, oblast)
    assert 0 < km_outside(gz.index, _region(gz, named_with), _entry(gz, village)) < 10
    r = gz.geocode_resolution(f"{name}, {named_with} oblast")
    assert r is not None and km(r.lat, r.lon, village.lat, village.lon) < 1, r
    assert r.reason == f"just outside {named_with}"
    text = f"Ukrainian artillery hit enemy positions near {name}, {named_with} region, on Sunday."
    got = [m.resolution for m in gz.geoparse(text) if m.text == name and m.resolution]
    assert got and km(got[0].lat, got[0].lon, village.lat, village.lon) < 1, got


def test_a_namesake_far_from_the_named_region_still_gives_the_region(gz: Gazetteer) -> None:
    village = _village(gz, "Dronivka", "Donetsk")
    kherson = _region(gz, "Kherson")
    assert km_outside(gz.index, kherson, _entry(gz, village)) > 100
    r = gz.geocode_resolution("Dronivka, Kherson oblast")
    assert r is not None and r.place.kind == "admin1" and r.place.name == "Kherson", r


def test_inside_the_region_is_zero(gz: Gazetteer) -> None:
    village = _village(gz, "Dronivka", "Donetsk")
    assert km_outside(gz.index, _region(gz, "Donetsk"), _entry(gz, village)) == 0.0


def test_distance_agrees_with_shapely(gz: Gazetteer) -> None:
    """Near the border (where it decides) the pure-Python distance is shapely's to within a few hundred metres;
    far away it is only roughly so (a local projection), which is all the rule needs."""
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    for name, oblast, region in (("Dronivka", "Donetsk", "Luhansk"), ("Chornukhyne", "Luhansk", "Donetsk"),
                                 ("Temyrivka", "Zaporizhzhia", "Luhansk")):
        village, reg = _village(gz, name, oblast), _region(gz, region)
        edge = nearest_points(shape(gz.geometry(reg.place.place_id)), Point(village.lon, village.lat))[0]
        expected = km(village.lat, village.lon, edge.y, edge.x)
        got = km_outside(gz.index, reg, _entry(gz, village))
        if expected < 30:
            assert abs(got - expected) <= 0.3, (name, got, expected)
        else:
            assert got > 100 and abs(got - expected) <= 0.15 * expected, (name, got, expected)
