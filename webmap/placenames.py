"""Place names as the map shows them: Ukrainian settlements in their official English spelling.

GeoNames often keeps a Russian-derived name for a Ukrainian place ("Chasov Yar"). The bundled
Who's On First data records each Ukrainian locality's Ukrainian name ("Часів Яр") with its GeoNames
id; its romanisation by the national system of 2010 (``gazetteer.translit.uk_to_latin``) is the
official English spelling ("Chasiv Yar"), which the map shows instead.
"""
from __future__ import annotations

import csv
import gzip
import io
import logging
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from gazetteer.translit import has_cyrillic, uk_to_latin

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _official() -> dict[str, str]:
    """place_id ("gn:..." and "wof:...") -> official English name, for Ukrainian localities."""
    from importlib.resources import files

    out: dict[str, str] = {}
    try:
        raw = files("gazetteer").joinpath("data", "wof_ua.tsv.gz").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError) as err:
        log.info("no Ukrainian names: %s", err)
        return out
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            uk = (row.get("name_uk") or "").strip()
            if row.get("placetype") != "locality" or not uk or not has_cyrillic(uk):
                continue
            name = uk_to_latin(uk).strip()
            if not name:
                continue
            out[f"wof:{row['wof_id']}"] = name
            if row.get("gn_id"):
                out.setdefault(f"gn:{row['gn_id']}", name)
    return out


@lru_cache(maxsize=4096)                # thousands of incidents name the same few hundred places
def _spelling_of(official: str, name: str) -> bool:
    """True when ``official`` spells the same name (Chasiv Yar / Chasov Yar), not a former or later
    name of the place (Who's On First keeps some pre-2016 names: Kirovohrad for Kropyvnytskyi).

    Similarity is rapidfuzz's ``fuzz.ratio``. Of the 2,785 Ukrainian places whose official spelling differs
    from the stored name, it decides 2,781 as difflib's ratio did; the 4 others now show the official
    spelling (Burevisnyk, Vypovziv, Solontseve for Burevestnik, Vypolzov, Solontsovoye; and Vavarivka,
    Who's On First's own spelling, for Varvarovka)."""
    a, b = official.casefold(), name.casefold()
    return a[:2] == b[:2] and abs(len(a) - len(b)) <= 3 and fuzz.ratio(a, b) >= 75


def display_name_for(place_id: str | None, name: str) -> str:
    """The shown name of a place given its gazetteer id and stored name (``name`` when no better one)."""
    official = _official().get(place_id or "")
    return official if official and official != name and _spelling_of(official, name) else name


def display_name(place: Any) -> str:
    """The name to show for a gazetteer place (anything with ``place_id``, ``name``, ``country_code``)."""
    if getattr(place, "country_code", "") != "UA":
        return place.name
    return display_name_for(getattr(place, "place_id", ""), place.name)
