"""When moving people is an evacuation: two weak evacuation wordings and what they need.

"Residents leaving Orikhiv said the road was under drone attack" and "Volunteers took the last residents
west to safety" tell a flight; "Hundreds of people left Kyiv for the weekend" and "Police took three
people to the station" do not. The trigger lexicon (``triggers``) finds people moved or leaving:

* people *leaving* a place ("people left X", "residents leaving X", "moved out of", "got out of") are no
  evacuation when they leave for a trip: a period or an errand (the weekend, the holidays, work, school).
  Otherwise leaving a place stays a flight: wire reports of front-line towns ("700 people a day are leaving
  Pokrovsk") often give no reason in the text (requiring one cost a held-out corridor document).
* people *taken to* a destination that is not a named place, safety, a direction or out/away ("took three
  people to the station", "children would be taken to summer camps") are an evacuation only when their
  sentence or the text it stands in gives a reason to flee or an evacuation setting: a war word
  (``nonevents.war_words``: weapons, armed actors, war), a threat (attacks, fighting, danger, advances,
  destruction, a disaster), a word of flight and refuge (evacuation, safety, shelter, refugees, volunteers,
  humanitarian convoys), the authorities who organise it (a governor, a mayor, the regional administration),
  a daily flow, or people put up elsewhere (accommodation, camps, resettled).
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["unreasoned_evacuation"]

# a leaving verb at the end of the trigger
_LEAVING = re.compile(r"\b(?:left|leaving|leaves|moved out of|got out of)$", re.I)
# a trip, not a flight: leaving for a period or an errand ("left Kyiv for the weekend")
_TRIP = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?for (?:(?:the|a|an|their|his|her|its|summer|winter|school|public|bank|long|short|few)\s+){0,2}"
    r"(?:weekends?|holidays?|vacations?|summer|winter|new year|christmas|easter|break|day|night|evening"
    r"|work|school|university|studies|shopping|concerts?|matches|match|games?|festivals?|trips?|visits?)\b", re.I)
# a plain "to" at the end of the trigger, followed by what is not a named place
_TAKEN_TO = re.compile(r"\bto$", re.I)
_NAMED_NEXT = re.compile(r"\s+(?:the\s+)?(?-i:[A-Z])")
# a reason to flee or an evacuation setting, besides the war words
_REASON = re.compile(
    r"\b(?:evacu\w+|fle[de]|flee\w*|flight|escap\w+|refuge\w*|shelters?|safety|safer|safe|displaced|homeless"
    r"|humanitarian|volunteers?|corridors?|attack\w*|assaults?|strikes?|struck|hit|raids?|fighting|fights?"
    r"|fought|clash\w*|advanc\w+|approach\w+|encircl\w+|besieged|siege|danger\w*|threat\w*|fear\w*|risk"
    r"|destroy\w*|destruction|damag\w+|ruin\w*|rubble|burn\w*|fires?|blaze|explosion\w*|blasts?|exploded"
    r"|checkpoints?|front|frontline|border areas?|killed|wounded|injured|casualt\w+|dead|deaths?|shelled"
    r"|bombard\w+|under fire|sirens?|alerts?|flood\w*|disaster\w*|emergency|crisis|collapse\w*|power cuts?"
    r"|blackouts?|no (?:water|power|electricity)"
    # authorities who organise the movement, and a daily flow of people: an evacuation setting
    r"|governors?|mayors?|(?:local|regional|city|military|civil(?:ian)?) (?:authorities|administrations?|officials)"
    r"|authorities|a day|every day|daily"
    # people leaving home for good, or put up elsewhere: displacement
    r"|homes?|houses|belongings|for good|accommodation|reception (?:centres?|centers?|points?)|temporary housing"
    r"|dormitor\w+|camps?|resettl\w+|relocat\w+|hostels?|sanatori\w+)\b",
    re.I)


@lru_cache(maxsize=256)
def _reasoned(text: str) -> bool:
    from .nonevents import war_words

    return bool(_REASON.search(text)) or bool(war_words(text))


def unreasoned_evacuation(sentence: str, start: int, end: int, context: str = "") -> bool:
    """True when the evacuation trigger ``sentence[start:end]`` is people leaving for a trip, or people taken
    to something that is not a named place with no reason to flee in the sentence or ``context`` (its text)."""
    text = sentence[start:end]
    if _LEAVING.search(text):
        return bool(_TRIP.match(sentence, end))
    if _TAKEN_TO.search(text) and not _NAMED_NEXT.match(sentence, end):
        return not _reasoned(sentence) and not (context and _reasoned(context))
    return False
