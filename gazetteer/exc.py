"""Exceptions of the gazetteer package.

Our exception hierarchy::

    GazetteerError                      root of everything this package raises
    ├── GazetteerDataError (ValueError)  bundled or imported data is missing or malformed
    ├── GazetteerIndexError              the cached search index cannot be built or opened
    └── GazetteerQueryError (ValueError)  a query or input text the package cannot take
        └── GeocoderInputError           the same, raised by the geopy geocoder: also a geopy
                                         ``GeocoderQueryError`` (defined in :mod:`gazetteer.geocoder`)

This module imports nothing: geoparsing never loads geopy (its import costs more than opening the
index). Only :mod:`gazetteer.geocoder`, the geopy ``Geocoder`` subclass, imports geopy, and the
errors it raises keep geopy's semantics.
"""
from __future__ import annotations


class GazetteerError(Exception):
    """Root of every error raised by the gazetteer package."""


class GazetteerDataError(GazetteerError, ValueError):
    """Bundled or user-imported gazetteer data is missing or malformed."""


class GazetteerIndexError(GazetteerError):
    """The cached search index cannot be built, opened or read."""


class GazetteerQueryError(GazetteerError, ValueError):
    """A query or an input text that the gazetteer cannot take (empty, not text, too large)."""
