"""The incident pipeline: article -> sentences -> typed, located, dated, counted incidents with provenance."""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import replace
from typing import Any, Iterable

from gazetteer.model import Mention, MentionRole

from .categories import get_category
from .dates import parse_iso, pick
from .events import Detected
from .multilang import (casualty_only, detect, detect_note, find_actors, find_counts, find_cues, find_weapons,
                        launched_by_weapon)
from .scene import Context, Located, choose, is_country, score_mention, update_context
from .merge import Draft, merge
from .evac_context import unreasoned_evacuation
from .nonevents import document_is_war, war_flood_told
from .routes import Endpoint, chain, keep_lists, listed, route_of, routes_of
from .routes import status as evac_status
from .geojson import line
from .listed import listed_with
from .scene import in_war_zone
from .paragraph import territory_told, two_sided
from .models import Article, Incident, Sentence, SourceSpan
from .sentences import is_tail, paragraph_of, split_sentences
from .spans import MentionList
from .resolver import PlaceResolver

log = logging.getLogger(__name__)
_STRIKE_CATS = ("missile_strike", "drone_strike", "air_strike", "shelling")
_LISTED = "listed"        # a place listed beside the scene: the same event there too (its counts stay with the first)
_ATTACHABLE = {"missile_strike", "drone_strike", "air_strike", "shelling", "military_site_strike",
               "equipment_destroyed", "ground_assault", "civilian_casualties"}


def default_gazetteer() -> PlaceResolver:
    """The shared gazetteer (built and cached on first use)."""
    from gazetteer import Gazetteer

    return Gazetteer.default()


def _date_for(cues: list, at: int, inherited: Any, ref: Any) -> tuple[str | None, str, int]:
    c = pick(cues, at)
    if c is not None:
        return c.date, c.precision, c.strength
    if inherited is not None:
        return inherited.date, inherited.precision, inherited.strength
    if ref is not None:
        return ref.isoformat(), "day", 0
    return None, "unknown", 0


_INTERCEPTED_OF = {"drone_strike": r"drones?|UAVs?|Shaheds?", "missile_strike": r"missiles?|rockets?"}


def _counts_for(d: Detected, counts: dict[str, int], launched: dict[str, int], n_strikes: int,
                sentence: str = "") -> dict[str, int]:
    out = {k: v for k, v in counts.items() if k in ("killed", "wounded")}
    if d.category == "evacuation":
        return {k: v for k, v in counts.items() if k == "evacuated"}
    if d.category == "interception":
        out = {k: v for k, v in counts.items() if k == "intercepted"}
        out.update({"launched": next(iter(launched.values()))} if len(launched) == 1 else {})
        return out
    if d.weapon_kind in launched:
        out["launched"] = launched[d.weapon_kind]
    elif "launched" in counts and n_strikes == 1 and "intercepted" not in counts:
        out["launched"] = counts["launched"]
    if "intercepted" in counts and d.category in _INTERCEPTED_OF and re.search(
            rf"\b(?:intercept\w*|shot down|downed|destroyed)\b[^.;]{{0,40}}\b(?:{_INTERCEPTED_OF[d.category]})\b",
            sentence, re.I):
        out["intercepted"] = counts["intercepted"]
    return out


def _evac_places(text: str, mentions: list, s_start: int, s_end: int, at: int,
                 ctx: Context) -> tuple[list[Endpoint], list[list[Endpoint]]]:
    """The endpoints of an evacuation sentence (each settlement, with its role where the text gives one) and
    the routes they make (each origin, via..., destination), or ([], []) when the sentence names no place
    with a role and fewer than two places."""
    ends = chain(text, s_start, s_end, ctx.geocode, lambda r: in_war_zone(r) and not is_country(r))
    if ends:
        return ends, [r for r in [route_of(ends)] if r]
    items = listed(text, mentions, s_start, s_end)
    keep = keep_lists(items, [bool(e.role) or score_mention(text, _mention(e), at, s_start) > 0.45
                              for e, _ in items])
    kept = {id(e) for e in keep}
    items = [(e, j) for e, j in items if id(e) in kept]
    if not keep or (len(keep) < 2 and not keep[0].role):
        return [], []
    return keep, routes_of(items)


