"""The incident rules for Ukrainian and Russian sentences, over the tables of lang_uk and lang_ru.

Each function has the signature and the output of its English counterpart (events.detect,
counts.find_counts, dates.find_cues, actors.find_actors ...), so the pipeline runs unchanged:
category keys, ACLED types and weapon names stay in English, offsets point into the Cyrillic text.
Both languages' tables are matched together: reports quote each other, and the two languages share
most of their military vocabulary.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from . import lang_ru, lang_uk
from .categories import BATTLES, EXPLOSIONS, STRATEGIC, VIOLENCE_AGAINST_CIVILIANS
from .dates import DateCue
from .events import Detected, detected
from .prefilter import Gate, GateSet, fold
from .triggers import Hit

_TABLES = (lang_uk, lang_ru)
KINDS = ("territory", "clash", "vac", "abduct", "intercept", "air", "drone", "missile", "shell", "milsite",
         "equipment", "strike", "evac", "casualty")
AIR_DRONE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
# a trigger's category, ACLED types and base score are the English kind's (events.detected)


# One way to read the languages' tables together (lang_uk and lang_ru hold the same names, as data only):
def _union(attr: str) -> str:
    """The pattern ``attr`` of every language, as alternatives of one pattern."""
    return "|".join(f"(?:{getattr(t, attr)})" for t in _TABLES)


def _merged(attr: str, key: Any = None) -> dict[str, int]:
    """The word table ``attr`` of every language in one dict (``key`` maps each word first)."""
    return {(key(k) if key else k): v for t in _TABLES for k, v in getattr(t, attr).items()}


def _compiled_pairs(attr: str) -> list[tuple[re.Pattern[str], str]]:
    """The (pattern, English name) pairs ``attr`` of every language, each a whole word, compiled."""
    return [(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])"), name) for t in _TABLES for p, name in getattr(t, attr)]


# Case-insensitive (a sentence may open with any trigger); names that are also ordinary words are written
# case-sensitive in the tables with (?-i:...) (Град the launcher, град the hail).
PATTERNS = {k: re.compile("|".join(f"(?:{t.TRIGGERS[k]})" for t in _TABLES), re.I) for k in KINDS}
_IRREALIS = re.compile(_union("IRREALIS"), re.I)
_NOT_EVENT = re.compile(_union("NOT_EVENT"), re.I)
_ACTION = re.compile(_union("ACTION"), re.I)
_CIVILIANS = re.compile(_union("CIVILIANS"), re.I)
_MILITARY = re.compile(_union("MILITARY"), re.I)
_NOTES = re.compile(_union("NOTES"), re.I)
# the trigger kinds and the masks with their literal pre-checks, all tested in one scan (exact: prefilter)
_GATES = GateSet([*((k, Gate(p)) for k, p in PATTERNS.items()), ("not_event", Gate(_NOT_EVENT))])


_INFINITIVE = ("ти", "ть", "тися", "ться", "тись")      # "може атакувати": a threat, not an attack
# kinds whose words are nouns: "ракети" (missiles) ends like an infinitive and is none
_NOUN_KINDS = frozenset({"milsite", "missile", "drone"})


@lru_cache(maxsize=2048)
def _hits(sentence: str) -> tuple[Hit, ...]:
    hits: list[Hit] = []
    possible = _GATES.possible(fold(sentence))
    masked = [(m.start(), m.end()) for m in _NOT_EVENT.finditer(sentence)] if "not_event" in possible else []
    for kind, pat in PATTERNS.items():
        if kind not in possible:
            continue
        for m in pat.finditer(sentence):
            if any(a <= m.start() < b for a, b in masked) or (
                    kind not in _NOUN_KINDS and m.group(0).lower().endswith(_INFINITIVE)):
                continue                  # "може атакувати": an infinitive tells a threat, not an attack
            if kind != "casualty" and _IRREALIS.search(sentence[max(0, m.start() - 40):m.start()]):
                continue
            hits.append(Hit(kind, m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda h: (h.start, KINDS.index(h.kind)))
    return tuple(hits)


def find_hits(sentence: str) -> list[Hit]:
    """Every trigger of a Ukrainian or Russian sentence, left to right (unreal ones dropped)."""
    return list(_hits(sentence))


def war_hits(sentence: str) -> list[Hit]:
    """The triggers that can tell a war event, the non-event screens applied (nonevents, nonevents_cyr):
    figurative uses ("шторм ударит по Москве"), animal victims, a weak trigger beside a non-war cause."""
    from .nonevents import STRONG_KINDS, sentence_veto
    hits = find_hits(sentence)
    strong = any(h.kind in STRONG_KINDS and not sentence_veto(sentence, h.kind, h.start, h.end) for h in hits)
    return [h for h in hits if not sentence_veto(sentence, h.kind, h.start, h.end, strong)]


_ATTACK_WORD = re.compile(r"(?:атак|удар|вдар|нанес|завда)", re.I)     # the attack itself, no damage told
_LIBERATED = re.compile(r"\b(?:звільн|деокуп|освобо)", re.I)


def detect(sentence: str) -> list[Detected]:
    """The events a Ukrainian or Russian sentence tells, typed like events.detect types English ones."""
    hits = war_hits(sentence)
    if not hits:
        return []
    shot = [h for h in hits if h.kind == "intercept"]
    # "дронов расстреляли": drones shot at are shot down, no shooting of people
    hits = [h for h in hits if h.kind != "vac" or not any(i.start <= h.start < i.end for i in shot)]
    by: dict[str, list[Hit]] = {}
    for h in hits:
        by.setdefault(h.kind, []).append(h)
    kinds = set(by)
    action = any(not _IRREALIS.search(sentence[max(0, m.start() - 40):m.start()])
                 and not m.group(0).lower().endswith(_INFINITIVE) for m in _ACTION.finditer(sentence))
    out: list[Detected] = []

    def add(kind: str, et: str | None = None, st: str | None = None, needs_place: bool = False,
            extra: bool = False, weapon_kind: str = "", category: str | None = None) -> None:
        out.append(detected(kind, by[kind][0], category, et, st, needs_place, extra, weapon_kind))

    weapons = kinds & {"air", "drone", "missile", "shell"}
    if "territory" in kinds:
        gov = _LIBERATED.search(by["territory"][0].text)
        add("territory", et=BATTLES, st="Government regains territory" if gov else "Non-state actor overtakes territory")
    if "clash" in kinds:
        add("clash", et=BATTLES, st="Armed clash")
    if "vac" in kinds:
        add("vac", et=VIOLENCE_AGAINST_CIVILIANS, st="Attack")
    if "abduct" in kinds:
        add("abduct", et=VIOLENCE_AGAINST_CIVILIANS, st="Abduction/forced disappearance")
    if "intercept" in kinds:
        add("intercept")
    # drones or missiles that were shot down are no strike unless the sentence tells what they hit: damage, fire,
    # casualties; the attack words alone ("атака", "удар", "атакував") tell the attack that was intercepted
    damage = [h for h in by.get("strike", ()) if not _ATTACK_WORD.match(h.text)]
    only_intercepted = "intercept" in kinds and not damage and not (kinds & {"casualty", "milsite", "equipment"})
    if "milsite" in kinds and (action or weapons):
        add("milsite", st=AIR_DRONE if weapons & {"air", "drone"} else SHELLING,
            weapon_kind=next(iter(sorted(weapons)), ""))
    elif "equipment" in kinds:
        add("equipment", et=EXPLOSIONS, st=AIR_DRONE if weapons & {"air", "drone"} else SHELLING,
            weapon_kind=next(iter(sorted(weapons)), ""))
    else:
        done = False
        for k in ("air", "drone", "missile", "shell"):
            if k not in kinds or (k in ("drone", "missile") and only_intercepted):
                continue
            if not (action or "casualty" in kinds):
                continue
            add(k, needs_place=not action, weapon_kind=k)
            done = True
        if not done and "strike" in kinds and not out:
            add("strike", needs_place=True)
    if "evac" in kinds:
        add("evac", et=STRATEGIC, st="Other")
    if "casualty" in kinds and _CIVILIANS.search(sentence) and not _MILITARY.search(sentence) \
            and not any(d.category == "civilian_casualties" for d in out):
        add("casualty", et=VIOLENCE_AGAINST_CIVILIANS, st="Attack", extra=bool(out), needs_place=True)
    return out


_CONSEQUENCE = re.compile(r"^\W*(?:внаслідок|унаслідок|в результаті|у результаті|в результате|через|від|от)\s+"
                         r"(?:\w+\s+){0,2}?(?:удар|атак|обстріл|обстрел|прил[еіё]т|вибух|взрыв)\w*", re.I)


_DAMAGE = re.compile(r"пошкодж|зруйн|поврежд|разруш|пожеж|пожар|загоран|возгоран", re.I)


def casualty_only(sentence: str) -> bool:
    """True for a sentence that only reports casualties ("Двоє людей загинули.", "Внаслідок удару поранено
    двох людей."): they count for the attack told just before."""
    hits = war_hits(sentence)
    if not hits or not any(h.kind == "casualty" for h in hits):
        return False
    if all(h.kind == "casualty" for h in hits):
        return True
    if not all(h.kind in ("casualty", "strike") for h in hits):
        return False
    return bool(_CONSEQUENCE.match(sentence)) or all(
        _DAMAGE.match(h.text) for h in hits if h.kind == "strike")      # "Пошкоджено школу, загинула людина."


def detect_note(sentence: str, short: bool = False) -> Detected | None:
    """A low-confidence scene of damage or fire in a short report; never a sentence that only names a place."""
    m = _NOTES.search(sentence)
    if m is None:
        return None
    from .nonevents import sentence_veto
    if sentence_veto(sentence, "note", m.start(), m.end()):
        return None                       # a household fire, a storm: no war damage
    return Detected("shelling", EXPLOSIONS, SHELLING, Hit("note", m.start(), m.end(), m.group(0)), 0.35, "", True)


# ---- counts ------------------------------------------------------------------------------------------
_NUMWORDS = _merged("NUMBERS", str.lower)
_APOS = lang_uk.A                      # "'" in a table word stands for any apostrophe, or none
_NUMWORD_RE = "|".join(sorted((re.escape(k).replace("'", _APOS) for k in _NUMWORDS), key=len, reverse=True))
_THOUSAND = _union("THOUSAND")
_NUM = (rf"(?:(?:щонайменше|не менше|не менее|по меньшей мере|понад|більше|более|около|близько|майже|почти|ще|еще|ещё)\s+)?"
        rf"(\d{{1,3}}(?:[  ]\d{{3}})+|\d+(?:[.,]\d+)?(?:\s*(?:{_THOUSAND}))?|(?:{_NUMWORD_RE})(?:\s+(?:{_THOUSAND}))?)")
_PEOPLE = _union("PEOPLE")
_GAP = r"(?:[\w'’ʼ-]+\s+){0,3}?"


def _count_re(verb: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{verb})\s+(?:\w+\s+){{0,2}}?{_NUM}(?!\w)|\b{_NUM}\s+{_GAP}(?:(?:{_PEOPLE})\s+)?{_GAP}(?:{verb})",
                      re.I)


