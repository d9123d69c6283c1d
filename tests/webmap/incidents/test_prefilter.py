"""Literal pre-checks: case folding as re.IGNORECASE does it, the literals a pattern needs, and on real text
no pattern skipped that would have matched (the pre-checks change speed, never output)."""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from paths import ARTICLES, ROOT, SEED
from webmap.incidents import counts, cyrillic, dates, events, nonevents, triggers
from webmap.incidents.prefilter import Gate, GateSet, fold, required
from webmap.incidents.sentences import split_sentences


@lru_cache(maxsize=1)
def real_sentences() -> list[str]:
    """Every sentence of the seed, the test articles and the Ukrainian/Russian sets shipped with the project,
    plus the same sentences upper-cased (a sentence may open with any trigger)."""
    texts = [SEED.read_text("utf-8")] + [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*"))]
    for name in ("cyrillic_dev", "cyrillic_heldout"):
        texts += [i["text"] for i in json.loads((ROOT / "benchmarks" / "data" / f"{name}.json").read_text())["items"]]
    out = [s.text for t in texts for s in split_sentences(t)]
    assert len(out) > 250
    return out + [s.upper() for s in out]


ALL_CHARS = "".join(chr(c) for c in range(0x110000))


@lru_cache(maxsize=1)
def folded_to_chars() -> dict[str, set[str]]:
    folded = fold(ALL_CHARS)
    assert len(folded) == len(ALL_CHARS)                 # one character for one: offsets hold
    out: dict[str, set[str]] = {}
    for c, f in zip(ALL_CHARS, folded):
        out.setdefault(f, set()).add(c)
    return out


@pytest.mark.parametrize("letters", ["abcdefghijklmnopqrstuvwxyz0123456789'’-",
                                     "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", "αβγδεθικμνοπρστυφχω"])
def test_fold_agrees_with_ignorecase_on_every_code_point(letters: str) -> None:
    for y in letters:
        assert set(re.findall(re.escape(y), ALL_CHARS, re.I)) == folded_to_chars()[fold(y)], y


def test_fold_of_the_odd_letters() -> None:
    assert fold("ſhelled") == "shelled" and fold("KİLLED") == "killed" and fold("\u212aILLED") == "killed"
    assert fold("Шахед") == "шахед" and fold("ASCII Text") == "ascii text"


@pytest.mark.parametrize("pattern, literals", [
    (r"\b(?:strikes?|hit(?:ting|s)?)\b", {"strike", "hit"}),
    (r"air ?strikes?", {"air strike", "airstrike"}),
    (r"(?:FAB|KAB)-\d+", {"fab-", "kab-"}),
    (r"\bkilled (?:about )?\d+", {"killed "}),
    (r"shell(?:ed|ing|s)|artillery", {"shelled", "shelling", "shells", "artillery"}),
    (r"[ -]bar", {" bar", "-bar"}),
    (r"(?-i:Grad)s?", {"grad"}),
    (r"(?:ab)+c", {"ab"}),
    (r"x(?=yz)yz", {"xyz"}),
    (r"\d+ ?mm", {"mm"}),
    (r"(?:a|\w+)b", {"b"}),
])
def test_required_literals(pattern: str, literals: set[str]) -> None:
    assert required(re.compile(pattern, re.I)) == literals


@pytest.mark.parametrize("pattern", [r"\w+", r"a?b?", r"(?:a|\d)", r"[^x]y?", r"(a?)\1"])
def test_no_literal_no_gate(pattern: str) -> None:
    gate = Gate(re.compile(pattern))
    assert gate.literals is None and gate.possible("")


def _every_gate() -> list[tuple[str, Gate]]:
    gates = [(f"trigger {k}", g) for k, g in triggers._GATES]
    gates += [(f"cyrillic {k}", Gate(p)) for k, p in cyrillic.PATTERNS.items()] + [("cyrillic mask", Gate(cyrillic._NOT_EVENT))]
    gates += [(f"count {k}", g) for k, _, g in counts._PATTERN_GATES]
    gates += [(f"launched {k}", g) for k, g in counts._LAUNCHED]
    gates += [(f"note {i}", Gate(p)) for i, (p, *_) in enumerate(events._NOTES)] + [("presence", Gate(events._PRESENCE))]
    gates += [("not-event", triggers._NOT_EVENT_GATE), ("count coded", counts._CODED_GATE),
              ("one person", counts._ONE_PERSON), ("number word", counts._NUMBER_WORD)]
    return gates


def test_every_gate_has_literals() -> None:
    """A pattern the reader cannot take literals from is always run: none of ours is such a pattern."""
    assert [n for n, g in _every_gate() if g.literals is None] == []


def test_no_gate_skips_a_match_in_real_text() -> None:
    skipped = hit = 0
    for s in real_sentences():
        f = fold(s)
        for name, gate in _every_gate():
            found = gate.pattern.search(s) is not None
            hit += found
            if not gate.possible(f):
                skipped += 1
                assert not found, (name, s)
    assert hit > 200 and skipped > 10 * hit      # the checks do skip most patterns


def test_gate_set_is_the_gates_together() -> None:
    gs = GateSet(triggers._GATES)
    count_gates = [("coded", counts._CODED_GATE), ("elsewhere", counts._CODED_ELSEWHERE), ("number", counts._NUMBER_WORD),
                   ("one", counts._ONE_PERSON)] + [(f"p{i}", g) for i, (_, _, g) in enumerate(counts._PATTERN_GATES)] \
        + [(f"v{i}", g) for i, (g, _) in enumerate(counts._VERBS)] + [(f"l{i}", g) for i, (_, g) in enumerate(counts._LAUNCHED)]
    for s in real_sentences():
        f = fold(s)
        assert gs.possible(f) == {k for k, g in triggers._GATES if g.possible(f)}, s
        assert counts._possible(s) == {k for k, g in count_gates if g.possible(f)}, s
    # overlapping literals at one place: the longest and every prefix of it count
    both = GateSet([("a", Gate(re.compile("shell"))), ("b", Gate(re.compile("shelling"))),
                    ("c", Gate(re.compile("hell"))), ("d", Gate(re.compile(r"\w+")))])
    assert both.possible(fold("Shelling")) == {"a", "b", "c", "d"}
    assert both.possible("shell") == {"a", "c", "d"} and both.possible("") == {"d"}


def test_notes_unchanged_by_the_gates() -> None:
    """detect_note with its pre-checks equals the first note pattern (then the presence pattern) that survives."""
    def ungated(s: str) -> events.Detected | None:
        for pat, cat, et, st in events._NOTES:
            m = pat.search(s)
            if m and not nonevents.sentence_veto(s, "note", m.start(), m.end()):
                return events.Detected(cat, et, st, triggers.Hit("note", m.start(), m.end(), m.group(0)), 0.35, "", True)
        w = events._PRESENCE.search(s)
        if w and not nonevents.sentence_veto(s, "note", w.start(), w.end()):
            return events.Detected("political", events.STRATEGIC, "Other", triggers.Hit("note", w.start(), w.end(),
                                                                                         w.group(0)), 0.25, "", True)
        return None
    got = [events.detect_note(s) for s in real_sentences()]
    assert got == [ungated(s) for s in real_sentences()]
    assert sum(d is not None for d in got) > 50


def test_cyrillic_triggers_unchanged_by_the_gates() -> None:
    """The Ukrainian/Russian triggers with the pre-checks equal every kind's pattern run on every sentence."""
    found = 0
    for s in real_sentences():
        masked = [(m.start(), m.end()) for m in cyrillic._NOT_EVENT.finditer(s)]
        full = []
        for kind, pat in cyrillic.PATTERNS.items():
            for m in pat.finditer(s):
                if any(a <= m.start() < b for a, b in masked) or (
                        kind not in cyrillic._NOUN_KINDS and m.group(0).lower().endswith(cyrillic._INFINITIVE)):
                    continue
                if kind != "casualty" and cyrillic._IRREALIS.search(s[max(0, m.start() - 40):m.start()]):
                    continue
                full.append(triggers.Hit(kind, m.start(), m.end(), m.group(0)))
        full.sort(key=lambda h: (h.start, cyrillic.KINDS.index(h.kind)))
        found += len(full)
        assert cyrillic.find_hits(s) == full, s
    assert found > 200


def test_date_gates_skip_no_match() -> None:
    extra = ["On 7 August 2022, Russian forces shelled Heorhiivka.", "Drones hit Sumy on Sunday and last week.",
             "It was the sixth day of the incursion, since the 6th of August.", "Reported on 2024-08-11 overnight."]
    found = 0
    for s in real_sentences() + extra + [x.upper() for x in extra]:
        possible = dates._GATES.possible(fold(s))
        for name, pat in dates._PATTERNS:
            if pat.search(s):
                found += 1
                assert name in possible, (name, s)
    assert found > 20
    assert [c.date for c in dates.find_cues("On 7 August 2022, Russian forces shelled Heorhiivka.", None)] == ["2022-08-07"]


def test_triggers_unchanged_by_the_gates() -> None:
    """find_hits with the pre-checks equals every kind's pattern run on every sentence."""
    for s in real_sentences():
        masked = [(m.start(), m.end()) for m in triggers._NOT_EVENT.finditer(s)]
        full = []
        for kind, pat in triggers.PATTERNS.items():
            for m in pat.finditer(s):
                if any(a <= m.start() < b for a, b in masked) and kind != "intercept":
                    continue
                if kind not in ("casualty", "evac") and triggers._IRREALIS.search(s[max(0, m.start() - 40):m.start()]):
                    continue
                full.append(triggers.Hit(kind, m.start(), m.end(), m.group(0)))
        full.sort(key=lambda h: (h.start, triggers.KINDS.index(h.kind)))
        assert triggers.find_hits(s) == full, s


@pytest.mark.parametrize("sentence, expected", [
    ("Two people were killed.", True), ("At least 12 were wounded.", True), ("twenty-one drones", True),
    ("A Dozen homes burned.", True), ("Someone was killed and the phone was gone.", False),
    ("Often written with attention.", False), ("Tension rose.", True), ("Civilians died in the shelling.", False), ("ſix were hurt", True),
])
def test_has_number(sentence: str, expected: bool) -> None:
    assert counts.has_number(sentence) is expected


def test_sentences_without_number_give_no_count_value() -> None:
    """Where has_number is False, every match of the number patterns is 'a', 'an', 'a single' or vague."""
    pats = [p for _, p in counts._PATTERNS] + [g.pattern for _, g in counts._LAUNCHED]
    checked = 0
    for s in real_sentences() + ["A man was killed.", "An hour later several were hurt.", "Someone killed dozens"]:
        if counts.has_number(s):
            continue
        checked += 1
        for p in pats:
            for m in p.finditer(s):
                assert counts.to_int(m.group(1)) is None or m.group(1).lower() in ("a", "an", "a single"), (s, m)
    assert checked > 50


def test_counts_with_and_without_numbers() -> None:
    assert counts.find_counts("Two people were killed and 12 wounded.") == {"killed": 2, "wounded": 12}
    assert counts.find_counts("A man was killed in the strike.") == {"killed": 1}
    assert counts.find_counts("The strike killed a man and his son.") == {"killed": 2}
    assert counts.launched_by_weapon("Russia launched 57 Shahed drones and four missiles.") == {"drone": 57,
                                                                                              "missile": 4}
    assert counts.launched_by_weapon("Russia launched drones at Kyiv.") == {}


def test_nonevent_screens_kept_per_sentence_follow_register() -> None:
    s = "The team came under fire from critics after the match."
    assert nonevents.sentence_veto(s, "strike", 19, 23)
    assert nonevents._veto_spans.cache_info().currsize > 0
    nonevents.register("en", nonevents.Screens())      # adding screens empties the kept ones
    assert nonevents._veto_spans.cache_info().currsize == 0
    assert nonevents.sentence_veto(s, "strike", 19, 23)
