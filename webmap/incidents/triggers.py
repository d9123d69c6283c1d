"""Trigger lexicon: words that tell an event, grouped by the kind of event they signal."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .prefilter import Gate, GateSet, fold

# kinds, from the most to the least decisive for ACLED's coding of a sentence
KINDS = ("territory", "clash", "protest", "vac", "arrest", "abduct", "sexual", "ied", "loot", "intercept", "defuse",
         "air", "drone", "missile", "shell", "milsite", "equipment", "strike", "evac", "political", "casualty")

_W = r"(?:\w+[ -]){0,3}?"          # up to three words in between
# who is evacuated (plural people or a number), and where to (not to hospital, custody or prison)
_EVACUEES = (r"(?:people|residents|civilians|children|families|villagers|evacuees|patients|inhabitants|locals"
             r"|pensioners|(?:the )?elderly|women|mothers|orphans|townspeople|refugees"
             # a bare multitude is people ("thousands have left"), not "thousands of troops"
             r"|(?:hundreds|thousands|dozens)(?! of (?!(?:the )?(?:people|residents|civilians|children|families"
             r"|villagers|evacuees|patients|inhabitants|locals|pensioners|women|refugees)\b)))")
_AWAY_TO = (r"to safety|(?:west|north|south|east)(?:wards?)?|deeper|further|to(?! (?:a |the |\w+ )?(?:hospitals?"
            r"|medical|morgue|custody|prison|police|court|captivity|interrogation|jail|work|school))")

# structures whose deliberate destruction is a demolition by explosives (not an artillery strike)
_INFRA = (r"(?:dams?|dykes?|dikes?|levees?|bridges?|(?:hydro(?:electric)?|power|nuclear|thermal|pumping) (?:power )?"
          r"(?:plants?|stations?)|hydroelectric|HPPs?|railway (?:bridges?|lines?|tracks?)|rail (?:lines?|tracks?)"
          r"|pipelines?|tunnels?|overpass(?:es)?|viaducts?|locks?|sluices?|floodgates?|spillways?)")

_RAW: dict[str, str] = {
    "territory": r"\b(?:captur(?:ed|ing)|(?:re)?took (?:full )?control|(?:seized|gained|established|regained|took|restored)"
                 r"(?: full)? control|overt(?:ook|aken)|took over|recaptured?|retook|liberat(?:ed|ion)|occupied"
                 r"|withdrew|withdrawn|retreated from|pulled (?:out|back) (?:of|from)|abandoned (?:their |its )?positions"
                 r"|(?:troops|forces|units|soldiers|army) (?:\w+ )?(?:left|entered))\b",
    "clash": r"\b(?:clash(?:ed|es)?|armed clash|fighting|fought|firefights?|battles? (?:for|in|near|over)|skirmish\w*"
             r"|(?:counter-?)?offensives?(?! weapons)|counter-?attack\w*|(?<!aerial )(?<!air )assault(?:ed|s)?|storm(?:ed|ing)"
             r"|repel(?:led)?|repuls(?:ed|e)|ambush(?:ed)?|fired back|exchanged (?:fire|artillery\w*|strikes)"
             r"|advanc(?:ed|es|ing)|attempted to (?:advance|seize|capture|break)|(?:ground|infantry|tank) attacks?"
             r"|attacked (?:the )?(?:\w+ )?(?:positions?|troops|forces|soldiers|units?|military hospital|checkpoints?)"
             r"|small arms|incursions?|invasion|invad(?:ed|ing)|ground operations?"
             r"|sent (?:troops|tanks|forces) into|broke through|crossed the border|raids?|sabotage groups?)\b",
    "protest": r"\b(?:protest(?:ed|s|ers|ing)?|demonstrat(?:ors|ions?|ed)|rall(?:y|ied|ies))\b",
    "vac": r"\b(?:executed|execution|tortur\w+|(?:shot|fired|opened fire|shooting)(?: dead| and killed)? (?:at |on |upon )?"
           r"(?:\w+ ){0,3}?(?:civilians?|residents?|villagers|people|passers-?by|a (?:man|woman|boy|girl|child|driver"
           r"|pensioner|volunteer|journalist|priest)|(?:two|three|several|\d+) (?:men|women|children|people)|children"
           r"|cars?|a car|minibus(?:es)?|bus(?:es)?|vehicles? (?:with|carrying) civilians|evacuation|evacuees|cyclists?)|killed (?:about |around |at least )?(?:\d+ |\w+ )?"
           r"(?:civilians|residents|people)|attack(?:s|ed)? on (?:\w+ ){0,2}civilians|ran over|murder\w*|beat(?:en)? (?:up )?(?:civilians|residents|a man|a woman))\b",
    "abduct": r"\b(?:abduct\w*|kidnapp?\w*|forc(?:e|i)bly (?:deported|transferred|taken)|forcefully transferred"
              r"|taken (?:hostage|captive)|detain(?:ed|s)|illegally detained|disappeared)\b",
    "arrest": r"\b(?:arrest(?:ed|s|ing)?|taken into custody|(?:detained|apprehended) by (?:the )?(?:\w+ ){0,2}?(?:police"
              r"|authorities|SBU|FSB|security services?|law enforcement|border guards|investigators|counter-?intelligence"
              r"|prosecutors?)|(?:police(?:men)?|authorities|SBU|FSB|security services?|law enforcement|border guards)"
              r"(?: \w+){0,2}? (?:detained|apprehended)|charged with (?:treason|collaborat\w+|espionage|spying|sabotage|terrorism)"
              r"|suspected of (?:treason|collaborat\w+|spying|espionage|sabotage))\b",
    "sexual": r"\b(?:raped?|rapes|sexual(?:ly)? (?:violence|assault\w*|abused))\b",
    "ied": r"\b(?:(?<!coal )(?<!salt )(?<!gold )(?<!iron )(?<!ore )(?:land)?mines?(?! (?:of|shafts?|workers?|rescue|owners?|operators?))|mined|tripwires?|explosive devices?|IEDs?"
           r"|unexploded|explosive remnants?|remnants? of (?:war|a (?:shell|rocket|missile))|UXOs?|ERW|ordnance"
           r"|(?:car|roadside|truck|parcel) bombs?|booby[- ]trap\w*|(?:car|vehicle) (?:was )?blown up"
           r"|blew up (?:\w+ ){0,2}?(?:car|vehicle)|(?:explosion|blast|detonation) (?:of|in|under) (?:the |a |an )?(?:\w+ )?(?:car|vehicle)|remote(?:ly)?[- ]detonated|detonated an? (?:\w+ )?(?:device|mine)"
           r"|(?:stepped|drove|ran) (?:on|over) an? (?:\w+ )?(?:mine|tripwire|explosive)|planted"
           # a demolition: a dam, bridge or plant blown up or demolished (ACLED: Remote explosive/landmine/IED)
           rf"|(?:bl[eo]w(?:n|s|ing)? up|demolish(?:ed|es|ing)?|detonat(?:ed|ing)|blast(?:ed|ing)|destroy(?:ed|ing))"
           rf" (?:the |a |an |two |several |its |their )?(?:[\w'’-]+ ){{0,3}}?{_INFRA}"
           rf"|{_INFRA} (?:[\w'’-]+ ){{0,4}}?(?:was |were |had been |has been |have been |being |is |are )"
           rf"(?:\w+ )?(?:blown up|demolished|detonated|destroyed)"
           rf"|(?:demolition|blowing up|detonation|destruction|undermining) of (?:the |a |an |its |their )?"
           rf"(?:[\w'’-]+ ){{0,3}}?{_INFRA})\b",
    "loot": r"\b(?:loot(?:ed|ing|ers)?|pillag\w+|plunder\w*|ransack\w*|stole|stolen|steal(?:ing|s)?|vandali[sz]\w+"
            r"|(?:export\w*|ship(?:ped|ping)|took|taking|tak(?:en|e) away|remov(?:ed|ing)|seiz(?:ed|ing)|confiscat\w+"
            r"|expropriat\w+|carr(?:ied|ying) off) (?:\w+ ){0,4}?(?:grain|harvest|property|belongings|valuables"
            r"|household|furniture|appliances|artworks?|paintings|museum|collections?|livestock|residents' cars)"
            r"|(?:partisans?|saboteurs?|vandals?|arsonists?|unknown (?:persons|people|individuals|assailants))(?: \w+){0,3}?"
            r" (?:destroyed|damaged|burned|burnt|set fire to|torched|blew up|dismantled|disabled)"
            r"|arson|set fire to|set on fire|torched|burn(?:ed|t) down|sabotag(?:ed|e) (?:a |the )?(?:\w+ ){0,2}?"
            r"(?:railway|rail|bridge|relay|power line|substation|cabinet|locomotive)s?)\b",
    "intercept": r"\b(?:intercept(?:ed|s|ion|ing)?|shot down|shooting down|downed|neutrali[sz]ed"
                 r"|destroyed (?:in the air|by air defen[cs]es?|mid-air)|air defen[cs]es? (?:destroyed|worked|repelled))\b",
    "defuse": r"\b(?:defus(?:ed|al)|demin(?:ed|ing)|cleared (?:\w+ ){0,4}(?:of |from )?(?:\w+ )?(?:mines|explosive))\b",
    "air": r"\b(?:air ?strikes?|air raids?|air (?:and|&) (?:\w+ )?(?:strikes?|attacks?|raids?)|air units?"
           r"|aviation units?|aerial (?:strikes?|attacks?|bombardments?)|sorties|air bombs?|aerial bombs?|bombed|bombing|bombard\w*|glide bombs?|guided bombs?"
           r"|(?:FAB|KAB)-\d+|air forces?(?: and \w+)? (?:struck|carried out|launched|attacked|bombed|hit|dropped)|aviation|aircraft|warplanes?"
           r"|fighter jets?|(?:Su|MiG)-\d+|helicopters?|air attacks?)\b",
    "drone": r"\b(?:drones?|UAVs?|unmanned aerial vehicles?|Shahed(?:-\d+)?s?|Geran(?:-\d)?|Lancet|kamikaze[- ]drones?"
             r"|loitering munitions?|Bayraktar|Switchblade)\b",
    "missile": r"\b(?:missiles?|rockets?|ballistic|cruise|Iskander(?:-M)?|Kalibr|Kinzhal|Tochka(?:-U)?|Kh-\d+|S-300"
               r"|ATACMS|Storm Shadow|Onyx|Oniks|Tornado-S)\b",
    "shell": r"\b(?:shell(?:ed|ing|s)|artillery|mortars?|howitzers?|MLRS|multiple rocket launch\w*|Grads?|BM-\d+"
             r"|Uragan|Smerch|Hurricane(?-i:(?! [A-Z][a-z]))|HIMARS|tanks? fire|heavy weapons|\d+ ?mm|fired (?:at|on|upon)|bursts of fire"
             r"|projectiles|shells)\b",
    "milsite": r"\b(?:command(?: post| point|-and-control cent(?:er|re)| and control cent(?:er|re)| cent(?:er|re))s?"
               r"|headquarters|HQ|ammunition (?:depot|warehouse|dump)s?|ammo depots?|(?:fuel|oil) depots?"
               r"|military (?:base|airfield|warehouse|depot|unit|facility|enlistment office)s?|air ?bases?|airfields?"
               r"|barracks|radar(?: station)?s?|air defen[cs]e (?:system|battery|complex)s?)\b",
    "equipment": r"\b(?:destroy(?:ed|ing)|took out|taking out|knocked out|blew up|hit|struck|wiped out|eliminated)"
                 r" (?:\w+[ -]){0,4}?(?:convoys?|tanks?|vehicles?|APCs?|BMPs?|BTRs?|armou?red|columns?|trucks?"
                 r"|howitzers?|launchers?|helicopters?|ships?|vessels?|landing craft|boats?|trains?|equipment)\b"
                 r"|\b(?:convoy|tank|vehicle|column|ship|landing craft)s? (?:was |were )?(?:destroyed|hit|exploded)\b",
    "strike": r"\b(?:strikes?|striking|struck|hit(?:ting|s)?|slammed|impact(?:ed|s)?|explosions?|blasts?|exploded|attacked"
              r"|targeted|launched|fired|dropped|aerial assault|air assault|shot at|damaged|destroyed|destruction"
              r"|aftermath|crater)\b",
    "evac": r"\b(?:evacuat(?:ed|ion|ions|ing|es?)|evacuees|fled|fleeing|flees?|exodus|escape routes?|displaced"
            r"|displacement|humanitarian corridors?"
            r"|green corridors?|(?:evacuation|safe|civilian) (?:corridors?|routes?|convoys?)|(?<!land )(?<!transport )"
            r"(?<!economic )(?<!trade )(?<!in the )(?<!into the )(?<!down the )(?<!in a )corridors?(?! of (?:the |a |an"
            r" |its |their )?(?:[\w'’-]+ ){0,2}?(?:hospitals?|schools?|buildings?|houses?|hotels?|offices?|ministry"
            r"|universit(?:y|ies)|palace|trains?|metro|stations?|apartments?|flats?|power|parliament|museums?|clinic"
            r"|blocks?|floors?))|safe passage|refugees|relocated"
            r"|bus(?:es)? (?:\w+ ){0,4}?(?:left|departed|set off|headed|carrying|took|brought|with (?:\d+|\w+) "
            r"(?:people|residents|civilians|children|evacuees))|rescued (?:\w+ ){0,4}?(?:from|out of)(?! (?:the )?"
            r"(?:rubble|debris|ruins))|(?:brought|taken|got|getting) (?:\w+ ){0,3}?(?:out of|to safety)"
            r"|(?:brought|taken|took|take|got|getting|drove|driving) (?:\w+ ){0,2}?(?:people|residents|civilians|children"
            r"|families|villagers|evacuees|patients|\d+) (?:\w+ ){0,2}?(?:out|to safety)"
            # people moved by someone: "taking people out of X", "took the last residents west to Y",
            # "buses to take residents to Y" (not to hospital, custody or prison)
            rf"|(?:brought|bring(?:s|ing)?|taken|takes?|took|taking|drove|drive|driv(?:en|ing)|moved|mov(?:es?|ing)"
            rf"|bus(?:s)?(?:ed|ing)|ferr(?:y|ied|ying)|transport(?:ed|ing)?|help(?:ed|ing)?) (?:[\w'’-]+ ){{0,3}}?"
            rf"{_EVACUEES} (?:[\w'’-]+ ){{0,5}}?(?:out|away|{_AWAY_TO})"
            # people moved, passive: "residents of X have been taken to Y", "people had been moved out of X"
            rf"|{_EVACUEES} (?:[\w'’-]+ ){{0,6}}?(?:were|was|been|being|be|are|is) (?:\w+ )?(?:taken|moved|brought"
            rf"|driven|bus(?:s)?ed|transported|resettled|ferried) (?:out|away|{_AWAY_TO})"
            # people leaving a place: "people have left X for Y", "residents leaving X", "fled", told to leave
            rf"|{_EVACUEES} (?:[\w'’-]+ ){{0,5}}?(?:left|leaving|leaves?|escaped|escaping|moved out of|got out of)"
            rf"(?= (?:the |their |its )?(?:(?-i:[A-Z])|towns?\b|city|cities|villages?|area|region|homes?|houses?"
            rf"|settlements?|communit|front|border|occupied|besieged|encircled))"
            rf"|(?:urged|urging|urges|ordered|ordering|orders|told|called on|asked|advised|forced|allow(?:ed|ing|s)?"
            rf"|letting|let"
            rf"|helped|helping|encouraged|instructed) (?:[\w'’-]+ ){{0,4}}?{_EVACUEES} (?:[\w'’-]+ ){{0,4}}?to"
            rf" (?:leave|evacuate|flee|get out|move out|relocate)"
            # vehicles of evacuees: "the last bus out of X", "a convoy of 160 private cars", "buses leave X"
            rf"|(?:bus(?:es)?|minibus(?:es)?|trains?|convoys?) out of"
            rf"|convoys? of (?:[\w'’-]+ ){{0,3}}?(?:(?:civilian|private|evacuation) (?:cars|vehicles|buses)|buses"
            rf"|civilians|evacuees|refugees|people)"
            rf"|bus(?:es)? (?:\w+ ){{0,2}}?(?:leaves?|leaving|departs?|departing) (?:from )?(?-i:[A-Z]))\b",
    "political": r"\b(?:state of emergency|martial law|curfew|prisoner (?:exchange|swap)|referend(?:um|a)"
                 r"|annex(?:ed|ation)|mobili[sz]ation|ceasefire|peace talks|(?:removal|dismantling|demolition|toppling)"
                 r" of (?:the |a )?(?:\w+ ){0,3}?(?:monuments?|statues?|insignia|symbols|memorials?|flags?)"
                 r"|(?:monument|statue|insignia|memorial)s? (?:\w+ ){0,6}?(?:removed|dismantled|demolished|torn down|toppled))\b",
    "casualty": r"\b(?:kill(?:ed|ing|s)?|dead|died|death toll|wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|casualties"
                r"|fatalities)\b",
}
_FLAGS = {"drone": 0, "missile": 0, "air": 0, "milsite": 0}   # proper names are case sensitive where it matters


@dataclass(frozen=True, slots=True)
class Hit:
    """One trigger found in a sentence: its kind and offsets in the sentence."""

    kind: str
    start: int
    end: int
    text: str


def _tokens(s: str) -> Iterator[tuple[str, int, bool]]:
    """The tokens of a regular expression's source, one scan for every question asked of its structure:
    (token, group depth after it, inside a ``[...]`` class after it). A token is an escape (backslash and
    the character after it) or one character; brackets inside a class do not count."""
    depth, cls, i = 0, False, 0
    while i < len(s):
        tok = s[i:i + 2] if s[i] == "\\" else s[i]
        i += len(tok)
        if tok[0] != "\\":
            if cls:
                cls = tok != "]"
            elif tok == "[":
                cls = True
            elif tok == "(":
                depth += 1
            elif tok == ")":
                depth -= 1
        yield tok, depth, cls


def _top_alternatives(s: str) -> list[str]:
    """``s`` split at its top-level ``|`` (not inside a group or a class)."""
    parts: list[str] = []
    cur: list[str] = []
    for tok, depth, cls in _tokens(s):
        if tok == "|" and depth == 0 and not cls:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(tok)
    parts.append("".join(cur))
    return parts


def _balanced(s: str) -> bool:
    """True when every group of ``s`` closes and none closes before it opens."""
    depth = 0
    for _, depth, _ in _tokens(s):
        if depth < 0:
            return False
    return depth == 0


def split_rules(raw: str) -> list[str]:
    """The alternatives of a trigger pattern, each a regular expression of its own: ``\\b(?:a|b)\\b`` gives
    ``\\b(?:a)\\b`` and ``\\b(?:b)\\b``. A rule is the unit a benchmark can switch off to see what it is worth."""
    out: list[str] = []
    for part in _top_alternatives(raw):
        inner = part[len(r"\b(?:"):-len(r")\b")]
        if part.startswith(r"\b(?:") and part.endswith(r")\b") and len(_top_alternatives(inner)) > 1 \
                and _balanced(inner):
            out += [rf"\b(?:{alt})\b" for alt in _top_alternatives(inner)]
        else:
            out.append(part)
    return out


# The trigger table as data: every kind's rules, in order. Other languages keep their own tables.
RULES: dict[str, tuple[str, ...]] = {k: tuple(split_rules(v)) for k, v in _RAW.items()}
_disabled: frozenset[tuple[str, int]] = frozenset()


def _compile(disabled: frozenset[tuple[str, int]]) -> dict[str, re.Pattern[str]]:
    out = {}
    for k, rules in RULES.items():
        keep = [r for i, r in enumerate(rules) if (k, i) not in disabled]
        out[k] = re.compile("|".join(keep) if keep else r"(?!x)x", re.I)
    return out


PATTERNS: dict[str, re.Pattern[str]] = _compile(_disabled)
# each kind's pattern with its literal pre-check (a sentence with none of a kind's words skips its regex)
_GATES: tuple[tuple[str, Gate], ...] = tuple((k, Gate(p)) for k, p in PATTERNS.items())
_GATESET = GateSet(_GATES)
_RULE_PATTERNS: dict[tuple[str, int], re.Pattern[str]] = {}


def disable_rules(rules: frozenset[tuple[str, int]] | set[tuple[str, int]]) -> None:
    """Switch trigger rules (kind, index in RULES[kind]) off, or all back on with an empty set. For benchmarks
    that measure how the typing fares without the rules only some of the notes support."""
    global _disabled, PATTERNS, _GATES, _GATESET
    _disabled = frozenset(rules)
    PATTERNS = _compile(_disabled)
    _GATES = tuple((k, Gate(p)) for k, p in PATTERNS.items())
    _GATESET = GateSet(_GATES)
    _hits.cache_clear()


def rules_in(sentence: str) -> set[tuple[str, int]]:
    """Which trigger rules match in a sentence (irrespective of modals or masks): a rule's support in a corpus."""
    if not _RULE_PATTERNS:
        for k, rules in RULES.items():
            for i, r in enumerate(rules):
                _RULE_PATTERNS[(k, i)] = re.compile(r, re.I)
    return {key for key, pat in _RULE_PATTERNS.items() if pat.search(sentence)}

