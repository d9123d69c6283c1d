"""Places listed as the scene of one English event ("Russian forces shelled Kupiansk, Vovchansk and Lyptsi"):
every listed settlement becomes a scene, the names after an attack or capture verb sharing its support; the
counts stay with one of them; a town and its region after a comma, or a single town, are no list. Real
pipeline and gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _scenes(text: str, gz) -> list[tuple[str, str]]:
    return [(i.category, i.location_name) for i in extract(from_text(text, date="2024-08-20"), gz) if i.lat is not None]


@pytest.mark.parametrize("text, category, places", [
    ("Russian forces shelled Kupiansk, Vovchansk and Lyptsi overnight.", "shelling",
     ["Kupiansk", "Lyptsi", "Vovchansk"]),
    ("Ukrainian artillery shelled Tetkino, Glushkovo and Sudzha on Tuesday, the governor said.", "shelling",
     ["Glushkovo", "Sudzha", "Tëtkino"]),
    ("Drones struck Kharkiv and Sumy overnight.", "drone_strike", ["Kharkiv", "Sumy"]),
    ("Shelling was reported in Nikopol and in Marhanets.", "shelling", ["Marhanets", "Nikopol"]),
])
def test_every_listed_place_is_a_scene(gz, text: str, category: str, places: list[str]) -> None:
    got = _scenes(text, gz)
    assert sorted(n for c, n in got if c == category) == places, got


@pytest.mark.parametrize("text, category, place", [
    ("A missile hit Kramatorsk, Donetsk oblast, on Monday.", "missile_strike", "Kramatorsk"),
    ("Russian forces shelled Lyptsi, Kharkiv region, overnight.", "shelling", "Lyptsi"),
])
def test_a_town_and_its_region_are_no_list(gz, text: str, category: str, place: str) -> None:
    assert [n for c, n in _scenes(text, gz) if c == category] == [place]


def test_the_counts_of_a_list_are_told_once(gz) -> None:
    incs = extract(from_text("Russian drones struck Kharkiv and Sumy overnight, killing two people.",
                             date="2024-06-02"), gz)
    struck = [i for i in incs if i.category == "drone_strike"]
    assert sorted(i.location_name for i in struck) == ["Kharkiv", "Sumy"], incs
    assert sum(dict(i.counts).get("killed", 0) for i in struck) == 2
