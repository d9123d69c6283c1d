"""Lower-case place names in short reports: a war-zone town, a country or a large city after a locative
preposition is a place; an ordinary English word that is also a place name ("reading", "bath", "nice",
"mobile", "turkey") is not, and neither is a lower-case name without a preposition."""
from __future__ import annotations

import pytest


def _places(gz, text: str) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    return {m.text: (m.resolution.place.name, m.resolution.place.country_code)
            for m in gz.geoparse(text) if m.resolution is not None}


@pytest.mark.parametrize(("text", "name", "place"), [
    ("damage to mariupol market after the strike", "mariupol", "Mariupol"),
    ("shelling in kharkiv overnight, two wounded", "kharkiv", "Kharkiv"),
    ("drones over kyiv again tonight", "kyiv", "Kyiv"),
    ("a missile strike on sumy killed two", "sumy", "Sumy"),
    ("residents of kryvyi rih reported explosions", "kryvyi rih", "Kryvyi Rih"),
    ("families fled from zaporizhzhia to dnipro", "zaporizhzhia", "Zaporizhzhia"),
    ("power is back in ivano-frankivsk", "ivano-frankivsk", "Ivano-Frankivsk"),
    ("he flew to london then on to moscow", "london", "London"),
])
def test_a_lower_case_war_zone_town_or_large_city_after_a_preposition_is_a_place(gz, text, name, place) -> None:
    assert _places(gz, text).get(name, ("",))[0] == place


def test_a_small_war_zone_village_on_the_front_in_lower_case(gz) -> None:
    got = _places(gz, "heavy fighting near robotyne and in avdiivka")
    assert got.get("robotyne", ("",))[1] == "UA" and got.get("avdiivka", ("",))[1] == "UA"


@pytest.mark.parametrize("text", [
    "residents of reading and bath said the nice weather helped the mobile clinic",
    "we had turkey in the oven, then went to nice places in china",
    "kharkiv mariupol kyiv",                                  # no preposition: not taken in lower case
    "the report came in late and moved to orange alert",
    "prices rose in march and fell in may",
])
def test_ordinary_lower_case_words_stay_words(gz, text) -> None:
    assert _places(gz, text) == {}


def test_a_lower_case_small_town_far_from_the_war_is_not_taken(gz) -> None:
    # Bolton (England, 140,000 people) is no war-zone town, no capital, no city of a million
    assert _places(gz, "the parcel was sent to bolton yesterday") == {}
