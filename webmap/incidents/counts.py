"""Counts told by a sentence: killed, wounded, launched, intercepted, evacuated (digits or words)."""
from __future__ import annotations

import re
from functools import lru_cache

from .prefilter import Gate, GateSet, fold

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_WORDNUM = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
            r"|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            r"|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|a hundred|a thousand|a single|an?)")
_VAGUE = r"(?:dozens|hundreds|thousands|tens of thousands|hundreds of thousands|several|many|scores|numerous|some)"
NUM = (rf"(?:(?:at least|about|around|some|nearly|almost|over|more than|up to|approximately|roughly|as many as"
       rf"|another|a total of|total of|only)\s+)?(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?: (?:thousand|million))?"
       rf"|{_WORDNUM}(?: (?:hundred|thousand))?|{_VAGUE})(?!\w)")
_NUM_RE = re.compile(NUM, re.I)

_PERSON = (r"(?:civilians?|people|persons?|residents?|men|man|women|woman|children|child|kids?|boys?|girls?"
           r"|sons?|daughters?|babies|baby|infants?|teenagers?|minors?|passengers?|drivers?|employees?|workers?"
           r"|volunteers?|journalists?|soldiers?|servicem[ae]n|troops|fighters|police(?:m[ae]n|officers?)?"
           r"|officers?|sailors?|inhabitants|locals|pensioners?|elderly|victims?|individuals?|family members"
           r"|members|staff|medics?|doctors?|rescuers?|firefighters?|guards?|hostages?|citizens|protesters?|others"
           r"|wife|husband|mother|father|brothers?|sisters?|grand(?:mother|father|son|daughter)s?|neighbou?rs?|relatives)")
_KILL = r"(?:killed|dead|died|perished|killing|fatalities|deaths?|lost their lives|were slain)"
_WOUND = r"(?:wounded|injured|wounding|injuring|hurt|injuries|received injuries|sustained injuries)"


def to_int(s: str) -> int | None:
    """The integer a number phrase means, or None when vague ("dozens", "tens of thousands")."""
    s = s.lower().strip()
    if re.fullmatch(_VAGUE, s):
        return None
    mult = 1
    for w, f in (("million", 1_000_000), ("thousand", 1000), ("hundred", 100)):
        if s.endswith(" " + w):
            mult, s = f, s[: -len(w) - 1].strip()
            break
    if s in ("a dozen",):
        return 12 * mult
    if s in ("a hundred",):
        return 100
    if s in ("a thousand",):
        return 1000
    if s in ("a", "an", "a single"):
        return mult if mult > 1 else 1
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", s):
        return int(float(s.replace(",", "")) * mult)
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return (_TENS[parts[0]] + _UNITS[parts[1]]) * mult
    if s in _TENS:
        return _TENS[s] * mult
    if s in _UNITS:
        return _UNITS[s] * mult
    return None


_ADJ = r"(?:(?:[\w'-]+ ){0,3})"
# one more word may stand between the persons and the verb ("5 civilians reportedly killed"), but not "and"/"or":
# in "killed 3 people and injured dozens" the 3 is the object of "killed", not the subject of "injured"
_NOT_AND = r"(?: (?!(?:and|or)\b)\w+)?"
# an aside between the persons and the verb: "three people, including a child, were killed"
_ASIDE = r"(?:,? (?:including|among them|among whom|most of them|many of them|all of them|mostly) [^,;.]{1,40},)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.I)) for k, p in (
    ("killed", rf"\b{NUM} {_ADJ}{_PERSON}{_NOT_AND}{_ASIDE},? (?:were |was |have been |had been |are |got )?(?:reportedly )?"
               rf"(?:killed|dead|died|perished|slain)"),
    ("killed", rf"\b(?:killing|killed|kills|left|leaving|claimed the lives of|death toll (?:rose |climbed |has risen )?"
               rf"(?:to|at|of)) {NUM}(?! (?:of|wounded|injured))"),
    ("killed", rf"\b{NUM} (?:{_PERSON} )?(?:killed|dead|died|deaths|fatalities)\b"),
    ("wounded", rf"\b{NUM} {_ADJ}{_PERSON}{_NOT_AND}{_ASIDE},? (?:were |was |have been |had been |are |got )?(?:reportedly )?"
                rf"(?:wounded|injured|hurt|received injuries|sustained injuries)"),
    ("wounded", rf"\b(?:wounding|injuring|wounded|injured|hurt) {NUM}(?! of)"),
    ("wounded", rf"\b{NUM} (?:{_PERSON} )?(?:wounded|injured|injuries)\b"),
    ("intercepted", rf"\b(?:intercepted|shot down|downed|destroyed|neutrali[sz]ed) (?:all )?{NUM}"),
    ("intercepted", rf"\b{NUM} (?:of (?:the|them) )?{_ADJ}(?:were |was |have been )?(?:intercepted|shot down|downed"
                    rf"|destroyed by air defen)"),
    ("launched", rf"\b(?:launched|fired|sent|used) {NUM} "),
    ("launched", rf"\b{NUM} {_ADJ}(?:drones?|missiles?|rockets?|UAVs?|Shaheds?|bombs|shells)\b"),
    ("evacuated", rf"\b(?:evacuated|relocated|rescued) {NUM}(?! of)"),
    ("evacuated", rf"\b{NUM} {_ADJ}(?:{_PERSON} )?(?:\w+ )?(?:have |had |were |was |has )?(?:been )?"
                  rf"(?:evacuated|fled|displaced|relocated|left their homes)"),
    ("evacuated", rf"\b{NUM} {_ADJ}{_PERSON}{_ASIDE},? (?:have |had |were |was |has )?(?:been )?(?:evacuated|taken out"
                  rf"|brought out|moved out|taken to safety|resettled)"),
))
_GATES = {k: re.compile(p, re.I) for k, p in (
    ("killed", r"kill|dead|die|perish|slain|death|fatalit"), ("wounded", r"wound|injur|hurt"),
    ("intercepted", r"intercept|shot down|downed|destroyed|neutrali"),
    ("launched", r"launch|fired|sent|used|drone|missile|rocket|UAV|Shahed|bomb|shell"),
    ("evacuated", r"evacuat|relocat|rescued|fled|displaced|left their homes|taken out|brought out|moved out|to safety"
                  r"|resettled"))}
