"""Build the searchable gazetteer index (a SQLite file) from the sources, once, and cache it.

Where it lives and what names it is :mod:`gazetteer.cache`; its schema is :mod:`gazetteer.index`.
A new process opens it in milliseconds and never holds the raw JSON in memory.
"""
from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import sys
import time
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..cache import cache_dir, default_index_path, imports_path
from ..data import data_file, open_text
from ..geometry import haversine_km
from ..exc import GazetteerIndexError
from ..index import SCHEMA, SCHEMA_VERSION, SECONDARY_INDEXES
from ..names import ALTERNATE, CURATED, PRIMARY
from ..normalize import norm
from ..theatre import BELLIGERENTS, HOME
from . import containment, enrich, regions, sources
from .sources import Record

logger = logging.getLogger(__name__)

def _prominence(rec: Record, capital: bool) -> float:
    pop_term = math.log10(rec.population + 1)
    if rec.kind == "continent":
        return 10.0
    if rec.kind == "country":
        return 8.0 + pop_term / 10
    if rec.kind == "area":
        return 6.5 + pop_term / 10
    if rec.kind == "admin1":
        return 6.0 + pop_term / 10
    if rec.kind == "admin2":
        return 4.0
    if capital:
        return max(7.5, pop_term + 1.0)
    if rec.kind == "village":
        # villages: population barely tells namesakes apart (and WOF villages have none), so the
        # prior is nearly flat; containers, the document's regions and distances decide instead
        return 2.5 + max(0.0, pop_term - 2.7) * 0.3
    return pop_term


class Progress:
    """The build's stages as a click progress bar on stderr, shown only on a terminal or when asked."""

    def __init__(self, enabled: bool, stages: int = 6) -> None:
        self.bar: Any = None
        if enabled:
            import click

            self.bar = click.progressbar(length=stages, label="building gazetteer index", file=sys.stderr,
                                         show_eta=False, item_show_func=lambda stage: stage)
            self.bar.__enter__()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.bar is None:
            return
        self.bar.update(done - self.bar.pos, stage)
        if stage == "done":
            self.bar.__exit__(None, None, None)


