"""The incident store on PostgreSQL + PostGIS (``WEBMAP_DATABASE=postgresql://user:pass@host/db``), for a team.

The same contract as the SQLite store (:class:`webmap.store.base.Store`), with:

* geometries in ``geometry(Geometry, 4326)`` (the area, or the point) and ``geometry(Point, 4326)`` (the
  representative point) columns with GiST indexes; ``bbox`` and ``within`` filters run in PostGIS;
* full-text search with PostgreSQL's own text search (``simple`` configuration, so any language; words
  match by prefix) over the sentence, the place and the article title, GIN-indexed;
* connections pooled (psycopg 3 + psycopg_pool), one pool per process (safe with forking servers);
* a versioned schema: the ``schema_version`` table records the migrations applied, applied at start
  under an advisory lock so that several workers starting at once apply each one once;
* article identity under advisory locks taken in a fixed order (the text hash and the article id), so
  that concurrent workers never store an article twice; corrections are upserts under the same lock
  as their article's re-ingestion, so that none is lost.

Value objects round-trip exactly: the GeoJSON geometry is kept as given beside its PostGIS column.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Iterator, Sequence

from ..filters import Filters
from ..incidents.models import Article, Incident
from .base import MAP_SELECT, MapRow, absorbed, article_from_row, bbox_parts, map_row, region_geojson
from .sqlite import (_EFFECTIVE, _FROM, _RECORD_SELECT, _SRC_COLS, LOG_BACKFILL, LOG_FIELDS, AddResult,
                     ArticleConflict, ArticleSummary, Correction, CorrectionEntry, Record, _entry, _feature_text, _j,
                     _log_values, _record, _sources_by_incident, fold_corrections, text_hash)

log = logging.getLogger(__name__)

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE articles (
  article_id text PRIMARY KEY, text_hash text NOT NULL UNIQUE, title text NOT NULL DEFAULT '', date text,
  url text NOT NULL DEFAULT '', source_name text NOT NULL DEFAULT '', text text NOT NULL, added_at text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED);
CREATE TABLE incidents (
  incident_id text PRIMARY KEY, article_id text NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
  category text NOT NULL, event_type text NOT NULL, sub_event_type text NOT NULL, date text,
  date_precision text NOT NULL, location_name text NOT NULL, place_id text, country_code text, admin1 text,
  lat double precision, lon double precision, geo_precision integer, score double precision NOT NULL,
  geometry text, actors text NOT NULL, weapons text NOT NULL, counts text NOT NULL, notes text NOT NULL,
  sentence_index integer, sentence text, feature text,
  pt geometry(Point, 4326), geom geometry(Geometry, 4326),
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(sentence, '') || ' ' || location_name)) STORED);
CREATE INDEX incidents_article ON incidents(article_id);
CREATE INDEX incidents_date ON incidents(date);
CREATE INDEX incidents_pt ON incidents USING gist(pt);
CREATE INDEX incidents_geom ON incidents USING gist(geom);
CREATE INDEX incidents_tsv ON incidents USING gin(tsv);
CREATE INDEX articles_tsv ON articles USING gin(tsv);
CREATE TABLE sources (
  incident_id text NOT NULL REFERENCES incidents(incident_id) ON DELETE CASCADE, seq integer NOT NULL,
  article_id text NOT NULL, sentence_index integer NOT NULL, sentence text NOT NULL, start integer NOT NULL,
  "end" integer NOT NULL, trigger_start integer, trigger_end integer, place_start integer, place_end integer,
  PRIMARY KEY (incident_id, seq));
CREATE TABLE corrections (
  incident_id text PRIMARY KEY, category text, location_name text, place_id text, country_code text,
  admin1 text, lat double precision, lon double precision, geo_precision integer, geometry text,
  note text NOT NULL DEFAULT '', created_at text NOT NULL, pt geometry(Point, 4326));
CREATE INDEX corrections_pt ON corrections USING gist(pt);
"""),
    (2, """
ALTER TABLE corrections ADD COLUMN author text NOT NULL DEFAULT '';
CREATE TABLE users (name text PRIMARY KEY, password_hash text NOT NULL, created_at text NOT NULL);
CREATE TABLE tokens (
  token_hash text PRIMARY KEY, user_name text NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  label text NOT NULL DEFAULT '', created_at text NOT NULL);
"""),
    (3, """
CREATE TABLE correction_log (
  seq bigserial PRIMARY KEY, incident_id text NOT NULL, action text NOT NULL, category text, location_name text,
  place_id text, country_code text, admin1 text, lat double precision, lon double precision, geo_precision integer,
  geometry text, note text NOT NULL DEFAULT '', created_at text NOT NULL, author text NOT NULL DEFAULT '',
  undone_at text, undone_by text);
CREATE INDEX correction_log_incident ON correction_log(incident_id, seq);
""" + LOG_BACKFILL + ";"),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
_LOCK_SCHEMA = 72_601_001          # advisory lock key of the migrations
_ORDER = (' ORDER BY i.date COLLATE "C" NULLS FIRST, i.article_id COLLATE "C", i.sentence_index NULLS FIRST,'
          ' i.incident_id COLLATE "C"')
