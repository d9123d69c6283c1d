"""Ukrainian and Russian reports: language, sentences with exact offsets, typed, placed, dated, counted incidents."""
from __future__ import annotations

from datetime import date

import pytest

from gazetteer import Gazetteer
from webmap.incidents.cyrillic import find_counts, find_cues, to_int
from webmap.incidents.language import article_language, detect_language, paragraph_languages
from webmap.incidents.loaders import from_text
from webmap.incidents.pipeline import extract
from webmap.incidents.sentences import split_sentences

UK = """Уночі 11 серпня російські окупанти атакували Київ балістичними ракетами та ударними БПЛА типу «Шахед». Сили ППО збили 12 дронів над Київщиною. Внаслідок атаки у Святошинському районі загинули двоє людей, ще п'ятеро поранені.

Також ворог обстріляв Харків з РСЗВ. Унаслідок удару по Харкову поранено трьох цивільних. На Донеччині тривають бої за Покровськ та Торецьк.

Евакуація з Покровська триває: за добу вивезли 300 людей."""

RU = """Ночью 11 августа ВСУ атаковали Курскую область беспилотниками. В Курчатове поврежден жилой дом, пострадали двое мирных жителей. Над Белгородской областью сбиты три ракеты.

В Судже продолжаются бои. Из приграничных районов эвакуированы более 120 тысяч человек."""


def test_language_of_article_and_paragraphs() -> None:
    assert detect_language(UK) == "uk" and detect_language(RU) == "ru"
    assert detect_language("Russian drones hit Kyiv overnight.") == "en"
    mixed = "Russian drones hit Kyiv overnight.\n\nУночі ворог атакував Київ.\n\nНочью сбиты беспилотники."
    assert [lang for _, _, lang in paragraph_languages(mixed)] == ["en", "uk", "ru"]
    assert article_language(UK + "\n\nShort English note.") == "uk"
    # no letter only one of the two languages has: the statistical detector decides
    assert detect_language("Сегодня ночью над городом сбили дроны") == "ru"
    assert detect_language("Сьогодні вночі над містом збили дрони") == "uk"


def test_cyrillic_sentences_keep_abbreviations_quotes_and_exact_offsets() -> None:
    text = ("Уночі ворог атакував Сумську обл. ударними БПЛА. У с. Тьоткіно та смт. Глушково пошкоджено будинки. "
            "«Ми почули вибух», — сказав голова громади. В. Зеленський заявив: «Росія відповість». "
            "Ночью ВСУ атаковали Курскую обл. Глушковский р-н. Пострадали двое. Харківська обл. Загинули двоє.")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Уночі ворог атакував Сумську обл. ударними БПЛА.",
        "У с. Тьоткіно та смт. Глушково пошкоджено будинки.",
        "«Ми почули вибух», — сказав голова громади.",
        "В. Зеленський заявив: «Росія відповість».",
        "Ночью ВСУ атаковали Курскую обл. Глушковский р-н.",
        "Пострадали двое.", "Харківська обл.", "Загинули двоє."]
    assert all(text[s.start:s.end] == s.text for s in sents)


def _table(text: str, gz: Gazetteer) -> list[tuple]:
    out = []
    for i in extract(from_text(text, date="2024-08-11"), gz):
        s = i.sources[0]
        out.append((i.category, i.location_name, i.date, dict(i.counts), text[s.trigger_start:s.trigger_end],
                    text[s.place_start:s.place_end] if s.place_start is not None else None))
    return out


def test_ukrainian_report(gz: Gazetteer) -> None:
    got = _table(UK, gz)
    cats = [(c, loc) for c, loc, *_ in got]
    assert ("missile_strike", "Kyiv") in cats
    assert ("interception", "Kyiv") in cats and ("shelling", "Kharkiv") in cats
    assert ("ground_assault", "Pokrovsk") in cats and ("evacuation", "Pokrovsk") in cats
    inter = next(g for g in got if g[0] == "interception")
    assert inter[3] == {"intercepted": 12} and inter[5] == "Київщиною"
    assert any(g[3].get("killed") == 2 and g[3].get("wounded") == 5 for g in got)
    assert any(g[1] == "Kharkiv" and g[3].get("wounded") == 3 for g in got)
    assert next(g for g in got if g[0] == "evacuation")[3] == {"evacuated": 300}
    assert all(g[2] == "2024-08-11" for g in got)
    kyiv = extract(from_text(UK, date="2024-08-11"), gz)[0]
    assert ("actor1", "Russian forces") in kyiv.actors and "ballistic missiles" in kyiv.weapons


