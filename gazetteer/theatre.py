"""The war zone, stated once: which countries and regions the reporting we read is about.

Every rule that treats the war's countries differently (the oblast point at its capital, the
line-of-contact bonus, fuzzy and typo-tolerant spellings, the map's region outlines, the scene
of an incident) takes its countries from here. The sets differ on purpose; each says why.
"""
from __future__ import annotations

HOME = "UA"
"""The country the war is fought in: its settlements get spelling variants and win ties between namesakes."""

BELLIGERENTS = ("UA", "RU")
"""The two sides. Villages on the line of contact lie in these countries."""

WAR_PARTIES = ("UA", "RU", "BY")
"""The belligerents and Belarus, the staging ground: their oblasts are coded at the provincial capital
(as conflict data does), and the map draws their admin-1 outlines."""

THEATRE = ("UA", "RU", "BY", "MD")
"""Every country whose towns war reporting names (Moldova for Transnistria): a misspelt town name is
looked up among these countries' towns."""

FUZZY_COUNTRIES = ("UA", "BY", "MD")
"""Countries small enough that a close spelling may be searched among all their settlements when the
text names only the country (Russia is too large for that: it takes an oblast)."""

RU_FRONT_REGIONS = frozenset({"Kursk", "Belgorod", "Bryansk", "Rostov", "Voronezh", "Krasnodar", "Crimea",
                              "Sevastopol"})
"""Russian regions on the front or the border, where war reporting places incidents."""

CAPITALS = {"UA": "Kyiv", "RU": "Moscow", "BY": "Minsk"}
"""The capital each war party's government speaks from."""


def in_war_zone(country_code: str, admin1: str, name: str) -> bool:
    """Whether a place is in the home country or in one of Russia's front and border regions."""
    return country_code == HOME or (country_code == "RU" and (any(r in admin1 for r in RU_FRONT_REGIONS)
                                                              or name in RU_FRONT_REGIONS))
