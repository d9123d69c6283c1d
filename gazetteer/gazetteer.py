"""The Gazetteer: geoparse text, resolve given spans, geocode place strings, reverse-geocode."""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Iterable, Sequence

from . import tuning as T
from .border import just_outside
from .cache import default_index_path
from .exc import GazetteerQueryError
from .filters import classify
from .geocode import fuzzy_within
from .geometry import haversine_km
from .index import Entry, Index
from .inflect import is_cyrillic_key
from .model import Mention, MentionRole, Place, Precision, Resolution
from .names import DEMONYM
from .recognize import Span, propose, tokenize
from .lists import list_peers
from .lowercase import propose_lowercase
from .resolve import POINT_KINDS, Context, inside, make_resolution, score_candidates

# the English words before a name that make it the object of an attack, a capture or a flight: "shelled X",
# "Shelling hit Orikhiv", "evacuated from Trostianets"; the names listed after such a word share it
# ("shelled Tetkino, Glushkovo and Sudzha"), where "in X, Y and Z" lists do not (measured: GWN F1 fell)
ATTACK_HEADS = frozenset({"shelled", "struck", "captured", "liberated", "occupied", "entered", "hit", "attacked",
                          "bombed", "targeted", "pounded", "stormed", "seized", "recaptured", "retook", "encircled",
                          "besieged", "evacuated", "fled"})
LOCATIVE_STRONG = {"in", "near", "at", "outside", "into", "village", "town", "settlement", "hamlet", "city",
                   "around", "of", *ATTACK_HEADS, "towards", "toward", "via", "inside", "within",
                   # Ukrainian and Russian: у, в, біля, поблизу, село, місто, під; около, возле, деревня
                   "у", "в", "біля", "поблизу", "село", "села", "селі", "селище", "місто", "міста", "місті", "під",
                   "около", "возле", "деревня", "поселок", "посёлок", "город", "города", "районі", "районе",
                   # more Ukrainian and Russian prepositions and the abbreviations of settlement kinds
                   "на", "над", "по", "неподалік", "околицях", "з", "із", "зі", "до",
                   "від", "за", "через", "из", "от", "под", "вблизи", "рядом", "близ", "окрестностях",
                   "с", "смт", "м", "пгт", "г", "пос", "сел", "селища", "селе", "городе",
                   "сторону", "бік", "напрямку", "направлении", "окраинах", "окраине", "околиці", "території",
                   "территории", "жителів", "жителей", "мешканців", "жителям", "мешканцям", "громади", "громаді",
                   # the settlement nouns in every case and number ("в сёлах Климово и ...", "селищах", "хуторе")
                   *(f"{stem}{end}" for stem in ("сел", "сёл", "посел", "посёл", "селищ", "хутор", "деревн", "поселк",
                                                 "посёлк", "містечк", "станиц", "пунк")
                     for end in ("", "о", "а", "у", "е", "і", "и", "ах", "ам", "ами", "ом", "ок", "ів", "ов", "ой",
                                 "ою", "ей", "ям", "ях", "ями", "т", "ті", "те", "тах", "тів", "тов"))}

# a region's adjective, lower-case, before a Cyrillic name (белгородскому Шебекино, харківському Куп'янську)
_REGION_ADJ = ("ском", "скому", "ского", "ской", "ская", "скую", "ському", "ського", "ській", "ської", "ська", "ську",
               "цкому", "цком", "цкого", "цкой", "цькому", "цького", "цькій", "цької", "зькому", "зького")

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 20_000_000
_default: "Gazetteer | None" = None
_default_lock = threading.Lock()


BLOCK_CHARS = 50_000
SETTLEMENT_KINDS = ("city", "town", "village")


def _blocks(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) blocks of at most about ``size`` chars, cut after a blank line or a newline."""
    out, start, n = [], 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out


def _direction(s: Span) -> str:
    """The compass direction the text gives from the span's container town ("north-west of Avdiivka")."""
    return next((n.split(":", 1)[1] for n in s.notes if n.startswith("direction:")), "")


