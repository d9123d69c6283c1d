"""The geopy contract of GazetteerGeocoder, reverse geocoding, user imports and the index build."""
from __future__ import annotations

import json

import pytest
from geopy.location import Location

from gazetteer import Gazetteer, GazetteerGeocoder, GazetteerQueryError
from gazetteer.build import build_index
from gazetteer.build.imports import csv_records, geojson_records, geonames_records


@pytest.fixture(scope="module")
def geocoder(gz: Gazetteer) -> GazetteerGeocoder:
    return GazetteerGeocoder(gz)


def _valid(loc: Location) -> None:
    assert isinstance(loc, Location)
    assert -90 <= loc.latitude <= 90 and -180 <= loc.longitude <= 180
    assert loc.address and isinstance(loc.raw, dict)


@pytest.mark.parametrize("query,lat,lon,tol", [
    ("Kyiv", 50.45, 30.52, 0.1),
    ("Korenovo, Kursk oblast", 51.41, 34.90, 0.05),
    ("Pozniaky, Kyiv", 50.40, 30.63, 0.05),
    ("Heorhiivka, Donetsk", 47.99, 37.53, 0.3),
    ("Sudzha", 51.19, 35.27, 0.05),
])
def test_geocode_returns_a_location(geocoder, query, lat, lon, tol):
    loc = geocoder.geocode(query)
    _valid(loc)
    assert abs(loc.latitude - lat) < tol and abs(loc.longitude - lon) < tol, loc.raw


def test_geocode_no_match_is_none_not_an_error(geocoder):
    assert geocoder.geocode("Xqzzv Ploorb Wunk") is None


def test_geocode_exactly_one_false_gives_a_list(geocoder):
    locs = geocoder.geocode("Mykolaivka", exactly_one=False)
    assert isinstance(locs, list) and len(locs) > 1
    for loc in locs:
        _valid(loc)


def test_geocode_country_filter(geocoder):
    loc = geocoder.geocode("Donetsk", country_codes="UA")
    assert loc.raw["country_code"] == "UA"


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_geocode_bad_query_raises_a_geopy_query_error(geocoder, bad):
    from geopy.exc import GeocoderQueryError

    with pytest.raises(GeocoderQueryError):
        geocoder.geocode(bad)
    with pytest.raises(GazetteerQueryError):
        geocoder.geocode(bad)


@pytest.mark.parametrize("point,admin1,cc", [
    ((50.45, 30.52), "Kyiv City", "UA"),
    ("50.60176, 30.75746", "Kyiv", "UA"),                 # Rozhivka: Kyiv oblast, not Kyiv City
    ((51.41, 34.90), "Kursk", "RU"),
    ((44.957, 34.111), "Crimea", "UA"),                   # UN GA resolution 68/262
    ((39.96, -83.0), "Ohio", "US"),
])
def test_reverse_gives_region_then_country(geocoder, point, admin1, cc):
    locs = geocoder.reverse(point, exactly_one=False)
    assert locs[0].raw["kind"] == "admin1" and locs[0].raw["name"] == admin1
    assert locs[-1].raw["kind"] == "country" and locs[-1].raw["country_code"] == cc


def test_reverse_in_the_ocean_is_none(geocoder):
    assert geocoder.reverse((0.0, -30.0)) is None


GEONAMES_ROWS = (
    "9990001\tTestivka\tTestivka\tTestovka,Тестівка\t48.5\t37.5\tP\tPPL\tUA\t\t05\t\t\t\t120\t\t150\tEurope/Kyiv\t2024-01-01\n"
    "9990002\tSome Mountain\tSome Mountain\t\t48.6\t37.6\tT\tMT\tUA\t\t05\t\t\t\t0\t\t300\tEurope/Kyiv\t2024-01-01\n"
)


def test_import_formats_parse():
    recs = list(geonames_records(GEONAMES_ROWS))
    assert [r.name for r in recs] == ["Testivka"]            # mountains are not settlements
    assert recs[0].admin1_code == "UA.05" and "Тестівка" in recs[0].names
    csv_recs = list(csv_records("name,lat,lon,names,country_code\nBlorpville,50.1,30.2,Blorpivka|Блорпівка,UA\n"))
    assert csv_recs[0].strong_names == ["Blorpivka", "Блорпівка"]
    gj = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Zuzu Field", "kind": "area"},
         "geometry": {"type": "Polygon", "coordinates": [[[30, 50], [30.1, 50], [30.1, 50.1], [30, 50.1], [30, 50]]]}}]}
    g = list(geojson_records(json.dumps(gj)))
    assert g[0].geometry["type"] == "Polygon" and 50 < g[0].lat < 50.1


def test_import_bad_files_are_clear_errors():
    from gazetteer import GazetteerDataError

    with pytest.raises(GazetteerDataError, match="columns"):
        list(geonames_records("1\tonly\tthree\n"))
    with pytest.raises(GazetteerDataError, match="lat"):
        list(csv_records("name,lon\nX,30\n"))
    with pytest.raises(GazetteerDataError, match="out of range"):
        list(csv_records("name,lat,lon\nX,95,30\n"))


@pytest.mark.slow
def test_imported_places_are_found_after_a_rebuild(tmp_path, monkeypatch):
    """Import a GeoNames dump and a CSV into a private cache and build a real index from them."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    from gazetteer.build.imports import import_file

    dump = tmp_path / "UA.txt"
    dump.write_text(GEONAMES_ROWS, encoding="utf-8")
    assert import_file(dump) == 1
    places = tmp_path / "mine.csv"
    places.write_text("name,lat,lon,country_code,admin1_code\nBlorpivka,49.9,36.3,UA,UA.07\n", encoding="utf-8")
    assert import_file(places) == 1
    path = build_index(tmp_path / "idx.sqlite", progress=False)
    gz = Gazetteer(path)
    ms = gz.geoparse("Shelling was reported in Testovka and near Blorpivka, Kharkiv region.")
    found = {m.text: m.resolution for m in ms if m.resolution}
    assert abs(found["Testovka"].lat - 48.5) < 1e-6
    assert found["Blorpivka"].place.source == "user"
