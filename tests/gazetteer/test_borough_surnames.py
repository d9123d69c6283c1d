"""A person's surname that is also the name of a small first-level unit (English boroughs are Natural Earth
admin-1 units: Bolton, Sutton, Bury) is the person once the text has named the person in full."""
from __future__ import annotations


def _places(gz, text: str) -> list[str]:  # noqa: ANN001
    return [m.text for m in gz.geoparse(text) if m.resolution is not None]


def test_the_surname_of_a_person_named_in_full_is_no_place(gz) -> None:
    text = ("WASHINGTON - The president tapped John Bolton as adviser. Aides counseled him against hiring "
            "Bolton, and the job went to Bolton anyway.")
    assert "Bolton" not in _places(gz, text)
    assert "WASHINGTON" in _places(gz, text)


def test_the_borough_without_the_person_is_a_place(gz) -> None:
    assert "Bolton" in _places(gz, "Flooding closed roads in Bolton and Wigan on Tuesday.")


def test_a_large_region_named_like_a_person_stays_a_place(gz) -> None:
    text = "Senator Rick Scott said hurricane crews from Georgia reached Florida; Scott thanked Florida."
    assert "Florida" in _places(gz, text)
