"""Prepare an article for display: sentences with anchors, highlighted places and triggers (as plain text)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Sequence

from ..incidents.models import Article, Incident
from ..incidents.sentences import split_sentences
from ..placenames import display_name

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text and how to show it: "" (plain), "place" or "trigger"."""

    text: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence to show: the whitespace before it, its pieces and the incidents it reports."""

    index: int
    before: str
    pieces: tuple[Piece, ...]
    incidents: tuple[Incident, ...]


def _marks(incidents: Sequence[Incident], index: int, start: int, end: int,
           article_id: str | None = None) -> list[tuple[int, int, str]]:
    marks: set[tuple[int, int, str]] = set()
    for inc in incidents:
        for src in inc.sources:
            if src.sentence_index != index or (article_id is not None and src.article_id != article_id):
                continue
            for a, b, kind in ((src.place_start, src.place_end, "place"), (src.trigger_start, src.trigger_end,
                                                                           "trigger")):
                if a is not None and b is not None and start <= a < b <= end:
                    marks.add((a, b, kind))
    chosen: list[tuple[int, int, str]] = []
    for a, b, kind in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]), m[2])):
        if not chosen or a >= chosen[-1][1]:
            chosen.append((a, b, kind))
    return chosen


def article_pieces(article: Article, incidents: Sequence[Incident]) -> tuple[list[SentenceView], str]:
    """The sentence views of an article and the text after its last sentence."""
    text = article.text
    views: list[SentenceView] = []
    pos = 0
    for s in split_sentences(article):
        own = tuple(i for i in incidents if any(src.sentence_index == s.index and src.article_id == article.article_id
                                                for src in i.sources))
        pieces: list[Piece] = []
        cur = s.start
        for a, b, kind in _marks(incidents, s.index, s.start, s.end, article.article_id):
            if a > cur:
                pieces.append(Piece(text[cur:a]))
            pieces.append(Piece(text[a:b], kind))
            cur = b
        if cur < s.end:
            pieces.append(Piece(text[cur:s.end]))
        views.append(SentenceView(s.index, text[pos:s.start], tuple(pieces), own))
        pos = s.end
    return views, text[pos:]


def candidates_for(incident: Incident, state: Any, limit: int = 12) -> list[dict[str, Any]]:
    """Places the incident's place name could be, from the bundled gazetteer: the resolver's reading
    and its alternatives first, then every other place of that name, most prominent first."""
    name = (incident.location_name or "").strip()
    if not name:
        return []
    try:
        gz = state.gazetteer
        res = gz.geocode_resolution(name)
        same_name = gz.search(name, limit=limit)
    except (ImportError, LookupError, ValueError) as err:
        log.info("no candidates for %s: %s", incident.incident_id, err)
        return []
    places = []
    if res is not None:
        places += [res.place, *(c.place for c in res.alternatives)]
    places += same_name
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for cand in places:
        if cand.place_id in seen:
            continue
        seen.add(cand.place_id)
        out.append({"place_id": cand.place_id, "name": display_name(cand), "kind": cand.kind,
                    "country": cand.country_code, "admin1": cand.admin1, "lat": cand.lat, "lon": cand.lon,
                    "population": cand.population, "current": cand.place_id == incident.place_id})
    return out[:limit]
