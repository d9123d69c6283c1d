"""Rule-based event detection and typing of one sentence: map category plus ACLED event and sub-event type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .categories import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VIOLENCE_AGAINST_CIVILIANS, get_category
from .nonevents import STRONG_KINDS, sentence_veto, war_pattern as nonevents_war_pattern
from .prefilter import Gate, GateSet, fold
from .triggers import Hit, find_hits

AIR_DRONE = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"

# base score of each kind: how decisive it is when coders pick one event for a report
PRIORITY = {"territory": 0.95, "clash": 0.9, "protest": 0.9, "vac": 0.91, "arrest": 0.9, "abduct": 0.91, "sexual": 0.91,
            "ied": 0.86, "intercept": 0.86, "loot": 0.85, "defuse": 0.85, "air": 0.84, "drone": 0.83,
            "milsite": 0.8, "missile": 0.8, "shell": 0.8, "equipment": 0.78, "evac": 0.75, "strike": 0.62,
            "political": 0.6, "casualty": 0.55}
STRIKE_KINDS = ("air", "drone", "missile", "shell", "strike")
_CATEGORY_OF = {"air": "air_strike", "drone": "drone_strike", "missile": "missile_strike", "shell": "shelling",
                "milsite": "military_site_strike", "equipment": "equipment_destroyed", "intercept": "interception",
                "evac": "evacuation", "political": "political", "clash": "ground_assault",
                "territory": "ground_assault", "vac": "civilian_casualties", "abduct": "civilian_casualties",
                "sexual": "civilian_casualties", "casualty": "civilian_casualties", "ied": "shelling",
                "loot": "political", "defuse": "political", "protest": "political", "arrest": "political",
                "strike": "shelling"}
_ACTION = re.compile(
    r"\b(?:launch(?:ed|ing|es)?|fir(?:e|ed|ing)|sent|sending|used|using|hit|hitting|struck|strikes?|striking|attack(?:ed|s)?"
    r"|drop(?:s|ped|ping)?|observed|recorded|heard"
    r"|slamm(?:ed|ing)|impact(?:ed|ing)?|target(?:ed|ing)|dropp(?:ed|ing)|exploded|explosions?|blasts?|killed"
    r"|killing|wounded|wounding|injur(?:ed|ing)|damag(?:ed|ing)|destroy(?:ed|ing)|pound(?:ed|ing)|shelled|bombed"
    r"|came under|come under|landed|rained|carried out|conducted|fell|falling|crashed|aftermath"
    r"|bl[eo]w(?:n|s|ing)? up|demolish(?:ed|es|ing)|detonat(?:ed|ing))\b", re.I)
_CIVILIAN_VICTIM = re.compile(r"\b(?:civilians?|residents?|people|man|woman|men|women|child(?:ren)?|boys?|girls?"
                              r"|sons?|daughters?|famil(?:y|ies)|passengers?|pensioners?|babies|baby|teenagers?"
                              r"|journalists?|volunteers?|drivers?|persons?|minors?)\b", re.I)
_MILITARY_VICTIM = re.compile(r"\b(?:soldiers?|servicem[ae]n|troops|fighters|sailors|paratroopers|militants"
                              r"|personnel|marines|officers)\b", re.I)


_MANNED = re.compile(r"\b(?:(?:Su|MiG|Ka|Mi|Il|Tu|An|Yak|Be|A)-\d+\w*|aircraft|planes?|jets?|fighters?(?:-bombers?)?"
                     r"|bombers?|helicopters?|choppers?|gunships?|warplanes?|airplanes?)\b", re.I)
_UNMANNED = re.compile(r"\b(?:drones?|UAVs?|unmanned|Shaheds?|Gerans?|missiles?|rockets?|Orlan|Lancet|Zala"
                       r"|Supercam|munitions?|bombs?)\b", re.I)
_CROWD = re.compile(r"\b(?:(?:riot )?police(?:men)?|protesters|demonstrators|rioters|crowds?|football fans|mobs?)\b", re.I)
_ARMED = re.compile(r"\b(?:forces|troops|army|soldiers|military|militants|rebels|fighters|units?|artillery|tanks?)\b",
                    re.I)


# military assets whose sighting at a place is a strategic development (presence, movement)
_PRESENCE = re.compile(
    r"\b(?:(?:Su|MiG|Ka|Mi|Il|Tu|An|Yak)[- ]?\d+\w*|forces|radars?|submarines?|warships?|frigates?|corvettes?|destroyers?|cruisers?"
    r"|landing ships?|(?:DNR|DPR|LNR|LPR)|Chechens?|Kadyrovtsy|Russians|occupiers|tracer rounds"
    r"|(?:anti-aircraft|AA) (?:fire|guns?|rounds)|insignia|(?:trucks?|trains?|vehicles?) (?:carrying|with|loaded"
    r" with) (?:\w+ ){0,3}?(?:artillery|rockets?|missiles?|tanks?|armou?red|military|troops|ammunition))\b|"
    + nonevents_war_pattern(), re.I)


@dataclass(frozen=True, slots=True)
class Detected:
    """An event told by a sentence: its category and ACLED coding, the trigger, and a base score."""

    category: str
    event_type: str
    sub_event_type: str
    trigger: Hit
    base: float
    weapon_kind: str = ""          # drone / missile / air / shell when the weapon is known
    needs_place: bool = False      # a bare noun ("its bombing"): only an event where the sentence names a place
    extra: bool = False            # secondary (casualties told with a strike)


def detected(kind: str, hit: Hit, category: str | None = None, event_type: str | None = None,
             sub_event_type: str | None = None, needs_place: bool = False, extra: bool = False,
             weapon_kind: str = "") -> Detected:
    """The event a trigger of ``kind`` tells, in any language: its map category (the kind's unless given),
    the ACLED event and sub-event type (the category's unless given) and the kind's base score."""
    cat = category or _CATEGORY_OF[kind]
    c = get_category(cat)
    return Detected(cat, event_type or c.event_type, sub_event_type or c.sub_event_type, hit, PRIORITY[kind],
                    weapon_kind, needs_place, extra)


def _weapon_sub(kinds: set[str], default: str) -> str:
    if kinds & {"air", "drone"}:
        return AIR_DRONE
    if kinds & {"missile", "shell"}:
        return SHELLING
    return default


_NONVIOLENT = re.compile(r"\b(?:without (?:a |any )?(?:fight|fighting|battle|resistance|clashes|a shot(?: fired)?)"
                         r"|unopposed|handed (?:over|back)|peacefully|were allowed to leave|after (?:the )?(?:\w+ )?"
                         r"(?:withdrawal|retreat) of)\b", re.I)


def _territory_sub(sentence: str, hit: Hit) -> tuple[str, str, str]:
    """(category, event_type, sub_event_type) of a change of control."""
    low = sentence.lower()
    gov = re.search(r"\b(?:recaptur|liberat|regain|retook|restored control|de-?occup)", low) or \
        re.search(r"\bukrain\w* (?:\w+ )?(?:forces|troops|army|military) (?:\w+ ){0,2}(?:captur|took|seized|establish"
                  r"|gain)", low)
    if re.search(r"\b(?:captured|seized|took) (?:some |several |\w+ )?positions\b", low):
        return "ground_assault", BATTLES, "Armed clash"
    if _NONVIOLENT.search(sentence):
        return "ground_assault", STRATEGIC, "Non-violent transfer of territory"
    if gov:
        violent = re.search(r"\b(?:clash|fight|battle|counteroffensive|counter-offensive|assault|shell|strike)", low)
        if not violent and re.search(r"\bwithdr[ae]w", low):
            return "ground_assault", STRATEGIC, "Non-violent transfer of territory"
        return "ground_assault", BATTLES, "Government regains territory"
    if re.search(r"\bwithdr[ae]w|retreated", hit.text, re.I):
        return "ground_assault", BATTLES, "Armed clash"
    return "ground_assault", BATTLES, "Non-state actor overtakes territory"


def war_hits(sentence: str, war_flood: bool = False) -> list[Hit]:
    """The triggers of a sentence that can tell a war event (figurative and non-war uses screened out).
    ``war_flood``: the sentence's text tells a flood an act of war caused (see nonevents.sentence_veto)."""
    hits = find_hits(sentence)
    strong = any(h.kind in STRONG_KINDS and not sentence_veto(sentence, h.kind, h.start, h.end, False, war_flood)
                 for h in hits)
    return [h for h in hits if not sentence_veto(sentence, h.kind, h.start, h.end, strong, war_flood)]


def detect(sentence: str, war_flood: bool = False) -> list[Detected]:
    """The events a sentence tells, each with its category, ACLED coding and anchor trigger. ``war_flood``: the
    text around it tells a flood that an act of war caused (its flood words are then no non-war cause)."""
    hits = war_hits(sentence, war_flood)
    if not hits:
        return []
    by: dict[str, list[Hit]] = {}
    for h in hits:
        by.setdefault(h.kind, []).append(h)
    kinds = set(by)
    acts = [m for m in _ACTION.finditer(sentence)]
    action = bool(acts)
    non_intercept_action = any(not re.match(r"shot", m.group(0), re.I) for m in acts)
    out: list[Detected] = []

    def add(kind: str, category: str | None = None, et: str | None = None, st: str | None = None,
            needs_place: bool = False, extra: bool = False, weapon_kind: str = "") -> None:
        out.append(detected(kind, by[kind][0], category, et, st, needs_place, extra, weapon_kind))

    weapon_kinds = kinds & {"air", "drone", "missile", "shell"}
    by["territory"] = [h for h in by.get("territory", []) if not re.fullmatch(r"occupied", h.text, re.I)
                       and not re.match(r"\s+(?:in|by|during|at)\b", sentence[h.end:])
                       and not (re.search(r"\b(?:those|been|were|was|being)\s+$", sentence[:h.start])
                                and not re.match(r"(?:liberated|recaptured|retaken)$", h.text, re.I))]
    if not by["territory"]:
        del by["territory"]
        kinds.discard("territory")
    if "territory" in kinds:
        cat, et, st = _territory_sub(sentence, by["territory"][0])
        out.append(Detected(cat, et, st, by["territory"][0], PRIORITY["territory"]))
    if "arrest" in kinds and "abduct" in kinds and all(re.match(r"detain", h.text, re.I) for h in by["abduct"]):
        del by["abduct"]                 # "detained by the police": an arrest, not an abduction
        kinds.discard("abduct")
    if "clash" in kinds and _CROWD.search(sentence) and not _ARMED.search(sentence):
        add("clash", category="political", et=RIOTS, st="Violent demonstration")   # clashes with riot police
        del by["clash"]
        kinds.discard("clash")
    if "arrest" in kinds:
        add("arrest", et=STRATEGIC, st="Arrests")
    if "clash" in kinds:
        verbal = any(re.search(r"(?:ed|ght|back)$|^exchanged|^small arms", h.text, re.I) for h in by["clash"])
        add("clash", needs_place=not (action or verbal))
    if "protest" in kinds and not any(d.event_type == RIOTS for d in out):
        force = re.search(r"stun grenades?|tear gas|rubber bullets|dispers|beat|fired at (?:the )?protest|detained",
                          sentence, re.I)
        add("protest", et=PROTESTS, st="Excessive force against protesters" if force else "Peaceful protest")
    for k, sub in (("vac", "Attack"), ("abduct", "Abduction/forced disappearance"), ("sexual", "Sexual violence")):
        if k in kinds:
            add(k, et=VIOLENCE_AGAINST_CIVILIANS, st=sub)
    attack_told = any(re.match(r"strik|struck|hit|slamm|impact|attack|target|launch|fired|dropped|shot|aerial|air",
                               h.text, re.I) for h in by.get("strike", []))
    if "ied" in kinds and (weapon_kinds or "milsite" in kinds or attack_told):
        # a structure destroyed by a named weapon or a strike is that strike, not a demolition
        by["ied"] = [h for h in by["ied"] if not re.match(r"destr", h.text, re.I)]
        if not by["ied"]:
            del by["ied"]
            kinds.discard("ied")
    if "ied" in kinds and (action or "casualty" in kinds):
        add("ied", et=EXPLOSIONS, st="Remote explosive/landmine/IED")
    if "loot" in kinds:
        add("loot", et=STRATEGIC, st="Looting/property destruction")
    if "intercept" in kinds and _MANNED.search(sentence) and not _UNMANNED.search(sentence):
        add("intercept", category="equipment_destroyed", et=BATTLES, st="Armed clash")   # a jet shot down
    elif "intercept" in kinds:
        add("intercept")
    if "defuse" in kinds:
        add("defuse", et=STRATEGIC, st="Disrupted weapons use")
    site = "milsite" in kinds and (action or weapon_kinds)
    equip = "equipment" in kinds
    if site:
        add("milsite", st=_weapon_sub(weapon_kinds, SHELLING), weapon_kind=next(iter(sorted(weapon_kinds)), ""))
    elif equip:
        sub = _weapon_sub(weapon_kinds, SHELLING)      # coders type a strike on equipment by its weapon
        add("equipment", et=EXPLOSIONS, st=sub,
            weapon_kind=next(iter(sorted(weapon_kinds)), ""))
    elif not ({"ied"} & kinds and not weapon_kinds):
        strike_done = False
        for k in ("air", "drone", "missile", "shell"):
            if k not in kinds:
                continue
            verbal = any(re.search(r"(?:ed|ing)$|strikes?$|raids?$|fire$", h.text, re.I) for h in by[k])
            if k in ("drone", "missile") and "intercept" in kinds and not non_intercept_action:
                continue
            if not (verbal or action or "casualty" in kinds):
                continue
            add(k, needs_place=not action, weapon_kind=k)
            strike_done = True
        if not strike_done and "strike" in kinds and not out:
            add("strike", category="shelling", needs_place=True, weapon_kind="")
    if "evac" in kinds:
        add("evac", et=STRATEGIC, st="Other")
    if "political" in kinds:
        add("political", et=STRATEGIC, st="Other")
    if "casualty" in kinds and _CIVILIAN_VICTIM.search(sentence) and not _MILITARY_VICTIM.search(sentence) \
            and not any(d.category == "civilian_casualties" for d in out):
        add("casualty", et=VIOLENCE_AGAINST_CIVILIANS, st="Attack", extra=bool(out), needs_place=True)
    return out


def casualty_only(sentence: str, war_flood: bool = False) -> bool:
    """True for a sentence that only reports casualties ("Two people died."), to attach to the event before."""
    hits = war_hits(sentence, war_flood)
    return bool(hits) and all(h.kind in ("casualty",) for h in hits)


# Short reports that tell no typed event but a scene: damage, fire, military presence, arrests.
_NOTES: tuple[tuple[re.Pattern[str], str, str, str], ...] = tuple((re.compile(p, re.I), c, e, st) for p, c, e, st in (
    (r"\b(?:deceased|dead|bod(?:y|ies)|corpses?|killed|blood|bullet holes|executed|casualt(?:y|ies))\b",
     "civilian_casualties",
     VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    (r"\b(?:arrest\w*|in custody)\b", "political", STRATEGIC, "Arrests"),
    (r"\b(?:detain\w*|POWs?|prisoners? of war|captives?)\b", "civilian_casualties",
     VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    (r"\b(?:fir(?:ing|ed) (?:towards?|at|on)|shooting|firing positions|TOS-? ?1\w*|9A52\S*|rocket)\b", "shelling",
     EXPLOSIONS, SHELLING),
    (r"\b(?:damage[ds]?|destroyed|destruction|ruins?|ruined|fires?|on fire|burn(?:ing|ed|t|s)?|smoke|plumes?"
     r"|detonations?|remnants?|craters?|debris|explod\w*|wreckage|incendiar\w*|cluster munitions?|rocket motor"
     r"|collapsed|aftermath|hit|impact|flames|engulfed|blaze)\b", "shelling", EXPLOSIONS, SHELLING),
    (r"\b(?:(?:Russian|Ukrainian|Belarusian|Chechen|military|armed|enemy)\s+(?:\w+\s+)?(?:troops|forces|soldiers"
     r"|vehicles|equipment|trucks|convoys?|columns?|camps?|jets?|helicopters?|tanks?|positions|military|presence"
     r"|movements?|momvent|checkpoints?|base)|military (?:camp|vehicles|equipment|movement)|field hospital"
     r"|tents? camp|checkpoints?|fortifications?|trenches|(?:Chechen|Kadyrov\w*|Wagner)\s*(?:fighters|troops)?"
     r"|fighters|soldiers?)\b", "political", STRATEGIC, "Other"),
    (r"\b(?:mass graves?|burials?|graves?|graveyards?|bodies|corpses?|exhum\w*)\b", "civilian_casualties",
     VIOLENCE_AGAINST_CIVILIANS, "Attack"),
))


def detect_note(sentence: str) -> Detected | None:
    """A low-confidence event for a short report with no trigger (damage, fire, presence, arrests). A report that
    merely names a place tells no event and gives none."""
    possible = _NOTE_GATES.possible(fold(sentence))       # skip the patterns that cannot match (exact)
    for i, (pat, cat, et, st) in enumerate(_NOTES):
        m = pat.search(sentence) if i in possible else None
        if m and not sentence_veto(sentence, "note", m.start(), m.end()):
            return Detected(cat, et, st, Hit("note", m.start(), m.end(), m.group(0)), 0.35, "", True)
    w = _compiled_war().search(sentence) if "presence" in possible else None   # military assets seen at a place
    if w and not sentence_veto(sentence, "note", w.start(), w.end()):
        return Detected("political", STRATEGIC, "Other", Hit("note", w.start(), w.end(), w.group(0)), 0.25, "", True)
    return None


def _compiled_war() -> re.Pattern[str]:
    return _PRESENCE


_NOTE_GATES = GateSet([*((i, Gate(p)) for i, (p, *_) in enumerate(_NOTES)), ("presence", Gate(_PRESENCE))])
