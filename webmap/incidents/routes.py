"""Evacuations and corridors as routes: the endpoints of an evacuation sentence, their roles, and a status.

"Civilians were evacuated from Vovchansk via Staryi Saltiv to Kharkiv", "the Vovchansk-Staryi Saltiv-Kharkiv
route", "buses left Mariupol for Zaporizhzhia": every settlement is an endpoint with the role the text gives
it (origin, via, destination, or "" where it says none), and a route of two or more endpoints with an origin
and a destination is one incident drawn as a line origin -> via -> destination. A corridor that is announced,
planned or agreed is kept with status "announced"; one that was shelled or blocked is "failed".
The word tables are data (per language) so other languages can add theirs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gazetteer.model import Resolution

from .spans import in_span

ORIGIN, VIA, DESTINATION = "origin", "via", "destination"

# role words right before a place (English); other languages add theirs to ROLE_WORDS
ROLE_WORDS: dict[str, list[str]] = {
    ORIGIN: [r"from", r"out of", r"left", r"leaving", r"leave", r"departed(?: from)?", r"departing(?: from)?",
             r"fled", r"fleeing", r"evacuated from", r"escaped(?: from)?",
             r"(?:residents|people|inhabitants|civilians|families|children|villagers|evacuees|citizens|townspeople)"
             r" (?:of|in)"],
    VIA: [r"via", r"through", r"by way of", r"passing(?: through)?"],
    DESTINATION: [r"to", r"towards?", r"into", r"for", r"reach(?:ed|ing)?", r"arriv(?:ed|ing|e) (?:in|at)",
                  r"head(?:ed|ing) (?:for|to)", r"bound for", r"taken to", r"brought to", r"in(?=\s+safer)",
                  r"(?:shelters?|camps?|cent(?:re|er)s?|accommodation|hostels?|dormitor(?:y|ies)|housed|sheltered"
                  r"|registered|settled|resettled) in"],
}
# status wording, most decisive first
STATUS_WORDS: list[tuple[str, str]] = [
    ("failed", r"\b(?:fail(?:ed|s)?|collapsed|broke down|blocked|disrupted|came under (?:\w+ )?fire|(?:was|were) shelled"
               r"|did not (?:open|work|start)|was not opened|(?:was |were )?(?:cancelled|canceled|called off|halted|postponed"
               r"|suspended)|could not (?:leave|pass|get out)|unable to (?:leave|pass|get out)|turned back)\b"),
    ("announced", r"\b(?:agreed|announced|announces|plan(?:s|ned)?|will|would|to open|expected|proposed|scheduled"
                  r"|is to|are to|promised|set to|should|offer(?:ed|s)?|prepar(?:ing|ed) to|negotiat\w+)\b"),
    ("completed", r"\b(?:arrived|reached|have been evacuated|had been evacuated|completed|successfully|safely"
                  r"|made it to)\b"),
    ("operating", r"\b(?:left|departed|leaving|operat(?:ing|ed|es)|opened|under way|underway|began|begun|started"
                  r"|continu\w+|ongoing|being evacuated|were evacuated|was evacuated|evacuated|running|worked)\b"),
]
_PLACE_WORD = r"[A-Z][\w'’]+(?:\s[A-Z][\w'’]+){0,2}"
_CHAIN = re.compile(rf"{_PLACE_WORD}(?:\s?[-–—]\s?{_PLACE_WORD})+")


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A place of a route: its resolution, where the text names it (offsets in the article), and its role."""

    resolution: Resolution
    start: int
    end: int
    text: str
    role: str = ""


def status(sentence: str, at: int | None = None) -> str:
    """The status of an evacuation or corridor told by a sentence: failed, announced, completed or operating.
    With ``at`` (the offset of the evacuation word) only its clause between semicolons counts: in "the train
    arrived in Lviv; the passengers will be housed ..." the train has arrived."""
    if at is not None:
        a = sentence.rfind(";", 0, at) + 1
        b = sentence.find(";", at)
        sentence = sentence[a:b if b >= 0 else len(sentence)]
    for name, pat in STATUS_WORDS:
        if re.search(pat, sentence, re.I):
            return name
    return "operating"


