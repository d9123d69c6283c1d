"""Language of an article, a paragraph or a sentence: English, Ukrainian, Russian (or another).

Most texts are settled by their letters alone, with no model loaded: Latin text is English,
and Cyrillic text with letters only Ukrainian has (і ї є ґ) or only Russian has (ы э ъ ё)
is that language. Only Cyrillic text with neither (short headlines, "Курская область") asks
py3langid, restricted to the three languages and loaded on first need (about 1.5 s once).
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

log = logging.getLogger(__name__)

LANGS = ("en", "uk", "ru")
_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z]")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_PARA = re.compile(r"\n[ \t]*\n")

_model_lock = threading.Lock()
_model = None


def _langid():
    """py3langid limited to en/uk/ru (None when the package is missing)."""
    global _model
    with _model_lock:
        if _model is None:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier
            except ImportError:          # pragma: no cover - a dependency of the project
                log.warning("py3langid is not installed: Cyrillic text without telling letters is read as Russian")
                _model = False
                return None
            ident = LanguageIdentifier.from_model_file(MODEL_FILE)
            ident.set_languages(list(LANGS))
            _model = ident
    return _model or None


def is_cyrillic(text: str) -> bool:
    """True when the text has more Cyrillic than Latin letters."""
    cyr = len(_CYR.findall(text))
    return cyr > 0 and cyr >= len(_LAT.findall(text))


@lru_cache(maxsize=4096)
def detect_language(text: str) -> str:
    """"en", "uk" or "ru" for a text (any other Latin-script text counts as "en": the English rules apply)."""
    if not is_cyrillic(text):
        return "en"
    uk = len(_UK_ONLY.findall(text))
    ru = len(_RU_ONLY.findall(text))
    if uk > ru:
        return "uk"
    if ru > uk:
        return "ru"
    model = _langid()
    if model is None:
        return "ru"
    lang = model.classify(text)[0]
    return lang if lang in ("uk", "ru") else "ru"


def paragraph_languages(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of each blank-line separated paragraph, for texts that mix languages."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m is not None else len(text)
        if text[pos:end].strip():
            out.append((pos, end, detect_language(text[pos:end])))
        pos = m.end() if m is not None else len(text)
    return out


def article_language(text: str) -> str:
    """The language of most of the article's letters ("mixed" never: the larger share wins)."""
    share: dict[str, int] = {}
    for a, b, lang in paragraph_languages(text):
        share[lang] = share.get(lang, 0) + (b - a)
    return max(share, key=lambda k: share[k]) if share else "en"
