"""Place strings as analysts write them (issue 11): misspellings, facilities named after their town,
and a city that must not lose to a village carrying its population by mistake."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("query,name,admin1", [
    ("Adiivka", "Avdiivka", "Donetsk"),          # one letter dropped: Avdiivka, not Kadiivka (first letter kept)
    ("Kadiivka", "Kadiyivka", "Luhansk"),
    ("Dontesk", "Donetsk", "Donetsk"),
    ("Kramatorsk railway station", "Kramatorsk", "Donetsk"),
    ("Sviatogorsk Lavra", "Svyatogorsk", "Donetsk"),
    ("Mykolaiv", "Mykolaiv", "Mykolaiv"),       # the city, not WOF's duplicate with the city's population
])
def test_place_strings(gz, query: str, name: str, admin1: str) -> None:  # noqa: ANN001
    r = gz.geocode_resolution(query)
    assert r is not None and r.place.admin1 == admin1, (query, r and (r.place.name, r.place.admin1))
    assert r.place.name == name or name in r.place.alt_names


def test_a_facility_named_after_a_town_elsewhere_is_not_placed_at_the_town(gz) -> None:  # noqa: ANN001
    # the Zaporizhzhia nuclear power plant is at Enerhodar, 50 km from Zaporizhzhia: no guess from its name
    r = gz.geocode_resolution("Zaporizhzhia nuclear power plant")
    assert r is None or r.place.name != "Zaporizhzhia" or r.place.kind != "city"
