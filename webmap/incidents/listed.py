"""Places listed together as the scene of one event: "обстреляли Теткино, Глушково и Коренево", "в сёлах Климово и
Старые Юрковичи", "атакували Суджу та Плехово". Each listed place is a scene of the event, not only the first.

A list is names joined by commas and the conjunctions і, й, та, а також, або, чи (Ukrainian), и, а также, или
(Russian), and, or, as well as (English), the preposition perhaps repeated ("по Сумах и по Харькову", "in Kupiansk
and in Vovchansk"), all of one level (settlements with settlements, regions with regions: "Климово, Брянская
область" and "Lyptsi, Kharkiv region" name a village and its region, no list), all in one script.
"""
from __future__ import annotations

import re

from gazetteer.model import Mention

from .spans import in_span

_GAP = re.compile(r"\s*(?:,\s*(?:(?:і|й|та|и|а також|а также|або|чи|или)\s+)?"
                  r"|\s(?:і|й|та|и|а також|а также|або|чи|или)\s)\s*"
                  r"(?:(?:в|у|во|на|по|над|под|під|біля|возле|около|поблизу|вблизи)\s+)?$", re.I)   # "и по Харькову"
_GAP_LATIN = re.compile(r"\s*(?:,\s*(?:(?:and|or|as well as)\s+)?|\s(?:and|or|as well as)\s)\s*"
                        r"(?:(?:in|at|on|near|around|outside)\s+)?(?:the\s+)?$", re.I)   # "and in Vovchansk"
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_POINTS = frozenset({"city", "town", "village", "district"})
_AREAS = frozenset({"admin1", "admin2", "area"})


def _level(m: Mention) -> str:
    kind = m.resolution.place.kind if m.resolution is not None else ""
    return "point" if kind in _POINTS else "area" if kind in _AREAS else ""


def listed_with(text: str, mentions: list[Mention], sent_start: int, sent_end: int, scene: Mention) -> list[Mention]:
    """The other places of the list the place mention ``scene`` stands in, in text order ([] when none)."""
    if not _level(scene):
        return []
    sent = sorted((m for m in in_span(mentions, sent_start, sent_end)
                   if m.role == "place" and m.resolution is not None and _level(m)), key=lambda m: m.start)
    at = next((i for i, m in enumerate(sent) if m.start == scene.start and m.end == scene.end), None)
    if at is None:
        return []
    level = _level(scene)
    lo = hi = at
    while lo > 0 and _joined(text, sent[lo - 1], sent[lo], level):
        lo -= 1
    while hi + 1 < len(sent) and _joined(text, sent[hi], sent[hi + 1], level):
        hi += 1
    seen: set[str | None] = {scene.resolution.place.place_id if scene.resolution is not None else None}
    out = []
    for m in sent[lo:hi + 1]:
        pid = m.resolution.place.place_id if m.resolution is not None else None
        if m is not sent[at] and pid not in seen:
            seen.add(pid)
            out.append(m)
    return out


def _joined(text: str, a: Mention, b: Mention, level: str) -> bool:
    if not (a.end <= b.start and _level(a) == level and _level(b) == level):
        return False
    cyrillic = bool(_CYRILLIC.search(b.text))
    if cyrillic != bool(_CYRILLIC.search(a.text)):
        return False
    return (_GAP if cyrillic else _GAP_LATIN).match(text[a.end:b.start]) is not None
