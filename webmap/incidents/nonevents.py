"""No incident without an event: what tells that a sentence or a text reports no war event.

A trigger word is not an event by itself. "Died" is a war casualty only where something violent killed;
"hit" and "under fire" are often figurative; "shelled" pistachios, dead wild birds, culled hogs, a storm
that "struck" the coast are not war. This module holds the screens, as data tables per language so
that other languages plug in (``register``), and two questions the extractor asks:

- :func:`sentence_veto` -- is this trigger, in this sentence, no war event (figurative, a non-war cause,
  an animal victim)?
- :func:`document_is_war` -- does a text speak of armed conflict at all? A text about disease, weather,
  sport, culture or prices that never names a weapon, an armed actor or a war yields no war incident.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .nonevents_cyr import SCREENS_UK_RU


@dataclass
class Screens:
    """The word lists of one language, as regular-expression alternatives (case-insensitive)."""

    # armed conflict: armed actors, weapons, war words. One of these makes a text or sentence a war context.
    war: list[str] = field(default_factory=list)
    # causes of death, damage or flight that are not war: disease, weather and disaster, accidents, crime
    # against animals and food, sport, culture, prices.
    nonwar_cause: list[str] = field(default_factory=list)
    # figurative or non-war uses of war verbs: each pattern covers the trigger it neutralises.
    figurative: list[str] = field(default_factory=list)
    # victims that are not people: a "killed"/"dead" with one of these near it is no casualty.
    animals: list[str] = field(default_factory=list)
    # names that contain a trigger word and are no event: a trigger inside one is dropped ("Fire Chief").
    terms: list[str] = field(default_factory=list)


SCREENS: dict[str, Screens] = {}


def register(lang: str, screens: Screens) -> None:
    """Add (or extend) the screens of a language; the compiled patterns are rebuilt."""
    cur = SCREENS.setdefault(lang, Screens())
    cur.war += screens.war
    cur.nonwar_cause += screens.nonwar_cause
    cur.figurative += screens.figurative
    cur.animals += screens.animals
    cur.terms += screens.terms
    if "_compiled" in globals():
        _compiled.cache_clear()
        document_is_war.cache_clear()
        _veto_spans.cache_clear()
        _nonwar_only.cache_clear()


register("en", Screens(
    war=[
        r"(?:armed|military|security|government|enemy|occupying|occupation|invading|allied|coalition|rebel"
        r"|separatist|Russian|Ukrainian|Israeli|Syrian|Iraqi|Afghan|Belarusian|Chechen|Kremlin|Kyiv|Moscow"
        r"|pro-\w+|special)\s+(?:\w+\s+)?(?:forces|troops|units?|army|soldiers|fighters|personnel|operations?)",
        r"militar(?:y|ies)|army|armies|troops|soldiers?|servicem[ae]n|militants?|insurgents?|rebels?|guerrill\w+"
        r"|gunm[ae]n|jihadists?|paramilitar\w+|militias?|separatists?|occupiers|invaders|Wagner|marines"
        r"|paratroopers|sappers|artillerymen|snipers?|commandos?|battalions?|brigades?|regiments?|platoons?",
        r"shell(?:ed|ing)|artillery|mortars?|howitzers?|missiles?|rockets?|drones?|UAVs?|air ?strikes?|air raids?"
        r"|airstrikes?|bomb(?:s|ed|ing|ings|ers)?|grenades?|landmines?|IEDs?|explosives?|munitions?"
        r"|ammunition|warplanes?|fighter jets?|helicopter gunships?|armou?red (?:vehicles?|personnel)"
        r"|rifles?|guns?|gunfire|gunshots?|Kalashnikov|AK-\d+|MLRS|HIMARS|Grad|Shahed|Iskander|Kalibr",
        r"wars?|warfare|battles?|invasion|invaded|incursion|offensive|counter-?offensive|front ?lines?|frontline"
        r"|occupied|occupation|ceasefire|cease-fire|truce|projectiles|hostilities|combat|battlefield|war zone|shot dead"
        r"|opened fire|ambush\w*|hostages?|prisoners? of war|POWs?|martial law|mobili[sz]ation|air defen[cs]e"
        r"|humanitarian corridors?|terroris[tm]s?|massacre|sabotage",
    ],
    nonwar_cause=[
        # disease and health
        r"virus\w*|viral|flu|influenza|H\dN\d|avian|pandemic|epidemic|outbreaks?|infect\w*|disease\w*|illness\w*"
        r"|sick\w*|cholera|plague|measles|malaria|ebola|meningitis|pneumonia|tuberculosis|hepatitis|HIV|AIDS"
        r"|cancer|leuka?emia|E\. ?coli|salmonella|bacteri\w+|contaminat\w+|tainted|poison\w*|vaccin\w+"
        r"|symptoms?|diagnos\w+|patients?|strain|cases? of|quarantin\w+|health (?:officials|authorities|ministry)",
        # weather and natural disaster
        r"weather|sunny|rain\w*|snow\w*|storms?|cyclones?|hurricanes? [A-Z]\w+|Hurricane [A-Z]\w+|typhoons?"
        r"|tornado\w*|floods?|flooding|flooded|floodwaters?|inundat\w+|tsunamis?|earthquakes?|quakes?|landslides?|mudslides?"
        r"|droughts?|heat ?waves?|wildfires?|bushfires?|forest fires?|volcan\w+|eruptions?|meteorites?"
        r"|avalanches?|calamit\w+|natural disasters?",
        # accidents
        r"accidents?|accidental\w*|crash(?:ed|es)? (?:into|on|at)|car crash|road (?:accident|crash)|collisions?"
        r"|derail\w+|carbon monoxide|gas leak|drown\w*|electrocut\w+|fell from|overdose",
        # sport, culture, prices
        r"match(?:es)?|tournaments?|championships?|league|cup final|goals?|scored|striker|football|soccer"
        r"|basketball|tennis|cricket|rugby|athletes?|players?|coach|album|prices?|inflation|stock (?:market|exchange)|shares (?:fell|rose)"
        r"|market (?:fell|rose)|economy|recall(?:ed|ing|s)?|pistachios|food products?",
    ],
    figurative=[
        r"(?:came|come|comes|coming|was|were|is|are|been|being|remains?|remained) under (?:heavy |fresh |intense"
        r" |increasing |growing |renewed )?fire (?:from|for|over|after|by)",
        r"under fire (?:from|for|over) (?:critics|officials|opposition|politicians|lawmakers|media|the press|"
        r"campaigners|activists|residents|parents|fans|the public|health|its|his|her|their)",
        r"(?:hard|worst|badly|severely|heavily)[- ]hit|(?:was|were|been|being) (?:hard |badly |worst )?hit by"
        r" (?:the |an? )?(?:\w+ )?(?:virus|flu|outbreak|disease|epidemic|pandemic|storm|flood\w*|cyclone|hurricane"
        r"|typhoon|tsunami|earthquake|drought|crisis|recession|downturn|strike action|strikes? by workers)",
        r"attacks? on (?:the |his |her |their |its )?(?:policy|policies|plan|bill|law|decision|reforms?|budget"
        r"|proposal|government's|minister's|president's|record|credibility|character|reputation)",
        r"(?:heart|panic|asthma|anxiety) attacks?|attack(?:ed|s)? (?:the |its )?(?:immune|cells?|liver|lungs?"
        r"|nervous system)|(?:\w+ )?attacks (?:typically )?are repelled",
        r"struck down by|struck (?:a )?(?:deal|chord|balance|agreement|note)|hit (?:the )?(?:headlines|shelves"
        r"|market|stores|record|target|jackpot)|took over (?:\d+|a|an|two|three|several) (?:minutes?|hours?|days?"
        r"|weeks?|months?|years?)|explod\w+ (?:in popularity|onto)|exploding (?:toads|frogs)|bombed at the box"
        r"|shelled (?:pistachios|nuts|peanuts|eggs|seafood)|(?:storm|rain|snow|hail|bullets) of (?:criticism|protest)",
        r"(?:trade|price|culture|words?|currency|tariff|flame|edit|turf|bidding|court|legal) wars?"
        r"|fought (?:back )?(?:the |a )?(?:disease|illness|cancer|virus|infection|fire|blaze)"
        r"|(?:fight|battle|battles|battling|fighting) (?:against )?(?:the )?(?:disease|illness|cancer|virus"
        r"|infection|outbreak|flu|epidemic|obesity|poverty|corruption|fire|blaze|flames|floods?)",
    ],
    animals=[
        r"birds?|poultry|chickens?|hens?|ducks?|geese|goose|swans?|owls?|pigeons?|turkeys?|hogs?|pigs?|swine"
        r"|cattle|cows?|calves|sheep|goats?|horses?|livestock|animals?|fish|dogs?|cats?|toads?|frogs?|deer"
        r"|wildlife|flocks?|herds?|game birds|seals|dolphins|whales|bees",
    ],
    terms=[
        r"fire (?:chiefs?|department|brigades?|fighters|service|alarms?|officials|marshal|engines?|safety|exits?"
        r"|drills?)|firefighters?|fireworks|hit (?:songs?|singles?|records?|shows?|series)|box[- ]office hit"
        r"|strike (?:action|ballots?)|(?:general|workers'?|labou?r|hunger|teachers'?|miners'?|rail|transport) strikes?"
        r"|price war|shell (?:companies|company|corporations?|oil|plc)|Royal Dutch Shell",
        # a building cleared for safety is no displacement: "evacuate the building", "the office was evacuated"
        # (the object of the verb, right after it: "evacuation trains" carry evacuees, and "evacuated from the
        # Azovstal plant" is people leaving a plant)
        r"(?:evacuat(?:e|ed|es|ing)|evacuations? of) (?:(?!from\b)\w+ ){0,3}?(?:building|offices?|courthouse|post office|school|mall|terminal|plane|aircraft"
        r"|train|ship|stadium|theat(?:er|re)|factory|plant)s?\b|(?:building|offices?|courthouse|post office|school|mall"
        r"|terminal|plane|aircraft|train|stadium|theat(?:er|re)|factory|plant)s? (?:was|were|had been|has been) "
        r"(?:\w+ )?evacuated",
    ],
))


# A flood that an act of war caused is a war consequence, not weather: a dam, dyke or hydroelectric plant
# destroyed, blown up, struck or mined (the Kakhovka dam, June 2023). A dam that floodwater or rain broke, or
# one that merely "burst" or "collapsed", is a disaster. Where a text tells such a destruction, its flood words
# name no non-war cause.
_HYDRO = r"(?:dams?|dykes?|dikes?|levees?|reservoirs?|hydro(?:electric)?(?: power)? (?:plants?|stations?))"
_WAR_FLOOD = re.compile(
    rf"\b(?:{_HYDRO} (?:[\w'’-]+ ){{0,4}}?(?:was |were |had been |has been |have been |being |is |are )?"
    r"(?:destroyed|blown up|blew up|exploded|detonated|mined|sabotaged|bombed|shelled|attacked|struck"
    r"|hit by (?:an? |the )?(?:\w+ )?(?:strikes?|missiles?|explosions?|blasts?|shells?))"
    r"(?! by (?:the )?(?:flood|rain|storm|water|torrent|heav)\w*)"
    r"|(?:destruction|destroying|destroyed|demolition|blowing up|blew up|blow up|explosions? (?:at|of)"
    r"|blasts? (?:at|of)|attacks? on|strikes? on|sabotage of|sabotaging|undermining|mining)"
    rf" (?:of )?(?:the )?(?:[\w'’-]+ ){{0,3}}?{_HYDRO})\b", re.I)
_FLOOD_WORD = re.compile(r"flood\w*|inundat\w+", re.I)


def war_caused_flood(text: str) -> bool:
    """Whether a text tells a flood-making act of war: a dam or hydroelectric plant destroyed, blown up or struck."""
    return bool(_WAR_FLOOD.search(text))


def war_flood_told(text: str) -> bool:
    """Whether a text tells a flood-making act of war that no weather caused: a dam destroyed, blown up or struck
    in a sentence that names no non-war cause beside its flood words ("Heavy rain destroyed a dam" is weather).
    Then the flood words of its other sentences name no non-war cause either."""
    for m in _WAR_FLOOD.finditer(text):
        a = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        b = min((i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0), default=len(text))
        if not [w for w in nonwar_words(text[a:b]) if not _FLOOD_WORD.fullmatch(w)]:
            return True
    return False


def _nonwar_causes(text: str) -> list[str]:
    """The non-war cause words of a text, without its flood words where it tells a dam destroyed by war."""
    words = nonwar_words(text)
    if words and war_caused_flood(text):
        words = [w for w in words if not _FLOOD_WORD.fullmatch(w)]
    return words


@dataclass(frozen=True)
class _Compiled:
    war: re.Pattern[str]
    nonwar: re.Pattern[str]
    figurative: re.Pattern[str]
    animals: re.Pattern[str]
    terms: re.Pattern[str]


def _alt(parts: list[str]) -> str:
    return r"\b(?:" + "|".join(f"(?:{p})" for p in parts) + r")\b" if parts else r"(?!x)x"


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    s = Screens()
    for sc in SCREENS.values():
        s.war += sc.war
        s.nonwar_cause += sc.nonwar_cause
        s.figurative += sc.figurative
        s.animals += sc.animals
        s.terms += sc.terms
    return _Compiled(re.compile(_alt(s.war), re.I), re.compile(_alt(s.nonwar_cause), re.I),
                     re.compile(_alt(s.figurative), re.I), re.compile(_alt(s.animals), re.I),
                     re.compile(_alt(s.terms), re.I))


def war_pattern() -> str:
    """The war words of every language, as one regular expression (case-insensitive)."""
    return _compiled().war.pattern


def war_words(text: str) -> list[str]:
    """The war words of a text (armed actors, weapons, war), as found."""
    return [m.group(0) for m in _compiled().war.finditer(text)]


def nonwar_words(text: str) -> list[str]:
    """The words of a text that name a non-war cause or topic (disease, weather, accident, sport, prices)."""
    return [m.group(0) for m in _compiled().nonwar.finditer(text)]


def figurative_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of figurative or non-war uses of war verbs ("came under fire from critics", "hard hit")."""
    return [(m.start(), m.end()) for m in _compiled().figurative.finditer(sentence)]


