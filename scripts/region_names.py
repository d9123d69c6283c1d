"""Curated names, codes and point-of-view fixes applied by build_regions.py to Natural Earth attributes."""
from __future__ import annotations

from typing import Any

# Ukraine's units: current English (Ukrainian-based) short names; NE's older spellings go to "names".
UA_NAMES = {
    "UA-05": "Vinnytsia", "UA-07": "Volyn", "UA-09": "Luhansk", "UA-12": "Dnipropetrovsk", "UA-14": "Donetsk",
    "UA-18": "Zhytomyr", "UA-21": "Zakarpattia", "UA-23": "Zaporizhzhia", "UA-26": "Ivano-Frankivsk",
    "UA-30": "Kyiv City", "UA-32": "Kyiv", "UA-35": "Kirovohrad", "UA-40": "Sevastopol", "UA-43": "Crimea",
    "UA-46": "Lviv", "UA-48": "Mykolaiv", "UA-51": "Odesa", "UA-53": "Poltava", "UA-56": "Rivne", "UA-59": "Sumy",
    "UA-61": "Ternopil", "UA-63": "Kharkiv", "UA-65": "Kherson", "UA-68": "Khmelnytskyi", "UA-71": "Cherkasy",
    "UA-74": "Chernihiv", "UA-77": "Chernivtsi",
}
# Other name fixes (NE typos, apostrophe transliterations, swapped Moscow codes).
NAME_FIX = {"RU-MAG": "Magadan", "RU-MOW": "Moscow", "RU-MOS": "Moscow Oblast", "RU-ORL": "Oryol",
            "RU-ZAB": "Zabaykalsky", "RU-SPE": "Saint Petersburg", "BY-HM": "Minsk City"}
TYPE_FIX = {"UA-30": "City", "UA-40": "City", "UA-43": "Autonomous Republic", "BY-HM": "City", "BY-MI": "Oblast",
            "RU-MOW": "Federal City", "RU-MOS": "Oblast", "RU-SA": "Republic", "RU-KAM": "Krai", "RU-ZAB": "Krai"}
NATIVE_TYPE = {"Oblast'": "Oblast", "Oblast": "Oblast", "Voblasts'": "Oblast", "Kray": "Krai",
               "Respublika": "Republic", "Avtonomnyy Okrug": "Autonomous Okrug",
               "Avtonomnaya Oblast": "Autonomous Oblast", "Gorod Federalnogo Znacheniya": "Federal City"}
EXTRA_A1_NAMES = {
    "UA-30": ["City of Kyiv", "Kiev City", "Kyiv"], "UA-12": ["Dnipro Oblast"], "UA-40": ["Sebastopol"],
    "UA-43": ["Krym", "Republic of Crimea"], "UA-21": ["Transcarpathia"], "UA-51": ["Odessa"],
    "RU-MOS": ["Moscow Region", "Podmoskovye"], "BY-MI": ["Minsk Oblast", "Minsk Region"],
}
# NE attaches some names to the wrong unit (city vs surrounding oblast, Altai Krai vs Republic).
DROP_A1_NAMES = {
    "RU-ALT": {"Altai Republic"}, "RU-ZAB": {"Chita"}, "RU-MOS": {"Moscow"}, "RU-MOW": {"Moskovskaya", "Московская область"},
    "BY-HM": {"Минская Область", "Minsk Oblast", "Minskaya Voblasts'"}, "BY-MI": {"Минск"},
}
# NE's admin-1 swaps the ISO codes of Moscow city and Moscow oblast (keyed by adm1_code).
ISO_FIX = {"RUS-2364": "RU-MOS", "RUS-2365": "RU-MOW"}
POV_UKRAINE = {"UA-43", "UA-40"}  # UN GA resolution 68/262

A0_NAME = {"KOR": "South Korea", "PRK": "North Korea", "USA": "United States", "CHN": "China", "GBR": "United Kingdom",
           "RUS": "Russia", "PGA": "Spratly Islands", "SWZ": "Eswatini"}
EXTRA_A0_NAMES = {
    "US": ["US", "USA", "U.S.", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"], "RU": ["Russian Federation", "RF", "Rossiya"],
    "UA": ["Ukraina"], "BY": ["Belorussia", "Byelorussia"], "MD": ["Moldavia"],
    "KP": ["DPRK", "N. Korea"], "KR": ["ROK", "S. Korea"], "AE": ["UAE", "U.A.E.", "Emirates"],
    "CN": ["PRC"], "TW": ["Republic of China"], "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"], "MK": ["Macedonia"], "MM": ["Burma"],
    "TR": ["Turkiye", "Türkiye"], "CZ": ["Czech Republic"], "NL": ["Holland"], "SA": ["KSA"],
    "CF": ["CAR"], "VA": ["Holy See"], "PS": ["Palestinian territories"], "CI": ["Ivory Coast"],
}


