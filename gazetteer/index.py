"""The SQLite index: its schema, and read access (name lookups, place records, geometries, reverse lookup).

Every query the package runs on the index is here; the builder (``gazetteer.build``) writes it."""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .exc import GazetteerIndexError
from .model import Place
from .normalize import norm

logger = logging.getLogger(__name__)

SCHEMA_VERSION = "10"

SCHEMA = """
CREATE TABLE place(
  pid INTEGER PRIMARY KEY, place_id TEXT UNIQUE NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  cc TEXT, admin1_code TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, pop INTEGER,
  prom REAL, source TEXT, alt TEXT, geom BLOB);
CREATE TABLE name(norm TEXT NOT NULL, pid INTEGER NOT NULL, flag INTEGER NOT NULL,
  PRIMARY KEY(norm, pid)) WITHOUT ROWID;
CREATE TABLE word(norm TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID;
CREATE TABLE person(norm TEXT PRIMARY KEY, kind TEXT) WITHOUT ROWID;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE lowerkey(norm TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE within(pid INTEGER NOT NULL, region INTEGER NOT NULL, PRIMARY KEY(pid, region)) WITHOUT ROWID;
"""
# created after the rows are written
SECONDARY_INDEXES = ("CREATE INDEX place_admin1 ON place(admin1_code)", "CREATE INDEX place_lat ON place(lat)")

NAME_CACHE_SIZE = 200_000        # surface forms whose lookups are kept (about 40 MB at most)

_PLACE_COLS = "pid, place_id, name, kind, cc, admin1_code, admin1, lat, lon, pop, prom, source, alt"


class Entry:
    """A place row plus its prominence (internal; the public face is :class:`Place`)."""

    __slots__ = ("pid", "place", "prom", "index")

    def __init__(self, row: tuple, index: "Index | None" = None) -> None:
        self.index = index
        pid, place_id, name, kind, cc, a1c, a1, lat, lon, pop, prom, source, alt = row
        self.pid = pid
        self.prom = prom or 0.0
        self.place = Place(place_id=place_id, name=name, lat=lat, lon=lon, kind=kind, country_code=cc or "",
                           admin1=a1 or "", admin1_code=a1c or "", population=pop or 0,
                           alt_names=tuple(alt.split("|")) if alt else (), source=source or "")

    def __repr__(self) -> str:
        p = self.place
        return f"<Entry {p.place_id} {p.name} {p.kind} {p.country_code}/{p.admin1} prom={self.prom:.2f}>"


