"""Close spellings with rapidfuzz (issue 13, step 6): the region tables of the real gazetteer, the length
window that skips names too short or too long to reach the cutoff, and misspelt names geocoded."""
from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from gazetteer.geocode import FuzzyTable, _fuzzy_table, _typo_table, fuzzy_within
from gazetteer.normalize import norm
from gazetteer.tuning import FUZZY_CUTOFF, FUZZY_LIMIT


def _brute(table: FuzzyTable, key: str) -> list[str]:
    """Every name of the table scored, as difflib.get_close_matches ranks (score, then name, descending)."""
    scored = [(fuzz.ratio(key, n), n) for n in table.names]
    return [n for s, n in sorted(scored, reverse=True) if s >= FUZZY_CUTOFF][:FUZZY_LIMIT]


def _region(gz, name: str):  # noqa: ANN001, ANN202
    return next(e for e, _ in gz.index.candidates(name) if e.place.kind == "admin1" and e.place.country_code == "UA")


@pytest.mark.parametrize("key", ["karnaukivka", "chuhuiv", "kupiansk vuzlovyi", "balakliia", "izium", "lozova",
                                 "vovchansk", "pisochyn", "bezruky", "ks", "a", "novoplatonivka"])
def test_the_length_window_misses_nothing_a_full_scan_finds(gz, key: str) -> None:  # noqa: ANN001
    kharkiv = _region(gz, "Kharkiv Oblast")
    table = _fuzzy_table(gz.index, kharkiv.place.admin1_code, "")
    assert len(table.names) > 1000
    assert [n for n, _ in table.close(key)] == _brute(table, key)


def test_fuzzy_tables_are_built_once_per_region(gz) -> None:  # noqa: ANN001
    code = _region(gz, "Donetsk Oblast").place.admin1_code
    assert _fuzzy_table(gz.index, code, "") is _fuzzy_table(gz.index, code, "")
    assert _typo_table(gz.index) is _typo_table(gz.index)


def test_a_misspelt_village_is_found_inside_the_region_named_with_it(gz) -> None:  # noqa: ANN001
    kharkiv = _region(gz, "Kharkiv Oblast")
    found = fuzzy_within(gz.index, "Karnaukivka", kharkiv)
    assert found and found[0][0].place.name.startswith("Karnaukhivka")
    assert all(e.place.admin1_code == kharkiv.place.admin1_code for e, _ in found)
    r = gz.geocode_resolution("Karnaukivka, Kharkiv oblast")
    assert r is not None and r.place.name.startswith("Karnaukhivka") and r.place.admin1 == "Kharkiv"


@pytest.mark.parametrize("typo,town", [("Dontesk", "Donetsk"), ("Adiivka", "Avdiivka"), ("Bahkmut", "Bakhmut"),
                                       ("Kramatorks", "Kramatorsk"), ("Zaporizhia", "Zaporizhzhia")])
def test_misspelt_war_zone_towns(gz, typo: str, town: str) -> None:  # noqa: ANN001
    r = gz.geocode_resolution(typo)
    assert r is not None and r.place.name == town


def test_no_guess_when_nothing_is_close(gz) -> None:  # noqa: ANN001
    assert _typo_table(gz.index).close(norm("Qwertyuiop")) == []
    assert gz.geocode_resolution("Xyzzyplugh") is None
