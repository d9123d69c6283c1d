"""War-report spellings (gazetteer.spelling): each rule on names it was not written from, the rules'
generality measured on thousands of villages whose Ukrainian and Russian names Who's On First
both gives, and the resolver finding villages under those spellings."""
from __future__ import annotations

import csv
import gzip
import re
from importlib.resources import files

import pytest

from gazetteer import spelling
from gazetteer.normalize import norm
from gazetteer.spelling import russian_style, skeleton
from gazetteer.translit import ru_to_latin, uk_to_latin

# Every rule, with a name that is not among the examples written in the module.
RULE_CASES = [
    ("-iivka", "Dmytriivka", "Dmytreyevka"),
    ("vowel + -ivka", "Mykolaivka", "Mykolayevka"),
    ("-ivka ->", "Hryhorivka", "Hryhorovka"),
    ("adjective -e", "Zelene", "Zelenoye"),
    ("adjective -e", "Shyroke", "Shyrokoe"),
    ("-ove/-eve", "Lymanove", "Lymanovo"),
    ("-tsi", "Mamaivtsi", "Mamaivtsy"),
    ("-tsia", "Boryspilskytsia", "Boryspilskytsa"),
    ("-yi/-ii", "Svitlyi", "Svitlyy"),
    ("h -> g", "Vynohradne", "Vynogradne"),
    ("H -> G", "Hnativka", "Gnativka"),
    ("Oleks-", "Oleksiievo-Druzhkivka", "Aleksiievo-Druzhkivka"),
    ("Mykh/Myk", "Mykhailo-Larine", "Mikhailo-Larine"),
    ("ai -> ay", "Zaitseve", "Zaytseve"),
    ("i between vowels", "Novoiavorivsk", "Novoyavorivsk"),
    ("y between consonants", "Kyselivka", "Kiselivka"),
    ("ia/iu/ie", "Kamianka", "Kamyanka"),
]


def _rule_names() -> list[str]:
    return [r[0] for r in spelling.ENDING_RULES] + [r[0] for r in spelling.LETTER_RULES]


@pytest.mark.parametrize("rule,name,expected", RULE_CASES)
def test_each_rule(rule: str, name: str, expected: str) -> None:
    assert any(r.startswith(rule) or rule in r for r in _rule_names()), rule
    assert expected in russian_style(name), sorted(russian_style(name))
    assert skeleton(expected) == skeleton(name)


def test_every_rule_has_a_case() -> None:
    for r in _rule_names():
        assert any(r.startswith(rule) or rule in r for rule, _, _ in RULE_CASES), r


def test_spellings_combine_letters_and_endings() -> None:
    assert {"Alekseyevka", "Alekseevka"} <= russian_style("Oleksiivka")
    assert {"Blagodatnoye", "Blagodatnoe"} <= russian_style("Blahodatne")
    assert "Novomikhaylovka" in russian_style("Novomykhailivka")
    assert "Novoselovka" in russian_style("Novoselivka")
    assert "Krasnoe" in russian_style("Krasne")


def test_skeleton_tells_respellings_from_other_names() -> None:
    assert skeleton("Novomykhaylivka") == skeleton("Novomikhaylovka") == skeleton("Novomykhailivka")
    assert skeleton("Novotroitskoye") == skeleton("Novotroitske")
    assert skeleton("Slavyansk") != skeleton("Slavyanka")
    assert skeleton("Kramatorsk") != skeleton("Kostiantynivka")
    assert skeleton("Pokrovsk") != skeleton("Pokrovske")


def _wof_pairs() -> list[tuple[str, str]]:
    """(KMU romanisation of the Ukrainian name, BGN romanisation of the Russian name) of WOF villages."""
    path = files("gazetteer").joinpath("data", "wof_ua.tsv.gz")
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t")
                if r["placetype"] == "locality" and r["name_uk"] and r["name_ru"]]
    return [(uk_to_latin(r["name_uk"]), ru_to_latin(r["name_ru"])) for r in rows]


def test_rules_generalise_to_names_they_were_not_written_from() -> None:
    """The Russian-style spelling of ~8,000 villages, derived from their Ukrainian names alone.

    Names that appear in the module (its examples) are left out. Measured 2026-11-27: the generated
    spellings hold the Russian name's romanisation for 53 % of the villages whose two names differ (the
    rest differ in the root, Rivne/Rovno, Bilohorivka/Belogorovka, which no ending rule can give), and the
    skeletons agree for 59 %.
    """
    written = {norm(w) for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", spelling.__doc__ + " ".join(_rule_names()))}
    pairs = [(k, b) for k, b in _wof_pairs() if norm(k) != norm(b) and norm(k) not in written]
    assert len(pairs) > 5000
    generated = sum(norm(b) in {norm(v) for v in russian_style(k)} for k, b in pairs) / len(pairs)
    same_skeleton = sum(skeleton(k) == skeleton(b) for k, b in pairs) / len(pairs)
    assert generated >= 0.50, generated
    assert same_skeleton >= 0.57, same_skeleton



@pytest.mark.parametrize("query,expected,admin1", [
    ("Novoselovka, Donetsk", "Novoselivka", "Donetsk"),
    ("Krasnoye, Kharkiv", "Krasne", "Kharkiv"),
    ("Blagodatnoye, Mykolaiv", "Blahodatne", "Mykolaiv"),
    ("Alekseyevka, Sumy", "Oleksiivka", "Sumy"),
])
def test_resolver_finds_villages_under_russian_style_spellings(gz, query: str, expected: str,  # noqa: ANN001
                                                                 admin1: str) -> None:
    r = gz.geocode_resolution(query)
    assert r is not None and r.place.kind in ("village", "town", "city"), query
    assert r.place.admin1 == admin1
    assert skeleton(r.place.name) == skeleton(expected) or expected in r.place.alt_names \
        or any(skeleton(a) == skeleton(expected) for a in r.place.alt_names), (query, r.place.name)
