"""Value objects of the incident pipeline: articles, sentences, source spans and incidents.

Every Incident carries its provenance (article id, sentence index, char offsets) so that the
map can link a popup back to the exact words of the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True, slots=True)
class Article:
    """One source text and what is known of it."""

    article_id: str
    text: str
    title: str = ""
    date: str | None = None          # ISO date (YYYY-MM-DD) of publication, if known
    url: str = ""
    source_name: str = ""            # file name or "paste" / "api"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article; start/end are char offsets into Article.text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where an incident was told: the sentence and the exact words (offsets into the article)."""

    article_id: str
    sentence_index: int
    sentence: str
    start: int                      # sentence start in the article
    end: int                        # sentence end in the article
    trigger_start: int | None = None
    trigger_end: int | None = None
    place_start: int | None = None
    place_end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class Incident:
    """One event: typed (map category + ACLED), placed, dated, counted, with every source span."""

    incident_id: str
    category: str                    # a webmap.incidents.categories key, e.g. "missile_strike"
    event_type: str                  # ACLED event_type, spelled as ACLED spells it
    sub_event_type: str              # ACLED sub_event_type
    date: str | None                 # ISO date
    date_precision: str              # "day" | "week" | "month" | "unknown"
    location_name: str               # the place as the text names it, resolved name if any
    place_id: str | None
    country_code: str | None
    admin1: str | None
    lat: float | None                # representative point
    lon: float | None
    geo_precision: int | None        # ACLED geo_precision 1..3
    score: float                     # confidence 0..1
    geometry: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)  # GeoJSON (lon, lat)
    actors: tuple[tuple[str, str], ...] = ()       # (role, name): ("actor1", "Russian forces")
    weapons: tuple[str, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()       # ("killed", 2), ("wounded", 13), ("intercepted", 53)
    sources: tuple[SourceSpan, ...] = ()
    notes: str = ""
    route: tuple[tuple[str, str, float, float], ...] = ()   # (role, name, lat, lon): an evacuation route, in order
    status: str = ""                 # evacuation or corridor: "announced" | "operating" | "failed" | "completed"
    role: str = ""                   # a route endpoint's role: "origin" | "via" | "destination"

    @property
    def counts_dict(self) -> dict[str, int]:
        return dict(self.counts)

    @property
    def source(self) -> SourceSpan | None:
        """The first (main) source span."""
        return self.sources[0] if self.sources else None