_COUNTS = {k: _count_re(_union(attr)) for k, attr in (("killed", "KILL"), ("wounded", "WOUND"),
                                                      ("evacuated", "EVACUATED"), ("intercepted", "INTERCEPTED"))}
_LAUNCH = re.compile(rf"\b(?:{_union('LAUNCHED')})\s+(?:\w+\s+){{0,2}}?{_NUM}\s+(\w+)", re.I)
_OF_N = re.compile(rf"\b{_NUM}\s+(?:з|із|из)\s+{_NUM}\s+(\w+)", re.I)


def _word(table: dict[str, int], s: str) -> int | None:
    """A table's value for a word, whatever apostrophe it is written with (or none: пять for п'ять)."""
    k = re.sub("[’ʼ]", "'", s.lower())
    if k in table:
        return table[k]
    return next((v for w, v in table.items() if w.replace("'", "") == k.replace("'", "")), None)


def to_int(s: str) -> int | None:
    """The integer of a number phrase ("двоє" 2, "п'ятеро" 5, "120 тисяч" 120000, "1 200" 1200)."""
    s = s.lower().strip()
    mult = 1
    m = re.search(rf"\s*(?:{_THOUSAND})$", s)
    if m and m.start() > 0:
        mult, s = 1000, s[:m.start()].strip()
    if re.fullmatch(r"\d{1,3}(?:[  ]\d{3})+", s):
        return int(re.sub(r"\D", "", s)) * mult
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return int(float(s.replace(",", ".")) * mult)
    v = _word(_NUMWORDS, s)
    return v * mult if v is not None else None