def _mention(e: Endpoint) -> Mention:
    return Mention(e.start, e.end, e.text, MentionRole.PLACE, e.resolution)


def _notes(article: Article, sentences: list[Sentence], mentions: list, ctx: Context, ref: Any) -> list[Draft]:
    """Fallback for a text with no typed event: the scene of a damage, fire or presence report."""
    out: list[Draft] = []
    for s in sentences:
        d = detect_note(s.text)
        if d is None or is_tail(s):
            continue
        at = s.start + d.trigger.start
        loc = choose(article.text, mentions, s.start, s.end, at, ctx)
        if loc is None or loc.from_context or is_country(loc.resolution):
            continue
        date, prec, strength = _date_for(find_cues(s.text, ref), d.trigger.start, None, ref)
        m = loc.mention
        has_trigger = d.trigger.end > d.trigger.start
        span = SourceSpan(article.article_id, s.index, s.text, s.start, s.end, at if has_trigger else None,
                          s.start + d.trigger.end if has_trigger else None, m.start if m else None,
                          m.end if m else None)
        out.append(Draft(article.article_id, d.category, d.event_type, d.sub_event_type, date, prec, strength,
                         loc.resolution, m.text if m else loc.resolution.place.name, True,
                         round(d.base * (0.55 + 0.45 * loc.weight), 4), find_actors(s.text, d.trigger.start),
                         find_weapons(s.text), {}, [span], paragraph_of(article.text, s.start)))
        break
    return out


_FACILITY = re.compile(
    r"^['’]?s?\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:TV|Airport|Hospital|Museum|Theat(?:er|re)|University|College|School"
    r"|Station|(?:Regional |Oblast |City )?(?:State )?Administration|City Council|Air ?base|Port|Plant|Factory"
    r"|Bridge|Tower|Market|Mall|Stadium|Railway|Zoo|Church|Cathedral|Park|Square|Street|Avenue|Centre|Center"
    r"|Prison|Penal|Refinery|Depot|Airfield|Barracks|Checkpoint|Dam|Hotel|Drama|Orchestra|Library|Institute"
    r"|Nuclear|Power|Thermal|Shopping|Bus|Train|Metro|Cemetery|Palace|Embankment|Boulevard"
    r"|Gymnasium|Lyceum|Polytechnic|Academy|Kindergarten|Clinic|Substation|Warehouse|Terminal"
    # public buildings of a town's life, as war damage reports name them ("the Izium House of Culture")
    r"|House|Hall|Court(?:house)?|Police|Department|Office|Building|Monastery|Mosque|Synagogue|Gallery|Mine"
    r"|Harbou?r|Pier|Supermarket|Hypermarket|Dormitory|Hostel|Boarding)\b", re.I)


def scene_mentions(text: str, mentions: list) -> list:
    """Place mentions; a city named in a facility ("Odesa Airport", "Kyiv TV tower") places events too."""
    out = []
    for m in mentions:
        if m.role == "embedded" and m.resolution is not None and _FACILITY.match(text[m.end:m.end + 60]):
            m = replace(m, role="place")
        out.append(m)
    return MentionList(out)


