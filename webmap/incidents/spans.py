"""Mentions looked up by position: the mentions inside a sentence without scanning the whole article.

The pipeline asks, for every sentence, which place mentions it holds. Filtering the article's whole
mention list each time made extraction quadratic in the length of the text; a :class:`MentionList`
answers with a binary search instead (same mentions, same order).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Iterable, Sequence


class MentionList(list):
    """A list of mentions (objects with ``.start``) that can return those starting in [a, b) quickly.

    It must not be changed after the first :meth:`between` (the pipeline builds it once per article).
    """

    _starts: list[int] | None = None
    _order: list[int] | None = None

    def between(self, a: int, b: int) -> list[Any]:
        """The mentions whose start is in [a, b), in list order."""
        if self._starts is None:
            order = sorted(range(len(self)), key=lambda i: (self[i].start, i))
            self._order = order
            self._starts = [self[i].start for i in order]
        assert self._order is not None
        lo, hi = bisect_left(self._starts, a), bisect_left(self._starts, b)
        picked = self._order[lo:hi]
        if any(x > y for x, y in zip(picked, picked[1:])):
            picked = sorted(picked)
        return [self[i] for i in picked]


def in_span(mentions: Sequence[Any] | Iterable[Any], a: int, b: int) -> list[Any]:
    """The mentions starting in [a, b), in order (a binary search on a MentionList, else a scan)."""
    if isinstance(mentions, MentionList):
        return mentions.between(a, b)
    return [m for m in mentions if a <= m.start < b]