def find_counts(sentence: str) -> dict[str, int]:
    """killed, wounded, evacuated, intercepted (and launched from "з 15" / "из 15") told by the sentence."""
    out: dict[str, int] = {}
    for k, pat in _COUNTS.items():
        for m in pat.finditer(sentence):
            num = next((g for g in m.groups() if g), None)
            v = to_int(num) if num else None
            if v is not None and k not in out:
                out[k] = v
    of = _OF_N.search(sentence)
    if of:
        a, b = to_int(of.group(1)), to_int(of.group(2))
        if a is not None and b is not None and a <= b:
            out.setdefault("intercepted", a)
            out["launched"] = b
    return out


def _weapon_kind(word: str) -> str:
    w = word.lower()
    if re.match(r"дрон|бпла|безпілот|беспилот|шахед|герань|герані|ланцет|fpv|фпв|квадрокоптер|коптер", w):
        return "drone"
    if re.match(r"ракет|іскандер|искандер|калібр|калибр|кинджал|кинжал|балісти|баллисти|крилат|крылат", w):
        return "missile"
    return ""


def launched_by_weapon(sentence: str) -> dict[str, int]:
    """{"drone": 20} for "атакували 20 шахедами", {"missile": 15} for "з 15 ракет"."""
    out: dict[str, int] = {}
    for pat in (_LAUNCH, _OF_N):
        for m in pat.finditer(sentence):
            last = m.lastindex or 0          # both patterns end with (number)(weapon) groups
            v = to_int(m.group(last - 1))
            kind = _weapon_kind(m.group(last))
            if v is not None and kind:
                out.setdefault(kind, v)
    return out


