"""The incident store: one contract (:class:`webmap.store.base.Store`), two backends chosen by URL.

``open_store("/path/file.sqlite")`` (the default, embedded: :mod:`webmap.store.sqlite`) or
``open_store("postgresql://user:pass@host/db")`` (a team server: :mod:`webmap.store.postgis`, needs the
``postgis`` extra). The app opens ``WEBMAP_DATABASE`` (config ``DATABASE``) this way.
"""
from __future__ import annotations

from typing import Any

from . import sqlite as _sqlite
from .base import Store
from .sqlite import (AddResult, ArticleConflict, ArticleSummary, Correction, IncidentStore, Record, text_hash,
                     where_clause)

SQLiteStore = IncidentStore
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

__all__ = ["AddResult", "ArticleConflict", "ArticleSummary", "Correction", "IncidentStore", "Record", "SQLiteStore",
           "Store", "open_store", "text_hash", "where_clause"]


def is_postgres(url: str) -> bool:
    return str(url).startswith(POSTGRES_SCHEMES)


def open_store(url: str, **options: Any) -> Any:
    """The store a URL names: ``postgresql://...`` is PostGIS, ``sqlite:///path`` or a plain path is SQLite.

    :raises ValueError: for another scheme.
    """
    url = str(url)
    if is_postgres(url):
        from .postgis import PostGISStore

        return PostGISStore(url, **options)
    if url.startswith("sqlite:///"):
        url = url[len("sqlite://"):]
    elif "://" in url:
        raise ValueError(f"unknown store URL scheme {url.split('://', 1)[0]!r} "
                         "(expected a SQLite file path or postgresql://user:pass@host/db)")
    return IncidentStore(url)


def __getattr__(name: str) -> Any:          # anything else of the SQLite module (the reference backend)
    return getattr(_sqlite, name)
