"""Shown place names and reverse naming of a point, on the real bundled gazetteer."""
from __future__ import annotations

from webmap.corrections import name_point
from webmap.placenames import display_name, display_name_for


def test_ukrainian_places_show_their_official_english_spelling(gz):
    chasiv = next(p for p in gz.search("Chasiv Yar") if p.country_code == "UA")
    assert chasiv.name == "Chasov Yar" and display_name(chasiv) == "Chasiv Yar"
    assert display_name_for("gn:713304", "Antoniówka") == "Antonivka"
    # renamed places keep today's name, not an older one recorded in the data
    for name in ("Bakhmut", "Kropyvnytskyi", "Kyiv", "Kharkiv", "Pokrovsk"):
        p = next(p for p in gz.search(name) if p.country_code == "UA")
        assert display_name(p) == p.name, name
    kursk = next(p for p in gz.search("Kursk") if p.country_code == "RU")
    assert display_name(kursk) == "Kursk"


def test_nearest_settlement_names_a_point(gz):
    near = gz.nearest(51.4107, 34.9001, max_km=10)
    assert near and near[0].name == "Korenevo"
    assert name_point(51.4107, 34.9001, gz)["location_name"] == "Korenevo"
    far = name_point(51.37, 34.85, gz)                         # ~5.5 km south-west of Korenevo
    assert far["location_name"] == "near Korenevo" and far["place_id"] is None and far["country_code"] == "RU"
    # a border village the gazetteer holds (GeoNames postal data) names its own point
    assert name_point(51.46, 34.9001, gz)["location_name"] == "Tolpino"
    sea = name_point(43.5, 34.0, gz)                           # Black Sea: no settlement, no region
    assert sea["location_name"] == "43.5000, 34.0000"


def test_places_in_a_box_are_ranked_by_population(gz):
    ps = gz.places_in(46.0, 30.0, 51.0, 38.0, limit=50)
    pops = [p.population for p in ps]
    assert pops == sorted(pops, reverse=True) and ps[0].name == "Kyiv"
    assert all(46.0 <= p.lat <= 51.0 and 30.0 <= p.lon <= 38.0 for p in ps)
