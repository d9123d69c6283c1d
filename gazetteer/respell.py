"""Letter-level respellings of Ukrainian and Russian place names that war reporting also uses.

Beside the transliteration systems (:mod:`gazetteer.translit`) and the Russian-style endings
(:mod:`gazetteer.spelling`), English, Polish, German, French and Telegram sources write the same letters
in other ways:

* х: kh or h (Khorly / Horly, Khotomlia / Hotomlia);
* ц: ts, tz or c (Tsyrkuny / Tzyrkuny / Cyrkuny);
* ж: zh or j (Sudzha / Sudja, Zhuravka / Juravka);
* щ: shch or sc (Pishchane / Piscane);
* word-initial ю: Yu, Iu or U (Yunakivka / Iunakivka);
* doubled consonants written once (Illinivka / Ilinivka, Zaporizhzhia / Zaporizhia);
* the adjective ending after ж, ч, ш: -e or -ye (Kozache / Kozachye).

:func:`respellings` applies the rules one at a time (each variant differs from the name by one rule),
so the number of spellings stays small. The index builder adds them only where no place in Ukraine
already has that name. Pure functions, standard library only.
"""
from __future__ import annotations

import re

__all__ = ["RESPELLING_RULES", "respellings"]

_C = "b-df-hj-np-tv-z"
# (name, pattern, replacements)
RESPELLING_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("kh -> h (Khorly -> Horly)", re.compile(r"(?<![szcSZC])([kK])h"), ("{h}",)),
    ("ts -> tz/c (Tsyrkuny -> Tzyrkuny, Cyrkuny)", re.compile(r"([tT])s(?=[aeiouy])"), ("{t}z", "{c}")),
    ("zh -> j (Sudzha -> Sudja)", re.compile(r"([zZ])h"), ("{j}",)),
    ("shch -> sc (Pishchane -> Piscane)", re.compile(r"([sS])hch"), ("{s}c",)),
    ("initial Yu -> Iu/U (Yunakivka -> Iunakivka, Unakivka)", re.compile(r"\b(Y)u"), ("Iu", "U")),
    ("double consonant -> single (Illinivka -> Ilinivka)", re.compile(rf"([{_C}])\1"), (r"\1",)),
    ("zhzh -> zh (Zaporizhzhia -> Zaporizhia)", re.compile(r"zhzh"), ("zh",)),
    ("-che/-zhe/-she -> -chye/-zhye/-shye (Kozache -> Kozachye)", re.compile(r"(?<=[czs]h)e\b"), ("ye",)),
)

_CASE = {"h": ("h", "H"), "t": ("t", "T"), "c": ("c", "C"), "j": ("j", "J"), "s": ("s", "S")}


def _repl(template: str):  # noqa: ANN202
    """A replacement that keeps the case of the first matched letter: {h} -> h or H."""
    if "{" not in template:
        return template

    def sub(m: re.Match[str]) -> str:
        upper = m.group(1).isupper()
        return re.sub(r"\{(\w)\}", lambda t: _CASE[t.group(1)][upper], template)
    return sub


def respellings(name: str) -> set[str]:
    """Spellings of a Latin Ukrainian/Russian place name that differ from it by one rule (without the name)."""
    if not name or not name.isascii() or len(name) < 4:
        return set()
    out: set[str] = set()
    for _, pat, repls in RESPELLING_RULES:
        if pat.search(name):
            for r in repls:
                v = pat.sub(_repl(r), name)
                if v != name and len(v) >= 4:
                    out.add(v)
    return out
