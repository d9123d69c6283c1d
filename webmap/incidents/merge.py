"""Merge the same event told several times: same category, same (or containing) place, compatible dates."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gazetteer.model import Resolution

from .models import SourceSpan

REGION_SCALE = {"ground_assault", "evacuation", "political"}


@dataclass
class Draft:
    """A mutable incident under construction (the pipeline freezes it into an Incident)."""

    article_id: str
    category: str
    event_type: str
    sub_event_type: str
    date: str | None
    date_precision: str
    date_strength: int                 # 3 explicit, 2 relative, 1 week/month, 0 the article date by default
    resolution: Resolution | None
    place_text: str
    explicit_place: bool
    score: float
    actors: list[tuple[str, str]] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sources: list[SourceSpan] = field(default_factory=list)
    paragraph: int = 0
    route: tuple[tuple[str, str, float, float], ...] = ()   # (role, name, lat, lon) of a route, origin first
    status: str = ""                   # of an evacuation or corridor: announced, operating, failed, completed
    role: str = ""                     # of a route's endpoint: origin, via, destination

    @property
    def place_id(self) -> str | None:
        return self.resolution.place.place_id if self.resolution else None


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def dates_compatible(a: Draft, b: Draft) -> bool:
    """True when two drafts can tell the same day (a default article date gives way to a told one)."""
    da, db = _d(a.date), _d(b.date)
    if da is None or db is None or da == db:
        return True
    for x, dx, dy in ((a, da, db), (b, db, da)):
        if x.date_precision == "week" and dx <= dy <= dx + timedelta(days=6):
            return True
        if x.date_precision == "month" and dx.year == dy.year and dx.month == dy.month:
            return True
        if x.date_strength == 0 and timedelta(0) <= dx - dy <= timedelta(days=7):
            return True
    return False


def _contains(big: Resolution, small: Resolution) -> bool:
    bp, sp = big.place, small.place
    if bp.kind not in ("admin1", "area"):
        return False
    return bool(sp.admin1) and sp.country_code == bp.country_code and (
        sp.admin1 == bp.name or sp.admin1 == bp.admin1 or (bool(bp.admin1_code) and sp.admin1_code == bp.admin1_code))


def same_place(a: Draft, b: Draft) -> bool:
    """Same place id, or (for region-scale categories) a region and a place inside it."""
    if a.resolution is None or b.resolution is None:
        return a.resolution is None and b.resolution is None and a.place_text.lower() == b.place_text.lower()
    if a.place_id == b.place_id:
        return True
    if a.category in REGION_SCALE and not (a.role or b.role):   # a route's endpoints stay apart
        return _contains(a.resolution, b.resolution) or _contains(b.resolution, a.resolution)
    return False


def _better_place(a: Draft, b: Draft) -> Draft:
    """The draft whose place should stand for the merged incident."""
    if a.category in REGION_SCALE and a.resolution and b.resolution:
        if _contains(b.resolution, a.resolution):
            return b
        if _contains(a.resolution, b.resolution):
            return a

    def key(x: Draft) -> tuple[Any, ...]:
        return (x.resolution is not None, x.explicit_place, -(x.resolution.precision if x.resolution else 9), x.score)
    return a if key(a) >= key(b) else b


def _absorb(a: Draft, b: Draft, seen: set[SourceSpan] | None = None) -> None:
    """Fold b into a. ``seen`` holds a's source spans (kept by merge() so that de-duplication is linear)."""
    p = _better_place(a, b)
    if p is b:
        a.resolution, a.place_text, a.explicit_place = b.resolution, b.place_text, b.explicit_place
    if (b.date_strength, b.date_precision == "day") > (a.date_strength, a.date_precision == "day"):
        a.date, a.date_precision, a.date_strength = b.date, b.date_precision, b.date_strength
    for k, v in b.counts.items():
        a.counts[k] = max(a.counts.get(k, 0), v)
    roles = {r for r, _ in a.actors}
    a.actors += [x for x in b.actors if x[0] not in roles]
    weapons = {x.lower() for x in a.weapons}
    for w in b.weapons:
        if w.lower() not in weapons:
            weapons.add(w.lower())
            a.weapons.append(w)
    if seen is None:
        seen = set(a.sources)
    for s in b.sources:
        if s not in seen:
            seen.add(s)
            a.sources.append(s)
    a.score = min(1.0, max(a.score, b.score) + 0.02)


def _place_key(d: Draft) -> tuple[str, str]:
    """Drafts with different keys are never the same place, except by containment (REGION_SCALE)."""
    if d.resolution is None:
        return ("text", d.place_text.lower())
    return ("id", str(d.place_id))


def merge(drafts: list[Draft]) -> list[Draft]:
    """Fold drafts that tell the same event into the first of them, keeping every source span.

    Each draft is compared only with the earlier incidents of its category, sub-event type and place
    (and, for region-scale categories, with those of its category that may contain it or lie inside it),
    so the time is linear in the drafts for ordinary text; the result is the same as comparing with all.
    """
    out: list[Draft] = []
    seen: list[set[SourceSpan]] = []
    by_place: dict[tuple[Any, ...], list[int]] = {}
    by_kind: dict[tuple[str, str], list[int]] = {}
    for d in drafts:
        kind = (d.category, d.sub_event_type)
        cands = by_place.get((*kind, *_place_key(d)), [])
        if d.category in REGION_SCALE:
            cands = by_kind.get(kind, [])
        for n in cands:
            o = out[n]
            if same_place(o, d) and dates_compatible(o, d) and o.route == d.route and o.role == d.role:
                _absorb(o, d, seen[n])
                break
        else:
            n = len(out)
            out.append(d)
            seen.append(set(d.sources))
            by_place.setdefault((*kind, *_place_key(d)), []).append(n)
            by_kind.setdefault(kind, []).append(n)
    return out
