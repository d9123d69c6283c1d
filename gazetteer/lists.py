"""Lists of places: names coordinated in one list are names of like things.

"Trips to Saipan, Guam, Alaska, Hawaii, Florida and Washington", "western states such as California or
Washington": a name listed with states is the state; one listed with countries the country; one listed with
cities the city. The resolver gives a candidate of the kind (and country) of its list-mates a bonus.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .index import Entry
    from .recognize import Span

# what may stand between two names of one list: a comma, "and", "or", "&", ", and", "as well as"
# (in Ukrainian and Russian: і, й, та, а також, або, чи; и, а также, или)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:(?:and|or|і|й|та|и|а також|а также|або|чи|или)\s+)?"
                       r"|\s(?:and|or|&|as well as|nor|і|й|та|и|а також|а также|або|чи|или)\s)\s*", re.I)


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][a-z]{1,4}\.|[A-Z]{2,3}")


def _container_pair(text: str, a: "Span", b: "Span") -> bool:
    """"Washington, D.C.", "Portland, Ore.", "Columbia, SC": a name and its abbreviated state, no list."""
    return text[a.end:b.start].strip() == "," and _ABBREVIATION.fullmatch(b.text) is not None


def list_peers(text: str, spans: list["Span"]) -> dict[int, list["Span"]]:
    """id(span) -> the other spans of its list (two or more names joined by commas, "and", "or")."""
    ordered = sorted(spans, key=lambda s: s.start)
    paired = {id(x) for a, b in zip(ordered, ordered[1:]) if _container_pair(text, a, b) for x in (a, b)}
    ordered = [s for s in ordered if id(s) not in paired]
    groups: list[list[Span]] = []
    prev: Span | None = None
    for s in ordered:
        joined = (prev is not None and prev.end <= s.start and s.container is not prev and prev.container is not s
                  and _LIST_GAP.fullmatch(text[prev.end:s.start]) is not None)
        if joined and groups:
            groups[-1].append(s)
        else:
            groups.append([s])
        prev = s
    out: dict[int, list[Span]] = {}
    for g in groups:
        if len(g) > 1:
            for s in g:
                out[id(s)] = [t for t in g if t is not s]
    return out


def same_kind(e: "Entry", mates: list["Entry"]) -> float:
    """Share of the list-mates whose place is of the candidate's kind (and, below countries, its country)."""
    if not mates:
        return 0.0
    p = e.place
    same = sum(1 for m in mates if m.place.kind == p.kind
               and (p.kind in ("country", "continent") or m.place.country_code == p.country_code))
    return same / len(mates)
