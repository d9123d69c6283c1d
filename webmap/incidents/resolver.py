"""What the extraction pipeline and the web app use of a gazetteer, as a typed seam.

:class:`gazetteer.Gazetteer` satisfies :class:`PlaceResolver`; webmap types every gazetteer it
receives with it, so a call of a method the gazetteer does not have (``gazetteer.geocode``) is a
type error, not a runtime surprise. Add a method here only when webmap needs it and the gazetteer
has it.
"""
from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from gazetteer.model import Mention, Place, Resolution


@runtime_checkable
class PlaceResolver(Protocol):
    """The gazetteer as webmap sees it."""

    def geoparse(self, text: str) -> list[Mention]:
        """Every place mention of the text, in order, resolved where possible."""
        ...

    def geocode_resolution(self, query: str) -> Resolution | None:
        """A place as people write it ("Sudzha, Kursk oblast"), or None when unknown."""
        ...

    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        ...

    def geometry(self, place_id: str) -> dict[str, Any] | None:
        """The GeoJSON geometry of an area (None for a point place)."""
        ...

    def search(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places called ``name``, most prominent first."""
        ...

    def reverse(self, lat: float, lon: float) -> list[Place]:
        """The admin-1 region and the country containing the point."""
        ...
