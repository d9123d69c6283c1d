"""Settlements where UCDP GED records fighting (gazetteer/data/conflict_sites_ua.tsv): the villages the other
sources lack become places, and of namesake villages the one with fighting on record under that name is preferred.
Real gazetteer, real bundled file; the sentences are written for these tests."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.conflict_sites import admin1_code, recorded_events, sites
from gazetteer.spelling import skeleton
from tests.geo import km

OBLAST_NAMES = {"UA.05": "Donetsk", "UA.14": "Luhansk", "UA.08": "Kherson", "UA.07": "Kharkiv", "UA.26": "Zaporizhzhia"}


def test_bundled_sites_are_ukrainian_settlements_with_counts() -> None:
    rows = sites()
    assert len(rows) > 500
    assert all(44.0 < s.lat < 52.5 and 22.0 < s.lon < 40.3 for s in rows)
    assert all(s.events >= 1 and 2014 <= s.first <= s.last <= 2023 for s in rows)
    assert {s.kind for s in rows} == {"village", "town"}
    assert sum(s.admin1_code == "UA.05" for s in rows) > 200           # Donbas dominates 2014-2023


def test_oblast_names_as_ucdp_writes_them() -> None:
    assert admin1_code("Zaporizhzhya oblast") == "UA.26"
    assert admin1_code("Kharkiv Oblast") == "UA.07"
    assert admin1_code("Kiev Special Republican city") == "UA.12"
    assert admin1_code("Atlantis oblast") == ""


def test_sites_lie_in_the_oblast_ucdp_names(gz: Gazetteer) -> None:
    coded = [s for s in sites() if s.admin1_code]
    agree = 0
    for s in coded:
        inside = [p.admin1_code for p in gz.reverse(s.lat, s.lon) if p.kind == "admin1"]
        agree += s.admin1_code in inside
    assert agree / len(coded) > 0.95


def test_recorded_events_match_the_name_in_any_romanisation() -> None:
    s = max((s for s in sites() if s.name == "Avdiivka"), key=lambda s: s.events)
    assert recorded_events(("Avdiivka",), s.lat, s.lon, 5.0) == s.events
    assert recorded_events(("Avdeyevka",), s.lat + 0.01, s.lon, 5.0) == s.events       # Russian-style spelling
    assert recorded_events(("Avdiivka",), s.lat + 0.2, s.lon, 5.0) == 0               # 22 km away: another place
    assert recorded_events(("Yasynuvata",), s.lat, s.lon, 5.0) == 0                   # a neighbour's name is no evidence
    assert recorded_events(("",), s.lat, s.lon, 5.0) == 0


def test_a_village_the_registries_lack_is_added(gz: Gazetteer) -> None:
    added = [p for p in gz.search("Maiorska", country="UA") if p.place_id.startswith("ucdp:")]
    assert len(added) == 1 and added[0].admin1 == "Donetsk" and added[0].kind == "village"
    r = gz.geocode_resolution("Maiorsk, Donetsk oblast")      # the usual spelling: a close one inside the oblast
    assert r is not None and km(r.lat, r.lon, added[0].lat, added[0].lon) < 1.0, r
    village = [p for p in gz.search("Novomarivka", country="UA") if p.place_id.startswith("ucdp:")]
    assert len(village) == 1
    text = "Russian forces shelled the outskirts of Novomarivka in Donetsk oblast on Tuesday."
    got = [m.resolution for m in gz.geoparse(text) if m.text == "Novomarivka" and m.resolution]
    assert got and km(got[0].lat, got[0].lon, village[0].lat, village[0].lon) < 1.0, got


def test_added_villages_never_double_a_name_of_their_oblast(gz: Gazetteer) -> None:
    added = [p for s in sites() for p in gz.search(s.name, country="UA") if p.place_id.startswith("ucdp:")]
    assert 3 <= len({p.place_id for p in added}) <= 40
    for p in added:
        same = [q for q in gz.search(p.name, country="UA", limit=50)
                if q.place_id != p.place_id and q.admin1_code == p.admin1_code and skeleton(q.name) == skeleton(p.name)]
        assert not same, (p, same)
    # a town UCDP names at a point of its own (Makiivka's outskirts) is not a new village
    assert not [p for p in gz.search("Makiivka", country="UA") if p.place_id.startswith("ucdp:")]


@pytest.mark.parametrize("name", ["Hranitne", "Sieverne", "Nelipivka"])
def test_namesake_with_fighting_on_record_is_preferred(gz: Gazetteer, name: str) -> None:
    site = max((s for s in sites() if s.name == name and s.admin1_code == "UA.05"), key=lambda s: s.events)
    namesakes = [p for p in gz.search(name, country="UA", limit=50) if p.admin1_code == "UA.05"
                 and p.kind in ("village", "town")]
    assert len(namesakes) >= 2                  # more than one in Donetsk oblast: a real choice
    r = gz.geocode_resolution(f"{name}, Donetsk oblast")
    assert r is not None and km(r.lat, r.lon, site.lat, site.lon) < 5.0, r
    assert "fighting on record here" in r.reason
    assert r.alternatives                       # the other namesakes stay as alternatives
    text = f"On Monday the army said its artillery hit positions near {name}, Donetsk region."
    m = [m.resolution for m in gz.geoparse(text) if m.text == name and m.resolution]
    assert m and km(m[0].lat, m[0].lon, site.lat, site.lon) < 5.0, m
