"""Letter-level respellings (gazetteer.respell): kh/h, ts/tz/c, zh/j, shch/sc, Yu/Iu/U, doubled consonants,
-che/-chye. Rule cases on names picked by hand; resolution on the real gazetteer; and the guard: a derived
spelling never takes a name another place in Ukraine already has."""
from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.respell import RESPELLING_RULES, respellings

RULE_CASES = [  # (name, one respelling it must give)
    ("Khorly", "Horly"),
    ("Kharkiv", "Harkiv"),
    ("Tsyrkuny", "Tzyrkuny"),
    ("Tsyrkuny", "Cyrkuny"),
    ("Sudzha", "Sudja"),
    ("Pishchane", "Piscane"),
    ("Yunakivka", "Iunakivka"),
    ("Yunakivka", "Unakivka"),
    ("Illinivka", "Ilinivka"),
    ("Zaporizhzhia", "Zaporizhia"),
    ("Kozache", "Kozachye"),
]


@pytest.mark.parametrize("name, expected", RULE_CASES)
def test_rule_gives_the_respelling(name: str, expected: str) -> None:
    assert expected in respellings(name)


def test_every_rule_has_a_case() -> None:
    """Each rule fires on some hand-picked name above (a rule that nothing tests is not kept)."""
    names = {n for n, _ in RULE_CASES}
    for label, pat, _ in RESPELLING_RULES:
        assert any(pat.search(n) for n in names), label


def test_digraphs_stay_whole() -> None:
    """The h of sh/ch is not the h of kh; ts before a consonant is left (Donetsk)."""
    assert respellings("Shostka") == set()
    assert respellings("Chuhuiv") == set()
    assert respellings("Donetsk") == set()
    assert all("Sh" in v for v in respellings("Shevchenkove"))
    assert respellings("Kyiv") == set()                       # too short, nothing to respell


@pytest.mark.parametrize("variant, canonical", [
    ("Horly", "Khorly"),
    ("Cyrkuny", "Tsirkuny"),
    ("Tzyrkuny", "Tsirkuny"),
    ("Ilinivka", "Illinivka"),
    ("Kozachye", "Kozache"),
    ("Sudja", "Sudzha"),
    ("Iunakivka", "Yunakivka"),
    ("Hrestyshche", "Khrestishche"),
])
def test_respelling_finds_the_same_place(gz: Gazetteer, variant: str, canonical: str) -> None:
    want = gz.search(canonical, limit=1)
    got = gz.search(variant, limit=1)
    assert want and got, (variant, canonical)
    assert got[0].place_id == want[0].place_id, (got[0].name, got[0].admin1, want[0].name, want[0].admin1)


def test_respelling_never_takes_another_ukrainian_name(gz: Gazetteer) -> None:
    """Zhurivka (Kyiv oblast) would be "Jurivka", a name of Yurivka villages; Yuzhynets would be "Uzhynets",
    a village of its own: neither derived spelling is given."""
    assert "Jurivka" in respellings("Zhurivka") and "Uzhynets" in respellings("Yuzhynets")
    assert gz.search("Zhurivka", country="UA") and gz.search("Yuzhynets", country="UA")
    assert not [p for p in gz.search("Jurivka", country="UA", limit=50) if p.name == "Zhurivka"]
    assert not [p for p in gz.search("Uzhynets", country="UA", limit=50) if p.name == "Yuzhynets"]


def test_a_respelling_in_text_resolves(gz: Gazetteer) -> None:
    text = "Russian shelling hit Horly and Cyrkuny overnight, the regional administration said."
    got = {m.text: (m.resolution.place.name, m.resolution.place.country_code) for m in gz.geoparse(text)
           if m.resolution}
    assert got.get("Horly", ("", ""))[1] == "UA", got
    assert got.get("Cyrkuny") == ("Tsirkuny", "UA"), got
