"""The Ukrainian/Russian evaluation sets under benchmarks/data: the public one names its source and licence,
has at least 150 reports split into dev and held-out parts, and every gold place is a place of the bundled
gazetteer, settlements at the coordinates recorded (the build scripts checked them; a gazetteer change must
not orphan them)."""
from __future__ import annotations

import json
import math

import pytest

from paths import ROOT

DATA = ROOT / "benchmarks" / "data"
SETS = ["cyrillic_public.json", "cyrillic_dev.json", "cyrillic_heldout.json"]


def _items(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))["items"]


def test_the_public_set_names_its_source_and_licence() -> None:
    doc = json.loads((DATA / "cyrillic_public.json").read_text(encoding="utf-8"))
    assert "NKTKLN/telegram-news-classifier" in doc["source"] and "CC BY 4.0" in doc["licence"]
    items = doc["items"]
    assert len(items) >= 150 and {i["split"] for i in items} == {"dev", "heldout"}
    assert len({i["id"] for i in items}) == len(items)
    assert sum(1 for i in items if i["category"]) >= 100 and sum(1 for i in items if not i["category"]) >= 30


@pytest.mark.parametrize("name", SETS)
def test_every_gold_place_is_a_place_of_the_gazetteer(gz, name: str) -> None:
    for it in _items(name):
        gold = it["place"]
        if gold is None:
            assert it["category"] is None
            continue
        p = gz.get(gold["place_id"])
        assert p is not None, (it["id"], gold)
        assert p.country_code == gold["country_code"]
        if gold["kind"] in ("admin1", "admin2", "area"):
            continue                      # a region is scored by its name; its label point may move
        assert math.isclose(p.lat, gold["lat"], abs_tol=0.05) and math.isclose(p.lon, gold["lon"], abs_tol=0.05), it["id"]
