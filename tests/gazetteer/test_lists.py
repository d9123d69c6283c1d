"""Names listed together are names of like things (issue 11, document coherence): a name listed with
states is the state, one listed with countries the country, one listed with towns the town."""
from __future__ import annotations

from gazetteer.lists import list_peers


def _res(gz, text: str, name: str):  # noqa: ANN001, ANN202
    ms = [m for m in gz.geoparse(text) if m.text == name and m.resolution]
    assert ms, f"{name} not found in {text!r}"
    return ms[-1].resolution


def test_a_name_listed_with_states_is_the_state(gz) -> None:
    r = _res(gz, "Tech firms moved jobs from western states such as California or Washington.", "Washington")
    assert str(r.place.kind) == "admin1" and r.place.country_code == "US"
    r = _res(gz, "The team flew to Alaska, Hawaii, Florida and Washington last year.", "Washington")
    assert str(r.place.kind) == "admin1"


def test_the_same_name_alone_stays_the_capital(gz) -> None:
    r = _res(gz, "Officials in Washington said the talks would resume.", "Washington")
    assert str(r.place.kind) == "city"


def test_a_name_with_its_abbreviated_state_is_no_list(gz) -> None:
    r = _res(gz, "The team flew to Alaska, Hawaii, Florida and Washington, D.C., among others.", "Washington")
    assert str(r.place.kind) == "city"


def test_a_name_listed_with_countries_is_the_country(gz) -> None:
    r = _res(gz, "Delegations from Armenia, Azerbaijan and Georgia met in Vienna.", "Georgia")
    assert str(r.place.kind) == "country" and r.place.country_code == "GE"


def test_list_peers_joins_commas_and_conjunctions_only(gz) -> None:
    text = "Shelling hit Kharkiv, Sumy and Chernihiv; later Odesa was struck."
    spans = gz.spans(text)
    peers = list_peers(text, spans)
    by_text = {s.text: s for s in spans}
    assert {t.text for t in peers[id(by_text["Sumy"])]} == {"Kharkiv", "Chernihiv"}
    assert id(by_text["Odesa"]) not in peers
