"""Find place-name spans in English news text with a gazetteer matcher and filters.

The matcher proposes every run of capitalised words (and Cyrillic words) that the index
knows, longest first; filters drop people ("Bridget Brink", "President Zelensky"), ordinary
words ("March", "Police"), weekdays, and weak village matches without locative support;
demonyms ("Russian") and names inside other names ("Washington Post") are kept with their
role, so callers can tell them from places where something happened.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .index import Index
from .inflect import is_cyrillic_key, lemmatize
from .normalize import norm

MAX_NGRAM = 6

TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"                                   # U.S., U.K., D.C.
    r"|[^\W\d_]+(?:['’ʼ][^\W\d_]+)*(?:-[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)*(?:['’]s?)?"   # words, Ivano-Frankivsk, Russia's
    r"|\d+(?:[.,]\d+)*"
)

CONNECTORS = {"of", "de", "la", "le", "del", "di", "da", "du", "on", "upon", "and", "el", "al", "the", "am", "an",
              "der", "sur", "y", "en", "dos", "das", "do"}
QUALIFIERS_AFTER = {"region": "region", "oblast": "region", "province": "region", "raion": "district",
                    "district": "district", "governorate": "region", "state": "region", "krai": "region",
                    "republic": "region", "county": "district", "area": "area", "suburbs": "suburbs",
                    "outskirts": "outskirts", "regions": "region", "oblast's": "region", "region's": "region"}
LOCATIVE = {"in", "near", "at", "outside", "from", "to", "into", "around", "towards", "toward", "across", "over",
            "of", "via", "through", "inside", "within", "between", "north", "south", "east", "west", "northeast",
            "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western", "central",
            "village", "town", "city", "settlement", "villages", "towns", "hamlet", "bombarded", "shelled",
            "struck", "hit", "attacked", "captured", "liberated", "occupied", "entered", "seized", "took",
            "retook", "recaptured", "targeted", "near-by", "nearby", "outskirts", "suburbs", "direction", "areas",
            "area", "along", "by", "beyond", "for", "against"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "president", "prime", "minister", "gen", "general", "col", "colonel",
          "lt", "lieutenant", "sgt", "sergeant", "capt", "captain", "maj", "major", "sen", "senator", "rep",
          "representative", "gov", "governor", "mayor", "ambassador", "secretary", "chancellor", "king",
          "queen", "prince", "princess", "pope", "judge", "justice", "professor", "prof", "rev", "reverend",
          "father", "sir", "lord", "lady", "commander", "chief", "spokesman", "spokeswoman", "spokesperson",
          "director", "coach", "officer", "deputy", "chairman", "chairwoman", "ceo", "founder", "author",
          "actor", "actress", "singer", "player", "st", "pastor", "bishop", "rabbi", "imam", "sheikh",
          "emperor", "tsar", "czar", "marshal", "admiral", "detective", "dj", "brother", "sister", "uncle",
          "aunt", "son", "daughter", "wife", "husband", "mother", "mrs.", "vice", "head", "leader", "analyst",
          "correspondent", "reporter", "journalist", "writer", "editor", "speaker", "congressman",
          "congresswoman", "councilman", "councilwoman", "attorney", "lawyer", "trooper", "sheriff",
          "superintendent", "dean", "principal", "teacher", "student", "manager", "owner", "president-elect"}
STOP = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "north", "south", "east", "west", "god", "allah", "christ", "jesus", "internet", "web", "reuters",
        "associated press", "tass", "ria", "interfax", "bbc", "cnn", "twitter", "facebook", "telegram",
        "youtube", "instagram", "google", "apple", "amazon", "microsoft", "kremlin", "pentagon", "white house",
        "congress", "parliament", "senate", "verkhovna rada", "rada", "nato", "un", "pic", "com",
        "christmas", "easter", "ramadan", "halloween", "thanksgiving", "iii", "ii", "iv", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "am", "pm", "ok", "tv", "i", "a", "an", "the", "he", "she", "we", "they", "it", "you",
        "mr", "mrs", "ms", "dr", "western", "eastern", "northern", "southern", "central", "northwest",
        "northeast", "southwest", "southeast", "midwest", "oriental", "occidental", "upper", "lower", "greater",
        "new", "old", "great", "little", "saint", "san", "santa", "mount", "lake", "river", "cape", "port",
        "fort", "city", "island", "islands", "valley", "bay", "beach", "park", "hill", "hills", "county",
        "province", "region", "district", "state", "republic", "union", "kingdom", "federation", "empire",
        "capital", "centre", "center", "home", "house", "church", "university", "college", "school",
        # people in the news whose names are also places (Obama in Fukui, Putin's namesake villages)
        "obama", "putin", "trump", "biden", "zelensky", "zelenskyy", "zelenskiy", "merkel", "macron",
        "erdogan", "lukashenko", "shoigu", "gerasimov", "syrskyi", "zaluzhnyi", "kadyrov", "prigozhin",
        "lavrov", "peskov", "medvedev", "stoltenberg", "blinken", "scholz", "sunak", "modi", "xi",
        # weapon systems that share a name with places
        "grad", "iskander", "kinzhal", "kalibr", "uragan", "smerch", "tornado", "bayraktar", "himars",
        "javelin", "leopard", "abrams", "patriot", "storm shadow", "tochka", "tochka u", "shahed", "geran",
        "lancet", "krasnopol", "excalibur", "caesar", "bradley", "stinger", "igla", "buk", "tor", "pantsir",
        "onyx", "oniks", "zircon", "kh", "su", "mig", "tu", "ka", "mi"}
ORG_TAIL = {"post", "times", "news", "journal", "herald", "tribune", "gazette", "independent", "university",
            "college", "school", "institute", "police", "department", "ministry", "council", "committee", "army",
            "navy", "forces", "force", "guard", "fc", "united", "city", "club", "team", "bank", "company",
            "corporation", "corp", "inc", "ltd", "airlines", "airways", "railways", "railway", "energy", "group",
            "agency", "service", "services", "office", "hospital", "church", "cathedral", "museum", "library",
            "center", "centre", "stadium", "airport", "station", "street", "avenue", "road", "square", "bridge",
            "park", "district", "court", "prison", "post office", "party", "front", "brigade", "battalion",
            "regiment", "division", "corps", "fleet", "command", "administration", "government", "authority",
            "authorities", "state", "county", "region", "oblast", "raion", "province", "nuclear", "power",
            "plant", "mall", "hotel", "river", "lake", "mountains", "mountain", "sea", "bay", "island", "islands",
            "avenue's", "board", "commission", "association", "federation", "union", "league", "cup", "open",
            "airport's", "observatory", "weekly", "daily", "monitor", "review", "magazine", "press", "radio",
            "television", "tv", "broadcasting", "media", "pravda", "telegraph", "mail", "express", "star",
            "sun", "globe", "chronicle", "examiner", "record", "today", "live", "online", "sentinel", "observer"}
LOW_NAME_RE = re.compile(r"^[^\W\d_]")
# Heads of names that are places by their very form ("Frenchmen Street", "Cuyahoga County"): kept as
# mentions even when the gazetteer does not hold them (then without coordinates).
FACILITY_HEADS = {"street", "avenue", "road", "boulevard", "lane", "drive", "square", "bridge", "park", "river",
                  "lake", "mountains", "valley", "island", "islands", "beach", "bay", "peninsula", "ocean", "sea",
                  "gulf", "canal", "airport", "station", "highway", "plaza", "county", "hills", "strait", "desert",
                  "forest", "reservoir", "dam", "harbour", "harbor", "port", "raion", "oblast", "krai"}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    cap: bool
    key: str
    sent_start: bool = False


@dataclass(slots=True)
class Span:
    """A proposed place mention (internal to the geoparser)."""

    start: int
    end: int
    text: str
    key: str                                      # normalised lookup key (without qualifier)
    hits: list[tuple[int, int]]                   # (pid, flag) from the index
    first_tok: int
    last_tok: int
    role: str = "place"
    qualifier: str = ""                           # region, district, suburbs, outskirts, near, north of ...
    prep: str = ""                                # the word before the name, lowercased
    container: "Span | None" = None               # "X, Y" / "X in the Y region" / "Y's X"
    strong: bool = True
    notes: list[str] = field(default_factory=list)


_SENT_GAP = re.compile(r"[.!?:][\"”’')\]]*\s*[\"“‘(\[]*\s*$|^\s*[\"“‘']\s*$")


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets; a token is 'capitalised' when its first letter is upper case.

    Only capitalised tokens get the full normalised key and the sentence-start flag; the
    others (connectors, prepositions, qualifiers) are just lower-cased.
    """
    toks: list[Token] = []
    prev_end = 0
    for m in TOKEN_RE.finditer(text):
        s = m.group(0)
        start = m.start()
        if s[0].isupper():
            gap = text[prev_end:start]
            sent_start = not toks or "\n" in gap or _SENT_GAP.search(gap) is not None
            head, dash, tail = s.partition("-")
            if dash and tail.islower() and len(head) > 1:      # "Russian-backed", "Kyiv-based": the name alone
                toks.append(Token(start, start + len(head), head, True, norm(head), sent_start))
                toks.append(Token(start + len(head) + 1, m.end(), tail, False, tail, False))
                prev_end = m.end()
                continue
            toks.append(Token(start, m.end(), s, True, norm(_strip_poss(s)), sent_start))
        else:
            toks.append(Token(start, m.end(), s, False, s.lower(), False))
        prev_end = m.end()
    return toks