def _drafts(article: Article, gz: PlaceResolver) -> list[Draft]:
    text = article.text
    mentions = scene_mentions(text, gz.geoparse(text))
    ref = parse_iso(article.date)
    ctx = Context(gz)
    inherited = None
    drafts: list[Draft] = []
    last_strike: str | None = None
    attach: dict[int, tuple[int, list[Draft]]] = {}     # paragraph -> (sentence index, drafts) of its last attack
    sentences = split_sentences(article)                 # split once: the notes fallback reads them again
    war_flood = war_flood_told(text)                     # a dam blown up: every flood of the text is the war's
    for s in sentences:
        if is_tail(s):
            continue
        para = paragraph_of(text, s.start)
        cues = find_cues(s.text, ref)
        strong = [c for c in cues if c.strength == 3]
        if strong:
            inherited = strong[0]
        dets = [d for d in detect(s.text, war_flood)     # "people left Kyiv for the weekend": leaving with no reason to flee
                if not (d.trigger.kind == "evac" and unreasoned_evacuation(s.text, d.trigger.start, d.trigger.end, text))]
        counts = find_counts(s.text)
        follow_up = casualty_only(s.text, war_flood) or bool(dets and all(d.trigger.kind == "casualty" for d in dets))
        targets = attach.get(para)        # the paragraph's attachable drafts of its latest sentence with any
        if follow_up and targets:          # "Two people died." counts for the attack told just before
            for p in targets[1]:
                for k in ("killed", "wounded"):
                    if k in counts:
                        p.counts[k] = max(p.counts.get(k, 0), counts[k])
            dets = [replace(d, needs_place=False, extra=True) for d in dets]
        if not dets:
            update_context(text, mentions, s.start, s.end, ctx)
            continue
        kinds = [d.weapon_kind for d in dets if d.weapon_kind in ("drone", "missile")]
        launched = launched_by_weapon(s.text)
        if len(set(kinds)) == 2 and len(launched) < 2:      # "drones and missiles ... one hit": the first named
            first = min((d for d in dets if d.weapon_kind in ("drone", "missile")), key=lambda d: d.trigger.start)
            dets = [d for d in dets if d.weapon_kind not in ("drone", "missile") or d is first]
        weapons = find_weapons(s.text)
        n_strikes = sum(d.category in _STRIKE_CATS for d in dets)
        new: list[Draft] = []
        chosen = None
        for d in dets:
            category = d.category
            if d.trigger.kind == "strike" and last_strike:
                category = last_strike           # "the strike" is the attack told before, typed as it was
                d = replace(d, category=category, event_type=get_category(category).event_type,
                            sub_event_type=get_category(category).sub_event_type)
            at = s.start + d.trigger.start
            loc = choose(text, mentions, s.start, s.end, at, ctx)
            explicit = loc is not None and not loc.from_context and not is_country(loc.resolution)
            if d.needs_place and not explicit:
                continue
            locs: list[Located | None] = [loc]
            roles: list[str] = [""]
            routes: list[list[Endpoint]] = []
            if category == "evacuation":
                ends, routes = _evac_places(text, mentions, s.start, s.end, at, ctx)
                # a route stands at its origin (one incident a place): that origin is no point of its own
                starts = {r[0].resolution.place.place_id for r in routes}
                ends = [e for e in ends if not (e.role == "origin" and e.resolution.place.place_id in starts)] \
                    if routes else ends
                if ends:
                    locs = [Located(e.resolution, _mention(e), 0.9) for e in ends]
                    roles = [e.role for e in ends]
                for route in routes:              # each route itself: one incident, drawn origin -> destination
                    locs.append(Located(route[0].resolution, _mention(route[0]), 0.95))
                    roles.append("route")
            elif explicit and loc is not None and loc.mention is not None:      # "обстреляли Теткино, Глушково и ..."
                for mate in listed_with(text, mentions, s.start, s.end, loc.mention):
                    if mate.resolution is not None:
                        locs.append(Located(mate.resolution, mate, loc.weight))
                        roles.append(_LISTED)
            route_iter = iter(routes)
            date, prec, strength = _date_for(cues, d.trigger.start, inherited, ref)
            for lc, role in zip(locs, roles):
                weight = lc.weight if lc else 0.2
                score = d.base * (0.55 + 0.45 * weight) - (0.1 if d.extra else 0.0) + (0.03 if s.index == 0 else 0)
                res = lc.resolution if lc else None
                m = lc.mention if lc else None
                span = SourceSpan(article.article_id, s.index, s.text, s.start, s.end, at, s.start + d.trigger.end,
                                  m.start if m else None, m.end if m else None)
                dr = Draft(article.article_id, category, d.event_type, d.sub_event_type, date, prec, strength, res,
                           (m.text if m else (res.place.name if res else "")), explicit, max(0.05, min(1.0, score)),
                           find_actors(s.text, d.trigger.start), list(weapons),
                           {} if role == _LISTED else _counts_for(d, counts, launched, n_strikes, s.text), [span], para)
                if category == "evacuation":
                    dr.status = evac_status(s.text, d.trigger.start)
                    dr.role = "origin" if role == "route" else role
                    if role == "route":
                        route = next(route_iter)
                        dr.route = tuple((e.role, e.text, e.resolution.lat, e.resolution.lon) for e in route)
                        dr.score = min(1.0, dr.score + 0.02)
                new.append(dr)
                if explicit and chosen is None and lc is not None and category not in ("evacuation",):
                    chosen = lc.resolution
            if category in _STRIKE_CATS and d.trigger.kind != "strike":
                last_strike = category
        if chosen is None and new and any(x.resolution is not None for x in new):
            chosen = next(x.resolution for x in new if x.resolution is not None)
        update_context(text, mentions, s.start, s.end, ctx, chosen)
        drafts += new
        for dr in new:
            if dr.category in _ATTACHABLE:
                i, cur = dr.sources[0].sentence_index, attach.get(para)
                if cur is None or i > cur[0]:
                    attach[para] = (i, [dr])
                elif i == cur[0]:
                    cur[1].append(dr)
    _protest_force(drafts)
    two_sided(drafts)
    territory_told(drafts)
    if not any(d.resolution is not None for d in drafts) and len(article.text) < 2000:
        drafts += _notes(article, sentences, mentions, ctx, ref)
    if not document_is_war(text):        # disease, weather, sport news: protests are events, the rest is not war
        drafts = [d for d in drafts if d.event_type == "Protests"]
    return drafts


