"""Sentence splitting with exact character offsets into the article text.

Hand-written on purpose: measured against the libraries that could replace it
(``benchmarks/compare_splitters.py``, 2026-11-27, 2 cores under load 12; GWN + GeoVirus full texts, the
seed and the Cyrillic dev set, 606 texts, 0.9 M chars):

=================  ========  ==========================================  ================================
splitter           time      awkward cases of real reports right (8)     boundaries shared with this one
=================  ========  ==========================================  ================================
this module        0.72 s    8 (they are its own tests)                  1.000
syntok 1.4.4       5.09 s    4                                           0.990
pysbd 0.3.4        37.4 s    4                                           0.905
=================  ========  ==========================================  ================================

Both libraries are 7 and 50 times slower, and both get wrong what news text is full of: tweet tails
("pic.twitter.com/... — Ambassador Bridget A. Brink (@USAmbKyiv) August 11, 2024"), headings and
captions without a stop, hard-wrapped lines, "the U.S. The shelling ..." and the Ukrainian/Russian
abbreviations (обл., р-н, с.). The article is split once per extraction, in time linear in its length
(each full stop looks at a bounded window; ``benchmarks/bench_linear.py``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .models import Article, Sentence
from .lang_abbrev import ADJECTIVAL_NAME, CYRILLIC_ABBREV, MAY_END

# Titles and other abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen",
    "rep", "pres", "st", "prof", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "v", "no", "nos", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "mt", "ft", "vol",
    "fig", "pp", "cf", "al", "brig", "cpl", "pvt", "rev", "hon", "amb", "dept", "govt", "ave", "blvd", "rd",
} | CYRILLIC_ABBREV
# Dotted abbreviations that may also end a sentence: split only before a usual sentence opener.
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_OPENERS = {
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "in", "on", "at", "this", "that", "these", "those",
    "but", "and", "however", "meanwhile", "there", "his", "her", "their", "its", "our", "according", "after",
    "earlier", "later", "some", "many", "russian", "ukrainian", "russia", "ukraine", "officials", "one", "two",
}
_TAIL = re.compile(
    r"(?:pic\.twitter\.com/\S+\s*)?[—–]\s*[^\n()—–]{0,100}\(@\w{1,30}\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})?"
    r"|pic\.twitter\.com/\S+|https?://\S+")
_END = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s|$)")


def _is_tail(s: str) -> bool:
    """True for a tweet tail or bare link, which states no event."""
    return bool(_TAIL.fullmatch(s.strip()))


def is_tail(sentence: Sentence) -> bool:
    """True when the sentence is only a tweet signature, a pic.twitter.com link or a URL."""
    return _is_tail(sentence.text)


_WS = re.compile(r"\s*")
_WORD_BEFORE = re.compile(r"[\w.-]+$")
_NEXT_WORD = re.compile(r"[\w']+")
_LOOKBACK = 200                 # characters looked at before a full stop to find its word (bounded: linear time)


def _skip_ws(text: str, pos: int, end: int) -> int:
    """The offset of the first non-space character in text[pos:end], or ``end``."""
    m = _WS.match(text, pos, end)
    return m.end() if m else pos


def _last_visible(text: str, s: int, e: int) -> tuple[str, str]:
    """(last non-space character, last whitespace-separated word) of text[s:e], reading a bounded tail."""
    tail = text[max(s, e - _LOOKBACK):e].rstrip()
    if not tail and e - s > _LOOKBACK:
        tail = text[s:e].rstrip()
    words = tail.split()
    return (tail[-1] if tail else ""), (words[-1] if words else "")


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of logical lines: a hard-wrapped line joins the next when that starts in lower case."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    merged: list[tuple[int, int]] = []
    last_blank = True
    for s, e in spans:
        first_at = _skip_ws(text, s, e)
        if first_at == e:                             # a blank line
            merged.append((s, e))
            last_blank = True
            continue
        if merged and not last_blank:
            first = text[first_at]
            last_char, last_word = _last_visible(text, *merged[-1])
            if first.islower() and last_char and last_char not in ".!?:\"”…" and not _is_tail(last_word):
                merged[-1] = (merged[-1][0], e)
                continue
        merged.append((s, e))
        last_blank = False
    return merged


def _breaks(text: str, s: int, e: int) -> list[int]:
    """Offsets inside text[s:e] where a new sentence starts (each stop looks at a bounded window: linear)."""
    out: list[int] = []
    for m in _TAIL.finditer(text, s, e):
        out.append(m.start())
        out.append(m.end())
    for m in _END.finditer(text, s, e):
        end = m.end()
        after = _skip_ws(text, end, e)
        if after >= e:
            continue
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([«„"):
            continue
        word = _WORD_BEFORE.search(text, max(s, m.start() + 1 - _LOOKBACK), m.start() + 1)
        tok = word.group(0) if word else ""
        if m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            bare = tok.rstrip(".").lower()
            if bare in _ABBREV and not (bare in MAY_END and not ADJECTIVAL_NAME.match(text, after, e)):
                continue
            if re.fullmatch(r"[A-ZА-ЯІЇЄҐЁ]", tok.rstrip(".")):          # an initial: "Bridget A. Brink", "В. Зеленський"
                continue
            if _DOTTED.search(tok):
                nw = _NEXT_WORD.match(text, after, e)
                if not nw or nw.group(0).lower() not in _OPENERS:
                    continue
        out.append(after)
    return sorted(set(b for b in out if s < b < e))


def split_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in text, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for ls, le in _lines(text):
        if not text[ls:le].strip():
            continue
        cuts = [ls] + _breaks(text, ls, le) + [le]
        for a, b in zip(cuts, cuts[1:]):
            chunk = text[a:b]
            if not chunk.strip():
                continue
            a2 = a + len(chunk) - len(chunk.lstrip())
            b2 = b - (len(chunk) - len(chunk.rstrip()))
            spans.append((a2, b2))
    return spans


def split_sentences(article: Article | str) -> list[Sentence]:
    """The sentences of an article with exact offsets: ``article.text[s.start:s.end] == s.text``."""
    text = article if isinstance(article, str) else article.text
    return [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_spans(text))]


_PARA_BREAK = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=8)
def _paragraph_breaks(text: str) -> list[int]:
    """End offsets of the paragraph breaks of a text (cached: the pipeline asks once per sentence)."""
    return [m.end() for m in _PARA_BREAK.finditer(text)]


def paragraph_of(text: str, offset: int) -> int:
    """Index of the blank-line separated paragraph holding ``offset`` (a binary search: linear in all)."""
    return bisect_right(_paragraph_breaks(text), offset)
