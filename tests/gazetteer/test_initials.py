"""Initials of a country or first-level region ("NJ", "N.B.", "SA", "WA") in spans given from outside, read
for the countries the document is about (issue 11, general news)."""
from __future__ import annotations

from gazetteer.geometry import haversine_km
from gazetteer.initials import initials, read_initials


def _span(text: str, name: str) -> tuple[int, int]:
    i = text.index(name)
    return i, i + len(name)


def test_initials_and_their_shapes() -> None:
    assert initials("Trinidad and Tobago") == "TT"
    assert initials("New Jersey") == "NJ"
    assert read_initials("N.J.") == "NJ" and read_initials("T&T") == "TT" and read_initials("UAE") == "UAE"
    assert read_initials("Kyiv") == "" and read_initials("NATO") == "" and read_initials("nj") == ""


def test_a_state_by_its_initials_in_an_american_story(gz) -> None:
    text = "Newark police said the shooting in Paterson was the third this year. Officials in Trenton, NJ, agreed."
    r = gz.resolve_spans(text, [_span(text, "NJ")])[0]
    assert r is not None and r.place.name == "New Jersey"


def test_the_same_initials_follow_the_document_country(gz) -> None:
    text = "Fires burned near Perth and Bunbury; crews across WA were on alert, Australian officials said."
    r = gz.resolve_spans(text, [_span(text, "WA")])[0]
    assert r is not None and r.place.country_code == "AU" and haversine_km(r.lat, r.lon, -25.0, 122.0) < 800


def test_a_country_by_its_initials(gz) -> None:
    text = "Johannesburg and Durban saw protests. South Africa's unions said SA could not afford the strike."
    r = gz.resolve_spans(text, [(text.index("SA could"), text.index("SA could") + 2)])[0]
    assert r is not None and r.place.country_code == "ZA" and str(r.place.kind) == "country"


def test_initials_of_no_country_of_the_document_are_not_read(gz) -> None:
    text = "Kyiv and Kharkiv were shelled overnight; the NJ unit was not involved."
    r = gz.resolve_spans(text, [_span(text, "NJ")])[0]
    assert r is None or r.place.name != "New Jersey"
