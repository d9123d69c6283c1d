"""Weapon nouns that end like a Ukrainian infinitive ("ракети": missiles, nominative and genitive) are weapons,
not a threat told by an infinitive ("може атакувати"); a glide bomb is named in every case (КАБу, КАБом, КАБа).
Real pipeline and gazetteer, sentences written for these tests."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _best(text: str, gz):
    incs = [i for i in extract(from_text(text, date="2024-11-20"), gz) if i.lat is not None]
    return max(incs, key=lambda i: i.score) if incs else None


@pytest.mark.parametrize("text, category, place", [
    ("Дві ракети влучили в Дніпро, пошкоджено будинки.", "missile_strike", "Dnipro"),
    ("Уламки ракети впали на подвір'я у Броварах.", "missile_strike", "Brovary"),
    ("Внаслідок влучання КАБу в Краматорську поранено двох людей.", "air_strike", "Kramatorsk"),
    ("Окупанти вдарили КАБом по Костянтинівці.", "air_strike", "Kostyantynivka"),
    ("Росіяни скинули на Вовчанськ три КАБа.", "air_strike", "Vovchansk"),
])
def test_weapon_nouns_are_weapons(gz, text: str, category: str, place: str) -> None:
    best = _best(text, gz)
    assert best is not None and (best.category, best.location_name) == (category, place), best


@pytest.mark.parametrize("text", ["Ворог може атакувати Київ ракетами.", "Росіяни можуть запустити ракети по Києву."])
def test_a_threat_told_by_an_infinitive_is_still_no_event(gz, text: str) -> None:
    assert _best(text, gz) is None
