"""Sentence splitting with exact character offsets into the article text."""
from __future__ import annotations

import re

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


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of logical lines: a hard-wrapped line joins the next when that starts in lower case."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        seg = text[s:e]
        if not seg.strip():
            merged.append((s, e))
            continue
        if merged and text[merged[-1][0]:merged[-1][1]].strip():
            prev = text[merged[-1][0]:merged[-1][1]].rstrip()
            first = seg.lstrip()[:1]
            if first.islower() and prev and prev[-1] not in ".!?:\"”…" and not _is_tail(prev.split()[-1]):
                merged[-1] = (merged[-1][0], e)
                continue
        merged.append((s, e))
    return merged


def _breaks(text: str, s: int, e: int) -> list[int]:
    """Offsets inside text[s:e] where a new sentence starts."""
    out: list[int] = []
    seg = text[s:e]
    for m in _TAIL.finditer(seg):
        out.append(s + m.start())
        out.append(s + m.end())
    for m in _END.finditer(seg):
        end = m.end()
        rest = seg[end:].lstrip()
        if not rest:
            continue
        nxt = rest[0]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([«„"):
            continue
        word = re.search(r"([\w.-]+)$", seg[:m.start() + 1])
        tok = word.group(1) if word else ""
        if m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’»)]")) == 1:
            bare = tok.rstrip(".").lower()
            if bare in _ABBREV and not (bare in MAY_END and not ADJECTIVAL_NAME.match(rest)):
                continue
            if re.fullmatch(r"[A-ZА-ЯІЇЄҐЁ]", tok.rstrip(".")):          # an initial: "Bridget A. Brink", "В. Зеленський"
                continue
            if _DOTTED.search(tok):
                nw = re.match(r"[\w']+", rest)
                if not nw or nw.group(0).lower() not in _OPENERS:
                    continue
        out.append(s + end + (len(seg[end:]) - len(seg[end:].lstrip())))
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


def paragraph_of(text: str, offset: int) -> int:
    """Index of the blank-line separated paragraph holding ``offset``."""
    return len(re.findall(r"\n[ \t]*\n", text[:offset]))
