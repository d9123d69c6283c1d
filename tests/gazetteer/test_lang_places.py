"""Ukrainian and Russian place names in every case, regional names and oblast adjectives, on the real gazetteer."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.inflect import REGIONS, noun_forms


def _places(gz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    """(surface, English name, kind) of each resolved place mention."""
    return [(m.text, m.resolution.place.name, m.resolution.place.kind) for m in gz.geoparse(text)
            if m.resolution is not None and m.role == "place"]


def _one(gz: Gazetteer, text: str, surface: str) -> tuple[str, str, str]:
    got = [p for p in _places(gz, text) if p[0] == surface]
    assert got, f"{surface!r} not recognised in {text!r}: {_places(gz, text)}"
    return got[0][1], got[0][2], gz.geoparse(text)[0].resolution.place.country_code


# (sentence frame with {} for the form, the form): every case of the singular, both languages
CASES_UK = {
    "Poltava": [("{} прокинулася від вибухів.", "Полтава"), ("Поблизу {} впала ракета.", "Полтави"),
                ("Ворог завдав удару по {}.", "Полтаві"), ("Окупанти атакували {} дронами.", "Полтаву"),
                ("Над {} збили ракету.", "Полтавою"), ("У {} пролунали вибухи.", "Полтаві")],
    "Kharkiv": [("{} знову під обстрілом.", "Харків"), ("Поблизу {} тривають бої.", "Харкова"),
                ("Ворог завдав удару по {}.", "Харкову"), ("Окупанти обстріляли {}.", "Харків"),
                ("Над {} збили дрон.", "Харковом"), ("У {} пролунали вибухи.", "Харкові")],
    "Kryvyi Rih": [("{} знову атакували.", "Кривий Ріг"), ("Поблизу {} впала ракета.", "Кривого Рогу"),
                   ("Ворог завдав удару по {}.", "Кривому Рогу"), ("Над {} збили ракету.", "Кривим Рогом"),
                   ("У {} загинули двоє людей.", "Кривому Розі")],
    "Velyka Novosilka": [("Село {} під обстрілом.", "Велика Новосілка"), ("Бої біля {} тривають.", "Великої Новосілки"),
                         ("Ворог наступає на {}.", "Велику Новосілку"), ("У {} поранено жінку.", "Великій Новосілці"),
                         ("Над {} збили дрон.", "Великою Новосілкою")],
    "Kyiv": [("Ворог атакував {} ракетами.", "Київ"), ("Поблизу {} збили ракету.", "Києва"),
             ("У {} пролунали вибухи.", "Києві"), ("Над {} збили дрон.", "Києвом")],
    "Sumy": [("{} під обстрілом.", "Суми"), ("Поблизу {} впав дрон.", "Сум"), ("Удар по {}.", "Сумах"),
             ("Удар по {} пошкодив школу.", "Сумам"), ("Над {} збили ракету.", "Сумами")],
    "Zaporizhzhia": [("У {} пролунали вибухи.", "Запоріжжі"), ("Удар по {}.", "Запоріжжю"),
                     ("Над {} збили ракету.", "Запоріжжям")],
}
CASES_RU = {
    "Voronezh": [("{} атаковали дроны.", "Воронеж"), ("Около {} сбили беспилотник.", "Воронежа"),
                 ("Удар по {}.", "Воронежу"), ("Над {} сбили дрон.", "Воронежем"), ("В {} слышны взрывы.", "Воронеже")],
    "Poltava": [("Около {} упала ракета.", "Полтавы"), ("Удар по {}.", "Полтаве"), ("Атака на {}.", "Полтаву"),
                ("Над {} сбили ракету.", "Полтавой")],
    "Sudzha": [("Город {} под контролем ВСУ.", "Суджа"), ("Около {} идут бои.", "Суджи"), ("В {} идут бои.", "Судже"),
               ("ВСУ вошли в {}.", "Суджу"), ("Над {} сбили дрон.", "Суджей")],
    "Kryvyi Rih": [("Около {} упала ракета.", "Кривого Рога"), ("В {} погибли двое.", "Кривом Роге"),
                   ("Над {} сбили ракету.", "Кривым Рогом")],
    "Korenevo": [("Бои в {}.", "Кореневе"), ("Около {} идут бои.", "Коренево")],
}


@pytest.mark.parametrize("name,frame,form", [(n, f, w) for n, cases in CASES_UK.items() for f, w in cases])
def test_ukrainian_cases(gz: Gazetteer, name: str, frame: str, form: str) -> None:
    got = _one(gz, frame.format(form), form)
    assert got[0] == name and got[1] in ("city", "town"), got


@pytest.mark.parametrize("name,frame,form", [(n, f, w) for n, cases in CASES_RU.items() for f, w in cases])
def test_russian_cases(gz: Gazetteer, name: str, frame: str, form: str) -> None:
    got = _one(gz, frame.format(form), form)
    assert got[0] == name and got[1] in ("city", "town"), got


OBLASTS = [  # (text, surface, English name, country)
    ("В Курской области эвакуируют жителей.", "Курской области", "Kursk", "RU"),
    ("Курская область под ударом.", "Курская область", "Kursk", "RU"),
    ("Атака на Курскую область.", "Курскую область", "Kursk", "RU"),
    ("Над Курской областью сбиты ракеты.", "Курской областью", "Kursk", "RU"),
    ("По Ростовской области выпущены ракеты.", "Ростовской области", "Rostov", "RU"),
    ("В Белгородской и Курской областях объявлена тревога.", "Белгородской", "Belgorod", "RU"),
    ("В Белгородской и Курской областях объявлена тревога.", "Курской областях", "Kursk", "RU"),
    ("Над Брянской областью сбиты дроны.", "Брянской областью", "Bryansk", "RU"),
    ("У Харківській і Сумській областях лунали вибухи.", "Харківській", "Kharkiv", "UA"),
    ("У Харківській і Сумській областях лунали вибухи.", "Сумській областях", "Sumy", "UA"),
    ("Ворог обстріляв Запорізьку область.", "Запорізьку область", "Zaporizhzhia", "UA"),
    ("Удари по Херсонській обл. тривають.", "Херсонській обл", "Kherson", "UA"),
    ("Дрони атакували Київську область.", "Київську область", "Kyiv", "UA"),
]


@pytest.mark.parametrize("text,surface,name,cc", OBLASTS)
def test_oblast_adjectives(gz: Gazetteer, text: str, surface: str, name: str, cc: str) -> None:
    ms = [m for m in gz.geoparse(text) if m.text == surface and m.resolution is not None]
    assert ms, f"{surface!r} not in {[(m.text, m.resolution) for m in gz.geoparse(text)]}"
    p = ms[0].resolution.place
    assert (p.name, p.kind, p.country_code) == (name, "admin1", cc)


REGIONAL = [
    ("На Житомирщині уламки дрона пошкодили будинок.", "Житомирщині", "Zhytomyr"),
    ("Житомирщина зазнала атаки.", "Житомирщина", "Zhytomyr"),
    ("Ворог обстріляв Харківщину.", "Харківщину", "Kharkiv"),
    ("На Сумщині загинули двоє.", "Сумщині", "Sumy"),
    ("На Донеччині тривають бої.", "Донеччині", "Donetsk"),
    ("Херсонщина під обстрілом.", "Херсонщина", "Kherson"),
    ("Над Київщиною збили дрони.", "Київщиною", "Kyiv"),
    ("На Запоріжжі окупанти обстріляли вісім сіл.", "Запоріжжі", "Zaporizhzhia"),
    ("На Харьковщине идут бои.", "Харьковщине", "Kharkiv"),
    ("На Курщині тривають бої.", "Курщині", "Kursk"),
    ("На Брянщине сбили беспилотник.", "Брянщине", "Bryansk"),
]


@pytest.mark.parametrize("text,surface,name", REGIONAL)
def test_regional_names_are_oblasts(gz: Gazetteer, text: str, surface: str, name: str) -> None:
    ms = [m for m in gz.geoparse(text) if m.text == surface and m.resolution is not None]
    assert ms, [(m.text, m.resolution) for m in gz.geoparse(text)]
    assert (ms[0].resolution.place.name, ms[0].resolution.place.kind) == (name, "admin1")


def test_every_regional_name_names_an_oblast_the_gazetteer_holds(gz: Gazetteer) -> None:
    for regional, oblast in REGIONS.items():
        admins = [e.place for e, _ in gz.index.candidates(oblast) if e.place.kind == "admin1"]
        assert admins, f"{regional} -> {oblast}: no oblast of that name in the gazetteer"


def test_zaporizhzhia_is_the_city_unless_on(gz: Gazetteer) -> None:
    assert _one(gz, "У Запоріжжі пролунали вибухи.", "Запоріжжі")[:2] == ("Zaporizhzhia", "city")
    assert _one(gz, "На Запоріжжі окупанти обстріляли села.", "Запоріжжі")[:2] == ("Zaporizhzhia", "admin1")
    assert _one(gz, "В Запорожье прогремели взрывы.", "Запорожье")[:2] == ("Zaporizhzhia", "city")


def test_russian_border_towns_have_russian_and_ukrainian_names(gz: Gazetteer) -> None:
    towns = {"Суджа": "Sudzha", "Шебекино": "Shebekino", "Грайворон": "Grayvoron", "Глушково": "Glushkovo",
             "Рыльск": "Ryl’sk", "Курчатов": "Kurchatov", "Тьоткіно": "Tëtkino", "Льгов": "L’gov",
             "Белгород": "Belgorod", "Брянск": "Bryansk", "Бєлгород": "Belgorod", "Климово": "Klimovo"}
    for ru, en in towns.items():
        names = {p.name for p in gz.search(ru)}
        assert en in names, (ru, names)


def test_inflection_never_invents_a_place(gz: Gazetteer) -> None:
    # ordinary capitalised words at a sentence start are no place, however they are declined
    text = "Сили оборони відбили атаку. Внаслідок удару постраждали люди. Ворог втратив техніку. Уночі було тихо."
    assert _places(gz, text) == []
    assert "полтава" in noun_forms("полтавою") and "харків" in noun_forms("харкова")