# The number patterns find a count only where a digit or a number word is: "a", "an" and the vague words
# ("several", "dozens") give no value. A sentence with neither skips them (the pre-check is exact).
# A number word counts where a word starts (the patterns put \\b before it).
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = (*_UNITS, *_TENS, "dozen", "hundred", "thousand", "million")
_NUMBER_WORD = Gate(re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + ")", re.I))


def has_number(sentence: str) -> bool:
    """True when the sentence has a digit or an English number word (a count pattern may then find a value)."""
    return _has_number(sentence, _possible(sentence))


def _has_number(sentence: str, possible: frozenset[str]) -> bool:
    return _DIGIT.search(sentence) is not None or (
        "number" in possible and _NUMBER_WORD.pattern.search(sentence) is not None)


# A coordinated list of counted persons that shares one verb counts all its members: "two soldiers and three
# civilians were wounded" (5), "the strike killed a man, two women and a child" (4). The words between a number
# and its noun may not be "and"/"or" (or "two [soldiers and three] civilians" would read as one item), and
# "two killed and three wounded" has a verb for each number, so it is no list.
_LIST_ADJ = r"(?:(?!(?:and|or)\b)[\w'-]+ ){0,3}?"
_ITEM = rf"\b(?:(?:her|his|their) )?{NUM} {_LIST_ADJ}{_PERSON}\b"
_ITEM_RE = re.compile(_ITEM, re.I)
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_LIST = rf"(?:{_ITEM}{_SEP})+{_ITEM}"
_LISTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.I)) for k, p in (
    ("killed", rf"({_LIST}),? (?:were |was |have been |had been |are |got )?(?:reportedly |all )?"
               rf"(?:killed|dead|died|perished|slain)\b"),
    ("killed", rf"\b(?:killing|killed|kills|claimed the lives of) ({_LIST})"),
    ("wounded", rf"({_LIST}),? (?:were |was |have been |had been |are |got )?(?:reportedly |all )?"
                rf"(?:wounded|injured|hurt|received injuries|sustained injuries)\b"),
    ("wounded", rf"\b(?:wounding|injuring|wounded|injured) ({_LIST})"),
))
_LIST_GATE = Gate(re.compile(r"\band\b|,", re.I))


def _list_sum(text: str) -> int | None:
    """The number of persons a coordinated list counts, or None when one of its numbers is vague."""
    total = 0
    for m in _ITEM_RE.finditer(text):
        v = to_int(m.group(1))
        if v is None:
            return None
        total += v
    return total or None


_PATTERN_GATES = tuple((k, _GATES[k], Gate(p)) for k, p in _PATTERNS)
_CODED = re.compile(r"\b(?:fatalities|casualties)? ?coded as (\d+)|\b(\d+) fatalit(?:y|ies) split between (\d+)", re.I)
_CODED_GATE = Gate(_CODED)
_CODED_ELSEWHERE = Gate(re.compile(r"fatalities coded to|fatalities split", re.I))
_VERBS = tuple((Gate(re.compile(v, re.I)), k) for v, k in ((r"\b(?:killing|killed|kills)\b", "killed"),
                                                           (r"\b(?:wounding|injuring|wounded|injured)\b", "wounded")))
_ONE_PERSON = Gate(re.compile(rf"\b(?:one of the|a|an|the|one)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}\s+(?:\w+\s+)?"
                              rf"(?:was|is|has been|later)\s+(?:\w+\s+)?({_KILL}|{_WOUND})", re.I))
