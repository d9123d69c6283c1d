"""Where an incident happened: the place mention that is the scene of the event, or the context's place."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gazetteer.model import Mention, MentionRole, Resolution
from gazetteer.theatre import CAPITALS, HOME, RU_FRONT_REGIONS, in_war_zone as _in_theatre

from .spans import in_span

if TYPE_CHECKING:
    from .resolver import PlaceResolver

log = logging.getLogger(__name__)

WAR_ZONE_RU = RU_FRONT_REGIONS
_LOC_PREP = re.compile(
    r"(?:\b(?:in|near|at|on|over|into|outside|around|inside|across|towards?|toward|nearby|along|onto|upon|by|to"
    r"|from|of|between|and|outskirts of|suburbs of|vicinity of|direction of|area of|village of|town of|city of"
    r"|settlement of|region of|district of|oblast of|community of"
    r"|в|у|на|над|по|за|під|біля|поблизу|неподалік|в районі|у районі|до|около|возле|под|вблизи|в районе|под)\s+"
    r"(?:(?:the|a|occupied|liberated|embattled|besieged|frontline|front-line|southern|northern|eastern|western|central"
    r"|north|south|east|west|city|town|village|settlement|urban-type|of|small|nearby|neighbouring|neighboring"
    r"|[A-Z][\w’'-]+(?:'s|’s))\s+){0,4})$", re.I)
_ATTRIB = re.compile(r"\b(?:ministry|ministries|officials?|spokes(?:man|woman|person)|governor|mayor|authorities"
                     r"|embassy|ambassador|envoy|correspondent|reporters?|sources?|based|headquartered|office"
                     r"|government|president|news agency|media|journalists?|staff|command|headquarters|council|parliament)\s+(?:\w+\s+)?(?:in|of|to|from)\s+"
                     r"(?:the\s+)?$", re.I)
# a Ukrainian or Russian place a drone or missile was flying towards (the scene is where it was shot down)
_HEADING = re.compile(r"(?:\b(?:летевш\w+|летящ\w+|летел[аи]?|летіл[аи]?|летять|летят|летить|летит|направлявш\w+"
                      r"|направлял\w+|прямувал\w+|прямую\w+|следовавш\w+|следовал\w+)\s+(?:\w+\s+){0,2}?"
                      r"(?:на|в|во|к|до|у)|\b(?:в сторону|у бік|в бік|в направлении|у напрямку|курсом на))\s+$", re.I)
_MODIFIER_EVENT = re.compile(r"^\s*(?:cross-border\s+)?(?:invasion|incursion|offensive|operation|front|direction|axis"
                             r"|counteroffensive|counter-offensive|campaign)\b", re.I)


@dataclass(frozen=True, slots=True)
class Located:
    """The chosen place of an event: its resolution, the mention (None when taken from context), a weight."""

    resolution: Resolution
    mention: Mention | None
    weight: float                 # 0..1: how sure we are that this is the scene
    from_context: bool = False


def in_war_zone(res: Resolution) -> bool:
    """True for places in Ukraine or in Russia's border and front regions."""
    p = res.place
    return _in_theatre(p.country_code, p.admin1 or "", p.name)


def is_country(res: Resolution | None) -> bool:
    return res is not None and res.place.kind in ("country", "continent")


def _kind_bonus(kind: str) -> float:
    return {"village": 0.3, "town": 0.3, "city": 0.28, "district": 0.3, "admin2": 0.2, "area": 0.15,
            "admin1": 0.12, "country": -0.6, "continent": -0.8}.get(kind, 0.1)


def score_mention(text: str, m: Mention, trigger_at: int, sent_start: int) -> float:
    """How likely a mention names the scene of the event told at ``trigger_at`` (offsets in ``text``)."""
    res = m.resolution
    if res is None or m.role != "place":
        return -9.0
    before = text[max(sent_start, m.start - 60):m.start]
    after = text[m.end:m.end + 40]
    s = 0.3 + _kind_bonus(res.place.kind)
    prep = _LOC_PREP.search(before)
    if prep:
        word = prep.group(0).split()[0].lower()
        s += {"from": 0.05, "to": 0.15, "by": 0.0, "and": 0.1, "of": 0.2, "between": 0.2}.get(word, 0.4)
    if _ATTRIB.search(before):
        s -= 0.7
    if _HEADING.search(before):                    # "беспилотник, летевший на Москву": where it was going
        s -= 0.6
    if re.match(r"^(?:'s|’s)\b", after):
        s -= 0.25
    if re.match(r"^,?\s*(?:\w+\s+)?(?:said|says|reported|announced|claimed|told|stated)\b", after) and not prep:
        s -= 0.4
    if re.search(r",\s*$", before) and not prep:           # "Zolota Nyva, Donetsk": a qualifier of the place before
        s -= 0.35
    s += 0.2 if in_war_zone(res) else -0.25
    s -= min(0.3, abs(m.start - trigger_at) * 0.002)
    s += 0.1 * res.score
    return s


