"""Russian krais and autonomous okrugs in every case, both languages, read as their regions; a city okrug
(Шебекинский городской округ) as the town it is named after. Real gazetteer."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer

KRAI = [  # (frame, form, region): the six cases, Russian then Ukrainian
    ("{} атакован беспилотниками.", "Краснодарский край", "Krasnodar"),
    ("Губернатор Краснодарского края сообщил о пожаре.", "Краснодарского края", "Krasnodar"),
    ("Угроза атаки по Краснодарскому краю сохраняется.", "Краснодарскому краю", "Krasnodar"),
    ("Дроны атаковали Краснодарский край ночью.", "Краснодарский край", "Krasnodar"),
    ("Над Краснодарским краем сбиты дроны.", "Краснодарским краем", "Krasnodar"),
    ("В Краснодарском крае объявлена тревога.", "Краснодарском крае", "Krasnodar"),
    ("Ставропольский край атакован.", "Ставропольский край", "Stavropol"),
    ("Над Ставропольским краем сбиты беспилотники.", "Ставропольским краем", "Stavropol"),
    ("Атака на Приморский край.", "Приморский край", "Primorye"),
    ("Краснодарський край атакували дрони.", "Краснодарський край", "Krasnodar"),
    ("Губернатор Краснодарського краю повідомив про пожежу.", "Краснодарського краю", "Krasnodar"),
    ("Удар по Краснодарському краю.", "Краснодарському краю", "Krasnodar"),
    ("Над Краснодарським краєм збито дрони.", "Краснодарським краєм", "Krasnodar"),
    ("У Краснодарському краї горить нафтобаза.", "Краснодарському краї", "Krasnodar"),
    ("У Ставропольському краї збито дрон.", "Ставропольському краї", "Stavropol"),
]
OKRUG = [
    ("Дроны атаковали Ханты-Мансийский автономный округ.", "Ханты-Мансийский автономный округ", "Khanty-Mansiy"),
    ("В Ханты-Мансийском автономном округе сбит беспилотник.", "Ханты-Мансийском автономном округе", "Khanty-Mansiy"),
    ("В Ямало-Ненецком автономном округе горит склад.", "Ямало-Ненецком автономном округе", "Yamal-Nenets"),
    ("Над Ненецким автономным округом сбит дрон.", "Ненецким автономным округом", "Nenets"),
]


@pytest.mark.parametrize("frame, form, region", KRAI + OKRUG)
def test_krai_and_autonomous_okrug_are_regions(gz: Gazetteer, frame: str, form: str, region: str) -> None:
    text = frame.format(form) if "{}" in frame else frame
    got = [(m.text, m.resolution.place.name, m.resolution.place.kind) for m in gz.geoparse(text) if m.resolution]
    assert (form, region, "admin1") in got, got
    m = next(m for m in gz.geoparse(text) if m.text == form)
    assert text[m.start:m.end] == form and m.resolution.place.country_code == "RU"


def test_city_okrug_is_its_town(gz: Gazetteer) -> None:
    text = "В Шебекинском городском округе обстрел, повреждены дома."
    [m] = [m for m in gz.geoparse(text) if m.resolution]
    assert (m.text, m.resolution.place.name) == ("Шебекинском городском округе", "Shebekino")
    # a town named like an adjective: Раменский городской округ is Ramenskoye
    text = "Два беспилотника сбиты в Раменском городском округе."
    assert [(m.text, m.resolution.place.name) for m in gz.geoparse(text) if m.resolution] == [
        ("Раменском городском округе", "Ramenskoye")]


def test_area_words_never_invent_a_region(gz: Gazetteer) -> None:
    # an adjective no region is named after, with край / округ: nothing
    for text in ("Новый край открыт для туристов.", "Соседний автономный округ принял беженцев.",
                 "Весь Великий край знает об этом."):
        assert [m.text for m in gz.geoparse(text) if m.resolution] == [], text
