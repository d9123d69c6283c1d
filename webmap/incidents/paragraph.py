"""Typing that needs the paragraph, not the sentence: what a report tells over two or three sentences.

ACLED codes one event per report: a strike answered with fire is a two-sided armed clash; a clash that ends in
a change of control is that change of control. The sentence typer sees one sentence at a time, so these
rules re-type the drafts of a paragraph once all its sentences are read.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from .categories import BATTLES, EXPLOSIONS

ARMED_CLASH = "Armed clash"
TERRITORY_SUBS = ("Government regains territory", "Non-state actor overtakes territory")
_RETURN_FIRE = re.compile(r"\b(?:fired back|returned (?:the )?fire|return fire|responded with (?:\w+ )?fire"
                          r"|exchanged (?:fire|artillery\w*|strikes|gunfire)|exchanges? of fire|fire was exchanged)\b",
                          re.I)


def _sentences(drafts: Iterable[Any]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for d in drafts:
        for s in d.sources:
            out.setdefault(d.paragraph, []).append(s.sentence)
    return out


def two_sided(drafts: list[Any]) -> None:
    """Strikes of a paragraph where the other side fires back are an armed clash ("X shelled Y. Ukrainian
    forces fired back.")."""
    text = _sentences(drafts)
    answered = {p for p, ss in text.items() if any(_RETURN_FIRE.search(s) for s in ss)}
    for d in drafts:
        if d.paragraph in answered and d.event_type == EXPLOSIONS and d.sub_event_type != "Remote explosive/landmine/IED":
            d.category, d.event_type, d.sub_event_type = "ground_assault", BATTLES, ARMED_CLASH


def territory_told(drafts: list[Any]) -> None:
    """A clash and a change of control told in one paragraph are one event, typed as the change of control."""
    change: dict[int, Any] = {}
    for d in drafts:
        if d.event_type == BATTLES and d.sub_event_type in TERRITORY_SUBS:
            change.setdefault(d.paragraph, d)
    for d in drafts:
        t = change.get(d.paragraph)
        if t is not None and d.event_type == BATTLES and d.sub_event_type == ARMED_CLASH:
            d.sub_event_type = t.sub_event_type
