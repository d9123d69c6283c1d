"""Curated war sites in the supplement (gazetteer/data/supplement.csv): the Azovstal steel plant of Mariupol
is a place of its own, inside the city's Left Bank east of the centre, found under the names reports use.
Real gazetteer and extractor; sentences written for these tests."""
from __future__ import annotations

import math

import pytest

from gazetteer import Gazetteer
from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def test_azovstal_lies_in_mariupol_east_of_the_centre(gz: Gazetteer) -> None:
    plant = gz.search("Azovstal", country="UA", limit=1)[0]
    city = gz.search("Mariupol", country="UA", limit=1)[0]
    assert plant.name == "Azovstal" and plant.admin1 == city.admin1 == "Donetsk"
    assert plant.lon > city.lon                                  # the Left Bank, across the Kalmius
    assert 2.0 < _km((plant.lat, plant.lon), (city.lat, city.lon)) < 8.0


@pytest.mark.parametrize("text, surface", [
    ("Russian aircraft bombed the Azovstal steel plant in Mariupol.", "Azovstal"),
    ("Shelling hit Azovstal again on Tuesday.", "Azovstal"),
    ("Hundreds of civilians sheltered in the Azovstal steelworks in Mariupol.", "Azovstal"),
])
def test_azovstal_is_resolved_in_text(gz: Gazetteer, text: str, surface: str) -> None:
    got = [(m.text, m.resolution.place.name) for m in gz.geoparse(text) if m.resolution]
    assert (surface, "Azovstal") in got, got


def test_evacuation_from_azovstal_starts_at_the_plant(gz: Gazetteer) -> None:
    incs = [i for i in extract(Article("a", "Civilians were evacuated from Azovstal to Zaporizhzhia.",
                                       date="2022-05-01"), gz) if i.category == "evacuation"]
    assert any(i.location_name == "Azovstal" and abs(i.lat - 47.10) < 0.02 and abs(i.lon - 37.61) < 0.03
               for i in incs), [(i.location_name, i.lat, i.lon) for i in incs]
