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
