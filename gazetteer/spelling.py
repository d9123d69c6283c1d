"""War-report spellings of Ukrainian place names, rule by rule.

English reporting, ACLED and Russian sources write Ukrainian villages in Russian-style or simplified
romanisations: Novoselovka for Novoselivka, Krasnoe for Krasne, Alekseevka for Oleksiivka,
Blagodatnoye for Blahodatne. Each spelling follows from a few regular correspondences between the
Ukrainian national romanisation (KMU 2010) and Russian BGN/PCGN or everyday simplified spellings:

* letters: Ukrainian h is Russian g (Blahodatne / Blagodatnoye); the Oleks- root is Aleks- in Russian;
* endings: -ske/-tske are -skoye/-skoe, -ne is -noye/-noe, -ivka is -ovka/-evka, -iivka is -eyevka/-eevka,
  -ove/-eve are -ovo/-evo, -ka stays;
* simplified romanisation: ye/e after a vowel, i/y before a vowel, ii/iy/yi at the end.

:func:`russian_style` generates the spellings of one name (used when the index is built);
:func:`skeleton` folds any of them to one key, so that two spellings can be told to be the same name
("Novomykhaylivka" and "Novomikhaylovka") and not two names ("Slavyansk" and "Slavyanka").

Pure functions, standard library only. The rules are regular correspondences, not names: the tests
check them on names that were not used to write them.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ENDING_RULES", "LETTER_RULES", "russian_style", "skeleton"]

_NOT_DIGRAPH = r"(?<![kzscKZSC])"          # h of kh, zh, sh, ch is part of another letter

# (name, pattern, replacement templates): the ending of the KMU name -> its Russian-style endings
ENDING_RULES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("-iivka -> -eyevka/-eevka (Oleksiivka, Andriivka)", re.compile(r"(?<=[a-z])iiv(k[ai])$"),
     (r"eyev\1", r"eev\1")),
    ("vowel + -ivka -> -yevka/-evka (Mykolaivka, Serhiivka)", re.compile(r"(?<=[aeou])iv(k[ai])$"),
     (r"yev\1", r"ev\1")),
    ("-ivka -> -ovka/-evka (Novoselivka, Pavlivka)", re.compile(r"(?<=[b-df-hj-np-tv-z])iv(k[ai])$"),
     (r"ov\1", r"ev\1")),
    ("adjective -e -> -oye/-oe (Krasne, Vesele, Novotroitske, Lozove)", re.compile(r"(?<=[b-df-hj-np-tv-z])e$"),
     ("oye", "oe")),
    ("-ove/-eve -> -ovo/-evo (Shevchenkove)", re.compile(r"(?<=[a-z])([oe])ve$"), (r"\1vo",)),
    ("-tsi -> -tsy (Chernivtsi)", re.compile(r"(?<=ts)i$"), ("y",)),
    ("-tsia -> -tsa (Vinnytsia)", re.compile(r"(?<=ts)ia$"), ("a",)),
    ("-yi/-ii -> -yy/-iy/-y (Chervonyi, Zelenyi)", re.compile(r"(?<=[a-z])(?:yi|ii)\b"), ("yy", "iy", "y")),
)

# (name, pattern, replacement): letters and roots, applied to the whole name
LETTER_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("h -> g (Blahodatne -> Blagodatne)", re.compile(_NOT_DIGRAPH + r"h"), "g"),
    ("H -> G (Horlivka -> Gorlivka)", re.compile(_NOT_DIGRAPH + r"H"), "G"),
    ("Oleks- -> Aleks- (Oleksandrivka -> Aleksandrivka)", re.compile(r"\bOleks"), "Aleks"),
    ("-i- -> -e- in Mykh/Myk roots (Novomykhailivka -> Novomikhailivka)", re.compile(r"(?<=[Mm])y(?=kh?a)"), "i"),
    ("ai -> ay before a consonant (Mykhailivka -> Mykhaylivka)", re.compile(r"(?<=[aeo])i(?=[bcdfgklmnprstvz])"),
     "y"),
    ("y between consonants -> i (Vynohradne -> Vinohradne)",
     re.compile(r"(?<=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])y(?=[b-df-hj-np-tv-z])"), "i"),
    ("i between vowels -> y (Maiorsk -> Mayorsk)", re.compile(r"(?<=[aeou])i(?=[aeou])"), "y"),
    ("ia/iu/ie after a consonant -> ya/yu/ye (Kamianka -> Kamyanka)", re.compile(r"(?<=[b-df-hj-np-tv-z])i(?=[aue])"),
     "y"),
)


def _endings(name: str) -> set[str]:
    out: set[str] = set()
    for _, pat, repls in ENDING_RULES:
        if pat.search(name):
            out.update(pat.sub(r, name) for r in repls)
    return out


@lru_cache(maxsize=65536)
def russian_style(name: str) -> frozenset[str]:
    """The Russian-style and simplified spellings of a Latin Ukrainian name (without the name itself).

    Letter rules apply all together (one spelling) and one by one; ending rules on top of each.
    """
    if not name or not name.isascii() or len(name) < 4:
        return frozenset()
    bases = {name}
    together = name
    for _, pat, repl in LETTER_RULES:
        one = pat.sub(repl, name)
        if one != name:
            bases.add(one)
        together = pat.sub(repl, together)
    bases.add(together)
    out = set(bases)
    for b in list(bases):
        out |= _endings(b)
    out.discard(name)
    return frozenset(v for v in out if len(v) >= 4)


_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"['’ʼ`\-\s]+"), ""),
    (re.compile(r"(?<![kzsc])h"), "g"),                        # h/g
    (re.compile(r"^oleks"), "aleks"),                          # Oleks-/Aleks-
    (re.compile(r"sk(?:iy|yy|yi|ii|y|aya|a)$"), "sk"),         # -skyi/-skiy, -ska/-skaya
    (re.compile(r"(?<=[b-df-hj-np-tv-z])(?:oye|oe|oje|e)$"), "e"),  # adjective -e/-oye/-oe (not Pokrovsk)
    (re.compile(r"(?:[iy]{1,2}|y?e|ey|o|ee|y?eye|iye)v(k[aiy])$"), r"v\1"),   # -ivka/-ovka/-evka/-yevka
    (re.compile(r"([oe])vo$"), r"\1ve"),                       # -ovo/-ove
    (re.compile(r"(?:yi|iy|yy|ii|y)$"), "i"),                  # -yi/-iy/-y
    (re.compile(r"tsia$"), "tsa"),                             # -tsia/-tsa
    (re.compile(r"ye"), "e"),                                  # ye/e
    (re.compile(r"[iy]+"), "i"),                               # i/y/ii/iy
    (re.compile(r"sch"), "shch"),
    (re.compile(r"sc(?!h)"), "shch"),                          # shch/sch/sc (Pishchane/Piscane)
    (re.compile(r"t[sz]"), "c"),                               # ts/tz/c (Tsyrkuny/Cyrkuny)
    (re.compile(r"zh"), "j"),                                  # zh/j (Sudzha/Sudja)
    (re.compile(r"^iu"), "u"),                                 # initial Yu/Iu/U (Yunakivka/Unakivka)
)


@lru_cache(maxsize=262144)
def skeleton(name: str) -> str:
    """A key that two spellings of one Ukrainian name share: Novomykhaylivka, Novomikhaylovka and
    Novomykhailivka all give "novomikhailvka"; Slavyansk and Slavyanka differ."""
    from .normalize import norm

    key = norm(name)
    if not key.isascii():
        return key
    for pat, repl in _SKELETON_RULES:
        key = pat.sub(repl, key)
    return key
