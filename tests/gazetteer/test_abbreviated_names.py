"""A name whose first word is abbreviated is still the place's own name (issue 11, general news):
"St. Petersburg" is Saint Petersburg, not only an alternate name of it."""
from __future__ import annotations

from gazetteer.geometry import haversine_km
from gazetteer.resolve import _abbreviated


def test_the_rule_expands_only_a_leading_abbreviation() -> None:
    assert _abbreviated("st petersburg", "Saint Petersburg")
    assert _abbreviated("ft worth", "Fort Worth")
    assert _abbreviated("mt vernon", "Mount Vernon")
    assert not _abbreviated("st", "Saint")                    # the abbreviation alone is no name
    assert not _abbreviated("st petersburg", "St. Petersburg")   # already the same name: nothing to expand
    assert not _abbreviated("petersburg", "Saint Petersburg")


def _place(gz, text: str, name: str):  # noqa: ANN001, ANN202
    return next(m.resolution for m in gz.geoparse(text) if m.text == name and m.resolution)


def test_st_petersburg_in_a_story_about_russia_is_the_russian_city(gz) -> None:
    r = _place(gz, "Moscow said it will close the consulate in St. Petersburg and expel diplomats.", "St. Petersburg")
    assert r.place.country_code == "RU"
    assert haversine_km(r.lat, r.lon, 59.94, 30.31) < 30


def test_st_petersburg_without_context_is_the_city_of_five_million(gz) -> None:
    r = _place(gz, "The consulate in St. Petersburg closed on Friday.", "St. Petersburg")
    assert r.place.country_code == "RU"


def test_the_container_still_chooses_the_florida_namesake(gz) -> None:
    r = gz.geocode_resolution("St. Petersburg, Florida")
    assert r is not None and r.place.country_code == "US" and r.place.admin1_code == "US.FL"


def test_ft_worth_is_fort_worth(gz) -> None:
    r = gz.geocode_resolution("Ft. Worth, Texas")
    assert r is not None and r.place.name == "Fort Worth"
