"""Build real Article/Incident value objects for the web tests (no pipeline needed for unit tests)."""
from __future__ import annotations

from webmap.incidents.loaders import from_text
from webmap.incidents.categories import CATEGORIES, get_category
from webmap.incidents.models import Article, Incident, SourceSpan
from webmap.incidents.sentences import split_sentences

TEXT = ("Russian missiles struck Kharkiv on Monday, killing two people. "
        "Drones hit an oil depot near Belgorod. "
        "Ukrainian forces advanced in Kursk oblast.")
PLACES = {  # name -> (place_id, country, admin1, lat, lon, precision)
    "Kharkiv": ("gn:706483", "UA", "Kharkiv Oblast", 49.98, 36.25, 1),
    "Belgorod": ("gn:578072", "RU", "Belgorod Oblast", 50.61, 36.58, 2),
    "Kursk oblast": ("ne1:RU-KRS", "RU", "Kursk Oblast", 51.6, 36.1, 3),
}
KURSK_POLY = {"type": "Polygon", "coordinates": [[[35.0, 51.0], [37.5, 51.0], [37.5, 52.3], [35.0, 52.3], [35.0, 51.0]]]}


def article(text: str = TEXT, title: str = "Strikes overnight", date: str = "2024-08-12") -> Article:
    """An article made by the real loader."""
    return from_text(text, title=title, date=date, source_name="test.txt")


def incident(art: Article, sentence: int, category: str, place: str, date: str | None = None,
             counts: tuple[tuple[str, int], ...] = (), suffix: str = "") -> Incident:
    """An incident of one sentence of ``art`` at a known place, with exact place offsets."""
    s = split_sentences(art)[sentence]
    pid, cc, admin1, lat, lon, prec = PLACES[place]
    at = art.text.index(place, s.start)
    cat = get_category(category)
    return Incident(
        incident_id=f"{art.article_id}-{sentence}{suffix}", category=cat.key, event_type=cat.event_type,
        sub_event_type=cat.sub_event_type, date=date or art.date, date_precision="day", location_name=place,
        place_id=pid, country_code=cc, admin1=admin1, lat=lat, lon=lon, geo_precision=prec, score=0.8,
        geometry=KURSK_POLY if prec == 3 else None, actors=(("actor1", "Russian forces"),), weapons=("missile",),
        counts=counts, sources=(SourceSpan(art.article_id, s.index, s.text, s.start, s.end,
                                           place_start=at, place_end=at + len(place)),))


def sample() -> tuple[Article, list[Incident]]:
    """The test article and its three incidents (missile strike, drone strike, ground assault)."""
    art = article()
    return art, [incident(art, 0, "missile_strike", "Kharkiv", counts=(("killed", 2),)),
                 incident(art, 1, "drone_strike", "Belgorod", date="2024-08-13"),
                 incident(art, 2, "ground_assault", "Kursk oblast", date="2024-08-14")]


def synthetic(n: int, seed: int = 1) -> tuple[Article, list[Incident]]:
    """``n`` incidents spread over Ukraine and western Russia, all categories, 60 days (benchmarks, scale tests)."""
    import random
    rnd = random.Random(seed)
    art = article(text=f"Synthetic article {n}. " + TEXT)
    s = split_sentences(art)[0]
    out = []
    for i in range(n):
        cat = CATEGORIES[i % len(CATEGORIES)]
        out.append(Incident(
            incident_id=f"syn-{i}", category=cat.key, event_type=cat.event_type, sub_event_type=cat.sub_event_type,
            date=f"2024-{7 + (i % 60) // 30:02d}-{1 + (i % 30):02d}", date_precision="day", location_name=f"Place {i}",
            place_id=None, country_code="UA", admin1="Somewhere", lat=round(rnd.uniform(44.5, 52.5), 5),
            lon=round(rnd.uniform(23.0, 40.0), 5), geo_precision=1 + i % 3, score=0.5,
            sources=(SourceSpan(art.article_id, 0, s.text, s.start, s.end),)))
    return art, out
