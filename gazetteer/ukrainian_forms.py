"""The Ukrainian spellings of a Russian place name, rule by rule (Курск -> Курськ, Белгород -> Бєлгород,
Глушково -> Глушкове, Теткино -> Тьоткіно, Ракитное -> Ракитне, Мартыновка -> Мартинівка).

Ukrainian reports name the villages of Russia's border regions in Ukrainian letters, and the bundled names of
those villages are Russian only. Ukrainian writes a Russian name by a few regular rules, each applied to every
word of the name (:func:`ukrainian_forms` gives every combination, so a name reads back whichever way a
writer applied them):

- letters: ы -> и; э -> е; ъ -> apostrophe; ё -> ьо after a consonant, йо elsewhere; е -> є at the start of
  a word or after a vowel; и -> і (transcription: Мичуринск -> Мічурінськ) or kept as и (the older usage:
  Липецк -> Липецьк), always и after ж ч ш щ ц; a soft sign after ж ч ш щ is dropped (Россошь -> Россош);
- a written е may stand for ё (Теткино for Тёткино: Тьоткіно) or be softened to є after a consonant
  (Белгород -> Бєлгород, Коренево -> Коренєво): each е after a consonant is also tried as ьо and as є, one
  at a time;
- endings: -ск / -цк -> -ськ / -цьк (Курск -> Курськ); -ово / -ево / -ино / -ыно -> -ове / -еве (-єве) / -іне,
  -ине beside the unchanged ending (Глушково -> Глушкове, Шебекино -> Шебекине); -овка / -евка -> -івка
  / -ївка beside -овка (Мартыновка -> Мартинівка); adjectives -ый / -ой -> -ий, -ский -> -ський, -ая -> -а,
  -ская -> -ська, -яя -> -я, -ое -> -е, -ское -> -ське, -ее -> -є, -ые / -ие -> -і (Красная Яруга ->
  Красна Яруга, Ракитное -> Ракитне, Новые Юрковичи -> Нові Юрковичі: the plural -ичи is -ичі).

Words that are not Russian (holding і ї є ґ) are left alone. Pure functions, standard library only.
"""
from __future__ import annotations

import itertools
import re

__all__ = ["ukrainian_forms", "MAX_FORMS"]

MAX_FORMS = 48                        # per name: enough for every rule, few enough for the index
_VOWELS = set("аеёиоуыэюяіїєй")
_HUSHING = set("жчшщц")
_CONS = "бвгґджзклмнпрстфхцчшщ"
_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")

# (Russian ending, the Ukrainian endings it is written with); the first that matches a word applies
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ский", ("ський",)), ("цкий", ("цький",)), ("ской", ("ський",)), ("цкой", ("цький",)),
    ("ская", ("ська",)), ("цкая", ("цька",)), ("ское", ("ське",)), ("цкое", ("цьке",)),
    ("ские", ("ські",)), ("цкие", ("цькі",)),
    ("ый", ("ий",)), ("ой", ("ий", "ой")), ("ая", ("а",)), ("яя", ("я",)), ("ое", ("е",)), ("ее", ("є",)),
    ("ые", ("і",)), ("ие", ("і",)),
    ("овка", ("івка", "овка")), ("евка", ("ївка", "івка", "евка")), ("ёвка", ("ївка", "ьовка")),
    ("ичи", ("ичі",)), ("ово", ("ове", "ово")), ("ево", ("еве", "ево", "єве", "єво")), ("ёво", ("ьове", "ьово")), ("ино", ("іне", "іно", "ине", "ино")),
    ("ыно", ("ине", "ино")),
    ("ск", ("ськ",)), ("цк", ("цьк",)),
)


def _letters(word: str, keep_i: bool) -> str:
    """The Russian letters of one lower-case word in Ukrainian (the endings already rewritten)."""
    out: list[str] = []
    for i, ch in enumerate(word):
        prev = word[i - 1] if i else ""
        after_vowel = not prev or prev in _VOWELS or prev in "ьъ'"
        if ch == "ы":
            out.append("и")
        elif ch == "э":
            out.append("е")
        elif ch == "ъ":
            out.append("'")
        elif ch == "ё":
            out.append("йо" if after_vowel or prev in _HUSHING else "ьо")
        elif ch == "е":
            out.append("є" if after_vowel else "е")
        elif ch == "и":
            out.append("и" if prev in _HUSHING else "і" if i == 0 or not keep_i else "и")
        elif ch == "ь" and prev in "жчшщ":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _word_forms(word: str) -> list[str]:
    """The Ukrainian spellings of one lower-case Russian word, the most regular first."""
    stems: list[tuple[str, str]] = [(word, "")]
    for ru, uk_endings in _ENDINGS:
        if word.endswith(ru) and len(word) > len(ru) + 1:
            stems = [(word[: -len(ru)], uk) for uk in uk_endings]
            break
    out: list[str] = []
    for keep_i in (False, True):
        for stem, ending in stems:
            base = _letters(stem, keep_i)
            forms = [base]
            # each е after a consonant also as ьо (a ё written е) and as є (softened), one at a time
            for m in re.finditer(rf"(?<=[{_CONS}])е", base):
                for repl in ("ьо", "є"):
                    forms.append(base[: m.start()] + repl + base[m.end():])
            if ending.startswith("е") and stem[-1:] in _VOWELS:
                ending = "є" + ending[1:]                      # Гуево -> Гуєве
            for f in forms:
                w = f + ending
                if w not in out:
                    out.append(w)
    return out


def _cased(form: str, like: str) -> str:
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


def ukrainian_forms(name: str) -> list[str]:
    """The Ukrainian spellings of a Russian place name, the most regular first, at most ``MAX_FORMS``; the
    name itself is not among them. A name with a Ukrainian-only letter gives none."""
    name = name.strip()
    if not name or _UKRAINIAN_ONLY.search(name) or not re.search(r"[а-яё]", name, re.I):
        return []
    parts = re.split(r"([\s-]+)", name)
    choices: list[list[str]] = []
    for p in parts:
        if not p or re.fullmatch(r"[\s-]+", p) or not re.fullmatch(r"[А-Яа-яЁё]+", p):
            choices.append([p])
        else:
            choices.append([_cased(f, p) for f in _word_forms(p.lower())])
    out: list[str] = []
    for combo in itertools.product(*choices):
        form = "".join(combo)
        if form != name and form not in out:
            out.append(form)
            if len(out) >= MAX_FORMS:
                break
    return out
