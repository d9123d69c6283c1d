"""Ukrainian and Russian first names, and "Name Surname" with a Slavic surname, are people, not places:
"Artem said" is no Artëm in Primorsky Krai, "Olena Ivanova" no Ivanovo."""
from __future__ import annotations

import pytest


def _places(gz, text: str) -> list[str]:  # noqa: ANN001
    return [m.text for m in gz.geoparse(text) if m.resolution is not None and m.role.value == "place"]


@pytest.mark.parametrize("text", [
    "Artem said the shelling lasted all night.",
    "Artem Lysenko said the village was hit twice.",
    "Residents Mykola and Olena Ivanova fled at dawn.",
    "Marko Kovalchuk told reporters the convoy was hit.",
    "Kimberley Volkova told reporters the school burned.",
])
def test_people_named_by_slavic_first_names_or_surnames_are_no_places(gz, text) -> None:
    assert _places(gz, text) == []


def test_the_places_beside_them_stay(gz) -> None:
    text = "Artem Lysenko said Russian troops shelled Izium and Kupiansk; Olena Ivanova fled to Kharkiv."
    assert _places(gz, text) == ["Izium", "Kupiansk", "Kharkiv"]


def test_a_town_named_like_a_first_name_is_a_place_where_the_text_says_so(gz) -> None:
    # Artëm (Primorsky Krai) is a town of 100,000: after "in" it is the town
    got = [(m.text, m.resolution.place.country_code) for m in gz.geoparse("Power cuts were reported in Artem.")
           if m.resolution]
    assert got == [("Artem", "RU")]


def test_a_major_place_before_a_surname_like_word_stays(gz) -> None:
    assert "Kyiv" in _places(gz, "Kyiv Pechersk Lavra was damaged, officials in Kyiv said.")