@lru_cache(maxsize=4096)
def document_is_war(text: str) -> bool:
    """False for a text about something other than armed conflict: one whose non-war topic words (disease,
    weather, accidents, sport, prices) outnumber its war words (weapons, armed actors, war) more than two to one.
    Such a text yields no war incident: a passing "troops" in a report on an outbreak makes it no war report.
    A text with neither kind of word (a two-line damage report) is taken as war reporting, since that is what
    the extractor is given."""
    war = len(war_words(text)) + (1 if war_caused_flood(text) else 0)
    nonwar = len(_nonwar_causes(text))
    if nonwar == 0:
        return True
    return war > 0 and 2 * war >= nonwar


# Kinds whose words are weak alone: they need a violent cause in the sentence when a non-war cause is there.
WEAK_KINDS = frozenset({"casualty", "strike", "evac", "vac", "abduct", "clash", "equipment", "note", "shell",
                        "territory", "loot", "political"})
_ANIMAL_NEAR = 40
_NEAR = 25


def animal_victim(sentence: str, start: int, end: int) -> bool:
    """True when the words around a casualty trigger name animals, not people ("4,000 dead wild birds",
    "hogs were killed", "killed several hundred ducks")."""
    window = sentence[max(0, start - _ANIMAL_NEAR):end + _ANIMAL_NEAR]
    if not _compiled().animals.search(window):
        return False
    people = re.search(r"\b(?:people|persons?|civilians?|residents?|men|women|child(?:ren)?|boys?|girls?|villagers"
                       r"|soldiers?|workers?|farmers?|m[ae]n|wom[ae]n|famil(?:y|ies))\b", window, re.I)
    return not people


