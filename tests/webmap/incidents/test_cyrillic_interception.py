"""Interceptions told noun first, as Russian and Ukrainian officials word them ("Семь беспилотников уничтожены над
...", "відбито атаку дронів"), and a number with an apostrophe between verb and noun ("знищено п'ять шахедів");
a drone as the instrument of a strike stays a strike. Real pipeline and gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _best(text: str, gz):
    incs = [i for i in extract(from_text(text, date="2024-11-20"), gz) if i.lat is not None]
    return max(incs, key=lambda i: i.score) if incs else None


@pytest.mark.parametrize("text, place", [
    ("Шесть украинских беспилотников уничтожены над Курской областью, пострадавших нет.", "Kursk"),
    ("Две ракеты перехвачены над Белгородом ночью.", "Belgorod"),
    ("Над Орловской областью ночью беспилотник уничтожен дежурными средствами.", "Oryol"),
    ("Губернатор: отражена атака беспилотников на Воронеж.", "Voronezh"),
    ("Над Полтавщиною вночі знищено п'ять шахедів.", "Poltava"),
    ("Три безпілотники знищено над Києвом, уламки впали на дах.", "Kyiv"),
])
def test_noun_first_interceptions(gz, text: str, place: str) -> None:
    best = _best(text, gz)
    assert best is not None and (best.category, best.location_name) == ("interception", place), best


def test_a_repelled_drone_attack_is_an_interception_too(gz) -> None:
    # "відбили" also reads as a repelled ground attack, which still ranks first (left as found)
    incs = extract(from_text("Сили ППО відбили атаку дронів на Черкаси.", date="2024-11-20"), gz)
    assert ("interception", "Cherkasy") in {(i.category, i.location_name) for i in incs}


@pytest.mark.parametrize("text", [
    "Дронами уничтожена колонна техники под Курском.",
    "Беспилотник атаковал автомобиль в Белгороде, ранен водитель.",
    "Дрон влучив у багатоповерхівку в Харкові, поранено двох людей.",
])
def test_a_drone_that_strikes_is_no_interception(gz, text: str) -> None:
    best = _best(text, gz)
    assert best is not None and best.category != "interception", best