def _protest_force(drafts: list[Draft]) -> None:
    """A protest dispersed by force in the next sentence is one protest met with excessive force."""
    forced = {d.paragraph for d in drafts if d.sub_event_type == "Excessive force against protesters"}
    for d in drafts:
        if d.sub_event_type == "Peaceful protest" and d.paragraph in forced:
            d.sub_event_type = "Excessive force against protesters"


def _incident_id(d: Draft) -> str:
    src = d.sources[0]
    key = f"{d.article_id}|{src.sentence_index}|{src.trigger_start}|{d.category}|{d.place_id}"
    if d.route or d.role:                 # a route and its endpoints share a trigger and a place
        key += f"|{d.role}|{len(d.route)}"
    if len(d.route) > 1:                  # routes of one sentence from one origin differ by their stops
        key += "|" + "|".join(name for _, name, _, _ in d.route[1:])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def freeze(d: Draft) -> Incident:
    """The immutable Incident of a draft."""
    r = d.resolution
    geom = r.geometry if r is not None and r.precision >= 3 and r.geometry else None
    if d.route:
        geom = line([(lat, lon) for _, _, lat, lon in d.route])
    return Incident(
        incident_id=_incident_id(d), category=d.category, event_type=d.event_type, sub_event_type=d.sub_event_type,
        date=d.date, date_precision=d.date_precision if d.date else "unknown",
        location_name=(r.place.name if r else d.place_text), place_id=r.place.place_id if r else None,
        country_code=(r.place.country_code or None) if r else None, admin1=(r.place.admin1 or None) if r else None,
        lat=r.lat if r else None, lon=r.lon if r else None, geo_precision=int(r.precision) if r else None,
        score=round(d.score if r else d.score * 0.5, 4), geometry=geom, actors=tuple(sorted(d.actors)),
        weapons=tuple(d.weapons), counts=tuple(sorted(d.counts.items())), sources=tuple(d.sources),
        notes=("place from context" if r is not None and not d.explicit_place else ""), route=d.route,
        status=d.status, role=d.role)


def extract(article: Article, gazetteer: PlaceResolver | None = None) -> list[Incident]:
    """The incidents one article tells, merged, in the order they are first told."""
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    return [freeze(d) for d in merge(_drafts(article, gz))]


def extract_batch(articles: Iterable[Article], gazetteer: PlaceResolver | None = None, merge_across: bool = True) -> list[Incident]:
    """The incidents of several articles; the same event told by several articles becomes one incident."""
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    drafts: list[Draft] = []
    for a in articles:
        ds = merge(_drafts(a, gz))
        drafts += ds
    return [freeze(d) for d in (merge(drafts) if merge_across else drafts)]