STRONG_KINDS = frozenset({"air", "drone", "missile", "shell", "milsite", "intercept", "ied", "defuse"})


def sentence_veto(sentence: str, kind: str, start: int, end: int, strong: bool = False,
                  war_flood: bool = False) -> bool:
    """True when the trigger ``sentence[start:end]`` of ``kind`` is no war event: inside a figurative use, a
    casualty whose victims are animals, or a weak trigger in a sentence that gives a non-war cause and no war
    word ("died of bird flu", "a tsunami hit Java", "displaced by the floods"). ``strong``: the sentence has a
    weapon or military-site trigger, which is a war word too. ``war_flood``: the text around the sentence tells
    a flood that an act of war caused (:func:`war_caused_flood`), so the sentence's flood words name no non-war
    cause ("Residents were evacuated from flooded areas" after the dam was blown up)."""
    both, figurative = _veto_spans(sentence)
    if any(a <= start < b or a < end <= b for a, b in both):
        return True
    if kind in WEAK_KINDS and not strong and any(a - _NEAR <= end and start <= b + _NEAR for a, b in figurative):
        return True                    # "launched an attack on the policy": the verb of a figurative attack
    if kind in ("casualty", "note", "vac") and animal_victim(sentence, start, end):
        return True
    if kind in WEAK_KINDS and not strong and _nonwar_only(sentence, war_flood):
        return True
    if kind == "ied" and re.match(r"destr|\w+ (?:[\w'’-]+ ){0,4}?(?:was|were|been|being|is|are) (?:\w+ )?destroyed",
                                  sentence[start:end], re.I) and _nonwar_only(sentence, war_flood):
        return True                    # "heavy rain destroyed a dam": destruction without a war cause
    return False


# A sentence is asked once per trigger it holds (and again by casualty_only): its screens are kept.
@lru_cache(maxsize=4096)
def _veto_spans(sentence: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(figurative and term spans, figurative spans) of a sentence."""
    terms = [(m.start(), m.end()) for m in _compiled().terms.finditer(sentence)]
    figurative = figurative_spans(sentence)
    return tuple(figurative + terms), tuple(figurative)


@lru_cache(maxsize=4096)
def _nonwar_only(sentence: str, war_flood: bool = False) -> bool:
    """True when the sentence names a non-war cause and no war word (its flood words are none in a war flood)."""
    causes = _nonwar_causes(sentence)
    if war_flood:
        causes = [w for w in causes if not _FLOOD_WORD.fullmatch(w)]
    return bool(causes) and not war_words(sentence)


register("uk_ru", Screens(**SCREENS_UK_RU))         # Ukrainian and Russian (webmap.incidents.nonevents_cyr)
