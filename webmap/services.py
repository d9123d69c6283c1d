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
from .incidents.resolver import PlaceResolver
from .store import AddResult, IncidentStore, open_store

log = logging.getLogger(__name__)

Extractor = Callable[[Article, PlaceResolver | None], Sequence[Incident]]
INGESTIBLE = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")


@dataclass
class WebmapState:
    """Per-app state kept in ``app.extensions["webmap"]``."""

    store: IncidentStore
    extractor: Extractor | None = None          # None: webmap.incidents.pipeline.extract
    max_bytes: int = 2 * 1024 * 1024
    _gazetteer: PlaceResolver | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WebmapState:
        """Open the store named by DATABASE; EXTRACTOR and GAZETTEER may be injected."""
        state = cls(open_store(config["DATABASE"]), config.get("EXTRACTOR"),
                    int(config.get("MAX_CONTENT_LENGTH") or 2 * 1024 * 1024))
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

    def ingest_articles(self, articles: Sequence[Article], *,
                        replace_existing: bool | Sequence[bool] = False) -> list[AddResult]:
        """Validate, extract and store articles in one transaction: all stored, or none when anything fails.

        An article already stored (same id and text, or the same text) is not extracted again unless
        replaced; the same id with a new text raises ArticleConflict unless replaced (store.add_many).
        """
        from .intake import validate_article
        flags = [replace_existing] * len(articles) if isinstance(replace_existing, bool) else list(replace_existing)
        items = []
        for a, flag in zip(articles, flags):
            validate_article(a)
            known = None if flag else self.store.lookup(a)      # raises ArticleConflict early, before extracting
            items.append((a, [] if known is not None else self.extract(a)))
        return self.store.add_many(items, replace_existing=flags)

    def ingest_bytes(self, data: bytes, name: str, *, replace_existing: bool = False) -> list[AddResult]:
        """Load the articles of one file's bytes (format by extension) and ingest them.

        :raises ArticleError: for unreadable input (not UTF-8, empty, bad JSON), naming the file.
        """
        from .incidents.loaders import load_bytes
        return self.ingest_articles(load_bytes(data, name, self.max_bytes), replace_existing=replace_existing)

    def ingest_path(self, path: str | Path, *, replace_existing: bool = False) -> list[AddResult]:
        """Ingest one file from disk."""
        from .incidents.loaders import load_path
        return self.ingest_articles(load_path(path, self.max_bytes), replace_existing=replace_existing)


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
