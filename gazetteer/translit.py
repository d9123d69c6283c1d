"""Cyrillic -> Latin transliteration and the spelling variants English war reporting uses.

* :func:`uk_to_latin` follows the Ukrainian national system (Cabinet of Ministers resolution
  no. 55 of 27 January 2010): word-initial Є/Ї/Й/Ю/Я -> Ye/Yi/Y/Yu/Ya, elsewhere ie/i/i/iu/ia;
  "зг" -> "zgh"; soft sign and apostrophe dropped.
* :func:`ru_to_latin` follows BGN/PCGN for Russian as English news writes it (no diacritics,
  soft sign dropped unless asked for): Курск -> Kursk, Харьков -> Kharkov.
* :func:`latin_variants` and :func:`variants` give a small, deterministic set of spellings.

Pure functions, standard library only.
"""
from __future__ import annotations

import re

__all__ = ["uk_to_latin", "ru_to_latin", "latin_variants", "variants", "has_cyrillic"]

APOSTROPHES = "'\u2019\u02bc`\u2018\u02b9\u2032"
_CYR_RE = re.compile(r"[\u0400-\u04ff]")

_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
    # Russian-only letters met in mixed data
    "ы": "y", "э": "e", "ё": "io", "ъ": "",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "ё": "yo"}

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian-only letters met in mixed data
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
# BGN/PCGN: е and ё are "ye" word-initially and after vowels, й, ъ, ь.
_RU_VOWELS = set("аеёиоуыэюяіїєйъь")


def has_cyrillic(text: str) -> bool:
    """True if the text contains any Cyrillic letter."""
    return bool(_CYR_RE.search(text))


def _is_letter(ch: str) -> bool:
    return bool(ch) and (ch.isalpha() or ch in APOSTROPHES)


def _cased(out: str, ch: str, prev: str, nxt: str) -> str:
    """Apply the case of the source letter ``ch`` to its Latin rendering ``out``."""
    if not out or not ch.isupper():
        return out
    if len(out) > 1 and (nxt.isupper() or (not nxt.isalpha() and prev.isupper())):
        return out.upper()
    return out[0].upper() + out[1:]


def _transliterate(text: str, table: dict[str, str], rule) -> str:  # noqa: ANN001
    """Letter by letter: ``rule(low, prev)`` may override ``table``; apostrophes between Cyrillic
    letters are dropped, other characters kept, and case follows the source letter."""
    res: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in APOSTROPHES and (_CYR_RE.match(prev or " ") or _CYR_RE.match(nxt or " ")):
            continue
        if low not in table:
            res.append(ch)
            continue
        out = rule(low, prev) or table[low]
        res.append(_cased(out, ch, prev, nxt))
    return "".join(res)


def uk_to_latin(text: str) -> str:
    """Transliterate Ukrainian Cyrillic to Latin by the KMU-2010 national system."""
    def rule(low: str, prev: str) -> str | None:
        if not _is_letter(prev) and low in _UK_INITIAL:
            return _UK_INITIAL[low]              # word-initial є ї й ю я
        if low == "г" and prev.lower() == "з":
            return "gh"                          # зг -> zgh
        return None
    return _transliterate(text, _UK, rule)


def ru_to_latin(text: str, apostrophes: bool = False) -> str:
    """Transliterate Russian Cyrillic to Latin, BGN/PCGN style without diacritics."""
    def rule(low: str, prev: str) -> str | None:
        if low in ("е", "ё") and (not _is_letter(prev) or prev.lower() in _RU_VOWELS):
            return "ye"
        if low == "ь" and apostrophes:
            return "'"
        return None
    return _transliterate(text, _RU, rule)


_V = "aeiouy"
_C = "bcdfghjklmnpqrstvwxz"
# Each rule rewrites every occurrence at once; order is the order of preference.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("[" + APOSTROPHES + "]"), ""),                        # Mar'inka -> Marinka
    (re.compile(r"(?<=[a-z])(?:yi|iy|yy|ii)\b"), "iy"),                # Kyivskyi -> Kyivskiy
    (re.compile(r"(?<=[a-z])(?:yi|iy|yy|ii)\b"), "yi"),                # Kyivskiy -> Kyivskyi
    (re.compile(r"(?<=[a-z])(?:yi|iy|yy|ii)\b"), "y"),                 # Kyivskyi -> Kyivsky
    (re.compile(rf"(?<=[a-z])ii(?=[{_C}])"), "iyi"),                   # Heorhiivka -> Heorhiyivka
    (re.compile(r"(?<=[a-z])ii(?=[aeu])"), "iy"),                     # Yenakiieve -> Yenakiyeve
    (re.compile(rf"(?<=[a-z])iyi(?=[{_C}])"), "ii"),                   # Heorhiyivka -> Heorhiivka
    (re.compile(rf"(?<=[a-z])i(?:y?i)(?=[{_C}])"), "i"),               # Mariinka -> Marinka
    (re.compile(r"(?<=[a-z])i(?=[aeuo])"), "y"),                       # Kamianske -> Kamyanske
    (re.compile(r"(?<=[a-z])y(?=[aeuo])"), "i"),                      # Kamyanske -> Kamianske
    (re.compile(rf"(?<=[{_V}])ye"), "e"),                              # Andreyevka -> Andreevka
    (re.compile(rf"(?<=[a-z])ii(?=[{_C}])"), "iy"),                    # Tavriiske -> Tavriyske
    (re.compile(rf"(?<=[aeou])i(?=[{_C}])"), "y"),                     # Novomykhailivka -> ...khaylivka
    (re.compile(rf"(?<=[aeou])y(?=[{_C}])"), "i"),                     # Novomykhaylivka -> ...khailivka
    (re.compile(rf"(?<=[a-z])iy(?=[{_C}])"), "ii"),                    # Tavriyske -> Tavriiske
    (re.compile(r"([sS])hch"), r"\1ch"),                                # Shcherbaky -> Scherbaky
    (re.compile(r"(?<![sS])([sS])ch"), r"\1hch"),                      # Khrestysche -> Khrestyshche
)
MAX_VARIANTS = 12


def latin_variants(name: str) -> set[str]:
    """The input and up to ``MAX_VARIANTS - 1`` common spellings of a Latin Ukrainian/Russian name."""
    ordered: list[str] = [name]
    seen = {name}
    frontier = [name]
    for _depth in range(2):
        nxt: list[str] = []
        for base in frontier:
            for pat, repl in _RULES:
                cand = pat.sub(repl, base)
                if cand and cand not in seen:
                    seen.add(cand)
                    ordered.append(cand)
                    nxt.append(cand)
        frontier = nxt
    return set(ordered[:MAX_VARIANTS])


def variants(name: str) -> set[str]:
    """The name, its Ukrainian and Russian transliterations (if Cyrillic) and their Latin variants."""
    name = name.strip()
    if not name:
        return set()
    out = {name}
    if has_cyrillic(name):
        for latin in (uk_to_latin(name), ru_to_latin(name)):
            out |= latin_variants(latin)
        out.add(ru_to_latin(name, apostrophes=True))
    else:
        out |= latin_variants(name)
    return out
