"""Ukrainian and Russian non-event screens: weather, disasters, accidents, household fires, crime, disease,
sport, culture, prices and figurative uses of war verbs yield no incident, on the real pipeline and gazetteer;
war reports that name the same places still do."""
from __future__ import annotations

from pathlib import Path

import pytest

from webmap.incidents.loaders import from_text
from webmap.incidents.nonevents import document_is_war, sentence_veto
from webmap.incidents.pipeline import extract

NONEVENTS = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "cyrillic_nonevents.tsv"


def _rows() -> list[tuple[str, str, str]]:
    out = []
    for line in NONEVENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, topic, text = line.split("\t")
            out.append((lang, topic, text))
    return out


def _placed(text: str, gz) -> list:
    return [i for i in extract(from_text(text, date="2024-11-20"), gz) if i.lat is not None]


def test_the_set_covers_both_languages_and_every_topic() -> None:
    rows = _rows()
    assert len(rows) >= 40
    assert {lang for lang, _, _ in rows} == {"uk", "ru"}
    assert {t for _, t, _ in rows} >= {"weather", "accident", "fire", "crime", "disease", "sport", "culture",
                                       "prices", "figurative", "animals"}


@pytest.mark.parametrize("lang, topic, text", _rows())
def test_non_event_sentences_yield_no_incident(gz, lang: str, topic: str, text: str) -> None:
    assert _placed(text, gz) == []


@pytest.mark.parametrize("text, category, place", [
    # the same places and verbs in war reports: still incidents
    ("Ракетний удар по Києву: пошкоджено багатоповерхівку, загинули двоє людей.", "missile_strike", "Kyiv"),
    ("Окупанти обстріляли Херсон з артилерії, поранено водія автобуса.", "shelling", "Kherson"),
    ("Після атаки дронів у Харкові сталася пожежа на підприємстві.", "drone_strike", "Kharkiv"),
    ("Беспилотник ВСУ атаковал автомобиль в Белгороде, ранен водитель.", "drone_strike", "Belgorod"),
    ("Над Брянской областью ночью сбиты шесть беспилотников.", "interception", "Bryansk"),
    ("В Курске после удара ракетами ATACMS начался пожар, погиб человек.", "missile_strike", "Kursk"),
    ("Росіяни вдарили по Сумах керованими авіабомбами, загинула жінка.", "air_strike", "Sumy"),
    ("Дрон попал в квартиру в Белгороде, пострадала женщина.", "drone_strike", "Belgorod"),
    ("Ракета влучила в багатоповерхівку в Харкові, зруйновано квартири.", "missile_strike", "Kharkiv"),
    ("Из Суджи эвакуировали 200 беженцев.", "evacuation", "Sudzha"),
    ("Після обстрілу Херсона загинули двоє людей.", "shelling", "Kherson"),
])
def test_war_reports_with_the_same_words_still_yield_incidents(gz, text: str, category: str, place: str) -> None:
    got = {(i.category, i.location_name) for i in _placed(text, gz)}
    assert (category, place) in got, got


def test_screens_by_question() -> None:
    s = "Шторм ударит по Москве в ближайшие часы."
    i = s.index("ударит")
    assert sentence_veto(s, "strike", i, i + len("ударит"))                      # figurative
    s = "Один человек погиб при пожаре в общежитии."
    i = s.index("погиб")
    assert sentence_veto(s, "casualty", i, i + 5)                               # a non-war cause, no war word
    s = "Один человек погиб при атаке дрона на общежитие."
    assert not sentence_veto(s, "casualty", i, i + 5)                           # a war word: a war casualty
    s = "Дрон атакував притулок, загинули сім собак."
    i = s.index("загинули")
    assert sentence_veto(s, "casualty", i, i + len("загинули"))                 # animal victims
    assert not document_is_war("Прогноз погоди: у Києві мороз, сніг і ожеледиця, синоптики радять не виїжджати.")
    assert document_is_war("Окупанти обстріляли Нікополь з артилерії.")
