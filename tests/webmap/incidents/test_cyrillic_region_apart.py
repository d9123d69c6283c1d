"""A Ukrainian or Russian sentence that names the region apart from the settlement it holds ("В Курской области ВСУ
атаковали Курчатов", "На Харківщині окупанти обстріляли Куп'янськ") is placed at the settlement, as "X in Y
oblast" is; a settlement outside the region leaves the region alone. Real pipeline and gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _best(text: str, gz):
    incs = [i for i in extract(from_text(text, date="2024-08-20"), gz) if i.lat is not None]
    return max(incs, key=lambda i: i.score) if incs else None


@pytest.mark.parametrize("text, place", [
    ("В Курской области ВСУ атаковали беспилотниками Курчатов, пострадали двое мирных жителей.", "Kurchatov"),
    ("В Белгородской области дрон ВСУ атаковал Шебекино.", "Shebekino"),
    ("На Харківщині окупанти обстріляли Куп'янськ.", "Kupiansk"),
    ("У Сумській області росіяни скинули КАБи на Краснопілля.", "Krasnopillya"),
])
def test_the_settlement_inside_the_named_region_is_the_scene(gz, text: str, place: str) -> None:
    best = _best(text, gz)
    assert best is not None and best.location_name == place, best


def test_a_settlement_of_another_region_leaves_the_region(gz) -> None:
    best = _best("В Брянской области сбиты беспилотники, летевшие на Курск.", gz)
    assert best is not None and best.location_name == "Bryansk", best


@pytest.mark.parametrize("text, place", [
    ("Два беспилотника, летевших на Москву, сбиты над Подольском.", "Podolsk"),
    ("Над Сумщиною збито ракету, яка летіла на Київ.", "Sumy"),
    ("Беспилотник, летевший в сторону Воронежа, сбит в Белгородской области.", "Belgorod"),
])
def test_where_a_drone_was_flying_is_not_where_it_fell(gz, text: str, place: str) -> None:
    best = _best(text, gz)
    assert best is not None and best.location_name == place, best


@pytest.mark.parametrize("text, town, region", [
    ("На Покровському напрямку тривають бої.", "Pokrovsk", "Donetsk"),
    ("На Купянском направлении идут бои.", "Kupiansk", "Kharkiv"),
    ("На Бахмутському напрямку ворог атакував позиції ЗСУ.", "Bakhmut", "Donetsk"),
])
def test_a_front_direction_is_its_towns_region(gz, text: str, town: str, region: str) -> None:
    named = [m.resolution.place.name for m in gz.geoparse(text) if m.resolution is not None]
    assert named == [town], named                                # the town, not a village named like the adjective
    best = _best(text, gz)
    assert best is not None and best.location_name == region and (best.place_id or "").startswith("ne1:UA-"), best


def test_a_direction_beside_its_town_leaves_the_town(gz) -> None:
    best = _best("На Покровському напрямку тривають бої поблизу Покровська.", gz)
    assert best is not None and best.location_name == "Pokrovsk", best
