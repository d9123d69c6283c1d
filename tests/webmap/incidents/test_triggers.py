"""The trigger table's rules: one scan of a pattern's source splits it into rules and checks its groups."""
from __future__ import annotations

import re

from webmap.incidents import triggers
from webmap.incidents.triggers import _balanced, split_rules


def test_split_rules_at_top_level_bars_only() -> None:
    assert split_rules(r"\b(?:a|b(?:c|d)|[|(]e|\(f)\b") == [r"\b(?:a)\b", r"\b(?:b(?:c|d))\b", r"\b(?:[|(]e)\b",
                                                              r"\b(?:\(f)\b"]
    assert split_rules(r"\b(?:a|b)\b|c[)]") == [r"\b(?:a)\b", r"\b(?:b)\b", "c[)]"]
    # "\b(?:a)|(?:b)\b" is two alternatives, not a group to open: kept whole
    assert split_rules(r"\b(?:a)|(?:b)\b") == [r"\b(?:a)", r"(?:b)\b"]


def test_balanced() -> None:
    assert _balanced(r"a(?:b|c)\)[(]") and not _balanced(r"a)|(b") and not _balanced("(a")


def test_rules_match_what_the_kind_matches() -> None:
    """Every kind's rules are balanced and, joined, are exactly the pattern the kind runs."""
    for kind, rules in triggers.RULES.items():
        assert rules and all(_balanced(r) for r in rules), kind
        whole = re.compile("|".join(rules), re.I)
        assert whole.pattern == triggers.PATTERNS[kind].pattern
    assert len(triggers.RULES["drone"]) > 5
    assert triggers.rules_in("Russian drones struck Kyiv.") >= {("drone", 0)}


def test_one_kind_one_coding_in_every_language() -> None:
    """A trigger's kind gives the same category, ACLED types and base score in English, Ukrainian and Russian
    (one function, events.detected, types them all)."""
    from webmap.incidents import cyrillic, events

    def coding(ds: list[events.Detected]) -> list[tuple[str, str, str, float, str]]:
        return [(d.category, d.event_type, d.sub_event_type, d.base, d.trigger.kind) for d in ds]

    drones = [("drone_strike", "Explosions/Remote violence", "Air/drone strike", events.PRIORITY["drone"], "drone")]
    assert coding(events.detect("Overnight Russia attacked Kyiv with attack drones.")) == drones
    assert coding(cyrillic.detect("Уночі ворог атакував Київ ударними дронами.")) == drones
    assert coding(cyrillic.detect("Ночью противник атаковал Киев беспилотниками.")) == drones
    shelled = coding(events.detect("Russian forces shelled Kherson, killing two people."))
    assert shelled == coding(cyrillic.detect("Уночі ворог обстріляв Херсон, загинули двоє людей."))
    assert [c[0] for c in shelled] == ["shelling", "civilian_casualties"]
    hit = triggers.Hit("strike", 0, 6, "strike")
    assert events.detected("strike", hit).category == "shelling"
    assert events.detected("vac", hit, sub_event_type="Attack").event_type == "Violence against civilians"


def test_language_tables_share_one_shape() -> None:
    """lang_uk and lang_ru hold the same tables (read together by cyrillic's one set of helpers)."""
    from webmap.incidents import cyrillic, lang_ru, lang_uk

    def names(m: object) -> set[str]:
        return {n for n in vars(m) if n.isupper() and not n.startswith("_") and n != "A"}

    assert names(lang_uk) == names(lang_ru) >= {"TRIGGERS", "NUMBERS", "MONTHS", "RELATIVE", "WEEKDAYS", "SIDES",
                                                 "WEAPONS", "NOTES"}
    assert set(lang_uk.TRIGGERS) == set(lang_ru.TRIGGERS) == set(cyrillic.KINDS)
    assert cyrillic._MONTHS["серпня"] == cyrillic._MONTHS["августа"] == 8
    assert cyrillic._NUMWORDS["п'ять"] == cyrillic._NUMWORDS["пять"] == 5
    assert [n for _, n in cyrillic._SIDES][:2] == [n for _, n in lang_uk.SIDES][:2]
