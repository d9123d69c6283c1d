"""Ukrainian and Russian place names in inflected form, read back to the names the gazetteer holds.

Both languages decline place names: Полтава, Полтави, Полтаві, Полтаву, Полтавою; в Воронеже;
Великої Новосілки; по Курской области. The index holds the nominative (dictionary) forms, so each
capitalised Cyrillic word gets the nominatives it can be a case form of, by ending rules of the two
declensions (nouns of the -а/-я, consonant, -о/-е and plural classes, adjectives of three genders),
with the Ukrainian і/о/е alternation (Харків / Харкова, Ріг / Розі). A candidate counts only when
the gazetteer holds it, so the rules never invent a place: they only read a declined name back to a
name the gazetteer already has.

Regional names (Харківщина, на Донеччині, Курщина ...) stand for their oblast, and an adjective
before "область" / "обл." / "район" (Курской области, Харківській і Сумській областях) names the
region.
"""
from __future__ import annotations

import itertools
import re
from typing import Iterable, Sequence

from .names import CURATED, DEMONYM, PRIMARY
from .normalize import norm
from .theatre import BELLIGERENTS, THEATRE
from .tuning import LEMMA_WORLD_PROMINENCE

_CYR = re.compile(r"[\u0400-\u04FF]")

# (normalised ending, nominative endings it may come from). Normalised: й -> и, ї -> і, ё -> е.
_NOUN: tuple[tuple[str, tuple[str, ...]], ...] = (
    # feminine -а / -я: Полтава, Одеса, Москва, Калуга
    ("ою", ("а", "я")), ("ею", ("я", "а")), ("єю", ("я",)), ("ои", ("а",)), ("еи", ("я", "а")),
    ("и", ("а", "я", "ь")), ("ы", ("а",)), ("і", ("а", "я")), ("е", ("а", "я")), ("у", ("а",)), ("ю", ("я",)),
    # Ukrainian consonant alternation in the dative/locative: Прага -> Празі, Біла Церква -> Церкві
    ("ці", ("ка", "к")), ("зі", ("га", "г")), ("сі", ("ха", "х")),
    # masculine consonant: Харків, Воронеж, Курськ, Бахмут; soft: Бориспіль, Ярославль
    ("ові", ("",)), ("еві", ("ь", "")), ("єві", ("ь", "")), ("ом", ("",)), ("ем", ("ь", "")), ("єм", ("ь",)),
    ("а", ("", "о", "е")), ("у", ("", "о", "е")), ("і", ("", "ь", "е", "о")), ("е", ("", "о")), ("я", ("ь", "е")),
    ("ю", ("ь", "е")),
    # neuter -я / -ье: Запоріжжя, Закарпаття, Запорожье
    ("і", ("я",)), ("ям", ("я",)), ("ья", ("ье",)), ("ью", ("ье",)), ("ьем", ("ье",)), ("ом", ("о",)),
    ("ем", ("е",)),
    # plurals: Суми, Сумы, Черкаси, Чернівці, Прилуки
    ("", ("и", "ы")), ("ам", ("и", "ы")), ("ах", ("и", "ы")), ("ами", ("и", "ы")), ("ям", ("і", "и")),
    ("ях", ("і", "и")), ("ями", ("і", "и")), ("ів", ("і", "и")), ("ов", ("ы", "и")),
)
_ADJ: tuple[tuple[str, tuple[str, ...]], ...] = (
    # feminine: Велика, Лозова, Курская, Запорізька
    ("оі", ("а",)), ("іи", ("а",)), ("у", ("а",)), ("ою", ("а",)), ("ои", ("ая",)), ("ую", ("ая",)),
    ("еи", ("яя", "ая")),
    # masculine: Кривий Ріг / Кривой Рог, Новгород-Сіверський
    ("ого", ("ии", "ыи", "ои", "е", "ое")), ("ому", ("ии", "ыи", "ои", "е", "ое")), ("им", ("ии", "е")),
    ("ім", ("ии", "е")), ("ым", ("ыи", "ое")), ("ом", ("ои", "ыи", "ое")),
    ("его", ("ии", "ее")), ("ему", ("ии", "ее")),
    # plural: Великі Копані, Великие Луки
    ("их", ("і", "ие")), ("ых", ("ые",)),
)
_ALTERNATE = re.compile(r"[оеє](?=[бвгґджзклмнпрстфхцчшщ]ь?$)")     # Харков- -> Харків, Рог -> Ріг

