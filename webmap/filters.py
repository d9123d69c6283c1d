"""The one filter set shared by the map page, the JSON API and the exports, parsed from URL arguments.

Arguments (all optional, carried in the URL so a view can be shared):
``category`` (repeatable or comma-separated category keys), ``event_type`` (ACLED event types),
``date_from`` / ``date_to`` (YYYY-MM-DD, inclusive), ``article`` (article id), ``country`` (ISO 3166-1
alpha-2), ``region`` (admin-1 name), ``precision`` (repeatable 1..3), ``q`` (text search in the
sentence, the place and the article title), ``bbox`` (w,s,e,n degrees), ``within`` (a gazetteer area id).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Iterable, Mapping

from .incidents.categories import BY_KEY, CATEGORIES

EVENT_TYPES = tuple(sorted({c.event_type for c in CATEGORIES}))


class FilterError(ValueError):
    """A filter argument that cannot be understood; the message names the bad value."""


# Every URL argument the pages and the API understand: the filters below, then the arguments of views
# (the map's focus, the export's download, paging). A parameter not listed here is refused with 400
# naming it. A new filter or view argument is added here, in this one place (or with register_params).
FILTER_PARAMS = ["category", "event_type", "date_from", "date_to", "article", "country", "region", "precision", "q",
                 "bbox", "within"]
VIEW_PARAMS = ["focus", "download", "limit", "offset", "cursor"]


def quoted(names: Iterable[str]) -> str:
    """Names for a message: 'a', 'b' (cut to 40 characters, not escaped: messages are data, escaped on output)."""
    return ", ".join(f"'{str(n)[:40]}'" for n in names)


def register_params(*names: str) -> None:
    """Declare more known URL arguments (for a view that reads its own)."""
    VIEW_PARAMS.extend(n for n in names if n not in VIEW_PARAMS)


def check_params(args: Any) -> None:
    """:raises FilterError: naming every argument that no page or API view understands."""
    keys = list(args.keys()) if hasattr(args, "keys") else []
    unknown = sorted({str(k) for k in keys} - set(FILTER_PARAMS) - set(VIEW_PARAMS))
    if unknown:
        raise FilterError(f"unknown parameter(s) {quoted(unknown)} "
                          f"(known: {', '.join(FILTER_PARAMS + VIEW_PARAMS)})")


@dataclass(frozen=True, slots=True)
class Filters:
    """A parsed, validated filter set (empty fields mean no restriction)."""

    categories: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    article: str | None = None
    country: str | None = None
    region: str | None = None
    precision: tuple[int, ...] = ()
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None   # w, s, e, n (lon/lat degrees)
    within: str | None = None                                 # a gazetteer area id, e.g. ne1:UA-63

    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return not any(getattr(self, f.name) for f in fields(self))

    def to_args(self) -> list[tuple[str, str]]:
        """The URL arguments that parse back to these filters (for links and the download buttons)."""
        out: list[tuple[str, str]] = [("category", c) for c in self.categories]
        out += [("event_type", t) for t in self.event_types]
        for name in ("date_from", "date_to", "article", "country", "region", "q"):
            value = getattr(self, name)
            if value:
                out.append((name, value))
        out += [("precision", str(p)) for p in self.precision]
        if self.bbox:
            out.append(("bbox", ",".join(f"{v:g}" for v in self.bbox)))
        if self.within:
            out.append(("within", self.within))
        return out


def _getlist(args: Any, name: str) -> list[str]:
    """All values of ``name`` (MultiDict or plain mapping), comma lists split, blanks dropped."""
    if hasattr(args, "getlist"):
        raw = args.getlist(name)
    else:
        value = args.get(name)
        raw = [] if value is None else (list(value) if isinstance(value, (list, tuple)) else [value])
    out: list[str] = []
    for item in raw:
        out += [part.strip() for part in str(item).split(",") if part.strip()]
    return out


def _one(args: Any, name: str) -> str | None:
    values = _getlist(args, name) if name != "q" else [str(args.get(name) or "").strip()]
    values = [v for v in values if v]
    return values[-1] if values else None


def _iso_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_date(value, name)
    except ValueError:
        return _bad_date(value, name)


def _bad_date(value: str, name: str) -> str:
    raise FilterError(f"{name}: malformed date {value!r} (expected YYYY-MM-DD)")


def _dedupe(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(items))


def _bbox(args: Any) -> tuple[float, float, float, float] | None:
    """``bbox=w,s,e,n`` in degrees (w > e crosses the antimeridian); None when absent."""
    raw = args.get("bbox") if hasattr(args, "get") else None
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else None
    if raw is None or not str(raw).strip():
        return None
    parts = str(raw).split(",")
    try:
        w, s, e, n = (float(v) for v in parts)
    except ValueError:
        raise FilterError(f"bbox: bad value {str(raw)[:60]!r} (expected w,s,e,n in degrees)") from None
    if not all(math.isfinite(v) for v in (w, s, e, n)) or not (-180 <= w <= 180 and -180 <= e <= 180
                                                              and -90 <= s <= n <= 90):
        raise FilterError(f"bbox: bad value {str(raw)[:60]!r} (expected w,s,e,n with -180..180, -90 <= s <= n <= 90)")
    return (w, s, e, n)


def region_by_name(name: str) -> tuple[str, str] | None:
    """(area id, admin-1 name) of the region of the gazetteer named ``name`` in any of its names (English,
    Ukrainian, Russian: "Харківська область", "Харьковская область", "Kharkiv Oblast", "Харківщина"), or of the
    region with that area id; None when no region has that name."""
    from gazetteer import Gazetteer
    from gazetteer.model import PlaceKind
    gz = Gazetteer.default()
    if ":" in name:
        p = gz.get(name.strip())
        return (p.place_id, p.admin1 or p.name) if p is not None and p.kind == PlaceKind.ADMIN1 else None
    for p in gz.search(name.strip(), limit=50):
        if p.kind == PlaceKind.ADMIN1:
            return p.place_id, p.admin1 or p.name
    return None


def parse_filters(args: Mapping[str, Any] | Any) -> Filters:
    """Filters from request arguments.

    :raises FilterError: for an unknown parameter, category or event type, a malformed date, a bad precision.
    """
    check_params(args)
    cats = _getlist(args, "category")
    for c in cats:
        if c not in BY_KEY:
            raise FilterError(f"category: unknown category {c!r} (known: {', '.join(BY_KEY)})")
    types = _getlist(args, "event_type")
    for t in types:
        if t not in EVENT_TYPES:
            raise FilterError(f"event_type: unknown ACLED event type {t!r} (known: {'; '.join(EVENT_TYPES)})")
    precision: list[int] = []
    for p in _getlist(args, "precision"):
        if p not in ("1", "2", "3"):
            raise FilterError(f"precision: bad value {p!r} (expected 1, 2 or 3)")
        precision.append(int(p))
    date_from = _iso_date(_one(args, "date_from"), "date_from")
    date_to = _iso_date(_one(args, "date_to"), "date_to")
    if date_from and date_to and date_from > date_to:
        raise FilterError(f"date_from {date_from!r} is after date_to {date_to!r}")
    country = _one(args, "country")
    if country is not None:
        if len(country) != 2 or not country.isalpha():
            raise FilterError(f"country: bad value {country!r} (expected an ISO 3166-1 alpha-2 code)")
        country = country.upper()
    q = _one(args, "q")
    bbox = _bbox(args)
    within = _one(args, "within")
    if within is not None and len(within) <= 128 and ":" not in within and within.strip():
        area = region_by_name(within)                 # a region's name in any language: its area id
        if area is None:
            raise FilterError(f"within: unknown region {within[:40]!r} (expected a region's name or a gazetteer "
                              "area id, e.g. 'ne1:UA-63')")
        within = area[0]
    if within is not None and (len(within) > 128 or not re.fullmatch(r"[\w:.-]+", within)):
        raise FilterError(f"within: bad region id {within[:40]!r} (expected a gazetteer area id, e.g. 'ne1:UA-63')")
    region = _one(args, "region")
    if region is not None and len(region) <= 128 and (":" in region or re.search("[\u0400-\u04ff]", region)):
        named = region_by_name(region)                # "Харківська область", "ne1:UA-63" -> "Kharkiv"
        region = named[1] if named is not None else region
    return Filters(categories=_dedupe(cats), event_types=_dedupe(types), date_from=date_from, date_to=date_to,
                   article=_one(args, "article"), country=country, region=region,
                   precision=_dedupe(sorted(precision)), q=q[:200] if q else None, bbox=bbox, within=within)