def _strip_poss(s: str) -> str:
    if len(s) > 3 and (s.endswith("'s") or s.endswith("’s")):
        return s[:-2]
    if len(s) > 3 and s[-1] in "'’" and s[-2] == "s":
        return s[:-1]
    return s


_ABBREVIATED = {"St", "Mt", "Ft", "Pt", "Ste"}


def _joinable(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", "-", " - ") or (gap == ". " and a.text in _ABBREVIATED)     # "St. Louis"


def propose(text: str, toks: list[Token], index: Index) -> list[Span]:
    """Longest-match gazetteer spans over capitalised runs (before filtering)."""
    grams: list[tuple[int, int, str]] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not t.cap or t.text[0].isdigit():
            continue
        key_parts = [t.key]
        grams.append((i, i, t.key))
        if len(t.key) == 2 and t.text[1:].islower() and text.startswith(".", t.end):
            grams.append((i, i, t.key + "."))      # AP state abbreviations ("Pa.", "Va."), never "PA", "VA"
        j = i
        while j + 1 < n and j - i + 1 < MAX_NGRAM and _joinable(text, toks[j], toks[j + 1]):
            nxt = toks[j + 1]
            if not nxt.cap and nxt.key not in CONNECTORS:
                break
            key_parts.append(nxt.key)
            j += 1
            if nxt.cap:
                grams.append((i, j, " ".join(key_parts)))
    found = index.lookup(k for _, _, k in grams)
    if any(is_cyrillic_key(k) for _, _, k in grams):       # Полтаві, Курской области: read back to the lemma
        grams, lemmas = lemmatize(toks, grams, found, index)
        found.update(lemmas)
    spans: list[Span] = []
    taken = -1
    by_start: dict[int, list[tuple[int, int, str]]] = {}
    for g in grams:
        if g[2] in found:
            by_start.setdefault(g[0], []).append(g)
    spans.extend(_facilities(text, toks, found, by_start))
    taken = -1
    for i in sorted(by_start):
        if i <= taken or any(f.first_tok <= i <= f.last_tok for f in spans):
            continue
        i0, j0, key = max(by_start[i], key=lambda g: (g[1], g[2].endswith(".")))
        last = toks[j0]
        end = last.end
        surface = text[toks[i0].start:end]
        stripped = _strip_poss(surface)
        spans.append(Span(toks[i0].start, toks[i0].start + len(stripped), stripped, key, found[key], i0, j0))
        taken = j0
    spans.sort(key=lambda sp: sp.start)
    return spans


def _facilities(text: str, toks: list[Token], found: dict, by_start: dict) -> list[Span]:
    """Capitalised runs ending in a place-kind word, none of whose parts the gazetteer knows."""
    out: list[Span] = []
    n, i = len(toks), 0
    while i < n:
        t = toks[i]
        if not t.cap or t.sent_start and t.key in STOP:
            i += 1
            continue
        j = i
        while j + 1 < n and j - i < 5 and _joinable(text, toks[j], toks[j + 1]) and toks[j + 1].cap:
            j += 1
        head = toks[j].key
        if j > i and head in FACILITY_HEADS and not toks[i].text.isupper():
            whole = " ".join(tk.key for tk in toks[i:j + 1])
            inner = any(any(f != 4 for g in by_start.get(k, ()) for _, f in found[g[2]])   # 4: demonym
                        for k in range(i, j))              # "Odesa Airport": the place inside rules
            if whole not in found and (not inner or head == "county") and toks[i].key not in STOP:
                surface = text[toks[i].start:toks[j].end]
                out.append(Span(toks[i].start, toks[j].end, surface, whole, [], i, j, notes=["facility"]))
        i = j + 1
    return out