# Regional names and the oblast they stand for (the gazetteer's own name of the oblast). Both
# languages; a regional name is declined like any feminine noun (на Харківщині, Сумщину).
_REGIONS = {
    "вінниччина": "вінницька область", "винничина": "винницкая область", "волинь": "волинська область",
    "волынь": "волынская область", "дніпропетровщина": "дніпропетровська область",
    "днепропетровщина": "днепропетровская область", "дніпровщина": "дніпропетровська область",
    "донеччина": "донецька область", "донетчина": "донецкая область", "житомирщина": "житомирська область",
    "закарпаття": "закарпатська область", "закарпатье": "закарпатская область",
    "запоріжжя": "запорізька область", "запорожье": "запорожская область",
    "івано-франківщина": "івано-франківська область", "прикарпаття": "івано-франківська область",
    "київщина": "київська область", "киевщина": "киевская область", "кіровоградщина": "кіровоградська область",
    "кировоградщина": "кировоградская область", "луганщина": "луганська область",
    "львівщина": "львівська область", "львовщина": "львовская область", "миколаївщина": "миколаївська область",
    "николаевщина": "николаевская область", "одещина": "одеська область", "одесщина": "одесская область",
    "полтавщина": "полтавська область", "рівненщина": "рівненська область", "ровенщина": "рівненська область",
    "сумщина": "сумська область", "тернопільщина": "тернопільська область",
    "тернопольщина": "тернопольская область", "харківщина": "харківська область",
    "харьковщина": "харьковская область", "херсонщина": "херсонська область",
    "хмельниччина": "хмельницька область", "хмельнитчина": "хмельницкая область",
    "черкащина": "черкаська область", "чернігівщина": "чернігівська область",
    "черниговщина": "черниговская область", "буковина": "чернівецька область",
    "подмосковье": "московская область", "підмосков'я": "московская область",
    "курщина": "курская область", "бєлгородщина": "белгородская область", "белгородчина": "белгородская область",
    "білгородщина": "белгородская область", "брянщина": "брянская область", "воронежчина": "воронежская область",
}
REGIONS = {norm(k): norm(v) for k, v in _REGIONS.items()}
# names that are a city alone and the oblast after "на" (на Запоріжжі: in Zaporizhzhia oblast)
_CITY_READING = {norm("запоріжжя"), norm("запорожье")}

_AREA_WORD = re.compile(r"^(?:област[ьіиюяей]\w*|обл|округ\w*|окруз\w*|кра[иійїяюе]|краем|краєм)$")
_OBLAST_WORD = re.compile(r"^(?:област[ьіиюяей]\w*|обл)$")
_KRAI_WORD = re.compile(r"^(?:кра[иійїяюе]|краем|краєм)$")     # lower-case words keep й, ї
_RAION_WORD = re.compile(r"^(?:район\w*|р-н\w*)$")
# a front's direction, named after its town: на Покровському напрямку, на Купянском направлении (the town)
_DIRECTION_WORD = re.compile(r"^(?:напрям(?:ок|ку|ки|ках|і)|направлени[еяию])$")
# words between an adjective and "округ": an autonomous okrug is a region (Ханты-Мансийский автономный
# округ), a city okrug a district named after its town (Шебекинский городской округ: Шебекино)
_AUTONOMOUS = re.compile(r"^автономн\w*$")
_CITY_OKRUG = re.compile(r"^(?:городск\w*|міськ\w*|муниципальн\w*|муніципальн\w*)$")
_LINK = {"і", "й", "та", "и", ",", "а", "також"}
MAX_COMBOS = 400


def is_cyrillic_key(key: str) -> bool:
    """True when a normalised key is written in Cyrillic."""
    return not key.isascii() and _CYR.search(key) is not None      # an ASCII key holds no Cyrillic letter


