"""Event detection and typing, dates, counts, actors and weapons (sentence level, no gazetteer needed)."""
from __future__ import annotations

import pytest

from webmap.incidents.actors import find_actors, find_weapons
from webmap.incidents.dates import find_cues, parse_iso, pick
from webmap.incidents.events import casualty_only, detect
from webmap.incidents.counts import find_counts, launched_by_weapon, to_int

REF = parse_iso("2024-08-11")          # a Sunday


def _types(sentence: str) -> list[tuple[str, str, str]]:
    return [(d.category, d.event_type, d.sub_event_type) for d in detect(sentence)]


@pytest.mark.parametrize("sentence,expected", [
    ("Russian forces shelled near Vesele, Donetsk.",
     ("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Russian forces launched an airstrike on Myropillia, Sumy.",
     ("air_strike", "Explosions/Remote violence", "Air/drone strike")),
    ("Russia launched 35 Shahed drones at the Odesa region.",
     ("drone_strike", "Explosions/Remote violence", "Air/drone strike")),
    ("Ukrainian forces shot down 11 Russian drones over the Odesa region.",
     ("interception", "Strategic developments", "Disrupted weapons use")),
    ("Russian forces clashed with Ukrainian forces near Bilohorivka.", ("ground_assault", "Battles", "Armed clash")),
    ("Russian forces gained control over Svitlodarsk after clashes with Ukrainian forces.",
     ("ground_assault", "Battles", "Non-state actor overtakes territory")),
    ("Following clashes, Ukrainian forces recaptured Horobivka.",
     ("ground_assault", "Battles", "Government regains territory")),
    ("A missile strike has destroyed a Ukrainian command-and-control center in the Kursk region.",
     ("military_site_strike", "Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("About 600 people were evacuated from Luhansk region to safer regions.",
     ("evacuation", "Strategic developments", "Other")),
    ("Residents protested in Nova Kakhovka against the occupation.", ("political", "Protests", "Peaceful protest")),
    ("Russian forces abducted four people in Nova Kakhovka.",
     ("civilian_casualties", "Violence against civilians", "Abduction/forced disappearance")),
    ("One civilian was wounded in an explosion of an explosive device in Balakliia.",
     ("shelling", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Russian forces looted the property of local residents in Kherson.",
     ("political", "Strategic developments", "Looting/property destruction")),
])
def test_first_event_type(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _types(sentence)[0] == expected


def test_most_decisive_event_scores_highest() -> None:
    dets = detect("Russian forces carried out air strikes and shelled Bruskynske, Kherson.")
    assert max(dets, key=lambda d: d.base).sub_event_type == "Air/drone strike"
    dets = detect("Russian forces shelled, assaulted, and were repulsed from Ukrainian positions near Spirne.")
    assert max(dets, key=lambda d: d.base).event_type == "Battles"


def test_one_sentence_many_events() -> None:
    cats = {c for c, _, _ in _types("At least four ballistic missiles slammed into the capital region along with "
                                    "57 Shahed drones, and air defenses intercepted 53 of the drones.")}
    assert cats == {"missile_strike", "drone_strike", "interception"}


@pytest.mark.parametrize("sentence", [
    'On the same day Russia’s Foreign Ministry has vowed, "A tough response from the Russian army will not be long."',
    "The US Ambassador to Ukraine Bridget Brink has condemned the statement.",
    "Western militaries may get more directly involved.",
    '"Pyrotechnic experts are still working to determine the exact data regarding this missile," he added.',
])
def test_no_event(sentence: str) -> None:
    assert detect(sentence) == []


def test_aerial_assault_is_not_a_ground_battle() -> None:
    assert all(c != "ground_assault" for c, _, _ in _types("Russia's aerial assault on Kyiv killed a man."))


def test_bare_nouns_need_a_place() -> None:
    dets = detect("A terrible reminder that Russia has not stopped its illegal invasion and its bombing of civilians.")
    assert all(d.needs_place for d in dets)


def test_casualty_only_sentences() -> None:
    assert casualty_only("Two people died.") and not casualty_only("Russian forces shelled Toretsk.")


def test_date_cues() -> None:
    def one(s: str, at: int = 0) -> tuple[str, str]:
        c = pick(find_cues(s, REF), at)
        assert c is not None
        return c.date, c.precision

    assert one("On 13 October 2022, Russian forces shelled near Zolota Nyva.") == ("2022-10-13", "day")
    assert one("The strike on August 10, 2024 hit Kyiv.") == ("2024-08-10", "day")
    assert one("A building in Kursk was hit on Sunday.") == ("2024-08-11", "day")
    assert one("Kharkiv was shelled on Friday.") == ("2024-08-09", "day")
    assert one("Kharkiv was shelled yesterday.") == ("2024-08-10", "day")
    assert one("They launched an incursion earlier this week.") == ("2024-08-05", "week")
    assert one("It began on 3 August.") == ("2024-08-03", "day")
    s = "Now in the sixth day of the Kursk invasion, Zelensky spoke on Sunday."
    assert one(s, s.index("invasion")) == ("2024-08-06", "day")
    assert one(s, s.index("spoke")) == ("2024-08-11", "day")
    assert find_cues("Missiles hit Kyiv on Sunday.", None) == []


@pytest.mark.parametrize("sentence,expected", [
    ("saying it killed a man and his four-year old boy.", {"killed": 2}),
    ("Russia launched missile attacks, killing a man and his 4-year-old son.", {"killed": 2}),
    ("with one reportedly hitting a building in Kursk on Sunday, wounding 13 according to local sources.",
     {"wounded": 13}),
    ("Tens of thousands were evacuated, with sources acknowledging some 80,000 have fled.", {"evacuated": 80000}),
    ("Many tens of thousands of Russian citizens have been evacuated.", {}),
    ("1 civilian was killed and 2 civilians were injured.", {"killed": 1, "wounded": 2}),
    ("Two people died.", {"killed": 2}),
    ("A civilian was killed.", {"killed": 1}),
    ("Ukrainian forces shelled the headquarters, killing at least 30 Russian servicemen and wounding over 20.",
     {"killed": 30, "wounded": 20}),
    ("Air defences intercepted 53 of the drones.", {"intercepted": 53}),
    ("Unspecified fatalities coded as 3.", {"killed": 3}),
    # a number word is a whole word: not the start of a longer one ("ten" in "tenacious", "an" in "and")
    ("Russian shelling killed tenacious defenders in Kupiansk.", {}),
    ("The strike killed and wounded several residents.", {}),
    ("Shelling wounded tenants of the next building; it killed seventeen civilians.", {"killed": 17}),
    ("The barrage killed 5th-floor residents.", {}),
    # "killed N people and wounded ...": N is the object of "killed", not the subject of "wounded"
    ("The attack killed 3 people and injured dozens.", {"killed": 3}),
    ("Shelling has killed more than 200 civilians and wounded thousands, medics said.", {"killed": 200}),
    ("The strike killed 10 soldiers and wounded 2 more.", {"killed": 10, "wounded": 2}),
])
def test_counts(sentence: str, expected: dict[str, int]) -> None:
    got = find_counts(sentence)
    assert {k: v for k, v in got.items() if k in expected or k in ("killed", "wounded", "evacuated")} == expected


def test_launched_by_weapon_and_number_words() -> None:
    s = "At least four ballistic missiles slammed into the region along with 57 Shahed drones; 53 drones intercepted."
    assert launched_by_weapon("At least four ballistic missiles slammed into the region along with 57 Shahed "
                              "drones.") == {"missile": 4, "drone": 57}
    assert launched_by_weapon(s)["missile"] == 4
    assert to_int("twenty-one") == 21 and to_int("80,000") == 80000 and to_int("tens of thousands") is None
    assert to_int("a dozen") == 12 and to_int("3 thousand") == 3000


def test_weapons() -> None:
    assert find_weapons("Russia used a North Korean ballistic missile.") == ["North Korean ballistic missile"]
    assert find_weapons("They destroyed a convoy of trucks carrying T-80 tanks.") == ["T-80 tanks"]
    assert find_weapons("57 Shahed drones and HIMARS rockets, glide bombs and an Iskander-M") == [
        "Shahed drones", "HIMARS rockets", "glide bombs", "Iskander-M"]


def test_actors() -> None:
    s = "The Ukrainian Army has struck and destroyed a Russian convoy of trucks near Korenovo."
    assert find_actors(s, s.index("destroyed")) == [("actor1", "Ukrainian forces"), ("actor2", "Russian forces")]
    s = "Ukrainian forces fired BM-21 Grad missiles at LPR positions in Stakhanov."
    assert find_actors(s, s.index("fired")) == [("actor1", "Ukrainian forces"), ("actor2", "LPR forces")]
