"""Exceptions of the gazetteer package.

Our exception hierarchy::

    GazetteerError                      root of everything this package raises
    ├── GazetteerDataError (ValueError)  bundled or imported data is missing or malformed
    ├── GazetteerIndexError              the cached search index cannot be built or opened
    └── GazetteerQueryError              a query or input text the package cannot take
                                         (also a geopy GeocoderQueryError and a ValueError)
"""
from __future__ import annotations

from geopy.exc import GeocoderQueryError


class GazetteerError(Exception):
    """Root of every error raised by the gazetteer package."""


class GazetteerDataError(GazetteerError, ValueError):
    """Bundled or user-imported gazetteer data is missing or malformed."""


class GazetteerIndexError(GazetteerError):
    """The cached search index cannot be built, opened or read."""


class GazetteerQueryError(GazetteerError, GeocoderQueryError, ValueError):
    """A query or an input text that the gazetteer cannot take (empty, not text, too large)."""