def _alternate(stem: str) -> Iterable[str]:
    yield stem
    m = _ALTERNATE.search(stem)
    if m:
        yield stem[:m.start()] + "і" + stem[m.end():]


def noun_forms(word: str) -> list[str]:
    """Nominatives a normalised noun form may stand for (the word itself first)."""
    out = [word]
    for end, noms in _NOUN:
        if end and not word.endswith(end):
            continue
        stem = word[:len(word) - len(end)] if end else word
        if len(stem) < 2:
            continue
        for nom in noms:
            out += _alternate(stem + nom) if nom in ("", "ь", "г", "к", "х") else [stem + nom]
    return list(dict.fromkeys(out))


def adjective_forms(word: str) -> list[str]:
    """Nominatives (any gender) a normalised adjective form may stand for (the word itself first)."""
    out = [word]
    for end, noms in _ADJ:
        if word.endswith(end) and len(word) > len(end) + 2:
            out += [word[:-len(end)] + n for n in noms]
    return list(dict.fromkeys(out))


def word_forms(word: str) -> list[str]:
    """Noun and adjective readings of one normalised word, the word itself first."""
    return list(dict.fromkeys(noun_forms(word) + adjective_forms(word)[1:]))


_FEM = re.compile(r"^(.+?)(сь|ць|зь|с|ц|з)к(?:оі|іи|у|ою|а|ая|ои|ую|их|іх|ие|і)$")


def feminine_adjective(word: str) -> list[str]:
    """The feminine nominative of an adjective form (Курской -> курская, Харківській -> харківська)."""
    m = _FEM.match(word)
    if not m:
        return []
    return [m[1] + m[2] + ("ка" if m[2].endswith("ь") else "кая")]


def masculine_adjective(word: str) -> list[str]:
    """The masculine nominatives of an adjective form (Бериславському -> бериславськии)."""
    out = []
    for end, noms in (("ого", ("ии", "ои", "ыи")), ("ому", ("ии", "ои", "ыи")), ("ім", ("ии",)),
                      ("ом", ("ои", "ыи")), ("им", ("ии",)), ("ии", ("ии",)), ("ыи", ("ыи",)), ("ои", ("ои",))):
        if word.endswith(end) and len(word) > len(end) + 3:
            out += [word[:-len(end)] + n for n in noms]
    return list(dict.fromkeys(out))


def gram_candidates(words: Sequence[str]) -> list[str]:
    """Lemma keys a run of normalised Cyrillic words may stand for, best first (the run itself excluded)."""
    per = [word_forms(w) for w in words]
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*per), MAX_COMBOS):
        key = " ".join(combo)
        out.append(REGIONS.get(key, key))
    joined = " ".join(words)
    return [k for k in dict.fromkeys(out) if k != joined]


def area_qualifier(key: str, surface: str = "") -> str:
    """"region" for a Cyrillic oblast, krai or autonomous okrug ("київська область", "Курской области",
    "Краснодарского края"), "district" for a raion or a city okrug ("Рыльского района", "Шебекинском
    городском округе"), else ""."""
    if key.isascii() and surface.isascii():
        return ""                 # every ending and area word looked for here is Cyrillic
    words = norm(surface).split(" ") if " " in surface.strip() else []
    last = words[-1] if words else ""
    if len(words) > 2 and _CITY_OKRUG.match(words[-2]):
        return "district"
    if key.endswith((" область", " обл", " краи", " округ")) or (last and _AREA_WORD.match(last)):
        return "region"
    if key.endswith(" раион") or (last and _RAION_WORD.match(last)):
        return "district"
    return ""


def region_of(key: str) -> str | None:
    """The oblast key a regional name stands for ("харківщина" -> "харківська область")."""
    return REGIONS.get(key)


def masculine_forms(word: str) -> list[str]:
    """Every masculine nominative an adjective form may stand for (Краснодарском -> краснодарскии,
    Ставропольського -> ставропольськии): the gazetteer's lookup keeps the ones it holds."""
    for end in ("ого", "ому", "ом", "им", "ым", "ім", "ии", "ыи", "ои", "ого", "ем"):
        if word.endswith(end) and len(word) > len(end) + 3:
            stem = word[:-len(end)]
            return [stem + n for n in ("ии", "ыи", "ои")]
    return []


