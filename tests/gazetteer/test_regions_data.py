"""Checks on the committed Natural Earth region files (gazetteer/data/admin{0,1}.geojson.gz)."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

import pytest
import shapely
from shapely.geometry import Point, shape

ADMIN1_KEYS = {"id", "iso_3166_2", "gn_a1_code", "gn_id", "name", "type_en", "country_code", "names", "lat", "lon",
               "area_km2"}
ADMIN0_KEYS = {"id", "iso_a2", "iso_a3", "name", "name_long", "names", "continent", "population", "lat", "lon",
               "area_km2"}


@lru_cache(maxsize=None)
def load(name: str) -> list[dict[str, Any]]:
    """Features of a bundled gzipped FeatureCollection."""
    raw = files("gazetteer").joinpath("data", name).read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["type"] == "FeatureCollection"
    return data["features"]


@lru_cache(maxsize=None)
def index(name: str) -> tuple[list[dict[str, Any]], shapely.STRtree]:
    """(properties, STRtree over geometries) of a bundled file."""
    feats = load(name)
    return [f["properties"] for f in feats], shapely.STRtree([shape(f["geometry"]) for f in feats])


def hits(name: str, lat: float, lon: float) -> list[dict[str, Any]]:
    """Properties of every feature whose polygon covers (lat, lon)."""
    props, tree = index(name)
    return [props[i] for i in tree.query(Point(lon, lat), predicate="intersects")]


def by_id(name: str, fid: str) -> dict[str, Any]:
    """The feature with this id."""
    return next(f for f in load(name) if f["properties"]["id"] == fid)


@pytest.mark.parametrize("name,keys,minimum", [("admin1.geojson.gz", ADMIN1_KEYS, 4000),
                                               ("admin0.geojson.gz", ADMIN0_KEYS, 240)])
def test_files_load_with_unique_ids_and_exact_keys(name: str, keys: set[str], minimum: int) -> None:
    feats = load(name)
    assert len(feats) >= minimum
    ids = [f["properties"]["id"] for f in feats]
    assert len(ids) == len(set(ids))
    for f in feats:
        p = f["properties"]
        assert set(p) == keys, p["id"]
        assert p["name"] and isinstance(p["names"], list) and p["name"] not in p["names"]
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["area_km2"] >= 0
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")


@pytest.mark.parametrize("name", ["admin1.geojson.gz", "admin0.geojson.gz"])
def test_every_geometry_is_valid_and_non_empty(name: str) -> None:
    bad = [f["properties"]["id"] for f in load(name)
           if not (g := shape(f["geometry"])).is_valid or g.is_empty]
    assert bad == []


@pytest.mark.parametrize("place,lat,lon,gn_a1,country", [
    ("Kursk", 51.72689, 36.18457, "RU.41", "RU"),
    ("Korenevo", 51.41065, 34.90008, "RU.41", "RU"),
    ("Sudzha", 51.191, 35.271, "RU.41", "RU"),
    ("Belgorod", 50.60343, 36.58091, "RU.09", "RU"),
    ("Brovary", 50.51097, 30.79106, "UA.13", "UA"),
    ("Rozhivka", 50.60176, 30.75746, "UA.13", "UA"),
    ("Rozhivka council", 50.5938, 30.7809, "UA.13", "UA"),
    ("Vyshhorod", 50.585, 30.49, "UA.13", "UA"),
    ("Kyiv", 50.45466, 30.5238, "UA.12", "UA"),
    ("Troieshchyna", 50.515, 30.605, "UA.12", "UA"),
    ("Donetsk", 48.023, 37.80224, "UA.05", "UA"),
    ("Pokrovsk", 48.28014, 37.17706, "UA.05", "UA"),
    ("Luhansk", 48.56814, 39.30553, "UA.14", "UA"),
    ("Simferopol", 44.957, 34.111, "UA.11", "UA"),
    ("Sevastopol", 44.6, 33.53, "UA.20", "UA"),
    ("Sumy", 50.91741, 34.79906, "UA.21", "UA"),
    ("Kharkiv", 49.9935, 36.2304, "UA.07", "UA"),
    ("Columbus, Ohio", 39.96, -83.0, "US.OH", "US"),
])
def test_admin1_point_in_polygon(place: str, lat: float, lon: float, gn_a1: str, country: str) -> None:
    found = hits("admin1.geojson.gz", lat, lon)
    assert [(p["gn_a1_code"], p["country_code"]) for p in found] == [(gn_a1, country)], place


def test_named_admin1_units() -> None:
    kursk = hits("admin1.geojson.gz", 51.72689, 36.18457)[0]
    assert (kursk["name"], kursk["id"], kursk["iso_3166_2"]) == ("Kursk", "ne1:RU-KRS", "RU-KRS")
    crimea = by_id("admin1.geojson.gz", "ne1:UA-43")["properties"]
    assert (crimea["name"], crimea["country_code"], crimea["type_en"]) == ("Crimea", "UA", "Autonomous Republic")
    expected = {"UA-30": "Kyiv City", "UA-32": "Kyiv", "UA-14": "Donetsk", "UA-09": "Luhansk", "UA-51": "Odesa",
                "UA-23": "Zaporizhzhia", "UA-48": "Mykolaiv", "UA-40": "Sevastopol", "UA-63": "Kharkiv"}
    for iso, name in expected.items():
        p = by_id("admin1.geojson.gz", "ne1:" + iso)["properties"]
        assert p["name"] == name and p["country_code"] == "UA"
    assert "Kiev" in by_id("admin1.geojson.gz", "ne1:UA-32")["properties"]["names"]
    assert "Donets'k" in by_id("admin1.geojson.gz", "ne1:UA-14")["properties"]["names"]
    assert by_id("admin1.geojson.gz", "ne1:RU-MOW")["properties"]["name"] == "Moscow"


def test_kyiv_city_is_shrunk_to_a_plausible_area() -> None:
    city = by_id("admin1.geojson.gz", "ne1:UA-30")["properties"]
    oblast = by_id("admin1.geojson.gz", "ne1:UA-32")["properties"]
    assert 700 < city["area_km2"] < 1000  # the real city: about 839 km2
    assert 27000 < oblast["area_km2"] < 30000


def test_admin1_ukraine_has_27_units_and_no_crimea_in_russia() -> None:
    ua = [f["properties"] for f in load("admin1.geojson.gz") if f["properties"]["country_code"] == "UA"]
    assert len(ua) == 27
    ru_isos = {f["properties"]["iso_3166_2"] for f in load("admin1.geojson.gz")
               if f["properties"]["country_code"] == "RU"}
    assert not ru_isos & {"UA-43", "UA-40"}


@pytest.mark.parametrize("place,lat,lon,iso", [
    ("Simferopol", 44.957, 34.111, "UA"), ("Kyiv", 50.45466, 30.5238, "UA"), ("Donetsk", 48.023, 37.80224, "UA"),
    ("Kursk", 51.72689, 36.18457, "RU"), ("Minsk", 53.9, 27.56, "BY"), ("Paris", 48.8566, 2.3522, "FR"),
    ("Oslo", 59.91, 10.75, "NO"), ("Pristina", 42.66, 21.16, "XK"), ("Columbus, Ohio", 39.96, -83.0, "US"),
])
def test_admin0_point_in_polygon(place: str, lat: float, lon: float, iso: str) -> None:
    assert [p["iso_a2"] for p in hits("admin0.geojson.gz", lat, lon)] == [iso], place


def test_admin0_names_and_codes() -> None:
    props = {f["properties"]["id"]: f["properties"] for f in load("admin0.geojson.gz")}
    names = {p["name"] for p in props.values()}
    assert {"Ukraine", "Russia", "United States", "North Korea", "South Korea", "United Kingdom", "France"} <= names
    assert "-99" not in {p["iso_a2"] for p in props.values()}
    assert props["ne0:FR"]["iso_a3"] == "FRA" and props["ne0:NO"]["name"] == "Norway"
    assert {"USA", "U.S."} <= set(props["ne0:US"]["names"]) and "DPRK" in props["ne0:KP"]["names"]
    assert "Россия" in props["ne0:RU"]["names"] and "Україна" in props["ne0:UA"]["names"]
    assert props["ne0:UA"]["population"] > 40_000_000 and props["ne0:UA"]["continent"] == "Europe"


def test_admin0_ukraine_contains_all_of_crimea() -> None:
    ukraine = shape(by_id("admin0.geojson.gz", "ne0:UA")["geometry"])
    russia = shape(by_id("admin0.geojson.gz", "ne0:RU")["geometry"])
    crimea = shape(by_id("admin1.geojson.gz", "ne1:UA-43")["geometry"])
    assert ukraine.intersection(crimea).area > 0.99 * crimea.area
    assert russia.intersection(crimea).area < 0.001 * crimea.area


def test_war_zone_codes_are_complete_and_unique() -> None:
    props = [f["properties"] for f in load("admin1.geojson.gz")
             if f["properties"]["country_code"] in ("UA", "RU", "BY") and f["properties"]["iso_3166_2"]]
    assert len(props) == 27 + 83 + 7
    codes = [p["gn_a1_code"] for p in props]
    assert None not in codes and len(codes) == len(set(codes))
    assert all(p["iso_3166_2"] and p["gn_id"] for p in props)


def test_war_zone_label_points_lie_in_their_polygons() -> None:
    outside = [f["properties"]["id"] for f in load("admin1.geojson.gz")
               if f["properties"]["country_code"] in ("UA", "RU", "BY")
               and not shape(f["geometry"]).covers(Point(f["properties"]["lon"], f["properties"]["lat"]))]
    assert outside == []


@pytest.mark.parametrize("name", ["admin1.geojson.gz", "admin0.geojson.gz"])
def test_names_have_no_mojibake(name: str) -> None:
    broken = [(f["properties"]["id"], n) for f in load(name) for n in [f["properties"]["name"], *f["properties"]["names"]]
              if any(marker in n for marker in ("Ã", "Â", "£", "?", "\ufffd"))]
    assert broken == []