class Context:
    """The place an article is talking about, carried from sentence to sentence."""

    def __init__(self, gazetteer: PlaceResolver) -> None:
        self.gz = gazetteer
        self.last: Resolution | None = None
        self._cache: dict[str, Resolution | None] = {}

    def geocode(self, query: str) -> Resolution | None:
        """Cached geocoding of a derived query ("Kyiv suburbs", "Kursk oblast")."""
        if query not in self._cache:
            try:
                self._cache[query] = self.gz.geocode_resolution(query)
            except Exception as e:  # noqa: BLE001 - a failed look-up only loses a refinement
                log.debug("geocode %r failed: %s", query, e)
                self._cache[query] = None
        return self._cache[query]

    def region_of(self, res: Resolution) -> Resolution | None:
        """The first-level region holding a settlement."""
        if res.place.kind in ("admin1", "area", "country", "continent") or not res.place.admin1:
            return res
        a = res.place.admin1
        for q in (f"{a} oblast", f"{a} region", a):
            r = self.geocode(q)
            if r is not None and r.place.kind in ("admin1", "area") and r.place.country_code == res.place.country_code:
                return r
        return None

    def refine(self, sentence: str, res: Resolution | None) -> Resolution | None:
        """Apply what the sentence says about the context place: suburbs, the region, the capital."""
        low = sentence.lower()
        if re.search(r"\bcapital region\b|\bregion around the capital\b", low):
            cc = res.place.country_code if res is not None else HOME
            cap = CAPITALS.get(cc or HOME)
            r = self.geocode(f"{cap} oblast") if cap else None
            return r or res
        if re.search(r"\bthe capital\b", low) and (res is None or res.place.kind in ("country",)):
            cc = res.place.country_code if res is not None else HOME
            return self.geocode(CAPITALS.get(cc or HOME, CAPITALS[HOME])) or res
        if res is None:
            return None
        if re.search(r"\b(?:suburbs?|outskirts)\b", low) and res.place.kind in ("city", "town"):
            return self.geocode(f"{res.place.name} suburbs") or res
        if re.search(r"\b(?:regions|region|oblast|oblasts|province|provinces)\b", low) \
                and res.place.kind in ("city", "town", "village", "district"):
            return self.region_of(res) or res
        return res


_QUALIFIED_AFTER = re.compile(r"^,\s*(?:the\s+)?([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?(?:\s+(?:region|oblast|province|Oblast"
                              r"|Region))?)")
_NAME_BEFORE = re.compile(r"(?:^|[\s(])((?:[A-Z][\w'’-]+[ -]){0,2}[A-Z][\w'’-]+),\s*(?:the\s+)?$")
_INTO = re.compile(r"\b(?:into|invaded|invading|invade|entered|entering)\s+(?:the\s+)?$", re.I)
_CODED_TO = re.compile(r"\(coded to ([A-Z][\w'’ -]+?)(?:,\s*([A-Z][\w'’ -]+?))?\)")


def _same_name(a: str, b: str) -> bool:
    n = lambda x: re.sub(r"[^a-z]", "", x.lower()).replace("iy", "i").replace("yi", "i")  # noqa: E731
    return n(a)[:5] == n(b)[:5]