class Index:
    """A read-only view of the SQLite index. Safe to share between threads (one connection each)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerIndexError(f"gazetteer index not found: {self.path}")
        self._local = threading.local()
        try:
            meta = dict(self._con().execute("SELECT key, value FROM meta"))
        except sqlite3.Error as err:
            raise GazetteerIndexError(f"cannot read gazetteer index {self.path}: {err}") from err
        self.meta = meta
        self._entries: dict[int, Entry] = {}
        self._lock = threading.Lock()
        self._regions: list[tuple[Any, Entry]] | None = None
        self._names: dict[str, tuple[tuple[int, int], ...]] = {}     # norm -> hits (() when none)
        self._tables: dict[str, dict[str, Any]] = {}
        self._lower: frozenset[str] | None = None
        self._within: dict[int, frozenset[int]] = {}                 # pid -> pids of the admin-1 polygons holding it

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            con.execute("PRAGMA query_only=1")
            self._local.con = con
        return con

    # ---- names -------------------------------------------------------------------------------
    def lookup(self, keys: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
        """Normalised names -> [(pid, flag)] for those that exist in the index.

        Each surface form is looked up once per index: the answer (also "not there") is cached, so a
        name repeated across documents costs a dict lookup, not a query."""
        cache = self._names
        out: dict[str, list[tuple[int, int]]] = {}
        missing: list[str] = []
        for k in keys:
            if not k or k in out:
                continue
            got = cache.get(k)
            if got is None:
                if k not in missing:
                    missing.append(k)
            elif got:
                out[k] = list(got)
        if missing:
            found: dict[str, list[tuple[int, int]]] = {}
            con = self._con()
            for i in range(0, len(missing), 500):
                chunk = missing[i:i + 500]
                q = f"SELECT norm, pid, flag FROM name WHERE norm IN ({','.join('?' * len(chunk))})"
                for k, pid, flag in con.execute(q, chunk):
                    found.setdefault(k, []).append((pid, flag))
            if len(cache) > NAME_CACHE_SIZE:
                cache.clear()
            for k in missing:
                hits = found.get(k)
                cache[k] = tuple(hits) if hits else ()
            out.update(found)
        return out

    def _table(self, table: str, column: str) -> dict[str, Any]:
        """A small table keyed by norm (words, person names), read whole on first use."""
        loaded = self._tables.get(table)
        if loaded is None:
            loaded = dict(self._con().execute(f"SELECT norm, {column} FROM {table}"))
            self._tables[table] = loaded
        return loaded

    def word_zipf(self, keys: Iterable[str]) -> dict[str, float]:
        """How common each (single-token, normalised) word is as an ordinary English word."""
        table = self._table("word", "zipf")
        return {k: table[k] for k in keys if k in table}

    def lowercase_keys(self) -> frozenset[str]:
        """The first words of the names a lower-case word may stand for (:mod:`gazetteer.lowercase`), as a set:
        a text none of whose words is in it has no lower-case place name."""
        if self._lower is None:
            self._lower = frozenset(k for (k,) in self._con().execute("SELECT norm FROM lowerkey"))
        return self._lower

    def person_names(self, keys: Iterable[str]) -> dict[str, str]:
        """Which of these normalised tokens are common first names (F) or surnames (L)."""
        table = self._table("person", "kind")
        return {k: table[k] for k in keys if k in table}

    # ---- places ------------------------------------------------------------------------------
    def settlement_names(self, *, admin1_code: str = "", country: str = "") -> list[tuple[int, str, str]]:
        """(pid, name, "|"-joined alternate names) of the settlements and districts of one admin-1
        region (``admin1_code``) or else of one country."""
        col, val = ("admin1_code", admin1_code) if admin1_code else ("cc", country)
        return self._con().execute(
            f"SELECT pid, name, alt FROM place WHERE {col} = ? AND kind IN ('city','town','village','district')",
            (val,)).fetchall()

    def town_names(self, countries: Iterable[str], min_population: int) -> list[tuple[int, str, str]]:
        """(pid, name, alternate names) of the cities and towns of these countries with at least
        ``min_population`` people, most populous first."""
        countries = tuple(countries)
        return self._con().execute(
            f"SELECT pid, name, alt FROM place WHERE cc IN ({','.join('?' * len(countries))}) "
            "AND pop >= ? AND kind IN ('city', 'town') ORDER BY pop DESC", (*countries, min_population)).fetchall()

    def entries(self, pids: Iterable[int]) -> dict[int, Entry]:
        """Entries for these pids (cached)."""
        pids = set(pids)
        missing = [p for p in pids if p not in self._entries]
        if missing:
            con = self._con()
            for i in range(0, len(missing), 500):
                chunk = missing[i:i + 500]
                q = f"SELECT {_PLACE_COLS} FROM place WHERE pid IN ({','.join('?' * len(chunk))})"
                for row in con.execute(q, chunk):
                    e = Entry(row, self)
                    self._entries[e.pid] = e
        return {p: self._entries[p] for p in pids if p in self._entries}

    def by_place_id(self, place_id: str) -> Entry | None:
        row = self._con().execute(f"SELECT {_PLACE_COLS} FROM place WHERE place_id = ?", (place_id,)).fetchone()
        if row is None:
            return None
        e = Entry(row, self)
        self._entries.setdefault(e.pid, e)
        return self._entries[e.pid]

    def candidates(self, name: str) -> list[tuple[Entry, int]]:
        """All (entry, flag) whose name or alternate name normalises like ``name``."""
        key = norm(name)
        hits = self.lookup([key]).get(key, [])
        ents = self.entries(p for p, _ in hits)
        return [(ents[p], f) for p, f in hits if p in ents]

    def admin1_entries(self, codes: Iterable[str]) -> dict[str, Entry]:
        """admin1 code (e.g. "UA.13") -> the region's entry."""
        codes = [c for c in set(codes) if c]
        if not codes:
            return {}
        q = (f"SELECT {_PLACE_COLS} FROM place WHERE kind = 'admin1' AND admin1_code IN "
             f"({','.join('?' * len(codes))})")
        out: dict[str, Entry] = {}
        for row in self._con().execute(q, codes):
            e = self._entries.setdefault(row[0], Entry(row, self))
            out.setdefault(e.place.admin1_code, e)
        return out

    def regions_of(self, countries: Iterable[str]) -> list[Entry]:
        """The given countries (ISO codes) and their first-level regions."""
        ccs = sorted({c for c in countries if c})
        if not ccs:
            return []
        q = (f"SELECT {_PLACE_COLS} FROM place WHERE kind IN ('country', 'admin1') AND cc IN "
             f"({','.join('?' * len(ccs))})")
        return [self._entries.setdefault(row[0], Entry(row, self)) for row in self._con().execute(q, ccs)]

    def country_entry(self, cc: str) -> Entry | None:
        row = self._con().execute(f"SELECT {_PLACE_COLS} FROM place WHERE kind='country' AND cc=?",
                                  (cc,)).fetchone()
        return self._entries.setdefault(row[0], Entry(row, self)) if row else None

    @lru_cache(maxsize=512)
    def geometry(self, place_id: str) -> dict[str, Any] | None:
        """The place's GeoJSON geometry (polygon areas), or None for points."""
        row = self._con().execute("SELECT geom FROM place WHERE place_id = ?", (place_id,)).fetchone()
        if not row or row[0] is None:
            return None
        return json.loads(zlib.decompress(row[0]))

    def within(self, e: Entry, region: Entry) -> bool:
        """Whether the admin-1 polygon of ``region`` contains the point of ``e`` (both entries of this index),
        as decided when the index was built (no polygon is read)."""
        held = self._within.get(e.pid)
        if held is None:
            held = frozenset(r for (r,) in self._con().execute("SELECT region FROM within WHERE pid = ?", (e.pid,)))
            self._within[e.pid] = held
        return region.pid in held

    def contains(self, place_id: str, lat: float, lon: float) -> bool:
        """Whether the area's polygon contains the point (False for places without one)."""
        shape_ = self._prepared(place_id)
        if shape_ is None:
            return False
        from shapely.geometry import Point

        return bool(shape_.contains(Point(lon, lat)))

    @lru_cache(maxsize=256)
    def _prepared(self, place_id: str) -> Any:
        geo = self.geometry(place_id)
        if geo is None:
            return None
        from shapely import prepare
        from shapely.geometry import shape

        g = shape(geo)
        prepare(g)
        return g

    def in_box(self, south: float, west: float, north: float, east: float, kinds: Iterable[str],
               min_population: int = 0, limit: int = 1000) -> list[Entry]:
        """Entries of these kinds inside the box, most populous (then most prominent) first."""
        kinds = list(kinds)
        q = (f"SELECT {_PLACE_COLS} FROM place WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
             f"AND kind IN ({','.join('?' * len(kinds))}) AND COALESCE(pop, 0) >= ? "
             f"ORDER BY COALESCE(pop, 0) DESC, prom DESC LIMIT ?")
        rows = self._con().execute(q, (south, north, west, east, *kinds, min_population, limit))
        return [self._entries.setdefault(row[0], Entry(row, self)) for row in rows]

    def regions(self) -> list[tuple[Any, Entry]]:
        """Prepared shapely geometries of every country and admin-1 region (loaded on first use)."""
        with self._lock:
            if self._regions is None:
                from shapely import prepare
                from shapely.geometry import shape

                regs = []
                for row in self._con().execute(
                        f"SELECT {_PLACE_COLS}, geom FROM place WHERE kind IN ('admin1','country') AND geom IS NOT NULL"):
                    e = self._entries.setdefault(row[0], Entry(row[:-1], self))
                    g = shape(json.loads(zlib.decompress(row[-1])))
                    prepare(g)
                    regs.append((g, e))
                self._regions = regs
        return self._regions
