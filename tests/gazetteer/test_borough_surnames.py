"""The surname of a person the text names in full is the person wherever it stands without a place's
preposition, whatever places share the name (an English borough, a French département, a town): "John
Bolton" ... "hiring Bolton", "the job went to Bolton". Only a country or a continent is never a surname, and "in
Bolton" is the place."""
from __future__ import annotations


def _places(gz, text: str) -> list[str]:  # noqa: ANN001
    return [m.text for m in gz.geoparse(text) if m.resolution is not None]


def test_the_surname_of_a_person_named_in_full_is_no_place(gz) -> None:
    text = ("WASHINGTON - The president tapped John Bolton as adviser. Aides counseled him against hiring "
            "Bolton, and the job went to Bolton anyway.")
    assert "Bolton" not in _places(gz, text)
    assert "WASHINGTON" in _places(gz, text)


def test_a_large_region_or_a_town_is_the_person_too(gz) -> None:
    # Gard is a French département, Kelly and Rozen are towns: the person named in full decides
    text = "Pope Francis tweeted his support for Charlie Gard's parents. Doctors said Gard could not be helped."
    assert "Gard" not in _places(gz, text)
    text = "Chief of staff John Kelly spoke first. Trump grew tired of Kelly's attempts, aides said, and of Kelly."
    assert "Kelly" not in _places(gz, text)


def test_after_a_place_preposition_the_surname_is_the_place(gz) -> None:
    text = "The adviser John Bolton grew up in Bolton, a town in England, and Bolton said he loved it."
    assert _places(gz, text).count("Bolton") == 1


def test_the_borough_without_the_person_is_a_place(gz) -> None:
    assert "Bolton" in _places(gz, "Flooding closed roads in Bolton and Wigan on Tuesday.")


def test_a_country_or_a_large_region_named_apart_from_the_person_stays_a_place(gz) -> None:
    text = "Senator Rick Scott said hurricane crews from Georgia reached Florida; Scott thanked Florida."
    assert "Florida" in _places(gz, text)
    text = "The singer Chris Jordan performed in Amman. Jordan welcomed the tourists, the ministry said."
    assert "Jordan" in _places(gz, text)
