"""Name normalisation shared by the index builder and the recogniser.

``norm("Kharkiv’s")`` and ``norm("KHARKIV")`` both give ``"kharkiv"``: case folded, accents
stripped, apostrophes and soft-sign marks dropped, hyphens and punctuation folded to single
spaces. Cyrillic stays Cyrillic (й and ї lose their marks on both sides alike).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’ʼ‘`´ʹʻ"
_DROP = str.maketrans("", "", _APOSTROPHES + "ʺ\u02bc")
_SPACE_RE = re.compile(r"[\s\-‐‑‒–—_/.,;:()\"«»„“”]+")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|s['’])$")


def strip_accents(text: str) -> str:
    """Remove combining marks (é -> e, ё -> е)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=262144)
def norm(name: str) -> str:
    """The search key of a name: casefolded, accent-free, apostrophe-free, single-spaced."""
    if not name:
        return ""
    key = strip_accents(name).casefold().translate(_DROP)
    key = _SPACE_RE.sub(" ", key)
    return key.strip()


def strip_possessive(text: str) -> str:
    """'Russia's' -> 'Russia', 'Ukraine’s' -> 'Ukraine' (surface form, not normalised)."""
    return _POSSESSIVE_RE.sub("", text) if len(text) > 3 else text


_SCRIPT_OK = re.compile(r"^[\u0000-\u024F\u0400-\u04FF\u1E00-\u1EFF\u2019\u02BC]+$")


def is_latin_or_cyrillic(name: str) -> bool:
    """True when every character is Latin, Cyrillic, digits or punctuation (no CJK, Arabic ...)."""
    return bool(_SCRIPT_OK.match(name))
