"""Literal pre-checks for regular expressions: skip a pattern that cannot match before running it.

Most trigger, count and screen patterns match in few sentences, yet running one over a sentence costs
a scan of the whole sentence. :func:`required` reads a pattern (with Python's own parser, so what it
reads is what ``re`` compiles) and gives the literal strings one of which every match must contain;
:class:`Gate` tests them with C-level substring searches of the case-folded sentence and says when the
pattern *cannot* match. A pattern it cannot read a literal from is always run. The check is exact:
it skips only patterns that would have found nothing, so the output does not change.

Case folding (:func:`fold`) agrees with ``re.IGNORECASE``: a character matches a literal under that
flag exactly when both fold to the same character (``ſ`` and ``s``, ``ı`` and ``i``, ``K`` (Kelvin)
and ``k``, ``ᲃ`` and ``с`` ...; the test compares it with ``re`` over every code point).
"""
from __future__ import annotations

import re
from typing import Any, Hashable, Iterable

try:                                   # the parser ``re`` compiles with (private; present 3.11 - 3.13)
    from re import _casefix, _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:                    # pragma: no cover - another Python: no pre-checks, every pattern runs
    P = None
    _EXTRA: dict[int, tuple[int, ...]] = {}
else:
    _EXTRA = dict(_casefix._EXTRA_CASES)


def _fold_table() -> dict[int, str]:
    """Lower-case code point -> the smallest member of its IGNORECASE class (where they differ)."""
    table: dict[int, str] = {}
    for lo, others in _EXTRA.items():
        group = {lo, *others}
        for o in others:
            group |= set(_EXTRA.get(o, ()))
        canon = min(group)
        for c in group:
            if c != canon:
                table[c] = chr(canon)
    return table


_FOLD = _fold_table()
_PRE = {0x130: "i"}            # İ: the one character whose lower() is two characters; re lowers it to i


def fold(text: str) -> str:
    """``text`` lower-cased as ``re.IGNORECASE`` compares characters; one character for one (offsets hold)."""
    if text.isascii():
        return text.lower()
    return text.translate(_PRE).lower().translate(_FOLD)


_LIMIT = 64                    # most strings an exact set may hold before it is given up


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirement sets: longer shortest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return b if kb > ka else a


def _minimal(strings: Iterable[str]) -> frozenset[str] | None:
    """A requirement set from strings: none empty, none containing another (it adds nothing)."""
    ss = sorted(set(strings), key=len)
    if not ss or ss[0] == "":
        return None
    keep: list[str] = []
    for s in ss:
        if not any(k in s for k in keep):
            keep.append(s)
    return frozenset(keep)


class _Info:
    """What a piece of pattern tells: ``exact``, every string it can match (when few), and ``req``,
    strings one of which is in every match (None: nothing known)."""

    __slots__ = ("exact", "req")

    def __init__(self, exact: frozenset[str] | None, req: frozenset[str] | None):
        self.exact, self.req = exact, req


_UNKNOWN = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def _seq(items: Any) -> _Info:
    run: frozenset[str] | None = frozenset({""})         # exact strings of the current run of exact pieces
    best: frozenset[str] | None = None
    whole = True                                          # every piece so far exact
    for item in items:
        info = _node(*item)
        if info.exact is not None and run is not None and len(run) * len(info.exact) <= _LIMIT:
            run = frozenset(a + b for a in run for b in info.exact)
            continue
        whole = False
        if run is not None:
            best = _better(best, _minimal(run))
        best = _better(best, info.req)
        run = info.exact if info.exact is not None else frozenset({""})
    if run is not None:
        best = _better(best, _minimal(run))
    return _Info(run if whole else None, best)


def _node(op: Any, av: Any) -> _Info:
    if op is C.LITERAL:
        return _Info(frozenset({fold(chr(av))}), None)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):              # zero width: the text on both sides is contiguous
        return _EMPTY
    if op is C.IN:
        if all(o is C.LITERAL for o, _ in av) and len(av) <= _LIMIT:
            return _Info(frozenset(fold(chr(a)) for _, a in av), None)
        return _UNKNOWN
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq(av)
    if op is C.BRANCH:
        infos = [_seq(b) for b in av[1]]
        exact = None
        if all(i.exact is not None for i in infos):
            u = frozenset().union(*(i.exact for i in infos if i.exact is not None))
            exact = u if len(u) <= _LIMIT else None
        reqs = [i.req if i.exact is None else _minimal(i.exact) for i in infos]
        req = None if any(r is None for r in reqs) else _minimal(s for r in reqs if r is not None for s in r)
        if exact is not None:
            req = _minimal(exact)
        return _Info(exact, req)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        inner = _seq(sub)
        if lo == 0:
            if hi == 1 and inner.exact is not None:
                return _Info(inner.exact | {""}, None)
            return _UNKNOWN
        if lo == hi == 1:
            return inner
        req = inner.req if inner.exact is None else _minimal(inner.exact)
        return _Info(None, req)
    return _UNKNOWN


def required(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Folded literals one of which every match of ``pattern`` contains, or None when none can be told."""
    if P is None:
        return None
    if isinstance(pattern, re.Pattern):
        flags, pattern = pattern.flags, pattern.pattern
    else:
        flags = 0
    try:
        info = _seq(P.parse(pattern, flags))
    except Exception:                 # pragma: no cover - a construct this reader does not know: always run
        return None
    return info.req if info.exact is None else _minimal(info.exact)


class Gate:
    """A compiled pattern with its literal pre-check: ``gate.possible(fold(s))`` is False only when
    ``gate.pattern`` cannot match ``s``."""

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        lits = required(pattern)
        self.literals: tuple[str, ...] | None = tuple(sorted(lits)) if lits is not None else None

    def possible(self, folded: str) -> bool:
        """False when no required literal is in the folded text (then the pattern cannot match it)."""
        lits = self.literals
        if lits is None:
            return True
        for s in lits:
            if s in folded:
                return True
        return False


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression that matches, at a position, the longest of ``words`` that starts there."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def rx(node: dict[str, Any]) -> str:
        alts = [re.escape(c) + rx(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return rx(trie)


class GateSet:
    """Many named gates tested in one scan: ``possible(folded)`` gives the names whose pattern may match.

    One regular expression, a trie of every gate's literals, is tried at each position of the folded text
    (a lookahead, so literals that overlap are all seen); it reports the longest literal starting there,
    and every literal that is a prefix of it starts there too. A gate with no literals is always possible.
    """

    def __init__(self, gates: Iterable[tuple[Hashable, Gate]]):
        by_literal: dict[str, set[Hashable]] = {}
        always: set[Hashable] = set()
        for name, gate in gates:
            if gate.literals is None:
                always.add(name)
            for s in gate.literals or ():
                by_literal.setdefault(s, set()).add(name)
        self.always = frozenset(always)
        # a literal found -> the names of it and of every literal that is a prefix of it
        self._names = {s: frozenset().union(*(by_literal.get(s[:i], ()) for i in range(1, len(s) + 1)))
                       for s in by_literal}
        self._scan = re.compile(f"(?=({_trie_pattern(by_literal)}))") if by_literal else None

    def possible(self, folded: str) -> set[Any]:
        """Names of the gates whose pattern may match the text (``folded`` = :func:`fold` of it)."""
        out = set(self.always)
        if self._scan is not None:
            names = self._names
            for m in self._scan.finditer(folded):
                out |= names[m.group(1)]
        return out
