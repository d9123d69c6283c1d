"""Evacuation routes on the folium map: one line per route, origin to destination, with arrowheads.

A separate layer ("Evacuation routes") so it can be switched off; drawn with core Leaflet only (polyline and
a rotated text arrow in a div icon), nothing loaded from outside. Names are escaped: they come from articles.
"""
from __future__ import annotations

import html
import math
from typing import Sequence

import folium

from .incidents.categories import BY_KEY
from .incidents.geojson import line_points
from .incidents.models import Incident

LAYER_NAME = "Evacuation routes"
_STATUS_DASH = {"announced": "6 8", "failed": "2 6"}


def _text(value: str) -> str:
    """Article text for a tooltip: HTML-escaped, and braces as entities (folium compiles what its elements
    render as Jinja templates, so a "{{" from an article must never reach it)."""
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial compass bearing in degrees (0 = north, clockwise) from the first point to the second."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(y, x)) + 360.0) % 360.0


def _arrow(lat: float, lon: float, deg: float, colour: str) -> folium.Marker:
    # "➤" points east (90 degrees); rotate it to the bearing of the leg it ends
    icon = folium.DivIcon(html=(f'<div class="route-arrow" style="transform: rotate({deg - 90:.1f}deg); '
                                f'color: {colour}; font-size: 18px; line-height: 18px;">&#10148;</div>'),
                          icon_size=(18, 18), icon_anchor=(9, 9), class_name="route-arrow-icon")
    return folium.Marker((lat, lon), icon=icon, interactive=False)


def add_routes(m: folium.Map, incidents: Sequence[Incident]) -> folium.FeatureGroup | None:
    """Draw every incident with a route as a directed line in its own layer; None when there is none."""
    routes = [i for i in incidents if len(i.route) >= 2 or len(line_points(i.geometry)) >= 2]
    if not routes:
        return None
    fg = folium.FeatureGroup(name=f"{LAYER_NAME} ({len(routes)})", overlay=True, control=True, show=True)
    colour = BY_KEY["evacuation"].css_colour if "evacuation" in BY_KEY else "#436978"
    for inc in routes:
        if inc.route:
            pts = [(lat, lon) for _, _, lat, lon in inc.route]
            label = " → ".join(f"{_text(name)} ({_text(role)})" for role, name, _, _ in inc.route)
        else:                                   # read back from a store: the line is kept, the roles are not
            pts = line_points(inc.geometry)
            label = _text(inc.location_name or "")
        status = _text(inc.status or "")
        folium.PolyLine(pts, color=colour, weight=4, opacity=0.85, dash_array=_STATUS_DASH.get(inc.status),
                        tooltip=f"Evacuation route{': ' + status if status else ''}<br>{label}").add_to(fg)
        for (a, b) in zip(pts, pts[1:]):
            _arrow(b[0], b[1], bearing(a[0], a[1], b[0], b[1]), colour).add_to(fg)
    fg.add_to(m)
    return fg
