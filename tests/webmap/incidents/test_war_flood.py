"""A flood that an act of war caused (a dam or hydroelectric plant destroyed, blown up or struck) is a war
consequence: the evacuations it forces are incidents, while floods from rain or storms, and dams that burst
in them, stay weather (webmap.incidents.nonevents). Real extractor and gazetteer; sentences written for these
tests."""
from __future__ import annotations

import pytest

from webmap.incidents.models import Article
from webmap.incidents.nonevents import document_is_war
from webmap.incidents.pipeline import extract


def _cats(gz, text: str) -> list[str]:  # noqa: ANN001
    return [i.category for i in extract(Article("f", text, date="2023-06-06"), gz)]


@pytest.mark.parametrize("text", [
    "Residents were evacuated from flooded areas of Kherson after the dam was destroyed.",
    "After the Kakhovka dam was blown up, hundreds of people were evacuated from flooded Oleshky.",
    "The destruction of the hydroelectric power plant flooded Nova Kakhovka and residents were evacuated.",
])
def test_evacuation_from_a_war_flood_is_an_incident(gz, text: str) -> None:  # noqa: ANN001
    assert "evacuation" in _cats(gz, text), text


@pytest.mark.parametrize("text", [
    "Heavy rain flooded the centre of Kherson and residents were evacuated.",
    "Two dams burst after days of storms, flooding villages near Lviv; hundreds of residents were evacuated.",
    "Heavy rain destroyed a dam and flooded the village of Yaremche, and residents were evacuated.",
    "The dam was destroyed by floodwaters and people were evacuated from Kalush.",
])
def test_weather_flood_stays_no_incident(gz, text: str) -> None:  # noqa: ANN001
    assert _cats(gz, text) == [], text


def test_war_flood_report_with_many_flood_words_is_war() -> None:
    text = ("The Kakhovka dam was blown up before dawn. Floodwaters covered dozens of villages. "
            "The flood reached the centre of Kherson, and flooded streets were cut off. "
            "Flooding forced thousands from their homes.")
    assert document_is_war(text)
    assert not document_is_war(text.replace("was blown up", "burst after heavy rain"))


@pytest.mark.parametrize("text", [
    "Russian forces blew up the Kakhovka dam on Tuesday. Residents were evacuated from flooded areas of Kherson.",
    "The dyke on the Irpin river was blown up by retreating troops. Water spread over the fields. Hundreds of "
    "people were evacuated from flooded streets of Demydiv.",
])
def test_a_war_flood_told_earlier_carries_to_later_flood_sentences(gz, text: str) -> None:  # noqa: ANN001
    incs = extract(Article("f", text, date="2023-06-06"), gz)
    assert any(i.category == "evacuation" and i.sources[0].sentence_index > 0 for i in incs), text


@pytest.mark.parametrize("text", [
    "Heavy rain destroyed a dam near Lviv. Residents were evacuated from flooded areas of Kalush.",
    "After a week of storms the dam near Lviv was destroyed. Residents were evacuated from flooded areas of Kalush.",
    "Heavy rain flooded Kherson. Residents were evacuated from flooded areas of Kherson.",
])
def test_a_weather_flood_told_earlier_stays_weather(gz, text: str) -> None:  # noqa: ANN001
    assert _cats(gz, text) == [], text