_PT = "COALESCE(c.pt, i.pt)"
POOL_SIZE = 8                       # connections pooled per process unless told (the app: config DB_POOL)


def _tsquery(q: str) -> str | None:
    """A prefix tsquery of the words of ``q`` ('oil depot' -> 'oil':* & 'depot':*), None when it has none."""
    words = re.findall(r"\w+", q.lower())
    return " & ".join(f"'{w}':*" for w in words) if words else None


def where_clause(f: Filters) -> tuple[str, list[Any]]:
    """SQL WHERE (over incidents i, corrections c, articles a) and its parameters, PostgreSQL dialect."""
    parts: list[str] = []
    params: list[Any] = []
    if f.categories:
        parts.append(f"{_EFFECTIVE['category']} = ANY(%s)")
        params.append(list(f.categories))
    if f.event_types:
        from ..incidents.categories import CATEGORIES
        parts.append(f"{_EFFECTIVE['category']} = ANY(%s)")
        params.append([c.key for c in CATEGORIES if c.event_type in f.event_types])
    if f.date_from:
        parts.append("i.date >= %s")
        params.append(f.date_from)
    if f.date_to:
        parts.append("i.date <= %s")
        params.append(f.date_to)
    if f.article:               # the incidents the article tells (also those merged with an earlier report)
        parts.append("(i.article_id = %s OR i.incident_id IN (SELECT incident_id FROM sources WHERE article_id = %s))")
        params += [f.article, f.article]
    if f.country:
        parts.append(f"{_EFFECTIVE['country_code']} = %s")
        params.append(f.country)
    if f.region:
        parts.append(f"lower({_EFFECTIVE['admin1']}) = lower(%s)")
        params.append(f.region)
    if f.precision:
        parts.append(f"{_EFFECTIVE['geo_precision']} = ANY(%s)")
        params.append(list(f.precision))
    if f.q:
        tsq = _tsquery(f.q)
        if tsq is None:
            parts.append("false")
        else:
            parts.append("(i.tsv @@ to_tsquery('simple', %s) OR a.tsv @@ to_tsquery('simple', %s)"
                         " OR to_tsvector('simple', coalesce(c.location_name, '')) @@ to_tsquery('simple', %s))")
            params += [tsq, tsq, tsq]
    bbox = getattr(f, "bbox", None)
    if bbox:
        # the GiST index of incidents.pt (OR'ed with the few corrections that moved into the box, by
        # primary key: a BitmapOr) finds the candidates; the corrected point decides
        boxes = bbox_parts(bbox)
        env = " OR ".join(["{col} && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"] * len(boxes))
        flat = [v for b in boxes for v in b]
        parts.append(f"(({env.format(col='i.pt')}) OR i.incident_id = ANY(ARRAY(SELECT incident_id FROM corrections "
                     f"WHERE {env.format(col='pt')}))) AND ({env.format(col=_PT)})")
        params += flat * 3
    within = getattr(f, "within", None)
    if within:
        region = "(SELECT ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326))"
        parts.append(f"(ST_Intersects(i.pt, {region}) OR i.incident_id = ANY(ARRAY(SELECT incident_id FROM "
                     f"corrections WHERE ST_Intersects(pt, {region})))) AND ST_Intersects({_PT}, {region})")
        params += [region_geojson(within)] * 3
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _point_sql(lat: float | None, lon: float | None) -> tuple[str, list[Any]]:
    if lat is None or lon is None:
        return "NULL", []
    return "ST_SetSRID(ST_MakePoint(%s, %s), 4326)", [lon, lat]


