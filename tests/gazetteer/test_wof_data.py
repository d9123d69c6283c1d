"""Checks on the committed Who's On First Ukraine and raion data files."""
from __future__ import annotations

import csv
import gzip
import math
from collections import Counter

import pytest

from paths import GAZETTEER_DATA as DATA
UA_KEYS = {f"UA.{i:02d}" for i in range(1, 28)}
WOF_COLUMNS = ["wof_id", "gn_id", "placetype", "name", "name_uk", "name_ru", "names", "lat", "lon",
               "admin1_code", "region_name", "county_name", "population", "wd_id"]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def wof() -> list[dict[str, str]]:
    with gzip.open(DATA / "wof_ua.tsv.gz", "rt", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == WOF_COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def raions() -> list[dict[str, str]]:
    with open(DATA / "raions_ua.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def all_names(r: dict[str, str]) -> set[str]:
    return {r["name"], r["name_uk"], r["name_ru"], *r["names"].split("|")} - {""}


def test_rozhivka_in_kyiv_oblast(wof: list[dict[str, str]]) -> None:
    hits = [r for r in wof if {"Rozhivka", "Рожівка"} & all_names(r)
            and km(float(r["lat"]), float(r["lon"]), 50.60, 30.76) <= 3.0]
    assert hits, "Rozhivka not found near 50.60 N 30.76 E"
    assert {r["admin1_code"] for r in hits} == {"UA.13"}
    assert any(r["name"] == "Rozhivka" and r["name_uk"] == "Рожівка" for r in hits)


def test_heorhiivka_in_several_oblasts(wof: list[dict[str, str]]) -> None:
    oblasts = {r["admin1_code"] for r in wof if r["placetype"] == "locality" and r["name"] == "Heorhiivka"}
    assert "UA.05" in oblasts
    assert len(oblasts) >= 3


def test_admin1_filled_and_valid(wof: list[dict[str, str]]) -> None:
    filled = [r["admin1_code"] for r in wof if r["admin1_code"]]
    assert len(filled) >= 0.99 * len(wof)
    assert set(filled) <= UA_KEYS
    assert {"UA.12", "UA.20", "UA.11"} <= set(filled)


def test_region_names_follow_admin1(wof: list[dict[str, str]]) -> None:
    pairs = {(r["admin1_code"], r["region_name"]) for r in wof if r["admin1_code"]}
    assert len(pairs) == len({code for code, _ in pairs})
    assert ("UA.05", "Donetsk") in pairs and ("UA.13", "Kyiv") in pairs and ("UA.12", "Kyiv City") in pairs


def test_known_cities_in_their_oblasts(wof: list[dict[str, str]]) -> None:
    by_gn = {r["gn_id"]: r for r in wof if r["gn_id"]}
    assert by_gn["703448"]["admin1_code"] == "UA.12"   # Kyiv
    assert by_gn["711390"]["admin1_code"] == "UA.13"   # Brovary
    assert by_gn["704422"]["admin1_code"] == "UA.05"   # Pokrovsk
    assert "Pokrovsk" in all_names(by_gn["704422"])


def test_inside_ukraine_bbox(wof: list[dict[str, str]]) -> None:
    outside = [r["wof_id"] for r in wof if not (44.0 <= float(r["lat"]) <= 52.5 and 22.0 <= float(r["lon"]) <= 40.3)]
    assert outside == []


def test_gn_id_unique(wof: list[dict[str, str]]) -> None:
    dup = [gn for gn, n in Counter(r["gn_id"] for r in wof if r["gn_id"]).items() if n > 1]
    assert dup == []


def test_no_district_names_on_settlements(wof: list[dict[str, str]]) -> None:
    bad = [r["wof_id"] for r in wof if r["placetype"] == "locality"
           and ("район" in r["name_uk"] or "Raion" in r["name"])]
    assert bad == []


def test_sorted_and_latin_names(wof: list[dict[str, str]]) -> None:
    ids = [int(r["wof_id"]) for r in wof]
    assert ids == sorted(ids)
    assert sum(1 for r in wof if any("\u0400" <= ch <= "\u04ff" for ch in r["name"])) == 0


def test_raions_current(raions: list[dict[str, str]]) -> None:
    assert len(raions) == 136
    assert {r["admin1_code"] for r in raions} <= UA_KEYS
    brovary = [r for r in raions if r["name"] == "Brovarskyi raion" and r["admin1_code"] == "UA.13"]
    assert len(brovary) == 1
    assert km(float(brovary[0]["lat"]), float(brovary[0]["lon"]), 50.51, 30.79) <= 45.0
    assert any(r["name"] == "Pokrovskyi raion" and r["admin1_code"] == "UA.05" for r in raions)


def test_raion_hulls_hold_their_centres(raions: list[dict[str, str]]) -> None:
    from shapely import wkt
    from shapely.geometry import Point

    with_hull = [r for r in raions if r["hull_wkt_or_empty"]]
    assert len(with_hull) >= 130
    brovary = next(r for r in with_hull if r["name"] == "Brovarskyi raion")
    assert wkt.loads(brovary["hull_wkt_or_empty"]).contains(Point(30.79, 50.51))
    for r in with_hull:
        hull = wkt.loads(r["hull_wkt_or_empty"])
        assert hull.buffer(0.01).contains(Point(float(r["lon"]), float(r["lat"])))
        assert hull.area < 2.0  # no raion spans more than ~2 square degrees
