"""What the views and the CLI share: the store, the (lazily loaded) gazetteer and the ingest steps."""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence

from flask import current_app

from .incidents.exc import ArticleError, ExtractionError
from .incidents.models import Article, Incident
from .jobs import Job, JobQueue
from .incidents.resolver import PlaceResolver
from .store import AddResult, IncidentStore, is_postgres, open_store

log = logging.getLogger(__name__)

Extractor = Callable[[Article, PlaceResolver | None], Sequence[Incident]]
INGESTIBLE = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml")


@dataclass
class WebmapState:
    """Per-app state kept in ``app.extensions["webmap"]``."""

    store: IncidentStore
    extractor: Extractor | None = None          # None: webmap.incidents.pipeline.extract
    max_bytes: int = 4 * 1024 * 1024
    max_chars: int = 2 * 1024 * 1024              # longest article text accepted
    async_chars: int = 50_000                     # requests with more text than this are ingested by a job
    jobs: JobQueue = field(default_factory=JobQueue)
    _gazetteer: PlaceResolver | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WebmapState:
        """Open the store named by DATABASE; EXTRACTOR and GAZETTEER may be injected."""
        db = config["DATABASE"]
        store = open_store(db, max_size=int(config["DB_POOL"])) if is_postgres(db) else open_store(db)
        state = cls(store, config.get("EXTRACTOR"),
                    int(config.get("MAX_CONTENT_LENGTH") or 4 * 1024 * 1024),
                    int(config.get("MAX_ARTICLE_CHARS") or 2 * 1024 * 1024),
                    int(config.get("ASYNC_INGEST_CHARS") or 50_000),
                    JobQueue(int(config.get("JOBS_MAX_QUEUED") or 16)))
        state._gazetteer = config.get("GAZETTEER")
        return state

    @property
    def gazetteer(self) -> PlaceResolver:
        """The gazetteer, loaded on first use (once per process)."""
        with self._lock:
            if self._gazetteer is None:
                from gazetteer import Gazetteer
                self._gazetteer = Gazetteer.default()
            return self._gazetteer

    @property
    def loaded_gazetteer(self) -> PlaceResolver | None:
        """The gazetteer if already loaded, else None (never loads it)."""
        return self._gazetteer

    def extract(self, article: Article) -> list[Incident]:
        """Run the extraction pipeline on one article."""
        if self.extractor is not None:
            return list(self.extractor(article, None))
        from .incidents.pipeline import extract
        try:
            return list(extract(article, self.gazetteer))
        except (ArticleError, ExtractionError):
            raise
        except (ValueError, KeyError, LookupError) as err:
            raise ExtractionError(f"{article.source_name or article.article_id}: extraction failed: {err}") from err

    def check_articles(self, articles: Sequence[Article], flags: Sequence[bool]) -> None:
        """Refuse now what the ingest would refuse (bad id or URL, too long, an id stored with another text).

        :raises ArticleError: or ArticleConflict.
        """
        from .intake import validate_article
        for a, flag in zip(articles, flags):
            validate_article(a)
            if len(a.text) > self.max_chars:
                raise ArticleError(f"{a.source_name or a.article_id}: text of {len(a.text)} characters is over "
                                   f"the limit of {self.max_chars}")
            if not flag:
                self.store.lookup(a)

    def ingest_articles(self, articles: Sequence[Article], *, replace_existing: bool | Sequence[bool] = False,
                        progress: Callable[[float, str], None] | None = None) -> list[AddResult]:
        """Validate, extract and store articles in one transaction: all stored, or none when anything fails.

        An article already stored (same id and text, or the same text) is not extracted again unless
        replaced; the same id with a new text raises ArticleConflict unless replaced (store.add_many).
        ``progress(fraction, stage)`` is told after each article.
        """
        flags = [replace_existing] * len(articles) if isinstance(replace_existing, bool) else list(replace_existing)
        self.check_articles(articles, flags)
        total = sum(len(a.text) for a in articles) or 1
        done = 0
        items = []
        for a, flag in zip(articles, flags):
            if progress:
                progress(0.95 * done / total, f"extracting {a.article_id}")
            known = None if flag else self.store.lookup(a)      # raises ArticleConflict early, before extracting
            items.append((a, [] if known is not None else self.extract(a)))
            done += len(a.text)
        if progress:
            progress(0.95, "storing")
        return self.store.add_many(items, replace_existing=flags)

    def needs_job(self, articles: Sequence[Article], flags: Sequence[bool]) -> bool:
        """True when the articles still to extract hold more than ``async_chars`` characters."""
        todo = 0
        for a, flag in zip(articles, flags):
            if flag or self.store.lookup(a) is None:
                todo += len(a.text)
        return todo > self.async_chars

    def submit_ingest(self, articles: Sequence[Article], flags: Sequence[bool]) -> Job:
        """Check the articles now, then extract and store them in a background job.

        :raises ArticleError, ArticleConflict: at once; jobs.QueueFull when too many jobs wait.
        """
        self.check_articles(articles, flags)
        arts, fl = list(articles), list(flags)

        def work(progress: Callable[[float, str], None]) -> list[dict[str, Any]]:
            return [{"article_id": r.article_id, "added": r.added, "replaced": r.replaced, "incidents": r.incidents,
                     "corrections_kept": r.corrections_kept, "corrections_dropped": r.corrections_dropped}
                    for r in self.ingest_articles(arts, replace_existing=fl, progress=progress)]
        return self.jobs.submit("ingest", sum(len(a.text) for a in arts), work)

    def load_bytes(self, data: bytes, name: str) -> list[Article]:
        """The articles of one uploaded file (format by extension). :raises ArticleError:"""
        from .incidents.loaders import load_bytes
        return load_bytes(data, name, self.max_bytes)

    def ingest_bytes(self, data: bytes, name: str, *, replace_existing: bool = False) -> list[AddResult]:
        """Load the articles of one file's bytes (format by extension) and ingest them.

        :raises ArticleError: for unreadable input (not UTF-8, empty, bad JSON), naming the file.
        """
        from .incidents.loaders import load_bytes
        articles = load_bytes(data, name, self.max_bytes)
        from .feed import ingest_feed, is_feed
        if is_feed(articles) and not replace_existing:     # Telegram: new and edited messages, merged events
            return ingest_feed(self, articles)
        return self.ingest_articles(articles, replace_existing=replace_existing)

    def ingest_path(self, path: str | Path, *, replace_existing: bool = False) -> list[AddResult]:
        """Ingest one file from disk (a Telegram export over the size limit is read in parts)."""
        from .incidents.loaders import load_path
        p = Path(path)
        if p.suffix.lower() == ".json" and p.is_file() and p.stat().st_size > self.max_bytes:
            from .feed import ingest_export_file
            return ingest_export_file(self, p, replace_existing=replace_existing)
        articles = load_path(path, self.max_bytes)
        from .feed import ingest_feed, is_feed
        if is_feed(articles) and not replace_existing:     # Telegram: new and edited messages, merged events
            return ingest_feed(self, articles)
        return self.ingest_articles(articles, replace_existing=replace_existing)


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """The ingestible files of files and folders (folders walked, sorted)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INGESTIBLE)
        else:
            yield p


def get_state() -> WebmapState:
    """The state of the current app."""
    return current_app.extensions["webmap"]
