"""Resolve spans given from outside (gold toponyms, a user's selection) in their document."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import tuning as T
from .initials import by_initials
from .model import Precision, Resolution
from .names import DEMONYM
from .normalize import norm, strip_possessive
from .recognize import STOP, tokenize
from .resolve import make_resolution, score_candidates

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

_LEADING = ("the ", "The ")


def _focus(mentions: list) -> Resolution | None:
    """The document's main settlement (most mentioned), else its main region."""
    best: Resolution | None = None
    count: dict[str, int] = {}
    for m in mentions:
        r = m.resolution
        if r is None or m.role != "place":
            continue
        count[r.place.place_id] = count.get(r.place.place_id, 0) + (2 if r.precision == 1 else 1)
        if best is None or count[r.place.place_id] > count[best.place.place_id]:
            best = r
    return best


def resolve_given(gz: "Gazetteer", text: str, spans: list[tuple[int, int]]) -> list[Resolution | None]:
    """Resolutions for each (start, end), using the document's own mentions as context."""
    mentions = gz.geoparse(text)
    by_span = {(m.start, m.end): m for m in mentions}
    doc_spans = gz.spans(text)
    _, ctx = _doc_context(gz, doc_spans)
    focus = _focus(mentions)
    out: list[Resolution | None] = []
    for start, end in spans:
        if not (0 <= start < end <= len(text)):
            out.append(None)
            continue
        m = by_span.get((start, end)) or next(
            (m for m in mentions if m.start <= start and end <= m.end and m.resolution), None) or next(
            (m for m in mentions if start <= m.start and m.end <= end and m.resolution
             and m.role != "embedded"), None)       # "Royal" of "Royal Street" is not where it is
        if m is not None and m.resolution is not None:
            out.append(m.resolution)
            continue
        out.append(_by_initials(gz, text[start:end], ctx) or _resolve_surface(gz, text[start:end], ctx)
                   or _degrade(focus))
    return out


def _by_initials(gz: "Gazetteer", surface: str, ctx) -> Resolution | None:  # noqa: ANN001
    """"NJ", "T&T", "N.B.": a country or first-level region of the document's countries with those initials."""
    e = by_initials(gz.index, surface, ctx)
    if e is None:
        return None
    return make_resolution(gz.index, [(1.0, e, f"initials of {e.place.name}")], strength=T.INITIALS_STRENGTH)


def _doc_context(gz: "Gazetteer", spans: list):
    hits = {id(s): gz.hits(s) for s in spans}
    best = {}
    for s in spans:
        if hits[id(s)]:
            best[id(s)] = score_candidates(hits[id(s)], qualifier=s.qualifier)[0][1]
    return best, gz.context(spans, best)


def _resolve_surface(gz: "Gazetteer", surface: str, ctx) -> Resolution | None:
    surface = strip_possessive(surface.strip())
    for p in _LEADING:
        if surface.startswith(p):
            surface = surface[len(p):]
    keys = [norm(surface)]
    toks = [t.key for t in tokenize(surface)]
    # longest known sub-sequence ("Frenchmen Street" -> nothing; "Greater Kyiv area" -> "kyiv")
    for n in range(len(toks) - 1, 0, -1):
        for i in range(0, len(toks) - n + 1):
            keys.append(" ".join(toks[i:i + n]))
    found = gz.index.lookup(k for k in keys if k not in STOP)
    for k in keys:
        if k in found:
            ents = gz.index.entries(p for p, _ in found[k])
            hits = [(ents[p], f) for p, f in found[k] if p in ents]
            demonyms = [h for h in hits if h[1] == DEMONYM]
            ranked = score_candidates(demonyms or hits, context=ctx, key=k)
            if k != keys[0]:
                # a part of a longer unknown name ("Royal Street", "Brands Hatch") counts only if it is
                # a prominent place or one the document is about, and not when the name is a street or a
                # hotel named after a place elsewhere ("Hampton Avenue", "Percy French Hotel") or the part
                # is an ordinary word ("White House", "Grand Central")
                if _named_after(toks) or gz.index.word_zipf([k]).get(k, 0.0) >= T.COMMON_PART_ZIPF:
                    return None
                e = ranked[0][1]
                if e.prom < T.PART_MIN_PROMINENCE and not ctx.share_country(e.place.country_code, k) > T.PART_MIN_COUNTRY_SHARE:
                    continue
            strength = 1.0 if k == keys[0] else T.PART_STRENGTH
            return make_resolution(gz.index, ranked, strength=strength)
    return None


# a street, a hotel, an embassy is named after a place elsewhere more often than not: its part is no answer
# (an airport, a station, a theatre or a hospital is usually in the town it is named after: not listed)
NAMED_AFTER_TAILS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
                               "square", "hotel", "restaurant", "tower", "house", "embassy", "lagoon"})


def _named_after(toks: list[str]) -> bool:
    """Whether the name is a street, a hotel or an embassy ("Hampton Avenue", "Trump Tower", "Russian Embassy")."""
    return len(toks) > 1 and (toks[-1] in NAMED_AFTER_TAILS or toks[0] in NAMED_AFTER_TAILS)


def _degrade(focus: Resolution | None) -> Resolution | None:
    """An unknown name (a street, a building) placed at the document's focus, with low confidence."""
    if focus is None:
        return None
    return Resolution(place=focus.place, lat=focus.lat, lon=focus.lon, precision=int(Precision.NEAR),
                      score=T.UNKNOWN_NAME_SCORE, reason="unknown name: placed at the document's main place",
                      qualifier="within", geometry=None, alternatives=())