# what may stand between a role word and the name: "to the city of X", "to the regional capital, X",
# "towards Russian-held X", "out of the nearby village of X"
_BEFORE_NAME = (r"(?:the\s+(?:(?:regional|oblast|district|provincial|nearby|neighbou?ring|front-?line|border|small"
                r"|industrial|port|occupied|[\w-]+-(?:held|controlled))\s+)?(?:city|town|village|capital|centre|center"
                r"|hub|settlement|community)(?:\s+of\s+|\s*,\s*)|the\s+|(?:nearby|neighbou?ring|occupied"
                r"|[\w-]+-(?:held|controlled))\s+)?")


def _role_pattern() -> re.Pattern[str]:
    alts = [f"(?P<{role}>" + "|".join(ws) + ")" for role, ws in ROLE_WORDS.items()]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\s+" + _BEFORE_NAME + "$", re.I)


def _role(before: str) -> str:
    m = _role_pattern().search(before)
    if not m:
        return ""
    return next(r for r in ROLE_WORDS if m.group(r))


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", "", s.lower())


def _is_name(name: str, res: Resolution) -> bool:
    """True when a joined name ("Ivano-Frankivsk") is the name, or one of the names, of the place it resolved to."""
    n = _norm(name)
    return any(_norm(x) == n for x in (res.place.name, *res.place.alt_names))


def chain(text: str, s_start: int, s_end: int, geocode: Any, accept: Any) -> list[Endpoint]:
    """The places of a hyphen chain ("Vovchansk-Staryi Saltiv-Kharkiv"), first origin, last destination.
    Parts that only make a name together ("Ivano-Frankivsk") are joined back when that name is a place."""
    sent = text[s_start:s_end]
    for m in _CHAIN.finditer(sent):
        parts = [(p.start(), p.end()) for p in re.finditer(_PLACE_WORD, m.group(0))]
        out: list[Endpoint] = []
        i = 0
        while i < len(parts):
            for j in range(len(parts), i, -1):          # the longest run of parts that names a place
                a, b = parts[i][0], parts[j - 1][1]
                name = m.group(0)[a:b]
                if j - i == len(parts):
                    continue                              # the whole chain is one name: no route
                res = geocode(name)
                if res is not None and j - i > 1 and not _is_name(name, res):
                    continue                              # "A – B" read as A by a lenient geocoder: not a name
                if res is not None and accept(res):
                    out.append(Endpoint(res, s_start + m.start() + a, s_start + m.start() + b, name))
                    i = j
                    break
            else:
                out = []
                break
        if len(out) >= 2:
            roles = [ORIGIN] + [VIA] * (len(out) - 2) + [DESTINATION]
            return [Endpoint(e.resolution, e.start, e.end, e.text, r) for e, r in zip(out, roles)]
    return []


def endpoints(text: str, mentions: list, s_start: int, s_end: int) -> list[Endpoint]:
    """The settlements of an evacuation sentence with the role the words before each give it; a place joined
    by "and" or a comma to the one before takes its role ("from Vovchansk and Lyptsi to Kharkiv")."""
    return [e for e, _ in listed(text, mentions, s_start, s_end)]


_JOIN = re.compile(r"\s*(?:,|and|,\s*and|or|,\s*or)\s*")


def listed(text: str, mentions: list, s_start: int, s_end: int) -> list[tuple[Endpoint, bool]]:
    """The endpoints of :func:`endpoints`, each with True when it is joined by "and", "or" or a comma to the one
    before (one list: "including Enerhodar, Vasylivka and Tokmak")."""
    out: list[tuple[Endpoint, bool]] = []
    seats: list[int] = []
    prev_end = s_start
    prev_role = ""
    for m in sorted(in_span(mentions, s_start, s_end), key=lambda m: m.start):
        if m.role != "place" or m.resolution is None or m.resolution.place.kind in ("country", "continent"):
            continue
        before = text[max(prev_end, m.start - 40):m.start]
        role = _role(before)
        joined = bool(out) and _JOIN.fullmatch(text[prev_end:m.start]) is not None
        if not role and prev_role and joined:
            role = prev_role
        out.append((Endpoint(m.resolution, m.start, m.end, m.text, role), joined))
        if not role and _SEAT.search(before):
            seats.append(len(out) - 1)
        prev_end, prev_role = m.end, role
    if seats and any(e.role == DESTINATION for e, _ in out) and not any(e.role == ORIGIN for e, _ in out):
        for i in seats:          # "authorities in Nikopol ... buses to take residents to Dnipro": from Nikopol
            e, joined = out[i]
            out[i] = (_as(e, ORIGIN), joined)
    return out


