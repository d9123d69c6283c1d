"""Air defence ("ПВО" in Russian, "ППО" in Ukrainian) as the actor of a shoot-down, named before or after its
verb, with the place before it ("Над Белгородом ППО збила ...") or after: an interception, not a drone or
missile strike. A complex or position of air defence destroyed is a target (equipment), and an attack word
alone ("атака", "удар") tells the intercepted attack, not a second strike. Real pipeline and gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _placed(text: str, gz) -> list:
    return [i for i in extract(from_text(text, date="2024-09-02"), gz) if i.lat is not None]


@pytest.mark.parametrize("text, place", [
    # Russian, air defence before the verb
    ("ПВО сбили 12 беспилотников над Курской областью.", "Kursk"),
    ("Над Брянской областью ПВО отразили атаку беспилотников.", "Bryansk"),
    ("Вечером ПВО перехватили две ракеты над Воронежем.", "Voronezh"),
    ("ПВО работает в Таганроге, слышны взрывы.", "Taganrog"),
    # Russian, the verb before air defence
    ("Девять беспилотников уничтожили дежурные силы ПВО над Орловской областью.", "Oryol"),
    ("Над Липецком сбиты три дрона, сработала система ПВО.", "Lipetsk"),
    # Ukrainian, air defence before the verb, the place first
    ("Над Сумами ППО збила чотири шахеди.", "Sumy"),
    ("Над Полтавщиною вночі ППО знищила сім дронів.", "Poltava"),
    ("У Житомирі працює ППО.", "Zhytomyr"),
    # Ukrainian, the verb before air defence
    ("Вісім ударних БпЛА знешкодили сили ППО над Черкащиною.", "Cherkasy"),
])
def test_air_defence_shoot_downs_are_interceptions(gz, text: str, place: str) -> None:
    incs = _placed(text, gz)
    assert [(i.category, i.location_name) for i in incs] == [("interception", place)], incs


@pytest.mark.parametrize("text, place", [
    ("Ракетний удар по Вінниці: ППО збила п'ять ракет.", "Vinnytsia"),
    ("Під час атаки на Одесу ППО збила 12 дронів.", "Odesa"),
    ("Атака беспилотников на Брянск: ПВО сбили все восемь.", "Bryansk"),
])
def test_an_attack_word_beside_a_shoot_down_is_the_intercepted_attack(gz, text: str, place: str) -> None:
    incs = _placed(text, gz)
    assert {i.category for i in incs} == {"interception"}, incs
    assert place in {i.location_name for i in incs}


@pytest.mark.parametrize("text", [
    "ППО збила дрон над Харковом, але уламки пошкодили будинок.",
    "ПВО сбили ракету над Белгородом, при падении обломков ранены двое мирных жителей.",
])
def test_damage_or_casualties_keep_the_strike(gz, text: str) -> None:
    cats = {i.category for i in _placed(text, gz)}
    assert "interception" in cats and cats - {"interception"}, cats


@pytest.mark.parametrize("text, place", [
    ("ВСУ уничтожили комплекс ПВО в Курской области.", "Kursk"),
    ("Росіяни знищили зенітний комплекс ППО під Харковом.", "Kharkiv"),
])
def test_an_air_defence_complex_destroyed_is_a_target(gz, text: str, place: str) -> None:
    incs = _placed(text, gz)
    assert incs and all(i.category != "interception" for i in incs), incs
