"""The incident categories an analyst filters by: defined once, for the extractor and the app.

Each category maps to ACLED's event_type / sub_event_type (spelled exactly as ACLED spells
them), and carries the colour and icon the map uses for its layer and legend.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# ACLED event types (codebook, 2023 onwards).
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
RIOTS = "Riots"


class CategoryKey(StrEnum):
    """The key of each category (each equal to its plain string, as stored and sent in URLs)."""

    MISSILE_STRIKE = "missile_strike"
    DRONE_STRIKE = "drone_strike"
    AIR_STRIKE = "air_strike"
    SHELLING = "shelling"
    GROUND_ASSAULT = "ground_assault"
    EQUIPMENT_DESTROYED = "equipment_destroyed"
    INTERCEPTION = "interception"
    CIVILIAN_CASUALTIES = "civilian_casualties"
    EVACUATION = "evacuation"
    MILITARY_SITE_STRIKE = "military_site_strike"
    POLITICAL = "political"


@dataclass(frozen=True, slots=True)
class Category:
    """A map category: its key, label, ACLED coding, and how the map draws it."""

    key: CategoryKey     # a plain string is turned into its CategoryKey (an unknown one is a ValueError)
    label: str
    event_type: str
    sub_event_type: str
    colour: str          # one of folium.Icon's colours (also used for polygons, as CSS colour below)
    css_colour: str      # hex colour for polygons, heat map and legend
    icon: str            # Font Awesome 6 icon name (without "fa-")

    def __post_init__(self) -> None:
        if type(self.key) is not CategoryKey:
            object.__setattr__(self, "key", CategoryKey(self.key))


CATEGORIES: tuple[Category, ...] = (
    Category(CategoryKey.MISSILE_STRIKE, "Missile strike", EXPLOSIONS, "Shelling/artillery/missile attack",
             "red", "#d63e2a", "rocket"),
    Category(CategoryKey.DRONE_STRIKE, "Drone strike", EXPLOSIONS, "Air/drone strike",
             "orange", "#f69730", "plane-up"),
    Category(CategoryKey.AIR_STRIKE, "Air strike", EXPLOSIONS, "Air/drone strike",
             "darkred", "#a23336", "jet-fighter"),
    Category(CategoryKey.SHELLING, "Shelling / artillery", EXPLOSIONS, "Shelling/artillery/missile attack",
             "beige", "#c8a27a", "burst"),
    Category(CategoryKey.GROUND_ASSAULT, "Ground assault / incursion", BATTLES, "Armed clash",
             "darkblue", "#0067a3", "person-rifle"),
    Category(CategoryKey.EQUIPMENT_DESTROYED, "Equipment / convoy destroyed", BATTLES, "Armed clash",
             "black", "#303030", "truck"),
    Category(CategoryKey.INTERCEPTION, "Air-defence interception", STRATEGIC, "Disrupted weapons use",
             "green", "#72b026", "shield-halved"),
    Category(CategoryKey.CIVILIAN_CASUALTIES, "Civilian casualties", VIOLENCE_AGAINST_CIVILIANS, "Attack",
             "purple", "#d252b9", "user-injured"),
    Category(CategoryKey.EVACUATION, "Evacuation / displacement", STRATEGIC, "Other",
             "cadetblue", "#436978", "people-arrows"),
    Category(CategoryKey.MILITARY_SITE_STRIKE, "Strike on a military site", EXPLOSIONS, "Shelling/artillery/missile attack",
             "darkpurple", "#5b396b", "crosshairs"),
    Category(CategoryKey.POLITICAL, "Political / strategic development", STRATEGIC, "Other",
             "gray", "#575757", "landmark"),
)

BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}


def get_category(key: str) -> Category:
    """The category with this key.

    :raises KeyError: for an unknown key (callers turn it into a 400 or a clear message).
    """
    return BY_KEY[key]