# the seat of those who organise an evacuation: the origin when the sentence names destinations only
_SEAT = re.compile(r"\b(?:authorities|officials|police|(?:military |city |regional )?administration|mayor|governor"
                   r"|council|volunteers|rescuers)\s+(?:of|in)\s+(?:the\s+(?:city|town|village)\s+of\s+)?$", re.I)


def keep_lists(items: list[tuple[Endpoint, bool]], keep: list[bool]) -> list[Endpoint]:
    """The endpoints kept, where a list is kept whole when one of its places is."""
    groups: list[list[int]] = []
    for i, (_, joined) in enumerate(items):
        if joined and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
    out = [False] * len(items)
    for g in groups:
        if any(keep[i] for i in g):
            for i in g:
                out[i] = True
    return [e for (e, _), k in zip(items, out) if k]


_MAX_ROUTES = 8
_AREAS = ("admin1", "admin2", "area", "country", "continent")


def routes_of(items: list[tuple[Endpoint, bool]]) -> list[list[Endpoint]]:
    """The routes an evacuation sentence tells, from its endpoints in text order with their list flags.

    A new origin after a destination starts a new leg ("from Kyiv to Gomel and from Kharkiv to Belgorod": two
    routes). In a leg, places listed together are alternatives, so the leg fans out: "from Lyptsi and
    Vovchansk to Kharkiv" is a route from each; "from Kherson to Mykolaiv, Khmelnytskyi and Kyiv" one to each.
    A destination followed by another one not in its list is a stop on the way ("to Kostiantynivka, where
    trains leave for Dnipro": Kostiantynivka is a via)."""
    legs: list[list[tuple[Endpoint, bool]]] = [[]]
    for e, joined in items:
        if e.resolution.place.kind in _AREAS:     # a region is no end of a line ("from the Kharkiv region")
            continue
        if e.role == ORIGIN and not joined and any(x.role == DESTINATION for x, _ in legs[-1]) \
                and any(x.role == ORIGIN for x, _ in legs[-1]):
            legs.append([])
        legs[-1].append((e, joined))
    out: list[list[Endpoint]] = []
    for leg in legs:
        origins = [e for e, _ in leg if e.role == ORIGIN]
        dest_lists: list[list[Endpoint]] = []
        vias: list[Endpoint] = []
        for e, joined in leg:
            if e.role == VIA:
                vias.append(e)
            elif e.role == DESTINATION:
                if joined and dest_lists:
                    dest_lists[-1].append(e)
                else:
                    dest_lists.append([e])
        if not origins or not dest_lists:
            continue
        for stop in dest_lists[:-1]:          # earlier destinations are stops on the way to the last ones
            vias += [_as(e, VIA) for e in stop]
        for o in origins:
            for d in dest_lists[-1]:
                r = _distinct([o, *vias, d])
                if len(r) >= 2 and r not in out and len(out) < _MAX_ROUTES:
                    out.append(r)
    return out


def _as(e: Endpoint, role: str) -> Endpoint:
    return Endpoint(e.resolution, e.start, e.end, e.text, role)


def _distinct(route: list[Endpoint]) -> list[Endpoint]:
    """The route without a place told twice (the first mention stays; the last stays the destination)."""
    out: list[Endpoint] = []
    for i, p in enumerate(route):
        pid = p.resolution.place.place_id
        if any(q.resolution.place.place_id == pid for q in out):
            if i == len(route) - 1:
                out = [q for q in out if q.resolution.place.place_id != pid]
            else:
                continue
        out.append(p)
    return out


def route_of(points: list[Endpoint]) -> list[Endpoint]:
    """The ordered route (origin, via..., destination) when the endpoints make one, else []."""
    origins = [p for p in points if p.role == ORIGIN]
    dests = [p for p in points if p.role == DESTINATION]
    if not origins or not dests:
        return []
    vias = [p for p in points if p.role == VIA]
    route = [origins[0]] + vias + [dests[-1]]
    seen: set[str] = set()
    out = []
    for p in route:
        if p.resolution.place.place_id not in seen:
            seen.add(p.resolution.place.place_id)
            out.append(p)
    return out if len(out) >= 2 else []
