"""Errors of the webmap package, one tree so callers can catch what they can handle.

    WebmapError                      root of everything raised on purpose here
    ├── ArticleError (ValueError)    input that is not a usable article: not UTF-8, empty, too big, bad JSON
    └── ExtractionError              the pipeline could not process an article (gazetteer unavailable ...)
"""
from __future__ import annotations


class WebmapError(Exception):
    """Root of the webmap errors."""


class ArticleError(WebmapError, ValueError):
    """An input that cannot be read as an article (encoding, emptiness, size, format)."""


class ExtractionError(WebmapError):
    """The extraction pipeline failed on an article."""