def _qualified(text: str, m: Mention, ctx: "Context") -> tuple[Resolution, int, int] | None:
    """Re-place "Vesele, Donetsk" or an unrecognised "Udy, Kharkiv" with the region named after the comma."""
    res = m.resolution
    after = _QUALIFIED_AFTER.match(text[m.end:m.end + 60])
    if after and res is not None and res.place.kind not in ("country", "admin1", "area"):
        r = ctx.geocode(f"{m.text}, {after.group(1)}")
        if r is not None and _same_name(r.place.name, res.place.name) and r.place.place_id != res.place.place_id:
            return replace(r, precision=max(r.precision, res.precision), qualifier=res.qualifier), m.start, m.end
        return None
    before = _NAME_BEFORE.search(text[max(0, m.start - 50):m.start])
    if before and res is not None and res.place.kind in ("city", "town", "admin1", "admin2", "village"):
        name = before.group(1)
        r = ctx.geocode(f"{name}, {m.text}")
        if r is not None and _same_name(r.place.name, name) and r.place.kind not in ("country", "admin1"):
            start = m.start - len(before.group(0)) + before.group(0).index(name)
            return r, start, start + len(name)
    return None


# a site named after the settlement before it ("the Hoptivka border crossing in the Kharkiv region") is there
_FACILITY = (r"(?:(?:border|railway|train|bus|power|pumping|electric(?:al)?|water|filtration|fuel|oil|grain|military"
             r"|customs|road|river|sea|thermal|hydroelectric)\s+)?"
             r"(?:checkpoint|check-point|crossing(?:\s+point)?|post|station|substation|depot|bridge|dam|airfield|airport"
             r"|air\s?base|base|port|harbou?r|terminal|plant|factory|works|refinery|elevator|warehouse|hospital|school"
             r"|market|mine|quarry|village council|hromada|community)")
# "Chasiv Yar in Donetsk oblast", "Toretsk, in the Donetsk region", "Vesele (Bakhmut raion, Donetsk oblast)",
# "Kupiansk in occupied Kharkiv region", "the Hoptivka checkpoint in the Kharkiv region": the second name says
# where the first one is
_CONTAINER_GAP = re.compile(
    r"^\s*(?:" + _FACILITY + r"\s*)?(?:,\s*|\(\s*|(?:in|of|near|inside)\s+)(?:in\s+)?(?:the\s+)?"
    r"(?:(?:occupied|liberated|frontline|front-line|embattled|neighbouring|neighboring|border|partly|partially"
    r"|russian-occupied|ukrainian-controlled|southern|northern|eastern|western|central|north|south|east|west)\s+)*$",
    re.I)
_AREA_KINDS = ("admin1", "admin2", "area")
_POINT_KINDS = ("city", "town", "village", "district")