def area_candidates(word: str, area_word: str, between: Sequence[str] = ()) -> list[str]:
    """Keys for an adjective named with an area word: "Курской" + "области" -> "курская область",
    "Краснодарского" + "края" -> "краснодарскии краи", "Ханты-Мансийском" + "автономном" + "округе" ->
    "ханты мансиискии автономныи округ", "Шебекинском" + "городском" + "округе" -> Шебекино."""
    if between and _CITY_OKRUG.match(between[-1]):
        masc = masculine_forms(word)
        return masc + _raion_towns(masc)
    if between and _AUTONOMOUS.match(between[-1]):
        return [m + a for m in masculine_forms(word) for a in (" автономныи округ", " автономнии округ", " аок")]
    if _KRAI_WORD.match(area_word):
        return [m + " краи" for m in masculine_forms(word)]
    if _OBLAST_WORD.match(area_word):
        return [f + " область" for f in feminine_adjective(word)]
    if _AREA_WORD.match(area_word):
        return [f + " область" for f in feminine_adjective(word)] + [m + " округ" for m in masculine_forms(word)]
    if _RAION_WORD.match(area_word):
        masc = masculine_adjective(word)
        return [m + " раион" for m in masc] + masc + _raion_towns(masc)
    if _DIRECTION_WORD.match(area_word):
        return _raion_towns(masculine_adjective(word))
    return []


def _raion_towns(adjectives: list[str]) -> list[str]:
    """The town a district is named after (Рыльский район: Рыльск; Глушковский район: Глушково), for the
    districts the gazetteer does not hold."""
    out = []
    for a in adjectives:
        m = re.match(r"^(.+?)(?:ськ|цьк|зьк|ск|цк)(?:ии|ыи|ои)$", a)
        if m:
            st = m.group(1)
            out += [a[:-2], st + "ськ", st + "ск", st + "цьк", st + "цк", st + "о", st + "е", st, st + "а", st + "і", st + "и",
                    a[:-2] + "ое", a[:-2] + "е"]          # a town named like an adjective: Раменский -> Раменское
    return list(dict.fromkeys(out))


# words a place name stands next to when something happens there ("Херсон знову під обстрілом",
# "обстріляли Берислав", "Суджу обстреливают"): they support a weak match as a locative preposition does
EVENT_NEIGHBOUR = re.compile(
    r"^(?:обстр\w*|атак\w*|удар\w*|вдар\w*|штурм\w*|звільн\w*|освобо\w*|захопи\w*|захвати\w*|бомб\w*"
    r"|зазна\w*|подверг\w*|потрапи\w*|попал\w*|евакуа\w*|эвакуа\w*|знову|снова|сьогодні|сегодня|вночі|ночью"
    r"|уночі|вранці|утром|під|под|обстрілю\w*|обстрелива\w*|уразил\w*|поразил\w*|бо[іи])$")


Gram = tuple[int, int, str]


