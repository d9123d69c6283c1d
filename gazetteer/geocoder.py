"""A geopy-compatible geocoder over the bundled gazetteer (no HTTP, no network).

``GazetteerGeocoder().geocode("Korenovo, Kursk oblast")`` returns a
:class:`geopy.location.Location` (or None); ``reverse((lat, lon))`` returns the admin-1 region
and country containing the point. It follows geopy's contract so that code written for
``geopy.geocoders.Nominatim`` runs offline unchanged.
"""
from __future__ import annotations

from typing import Any

from geopy.location import Location
from geopy.point import Point

from .exc import GazetteerQueryError
from .gazetteer import Gazetteer
from .model import Resolution


def _location(res: Resolution) -> Location:
    raw: dict[str, Any] = res.as_dict()
    raw["reason"] = res.reason
    if res.geometry is not None:
        raw["geometry"] = res.geometry
    label = ", ".join(x for x in (res.place.name, res.place.admin1, res.place.country_code) if x)
    return Location(label, (res.lat, res.lon), raw)


class GazetteerGeocoder:
    """geopy-style geocoder: ``geocode(query, exactly_one=True)`` and ``reverse(query, exactly_one=True)``."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gz is None:
            self._gz = Gazetteer.default()
        return self._gz

    def geocode(self, query: str, *, exactly_one: bool = True, country_codes: str | list[str] | None = None,
                timeout: float | None = None, limit: int = 5) -> Location | list[Location] | None:
        """Geocode a place string. None when nothing matches (never raises for "no match").

        :raises GazetteerQueryError: (a geopy ``GeocoderQueryError``-like ValueError) for an empty or non-str query.
        """
        if not isinstance(query, str) or not query.strip():
            raise GazetteerQueryError("query must be a non-empty string")
        res = self.gazetteer.geocode_resolution(query)
        if res is None:
            return None
        wanted = {country_codes.upper()} if isinstance(country_codes, str) else \
            {c.upper() for c in country_codes} if country_codes else None
        results = [res]
        if not exactly_one:
            from .model import Precision
            for alt in res.alternatives[:max(0, limit - 1)]:
                p = alt.place
                results.append(Resolution(place=p, lat=p.lat, lon=p.lon,
                                          precision=int(Precision.REGION if p.is_area else Precision.TOWN),
                                          score=alt.score, reason="alternative"))
        if wanted:
            results = [r for r in results if r.place.country_code in wanted]
        if not results:
            return None
        locs = [_location(r) for r in results]
        return locs[0] if exactly_one else locs

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: float | None = None
                ) -> Location | list[Location] | None:
        """The admin-1 region (then country) containing a point given as (lat, lon), "lat, lon" or a geopy Point."""
        try:
            pt = Point(query)
        except (ValueError, TypeError) as err:
            raise GazetteerQueryError(f"not a point: {query!r}") from err
        places = self.gazetteer.reverse(pt.latitude, pt.longitude)
        if not places:
            return None
        locs = []
        for p in places:
            raw = {"place_id": p.place_id, "name": p.name, "kind": p.kind, "country_code": p.country_code,
                   "admin1": p.admin1, "admin1_code": p.admin1_code}
            label = ", ".join(x for x in (p.name if p.kind != "country" else "", p.country_code) if x) or p.name
            locs.append(Location(label, (pt.latitude, pt.longitude), raw))
        return locs[0] if exactly_one else locs