def _signature(s: Span, direction: str, cont: list[Entry], contained: list[Entry] | None,
               mates: Sequence[Entry]) -> tuple:
    """Everything :func:`score_candidates` reads of a span besides the context: two spans alike in it get the
    same ranking under one context ("Kyiv" five times in a text is scored once a round)."""
    return (tuple(s.hits), s.qualifier, s.key, direction, tuple([e.pid for e in cont]) if cont else (),
            tuple([e.pid for e in contained]) if contained else (), tuple([e.pid for e in mates]) if mates else ())


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise GazetteerQueryError(f"text must be str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise GazetteerQueryError(f"text too large: {len(text):,} characters (limit {MAX_TEXT_CHARS:,})")
    return text


def open_index(index_path: str | Path | None = None, *, progress: bool | None = None) -> Index:
    """The index at ``index_path`` (by default the cached one for the bundled data), built first when
    it does not exist yet (about half a minute, once). Only then is the builder imported."""
    path = Path(index_path) if index_path else default_index_path()
    if not path.is_file():
        from .build import ensure_index

        ensure_index(path, progress=progress)
    return Index(path)


def _within(index: Index, region: Entry) -> Resolution:
    """A name we cannot find inside the region the text puts it in: the region, with a low score."""
    r = make_resolution(index, [(1.0, region, "not found inside the region named with it")], qualifier="within")
    return Resolution(place=r.place, lat=r.lat, lon=r.lon, precision=int(Precision.REGION),
                      score=T.WITHIN_REGION_SCORE,
                      reason=r.reason, qualifier="within", geometry=r.geometry)


class Gazetteer:
    """Offline place resolver over the bundled index.

    :param index_path: a built index file; by default the cached one for the bundled data,
        built on first use (about half a minute, once).
    """

    def __init__(self, index_path: str | Path | None = None, *, progress: bool | None = None) -> None:
        self.index = open_index(index_path, progress=progress)

    @classmethod
    def default(cls) -> "Gazetteer":
        """The process-wide gazetteer over the default index (opened once)."""
        global _default
        with _default_lock:
            if _default is None:
                _default = cls()
            return _default

    # ---- records -----------------------------------------------------------------------------
    def get(self, place_id: str) -> Place | None:
        """The place with this id, or None."""
        e = self.index.by_place_id(place_id)
        return e.place if e else None

    def geometry(self, place_id: str) -> dict | None:
        """GeoJSON geometry of an area (None for a point place)."""
        return self.index.geometry(place_id)

    def search(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places whose name or alternate name is ``name``, most prominent first."""
        hits = sorted(self.index.candidates(name), key=lambda h: -h[0].prom)
        return [e.place for e, f in hits if f != DEMONYM and (not country or e.place.country_code == country)][:limit]

    def reverse(self, lat: float, lon: float) -> list[Place]:
        """The admin-1 region and the country containing the point (smallest first)."""
        from shapely.geometry import Point

        pt = Point(lon, lat)
        found = [e for g, e in self.index.regions() if g.contains(pt)]
        found.sort(key=lambda e: 0 if e.place.kind == "admin1" else 1)
        return [e.place for e in found]

    def places_in(self, south: float, west: float, north: float, east: float, *,
                  kinds: Iterable[str] = SETTLEMENT_KINDS, min_population: int = 0, limit: int = 1000) -> list[Place]:
        """Places of these kinds inside the box (degrees), most populous first."""
        return [e.place for e in self.index.in_box(south, west, north, east, kinds, min_population, limit)]

    def nearest(self, lat: float, lon: float, *, max_km: float = 15.0,
                kinds: Iterable[str] = SETTLEMENT_KINDS) -> list[Place]:
        """Settlements within ``max_km`` of the point, nearest first (reverse geocoding to a place name)."""
        import math

        dlat = max_km / 111.0
        dlon = max_km / (111.0 * max(0.05, math.cos(math.radians(lat))))
        found = self.index.in_box(lat - dlat, lon - dlon, lat + dlat, lon + dlon, kinds, 0, 5000)

        def km(p: Place) -> float:
            x = math.radians(p.lon - lon) * math.cos(math.radians((p.lat + lat) / 2))
            return 6371.0 * math.hypot(x, math.radians(p.lat - lat))

        near = sorted(((km(e.place), e.place) for e in found), key=lambda t: t[0])
        return [p for d, p in near if d <= max_km]

    # ---- geoparsing --------------------------------------------------------------------------
    def spans(self, text: str) -> list[Span]:
        """Recognised spans with their context (internal form of :meth:`geoparse`)."""
        text = _check_text(text)
        toks = tokenize(text)
        spans = propose(text, toks, self.index)
        lower = propose_lowercase(text, toks, self.index)       # "shelling in kharkiv overnight"
        if lower:
            spans = sorted(spans + lower, key=lambda s: s.start)
        return classify(text, toks, spans, self.index)

    def geoparse(self, text: str) -> list[Mention]:
        """Every place mention of the text, in order, resolved where possible.

        A long text (many articles pasted together) is read in blocks of about
        ``BLOCK_CHARS`` characters cut at paragraph ends; each block is its own context.
        """
        text = _check_text(text)
        out: list[Mention] = []
        for start, end in _blocks(text, BLOCK_CHARS):
            spans = self.spans(text[start:end])
            resolutions = self._resolve_document(spans, text[start:end])
            out.extend(Mention(s.start + start, s.end + start, s.text, MentionRole(s.role), resolutions.get(id(s)))
                       for s in spans if id(s) in resolutions or s.strong)
        return out

    def hits(self, s: Span) -> list[tuple[Entry, int]]:
        """The candidate places of a span, with the flag of the name that matched."""
        ents = self.index.entries(p for p, _ in s.hits)
        return [(ents[p], f) for p, f in s.hits if p in ents]

    def _resolve_document(self, spans: list[Span], text: str = "") -> dict[int, Resolution]:
        """Resolve all spans jointly: prior pass, document context, containers, final pass."""
        # ``self.hits(s)`` of every span, the entries fetched at once
        ents = self.index.entries(p for s in spans for p, _ in s.hits)
        hits = {id(s): [(ents[p], f) for p, f in s.hits if p in ents] for s in spans}
        direction = {id(s): _direction(s) for s in spans}
        peers = list_peers(text, spans) if text else {}
        inner: dict[int, list[Entry]] = {}
        for s in spans:
            if s.container is not None:
                inner.setdefault(id(s.container), []).extend(e for e, _ in hits[id(s)])
        ctx = Context.empty()
        best: dict[int, Entry] = {}
        # Context rounds stop when the ranking no longer changes: a round that picks every span's best
        # reading as the round before did sees the same context and containers as the next would.
        # The final pass then reuses that round's rankings (same inputs, same result).
        settled: dict[int, list[tuple[float, Entry, str]]] = {}
        before: dict[int, int] = {}
        for rnd in range(T.CONTEXT_ROUNDS):
            this_round: dict[int, list[tuple[float, Entry, str]]] = {}
            memo: dict[tuple, list[tuple[float, Entry, str]]] = {}     # a name repeated alike is scored once a round
            for s in sorted(spans, key=lambda s: s.container is not None):
                if not hits[id(s)] or (rnd and len(hits[id(s)]) == 1):
                    continue
                cont = self._containers(s, best, hits)
                sig = _signature(s, direction[id(s)], cont, inner.get(id(s)), ())
                ranked = memo.get(sig) or score_candidates(
                    hits[id(s)], qualifier=s.qualifier, context=ctx if rnd else None, container=cont, key=s.key,
                    contained=inner.get(id(s)), direction=direction[id(s)])
                memo[sig] = ranked
                best[id(s)] = ranked[0][1]
                this_round[id(s)] = ranked
            now = {k: e.pid for k, e in best.items()}
            if rnd and now == before:
                settled = this_round          # ctx is already the context of this ranking
                break
            before = now
            ctx = self.context(spans, best)
        strong_ctx = self.context([s for s in spans if s.strong], best)
        out: dict[int, Resolution] = {}
        memo = {}                                   # under the final context
        for s in spans:
            if not hits[id(s)]:
                continue
            cont = self._containers(s, best, hits)
            mates = [best[id(t)] for t in peers.get(id(s), ()) if id(t) in best]
            # a listed name is ranked again with its list-mates (the rounds did not see them)
            ranked = [] if mates else settled.get(id(s), [])
            if not ranked:
                sig = _signature(s, direction[id(s)], cont, inner.get(id(s)), mates)
                ranked = memo.get(sig) or score_candidates(
                    hits[id(s)], qualifier=s.qualifier, context=ctx, container=cont, key=s.key,
                    contained=inner.get(id(s)), direction=direction[id(s)], mates=mates)
                memo[sig] = ranked
            if cont and not any(inside(ranked[0][1], c) for c in cont):
                # "Karnaukhivka, Kharkiv": a close spelling inside the named region beats a namesake outside
                region = next((c for c in cont if c.place.kind in ("admin1", "country")), None)
                # ... and the name itself just across the region's border beats both ("Nyzhnie Lozove, Luhansk")
                near = just_outside(self.index, region, ranked) if region is not None else None
                fuzzy = fuzzy_within(self.index, s.text, region) if region is not None and near is None else []
                if near is not None:
                    ranked = near
                elif fuzzy:
                    ranked = score_candidates(fuzzy, qualifier=s.qualifier, context=ctx, container=cont, key=s.key)
                elif region is not None and ranked[0][1].place.kind in POINT_KINDS \
                        and ranked[0][1].prom < T.WITHIN_MAX_PROMINENCE:
                    out[id(s)] = _within(self.index, region)     # say "somewhere in the region"
                    continue
            top = ranked[0][1].place
            if not s.strong and not self._supported(s, top, strong_ctx) and not any(
                    t.start < s.start and (self._located(t) if is_cyrillic_key(s.key) else t.prep in ATTACK_HEADS)
                    for t in peers.get(id(s), ())):
                continue              # a weak village match with nothing in the text to support it
            strength = 1.0 if s.strong else T.WEAK_STRENGTH
            out[id(s)] = make_resolution(self.index, ranked, qualifier=s.qualifier, strength=strength)
        return out

    @staticmethod
    def _containers(s: Span, best: dict[int, Entry], hits: dict[int, list[tuple[Entry, int]]]) -> list[Entry]:
        """What the text says holds the span: the regions a container name can mean, else its place."""
        if s.container is None or id(s.container) not in best:
            return []
        regions = [e for e, _ in hits[id(s.container)] if e.place.kind in ("admin1", "country")]
        return regions or [best[id(s.container)]]

    @staticmethod
    def _located(s: Span) -> bool:
        """Whether the text says the span is a place: a locative word before it, a container, a qualifier. The
        Cyrillic names listed after it share it ("в сёлах Климово и Новые Юрковичи"); in English only an attack
        word does (``ATTACK_HEADS``: sharing every locative word cost GWN end-to-end F1 .8971 -> .8966)."""
        return s.prep in LOCATIVE_STRONG or s.container is not None or bool(s.qualifier)

    @classmethod
    def _supported(cls, s: Span, top: Place, ctx: Context) -> bool:
        """Whether the text supports a weak (village-level or alternate-name) match."""
        if cls._located(s):
            return True
        if s.prep.endswith(_REGION_ADJ) and is_cyrillic_key(s.key):
            return True               # "по белгородскому Шебекино", "у харківському Куп'янську": its region named
        if top.admin1_code and ctx.share_admin1(top.admin1_code, s.key) > 0:
            return True
        return any(haversine_km(top.lat, top.lon, la, lo) < T.SUPPORT_KM for la, lo, k in ctx.points if k != s.key)

    @staticmethod
    def context(spans: list[Span], best: dict[int, Entry]) -> Context:
        """What the document says about where it is, from the best reading of each span."""
        ctx = Context()
        seen: set[tuple[float, float, str]] = set()
        for s in spans:
            e = best.get(id(s))
            if e is None:
                continue
            w = 1.0 if s.strong else T.WEAK_CONTEXT_WEIGHT
            if s.role == "demonym":
                w *= T.DEMONYM_CONTEXT_WEIGHT
            elif s.role == "embedded":
                w *= T.EMBEDDED_CONTEXT_WEIGHT
            ctx.add(s.key, e.place.country_code, e.place.admin1_code if e.place.kind != "country" else "", w)
            if e.place.kind in POINT_KINDS and s.role == "place":
                seen.add((e.place.lat, e.place.lon, s.key))
        ctx.points = list(seen)
        return ctx

    # ---- given spans -------------------------------------------------------------------------
    def resolve_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[Resolution | None]:
        """Resolve the given character spans of ``text`` (e.g. gold toponyms), in order."""
        from .spans import resolve_given

        return resolve_given(self, _check_text(text), list(spans))

    def geocode_resolution(self, query: str) -> Resolution | None:
        """Resolve a place as people write it ("Chuhuiv, south of Kharkiv"); None when unknown."""
        from .geocode import geocode_query

        if not isinstance(query, str) or not query.strip():
            raise GazetteerQueryError("empty query")
        return geocode_query(self, query)


__all__ = ["Gazetteer", "Precision"]
