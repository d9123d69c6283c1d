"""Countries named as a pair or as a territory of the United States go by their parts and by "U.S.":
"Bosnia", "Trinidad", "Antigua", "U.S. Virgin Islands". The parts are alternate names: the document decides
between the country and a town of the name ("Trinidad, Cuba")."""
from __future__ import annotations


def _where(gz, text: str) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    return {m.text: (m.resolution.place.kind, m.resolution.place.country_code)
            for m in gz.geoparse(text) if m.resolution is not None}


def test_the_parts_of_a_pair_name_are_the_country(gz) -> None:
    got = _where(gz, "Floods in Trinidad: fishermen on Tobago lost boats; Bosnia sent condolences.")
    assert got["Trinidad"] == ("country", "TT") and got["Tobago"][1] == "TT" and got["Bosnia"] == ("country", "BA")
    assert _where(gz, "Voters in Antigua and in Saint Kitts went to the polls.")["Saint Kitts"] == ("country", "KN")


def test_us_territories_by_their_usual_names(gz) -> None:
    assert _where(gz, "A hurricane struck the U.S. Virgin Islands on Monday.")["U.S. Virgin Islands"][1] == "VI"


def test_a_town_of_the_name_wins_where_the_text_says_so(gz) -> None:
    assert _where(gz, "Trinidad, Cuba, is a colonial town near Cienfuegos.")["Trinidad"] == ("town", "CU")


def test_a_demonym_is_not_taken_for_a_part(gz) -> None:
    # "Turks" of Turks and Caicos Islands stays the demonym of Turkey
    got = [(m.text, m.role.value, m.resolution.place.country_code)
           for m in gz.geoparse("Turks voted in Ankara.") if m.resolution is not None]
    assert got[0] == ("Turks", "demonym", "TR")
