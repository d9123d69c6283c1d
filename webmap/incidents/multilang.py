"""The pipeline's per-sentence rules in the sentence's language: English, or Ukrainian/Russian (cyrillic).

Each function here has the signature of the English one it stands for; a Cyrillic sentence goes to
:mod:`webmap.incidents.cyrillic`, any other to the English module, so an article that mixes languages
is read paragraph by paragraph, sentence by sentence.
"""
from __future__ import annotations

from datetime import date

from . import actors, counts, cyrillic, dates, events
from .events import Detected
from .language import is_cyrillic


def detect(sentence: str, war_flood: bool = False) -> list[Detected]:
    return cyrillic.detect(sentence) if is_cyrillic(sentence) else events.detect(sentence, war_flood)


def casualty_only(sentence: str, war_flood: bool = False) -> bool:
    return cyrillic.casualty_only(sentence) if is_cyrillic(sentence) else events.casualty_only(sentence, war_flood)


def detect_note(sentence: str, short: bool = False) -> Detected | None:
    return cyrillic.detect_note(sentence, short) if is_cyrillic(sentence) else events.detect_note(sentence)


def find_counts(sentence: str) -> dict[str, int]:
    return cyrillic.find_counts(sentence) if is_cyrillic(sentence) else counts.find_counts(sentence)


def launched_by_weapon(sentence: str) -> dict[str, int]:
    return cyrillic.launched_by_weapon(sentence) if is_cyrillic(sentence) else counts.launched_by_weapon(sentence)


def find_cues(sentence: str, ref: date | None) -> list[dates.DateCue]:
    return cyrillic.find_cues(sentence, ref) if is_cyrillic(sentence) else dates.find_cues(sentence, ref)


def find_actors(sentence: str, trigger_at: int) -> list[tuple[str, str]]:
    return cyrillic.find_actors(sentence, trigger_at) if is_cyrillic(sentence) else actors.find_actors(sentence, trigger_at)


def find_weapons(sentence: str) -> list[str]:
    return cyrillic.find_weapons(sentence) if is_cyrillic(sentence) else actors.find_weapons(sentence)