class Builder:
    """Places and names gathered from the sources, merged, then written to the index."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.by_id: dict[str, int] = {}
        self.by_gn: dict[int, int] = {}
        self.recs: dict[int, Record] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.next_pid = 1
        self.capitals: set[int] = set()
        self.grid = enrich.NameGrid()

    def add(self, rec: Record, capital: bool = False) -> int:
        if not rec.name:
            rec.name = next((n for n in rec.strong_names + rec.names if n), "")
            if not rec.name:
                logger.warning("skipping %s: a place without any name", rec.place_id)
                return -1
        pid = self.by_id.get(rec.place_id)
        if pid is None and rec.gn_id is not None:
            pid = self.by_gn.get(rec.gn_id)
        if pid is not None:                 # same place from a second source: merge names
            old = self.recs[pid]
            old.names.extend(rec.names)
            old.strong_names.extend(rec.strong_names)
            if rec.source == "wof" and old.source == "geonames" and enrich.respelling(old.name, rec.name):
                old.strong_names.append(old.name)      # "Kryvyy Rih" -> the official "Kryvyi Rih"
                old.name = rec.name
            else:
                old.names.append(rec.name)
            if not old.admin1_code and rec.admin1_code:
                old.admin1_code = rec.admin1_code
            old.population = old.population or rec.population
            return pid
        pid = self.next_pid
        self.next_pid += 1
        self.by_id[rec.place_id] = pid
        if rec.gn_id is not None:
            self.by_gn.setdefault(rec.gn_id, pid)
        self.recs[pid] = rec
        rec.source = rec.source or "unknown"
        if capital:
            self.capitals.add(pid)
        return pid

    def name(self, text: str, pid: int, flag: int) -> None:
        key = norm(text)
        if not key or len(key) < 2:
            return
        old = self.names.get((key, pid))
        if old is None or flag < old:
            self.names[(key, pid)] = flag

    def write(self, admin1_names: dict[str, str]) -> None:
        rows = []
        caps = self.capitals
        derived: list[tuple[str, int]] = []
        for pid, r in self.recs.items():
            if not r.admin1 and r.admin1_code in admin1_names:
                r.admin1 = admin1_names[r.admin1_code]
            if r.kind in ("country", "continent"):
                r.admin1 = ""
            self.name(r.name, pid, PRIMARY)
            for n in r.strong_names:
                self.name(n, pid, CURATED)
            for n in r.names:
                self.name(n, pid, ALTERNATE)
            if r.country_code == HOME and r.kind in ("city", "town", "village", "district", "admin2"):
                for v in enrich.spellings(r):       # Heorhiyivka, Schastia, Chervonyi Mayak ...
                    self.name(v, pid, ALTERNATE)
                if r.kind in ("city", "town", "village"):
                    derived += [(v, pid) for v in enrich.letter_respellings(r)]    # Horly, Cyrkuny, Ilinivka
            elif r.country_code == "RU" and r.admin1_code in UK_FORMS_ADMIN1 and r.kind in ("city", "town", "village"):
                derived += [(v, pid) for v in enrich.ukrainian_spellings(r)]   # Коренєве, Тьоткіно; Hlushkove
                derived += [(v, pid) for v in enrich.russian_spellings(r)]     # Graivoron, Bolshoe Soldatskoe
                derived += [(v, pid) for v in enrich.letter_respellings(r)]    # Sudja, Tetkino -> Tiotkino
            alt = "|".join(dict.fromkeys(n for n in r.names if n != r.name))[:600]
            geom = zlib.compress(json.dumps(r.geometry, separators=(",", ":")).encode()) if r.geometry else None
            rows.append((pid, r.place_id, r.name, r.kind, r.country_code, r.admin1_code, r.admin1,
                         round(r.lat, 6), round(r.lon, 6), r.population,
                         round(_prominence(r, pid in caps), 3), r.source, alt, geom))
        # a derived Ukrainian spelling never shadows the name of a place in Ukraine (Мартинівка, Petrivka: the
        # Ukrainian villages, not the Russian Мартыновка or Петровка a rule could also spell so)
        home = {k for (k, p) in self.names if self.recs[p].country_code == HOME}
        for v, pid in derived:
            if norm(v) not in home:
                self.name(v, pid, ALTERNATE)
        self.con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self.con.executemany("INSERT INTO name VALUES (?,?,?)",
                             ((k, pid, f) for (k, pid), f in self.names.items()))


# Russia's regions on the Ukrainian border (GeoNames keys: Belgorod, Bryansk, Kursk, Rostov, Voronezh), whose
# settlements Ukrainian reports name in Ukrainian letters
UK_FORMS_ADMIN1 = frozenset({"RU.09", "RU.10", "RU.41", "RU.61", "RU.86"})


def _read_lines(name: str) -> Iterable[list[str]]:
    with open_text(data_file(name)) as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def build_index(path: Path | None = None, *, progress: bool | None = None,
                extra: Iterable[Record] = ()) -> Path:
    """Build the index file from every source; return its path.

    :raises GazetteerIndexError: when the file cannot be written.
    :raises GazetteerDataError: when a bundled source is missing or malformed.
    """
    path = Path(path) if path else default_index_path()
    show = sys.stderr.isatty() if progress is None else progress
    bar = Progress(show)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("gazetteer-*.tmp*"):       # left by a build that was killed
        if time.time() - stale.stat().st_mtime > 600:
            stale.unlink(missing_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    try:
        con = sqlite3.connect(tmp)
    except sqlite3.Error as err:
        raise GazetteerIndexError(f"cannot create {tmp}: {err}") from err
    try:
        _fill(con, bar, extra)
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, path)
    if path.parent == cache_dir():          # drop indexes of older data or code
        for old in path.parent.glob("gazetteer-*.sqlite"):
            if old != path:
                old.unlink(missing_ok=True)
    bar("done", 6, 6)
    logger.info("built gazetteer index %s", path)
    return path


def _fill(con: sqlite3.Connection, bar: Progress, extra: Iterable[Record]) -> None:
    con.executescript(SCHEMA)
    b = Builder(con)
    bar("countries, regions", 0, 6)
    admin1_names: dict[str, str] = {}
    for rec in sources.admin0_records():
        b.add(rec)
    for rec in sources.admin1_records():
        b.add(rec)
        if rec.admin1_code:
            admin1_names.setdefault(rec.admin1_code, rec.name)
    bar("GeoNames cities500", 1, 6)
    caps = sources.capitals()
    capital_pid: dict[str, tuple[int, int]] = {}           # country -> (population, pid) of its capital
    for rec in sources.cities500_records():
        pid = b.add(rec)
        if pid > 0 and caps.get(rec.country_code) == rec.name and rec.population > 0 \
                and rec.population > capital_pid.get(rec.country_code, (0, 0))[0]:
            capital_pid[rec.country_code] = (rec.population, pid)   # the largest of the namesakes (Washington)
    b.capitals.update(pid for _, pid in capital_pid.values())
    bar("Who's On First Ukraine", 2, 6)
    near = b.grid
    for pid, rec in b.recs.items():
        if rec.country_code == HOME and rec.kind in ("city", "town", "village"):
            near.add(pid, rec)
    regions.at_the_city_they_are_named_after(b)
    for rec in sources.wof_records():
        if rec.kind == "admin1" and (rec.gn_id not in b.by_gn):
            continue                  # WOF oblasts only lend their names to the Natural Earth ones
        if rec.gn_id not in b.by_gn and rec.kind in ("city", "town", "village"):
            twin = near.find(rec, b.recs)
            if twin is not None:      # the same settlement under another (or no) GeoNames id
                rec.gn_id = None
                rec.place_id = b.recs[twin].place_id
        pid = b.add(rec)
        if pid > 0 and b.recs[pid] is rec and rec.kind in ("city", "town", "village"):
            near.add(pid, rec)
    enrich.drop_borrowed_populations(b)
    _add_ru_border_places(b)
    _add_conflict_sites(b)
    for rec in sources.raion_records():
        enrich.name_raion_after_its_town(rec, b)
        b.add(rec)
    for rec in regions.admin2_records():
        b.add(rec)
    bar("supplement", 3, 6)
    enrich.add_supplement(b)
    enrich.country_short_names(b)
    regions.add_region_names(b)
    regions.add_state_abbreviations(b)
    admin1_names.update(regions.geonames_admin1_labels(b))
    for rec in extra:
        b.add(rec)
    for rec in _imported_records():
        b.add(rec)
    bar("writing names", 4, 6)
    b.write(admin1_names)
    containment.fill_within(con)                # the admin-1 polygon holding each place, once
    enrich.add_demonyms(b, con)
    con.executemany("INSERT OR REPLACE INTO word VALUES (?,?)",
                    ((w, float(z)) for w, z in _read_lines("common_words.txt.gz")))
    con.executemany("INSERT OR IGNORE INTO person VALUES (?,?)",
                    ((norm(n), k) for k, n in _read_lines("person_names.txt.gz")))
    con.executemany("INSERT OR IGNORE INTO person VALUES (?,?)",       # Ukrainian and Russian first names
                    ((norm(n), k) for k, n in _read_lines("person_names_slavic.txt")))
    _fill_lowercase_keys(con)                   # after the word table: ordinary words are left out
    con.executemany("INSERT INTO meta VALUES (?,?)",
                    [("schema", SCHEMA_VERSION), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
                     ("places", str(len(b.recs))), ("names", str(len(b.names)))])
    bar("indexing", 5, 6)
    for statement in SECONDARY_INDEXES:
        con.execute(statement)
    con.commit()
    con.execute("ANALYZE")
    con.commit()


def _fill_lowercase_keys(con: sqlite3.Connection) -> None:
    """The first words of the names a lower-case word may stand for ("shelling in kharkiv"), for a quick test
    of whether a text can hold any (see :mod:`gazetteer.lowercase`)."""
    from ..lowercase import lowercase_keys

    sides = ",".join("?" * len(BELLIGERENTS))
    rows = con.execute(
        "SELECT n.norm, p.kind, p.cc, COALESCE(p.admin1, ''), p.name, COALESCE(p.pop, 0), p.prom, n.flag, p.lat, p.lon "
        "FROM name n JOIN place p ON n.pid = p.pid WHERE n.flag != 4 AND (p.kind = 'country' "
        f"OR (p.cc IN ({sides}) AND p.kind IN ('admin1', 'city', 'town', 'village')) "
        "OR p.pop >= 1000000 OR p.prom >= 7.5)", BELLIGERENTS)
    con.executemany("INSERT OR IGNORE INTO lowerkey VALUES (?)", ((k,) for k in lowercase_keys(rows)))
    con.execute("DELETE FROM lowerkey WHERE length(norm) < 4 OR norm IN (SELECT norm FROM word)")


def _add_ru_border_places(b: Builder) -> None:
    """Villages of Russia's border regions (GeoNames postal data) that no place already there names."""
    near = enrich.NameGrid()
    for pid, rec in b.recs.items():
        if rec.country_code == "RU" and rec.kind in ("city", "town", "village"):
            near.add(pid, rec)
    for rec in sources.ru_border_records():
        if near.find(rec, b.recs, km=8.0) is not None:
            continue                  # Korenevo, Sudzha, Glushkovo: cities500 holds them already
        pid = b.add(rec)
        if pid > 0:
            near.add(pid, rec)


