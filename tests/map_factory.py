"""Incidents at volume on real places (the bundled gazetteer): towns of the conflict zone, several
incidents at the very same point, some only "near" a town, some known only to their oblast (with the
oblast's polygon), some undated, a few without coordinates. For the map's browser tests and benchmarks."""
from __future__ import annotations

import random

from webmap.incidents.categories import CATEGORIES
from webmap.incidents.loaders import from_text
from webmap.incidents.models import Article, Incident, SourceSpan
from webmap.incidents.sentences import split_sentences

TEXT = ("Russian forces shelled the town overnight, killing three civilians, officials said. "
        "Drones struck an energy facility in the region. "
        "Ukrainian troops advanced near the village.")
TOWNS = ("Kursk", "Sudzha", "Korenevo", "Belgorod", "Kharkiv", "Kupiansk", "Izium", "Sloviansk", "Kramatorsk",
         "Bakhmut", "Chasiv Yar", "Toretsk", "Pokrovsk", "Avdiivka", "Donetsk", "Vuhledar", "Zaporizhzhia",
         "Orikhiv", "Kherson", "Mykolaiv", "Odesa", "Izmail", "Kyiv", "Sumy", "Dnipro", "Nikopol", "Lyman",
         "Siversk", "Kostiantynivka", "Huliaipole")
REGIONS = ("ne1:UA-14", "ne1:UA-09", "ne1:RU-KRS", "ne1:UA-23", "ne1:UA-63")   # Donetsk, Luhansk, Kursk, ...


def _place(gz, name):
    hits = [p for p in gz.search(name, limit=20) if p.country_code in ("UA", "RU") and p.kind in ("city", "town", "village")]
    return max(hits, key=lambda p: p.population) if hits else None


def volume(n: int, gz, seed: int = 7) -> tuple[Article, list[Incident]]:
    """``n`` incidents over 60 days on the towns above (about 5% region-level, 3% undated, 1% unlocated)."""
    rnd = random.Random(seed)
    art = from_text(f"Volume report {n}. " + TEXT, title=f"Front report ({n} incidents)", date="2024-08-31",
                    source_name="volume.txt")
    s = split_sentences(art)[1]
    towns = [p for p in (_place(gz, t) for t in TOWNS) if p is not None]
    regions = [p for p in (gz.get(r) for r in REGIONS) if p is not None]
    out = []
    for i in range(n):
        cat = CATEGORIES[rnd.randrange(len(CATEGORIES))]
        roll = rnd.random()
        date = None if roll < 0.03 else f"2024-{7 + (d := rnd.randrange(60)) // 31:02d}-{1 + d % 31:02d}"
        if rnd.random() < 0.05 and regions:
            p = rnd.choice(regions)
            lat, lon, prec, geometry, pid, name = p.lat, p.lon, 3, gz.geometry(p.place_id), p.place_id, p.name
        else:
            p = rnd.choice(towns)
            prec = 2 if rnd.random() < 0.2 else 1
            lat, lon, geometry, pid, name = p.lat, p.lon, None, p.place_id, p.name
            if rnd.random() < 0.15:                 # a site given by its own coordinates, a few km out of town
                lat, lon = round(lat + rnd.uniform(-0.06, 0.06), 5), round(lon + rnd.uniform(-0.08, 0.08), 5)
        if rnd.random() < 0.01:
            lat = lon = None
        out.append(Incident(
            incident_id=f"vol-{i}", category=cat.key, event_type=cat.event_type, sub_event_type=cat.sub_event_type,
            date=date, date_precision="day", location_name=name, place_id=pid, country_code=p.country_code,
            admin1=p.admin1 or p.name, lat=lat, lon=lon, geo_precision=prec, score=0.7, geometry=geometry,
            counts=(("killed", rnd.randrange(4)),) if rnd.random() < 0.3 else (),
            sources=(SourceSpan(art.article_id, s.index, s.text, s.start, s.end),)))
    return art, out
