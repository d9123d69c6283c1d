"""Every country and territory of more than 50,000 people has its demonym ("Salvadoran", "Ivorian",
"Saint Lucian"), read as a demonym of that country."""
from __future__ import annotations

from gazetteer.names import DEMONYM


def test_every_country_has_a_demonym(gz) -> None:
    rows = gz.index._con().execute("SELECT pid, name FROM place WHERE kind = 'country' AND cc != '' AND pop > 50000")
    countries = dict(rows.fetchall())
    with_demonym = {pid for (pid,) in gz.index._con().execute("SELECT DISTINCT pid FROM name WHERE flag = ?", (DEMONYM,))}
    missing = sorted(name for pid, name in countries.items() if pid not in with_demonym)
    assert len(countries) > 200
    assert missing == []


def test_demonyms_of_small_countries_are_read(gz) -> None:
    text = "Salvadoran migrants, a Saint Lucian minister and Ivorian, Bahamian and Fijian officials met."
    got = {m.text: (m.role.value, m.resolution.place.country_code) for m in gz.geoparse(text) if m.resolution}
    assert got == {"Salvadoran": ("demonym", "SV"), "Saint Lucian": ("demonym", "LC"), "Ivorian": ("demonym", "CI"),
                   "Bahamian": ("demonym", "BS"), "Fijian": ("demonym", "FJ")}