# ---- dates ---------------------------------------------------------------------------------------------
_MONTHS = _merged("MONTHS")
_MON = "|".join(_MONTHS)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MON})(?:\s+(\d{{4}})(?:\s*(?:року|р\.|года|г\.))?)?", re.I)
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
_NIGHT = re.compile(_union("NIGHT_OF") + r"$", re.I)
_REL = _merged("RELATIVE")
_REL_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _REL), key=len, reverse=True)) + r")\b", re.I)
_WEEKDAYS = _merged("WEEKDAYS")
_WD_RE = re.compile(r"\b(?:у|в|во)\s+(" + "|".join(k.replace("'", _APOS) for k in _WEEKDAYS) + r")\b", re.I)


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_cues(sentence: str, ref: date | None) -> list[DateCue]:
    """Date cues of a Ukrainian or Russian sentence ("у ніч на 11 серпня", "11 августа 2024 года", "вчора")."""
    cues: list[DateCue] = []
    for m in _DMY.finditer(sentence):
        month = _MONTHS[m[2].lower()]
        year = int(m[3]) if m[3] else (ref.year if ref else None)
        if year is None:
            continue
        d = _mk(year, month, int(m[1]))
        if d and not m[3] and ref and d > ref:
            d = _mk(year - 1, month, int(m[1]))
        if d:
            night = _NIGHT.search(sentence[max(0, m.start() - 16):m.start()])
            start = m.start() - (len(night.group(0)) if night else 0)
            cues.append(DateCue(start, m.end(), d.isoformat(), "day", 3))
    for m in _DOTTED.finditer(sentence):
        y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        d = _mk(y, int(m[2]), int(m[1]))
        if d:
            cues.append(DateCue(m.start(), m.end(), d.isoformat(), "day", 3))
    if ref is not None:
        for m in _REL_RE.finditer(sentence):
            back = _REL[m[1].lower()]
            cues.append(DateCue(m.start(), m.end(), (ref - timedelta(days=back)).isoformat(), "day", 2))
        for m in _WD_RE.finditer(sentence):
            wd = _word(_WEEKDAYS, m[1])
            if wd is None:
                continue
            back = (ref.weekday() - wd) % 7
            cues.append(DateCue(m.start(), m.end(), (ref - timedelta(days=back)).isoformat(), "day", 2))
    return sorted(cues, key=lambda c: c.start)


# ---- actors and weapons --------------------------------------------------------------------------------
_SIDES = _compiled_pairs("SIDES")
_TARGET_CUE = re.compile(r"\b(?:по|на|проти|против|позиці\w+|позици\w+)\s+$", re.I)
_WEAPONS = _compiled_pairs("WEAPONS")


def find_actors(sentence: str, trigger_at: int) -> list[tuple[str, str]]:
    """(role, name): actor1 the side named before the trigger (not as a target), actor2 the side acted upon."""
    found: list[tuple[int, str, bool]] = []
    for pat, name in _SIDES:
        for m in pat.finditer(sentence):
            target = bool(_TARGET_CUE.search(sentence[max(0, m.start() - 14):m.start()]))
            found.append((m.start(), name, target))
    found.sort()
    a1 = [n for at, n, tgt in found if at <= trigger_at and not tgt]
    a2 = [n for at, n, tgt in found if (at > trigger_at or tgt) and n != (a1[-1] if a1 else None)]
    out: list[tuple[str, str]] = []
    if a1:
        out.append(("actor1", a1[-1]))
    if a2:
        out.append(("actor2", a2[0]))
    return out


def find_weapons(sentence: str) -> list[str]:
    """Weapons named in the sentence, in English, in order, without repeats or generic doubles."""
    spans: list[tuple[int, int, str]] = []
    for pat, name in _WEAPONS:
        for m in pat.finditer(sentence):
            if any(a <= m.start() < b for a, b, _ in spans):
                continue
            spans.append((m.start(), m.end(), name.format(*m.groups()) if m.groups() else name))
    out: list[str] = []
    for _, _, name in sorted(spans):
        if name not in out:
            out.append(name)
    generic = {"drones": ("Shahed drones", "FPV drones", "Lancet drones"),
               "missiles": ("Iskander missiles", "Kalibr missiles", "Kinzhal missiles", "ballistic missiles",
                            "cruise missiles", "S-300 missiles", "S-400 missiles"),
               "air bombs": ("KAB glide bombs",)}
    return [w for w in out if not any(s in out for s in generic.get(w, ())) and not (w == "missiles" and any(
        x.endswith(" missiles") for x in out))]
