"""The word before a village name decides whether a lone village match counts (issue 11, CIR recall):
a position word between the preposition and the name leaves the preposition in force ("in central
Trostianets"), and a name after "strike on" / "attacks against" is the place struck."""
from __future__ import annotations

import pytest

from gazetteer.filters import STRUCK, _prep
from gazetteer.recognize import tokenize


def _names(gz, text: str) -> dict[str, str]:  # noqa: ANN001
    return {m.text: m.resolution.place.name for m in gz.geoparse(text) if m.resolution}


@pytest.mark.parametrize("text, name", [
    ("Russian trucks were filmed in central Trostianets.", "Trostianets"),
    ("Fires broke out in eastern Borodianka overnight.", "Borodianka"),
    ("A TOS-1 strike on Yampil hit a substation.", "Yampil"),
    ("Renewed attacks against Kupiansk were repelled.", "Kupiansk"),
])
def test_a_lone_town_after_a_locative_phrase_is_placed(gz, text: str, name: str) -> None:
    assert name in _names(gz, text)


def test_the_word_before_is_read_past_position_words() -> None:
    toks = tokenize("trucks in central Trostianets and a strike on Yampil")
    i = next(k for k, t in enumerate(toks) if t.text == "Trostianets")
    j = next(k for k, t in enumerate(toks) if t.text == "Yampil")
    assert _prep(toks, i) == "in"
    assert _prep(toks, j) == STRUCK


def test_talks_on_a_person_are_no_strike() -> None:
    toks = tokenize("talks on Trump")
    assert _prep(toks, 2) == "on"


@pytest.mark.parametrize("text, name", [
    ("Shelling hit Orikhiv.", "Orikhiv"),
    ("Drones attacked Orikhiv overnight.", "Orikhiv"),
    ("Russian aircraft bombed Vovchansk again on Sunday.", "Vovchansk"),
    ("Guided bombs targeted Huliaipole.", "Huliaipole"),
    ("Authorities urged people to evacuate civilians from Trostianets.", "Trostianets"),
    ("Hundreds of residents fled from Vovchansk as the fighting neared.", "Vovchansk"),
    ("Troops retreated towards Orikhiv.", "Orikhiv"),
])
def test_a_lone_town_after_an_attack_verb_or_a_flight_from_is_placed(gz, text: str, name: str) -> None:
    """A town the size of Orikhiv (14,000 people) has no prominence of its own to be read without support;
    the object of an attack verb, or the place people flee from, is a place."""
    assert name in _names(gz, text)


@pytest.mark.parametrize("text, word", [
    ("A spokeswoman from Franklin said the company would comply.", "Franklin"),
    ("He took over from Bruce Forsyth in 2014.", "Bruce"),
    ("Critics attacked Zelensky over the decision.", "Zelensky"),
    ("The senator attacked Biden on Tuesday.", "Biden"),
])
def test_a_person_or_a_firm_after_from_or_attacked_stays_no_place(gz, text: str, word: str) -> None:
    assert word not in _names(gz, text)
