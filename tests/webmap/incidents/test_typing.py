"""ACLED typing of the classes wire copy and monitors write in many ways: sentences written for these tests,
none copied from the development notes. Each is typed by the whole pipeline on the real gazetteer."""
from __future__ import annotations

import pytest

from webmap.incidents import triggers
from webmap.incidents.models import Article
from webmap.incidents.pipeline import extract

BATTLE, EXPLOSION, VAC, STRATEGIC = ("Battles", "Explosions/Remote violence", "Violence against civilians",
                                     "Strategic developments")

CASES = [
    # shoot-downs of manned aircraft are clashes, interceptions of missiles and drones are disrupted weapons use
    ("On 3 May, Ukrainian air defence shot down a Russian Su-34 fighter-bomber near Kupiansk.", BATTLE, "Armed clash"),
    ("A Russian Ka-52 attack helicopter was downed by Ukrainian troops near Robotyne.", BATTLE, "Armed clash"),
    ("Ukrainian forces shot down 14 Shahed drones over the Odesa region.", STRATEGIC, "Disrupted weapons use"),
    ("Air defence intercepted two cruise missiles over Kyiv oblast.", STRATEGIC, "Disrupted weapons use"),
    # two-sided armed clashes, even when artillery is named
    ("Ukrainian and Russian units exchanged fire near Krynky all day.", BATTLE, "Armed clash"),
    ("Fierce fighting with the use of artillery went on between Ukrainian and Russian forces near Bakhmut.",
     BATTLE, "Armed clash"),
    ("Russian troops attacked Ukrainian positions near Avdiivka and were repelled.", BATTLE, "Armed clash"),
    # air-strike wording
    ("Russian air units struck Siversk overnight.", EXPLOSION, "Air/drone strike"),
    ("Russian forces carried out air and artillery strikes on Vovchansk.", EXPLOSION, "Air/drone strike"),
    ("Russian warplanes dropped guided bombs on Kostiantynivka.", EXPLOSION, "Air/drone strike"),
    ("Russian artillery shelled Nikopol, damaging a school.", EXPLOSION, "Shelling/artillery/missile attack"),
    # mines and explosive remnants
    ("A tractor driver was wounded when his tractor hit a landmine near Izium.", EXPLOSION,
     "Remote explosive/landmine/IED"),
    ("Two boys were killed by an unexploded shell they found in a field near Kherson.", EXPLOSION,
     "Remote explosive/landmine/IED"),
    ("A roadside bomb exploded under a car in Melitopol, injuring an official.", EXPLOSION,
     "Remote explosive/landmine/IED"),
    # arrests and detentions
    ("The SBU arrested a resident of Mykolaiv suspected of passing targets to Russia.", STRATEGIC, "Arrests"),
    ("Police in Kharkiv detained two men suspected of sabotage.", STRATEGIC, "Arrests"),
    ("Russian soldiers abducted the village head of Bilozerka and took him to an unknown location.", VAC,
     "Abduction/forced disappearance"),
    # looting and destruction of property
    ("Russian soldiers looted homes and shops in Kupiansk before they left.", STRATEGIC,
     "Looting/property destruction"),
    ("Occupation authorities shipped stolen grain from Berdiansk port to Crimea.", STRATEGIC,
     "Looting/property destruction"),
    ("Partisans set fire to a relay cabinet on the railway near Melitopol.", STRATEGIC,
     "Looting/property destruction"),
    # non-violent transfer of territory
    ("Russian troops left Snihurivka without a fight and Ukrainian forces entered the town.", STRATEGIC,
     "Non-violent transfer of territory"),
    ("Ukrainian forces recaptured Klishchiivka after heavy fighting.", BATTLE, "Government regains territory"),
    # shooting at civilians
    ("Russian soldiers opened fire on a civilian minibus near Kherson, killing the driver.", VAC, "Attack"),
    ("A sniper shot dead a woman crossing the street in Vovchansk.", VAC, "Attack"),
    ("Russian troops shot at residents queueing for water in Bucha.", VAC, "Attack"),
]


@pytest.mark.parametrize("text,event_type,sub_event_type", CASES)
def test_typing_of_written_sentences(gz, text: str, event_type: str, sub_event_type: str) -> None:  # noqa: ANN001
    incs = extract(Article("t", text, date="2024-05-05"), gz)
    assert incs, text
    best = max(incs, key=lambda i: i.score)
    assert (best.event_type, best.sub_event_type) == (event_type, sub_event_type), \
        [(i.event_type, i.sub_event_type, i.score) for i in incs]


def test_trigger_rules_are_a_switchable_table() -> None:
    s = "Russian drones hit Odesa."
    assert any(h.kind == "drone" for h in triggers.find_hits(s))
    drone_rules = {r for r in triggers.rules_in(s) if r[0] == "drone"}
    assert drone_rules
    try:
        triggers.disable_rules(drone_rules)
        assert not any(h.kind == "drone" for h in triggers.find_hits(s))
    finally:
        triggers.disable_rules(set())
    assert any(h.kind == "drone" for h in triggers.find_hits(s))
