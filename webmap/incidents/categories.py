"""The incident categories an analyst filters by: defined once, for the extractor and the app.

Each category maps to ACLED's event_type / sub_event_type (spelled exactly as ACLED spells
them), and carries the colour and icon the map uses for its layer and legend.
"""
from __future__ import annotations

from dataclasses import dataclass

# ACLED event types (codebook, 2023 onwards).
BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
RIOTS = "Riots"


@dataclass(frozen=True, slots=True)
class Category:
    """A map category: its key, label, ACLED coding, and how the map draws it."""

    key: str
    label: str
    event_type: str
    sub_event_type: str
    colour: str          # one of folium.Icon's colours (also used for polygons, as CSS colour below)
    css_colour: str      # hex colour for polygons, heat map and legend
    icon: str            # Font Awesome 6 icon name (without "fa-")


CATEGORIES: tuple[Category, ...] = (
    Category("missile_strike", "Missile strike", EXPLOSIONS, "Shelling/artillery/missile attack",
             "red", "#d63e2a", "rocket"),
    Category("drone_strike", "Drone strike", EXPLOSIONS, "Air/drone strike",
             "orange", "#f69730", "plane-up"),
    Category("air_strike", "Air strike", EXPLOSIONS, "Air/drone strike",
             "darkred", "#a23336", "jet-fighter"),
    Category("shelling", "Shelling / artillery", EXPLOSIONS, "Shelling/artillery/missile attack",
             "beige", "#c8a27a", "burst"),
    Category("ground_assault", "Ground assault / incursion", BATTLES, "Armed clash",
             "darkblue", "#0067a3", "person-rifle"),
    Category("equipment_destroyed", "Equipment / convoy destroyed", BATTLES, "Armed clash",
             "black", "#303030", "truck"),
    Category("interception", "Air-defence interception", STRATEGIC, "Disrupted weapons use",
             "green", "#72b026", "shield-halved"),
    Category("civilian_casualties", "Civilian casualties", VIOLENCE_AGAINST_CIVILIANS, "Attack",
             "purple", "#d252b9", "user-injured"),
    Category("evacuation", "Evacuation / displacement", STRATEGIC, "Other",
             "cadetblue", "#436978", "people-arrows"),
    Category("military_site_strike", "Strike on a military site", EXPLOSIONS, "Shelling/artillery/missile attack",
             "darkpurple", "#5b396b", "crosshairs"),
    Category("political", "Political / strategic development", STRATEGIC, "Other",
             "gray", "#575757", "landmark"),
)

BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}


def get_category(key: str) -> Category:
    """The category with this key.

    :raises KeyError: for an unknown key (callers turn it into a 400 or a clear message).
    """
    return BY_KEY[key]
