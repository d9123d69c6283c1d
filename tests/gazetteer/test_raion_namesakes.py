"""Namesakes inside a named district (issue 11, step 3): a raion is known by a point only, so of two
villages of one name that both lie within its reach, the one nearer its middle is taken."""
from __future__ import annotations

from gazetteer.geometry import haversine_km


def _res(gz, text: str, name: str):  # noqa: ANN001, ANN202
    return next(m.resolution for m in gz.geoparse(text) if m.text == name and m.resolution)


def test_the_raion_chooses_the_namesake_at_its_middle(gz) -> None:
    r = _res(gz, "Russian forces shelled Vesele in Bakhmut raion, Donetsk oblast.", "Vesele")
    raion = _res(gz, "Russian forces shelled Vesele in Bakhmut raion, Donetsk oblast.", "Bakhmut raion")
    assert "inside" in r.reason
    others = [c.place for c in r.alternatives if c.place.name.startswith("Vesel")]
    assert others, "the namesakes stay among the alternatives"
    d = haversine_km(r.lat, r.lon, raion.lat, raion.lon)
    assert all(d <= haversine_km(o.lat, o.lon, raion.lat, raion.lon) for o in others)


def test_the_oblast_alone_still_uses_the_other_evidence(gz) -> None:
    r = _res(gz, "Russian forces shelled Vesele, Donetsk. Soledar and Bakhmut were also shelled.", "Vesele")
    assert haversine_km(r.lat, r.lon, 48.74, 38.15) < 10      # the Vesele by Soledar
