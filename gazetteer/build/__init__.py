"""Building the gazetteer index: read the sources, enrich them, merge user imports, write SQLite.

The query side (:mod:`gazetteer.index`, :mod:`gazetteer.resolve`, ...) never imports this
package; :func:`gazetteer.gazetteer.open_index` calls :func:`ensure_index` only when no index exists.
"""
from __future__ import annotations

from .builder import build_index, ensure_index
from .imports import import_file

__all__ = ["build_index", "ensure_index", "import_file"]