class PostGISStore:
    """Articles, incidents, source spans and corrections in a PostgreSQL + PostGIS database."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = POOL_SIZE) -> None:
        import psycopg

        self.url = url
        self.IntegrityError = psycopg.IntegrityError
        self._min, self._max = min_size, max_size
        self._pool: Any = None
        self._pid = 0
        self._lock = threading.Lock()
        self._migrate()

    def __repr__(self) -> str:
        return f"PostGISStore({re.sub(r'//[^@/]*@', '//***@', self.url)!r})"

    # -- connections ----------------------------------------------------------------------------
    def _get_pool(self) -> Any:
        with self._lock:
            if self._pool is None or self._pid != os.getpid():     # a forked worker opens its own pool
                from psycopg.rows import dict_row
                from psycopg_pool import ConnectionPool

                self._pool = ConnectionPool(self.url, min_size=self._min, max_size=self._max, open=True,
                                            kwargs={"row_factory": dict_row}, name="webmap")
                self._pid = os.getpid()
            return self._pool

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        """A connection in one transaction: commit on success, roll back on any error."""
        with self._get_pool().connection() as conn:
            with conn.transaction():
                yield conn

    def close(self) -> None:
        with self._lock:
            if self._pool is not None and self._pid == os.getpid():
                self._pool.close()
            self._pool = None

    def _migrate(self) -> None:
        with self._connect() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_SCHEMA,))
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                       "applied_at timestamptz NOT NULL DEFAULT now())")
            done = {r["version"] for r in db.execute("SELECT version FROM schema_version")}
            for version, ddl in MIGRATIONS:
                if version not in done:
                    db.execute(ddl)
                    db.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
                    log.info("store schema migrated to version %d", version)

    def schema_version(self) -> int:
        with self._connect() as db:
            return db.execute("SELECT max(version) AS v FROM schema_version").fetchone()["v"]

    # -- writes ---------------------------------------------------------------------------------
    def add(self, article: Article, incidents: Sequence[Incident], *, replace_existing: bool = False) -> AddResult:
        """Store an article and its incidents in one transaction (the identity policy: :meth:`add_many`)."""
        return self.add_many([(article, incidents)], replace_existing=replace_existing)[0]

    def add_many(self, items: Sequence[tuple[Article, Sequence[Incident]]], *,
                 replace_existing: bool | Sequence[bool] = False) -> list[AddResult]:
        """Store several articles with their incidents in one transaction (all or nothing); the identity
        policy of the SQLite store (``IncidentStore.add_many``).

        :raises ArticleConflict: naming the stored article; nothing is written.
        """
        flags = [replace_existing] * len(items) if isinstance(replace_existing, bool) else list(replace_existing)
        with self._connect() as db:
            self._lock_articles(db, [a for a, _ in items])
            return [self._add(db, article, incidents, flag) for (article, incidents), flag in zip(items, flags)]

    @staticmethod
    def _lock_articles(db: Any, articles: Sequence[Article]) -> None:
        """Advisory locks on the articles' ids and text hashes, in one order (no deadlock between batches)."""
        keys = sorted({f"id:{a.article_id}" for a in articles} | {f"h:{text_hash(a.text)}" for a in articles})
        for k in keys:
            db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (k,))

    def lookup(self, article: Article) -> AddResult | None:
        """What :meth:`add` would give without a change (see ``IncidentStore.lookup``)."""
        with self._connect() as db:
            row = self._identity(db, article)
            return None if row is None else AddResult(row, False, self._count_of(db, row))

    def _identity(self, db: Any, article: Article, replace_existing: bool = False) -> str | None:
        h = text_hash(article.text)
        own = db.execute("SELECT article_id, text_hash, title, added_at FROM articles WHERE article_id = %s",
                         (article.article_id,)).fetchone()
        if own is not None and own["text_hash"] == h:
            return own["article_id"]
        other = db.execute("SELECT article_id FROM articles WHERE text_hash = %s", (h,)).fetchone()
        if own is None:
            return other["article_id"] if other is not None else None
        existing = {"article_id": own["article_id"], "title": own["title"], "added_at": own["added_at"]}
        if other is not None:
            raise ArticleConflict(article.article_id, existing,
                                  f"article {article.article_id!r} exists with another text, and the new text "
                                  f"is already stored as article {other['article_id']!r}")
        if not replace_existing:
            raise ArticleConflict(article.article_id, existing,
                                  f"article {article.article_id!r} already exists with a different text "
                                  f"(added {own['added_at']}); send \"replace\": true to replace it")
        return None

    @staticmethod
    def _count_of(db: Any, article_id: str) -> int:
        return db.execute("SELECT count(*) AS n FROM incidents WHERE article_id = %s", (article_id,)).fetchone()["n"]

    def _add(self, db: Any, article: Article, incidents: Sequence[Incident], replace_existing: bool) -> AddResult:
        stored = self._identity(db, article, replace_existing)
        if stored is not None and (not replace_existing or stored != article.article_id):
            return AddResult(stored, False, self._count_of(db, stored))
        article_id = article.article_id
        h = text_hash(article.text)
        old = db.execute("SELECT text_hash FROM articles WHERE article_id = %s", (article_id,)).fetchone()
        if old is None:
            db.execute("INSERT INTO articles (article_id, text_hash, title, date, url, source_name, text, added_at) "
                       "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                       (article_id, h, article.title, article.date, article.url, article.source_name, article.text,
                        _now()))
            self._insert_incidents(db, incidents, article_id)
            return AddResult(article_id, True, len(incidents))
        old_ids = [r["incident_id"] for r in db.execute("SELECT incident_id FROM incidents WHERE article_id = %s",
                                                         (article_id,))]
        db.execute("DELETE FROM incidents WHERE article_id = %s", (article_id,))
        self._insert_incidents(db, incidents, article_id)
        kept = dropped = 0
        if old["text_hash"] != h:
            db.execute("UPDATE articles SET text_hash = %s, title = %s, date = %s, url = %s, source_name = %s, "
                       "text = %s WHERE article_id = %s", (h, article.title, article.date, article.url,
                                                          article.source_name, article.text, article_id))
            new_ids = {inc.incident_id for inc in incidents}
            gone = [i for i in old_ids if i not in new_ids]
            if gone:
                dropped = db.execute("DELETE FROM corrections WHERE incident_id = ANY(%s)", (gone,)).rowcount
                db.execute("DELETE FROM correction_log WHERE incident_id = ANY(%s)", (gone,))
            kept = db.execute("SELECT count(*) AS n FROM corrections c JOIN incidents i USING (incident_id) "
                              "WHERE i.article_id = %s", (article_id,)).fetchone()["n"]
        return AddResult(article_id, False, len(incidents), replaced=True, corrections_kept=kept,
                         corrections_dropped=dropped)

    @staticmethod
    def _insert_incidents(db: Any, incidents: Sequence[Incident], article_id: str) -> None:
        if not incidents:
            return
        rows = []
        for inc in incidents:
            src = inc.source
            geo = _j(inc.geometry) if inc.geometry else None
            rows.append((inc.incident_id, article_id, inc.category, inc.event_type, inc.sub_event_type, inc.date,
                         inc.date_precision, inc.location_name, inc.place_id, inc.country_code, inc.admin1, inc.lat,
                         inc.lon, inc.geo_precision, inc.score, geo, _j([list(a) for a in inc.actors]),
                         _j(list(inc.weapons)), _j([list(c) for c in inc.counts]), inc.notes,
                         src.sentence_index if src else None, src.sentence if src else None, _feature_text(inc),
                         inc.lon, inc.lat, geo))
        with db.cursor() as cur:
            cur.executemany(
                "INSERT INTO incidents (incident_id, article_id, category, event_type, sub_event_type, date, "
                "date_precision, location_name, place_id, country_code, admin1, lat, lon, geo_precision, score, "
                "geometry, actors, weapons, counts, notes, sentence_index, sentence, feature, pt, geom) VALUES "
                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                " ST_SetSRID(ST_MakePoint(%s, %s), 4326), NULL)", [r[:-1] for r in rows])
            # the area when there is one, else the point (a NULL-safe second pass keeps the insert simple)
            areas = [(r[-1], r[0]) for r in rows if r[-1]]
            if areas:
                cur.executemany("UPDATE incidents SET geom = ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326) "
                                "WHERE incident_id = %s", areas)
            cur.execute("UPDATE incidents SET geom = pt WHERE article_id = %s AND geom IS NULL", (article_id,))
            cur.executemany(
                'INSERT INTO sources (incident_id, seq, article_id, sentence_index, sentence, start, "end", '
                "trigger_start, trigger_end, place_start, place_end) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "%s, %s)",
                [(inc.incident_id, n, *(getattr(s, k) for k in _SRC_COLS))
                 for inc in incidents for n, s in enumerate(inc.sources)])

    # -- one event told by several messages (a feed): see ``IncidentStore.same_event`` ------------
    def same_event(self, incident: Incident, exclude_articles: Sequence[str] = ()) -> str | None:
        """The stored incident telling the same event (category, place and date) from another article, if any."""
        if not incident.place_id or not incident.date:
            return None
        with self._connect() as db:
            row = db.execute(
                "SELECT incident_id FROM incidents WHERE category = %s AND place_id = %s AND date = %s "
                "AND NOT (article_id = ANY(%s)) ORDER BY article_id COLLATE \"C\", sentence_index NULLS FIRST, "
                "incident_id COLLATE \"C\" LIMIT 1",
                (incident.category, incident.place_id, incident.date, list(exclude_articles))).fetchone()
        return row["incident_id"] if row else None

    def absorb(self, incident_id: str, other: Incident, *, replace_counts: bool = False) -> None:
        """Add another report of a stored incident: its sources, and the larger counts (the row locked meanwhile);
        with ``replace_counts`` the other's counts take the place of the stored ones (counted again after an edit).

        :raises KeyError: when the incident is unknown.
        """
        with self._connect() as db:
            row = db.execute("SELECT counts FROM incidents WHERE incident_id = %s FOR UPDATE",
                             (incident_id,)).fetchone()
            if row is None:
                raise KeyError(incident_id)
            have = db.execute("SELECT seq, article_id, start FROM sources WHERE incident_id = %s ORDER BY seq",
                              (incident_id,)).fetchall()
            counts, new = absorbed(((k, int(v)) for k, v in json.loads(row["counts"])),
                                   ((r["article_id"], r["start"]) for r in have), other, replace_counts)
            top = max((r["seq"] for r in have), default=-1)
            with db.cursor() as cur:
                cur.executemany(
                    'INSERT INTO sources (incident_id, seq, article_id, sentence_index, sentence, start, "end", '
                    "trigger_start, trigger_end, place_start, place_end) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, "
                    "%s, %s, %s)", [(incident_id, top + 1 + n, *(getattr(s, k) for k in _SRC_COLS))
                                    for n, s in enumerate(new)])
            db.execute("UPDATE incidents SET counts = %s WHERE incident_id = %s",
                       (_j([list(c) for c in counts]), incident_id))
        self._refresh_features([incident_id])

    def told_by(self, article_ids: Sequence[str]) -> list[str]:
        """The incidents these articles lent a source span to, or own (in id order)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        with self._connect() as db:
            return [r["incident_id"] for r in db.execute(
                "SELECT incident_id FROM sources WHERE article_id = ANY(%s) GROUP BY incident_id ORDER BY incident_id COLLATE \"C\"",
                (ids,)).fetchall()]

    def detach(self, article_ids: Sequence[str]) -> int:
        """Take the spans of these articles (messages about to be replaced by an edit) out of every incident;
        an incident they own that other articles also told passes to the first other report
        (see ``IncidentStore.detach``). Returns the number of spans taken out."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return 0
        with self._connect() as db:
            for r in db.execute("SELECT DISTINCT i.incident_id FROM incidents i JOIN sources s USING (incident_id) "
                                "WHERE i.article_id = ANY(%s) AND NOT (s.article_id = ANY(%s))", (ids, ids)).fetchall():
                first = db.execute("SELECT article_id, sentence_index, sentence FROM sources WHERE incident_id = %s "
                                   "AND NOT (article_id = ANY(%s)) ORDER BY seq LIMIT 1",
                                   (r["incident_id"], ids)).fetchone()
                db.execute("UPDATE incidents SET article_id = %s, sentence_index = %s, sentence = %s "
                           "WHERE incident_id = %s", (first["article_id"], first["sentence_index"], first["sentence"],
                                                      r["incident_id"]))
            touched = [r["incident_id"] for r in db.execute(
                "SELECT DISTINCT s.incident_id FROM sources s JOIN incidents i USING (incident_id) "
                "WHERE s.article_id = ANY(%s) AND NOT (i.article_id = ANY(%s))", (ids, ids))]
            gone = db.execute("DELETE FROM sources s USING incidents i WHERE s.incident_id = i.incident_id "
                              "AND s.article_id = ANY(%s) AND NOT (i.article_id = ANY(%s))", (ids, ids)).rowcount
        self._refresh_features(touched)
        return gone

    def _refresh_features(self, incident_ids: Sequence[str]) -> None:
        """Write again the cached GeoJSON feature (it lists the sources) of these incidents."""
        for incident_id in incident_ids:
            rec = self.get(incident_id)
            if rec is not None:
                with self._connect() as db:
                    db.execute("UPDATE incidents SET feature = %s WHERE incident_id = %s",
                               (_feature_text(rec.machine), incident_id))

    def correct(self, correction: Correction) -> None:
        """Add a correction to the incident's history and write the correction in force (the history folded,
        see ``IncidentStore.correct``), under its article's lock.

        :raises KeyError: when the incident is unknown.
        """
        c = correction
        with self._connect() as db:
            self._lock_incident(db, c.incident_id)
            self._log(db, "correct", c)
            self._set_current(db, c.incident_id)

    def _lock_incident(self, db: Any, incident_id: str) -> None:
        row = db.execute("SELECT article_id FROM incidents WHERE incident_id = %s", (incident_id,)).fetchone()
        if row is None:
            raise KeyError(incident_id)
        db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"id:{row['article_id']}",))
        if db.execute("SELECT 1 FROM incidents WHERE incident_id = %s", (incident_id,)).fetchone() is None:
            raise KeyError(incident_id)        # its article was re-extracted meanwhile without it

    @staticmethod
    def _log(db: Any, action: str, c: Correction) -> None:
        db.execute(f"INSERT INTO correction_log (incident_id, action, {', '.join(LOG_FIELDS)}) VALUES "
                   "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                   (c.incident_id, action, *_log_values(c, c.created_at or _now())))

    @staticmethod
    def _history(db: Any, incident_id: str) -> list[CorrectionEntry]:
        return [_entry(r) for r in db.execute("SELECT * FROM correction_log WHERE incident_id = %s ORDER BY seq",
                                              (incident_id,))]

    def _set_current(self, db: Any, incident_id: str) -> None:
        c = fold_corrections(self._history(db, incident_id))
        if c is None:
            db.execute("DELETE FROM corrections WHERE incident_id = %s", (incident_id,))
            return
        pt, pt_params = _point_sql(c.lat, c.lon)
        db.execute(
            "INSERT INTO corrections (incident_id, category, location_name, place_id, country_code, admin1, "
            "lat, lon, geo_precision, geometry, note, created_at, author, pt) VALUES "
            f"(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, {pt}) ON CONFLICT (incident_id) DO UPDATE SET "
            "category = EXCLUDED.category, location_name = EXCLUDED.location_name, place_id = EXCLUDED.place_id, "
            "country_code = EXCLUDED.country_code, admin1 = EXCLUDED.admin1, lat = EXCLUDED.lat, "
            "lon = EXCLUDED.lon, geo_precision = EXCLUDED.geo_precision, geometry = EXCLUDED.geometry, "
            "note = EXCLUDED.note, created_at = EXCLUDED.created_at, author = EXCLUDED.author, pt = EXCLUDED.pt",
            (incident_id, *_log_values(c, c.created_at or _now()), *pt_params))

    def correction_history(self, incident_id: str) -> list[CorrectionEntry]:
        """Every correction step of an incident, oldest first (undone ones included and marked)."""
        with self._connect() as db:
            return self._history(db, incident_id)

    def undo_correction(self, incident_id: str, author: str = "") -> bool:
        """Undo the latest active step of the incident's history; True when there was one."""
        with self._connect() as db:
            try:
                self._lock_incident(db, incident_id)
            except KeyError:
                return False
            row = db.execute("SELECT seq FROM correction_log WHERE incident_id = %s AND undone_at IS NULL "
                             "ORDER BY seq DESC LIMIT 1", (incident_id,)).fetchone()
            if row is None:
                return False
            db.execute("UPDATE correction_log SET undone_at = %s, undone_by = %s WHERE seq = %s",
                       (_now(), author, row["seq"]))
            self._set_current(db, incident_id)
            return True

    # -- accounts (used when WEBMAP_AUTH=on; see webmap.auth) -----------------------------------
    def add_user(self, name: str, password_hash: str) -> None:
        """Create a user, or set the password of an existing one (an upsert)."""
        with self._connect() as db:
            db.execute("INSERT INTO users VALUES (%s, %s, %s) ON CONFLICT (name) DO UPDATE SET "
                       "password_hash = EXCLUDED.password_hash", (name, password_hash, _now()))

    def password_hash(self, name: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT password_hash FROM users WHERE name = %s", (name,)).fetchone()
        return row["password_hash"] if row else None

    def add_token(self, name: str, token_hash: str, label: str = "") -> None:
        """Store the hash of an API token of a user. :raises KeyError: for an unknown user."""
        with self._connect() as db:
            if db.execute("SELECT 1 FROM users WHERE name = %s", (name,)).fetchone() is None:
                raise KeyError(name)
            db.execute("INSERT INTO tokens VALUES (%s, %s, %s, %s)", (token_hash, name, label, _now()))

    def user_for_token(self, token_hash: str) -> str | None:
        with self._connect() as db:
            row = db.execute("SELECT user_name FROM tokens WHERE token_hash = %s", (token_hash,)).fetchone()
        return row["user_name"] if row else None

    def remove_correction(self, incident_id: str, author: str = "", note: str = "") -> bool:
        """Set the incident back to the machine's reading (a "clear" step in its history); True when a
        correction was in force."""
        with self._connect() as db:
            try:
                self._lock_incident(db, incident_id)
            except KeyError:
                return False
            if db.execute("SELECT 1 FROM corrections WHERE incident_id = %s", (incident_id,)).fetchone() is None:
                return False
            self._log(db, "clear", Correction(incident_id, note=note, author=author))
            self._set_current(db, incident_id)
            return True

    # -- reads ----------------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        with self._connect() as db:
            r = db.execute("SELECT * FROM articles WHERE article_id = %s", (article_id,)).fetchone()
        return None if r is None else article_from_row(r)

    def articles(self) -> list[ArticleSummary]:
        with self._connect() as db:
            rows = db.execute("SELECT a.article_id, a.title, a.date, a.source_name, count(i.incident_id) AS n "
                              "FROM articles a LEFT JOIN incidents i USING (article_id) GROUP BY a.article_id "
                              "ORDER BY a.date DESC NULLS LAST, a.added_at DESC").fetchall()
        return [ArticleSummary(r["article_id"], r["title"], r["date"], r["source_name"], r["n"]) for r in rows]

    def get(self, incident_id: str) -> Record | None:
        records = self._select(" WHERE i.incident_id = %s", [incident_id])
        return records[0] if records else None

    def query(self, filters: Filters | None = None, limit: int | None = None) -> list[Record]:
        where, params = where_clause(filters or Filters())
        return self._select(where, params, limit)

    def count(self, filters: Filters | None = None) -> int:
        where, params = where_clause(filters or Filters())
        with self._connect() as db:
            return db.execute("SELECT count(*) AS n" + _FROM + where, params).fetchone()["n"]

    def feature_rows(self, filters: Filters | None = None) -> list[tuple[str, str | None, bool]]:
        """(incident id, cached machine GeoJSON feature text or None, corrected) of the matching incidents
        (None for the unlocated, whose features the export builds with a null geometry)."""
        return [row for chunk in self.iter_feature_rows(filters) for row in chunk]

    def iter_feature_rows(self, filters: Filters | None = None,
                          chunk: int = 1000) -> Iterator[list[tuple[str, str | None, bool]]]:
        """:meth:`feature_rows` in chunks, read through a server-side cursor (memory flat in the count)."""
        where, params = where_clause(filters or Filters())
        with self._connect() as db, db.cursor(name="webmap_features") as cur:
            cur.itersize = chunk
            cur.execute("SELECT i.incident_id, i.feature, c.incident_id IS NOT NULL AS corrected" + _FROM
                        + where + _ORDER, params)
            while rows := cur.fetchmany(chunk):
                yield [(r["incident_id"], r["feature"], bool(r["corrected"])) for r in rows]

    def iter_records(self, filters: Filters | None = None, chunk: int = 500, *, limit: int | None = None,
                     offset: int = 0) -> Iterator[list[Record]]:
        """The matching incidents (as :meth:`query`, optionally a page of them) in chunks of ``chunk`` records."""
        where, params = where_clause(filters or Filters())
        yield from self._iter_select(where, params, limit, offset, chunk)

    def map_rows(self, filters: Filters | None = None) -> list[MapRow]:
        """What the map draws of the matching incidents (:class:`webmap.store.base.MapRow`), in query order."""
        from psycopg.rows import tuple_row

        where, params = where_clause(filters or Filters())
        with self._connect() as db, db.cursor(row_factory=tuple_row) as cur:
            cur.execute(MAP_SELECT.format(line="strpos(i.geometry, '\"LineString\"') > 0") + where + _ORDER, params)
            return [map_row(r) for r in cur.fetchall()]

    def stats(self) -> dict[str, int]:
        with self._connect() as db:
            return {t: db.execute(f"SELECT count(*) AS n FROM {t}").fetchone()["n"]
                    for t in ("articles", "incidents", "sources", "corrections")}

    def _select(self, where: str, params: list[Any], limit: int | None = None) -> list[Record]:
        return [r for chunk in self._iter_select(where, params, limit, 0, 1000, server=False) for r in chunk]

    def _iter_select(self, where: str, params: list[Any], limit: int | None, offset: int,
                     chunk: int, server: bool = True) -> Iterator[list[Record]]:
        """Records in chunks; ``server``: through a server-side cursor (memory flat), else one round trip."""
        lim = (f" LIMIT {int(limit)}" if limit is not None else "") + (f" OFFSET {int(offset)}" if offset else "")
        with self._connect() as db, (db.cursor(name="webmap_records") if server else db.cursor()) as cur:
            cur.execute(_RECORD_SELECT + _FROM + where + _ORDER + lim, params)
            while rows := cur.fetchmany(chunk):
                sources = _sources_by_incident(db.execute(
                    "SELECT * FROM sources WHERE incident_id = ANY(%s) ORDER BY incident_id, seq",
                    ([r["incident_id"] for r in rows],)))
                yield [_record(r, sources.get(r["incident_id"], ())) for r in rows]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