CONFLICT_SITE_TWIN_KM = 6.0
CONFLICT_SITE_TWIN_RATIO = 75.0


def _add_conflict_sites(b: Builder) -> None:
    """Settlements where UCDP records fighting (conflict_sites_ua.tsv) that the other sources lack: no settlement of
    the oblast bears the name (in any romanisation), and none within a few km of the point (or inside a town's
    built-up area) bears a name like it (UCDP writes "Maiorska" for Maiorsk, "Kryashchuvate" for Khriashchuvate).
    A name the oblast already has elsewhere is left alone: a second point for it would only add a wrong namesake."""
    from rapidfuzz import fuzz

    from ..conflict_sites import sites
    from ..geometry import city_radius_km
    from ..spelling import skeleton

    cells: dict[tuple[int, int], list[int]] = {}
    in_oblast: set[tuple[str, str]] = set()
    for pid, rec in b.recs.items():
        if rec.country_code == HOME and rec.kind in ("city", "town", "village", "district"):
            cells.setdefault((int(rec.lat * 10), int(rec.lon * 10)), []).append(pid)
            in_oblast.update((rec.admin1_code, skeleton(n)) for n in [rec.name, *rec.names] if n)
    for s in sites():
        key, sk = norm(s.name), skeleton(s.name)
        if (s.admin1_code, sk) in in_oblast:
            continue
        ci, cj = int(s.lat * 10), int(s.lon * 10)
        known = False
        for pid in (p for di in (-2, -1, 0, 1, 2) for dj in (-2, -1, 0, 1, 2) for p in cells.get((ci + di, cj + dj), ())):
            rec = b.recs[pid]
            reach = max(CONFLICT_SITE_TWIN_KM, city_radius_km(rec.population) + CONFLICT_SITE_TWIN_KM)
            if haversine_km(s.lat, s.lon, rec.lat, rec.lon) > reach:
                continue
            names = {norm(n) for n in [rec.name, *rec.names, *enrich.spellings(rec)] if n}
            if any(skeleton(n) == sk or fuzz.ratio(n, key) >= CONFLICT_SITE_TWIN_RATIO for n in names):
                known = True
                break
        if known:
            continue
        pid = b.add(Record(place_id=f"ucdp:{s.lat:.4f},{s.lon:.4f}", name=s.name, kind="village", lat=s.lat,
                           lon=s.lon, country_code=HOME, admin1_code=s.admin1_code, source="ucdp"))
        if pid > 0:
            cells.setdefault((ci, cj), []).append(pid)
            in_oblast.add((s.admin1_code, sk))


def _imported_records() -> Iterator[Record]:
    path = imports_path()
    if not path.is_file():
        return iter(())
    def gen() -> Iterator[Record]:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    yield Record(**d)
    return gen()


def ensure_index(path: Path | None = None, *, progress: bool | None = None,
                 on_build: Callable[[Path], None] | None = None) -> Path:
    """Return the index path, building the index first if it does not exist yet."""
    path = Path(path) if path else default_index_path()
    if not path.is_file():
        logger.info("gazetteer index %s missing: building it once", path)
        build_index(path, progress=progress)
        if on_build:
            on_build(path)
    return path