def repaired(value: Any) -> str:
    """Stripped string with UTF-8-read-as-Latin-1 mojibake undone; "" for lossy or missing values."""
    s = value.strip() if isinstance(value, str) else ""
    if "Ã" in s or "Ð" in s:
        try:
            s = s.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return ""
    return "" if any(c in s for c in "?£\ufffd") else s


def dedupe(values: list[Any], exclude: str) -> list[str]:
    """Non-empty repaired strings in first-seen order, without exclude and without repeats."""
    out: list[str] = []
    for v in values:
        s = repaired(v)
        if s and s != exclude and s not in out and s != "-99":
            out.append(s)
    return out


def fixed_iso(p: dict[str, Any]) -> str | None:
    """NE iso_3166_2 with known swaps repaired."""
    return ISO_FIX.get(p.get("adm1_code", ""), p.get("iso_3166_2"))


def admin1_country(p: dict[str, Any], iso: str | None) -> str:
    """ISO alpha-2 country of an admin-1 unit after the point-of-view rule."""
    return "UA" if iso in POV_UKRAINE else p["iso_a2"]


def admin1_naming(p: dict[str, Any], iso: str | None, country: str) -> tuple[str, str | None, list[str]]:
    """(name, type_en, alternate names) of an admin-1 unit."""
    fallback = f"Unnamed ({repaired(p.get('admin')) or country})"  # a few islands and leases have no name
    ne_name = next((s for k in ("name", "name_en", "gn_name", "woe_name") if (s := repaired(p.get(k)))), fallback)
    if iso in UA_NAMES:
        name = UA_NAMES[iso]
    elif iso in NAME_FIX:
        name = NAME_FIX[iso]
    elif country in ("RU", "BY"):
        name = ne_name.replace("'", "")
    else:
        name = ne_name
    native = NATIVE_TYPE.get(p.get("type") or "") if country in ("UA", "RU", "BY") else None
    type_en = TYPE_FIX.get(iso or "") or native or p.get("type_en") or p.get("type")
    alts = [ne_name, p.get("name_en"), *(p.get("name_alt") or "").split("|"), p.get("name_ru"), p.get("name_uk"),
            p.get("gn_name"), p.get("woe_name"), p.get("name_local"), *EXTRA_A1_NAMES.get(iso or "", [])]
    drop = DROP_A1_NAMES.get(iso or "", set())
    return name, type_en, [n for n in dedupe(alts, name) if n not in drop]


def admin0_codes(attrs: list[dict[str, Any]]) -> list[str | None]:
    """ISO alpha-2 per admin-0 record: ISO_A2, else ISO_A2_EH unless another record already has that code."""
    taken = {a["ISO_A2"] for a in attrs if len(a["ISO_A2"]) == 2}
    out: list[str | None] = []
    for a in attrs:
        if len(a["ISO_A2"]) == 2:
            out.append(a["ISO_A2"])
        elif len(a["ISO_A2_EH"]) == 2 and a["ISO_A2_EH"] not in taken:
            out.append(a["ISO_A2_EH"])
            taken.add(a["ISO_A2_EH"])
        else:
            out.append(None)
    return out


def admin0_naming(a: dict[str, Any], code: str | None) -> tuple[str, str, list[str]]:
    """(name, name_long, alternate names) of a country."""
    name = A0_NAME.get(a["ADM0_A3"]) or (a["NAME_EN"] if "." in a["NAME"] else a["NAME"])
    name_long = a["NAME_LONG"] if "." not in a["NAME_LONG"] else a["NAME_EN"]
    alt = [a["NAME"], a["NAME_LONG"], a["NAME_EN"], a["ADMIN"], a["FORMAL_EN"], a["BRK_NAME"], a["NAME_CIAWF"]]
    alt = [s for s in alt if s and "," not in s and not (a["ADM0_A3"] == "PGA" and s == "Wake Island")]
    alt += [s for s in (a["NAME_ALT"] or "").replace("|", ",").split(",")]
    alt += [a["NAME_RU"], a["NAME_UK"], *EXTRA_A0_NAMES.get(code or "", [])]
    return name, name_long, dedupe(alt, name)
