"""Decide which proposed spans are places, demonyms or embedded names, and read their context.

Context read here: the word before a name (locative prepositions, titles), qualifiers
("Kursk region", "suburbs of Kyiv", "near Sudzha", "north of Kharkiv"), and explicit
containers ("Heorhiivka, Donetsk", "Rozhivka in the Kiev region", "Kursk oblast's Sudzha").
"""
from __future__ import annotations

import re

from .index import Entry, Index
from .inflect import EVENT_NEIGHBOUR, area_qualifier, is_cyrillic_key
from .names import ALTERNATE, CURATED, DEMONYM, PRIMARY
from .recognize import ORG_TAIL, QUALIFIERS_AFTER, STOP, TITLES, Span, Tokens
from .tuning import COMMON_ZIPF

MAJOR_KINDS = {"country", "continent", "area", "admin1"}
# a region's adjective in the genitive, after a Cyrillic place name: its container (Краснодарского края)
_REGION_GEN = ("ского", "ской", "ського", "ської", "цкого", "цкой", "цького", "цької", "зького", "зької")
PLACE_PREPS = {"in", "near", "at", "outside", "from", "to", "into", "around", "across", "towards", "toward"}
BEFORE_QUALIFIERS = (
    (re.compile(r"(?:suburbs?|outskirts)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I), "suburbs"),
    (re.compile(r"\b(?:near|nearby|close to|outside(?: of)?|around|vicinity of|not far from)\s+(?:the\s+)?"
                r"(?:(?:village|town|city|settlement)\s+of\s+)?$", re.I), "near"),
    (re.compile(r"\b((?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?)"
                r"\s+(?:of\s+)?(?:the\s+)?$", re.I), "direction"),
)
# the literals one of which each pattern above needs, lower-cased: a window with none of them is not searched
QUALIFIER_LITERALS = ("suburb", "outskirts", "near", "close to", "outside", "around", "vicinity of", "not far from",
                      "north", "south", "east", "west")
# letters re.IGNORECASE takes for an ASCII letter of those that lower() does not turn into it: dotless ı and
# İ (i), long ſ (s); a window holding one is searched whatever its literals
IGNORECASE_ODD_LETTERS = frozenset("ıİſ")


def may_qualify(window: str) -> bool:
    """Whether one of ``BEFORE_QUALIFIERS`` may match ``window``: False only when none can."""
    if not window.isascii() and not IGNORECASE_ODD_LETTERS.isdisjoint(window):
        return True
    low = window.lower()
    for literal in QUALIFIER_LITERALS:
        if literal in low:
            return True
    return False


# words between a preposition and a name that leave the preposition in force: "in central Trostianets"
POSITION_WORDS = frozenset({"central", "downtown", "suburban", "rural", "outer", "inner", "eastern", "western",
                            "northern", "southern"})
# "a strike on Yampil", "attacks against Kupiansk": the name is the place struck
ATTACK_NOUNS = frozenset({"strike", "strikes", "attack", "attacks", "assault", "assaults", "raid", "raids",
                          "shelling", "bombing", "bombardment", "offensive"})
STRUCK = "struck"           # the word a strike on a place stands for (a locative word, see LOCATIVE_STRONG)
# "evacuated civilians from Trostianets", "residents fleeing from Vovchansk": a name after "from" is a place when
# one of the three words before "from" speaks of leaving under threat ("a spokeswoman from McDonald's" is not)
FLIGHT_STEMS = ("evacu", "fled", "flee", "escap", "rescu", "withdr", "retreat", "displac", "refugee", "expell")
FLED = "fled"               # the word a flight from a place stands for (a locative word, see LOCATIVE_STRONG)


def _prep(toks: Tokens, first: int) -> str:
    """The word before a name, lowercased, read past a position word ("in central X" -> "in"); a name after
    "strike on", "attacks against" has ``STRUCK`` before it."""
    j = first - 1
    if j < 0:
        return ""
    key = toks.key
    word = key(j)
    if j >= 1 and word in POSITION_WORDS:
        j -= 1
        word = key(j)
    if word == "on" or word == "against":
        if j >= 1 and key(j - 1) in ATTACK_NOUNS:
            return STRUCK
    elif word == "from" and any(key(k).startswith(FLIGHT_STEMS) for k in range(max(0, j - 3), j)):
        return FLED
    return word


def _major(ents: list[tuple[Entry, int]]) -> bool:
    for e, f in ents:
        if f == DEMONYM:
            continue
        if e.place.kind in MAJOR_KINDS and f != ALTERNATE:
            return True
        if e.prom >= 6.0 and f in (PRIMARY, CURATED):
            return True
    return False


# the endings of Ukrainian and Russian surnames: a capitalised word so ending after a name that is not a known
# place makes the two a person ("Artem Lysenko", "Oleksandr Syrskyi", "Marko Kovalchuk", "Irina Volkova")
SLAVIC_SURNAME = re.compile(r"[^\W\d_]{2,}(?:enko|chuk|czuk|iuk|yuk|ovych|evych|ovich|evich|skyi|skyy|skiy|sky|ska|"
                            r"skaya|tsky|tska|ov|ova|ev|eva|yev|yeva|in|ina|ak|iak|yak)$")


def _own_then_prominence(h: tuple[Entry, int]) -> tuple[bool, float]:
    return h[1] in (PRIMARY, CURATED), h[0].prom


def _nation(ents: list[tuple[Entry, int]]) -> bool:
    """Whether the name is a country's or a continent's own name, which no surname overrides (a demonym may be
    one: "Percy French")."""
    return any(e.place.kind in ("country", "continent") and f in (PRIMARY, CURATED) for e, f in ents)


# prepositions before a surname of a person named in the text that make it a place ("in Bolton"), unless the
# name is possessive ("In Rozen's case"); "to", "at", "from", "for" take people as often as places
SURNAME_PLACE_PREPS = frozenset({"in", "near", "outside", "into", "around", "across", "towards", "toward", "inside",
                                 "within"})


def _doc_person_surnames(toks: Tokens, persons: dict[str, str]) -> set[str]:
    """Surnames of people named in full in the text ("Bridget Brink" -> "brink")."""
    out = set()
    n, is_cap, starts, ends, key, keys = len(toks), toks.is_cap, toks.starts, toks.ends, toks.key, toks.keys
    for i in toks.caps:
        if i + 1 < n and is_cap[i + 1] and persons.get(keys[i]) == "F" and starts[i + 1] - ends[i] == 1:  # type: ignore[arg-type]
            out.add(key(i + 1))
    return out


def classify(text: str, toks: Tokens, spans: list[Span], index: Index) -> list[Span]:
    """Filter and annotate spans in place; return the kept ones in text order."""
    pids = {p for s in spans for p, _ in s.hits}
    ents = index.entries(pids)
    zipf = index.word_zipf(s.key for s in spans)
    keys = toks.keys
    persons = index.person_names(keys[i] for i in toks.caps)  # type: ignore[misc]
    surnames = _doc_person_surnames(toks, persons)
    span_at_tok = {}
    for s in spans:
        for k in range(s.first_tok, s.last_tok + 1):
            span_at_tok[k] = s
    n, words, starts, ends, is_cap, tkey = len(toks), toks.words, toks.starts, toks.ends, toks.is_cap, toks.key
    kept: list[Span] = []
    qualified: list[tuple[Span, str]] = []          # "Brovary raion": also a name of its own
    for s in spans:
        if "facility" in s.notes:
            kept.append(s)            # a street, a county, a river the gazetteer does not hold
            continue
        hits = [(ents[p], f) for p, f in s.hits if p in ents]
        if not hits or s.key in STOP or (s.key != s.text and s.text.lower() in STOP):   # "Под" read as Поди
            continue
        fi, li = s.first_tok, s.last_tok
        pi, ni = fi - 1, li + 1                 # the words before and after the name, where there are any
        joined_prev = fi > 0 and text[ends[pi]:starts[fi]] in (" ", "-")
        joined_next = ni < n and text[ends[li]:starts[ni]] in (" ", "-")
        single = fi == li
        s.prep = _prep(toks, fi)
        s.qualifier = s.qualifier or area_qualifier(s.key, s.text)      # Київську область, Харківщина: the region
        cyr_event = is_cyrillic_key(s.key) and (                    # "обстріляли Берислав", "Суджу обстреливают"
            (fi > 0 and EVENT_NEIGHBOUR.match(tkey(pi)) is not None)
            or (ni < n and EVENT_NEIGHBOUR.match(tkey(ni)) is not None))
        if any(f == DEMONYM for _, f in hits):
            s.role = "demonym"
            s.hits = [(p, f) for p, f in s.hits if f == DEMONYM]
        # people: a title or a first name before, a surname after, a surname used in the text
        if joined_prev and is_cap[pi]:
            if tkey(pi) in TITLES:
                continue
            if persons.get(tkey(pi)) == "F" and pi not in span_at_tok \
                    and (s.role != "demonym" or not toks.sent_start(pi)):
                continue              # "George Washington"; at a sentence start only if not a demonym
        if single and s.key in surnames and not _nation(hits) and not (
                s.prep in SURNAME_PLACE_PREPS and not words[li].endswith(("'s", "’s", "s'", "s’"))):
            continue              # "John Bolton" ... "the job went to Bolton": the person (but "in Bolton": the place)
        # qualifiers after the name: "Kursk region", "Sumy oblast", "Brovary raion"
        if joined_next and s.role == "place" and (nkey := tkey(ni)) in QUALIFIERS_AFTER:
            q = QUALIFIERS_AFTER[nkey]
            if q in ("region", "district", "area"):
                s.qualifier = q
                qualified.append((s, f"{s.key} {nkey.rstrip('s').rstrip(chr(39))}"))
                s.end = ends[ni] - (2 if words[ni].endswith(("'s", "’s")) else 0)
                s.text = text[s.start:s.end]
                s.last_tok = li = ni
                ni = li + 1
                joined_next = ni < n and text[ends[li]:starts[ni]] in (" ", "-")
            elif q in ("suburbs", "outskirts"):
                s.qualifier = "suburbs"
        # a capitalised word right after: a person's surname or an organisation's name; not a Cyrillic
        # acronym after a Cyrillic name ("Над Белгородом ППО збила", "в Курске ВСУ"): the subject of the clause,
        # nor a Cyrillic place after it ("в Новороссийске Краснодарского края"): its container
        if joined_next and is_cap[ni] and not words[li].endswith(("'s", "’s", "s'", "s’")) and (
                ni not in span_at_tok or (nkey := tkey(ni)) in ORG_TAIL or zipf.get(nkey, 0.0) >= COMMON_ZIPF) \
                and not (is_cyrillic_key(s.key) and ((words[ni].isupper() and len(words[ni]) > 1)
                                                     or ni in span_at_tok or words[ni].lower().endswith(_REGION_GEN))):
            if single and (persons.get(s.key) == "F" or SLAVIC_SURNAME.search(words[ni]) is not None) \
                    and not _major(hits):
                continue              # "Artem Lysenko", "Marko Kovalchuk": a person named in full
            if s.role == "place":
                s.role = "embedded"
        letters = len(s.key.replace(" ", ""))
        first_word = words[fi]
        dotted = "." in first_word or (single and text.startswith(".", ends[li]))    # "U.S.", "Pa."
        short = letters <= 2 or (letters == 3 and (first_word.isupper() or dotted))
        if short:
            if not (first_word.isupper() or dotted) or not any(
                    f in (PRIMARY, CURATED, DEMONYM) and e.place.kind in MAJOR_KINDS | {"city"} for e, f in hits):
                continue
            # "US", "UK", "EU": the country or union, never a village called Us or Uk
            major_pids = {e.pid for e, f in hits if e.place.kind in MAJOR_KINDS and f != ALTERNATE}
            if major_pids:
                s.hits = [(p, f) for p, f in s.hits if p in major_pids]
                hits = [(e, f) for e, f in hits if e.pid in major_pids]
        z = zipf.get(s.key, 0.0)
        major = _major(hits)
        if s.role == "demonym":
            kept.append(s)
            continue
        if z >= COMMON_ZIPF and not major:
            if not (s.prep in PLACE_PREPS and z < 4.5 and max(e.prom for e, _ in hits) >= 4.0):
                continue
        if single and z >= 2.5 and not major and is_cap[fi] and toks.sent_start(fi):
            continue
        if s.key.isdigit():
            continue
        if not major:
            best = max(hits, key=_own_then_prominence) if len(hits) > 1 else hits[0]
            if ((best[1] == ALTERNATE and best[0].prom < 5.0) or best[0].prom < 4.2
                    or persons.get(s.key) in ("L", "F") or letters == 3) and not cyr_event:
                s.strong = False                                    # "Udy", "Paul" need support
        window = text[max(0, s.start - 40):s.start]
        for rx, q in BEFORE_QUALIFIERS if may_qualify(window) else ():
            m = rx.search(window)
            if m:
                s.qualifier = s.qualifier or (m.group(1).lower().replace("ern", "") + " of" if q == "direction" else q)
                s.strong = True if s.role == "place" else s.strong
                break
        kept.append(s)
    if qualified:
        found = index.lookup(key for _, key in qualified)
        for s, key in qualified:
            if key in found:
                s.hits = s.hits + [(p, CURATED) for p, _ in found[key]]
    _link_containers(text, kept)
    return kept


_CONTAINER_GAP = re.compile(r"^(?:\s*,\s*|\s+\(\s*|\s+in\s+(?:the\s+)?|\s+of\s+(?:the\s+)?)$", re.I)
# "Kupiansk in occupied Kharkiv oblast", "Vuhledar, in the Donetsk region", "Tokmak near the Zaporizhzhia
# region's border": held by a region only (a town after "near" is a direction, not a holder)
_REGION_GAP = re.compile(
    r"^(?:\s*,\s*(?:in\s+)?|\s+(?:in|of|near|inside|within)\s+)(?:the\s+)?"
    r"(?:(?:occupied|liberated|frontline|front-line|embattled|neighbouring|neighboring|partly|partially|southern"
    r"|northern|eastern|western|central)\s+)*$", re.I)


def _link_containers(text: str, spans: list[Span]) -> None:
    """Mark "X, Y", "X (Y)", "X in the Y region", "Y's X" and "Y oblast's X" containment.

    A list of places ("Zilina, Nitra, Presov and Kosice") is not containment.
    """
    for i, (a, b) in enumerate(zip(spans, spans[1:])):
        gap = text[a.end:b.start]
        d = _DIRECTION_GAP.match(gap)
        if d and d.group(1).strip(" -") and a.role == "place" and b.role == "place" and a.container is None:
            a.container = b
            a.notes.append("direction:" + d.group(1).lower().replace("-", "").replace(" ", ""))
            a.strong = True
            continue
        region_gap = b.qualifier in ("region", "district") and _REGION_GAP.match(gap) is not None
        if (_CONTAINER_GAP.match(gap) or region_gap) and b.role in ("place", "embedded") and a.role == "place":
            if "," in gap and not region_gap and _in_list(text, spans, i):
                continue
            a.container = b
            a.strong = True
        elif re.fullmatch(r"(?:['’]s?)?\s+", gap) and text[a.end:a.end + 1] in "'’" and b.role == "place":
            b.container = a
            b.strong = True


# "Vesele, north-west of Avdiivka", "Pisky, 10 km west of Donetsk": a compass direction from a town
_DIRECTION_GAP = re.compile(
    r"^\s*,?\s+(?:(?:about|some|around|roughly)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"((?:north|south)?-?\s?(?:east|west)?|north|south)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.I)


_LIST_GAP = re.compile(r"^\s*(?:,|and|or|&)\s*(?:and\s+|or\s+)?$")


def _in_list(text: str, spans: list[Span], i: int) -> bool:
    """Whether spans[i], spans[i+1] sit in an enumeration of three or more places."""
    before = i > 0 and _LIST_GAP.match(text[spans[i - 1].end:spans[i].start]) is not None
    after = i + 2 < len(spans) and _LIST_GAP.match(text[spans[i + 1].end:spans[i + 2].start]) is not None
    return before or after
