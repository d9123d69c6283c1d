"""The incident store: SQLite (stdlib sqlite3) holding articles, incidents, their source spans and corrections.

One connection per operation (safe across threads); every write is one transaction, so a failed ingest
leaves the store as it was. Corrections live in their own table keyed by incident id, apart from the
machine output, and survive re-ingestion of the article.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from ..filters import Filters
from ..incidents.exc import WebmapError
from ..incidents.models import Article, Incident, SourceSpan
from .base import MAP_SELECT, MapRow, absorbed, article_from_row, json_value, map_row

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
  article_id TEXT PRIMARY KEY, text_hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '',
  date TEXT, url TEXT NOT NULL DEFAULT '', source_name TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incidents (
  incident_id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  category TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, date TEXT,
  date_precision TEXT NOT NULL, location_name TEXT NOT NULL, place_id TEXT, country_code TEXT, admin1 TEXT,
  lat REAL, lon REAL, geo_precision INTEGER, score REAL NOT NULL, geometry TEXT, actors TEXT NOT NULL,
  weapons TEXT NOT NULL, counts TEXT NOT NULL, notes TEXT NOT NULL, sentence_index INTEGER, sentence TEXT,
  feature TEXT);
CREATE INDEX IF NOT EXISTS incidents_article ON incidents(article_id);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date);
CREATE TABLE IF NOT EXISTS sources (
  incident_id TEXT NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  article_id TEXT NOT NULL, sentence_index INTEGER NOT NULL, sentence TEXT NOT NULL, start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, trigger_start INTEGER, trigger_end INTEGER, place_start INTEGER, place_end INTEGER,
  PRIMARY KEY (incident_id, seq));
CREATE TABLE IF NOT EXISTS corrections (
  incident_id TEXT PRIMARY KEY, category TEXT, location_name TEXT, place_id TEXT, country_code TEXT,
  admin1 TEXT, lat REAL, lon REAL, geo_precision INTEGER, geometry TEXT, note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, author TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS correction_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, action TEXT NOT NULL, category TEXT,
  location_name TEXT, place_id TEXT, country_code TEXT, admin1 TEXT, lat REAL, lon REAL, geo_precision INTEGER,
  geometry TEXT, note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, author TEXT NOT NULL DEFAULT '',
  undone_at TEXT, undone_by TEXT);
CREATE INDEX IF NOT EXISTS correction_log_incident ON correction_log(incident_id, seq);
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);
"""

_EFFECTIVE = {name: f"COALESCE(c.{name}, i.{name})" for name in
              ("category", "location_name", "country_code", "admin1", "geo_precision")}
# the incident columns a Record needs (not the cached export feature, which repeats the area geometry)
_RECORD_COLS = ", ".join("i." + c for c in (
    "incident_id", "article_id", "category", "event_type", "sub_event_type", "date", "date_precision",
    "location_name", "place_id", "country_code", "admin1", "lat", "lon", "geo_precision", "score", "geometry",
    "actors", "weapons", "counts", "notes", "sentence_index", "sentence"))
_SRC_COLS = ("article_id", "sentence_index", "sentence", "start", "end",
             "trigger_start", "trigger_end", "place_start", "place_end")
# what both backends read of a Record: the incident, its article's title and the correction in force (c_*)
_RECORD_SELECT = ("SELECT " + _RECORD_COLS + ", a.title AS article_title, c.incident_id AS c_id, "
                  "c.category AS c_category, c.location_name AS c_location_name, c.place_id AS c_place_id, "
                  "c.country_code AS c_country_code, c.admin1 AS c_admin1, c.lat AS c_lat, c.lon AS c_lon, "
                  "c.geo_precision AS c_geo_precision, c.geometry AS c_geometry, c.note AS c_note, "
                  "c.created_at AS c_created_at, c.author AS c_author")
_FROM = " FROM incidents i LEFT JOIN corrections c USING (incident_id) JOIN articles a USING (article_id)"


