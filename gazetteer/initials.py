"""Initials of a country or a first-level region: "SA" (South Africa), "NJ" (New Jersey), "T&T" (Trinidad and
Tobago), "N.B." (New Brunswick), "WA" (Western Australia).

Read only for spans given from outside (a user's selection, gold toponyms), never in running text (where two
capitals are far more often an acronym), and only for the countries the rest of the document is about.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .tuning import INITIALS_MIN_SHARE

if TYPE_CHECKING:
    from .index import Entry, Index
    from .resolve import Context

_SHAPE = re.compile(r"(?:[A-Z]\.?){2,3}|[A-Z]\s?&\s?[A-Z]")      # NJ, N.J., UAE, T&T


def initials(name: str) -> str:
    """The capitals that begin the words of a name ("Trinidad and Tobago" -> "TT")."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper())


def read_initials(surface: str) -> str:
    """"N.J." -> "NJ", "T&T" -> "TT"; "" when the text is no initials."""
    s = surface.strip()
    return re.sub(r"[^A-Z]", "", s) if _SHAPE.fullmatch(s) else ""


def by_initials(index: "Index", surface: str, ctx: "Context") -> "Entry | None":
    """The country, or a first-level region of a country, of the document whose initials the surface is."""
    code = read_initials(surface)
    if not code:
        return None
    shares = {cc: ctx.share_country(cc) for cc in ctx.countries}
    ccs = [cc for cc, sh in shares.items() if sh >= INITIALS_MIN_SHARE]
    hits = [e for e in index.regions_of(ccs) if initials(e.place.name) == code]
    if not hits:
        return None
    return max(hits, key=lambda e: (shares.get(e.place.country_code, 0.0), e.place.kind == "country"))
