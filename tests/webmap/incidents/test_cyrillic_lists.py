"""Places listed as the scene of one Ukrainian or Russian event ("обстреляли Теткино, Глушково и Коренево", "в сёлах
Климово и Старые Юрковичи"): every listed place is found by the gazetteer (the locative word before the list
supports each name of it) and becomes a scene of the event; the counts stay with one of them; a village and
its region after a comma are no list. Real pipeline and gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract


def _scenes(text: str, gz) -> list[tuple[str, str]]:
    return [(i.category, i.location_name) for i in extract(from_text(text, date="2024-08-20"), gz) if i.lat is not None]


@pytest.mark.parametrize("text, category, places", [
    ("ВСУ обстреляли Теткино, Глушково и Коренево.", "shelling", ["Tëtkino", "Glushkovo", "Korenevo"]),
    ("Под обстрел попали в сёлах Климово и Старые Юрковичи.", "shelling", ["Klimovo", "Staryye Yurkovichi"]),
    ("Обстрелу подверглись населённые пункты Плехово, Гуево и Снагость.", "shelling",
     ["Plekhovo", "Guyevo", "Snagost"]),
    ("Противник нанёс удары КАБами по посёлкам Красная Яруга и Ракитное.", "air_strike",
     ["Krasnaya Yaruga", "Rakitnoye"]),
    ("Окупанти обстріляли Херсон і Берислав.", "shelling", ["Kherson", "Beryslav"]),
    ("Росіяни скинули КАБи на села Борова та Ізюм, а також на Куп'янськ.", "air_strike",
     ["Borova", "Izium", "Kupiansk"]),
    ("Над Брянской, Курской и Белгородской областями сбиты 20 беспилотников.", "interception",
     ["Bryansk", "Kursk", "Belgorod"]),
])
def test_every_listed_place_is_a_scene(gz, text: str, category: str, places: list[str]) -> None:
    got = _scenes(text, gz)
    assert sorted(n for c, n in got if c == category) == sorted(places), got


def test_the_counts_of_a_list_are_told_once(gz) -> None:
    incs = extract(from_text("Оккупанты обстреляли Херсон и Белозерку, погибли три человека.", date="2024-08-20"), gz)
    shelled = [i for i in incs if i.category == "shelling"]
    assert sorted(i.location_name for i in shelled) == ["Bilozerka", "Kherson"], incs
    assert sum(dict(i.counts).get("killed", 0) for i in shelled) == 3


@pytest.mark.parametrize("text, place", [
    ("Дрон атаковал автомобиль в Климово, Брянская область.", "Klimovo"),
    ("Обстріляли Вовчанськ, Харківщина.", "Vovchansk"),
])
def test_a_place_and_its_region_are_no_list(gz, text: str, place: str) -> None:
    got = _scenes(text, gz)
    assert [n for _, n in got] == [place], got


@pytest.mark.parametrize("text, names", [
    ("Обстреляли сёла Климово и Старые Юрковичи.", ["Климово", "Старые Юрковичи"]),
    ("Бои идут в селах Плехово и Гуево.", ["Плехово", "Гуево"]),
    ("Вибухи пролунали у селищах Кочубеївка та Плехово.", ["Плехово"]),
])
def test_the_locative_word_before_a_list_supports_each_name(gz, text: str, names: list[str]) -> None:
    found = [m.text for m in gz.geoparse(text) if m.resolution is not None]
    assert all(n in found for n in names), found


@pytest.mark.parametrize("text", ["Под ударом оказался Курск.", "Над городом сбит беспилотник.",
                                  "При атаке пострадал Белгород."])
def test_a_preposition_that_opens_a_sentence_is_no_place(gz, text: str) -> None:
    found = [m.text for m in gz.geoparse(text)]
    assert not any(w in found for w in ("Под", "Над", "При")), found
