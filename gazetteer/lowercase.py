"""Place names written in lower case in short reports: "shelling in kharkiv overnight", "damage to mariupol
market", "drones over kyiv".

Lower case is where precision is at risk: "reading", "mobile", "nice", "bath" and "turkey" are ordinary words
before they are places. So a lower-case word is proposed as a place only when all of these hold:

- a locative preposition stands right before it ("in", "near", "outside", "to", "from", "over", "of"... or
  "on"/"against" after an attack noun: "strike on sumy");
- it is no ordinary English word (absent from the common-word table, which holds the words of Zipf 2.5 and more);
- the gazetteer knows it, and the readings kept are the safe ones: a country, a first-level region or a town of
  the war zone, a settlement near the line of contact, or a city of a million people or a capital anywhere.

Two lower-case words are tried together first ("kryvyi rih", "bila tserkva"). The spans then go through the
same filters and resolver as capitalised ones.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from . import tuning as T
from .index import Entry, Index
from .names import ALTERNATE
from .normalize import norm, strip_possessive
from .recognize import STOP, Span, Tokens
from .resolve import front_km
from .theatre import in_war_zone

# the prepositions after which a lower-case word of four letters or more may be a place (the length is in the
# pattern: "of the", "in a" never match; "uk", "rio" are not taken in lower case), and the word after it, for
# two-word names
_PREP_RE = re.compile(
    r"\b(?:in|near|at|outside|from|to|into|towards|toward|around|across|over|of|via|through|inside|within|"
    r"(?:strikes?|attacks?|assaults?|raids?|shelling|bombing|bombardment|offensive)\s+(?:on|against))"
    r" ([a-z][a-z'’]{3,}(?:-[a-z][a-z'’]*)*)(?=( [a-z][a-z'’]*)?)")


def safe_place(kind: str, cc: str, admin1: str, name: str, population: int, prom: float, flag: int,
               near_front: bool) -> bool:
    """Whether a lower-case word may name this place: a country, a war-zone region or town, a village on the
    front, or a city of a million people or a capital (by an old spelling only if the city is large)."""
    if flag == ALTERNATE and prom < T.LOWER_ALTERNATE_MIN_PROMINENCE:
        return False
    if kind == "country":
        return True
    war = in_war_zone(cc, admin1, name)
    if kind == "admin1":
        return war
    if kind not in ("city", "town", "village"):
        return False
    if war and (population >= T.LOWER_WAR_ZONE_MIN_POPULATION or near_front):
        return True
    return population >= T.LOWER_MAJOR_MIN_POPULATION or prom >= T.LOWER_CAPITAL_PROMINENCE


def safe_reading(e: Entry, flag: int) -> bool:
    """:func:`safe_place` for an index entry."""
    p = e.place
    return safe_place(p.kind, p.country_code, p.admin1 or "", p.name, p.population, e.prom, flag,
                      p.kind == "village" and front_km(p.lat, p.lon) <= T.FRONT_KM)


def lowercase_keys(rows: Iterable[tuple[str, str, str, str, str, int, float, int, float, float]]) -> set[str]:
    """The first words of the names of :func:`safe_place` places (and a hyphenated name whole), from (name key,
    kind, country, admin-1, name, population, prominence, flag, lat, lon) rows: written into the index when it
    is built, less the ordinary English words."""
    out: set[str] = set()
    for key, kind, cc, a1, name, pop, prom, flag, lat, lon in rows:
        if safe_place(kind, cc, a1, name, pop, prom, flag, kind == "village" and front_km(lat, lon) <= T.FRONT_KM):
            out.add(key.split(" ", 1)[0])
            if "-" in name:
                out.add(key.replace(" ", "-"))      # the token of "ivano-frankivsk"
    return out


def propose_lowercase(text: str, toks: Tokens, index: Index) -> list[Span]:
    """Spans for lower-case place names after a locative preposition (see the module doc)."""
    # first, cheaply (one set operation over the words): does any word start a name a lower-case word may
    # stand for? Most texts have none, and the preposition pattern is not run over them. (A possessive,
    # "kharkiv's", is found only beside another such word.)
    if index.lowercase_keys().isdisjoint(toks.words):
        return []
    matches = [(m.start(1), m.group(1), m.group(2)) for m in _PREP_RE.finditer(text)]
    if not matches:
        return []
    zipf = index.word_zipf(norm(w) for _, w, _ in matches)
    keys: list[str] = []
    cands: list[tuple[int, int, int, str, str]] = []    # (start, end of the word, end of two words, key, key2)
    for start, w1, after in matches:
        k1 = norm(w1)
        if k1 in zipf or k1 in STOP:
            continue                    # an ordinary word ("reading", "mobile") in the common-word table
        plain = strip_possessive(w1) if "'" in w1 or "’" in w1 else w1
        if plain != w1:
            k1 = norm(plain)
            after = ""                  # "kharkiv's centre": no two-word name across a possessive
        end1 = start + len(plain)
        k2, end2 = "", end1
        if after:
            w2 = after[1:]
            k2, end2 = f"{k1} {norm(w2)}", end1 + len(after)
            keys.append(k2)
        cands.append((start, end1, end2, k1, k2))
        keys.append(k1)
    if not cands:
        return []
    hits = index.lookup(keys)
    if not hits:
        return []
    ents = index.entries(p for k in keys if k in hits for p, _ in hits[k])
    spans: list[Span] = []
    starts = toks.starts
    for start, end1, end2, k1, k2 in cands:
        key, end = (k2, end2) if k2 and k2 in hits else (k1, end1)
        if key not in hits:
            continue
        kept = [(p, f) for p, f in hits[key] if p in ents
                and safe_reading(ents[p], f)]
        if not kept:
            continue
        first = bisect_left(starts, start)
        last = bisect_left(starts, end) - 1
        if first >= len(starts) or starts[first] != start:
            continue
        span = Span(start, end, text[start:end], key, kept, first, last)
        span.notes.append("lowercase")
        spans.append(span)
    return spans

