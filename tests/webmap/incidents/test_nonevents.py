"""No incident without an event: sentences that name a place but tell no war event give no war incident,
while war sentences written the same way still do. Sentences written for these tests; the real gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents.events import detect
from webmap.incidents.models import Article
from webmap.incidents.nonevents import document_is_war, sentence_veto
from webmap.incidents.pipeline import extract

WAR_CATEGORIES = {"missile_strike", "drone_strike", "air_strike", "shelling", "ground_assault", "equipment_destroyed",
                  "interception", "civilian_casualties", "evacuation", "military_site_strike"}


def _incidents(gz, text: str):  # noqa: ANN001, ANN202
    return extract(Article("t", text, date="2024-08-20"), gz)


NON_EVENTS = [
    # a place named, nothing happened
    "The weather in Lviv was sunny.",
    "Kharkiv's metro reopened on Monday.",
    "Dnipro won 2-1 against Shakhtar.",
    "Dnipro won 2-1 against Shakhtar in Kyiv on Sunday, with two goals in the second half.",
    "Satellite image of a sports centre in Chernihiv.",
    "Bread prices rose sharply in Kherson last month.",
    "A new exhibition of Ukrainian painting opened in Odesa.",
    # weather and disaster wording that uses war verbs
    "A storm hit Odesa on Tuesday, killing two people.",
    "Heavy flooding displaced 300 families near Uzhhorod.",
    "An earthquake struck eastern Turkey, destroying dozens of homes in Malatya.",
    # disease and animals
    "Farmers in Poltava culled 2,000 hogs after an outbreak of African swine fever.",
    "Dead wild birds were found near Odesa and tested for avian flu.",
    "Three people died of cholera in Mykolaiv after the water supply was contaminated.",
    "The virus has killed 12 people in Zhytomyr since March.",
    # accidents
    "Three people died in a car crash near Zhytomyr.",
    "Two miners were killed in an accident at a mine in Pavlohrad.",
    # figurative
    "The minister came under fire from critics in Kyiv over the budget.",
    "The opposition launched an attack on the policy in Kyiv.",
    "Vinnytsia was the worst hit by the flu this winter.",
    "The Lviv fire chief said the alarm was false.",
    "Kroger is recalling shelled pistachios sold in Ohio.",
]


@pytest.mark.parametrize("text", NON_EVENTS)
def test_non_events_give_no_war_incident(gz, text: str) -> None:  # noqa: ANN001
    incs = _incidents(gz, text)
    assert not [i for i in incs if i.category in WAR_CATEGORIES], [(i.category, i.location_name) for i in incs]


@pytest.mark.parametrize("text", NON_EVENTS[:7])
def test_a_sentence_that_merely_names_a_place_is_no_incident(gz, text: str) -> None:  # noqa: ANN001
    assert _incidents(gz, text) == []


WAR = [
    ("Russian forces shelled Chasiv Yar on Tuesday.", "shelling"),
    ("Two civilians were killed in Kharkiv.", "civilian_casualties"),
    ("Russian drones hit Odesa, killing two people.", "drone_strike"),
    ("A Russian missile struck a hospital in Kryvyi Rih; patients were evacuated.", "missile_strike"),
    ("Ukrainian troops came under heavy fire near Vovchansk.", None),
    ("A glide bomb hit a sports stadium in Kharkiv.", "air_strike"),
    ("Residents fled Pokrovsk as Russian forces advanced.", None),
]


@pytest.mark.parametrize("text,category", WAR)
def test_war_sentences_written_alike_still_give_incidents(gz, text: str, category: str | None) -> None:  # noqa: ANN001
    incs = [i for i in _incidents(gz, text) if i.category in WAR_CATEGORIES]
    assert incs, text
    if category:
        assert category in {i.category for i in incs}


def test_document_gate_weighs_topic_against_war_words() -> None:
    outbreak = ("Health officials in Kenya said the cholera outbreak has killed 40 people. The disease spread "
                "through contaminated water, and hundreds of patients were infected. Troops helped deliver aid.")
    assert not document_is_war(outbreak)
    strike = ("Russian missiles and drones struck Kyiv overnight. Air defence shot down 20 drones. A hospital was "
              "hit and patients were evacuated, officials said.")
    assert document_is_war(strike)
    assert document_is_war("Residential building damaged in Kharkiv.")          # short war report: no topic words


def test_sentence_veto_keeps_weapon_triggers() -> None:
    s = "A storm of missiles hit Kharkiv."
    i = s.index("hit")
    assert sentence_veto("A storm hit Kharkiv.", "strike", 8, 11)
    assert not sentence_veto(s, "strike", i, i + 3, strong=True)


def test_arrests_and_riots_are_typed_as_acled_codes_them() -> None:
    [d] = detect("The SBU arrested a man in Odesa suspected of spying for Russia.")
    assert (d.event_type, d.sub_event_type) == ("Strategic developments", "Arrests")
    subs = {d.sub_event_type for d in detect("Police detained 70 protesters in Tbilisi.")}
    assert "Arrests" in subs and "Abduction/forced disappearance" not in subs
    [d] = detect("Protesters clashed with riot police in Tbilisi.")
    assert (d.event_type, d.sub_event_type) == ("Riots", "Violent demonstration")
    [d] = [x for x in detect("Russian forces detained three civilians in Kherson.") if x.event_type != "Strategic developments"]
    assert d.sub_event_type == "Abduction/forced disappearance"
