"""A Cyrillic name that is a war-zone place's own name, romanised, beats the same name carried as an old
alternate by another place: GeoNames lists "Слов'янськ" under Nikopol (its 18th-century name) as well as
under Sloviansk, and Nikopol is 19 people larger."""
from __future__ import annotations

import pytest


def _names(gz, text: str) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(m.resolution.place.name, m.resolution.place.admin1) for m in gz.geoparse(text) if m.resolution]


@pytest.mark.parametrize("text", [
    "Росіяни обстріляли Слов'янськ.",
    "Уночі ворог завдав ракетного удару по Слов’янську.",
    "Внаслідок обстрілу Слов'янська поранено двох людей.",
    "Обстрел Славянска продолжался всю ночь.",
])
def test_sloviansk_in_ukrainian_and_russian(gz, text: str) -> None:
    assert _names(gz, text) == [("Sloviansk", "Donetsk")]


@pytest.mark.parametrize("text, place", [
    ("Обстріл Нікополя з артилерії.", ("Nikopol", "Dnipropetrovsk")),
    # Volchansk in the Urals has this as its own name; the war-zone town keeps it
    ("Обстрел Волчанска продолжается.", ("Vovchansk", "Kharkiv")),
    ("Ворог атакував Краматорськ дронами.", ("Kramatorsk", "Donetsk")),
])
def test_other_cyrillic_towns_keep_their_places(gz, text: str, place: tuple[str, str]) -> None:
    assert _names(gz, text) == [place]