def text_hash(text: str) -> str:
    """The hash that makes the same article stored once."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's correction of one incident; None fields keep the machine's value."""

    incident_id: str
    category: str | None = None
    location_name: str | None = None
    place_id: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    geometry: dict[str, Any] | None = None
    note: str = ""
    created_at: str = ""
    author: str = ""                 # the signed-in user who made it ("" without accounts)

    @property
    def moves(self) -> bool:
        """True when the correction gives a new location."""
        return self.lat is not None and self.lon is not None

    def apply(self, incident: Incident) -> Incident:
        """The incident as corrected (a new location drops the machine's geometry unless one is given)."""
        changes: dict[str, Any] = {}
        if self.category:
            from ..incidents.categories import get_category
            cat = get_category(self.category)
            changes.update(category=cat.key, event_type=cat.event_type, sub_event_type=cat.sub_event_type)
        if self.moves:
            changes.update(lat=self.lat, lon=self.lon, geometry=self.geometry, place_id=self.place_id,
                           geo_precision=self.geo_precision or 1,
                           location_name=self.location_name or incident.location_name,
                           country_code=self.country_code or incident.country_code,
                           admin1=self.admin1 if self.admin1 is not None else incident.admin1)
        return replace(incident, **changes) if changes else incident


LOG_FIELDS = ("category", "location_name", "place_id", "country_code", "admin1", "lat", "lon", "geo_precision",
              "geometry", "note", "created_at", "author")
# a correction kept before the history existed becomes the history's first entry (once; both backends)
LOG_BACKFILL = (f"INSERT INTO correction_log (incident_id, action, {', '.join(LOG_FIELDS)}) "
                f"SELECT incident_id, 'correct', {', '.join(LOG_FIELDS)} FROM corrections c WHERE NOT EXISTS "
                "(SELECT 1 FROM correction_log l WHERE l.incident_id = c.incident_id)")


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    """One step of an incident's correction history: a correction made (``action`` "correct") or the
    incident set back to the machine's reading ("clear"), who did it and when; an undone step keeps its
    place in the history with who undid it and when."""

    seq: int
    action: str                     # "correct" | "clear"
    correction: Correction          # the fields that step gave (None: kept); for "clear" only who/when/note
    undone_at: str | None = None
    undone_by: str = ""

    @property
    def active(self) -> bool:
        return self.undone_at is None


def fold_corrections(entries: Sequence[CorrectionEntry]) -> Correction | None:
    """The correction in force after these steps (oldest first): each active step overrides what it
    gives (a category, a place), keeps what it leaves out, and "clear" goes back to the machine's reading."""
    cur: Correction | None = None
    for e in entries:
        if not e.active:
            continue
        if e.action == "clear":
            cur = None
            continue
        c = e.correction
        if cur is None:
            cur = c
            continue
        loc = c if c.moves else cur
        cur = Correction(incident_id=c.incident_id, category=c.category or cur.category,
                         location_name=loc.location_name, place_id=loc.place_id, country_code=loc.country_code,
                         admin1=loc.admin1, lat=loc.lat, lon=loc.lon, geo_precision=loc.geo_precision,
                         geometry=loc.geometry, note=c.note or cur.note, created_at=c.created_at, author=c.author)
    return cur


def _entry(r: Any) -> CorrectionEntry:
    """A correction_log row (sqlite3.Row or dict) as a :class:`CorrectionEntry`."""
    c = Correction(incident_id=r["incident_id"], category=r["category"], location_name=r["location_name"],
                   place_id=r["place_id"], country_code=r["country_code"], admin1=r["admin1"], lat=r["lat"],
                   lon=r["lon"], geo_precision=r["geo_precision"], geometry=json_value(r["geometry"]),
                   note=r["note"] or "", created_at=r["created_at"], author=r["author"] or "")
    return CorrectionEntry(int(r["seq"]), r["action"], c, r["undone_at"], r["undone_by"] or "")


def _log_values(c: Correction, created_at: str) -> tuple[Any, ...]:
    return (c.category, c.location_name, c.place_id, c.country_code, c.admin1, c.lat, c.lon, c.geo_precision,
            _j(c.geometry) if c.geometry else None, c.note, created_at, c.author)


@dataclass(frozen=True, slots=True)
class Record:
    """An incident as shown (corrections applied), with the machine's version and its article's title."""

    incident: Incident
    machine: Incident
    correction: Correction | None
    article_title: str = ""

    @property
    def corrected(self) -> bool:
        return self.correction is not None


@dataclass(frozen=True, slots=True)
class AddResult:
    """What an ingest did: the article id, whether it was new, how many incidents it has."""

    article_id: str
    added: bool
    incidents: int
    replaced: bool = False                 # the stored article was re-extracted (and its text replaced)
    corrections_kept: int = 0
    corrections_dropped: int = 0


