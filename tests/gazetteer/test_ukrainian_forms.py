"""The Ukrainian spellings of Russian place names, made rule by rule at build time (gazetteer.ukrainian_forms):
the rules give the spelling Ukrainian writers use for Russian towns and villages chosen here (the regional
centres, district towns and villages of the border regions, and a few further away), and the gazetteer
reads Ukrainian reports that name the border villages so, declined or romanised; a derived spelling never
takes the name of a Ukrainian village. Real gazetteer."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.ukrainian_forms import MAX_FORMS, ukrainian_forms

# (Russian name, its usual Ukrainian spelling): a list picked for the rules, none from an evaluation set
KNOWN = [
    ("Курск", "Курськ"), ("Брянск", "Брянськ"), ("Рыльск", "Рильськ"), ("Севск", "Севськ"),
    ("Трубчевск", "Трубчевськ"), ("Новошахтинск", "Новошахтинськ"), ("Липецк", "Липецьк"),
    ("Мичуринск", "Мічурінськ"), ("Белгород", "Бєлгород"), ("Ефремов", "Єфремов"),
    ("Новый Оскол", "Новий Оскол"), ("Старый Оскол", "Старий Оскол"), ("Красная Яруга", "Красна Яруга"),
    ("Верхнее", "Верхнє"), ("Новые Юрковичи", "Нові Юрковичі"), ("Старые Юрковичи", "Старі Юрковичі"),
    ("Шебекино", "Шебекине"), ("Миллерово", "Міллерове"), ("Глушково", "Глушкове"), ("Коренево", "Коренєве"),
    ("Тёткино", "Тьоткіно"), ("Теткино", "Тьоткіно"), ("Гуево", "Гуєве"), ("Плехово", "Плехове"),
    ("Кантемировка", "Кантемирівка"), ("Мартыновка", "Мартинівка"), ("Колотиловка", "Колотилівка"),
    ("Новозыбков", "Новозибков"), ("Злынка", "Злинка"), ("Щигры", "Щигри"), ("Россошь", "Россош"),
    ("Ракитное", "Ракитне"), ("Каменское", "Каменське"), ("Бессоновка", "Бессонівка"),
]


@pytest.mark.parametrize("russian, ukrainian", KNOWN)
def test_the_rules_give_the_usual_ukrainian_spelling(russian: str, ukrainian: str) -> None:
    assert ukrainian in ukrainian_forms(russian), ukrainian_forms(russian)


@pytest.mark.parametrize("name", ["Суджа", "Погар", "Льгов", "Таганрог", "Грайворон"])
def test_a_name_ukrainian_writes_alike_gives_no_other_form(name: str) -> None:
    assert ukrainian_forms(name) == []


@pytest.mark.parametrize("name", ["Київ", "Харків", "Запоріжжя", "Kursk", ""])
def test_ukrainian_or_latin_names_are_left_alone(name: str) -> None:
    assert ukrainian_forms(name) == []


def test_forms_are_bounded_and_never_the_name_itself() -> None:
    for russian, _ in KNOWN:
        forms = ukrainian_forms(russian)
        assert russian not in forms and len(forms) <= MAX_FORMS and len(set(forms)) == len(forms)


# villages of the border regions (GeoNames postal data) in Ukrainian reports, declined
@pytest.mark.parametrize("text, surface, name, region", [
    ("Дрон атакував автомобіль у селі Колотилівка.", "Колотилівка", "Kolotilovka", "Belgorod"),
    ("ЗСУ зайшли в Толпине.", "Толпине", "Tolpino", "Kursk"),
    ("Бої тривають у Плеховому.", "Плеховому", "Plekhovo", "Kursk"),
    ("Окупанти обстріляли Гуєве.", "Гуєве", "Guyevo", "Kursk"),
    ("ЗСУ увійшли в Коренєво.", "Коренєво", "Korenevo", "Kursk"),
    ("Бої тривають у Глушковому.", "Глушковому", "Glushkovo", "Kursk"),
    ("Вибухи пролунали в Бєлгороді.", "Бєлгороді", "Belgorod", "Belgorod"),
    ("Ukrainian forces entered Hlushkove on Monday.", "Hlushkove", "Glushkovo", "Kursk"),
])
def test_ukrainian_spellings_of_border_villages_resolve(gz: Gazetteer, text: str, surface: str, name: str,
                                                        region: str) -> None:
    got = [(m.text, m.resolution.place.name, m.resolution.place.admin1, m.resolution.place.country_code)
           for m in gz.geoparse(text) if m.resolution]
    assert (surface, name, region, "RU") in got, got


@pytest.mark.parametrize("text, surface", [
    ("Росіяни обстріляли Мартинівку.", "Мартинівку"),          # Мартыновка (Kursk) would be spelt so
    ("Russian forces shelled Petrivka.", "Petrivka"),            # Петровка (Kursk, Belgorod)
    ("Russian forces shelled Mykhailivka.", "Mykhailivka"),      # Михайловка
    ("Окупанти обстріляли Новоселівку.", "Новоселівку"),       # Новоселовка
])
def test_a_derived_spelling_never_takes_a_ukrainian_villages_name(gz: Gazetteer, text: str, surface: str) -> None:
    got = {m.text: m.resolution.place.country_code for m in gz.geoparse(text) if m.resolution}
    assert got.get(surface) == "UA", got
