"""The corridor sets under benchmarks/data (self-written, see benchmarks/make_corridors.py): in the corridor
scorer's format, ids unique, reports with and without an evacuation in both, the JSON is what the build script
writes, and every gold endpoint lies within 10 km of a place of that name in the bundled gazetteer (the build
checked them against the gazetteer and GeoNames; a gazetteer change must not move them away)."""
from __future__ import annotations

import json
import math
import sys

import pytest

from paths import ROOT

DATA = ROOT / "benchmarks" / "data"
SETS = ["corridors_dev.json", "corridors_heldout.json"]
NOT_IN_GAZETTEER = {"Azovstal"}          # the steelworks: a gold point of the real place, not a gazetteer entry


def _items(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _km(a: float, b: float, c: float, d: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a, b, c, d))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_in_the_scorer_format(name: str) -> None:
    items = _items(name)
    assert len({i["id"] for i in items}) == len(items) >= 40
    for i in items:
        assert i["text"] and i["date"][:2] == "20" and isinstance(i["endpoints"], list)
        assert i["evacuation"] == bool(i["endpoints"])
        for e in i["endpoints"]:
            assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180 and e["role"] in ("origin", "via", "destination")
    assert sum(not i["evacuation"] for i in items) >= 5 and sum(i["evacuation"] for i in items) >= 30


def test_the_json_is_what_the_build_script_writes() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import make_corridors
    finally:
        sys.path.pop(0)
    assert make_corridors.items(make_corridors.DEV) == _items("corridors_dev.json")
    assert make_corridors.items(make_corridors.HELDOUT) == _items("corridors_heldout.json")


@pytest.mark.parametrize("name", SETS)
def test_every_gold_endpoint_is_near_a_gazetteer_place_of_its_name(gz, name: str) -> None:  # noqa: ANN001
    spellings = {"Graivoron": "Grayvoron", "Stary Oskol": "Staryy Oskol"}
    for i in _items(name):
        for e in i["endpoints"]:
            if e["name"] in NOT_IN_GAZETTEER:
                continue
            cands = [p for n in (e["name"], spellings.get(e["name"], e["name"])) for p in gz.search(n, limit=50)]
            d = min((_km(e["lat"], e["lon"], p.lat, p.lon) for p in cands), default=None)
            assert d is not None and d <= 10, (i["id"], e["name"], d)