def test_russian_report(gz: Gazetteer) -> None:
    got = _table(RU, gz)
    cats = [(c, loc) for c, loc, *_ in got]
    assert ("drone_strike", "Kursk") in cats and ("ground_assault", "Sudzha") in cats
    assert ("interception", "Belgorod") in cats
    assert next(g for g in got if g[0] == "interception")[3] == {"intercepted": 3}
    assert any(g[1] == "Kurchatov" and g[3] == {"wounded": 2} for g in got)
    assert next(g for g in got if g[0] == "evacuation")[3] == {"evacuated": 120000}
    first = extract(from_text(RU, date="2024-08-11"), gz)[0]
    assert ("actor1", "Ukrainian forces") in first.actors and "drones" in first.weapons


@pytest.mark.parametrize("text", [
    "У Харкові сьогодні сонячно, до +25 градусів.",
    "Футбольний клуб з Полтави переміг у матчі з командою з Києва.",
    "У Києві оголошено повітряну тривогу.",
    "В Москве прошел концерт, на который пришли тысячи зрителей.",
    "Курская область славится своими яблоками.",
    "Житель Одеси розповів про свій бізнес.",
    "В Белгороде открылась новая школа.",
    "Ворог може атакувати Київ ракетами найближчими днями.",
])
def test_a_sentence_that_only_names_a_place_is_no_incident(gz: Gazetteer, text: str) -> None:
    assert extract(from_text(text, date="2024-08-11"), gz) == []


def test_counts_in_words() -> None:
    assert find_counts("Загинули двоє людей, ще п'ятеро поранені.") == {"killed": 2, "wounded": 5}
    assert find_counts("Поранено трьох цивільних.") == {"wounded": 3}
    assert find_counts("В результате удара погибли двух человек, ранены четверо.") == {"killed": 2, "wounded": 4}
    assert find_counts("Сили ППО збили 38 з 45 дронів.") == {"intercepted": 38, "launched": 45}
    assert find_counts("Эвакуированы более 120 тысяч человек.") == {"evacuated": 120000}
    assert to_int("п’ятеро") == 5 and to_int("пятеро") == 5 and to_int("1 200") == 1200


def test_dates_in_both_languages() -> None:
    ref = date(2024, 8, 12)
    assert [c.date for c in find_cues("У ніч на 11 серпня ворог атакував Київ.", ref)] == ["2024-08-11"]
    assert [c.date for c in find_cues("11 августа 2024 года ВСУ атаковали Курск.", None)] == ["2024-08-11"]
    assert [c.date for c in find_cues("Сегодня ночью сбиты дроны.", ref)][0] == "2024-08-12"
    assert [c.date for c in find_cues("Вчора ворог обстріляв Суми.", ref)] == ["2024-08-11"]
    assert [c.date for c in find_cues("Вночі лунали вибухи.", ref)] == ["2024-08-12"]
    assert [c.date for c in find_cues("Обстріл 10.08.2024 зруйнував школу.", ref)] == ["2024-08-10"]
    # a day after the article date without a year is last year's
    assert [c.date for c in find_cues("25 грудня ворог атакував Херсон.", ref)] == ["2023-12-25"]


def test_dates_flow_into_incidents(gz: Gazetteer) -> None:
    inc = extract(from_text("Вчора ворог обстріляв Суми з артилерії.", date="2024-08-12"), gz)
    assert [(i.category, i.location_name, i.date) for i in inc] == [("shelling", "Sumy", "2024-08-11")]


def test_mixed_article_reads_each_language(gz: Gazetteer) -> None:
    text = ("Russian missiles struck Kharkiv on Sunday, killing two people.\n\n"
            "Уночі ворог атакував Одесу ударними дронами.")
    cats = {(i.category, i.location_name) for i in extract(from_text(text, date="2024-08-11"), gz)}
    assert ("missile_strike", "Kharkiv") in cats and ("drone_strike", "Odesa") in cats
