"""Ukrainian and Russian wording around a place name: its region named after it in the genitive ("в Таганроге
Ростовской области", "в Новороссийске Краснодарского края") or as a lower-case adjective before it ("по
белгородскому Шебекино") places it, not an organisation's name; a city's district ("Киевский район Харькова")
is the city; drones "shot at" (расстреляли, розстріляли) are shot down, people shot are victims. Real pipeline
and gazetteer (sentences written for these tests)."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _best(text: str, gz):
    incs = [i for i in extract(from_text(text, date="2024-11-20"), gz) if i.lat is not None]
    return max(incs, key=lambda i: i.score) if incs else None


@pytest.mark.parametrize("text, place", [
    ("Взрывы прогремели в Новороссийске Краснодарского края, повреждены дома.", "Novorossiysk"),
    ("Ночью беспилотник атаковал нефтебазу в Таганроге Ростовской области.", "Taganrog"),
    ("Дрон влучив у будинок у Сумах Сумської області.", "Sumy"),
    ("Двое ранены из-за атаки беспилотника по белгородскому Шебекино.", "Shebekino"),
    ("Дрон влучив у будинок у харківському Куп'янську.", "Kupiansk"),
    ("Российские военные обстреляли Слободской район Харькова.", "Kharkiv"),
    ("Окупанти обстріляли Шевченківський район Запоріжжя.", "Zaporizhzhia"),
])
def test_the_place_is_read_with_its_region_or_city(gz, text: str, place: str) -> None:
    best = _best(text, gz)
    assert best is not None and best.location_name == place, best


@pytest.mark.parametrize("text, category", [
    ("Мобильные огневые группы расстреляли три беспилотника над Брянской областью.", "interception"),
    ("Стаю дронов расстреляли ночью в Калужской области.", "interception"),
    ("Мобільні вогневі групи розстріляли два шахеди над Житомирщиною.", "interception"),
    ("Оккупанты расстреляли мирных жителей в Буче.", "civilian_casualties"),
    ("Окупанти розстріляли цивільних у Бучі.", "civilian_casualties"),
])
def test_drones_shot_at_are_shot_down_people_shot_are_victims(gz, text: str, category: str) -> None:
    best = _best(text, gz)
    assert best is not None and best.category == category, best