class ArticleConflict(WebmapError):
    """The same article id with another text (answered 409); ``existing`` describes the stored article."""

    def __init__(self, article_id: str, existing: dict[str, Any] | None, message: str) -> None:
        super().__init__(message)
        self.article_id = article_id
        self.existing = existing


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article in lists: id, title, date, source and incident count."""

    article_id: str
    title: str
    date: str | None
    source_name: str
    incidents: int


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def where_clause(f: Filters) -> tuple[str, list[Any]]:
    """SQL WHERE (over incidents i, corrections c, articles a) and its parameters for these filters."""
    parts: list[str] = []
    params: list[Any] = []

    def any_of(expr: str, values: Sequence[Any]) -> None:
        parts.append(f"{expr} IN ({','.join('?' * len(values))})")
        params.extend(values)

    if f.categories:
        any_of(_EFFECTIVE["category"], f.categories)
    if f.event_types:
        from ..incidents.categories import CATEGORIES
        any_of(_EFFECTIVE["category"], [c.key for c in CATEGORIES if c.event_type in f.event_types])
    if f.date_from:
        parts.append("i.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        parts.append("i.date <= ?")
        params.append(f.date_to)
    if f.article:               # the incidents the article tells (also those merged with an earlier report)
        parts.append("(i.article_id = ? OR i.incident_id IN (SELECT incident_id FROM sources WHERE article_id = ?))")
        params += [f.article, f.article]
    if f.country:
        parts.append(f"{_EFFECTIVE['country_code']} = ?")
        params.append(f.country)
    if f.region:
        parts.append(f"lower({_EFFECTIVE['admin1']}) = lower(?)")
        params.append(f.region)
    if f.precision:
        any_of(_EFFECTIVE["geo_precision"], f.precision)
    if f.q:
        # SQL LIKE folds the case of ASCII letters only: Cyrillic queries also try their usual casings
        forms = [f.q] if f.q.isascii() else list(dict.fromkeys(
            [f.q, f.q.lower(), f.q[:1].upper() + f.q[1:].lower(), f.q.upper()]))
        ors = []
        for form in forms:
            like = "%" + form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            ors.append("i.sentence LIKE ? ESCAPE '\\' OR " + _EFFECTIVE["location_name"]
                       + " LIKE ? ESCAPE '\\' OR a.title LIKE ? ESCAPE '\\'")
            params += [like, like, like]
        parts.append("(" + " OR ".join(ors) + ")")
    bbox = getattr(f, "bbox", None)
    if bbox:                            # the corrected point in the box (a box may cross the antimeridian)
        from .base import bbox_parts
        boxes = []
        for w, so, e, n in bbox_parts(bbox):
            boxes.append("(COALESCE(c.lon, i.lon) BETWEEN ? AND ? AND COALESCE(c.lat, i.lat) BETWEEN ? AND ?)")
            params += [w, e, so, n]
        parts.append("(" + " OR ".join(boxes) + ")")
    within = getattr(f, "within", None)
    if within:                          # the corrected point inside the area: shapely, called from SQL
        from .base import region_shape
        g, _ = region_shape(within)     # raises FilterError for an unknown area
        w, so, e, n = g.bounds
        parts.append("COALESCE(c.lon, i.lon) BETWEEN ? AND ? AND COALESCE(c.lat, i.lat) BETWEEN ? AND ? "
                     "AND webmap_within(?, COALESCE(c.lon, i.lon), COALESCE(c.lat, i.lat))")
        params += [w, e, so, n, within]
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _within(region_id: str, lon: float | None, lat: float | None) -> int:
    """SQL function webmap_within(area id, lon, lat): 1 when the point is inside the gazetteer area."""
    if lon is None or lat is None:
        return 0
    from shapely.geometry import Point

    from .base import region_shape
    return int(region_shape(region_id)[1].intersects(Point(lon, lat)))


class IncidentStore:
    """Articles, incidents, source spans and corrections in one SQLite file."""

    IntegrityError = sqlite3.IntegrityError

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            cols = {r[1] for r in db.execute("PRAGMA table_info(incidents)")}
            if "feature" not in cols:            # stores made before the cached-feature column
                db.execute("ALTER TABLE incidents ADD COLUMN feature TEXT")
            if "author" not in {r[1] for r in db.execute("PRAGMA table_info(corrections)")}:
                db.execute("ALTER TABLE corrections ADD COLUMN author TEXT NOT NULL DEFAULT ''")
            db.execute(LOG_BACKFILL)             # stores made before the history: their corrections start it

    @contextmanager
    def _connect(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction: commit on success, roll back on any error.

        ``write`` takes the write lock at the start (BEGIN IMMEDIATE), so a check-then-insert (article
        identity) cannot race another writer: concurrent posts of one article are serialised.
        """
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None if write else "DEFERRED")
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        db.create_function("webmap_within", 3, _within, deterministic=True)
        try:
            if write:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                db.execute("COMMIT")
            else:
                with db:
                    yield db
        finally:
            db.close()

    # -- writes --------------------------------------------------------------------------------
    def add(self, article: Article, incidents: Sequence[Incident], *, replace_existing: bool = False) -> AddResult:
        """Store an article and its incidents in one transaction (the identity policy: :meth:`add_many`)."""
        return self.add_many([(article, incidents)], replace_existing=replace_existing)[0]

    def add_many(self, items: Sequence[tuple[Article, Sequence[Incident]]], *,
                 replace_existing: bool | Sequence[bool] = False) -> list[AddResult]:
        """Store several articles with their incidents, all in one transaction (all or nothing).

        Article identity: the same text is stored once (a text already stored under another id gives
        that article back, unchanged). The same id with the same text gives the stored article back
        (with ``replace_existing`` its machine incidents are replaced by ``incidents``). The same id
        with a new text raises :class:`ArticleConflict` unless ``replace_existing``: then the text is
        replaced, the incidents too, and the corrections whose incident still exists are kept.
        ``replace_existing`` may be one flag per item.

        :raises ArticleConflict: naming the stored article; nothing is written.
        """
        flags = [replace_existing] * len(items) if isinstance(replace_existing, bool) else list(replace_existing)
        results: list[AddResult] = []
        with self._connect(write=True) as db:
            for (article, incidents), flag in zip(items, flags):
                results.append(self._add(db, article, incidents, flag))
        return results

    def lookup(self, article: Article) -> AddResult | None:
        """What :meth:`add` would give without a change: the stored article for this id and text, or this
        text under another id; None when the article is new (or is a replacement).

        :raises ArticleConflict: when the id is stored with another text.
        """
        with self._connect() as db:
            row = self._identity(db, article)
            if row is None:
                return None
            return AddResult(row, False, self._count_of(db, row))

    def _identity(self, db: sqlite3.Connection, article: Article, replace_existing: bool = False) -> str | None:
        """The stored article id this article is (None: new); raises ArticleConflict per the policy."""
        h = text_hash(article.text)
        own = db.execute("SELECT article_id, text_hash, title, added_at FROM articles WHERE article_id = ?",
                         (article.article_id,)).fetchone()
        if own is not None and own["text_hash"] == h:
            return own["article_id"]
        other = db.execute("SELECT article_id FROM articles WHERE text_hash = ?", (h,)).fetchone()
        if own is None:
            return other[0] if other is not None else None
        existing = {"article_id": own["article_id"], "title": own["title"], "added_at": own["added_at"]}
        if other is not None:
            raise ArticleConflict(article.article_id, existing,
                                  f"article {article.article_id!r} exists with another text, and the new text "
                                  f"is already stored as article {other[0]!r}")
        if not replace_existing:
            raise ArticleConflict(article.article_id, existing,
                                  f"article {article.article_id!r} already exists with a different text "
                                  f"(added {own['added_at']}); send \"replace\": true to replace it")
        return None

    @staticmethod
    def _count_of(db: sqlite3.Connection, article_id: str) -> int:
        return db.execute("SELECT count(*) FROM incidents WHERE article_id = ?", (article_id,)).fetchone()[0]

    def _add(self, db: sqlite3.Connection, article: Article, incidents: Sequence[Incident],
             replace_existing: bool) -> AddResult:
        stored = self._identity(db, article, replace_existing)
        if stored is not None and (not replace_existing or stored != article.article_id):
            return AddResult(stored, False, self._count_of(db, stored))
        article_id = article.article_id
        h = text_hash(article.text)
        old = db.execute("SELECT text_hash FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        if old is None:
            db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?)",
                       (article_id, h, article.title, article.date, article.url, article.source_name,
                        article.text, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            for inc in incidents:
                self._insert_incident(db, inc, article_id)
            return AddResult(article_id, True, len(incidents))
        old_ids = [r[0] for r in db.execute("SELECT incident_id FROM incidents WHERE article_id = ?", (article_id,))]
        db.execute("DELETE FROM incidents WHERE article_id = ?", (article_id,))
        for inc in incidents:
            self._insert_incident(db, inc, article_id)
        kept = dropped = 0
        if old[0] != h:                       # a new text: its title, date, url too; stale corrections go
            db.execute("UPDATE articles SET text_hash = ?, title = ?, date = ?, url = ?, source_name = ?, text = ? "
                       "WHERE article_id = ?", (h, article.title, article.date, article.url, article.source_name,
                                                article.text, article_id))
            new_ids = {inc.incident_id for inc in incidents}
            gone = [i for i in old_ids if i not in new_ids]
            for i in range(0, len(gone), 500):
                chunk = gone[i:i + 500]
                dropped += db.execute(f"DELETE FROM corrections WHERE incident_id IN ({','.join('?' * len(chunk))})",
                                      chunk).rowcount
                db.execute(f"DELETE FROM correction_log WHERE incident_id IN ({','.join('?' * len(chunk))})", chunk)
            kept = db.execute("SELECT count(*) FROM corrections c JOIN incidents i USING (incident_id) "
                              "WHERE i.article_id = ?", (article_id,)).fetchone()[0]
        return AddResult(article_id, False, len(incidents), replaced=True, corrections_kept=kept,
                         corrections_dropped=dropped)

    @staticmethod
    def _insert_incident(db: sqlite3.Connection, inc: Incident, article_id: str) -> None:
        src = inc.source
        db.execute(
            "INSERT INTO incidents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (inc.incident_id, article_id, inc.category, inc.event_type, inc.sub_event_type, inc.date,
             inc.date_precision, inc.location_name, inc.place_id, inc.country_code, inc.admin1, inc.lat, inc.lon,
             inc.geo_precision, inc.score, _j(inc.geometry) if inc.geometry else None,
             _j([list(a) for a in inc.actors]), _j(list(inc.weapons)), _j([list(c) for c in inc.counts]),
             inc.notes, src.sentence_index if src else None, src.sentence if src else None, _feature_text(inc)))
        db.executemany(f"INSERT INTO sources VALUES (?,?,{','.join('?' * len(_SRC_COLS))})",
                       [(inc.incident_id, n, *(getattr(s, k) for k in _SRC_COLS)) for n, s in enumerate(inc.sources)])

    def same_event(self, incident: Incident, exclude_articles: Sequence[str] = ()) -> str | None:
        """The stored incident telling the same event (category, place and date) from another article, if any."""
        if not incident.place_id or not incident.date:
            return None
        ex = list(exclude_articles)
        with self._connect() as db:
            row = db.execute(
                "SELECT incident_id FROM incidents WHERE category = ? AND place_id = ? AND date = ? "
                f"AND article_id NOT IN ({','.join('?' * len(ex))}) ORDER BY rowid LIMIT 1",
                (incident.category, incident.place_id, incident.date, *ex)).fetchone()
        return row[0] if row else None

    def absorb(self, incident_id: str, other: Incident, *, replace_counts: bool = False) -> None:
        """Add another report of a stored incident: its sources, and the larger counts (a feed's new message);
        with ``replace_counts`` the other's counts take the place of the stored ones (counted again after an edit)."""
        rec = self.get(incident_id)
        if rec is None:
            raise KeyError(incident_id)
        inc = rec.machine
        with self._connect(write=True) as db:
            counts, new = absorbed(inc.counts, ((s.article_id, s.start) for s in inc.sources), other, replace_counts)
            merged = replace(inc, counts=counts, sources=inc.sources + tuple(new))
            db.execute("UPDATE incidents SET counts = ?, feature = ? WHERE incident_id = ?",
                       (_j([list(c) for c in merged.counts]), _feature_text(merged), incident_id))
            top = db.execute("SELECT COALESCE(MAX(seq), -1) FROM sources WHERE incident_id = ?",
                             (incident_id,)).fetchone()[0]
            db.executemany(f"INSERT INTO sources VALUES (?,?,{','.join('?' * len(_SRC_COLS))})",
                           [(incident_id, top + 1 + n, *(getattr(s, k) for k in _SRC_COLS))
                            for n, s in enumerate(new)])

    def told_by(self, article_ids: Sequence[str]) -> list[str]:
        """The incidents these articles lent a source span to, or own (in id order)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        with self._connect() as db:
            return [r[0] for r in db.execute(f"SELECT DISTINCT incident_id FROM sources WHERE article_id IN "
                                             f"({','.join('?' * len(ids))}) ORDER BY incident_id", ids)]

    def detach(self, article_ids: Sequence[str]) -> int:
        """Take the spans of these articles (messages about to be replaced by an edit) out of every incident.

        An incident of another article loses the spans these articles lent it; an incident one of these
        articles owns but that other articles also told passes to the first other report (its spans kept,
        these articles' spans dropped), so that replacing the article drops none of the other reports.
        The incidents told only by these articles stay, for the replacement to drop. Returns the number
        of spans taken out.
        """
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        with self._connect(write=True) as db:
            for (incident_id,) in db.execute(
                    f"SELECT DISTINCT i.incident_id FROM incidents i JOIN sources s USING (incident_id) "
                    f"WHERE i.article_id IN ({marks}) AND s.article_id NOT IN ({marks})", ids + ids).fetchall():
                first = db.execute(
                    f"SELECT article_id, sentence_index, sentence FROM sources WHERE incident_id = ? "
                    f"AND article_id NOT IN ({marks}) ORDER BY seq LIMIT 1", (incident_id, *ids)).fetchone()
                db.execute("UPDATE incidents SET article_id = ?, sentence_index = ?, sentence = ? "
                           "WHERE incident_id = ?", (*first, incident_id))
            touched = [r[0] for r in db.execute(
                f"SELECT DISTINCT s.incident_id FROM sources s JOIN incidents i USING (incident_id) "
                f"WHERE s.article_id IN ({marks}) AND i.article_id NOT IN ({marks})", ids + ids)]
            gone = db.execute(
                f"DELETE FROM sources WHERE article_id IN ({marks}) AND incident_id IN "
                f"(SELECT incident_id FROM incidents WHERE article_id NOT IN ({marks}))", ids + ids).rowcount
        for incident_id in touched:             # the cached feature lists the sources: write it again
            rec = self.get(incident_id)
            if rec is not None:
                with self._connect(write=True) as db:
                    db.execute("UPDATE incidents SET feature = ? WHERE incident_id = ?",
                               (_feature_text(rec.machine), incident_id))
        return gone

    def correct(self, correction: Correction) -> None:
        """Add a correction to the incident's history; the correction in force becomes every active step
        folded (:func:`fold_corrections`: the latest wins for what it gives).

        :raises KeyError: when the incident is unknown.
        """
        with self._connect(write=True) as db:
            if db.execute("SELECT 1 FROM incidents WHERE incident_id = ?", (correction.incident_id,)).fetchone() is None:
                raise KeyError(correction.incident_id)
            self._log(db, "correct", correction)
            self._set_current(db, correction.incident_id)

    def _log(self, db: sqlite3.Connection, action: str, c: Correction) -> None:
        db.execute(f"INSERT INTO correction_log (incident_id, action, {', '.join(LOG_FIELDS)}) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (c.incident_id, action, *_log_values(c, c.created_at or _now())))

    def _history(self, db: sqlite3.Connection, incident_id: str) -> list[CorrectionEntry]:
        return [_entry(r) for r in db.execute("SELECT * FROM correction_log WHERE incident_id = ? ORDER BY seq",
                                              (incident_id,))]

    def _set_current(self, db: sqlite3.Connection, incident_id: str) -> None:
        """Write the correction in force (the history folded) into ``corrections``, which reads join."""
        c = fold_corrections(self._history(db, incident_id))
        if c is None:
            db.execute("DELETE FROM corrections WHERE incident_id = ?", (incident_id,))
            return
        db.execute("INSERT OR REPLACE INTO corrections (incident_id, category, location_name, place_id, "
                   "country_code, admin1, lat, lon, geo_precision, geometry, note, created_at, author) "
                   "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (incident_id, *_log_values(c, c.created_at or _now())))

    def correction_history(self, incident_id: str) -> list[CorrectionEntry]:
        """Every correction step of an incident, oldest first (undone ones included and marked)."""
        with self._connect() as db:
            return self._history(db, incident_id)

    def undo_correction(self, incident_id: str, author: str = "") -> bool:
        """Undo the latest active step of the incident's history (a correction or a clear); True when there was one."""
        with self._connect(write=True) as db:
            row = db.execute("SELECT seq FROM correction_log WHERE incident_id = ? AND undone_at IS NULL "
                             "ORDER BY seq DESC LIMIT 1", (incident_id,)).fetchone()
            if row is None:
                return False
            db.execute("UPDATE correction_log SET undone_at = ?, undone_by = ? WHERE seq = ?", (_now(), author, row[0]))
            self._set_current(db, incident_id)
            return True

    # -- accounts (used when WEBMAP_AUTH=on; see webmap.auth) ------------------------------------------
    def add_user(self, name: str, password_hash: str) -> None:
        """Create a user, or set the password of an existing one (the hash is werkzeug.security's)."""
        with self._connect(write=True) as db:
            db.execute("INSERT INTO users VALUES (?,?,?) ON CONFLICT(name) DO UPDATE SET password_hash = "
                       "excluded.password_hash", (name, password_hash, _now()))

    def password_hash(self, name: str) -> str | None:
        """The stored password hash of a user, or None when there is no such user."""
        with self._connect() as db:
            row = db.execute("SELECT password_hash FROM users WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def add_token(self, name: str, token_hash: str, label: str = "") -> None:
        """Store the hash of an API token of a user. :raises KeyError: for an unknown user."""
        with self._connect(write=True) as db:
            if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is None:
                raise KeyError(name)
            db.execute("INSERT INTO tokens VALUES (?,?,?,?)", (token_hash, name, label, _now()))

    def user_for_token(self, token_hash: str) -> str | None:
        """The user an API token hash belongs to, or None."""
        with self._connect() as db:
            row = db.execute("SELECT user_name FROM tokens WHERE token_hash = ?", (token_hash,)).fetchone()
        return row[0] if row else None

    def remove_correction(self, incident_id: str, author: str = "", note: str = "") -> bool:
        """Set the incident back to the machine's reading (a "clear" step in its history, which keeps the
        earlier corrections); True when a correction was in force."""
        with self._connect(write=True) as db:
            if db.execute("SELECT 1 FROM corrections WHERE incident_id = ?", (incident_id,)).fetchone() is None:
                return False
            self._log(db, "clear", Correction(incident_id, note=note, author=author))
            self._set_current(db, incident_id)
            return True

    # -- reads ---------------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        with self._connect() as db:
            r = db.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return None if r is None else article_from_row(r)

    def articles(self) -> list[ArticleSummary]:
        """All articles, newest first, with their incident counts."""
        with self._connect() as db:
            rows = db.execute("SELECT a.article_id, a.title, a.date, a.source_name, count(i.incident_id) "
                              "FROM articles a LEFT JOIN incidents i USING (article_id) GROUP BY a.article_id "
                              "ORDER BY a.date DESC, a.added_at DESC").fetchall()
        return [ArticleSummary(*r) for r in rows]

    def get(self, incident_id: str) -> Record | None:
        """One incident (corrections applied), or None."""
        records = self._select(" WHERE i.incident_id = ?", [incident_id])
        return records[0] if records else None

    def query(self, filters: Filters | None = None, limit: int | None = None) -> list[Record]:
        """The incidents matching the filters, ordered by date, article and sentence."""
        where, params = where_clause(filters or Filters())
        return self._select(where, params, limit)

    def count(self, filters: Filters | None = None) -> int:
        """How many incidents match."""
        where, params = where_clause(filters or Filters())
        with self._connect() as db:
            return db.execute("SELECT count(*)" + _FROM + where, params).fetchone()[0]

    def feature_rows(self, filters: Filters | None = None) -> list[tuple[str, str | None, bool]]:
        """(incident id, cached machine GeoJSON feature text or None, corrected) of the matching incidents
        (None for the unlocated, whose features the export builds with a null geometry)."""
        return [row for chunk in self.iter_feature_rows(filters) for row in chunk]

    def iter_feature_rows(self, filters: Filters | None = None,
                          chunk: int = 1000) -> Iterator[list[tuple[str, str | None, bool]]]:
        """:meth:`feature_rows` in chunks of ``chunk`` rows, read from one cursor (memory flat in the count).

        The read transaction lasts while the caller iterates; close the generator to end it early.
        """
        where, params = where_clause(filters or Filters())
        with self._connect() as db:
            cur = db.execute("SELECT i.incident_id, i.feature, c.incident_id IS NOT NULL" + _FROM + where
                             + " ORDER BY i.date, i.article_id, i.sentence_index, i.incident_id", params)
            while rows := cur.fetchmany(chunk):
                yield [(r[0], r[1], bool(r[2])) for r in rows]

    def iter_records(self, filters: Filters | None = None, chunk: int = 500, *, limit: int | None = None,
                     offset: int = 0) -> Iterator[list[Record]]:
        """The matching incidents (as :meth:`query`, optionally a page of them) in chunks of ``chunk`` records.

        One cursor reads the incidents; each chunk's sources are read by incident id, so memory stays flat
        in the number of incidents.
        """
        where, params = where_clause(filters or Filters())
        yield from self._iter_select(where, params, limit, offset, chunk)

    def map_rows(self, filters: Filters | None = None) -> list[MapRow]:
        """What the map draws of the matching incidents (:class:`webmap.store.base.MapRow`), in query order."""
        where, params = where_clause(filters or Filters())
        with self._connect() as db:
            rows = db.execute(MAP_SELECT.format(line="instr(i.geometry, '\"LineString\"') > 0") + where
                              + " ORDER BY i.date, i.article_id, i.sentence_index, i.incident_id", params).fetchall()
        return [map_row(r) for r in rows]

    def stats(self) -> dict[str, int]:
        """Row counts of each table."""
        with self._connect() as db:
            return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "incidents", "sources", "corrections")}

    def _select(self, where: str, params: list[Any], limit: int | None = None) -> list[Record]:
        return [r for chunk in self._iter_select(where, params, limit, 0, 1000) for r in chunk]

    def _iter_select(self, where: str, params: list[Any], limit: int | None, offset: int,
                     chunk: int) -> Iterator[list[Record]]:
        order = " ORDER BY i.date, i.article_id, i.sentence_index, i.incident_id"
        lim = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else (
            f" LIMIT -1 OFFSET {int(offset)}" if offset else "")
        with self._connect() as db:
            cur = db.execute(_RECORD_SELECT + _FROM + where + order + lim, params)
            while rows := cur.fetchmany(chunk):
                ids = [r["incident_id"] for r in rows]
                sources = _sources_by_incident(db.execute(
                    f"SELECT * FROM sources WHERE incident_id IN ({','.join('?' * len(ids))}) ORDER BY incident_id, seq",
                    ids))
                yield [_record(r, sources.get(r["incident_id"], ())) for r in rows]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _feature_text(inc: Incident) -> str | None:
    """The machine's GeoJSON feature (webmap.incidents.geojson), cached so that big exports need no object per row."""
    if inc.lat is None or inc.lon is None:
        return None
    from ..incidents.geojson import to_feature
    return _j(to_feature(inc))


