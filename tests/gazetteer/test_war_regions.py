"""First-level regions of the war zone: every Ukrainian oblast (and the Russian border regions) understood
under its usual English, Ukrainian and Russian names, and placed by the project's convention: a region
named after a city sits at that city (ACLED codes region-level events to the provincial capital); a region
not named after a city keeps a point inside its polygon."""
from __future__ import annotations

import pytest

from gazetteer.geometry import haversine_km
from gazetteer.translit import ru_to_latin, uk_to_latin



# region place id -> the city it is named after (None: not named after a city), written from the
# oblasts' official names, not read from the data
NAMED_AFTER = {
    "ne1:UA-71": "Cherkasy", "ne1:UA-74": "Chernihiv", "ne1:UA-77": "Chernivtsi", "ne1:UA-12": "Dnipro",
    "ne1:UA-14": "Donetsk", "ne1:UA-26": "Ivano-Frankivsk", "ne1:UA-63": "Kharkiv", "ne1:UA-65": "Kherson",
    "ne1:UA-68": "Khmelnytskyi", "ne1:UA-35": "Kropyvnytskyi", "ne1:UA-09": "Luhansk",
    "ne1:UA-46": "Lviv", "ne1:UA-48": "Mykolaiv", "ne1:UA-51": "Odesa", "ne1:UA-53": "Poltava",
    "ne1:UA-56": "Rivne", "ne1:UA-59": "Sumy", "ne1:UA-61": "Ternopil", "ne1:UA-05": "Vinnytsia",
    "ne1:UA-23": "Zaporizhzhia", "ne1:UA-18": "Zhytomyr", "ne1:UA-40": "Sevastopol",
    "ne1:UA-43": None, "ne1:UA-07": None, "ne1:UA-21": None,
    "ne1:UA-32": None,      # named after Kyiv, a region of its own outside it: the point stays inside the oblast
    "ne1:RU-KRS": "Kursk", "ne1:RU-BEL": "Belgorod", "ne1:RU-BRY": "Bryansk", "ne1:RU-VOR": "Voronezh",
}


def test_the_table_covers_every_ukrainian_region(gz) -> None:  # noqa: ANN001
    ua = {e.place.place_id for e in gz.index.admin1_entries(f"UA.{i:02d}" for i in range(1, 28)).values()}
    assert ua and ua - {"ne1:UA-30"} <= set(NAMED_AFTER), sorted(ua - set(NAMED_AFTER))


@pytest.mark.parametrize("place_id,city", sorted(NAMED_AFTER.items()))
def test_region_point_follows_the_convention(gz, place_id: str, city: str | None) -> None:  # noqa: ANN001
    region = gz.get(place_id)
    assert region is not None and region.kind == "admin1"
    if city is None:
        assert gz.index.contains(place_id, region.lat, region.lon)
        return
    towns = [p for p in gz.search(city, country=region.country_code, limit=20) if p.kind in ("city", "town")]
    assert towns, city
    named = max(towns, key=lambda p: (p.admin1_code == region.admin1_code, p.population))
    assert haversine_km(region.lat, region.lon, named.lat, named.lon) < 2, (region.name, named.name)


def _ua_regions(gz):  # noqa: ANN001, ANN202
    return [gz.get(pid) for pid in NAMED_AFTER if pid.startswith("ne1:UA") and pid != "ne1:UA-40"]


def test_every_oblast_under_its_english_names(gz) -> None:  # noqa: ANN001
    for region in _ua_regions(gz):
        for q in (f"{region.name} oblast", f"{region.name} Oblast", f"{region.name} region", f"the {region.name} region"):
            r = gz.geocode_resolution(q)
            assert r is not None and r.place.place_id == region.place_id, (q, r and r.place.name)


def test_every_oblast_under_its_ukrainian_and_russian_names(gz) -> None:  # noqa: ANN001
    """The Cyrillic official names, and their romanisations ("Kharkivska oblast", "Kharkovskaya oblast")."""
    for region in _ua_regions(gz):
        if region.place_id == "ne1:UA-43":
            continue                     # Crimea is a republic, named below
        cyr = [n for n in region.alt_names if n.endswith(("область", "Область"))]
        assert cyr, region.name
        for n in cyr[:3]:
            for q in (n, uk_to_latin(n), ru_to_latin(n)):
                r = gz.geocode_resolution(q)
                assert r is not None and r.place.place_id == region.place_id, (q, r and r.place.name)


@pytest.mark.parametrize("query,place_id", [
    ("Kyiv Oblast", "ne1:UA-32"), ("Kiev oblast", "ne1:UA-32"), ("Kyivska oblast", "ne1:UA-32"),
    ("Kyiv region", "ne1:UA-32"), ("Київська область", "ne1:UA-32"), ("Kyivshchyna", "ne1:UA-32"),
    ("Kyiv City", "ne1:UA-30"),
    ("Autonomous Republic of Crimea", "ne1:UA-43"), ("AR Crimea", "ne1:UA-43"), ("Crimea", "ne1:UA-43"),
    ("Kursk oblast", "ne1:RU-KRS"), ("Kurskaya oblast", "ne1:RU-KRS"), ("Belgorod region", "ne1:RU-BEL"),
    ("Belgorodskaya oblast", "ne1:RU-BEL"), ("Bryansk oblast", "ne1:RU-BRY"),
    ("Moscow Oblast", "ne1:RU-MOS"), ("Moscow region", "ne1:RU-MOS"),
])
def test_region_names(gz, query: str, place_id: str) -> None:  # noqa: ANN001
    r = gz.geocode_resolution(query)
    assert r is not None and r.place.place_id == place_id, (query, r and (r.place.name, r.place.place_id))


def test_kyiv_alone_is_the_city(gz) -> None:  # noqa: ANN001
    r = gz.geocode_resolution("Kyiv")
    assert r is not None and r.place.kind == "city"


def test_kyiv_oblast_in_running_text_is_the_oblast(gz) -> None:  # noqa: ANN001
    ms = gz.geoparse("Air defence was active in Kyiv Oblast overnight, and in Kyiv itself.")
    by = {m.text: m.resolution for m in ms if m.resolution}
    assert by["Kyiv Oblast"].place.place_id == "ne1:UA-32"
    assert by["Kyiv"].place.kind == "city"