# words that make a trigger unreal: modals, purpose, negation right before it
_IRREALIS = re.compile(r"\b(?:would|could|might|may|will|shall|should|must|to|not|never|no|cannot|can't|threat\w*"
                       r"|vow\w*|plan\w*|pledg\w*|if|unless|whether|without)\s+(?:\w+\s+){0,1}$", re.I)
_NOT_EVENT = re.compile(
    r"\b(?:battle zone|missile defen[cs]e|air defen[cs]e (?:system|equipment|shield)s?|air shield|air alerts?"
    r"|air force(?:'s)? (?:said|says|reported)|killed in action|drone (?:industry|production|factory|maker)"
    r"|tank (?:crews?|drivers?))\b", re.I)
_NOT_EVENT_GATE = Gate(_NOT_EVENT)


@lru_cache(maxsize=2048)
def _hits(sentence: str) -> tuple[Hit, ...]:
    return tuple(_find_hits(sentence))


def find_hits(sentence: str) -> list[Hit]:
    """Every trigger in a sentence, left to right; triggers under a modal or negation are dropped."""
    return list(_hits(sentence))


def _find_hits(sentence: str) -> list[Hit]:
    hits: list[Hit] = []
    folded = fold(sentence)
    masked = [(m.start(), m.end()) for m in _NOT_EVENT.finditer(sentence)] if _NOT_EVENT_GATE.possible(folded) else []
    possible = _GATESET.possible(folded)
    for kind, gate in _GATES:
        if kind not in possible:
            continue
        for m in gate.pattern.finditer(sentence):
            if any(a <= m.start() < b for a, b in masked) and kind not in ("intercept",):
                continue
            if kind not in ("casualty", "evac") and _IRREALIS.search(sentence[max(0, m.start() - 40):m.start()]):
                continue
            hits.append(Hit(kind, m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda h: (h.start, KINDS.index(h.kind)))
    return hits