def _sources_by_incident(rows: Iterable[Any]) -> dict[str, tuple[SourceSpan, ...]]:
    """``sources`` rows (ordered by incident and seq) as each incident's source spans."""
    out: dict[str, list[SourceSpan]] = {}
    for s in rows:
        out.setdefault(s["incident_id"], []).append(SourceSpan(*(s[k] for k in _SRC_COLS)))
    return {k: tuple(v) for k, v in out.items()}


def _record(r: sqlite3.Row, sources: tuple[SourceSpan, ...]) -> Record:
    machine = Incident(
        incident_id=r["incident_id"], category=r["category"], event_type=r["event_type"],
        sub_event_type=r["sub_event_type"], date=r["date"], date_precision=r["date_precision"],
        location_name=r["location_name"], place_id=r["place_id"], country_code=r["country_code"], admin1=r["admin1"],
        lat=r["lat"], lon=r["lon"], geo_precision=r["geo_precision"], score=r["score"],
        geometry=json_value(r["geometry"]),
        actors=tuple(tuple(a) for a in json_value(r["actors"]) or ()), weapons=tuple(json_value(r["weapons"]) or ()),
        counts=tuple((k, int(v)) for k, v in json_value(r["counts"]) or ()), sources=sources, notes=r["notes"])
    correction = None
    if r["c_id"] is not None:
        correction = Correction(
            incident_id=r["c_id"], category=r["c_category"], location_name=r["c_location_name"],
            place_id=r["c_place_id"], country_code=r["c_country_code"], admin1=r["c_admin1"], lat=r["c_lat"],
            lon=r["c_lon"], geo_precision=r["c_geo_precision"],
            geometry=json_value(r["c_geometry"]), note=r["c_note"],
            created_at=r["c_created_at"], author=r["c_author"] or "")
    shown = correction.apply(machine) if correction else machine
    return Record(shown, machine, correction, r["article_title"])
