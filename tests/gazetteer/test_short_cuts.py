"""Short cuts before patterns: the literal pre-check before the qualifier patterns ("suburbs of", "near",
"north of") and the ASCII check before the Cyrillic one. Each skips a search only where the pattern cannot
match (they change speed, never output)."""
from __future__ import annotations

import re

from paths import ARTICLES, SEEDS
from gazetteer.inflect import _AREA_WORD, _CITY_OKRUG, _CYR, _RAION_WORD, area_qualifier, is_cyrillic_key
from gazetteer.normalize import norm
from gazetteer.filters import BEFORE_QUALIFIERS, IGNORECASE_ODD_LETTERS, QUALIFIER_LITERALS, may_qualify
from webmap.incidents.prefilter import required

ALL_CHARS = "".join(chr(c) for c in range(0x110000))


def test_literals_are_what_the_patterns_need() -> None:
    """Read from the patterns by the webmap pre-checks' reader: every pattern needs one of the literals."""
    needed = set().union(*(required(rx) for rx, _ in BEFORE_QUALIFIERS))
    assert needed == set(QUALIFIER_LITERALS)


def test_lower_agrees_with_ignorecase_on_every_code_point() -> None:
    """Every character re.IGNORECASE takes for a letter of the literals lowers to that letter, or is one of
    the odd letters (then the gate lets the window through)."""
    letters = set("".join(QUALIFIER_LITERALS)) - {" "}
    odd = set()
    for y in sorted(letters):
        for c in re.findall(re.escape(y), ALL_CHARS, re.I):
            if c.lower() != y:
                odd.add(c)
    assert odd == set(IGNORECASE_ODD_LETTERS)            # "ı", "İ", "ſ"; the Kelvin sign lowers to k
    assert re.findall(" ", ALL_CHARS, re.I) == [" "]


def test_odd_letters_pass_the_gate() -> None:
    for window in ("in the ſuburbs of ", "outſide ", "the vıcınıty of ", "NORTH-WEST OF ", "in the OUTSKİRTS of ",
                   "the outs\u212airts of "):
        assert any(rx.search(window) for rx, _ in BEFORE_QUALIFIERS), window
        assert may_qualify(window), window


def test_gate_never_skips_a_match_in_real_text() -> None:
    """Before every word of the seed and test articles, and of the same text upper-cased."""
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text("utf-8", errors="replace") for p in sorted(ARTICLES.glob("*")) if p.is_file()]
    texts += [t.upper() for t in texts]
    found = skipped = 0
    for text in texts:
        for m in re.finditer(r"\w+", text):
            window = text[max(0, m.start() - 40):m.start()]
            hit = any(rx.search(window) for rx, _ in BEFORE_QUALIFIERS)
            found += hit
            if not may_qualify(window):
                skipped += 1
                assert not hit, window
    assert found > 10 and skipped > 50 * found


def test_gate_passes_every_qualifier_phrase() -> None:
    phrases = ["in the suburbs of the city of ", "on the outskirts of ", "a suburb of ", "near the village of ",
               "nearby ", "close to ", "outside of ", "around the ", "in the vicinity of ", "not far from ",
               "north of ", "south-western ", "northeast of the ", "east ", "western "]
    for phrase in phrases:
        for window in (phrase, phrase.upper(), phrase.title(), "Shelling hit houses " + phrase):
            assert any(rx.search(window) for rx, _ in BEFORE_QUALIFIERS), window
            assert may_qualify(window), window


def test_cyrillic_key_check_agrees_with_its_pattern_on_every_code_point() -> None:
    """The ASCII short cut of ``is_cyrillic_key`` answers as the pattern does, one character at a time and on
    mixed keys."""
    for c in ALL_CHARS:
        assert is_cyrillic_key(c) == (_CYR.search(c) is not None), hex(ord(c))
    assert is_cyrillic_key("kyiv київ") and not is_cyrillic_key("kyiv") and not is_cyrillic_key("kÿiv")


def test_area_qualifier_short_cut_for_ascii() -> None:
    """An ASCII name gets no Cyrillic area qualifier: no ending or area word it is checked for is ASCII, and
    the normalised ASCII surface stays ASCII; the Cyrillic ones still get theirs."""
    assert all(not w.isascii() for w in ("область", "обл", "краи", "округ", "раион"))
    for rx in (_AREA_WORD, _RAION_WORD, _CITY_OKRUG):      # anchored; each alternative opens with a Cyrillic letter
        assert rx.pattern.startswith("^(?:") and rx.pattern.endswith(")$") and not rx.flags & re.I
        alternatives = rx.pattern.removeprefix("^(?:").removesuffix(")$").split("|")
        assert all(not a[0].isascii() for a in alternatives), rx.pattern
    assert norm("".join(chr(c) for c in range(128))).isascii()
    assert area_qualifier("kursk oblast", "Kursk oblast") == "" and area_qualifier("kursk", "Kursk") == ""
    assert area_qualifier("курская область", "Курской области") == "region"
    assert area_qualifier("рыльскии раион", "Рыльского района") == "district"
