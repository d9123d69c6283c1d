"""A given span the gazetteer does not hold is not placed at a place that is only part of its name when that
part is an ordinary word ("White House") or the name is a street or a hotel named after somewhere else
("Hampton Avenue"); it goes to the document's main place instead. A facility named after its town
("Kharkiv airport") still goes to the town."""
from __future__ import annotations

from gazetteer.geometry import haversine_km


def _span(text: str, name: str) -> tuple[int, int]:
    i = text.index(name)
    return i, i + len(name)


def test_a_street_named_after_a_city_is_not_that_city(gz) -> None:
    text = "Police in St. Louis closed Hampton Avenue after the shooting. St. Louis officials said more."
    r = gz.resolve_spans(text, [_span(text, "Hampton Avenue")])[0]
    assert r is not None and haversine_km(r.lat, r.lon, 38.63, -90.20) < 50      # St. Louis, not Hampton VA


def test_an_ordinary_word_inside_a_name_is_no_place(gz) -> None:
    text = "The White House said on Monday that Washington would not respond. Washington officials agreed."
    r = gz.resolve_spans(text, [_span(text, "White House")])[0]
    assert r is None or r.place.name != "White"


def test_an_airport_is_still_placed_at_its_town(gz) -> None:
    text = "Flights to Da Nang International Airport resumed, officials in Vietnam said."
    r = gz.resolve_spans(text, [_span(text, "Da Nang International Airport")])[0]
    assert r is not None and haversine_km(r.lat, r.lon, 16.05, 108.20) < 25
