"""Everyday Latin spellings of Russian border places (gazetteer.build.enrich.russian_spellings): English
reporting writes the Russian ай/ей/ой, -ий, я as ai/ay, -iy/-y, ya/ia, and a town written the other way is
still found. Real gazetteer and real bundled village list."""
from __future__ import annotations

import csv
import gzip
import re
from importlib.resources import files

import pytest

from gazetteer import Gazetteer

SENTENCES = [  # (text, surface, name, region): spellings that differ from the gazetteer's BGN/PCGN name
    ("Ukrainian drones struck Graivoron overnight, the regional governor said.", "Graivoron", "Grayvoron",
     "Belgorod"),
    ("Two civilians were wounded when shells hit Bolshoe Soldatskoe.", "Bolshoe Soldatskoe",
     "Bol’shoye Soldatskoye", "Kursk"),
]


@pytest.mark.parametrize("text, surface, name, region", SENTENCES)
def test_simplified_spelling_resolves(gz: Gazetteer, text: str, surface: str, name: str, region: str) -> None:
    got = [(m.text, m.resolution.place.name, m.resolution.place.admin1, m.resolution.place.country_code)
           for m in gz.geoparse(text) if m.resolution]
    assert (surface, name, region, "RU") in got, got


def _vowel_y_villages() -> list[dict[str, str]]:
    with gzip.open(str(files("gazetteer").joinpath("data", "ru_border_places.tsv.gz")), "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r for r in rows if re.search(r"[aeou]y[bcdfgklmnprstvz]", r["name"])]


def test_ai_spelling_of_every_ay_village_finds_a_russian_place_nearby(gz: Gazetteer) -> None:
    """The rule, on every bundled village with a vowel + y + consonant (Baytsury, Veydelevka): the i spelling
    is a name of a Russian place within 10 km of the village (the village or a town the list merged into),
    unless that spelling names a place in Ukraine (a derived spelling never shadows a Ukrainian name)."""
    rows = _vowel_y_villages()
    missed, checked = [], 0
    for r in rows:
        alt = re.sub(r"(?<=[aeou])y(?=[bcdfgklmnprstvz])", "i", r["name"])
        if gz.search(alt, country="UA", limit=1):
            continue
        checked += 1
        lat, lon = float(r["lat"]), float(r["lon"])
        near = [p for p in gz.search(alt, country="RU", limit=20)
                if abs(p.lat - lat) < 0.1 and abs(p.lon - lon) < 0.15]
        if not near:
            missed.append((r["name"], alt))
    assert checked > 25
    assert not missed, missed