def lemmatize(toks: Sequence, grams: list[Gram], found: dict, index) -> tuple[list[Gram], dict]:
    """Read inflected Cyrillic names in ``grams`` back to the names the index holds.

    ``grams`` are (first token, last token, key) runs of capitalised tokens and ``found`` the index
    hits of their keys. Each Cyrillic gram gets the key of its best reading: the name as written or
    a lemma the index holds, the one naming the most prominent place (Харкові is Харків, not Харк);
    a regional name its oblast; an adjective with its area word ("Курской области") becomes a gram
    of its own. Returns the grams (same order, lemma keys) and the hits of the lemma keys.
    """
    wanted: dict[Gram, list[str]] = {}
    extra: list[Gram] = []
    n = len(toks)
    for g in grams:
        i, j, key = g
        if not is_cyrillic_key(key):
            continue
        area = _area_after(toks, j, n) if i == j else None
        if area is not None:
            between = [toks[k].key for k in range(j + 1, area)]
            kind = [w for w in between if _AUTONOMOUS.match(w) or _CITY_OKRUG.match(w)]
            cands = area_candidates(key, toks[area].key, kind)
            if cands and (area == j + 1 or len(kind) == len(between)):
                extra.append((i, area, " ".join([key, *between, toks[area].key])))
                wanted[extra[-1]] = cands
            elif cands:                  # "Харківській і Сумській областях": each adjective alone
                wanted[g] = cands
                continue
        if key in REGIONS:
            wanted[g] = [REGIONS[key]]
            continue
        wanted[g] = ([key] if key in found else []) + gram_candidates(key.split(" "))
    if not wanted:
        return grams, {}
    keys = {c for cands in wanted.values() for c in cands}
    hits = _plausible(index, index.lookup(k for k in keys if k not in found))
    hits.update({k: v for k, v in found.items() if k in keys})
    weight = _weights(index, hits)
    out: list[Gram] = []
    for g in grams + extra:
        cands = [c for c in wanted.get(g, ()) if c in hits]
        lemma = max(cands, key=lambda c: (weight[c], -cands.index(c))) if cands else None
        lemma = _by_context(toks, g, lemma)
        out.append((g[0], g[1], lemma) if lemma else g)
    missing = [k for _, _, k in out if k not in hits and k not in found]
    if missing:
        hits.update(index.lookup(missing))
    return out, hits


# Where a declined Cyrillic word may name a place it does not spell out: the countries that write their
# places' names in Ukrainian or Russian, or a place anyone would name (Лондоні, Берліні, Вашингтоні).
_LEMMA_COUNTRIES = {*THEATRE, "KZ", "GE"}


def _plausible(index, hits: dict) -> dict:
    """Only the lemma readings that can be meant: "Сили" (forces) is no Chadian province Сила."""
    ents = index.entries(p for v in hits.values() for p, _ in v)
    out = {}
    for k, v in hits.items():
        keep = [(p, f) for p, f in v if p in ents and (ents[p].place.country_code in _LEMMA_COUNTRIES
                                                       or ents[p].prom >= LEMMA_WORLD_PROMINENCE
                                                       or ents[p].place.kind == "country")]
        if keep:
            out[k] = keep
    return out


def _weights(index, hits: dict) -> dict[str, float]:
    """How strong a reading is: the prominence of the best place it names (its own name counts more;
    places in Ukraine and Russia, where Cyrillic war reports happen, a little more)."""
    ents = index.entries(p for v in hits.values() for p, _ in v)
    out = {}
    for k, v in hits.items():
        best = 0.0
        for p, flag in v:
            e = ents.get(p)
            if e is None or flag == DEMONYM:
                continue
            best = max(best, e.prom + (1.0 if flag in (PRIMARY, CURATED) else 0.0)
                       + (1.5 if e.place.country_code in BELLIGERENTS else 0.0))
        out[k] = best
    return out


def _area_after(toks: Sequence, j: int, n: int) -> int | None:
    """Index of an area word after an adjective token j, across "і Сумській", "та Запорізької"."""
    k = j + 1
    hops = 0
    while k < n and hops < 6:
        t = toks[k]
        if _AREA_WORD.match(t.key) or _RAION_WORD.match(t.key) or _DIRECTION_WORD.match(t.key):
            return k
        if _AUTONOMOUS.match(t.key) or _CITY_OKRUG.match(t.key):      # автономный / городской округ
            k += 1
            hops += 1
            continue
        if t.key in _LINK or (t.cap and is_cyrillic_key(t.key) and t.key.endswith(
                ("скои", "ськоі", "ськіи", "ських", "ских", "цькоі", "цкои", "зькоі", "ську", "скую", "ська", "ская"))):
            k += 1
            hops += 1
            continue
        return None
    return None


def _by_context(toks: Sequence, g: Gram, lemma: str | None) -> str | None:
    """Запоріжжя is the city, and the oblast after "на" (на Запоріжжі: in Zaporizhzhia oblast)."""
    i, j, key = g
    if lemma is None or (lemma not in REGIONS.values() and key not in REGIONS):
        return lemma
    base = next((w for w in word_forms(key) if w in _CITY_READING), None)
    if base is None:
        return lemma
    prev = toks[i - 1].key if i > 0 else ""
    return lemma if prev == "на" else base