_WHO = re.compile(rf"(?:\b(?:a|an|one|his|her|their|the|another)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}\b)", re.I)


def _people_list(text: str) -> int | None:
    """Count a coordinated list of singular persons: "a man and his four-year-old son" -> 2."""
    m = re.match(rf"\s*((?:(?:a|an|one|his|her|their|the|another)\s+(?:[\w'-]+\s+){{0,2}}?{_PERSON}"
                 rf"(?:\s*,\s*|\s+and\s+)?)+)", text, re.I)
    if not m:
        return None
    people = _WHO.findall(m.group(1))
    if any(re.search(r"(?:people|men|women|children|civilians|residents|members|soldiers|troops)$", p, re.I)
           for p in people):
        return None
    return len(people) or None


def find_counts(sentence: str) -> dict[str, int]:
    """Counts by name (killed, wounded, launched, intercepted, evacuated); the largest value of each wins."""
    out: dict[str, int] = {}

    def put(k: str, v: int | None) -> None:
        if v is not None and 0 < v < 10_000_000:
            out[k] = max(out.get(k, 0), v)

    possible = _possible(sentence)
    m = _CODED.search(sentence) if "coded" in possible else None
    if m:
        if m.group(1):
            put("killed", int(m.group(1)))
        else:
            put("killed", int(m.group(2)) // max(1, int(m.group(3))))
        return out
    if "elsewhere" in possible and _CODED_ELSEWHERE.pattern.search(sentence):
        return out
    if _has_number(sentence, possible):
        for i, (kind, kind_gate, gate) in enumerate(_PATTERN_GATES):
            if f"p{i}" not in possible or not kind_gate.search(sentence):
                continue
            for m in gate.pattern.finditer(sentence):
                val = to_int(m.group(1))
                if val is None or m.group(1).lower() in ("a", "an", "a single"):
                    continue
                put(kind, val)
    if _LIST_GATE.pattern.search(sentence):
        for kind, pat in _LISTS:
            if not _GATES[kind].search(sentence):
                continue
            for m in pat.finditer(sentence):
                put(kind, _list_sum(m.group(1)))
    for i, (verb, kind) in enumerate(_VERBS):
        if f"v{i}" not in possible:
            continue
        for m in verb.pattern.finditer(sentence):
            n = _people_list(sentence[m.end():])
            if n and kind not in out:
                put(kind, n)
    if "one" in possible:
        for m in _ONE_PERSON.pattern.finditer(sentence):
            kind = "killed" if re.match(_KILL, m.group(1), re.I) else "wounded"
            if kind not in out:
                put(kind, 1)
    return out


_WEAPON_KIND = (("drone", r"drones?|UAVs?|Shaheds?|Gerans?|kamikaze[- ]drones?"),
                ("missile", r"missiles?|rockets?|Iskanders?|Kalibrs?|Kinzhals?"),
                ("air", r"(?:air |aerial |glide |guided )?bombs"))


_LAUNCHED = tuple((kind, Gate(re.compile(rf"\b{NUM} {_ADJ}(?:{noun})\b", re.I))) for kind, noun in _WEAPON_KIND)


def launched_by_weapon(sentence: str) -> dict[str, int]:
    """Numbers of weapons launched, by weapon kind: "four ballistic missiles ... 57 Shahed drones"."""
    out: dict[str, int] = {}
    possible = _possible(sentence)
    if not _has_number(sentence, possible):
        return out
    for i, (kind, gate) in enumerate(_LAUNCHED):
        if f"l{i}" not in possible:
            continue
        for m in gate.pattern.finditer(sentence):
            v = to_int(m.group(1))
            pre = sentence[max(0, m.start() - 25):m.start()].lower()
            if v is None or m.group(1).lower() in ("a", "an", "a single") or re.search(
                    r"(?:intercepted|shot down|downed|destroyed)\s+(?:all\s+)?$", pre):
                continue
            out[kind] = max(out.get(kind, 0), v)
    return out


# every pattern of this module with its literal pre-check, tested in one scan of the sentence
_ALL = GateSet([("coded", _CODED_GATE), ("elsewhere", _CODED_ELSEWHERE), ("number", _NUMBER_WORD),
                ("one", _ONE_PERSON), *((f"p{i}", g) for i, (_, _, g) in enumerate(_PATTERN_GATES)),
                *((f"v{i}", g) for i, (g, _) in enumerate(_VERBS)), *((f"l{i}", g) for i, (_, g) in enumerate(_LAUNCHED))])


@lru_cache(maxsize=64)
def _possible(sentence: str) -> frozenset[str]:
    """Names of the patterns that may match the sentence (find_counts and launched_by_weapon both ask)."""
    return frozenset(_ALL.possible(fold(sentence)))
