"""Actors (who did it to whom) and weapons named in a sentence."""
from __future__ import annotations

import re

_SIDE = {
    "russian": "Russian forces", "russia": "Russian forces", "russians": "Russian forces", "moscow": "Russian forces",
    "ukrainian": "Ukrainian forces", "ukraine": "Ukrainian forces", "ukrainians": "Ukrainian forces",
    "kyiv": "Ukrainian forces", "kiev": "Ukrainian forces",
    "dpr": "DPR forces", "lpr": "LPR forces", "naf": "NAF forces", "wagner": "Wagner Group",
    "chechen": "Chechen forces", "belarusian": "Belarusian forces",
}
_FORCE = (r"(?:(?:military|armed|ground|air|naval|special|border|occupation|rebel|separatist|defence|defense)\s+)*"
          r"(?:forces?|troops|army|military|soldiers|servicem[ae]n|paratroopers|marines|occupiers|invaders|units?"
          r"|air ?force|air defen[cs]es?|artillery(?:men)?|navy|sappers|fighters|rebels|battalion|brigade|group"
          r"|positions?|convoy|command|aviation|drones?|tanks?|missiles?|sources)")
_ACTOR = re.compile(
    rf"\b(Russian|Ukrainian|DPR|LPR|NAF|Wagner|Chechen|Belarusian)(?:'s)?\s+(?:[\w-]+\s+){{0,2}}?{_FORCE}\b"
    rf"|\b(Russia|Ukraine|Russians|Ukrainians|Moscow|Kyiv|Kiev)(?:'s)?\s+(?:has\s+|have\s+|had\s+)?(?:\w+\s+)?"
    rf"(?:launched|fired|sent|used|attacked|struck|shelled|hit|shot|intercepted|destroyed|bombed|pounded|targeted"
    rf"|continued|pours|is)\b"
    rf"|\b(?:by|from)\s+(Russia|Ukraine)\b"
    rf"|\b(?:an?\s+)?(unidentified armed group|partisans?|partisan group|civilians?|residents|protesters)\b", re.I)
_TARGET_CUE = re.compile(r"\b(?:at|on|against|into|upon|targeting|of)\s+(?:the\s+)?$", re.I)

_WEAPON = re.compile(
    r"\b(?:(?:North Korean|Iranian|Russian|Ukrainian|Western|U\.?S\.?[- ]made)\s+)?"
    r"(?:(?:ballistic|cruise|hypersonic|anti-ship|guided|air-launched)\s+)?"
    r"(?:Shahed(?:-\d+)?(?:\s+(?:kamikaze\s+)?drones?)?|Geran(?:-\d)?(?:\s+drones?)?|kamikaze[- ]drones?"
    r"|Lancet(?:\s+drones?)?|Bayraktar(?:\s+TB2)?(?:\s+drones?)?|Switchblade(?:\s+drones?)?|drones?|UAVs?"
    r"|Iskander(?:-[MK])?(?:\s+missiles?)?|Kalibr(?:\s+(?:cruise\s+)?missiles?)?|Kinzhal(?:\s+missiles?)?"
    r"|Tochka(?:-U)?(?:\s+missiles?)?|Kh-\d+(?:\s+missiles?)?|S-300(?:\s+missiles?)?|ATACMS|Storm Shadow(?:\s+missiles?)?"
    r"|missiles?|rockets?|(?:FAB|KAB)-\d+|glide bombs?|air bombs?|aerial bombs?|bombs?|cluster munitions?"
    r"|HIMARS(?:\s+rockets?)?|(?:BM-\d+\s+)?(?:Grad|Uragan|Smerch|Hurricane|Tornado(?:-S)?)(?:\s+(?:missiles?|rockets?|MLRS))?"
    r"|BM-\d+|MLRS|multiple rocket launchers?|(?:\d+(?:\s?mm)?(?:,|\sand)?\s+)*\d+\s?mm(?:\s+(?:caliber\s+)?"
    r"(?:mortars?|artillery|howitzers?))?|mortars?|artillery|howitzers?|T-\d+[A-Z]?\d?\s+tanks?|T-\d+[A-Z]?\d?|tanks?"
    r"|(?:heavy\s+)?machine ?guns?|small arms|grenade launchers?|landmines?|mines?|explosive devices?|IEDs?"
    r"|(?:Su|MiG|Tu)-\d+(?:M\d?)?|aircraft|helicopters?|warplanes?)\b", re.I)
_NOT_WEAPON = re.compile(r"^(?:mine|mines)$", re.I)


_GENERIC = {"missile", "missiles", "rocket", "rockets", "drone", "drones", "ballistic", "cruise", "hypersonic",
            "guided", "kamikaze", "artillery", "mortar", "mortars", "tank", "tanks", "bomb", "bombs", "glide", "air",
            "aerial", "aircraft", "helicopter", "helicopters", "mines", "mine", "landmine", "landmines", "heavy",
            "machine", "gun", "guns", "small", "arms", "grenade", "launchers", "launcher", "multiple", "howitzer",
            "howitzers", "cluster", "munitions", "munition", "explosive", "device", "devices", "warplanes",
            "warplane", "anti-ship", "air-launched"}


def _norm_weapon(w: str) -> str:
    return " ".join(t.lower() if t.lower() in _GENERIC else t for t in re.sub(r"\s+", " ", w.strip()).split(" "))


def find_weapons(sentence: str) -> list[str]:
    """Weapons named in the sentence, in order, without repeats ("North Korean ballistic missile", "T-80 tanks")."""
    out: list[str] = []
    seen: set[str] = set()
    for m in _WEAPON.finditer(sentence):
        w = _norm_weapon(m.group(0))
        if _NOT_WEAPON.match(w) and not re.search(r"\b(?:Russian|anti-|land|a)\s*$", sentence[:m.start()], re.I):
            continue
        key = w.lower().rstrip("s")
        if key in seen or any(key in s for s in seen):
            continue
        seen = {s for s in seen if s not in key} | {key}
        out = [o for o in out if o.lower().rstrip("s") not in key]
        out.append(w)
    return out


def find_actors(sentence: str, trigger_at: int) -> list[tuple[str, str]]:
    """(role, name) pairs: actor1 the side acting (before the trigger), actor2 the side acted upon."""
    a1: list[str] = []
    a2: list[str] = []
    for m in _ACTOR.finditer(sentence):
        word = next(g for g in m.groups() if g)
        low = word.lower()
        name = _SIDE.get(low)
        if name is None:
            name = "Civilians" if low.startswith(("civilian", "resident", "protester")) else word.capitalize()
            if low.startswith("partisan"):
                name = "Partisans"
        if m.group(1) and re.search(r"positions?|convoy|command|tanks?|sources", m.group(0), re.I) \
                and not re.search(r"\bsources\b", m.group(0), re.I):
            a2.append(name)
            continue
        if re.search(r"\bsources\b", m.group(0), re.I):
            continue
        if m.start() < trigger_at and not _TARGET_CUE.search(sentence[max(0, m.start() - 12):m.start()]) \
                and name != "Civilians":
            a1.append(name)
        else:
            a2.append(name)
    out: list[tuple[str, str]] = []
    if a1:
        out.append(("actor1", a1[-1]))          # the side named closest before the trigger
    for n in a2:
        if n != (a1[-1] if a1 else None) and ("actor2", n) not in out:
            out.append(("actor2", n))
            break
    return out
