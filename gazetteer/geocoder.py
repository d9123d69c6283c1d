"""A geopy-compatible geocoder over the bundled gazetteer (no HTTP, no network).

``GazetteerGeocoder().geocode("Korenovo, Kursk oblast")`` returns a
:class:`geopy.location.Location` (or None); ``reverse((lat, lon))`` returns the admin-1 region
and country containing the point. It follows geopy's contract so that code written for
``geopy.geocoders.Nominatim`` runs offline unchanged.
"""
from __future__ import annotations

from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderQueryError, GeocoderServiceError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .exc import GazetteerQueryError
from .gazetteer import Gazetteer
from .model import Place, Precision, Resolution



class GeocoderInputError(GazetteerQueryError, GeocoderQueryError):
    """A query the geocoder cannot take: a :class:`~gazetteer.exc.GazetteerQueryError` (so a ValueError)
    that is also geopy's ``GeocoderQueryError``, as code written for any geopy geocoder expects."""


# what an area is called in a label ("Kharkiv region, UA" beside the city "Kharkiv, Kharkiv, UA")
_AREA_WORD = {"admin1": "region", "admin2": "district"}


class OfflineAdapter(BaseSyncAdapter):
    """The HTTP adapter geopy's base class asks for. This geocoder answers from the bundled index and
    never makes a request; a call that would is an error, not a download."""

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        raise GeocoderServiceError(f"GazetteerGeocoder is offline and makes no requests ({url})")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        raise GeocoderServiceError(f"GazetteerGeocoder is offline and makes no requests ({url})")


def _label(place: Place) -> str:
    """"Sudzha, Kursk, RU"; an area says what it is ("Kursk region, RU"), so no two kinds share a label."""
    word = _AREA_WORD.get(place.kind)
    if word:
        return ", ".join(x for x in (f"{place.name} {word}", place.country_code) if x)
    admin1 = place.admin1 if place.kind not in ("country", "continent", "area") else ""
    return ", ".join(x for x in (place.name, admin1, place.country_code) if x)


def _location(res: Resolution) -> Location:
    raw: dict[str, Any] = res.as_dict()
    raw["reason"] = res.reason
    if res.geometry is not None:
        raw["geometry"] = res.geometry
    return Location(_label(res.place), (res.lat, res.lon), raw)


class GazetteerGeocoder(Geocoder):
    """A geopy geocoder over the bundled gazetteer: ``geocode(query, exactly_one=True, timeout=...)`` and
    ``reverse(query, exactly_one=True, timeout=...)`` return :class:`geopy.location.Location` objects whose
    ``raw`` holds the full record. ``timeout`` is accepted for compatibility; nothing waits on a network.

    :param gazetteer: the gazetteer to answer from (default: the process-wide one, opened on first use).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, timeout: Any = DEFAULT_SENTINEL,
                 user_agent: str | None = None) -> None:
        super().__init__(timeout=timeout, user_agent=user_agent or "incident-map-gazetteer",
                         adapter_factory=OfflineAdapter)
        self._gz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gz is None:
            self._gz = Gazetteer.default()
        return self._gz

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                country_codes: str | list[str] | None = None, limit: int = 5) -> Location | list[Location] | None:
        """Geocode a place string. None when nothing matches (never raises for "no match").

        With ``exactly_one=False``: the best reading, then the other places the string could mean, at most
        ``limit``, each once (no place twice, no two results with one label at one point).

        :raises GeocoderInputError: (a geopy ``GeocoderQueryError``, a GazetteerQueryError and a ValueError) for
            an empty or non-str query.
        """
        if not isinstance(query, str) or not query.strip():
            raise GeocoderInputError("query must be a non-empty string")
        try:
            res = self.gazetteer.geocode_resolution(query)
        except GazetteerQueryError as err:
            raise GeocoderInputError(str(err)) from err
        if res is None:
            return None
        wanted = {country_codes.upper()} if isinstance(country_codes, str) else \
            {c.upper() for c in country_codes} if country_codes else None
        results = [res]
        if not exactly_one:
            for alt in res.alternatives:
                p = alt.place
                results.append(Resolution(place=p, lat=p.lat, lon=p.lon,
                                          precision=int(Precision.REGION if p.is_area else Precision.TOWN),
                                          score=alt.score, reason="alternative"))
        if wanted:
            results = [r for r in results if r.place.country_code in wanted]
        locs: list[Location] = []
        seen: set[object] = set()
        for r in results:
            loc = _location(r)
            keys = (r.place.place_id, (loc.address, round(loc.latitude, 4), round(loc.longitude, 4)))
            if any(k in seen for k in keys):
                continue
            seen.update(keys)
            locs.append(loc)
        if not locs:
            return None
        return locs[0] if exactly_one else locs[:max(1, limit)]

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
                ) -> Location | list[Location] | None:
        """The admin-1 region (then country) containing a point given as (lat, lon), "lat, lon" or a geopy Point."""
        try:
            pt = Point(query)
        except (ValueError, TypeError) as err:
            raise GeocoderInputError(f"not a point: {query!r}") from err
        places = self.gazetteer.reverse(pt.latitude, pt.longitude)
        if not places:
            return None
        locs = []
        for p in places:
            raw = {"place_id": p.place_id, "name": p.name, "kind": p.kind, "country_code": p.country_code,
                   "admin1": p.admin1, "admin1_code": p.admin1_code}
            locs.append(Location(_label(p), (pt.latitude, pt.longitude), raw))
        return locs[0] if exactly_one else locs
