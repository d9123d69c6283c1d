"""A site named after a settlement ("the Hoptivka border crossing in the Kharkiv region") is at that settlement:
the incident is placed there, not at the region named after it. Sentences written for these tests; real
gazetteer and pipeline."""
from __future__ import annotations

import pytest

from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract

CASES = [  # (sentence, where the incident must be, the region it must not fall back to)
    ("Russian artillery hit the Hoptivka border crossing in the Kharkiv region on Monday.", "Hoptivka", "Kharkiv"),
    ("A missile struck the Zolochiv railway station in the Kharkiv region overnight.", "Zolochiv", "Kharkiv"),
    ("Drones attacked the Balakliia grain elevator in Kharkiv oblast.", "Balakliia", "Kharkiv"),
    ("Russian forces shelled the Senkivka checkpoint in the Chernihiv region.", "Senkivka", "Chernihiv"),
]


@pytest.mark.parametrize("text, place, region", CASES)
def test_the_site_places_the_incident_at_its_settlement(gz, text: str, place: str, region: str) -> None:  # noqa: ANN001
    incs = extract(Article(article_id="t", text=text), gz)
    assert incs, text
    best = max(incs, key=lambda i: i.score or 0)
    assert best.geo_precision == 1, (best.location_name, best.geo_precision)
    assert best.location_name != region
    assert best.location_name[:5] == place[:5], best.location_name      # Balakliia / Balakliya


def test_a_plain_region_phrase_still_gives_the_region(gz) -> None:  # noqa: ANN001
    incs = extract(Article(article_id="t", text="Russian forces shelled border areas in the Chernihiv region."), gz)
    assert incs and max(incs, key=lambda i: i.score or 0).location_name == "Chernihiv"