def _containers(text: str, sent: list[Mention]) -> dict[int, Mention]:
    """id(container mention) -> the settlement it locates, for "X in Y oblast" and its variants.

    Y must be a region or district (not a town: "Vesele near Bakhmut" is a direction, not a holder), and
    X a settlement. Chains ("X (Y raion, Z oblast)") pass the settlement on to every container.
    """
    out: dict[int, Mention] = {}
    ordered = sorted(sent, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        ra, rb = a.resolution, b.resolution
        if ra is None or rb is None or rb.place.kind not in _AREA_KINDS:
            continue
        if not _CONTAINER_GAP.match(text[a.end:b.start]):
            continue
        inner = out.get(id(a)) if ra.place.kind in _AREA_KINDS else (a if ra.place.kind in _POINT_KINDS else None)
        if inner is not None:
            out[id(b)] = inner
    return out


_CYR = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_CYR_DIRECTION = re.compile(r"\s(?:напрям(?:ок|ку|ки|ках|і)|направлени[еяию])$", re.I)


def _regions_named_apart(sent: list[Mention], holders: dict[int, Mention]) -> dict[int, Mention]:
    """id(region mention) -> the one settlement of the sentence that lies in it, for a Ukrainian or Russian
    sentence that names the region apart from the settlement ("В Курской области ВСУ атаковали Курчатов"):
    the settlement is the scene, as in "X in Y oblast"."""
    out: dict[int, Mention] = {}
    for a in sent:
        ra = a.resolution
        if id(a) in holders or ra is None or ra.place.kind != "admin1" or not _CYR.search(a.text):
            continue
        inside = [m for m in sent if m.resolution is not None and m.resolution.place.kind in _POINT_KINDS
                  and m.resolution.place.country_code == ra.place.country_code
                  and (m.resolution.place.admin1 or "") == ra.place.name]
        if len({m.resolution.place.place_id for m in inside if m.resolution is not None}) == 1:
            out[id(a)] = inside[0]
    return out


_DISTRICT_OF = re.compile(r"\s(?:район\w*|р-н\w*)$", re.I)


def _city_districts(text: str, sent: list[Mention]) -> dict[int, Mention]:
    """id(district mention) -> the city named right after it, for a city's district ("Киевский район
    Харькова", "Шевченківський район Києва"): the district's adjective is no town of its own; the city is the scene."""
    out: dict[int, Mention] = {}
    ordered = sorted(sent, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        if _DISTRICT_OF.search(a.text) and not text[a.end:b.start].strip() and b.resolution is not None \
                and b.resolution.place.kind in ("city", "town"):
            out[id(a)] = b
    return out


def choose(text: str, mentions: list[Mention], sent_start: int, sent_end: int, trigger_at: int,
           ctx: Context) -> Located | None:
    """The scene of an event told at ``trigger_at`` in the sentence [sent_start, sent_end) of ``text``."""
    sent = [m for m in in_span(mentions, sent_start, sent_end) if m.role == "place" and m.resolution]
    holders = _containers(text, sent)
    holders.update(_regions_named_apart(sent, holders))
    holders.update(_city_districts(text, sent))
    raw = {id(m): score_mention(text, m, trigger_at, sent_start) for m in sent}
    for m in sent:                 # the settlement takes its container's place in the sentence, and its score
        inner = holders.get(id(m))
        if inner is not None:
            raw[id(inner)] = max(raw[id(inner)], raw[id(m)] + 0.05)
            raw[id(m)] -= 1.0
    scored = sorted(((raw[id(m)], m) for m in sent), key=lambda x: -x[0])
    best = next(((s, m) for s, m in scored if not is_country(m.resolution)), None)
    coded = _CODED_TO.search(text[sent_start:sent_end])
    if coded:
        q = coded.group(1) + (f", {coded.group(2)}" if coded.group(2) else "")
        r = ctx.geocode(q)
        if r is not None:
            a = sent_start + coded.start(1)
            return Located(r, Mention(a, a + len(coded.group(1)), coded.group(1), MentionRole.PLACE, r), 0.9)
    if best is not None and best[0] > 0.15:
        s, m = best
        q = _qualified(text, m, ctx)
        if q is not None:
            m = Mention(q[1], q[2], text[q[1]:q[2]], MentionRole.PLACE, q[0])
        res = m.resolution
        assert res is not None                   # only resolved mentions are scored
        if (_MODIFIER_EVENT.match(text[m.end:m.end + 30]) or _CYR_DIRECTION.search(m.text)) \
                and res.place.kind in ("city", "town"):               # "Pokrovsk direction", "Покровському напрямку"
            res = ctx.region_of(res) or res
        elif res.place.kind in ("city", "town") and res.place.admin1 == res.place.name \
                and _INTO.search(text[max(0, m.start - 24):m.start]):
            res = ctx.region_of(res) or res          # "sent tanks into Kursk": the region named after its city
        if res.place.kind in ("city", "town") and re.match(r"^\s+(?:suburbs|outskirts)", text[m.end:m.end + 12]):
            res = ctx.geocode(f"{res.place.name} suburbs") or res
        return Located(res, m, max(0.3, min(1.0, 0.5 + s)))
    sentence = text[sent_start:sent_end]
    res = ctx.refine(sentence, ctx.last)
    if res is not None:
        return Located(res, None, 0.55, from_context=True)
    if scored and scored[0][1].resolution is not None:            # only a country: vague, say so
        return Located(scored[0][1].resolution, scored[0][1], 0.25)
    return None


def update_context(text: str, mentions: list[Mention], sent_start: int, sent_end: int, ctx: Context,
                   chosen: Resolution | None = None) -> None:
    """Remember the place a sentence is about for the sentences that follow."""
    if chosen is not None:
        ctx.last = chosen
        return
    sent = [m for m in in_span(mentions, sent_start, sent_end) if m.role == "place" and m.resolution
            and not is_country(m.resolution)]
    if not sent:
        return
    s, m = max(((score_mention(text, m, sent_start, sent_start), m) for m in sent), key=lambda x: x[0])
    if s > 0.5:
        ctx.last = m.resolution
