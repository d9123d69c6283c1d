"""Ingest a feed (the messages of Telegram channels): only new or edited messages are read, and the same
event told in several messages or channels becomes one incident with every source."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .incidents.models import Article, Incident
from .store import AddResult, ArticleConflict

if TYPE_CHECKING:
    from .services import WebmapState

log = logging.getLogger(__name__)


def is_feed(articles: Sequence[Article]) -> bool:
    """True when the articles are messages of a feed (a Telegram export)."""
    from .incidents.telegram import is_telegram_article
    return bool(articles) and all(is_telegram_article(a) for a in articles)


def ingest_feed(state: "WebmapState", articles: Sequence[Article]) -> list[AddResult]:
    """Store the new and edited messages of a feed in one transaction; messages stored before are skipped.

    An edited message (same id, new text) replaces its earlier version. The new messages are read
    together, so that reports of one event in several messages merge into one incident that lists
    every message as a source; it is stored with the message that told it first.
    """
    from .intake import validate_article
    fresh: list[Article] = []
    flags: list[bool] = []
    for a in articles:
        validate_article(a)
        try:
            if state.store.lookup(a) is not None:
                continue                      # stored before with this text: nothing new
            flags.append(False)
        except ArticleConflict:
            flags.append(True)                # an edited message: it replaces its earlier version
        fresh.append(a)
    if not fresh:
        return []
    by_article: dict[str, list[Incident]] = {}
    told_before: list[tuple[str, Incident]] = []
    ids = [a.article_id for a in fresh]
    incidents = _extract(state, fresh)
    edited = [a.article_id for a, flag in zip(fresh, flags) if flag]
    told = getattr(state.store, "told_by", None)
    recount = told(edited) if edited and told is not None else []     # what the earlier versions counted in
    if edited and hasattr(state.store, "detach"):
        state.store.detach(edited)            # the earlier versions' spans leave the other messages' incidents
    same_event = getattr(state.store, "same_event", None)      # stores without it keep each report apart
    for inc in incidents:
        same = same_event(inc, exclude_articles=ids) if same_event is not None else None
        if same is not None:                  # told by a message stored before: one incident, every source
            told_before.append((same, inc))
            continue
        owner = inc.sources[0].article_id if inc.sources else ""
        by_article.setdefault(owner, []).append(inc)
    items = [(a, by_article.get(a.article_id, [])) for a in fresh]
    results = state.store.add_many(items, replace_existing=flags)
    for same, inc in told_before:
        state.store.absorb(same, inc)
    for incident_id in recount:
        _count_again(state, incident_id)
    return results


def _count_again(state: "WebmapState", incident_id: str) -> None:
    """Count a stored incident again from the reports it now has, after one of them was edited: each report's
    own counts (its message read alone), the larger of each across reports. An edit that corrects a count
    downwards lowers it, unless another report still says more."""
    from dataclasses import replace

    rec = state.store.get(incident_id)
    if rec is None:
        return                                # the edited message owned it alone: its new version replaced it
    inc = rec.machine
    counts: dict[str, int] = {}
    for article_id in dict.fromkeys(s.article_id for s in inc.sources):
        article = state.store.get_article(article_id)
        if article is None:
            continue
        for told in _extract(state, [article]):
            if (told.category, told.place_id) == (inc.category, inc.place_id):
                for k, v in told.counts:
                    counts[k] = max(counts.get(k, 0), v)
    if dict(inc.counts) != counts:
        state.store.absorb(incident_id, replace(inc, counts=tuple(sorted(counts.items())), sources=()),
                           replace_counts=True)


def ingest_export_file(state: "WebmapState", path: Path, *, replace_existing: bool = False,
                       chunk: int = 500) -> list[AddResult]:
    """Ingest a Telegram Desktop export file of any size, read message by message and stored ``chunk`` messages
    per transaction (the web upload limit does not apply to files read from disk).

    :raises ArticleError: when the file is not a Telegram export (naming the size limit it is over).
    """
    from .incidents.exc import ArticleError
    from .incidents.telegram_stream import iter_export_chunks
    results: list[AddResult] = []
    try:
        for part in iter_export_chunks(path, chunk):
            if replace_existing:
                results += state.ingest_articles(part, replace_existing=True)
            else:
                results += ingest_feed(state, part)
    except ArticleError as e:
        if results or "not a Telegram Desktop export" not in str(e):
            raise
        raise ArticleError(f"{path}: {path.stat().st_size} bytes is over the limit of {state.max_bytes} bytes "
                           "(only Telegram Desktop exports are read in parts)") from None
    return results


def _extract(state: "WebmapState", articles: list[Article]) -> list[Incident]:
    if state.extractor is not None:           # an injected extractor reads one article at a time
        return [i for a in articles for i in state.extract(a)]
    from .incidents.pipeline import extract_batch
    return list(extract_batch(articles, state.gazetteer, merge_across=True))
