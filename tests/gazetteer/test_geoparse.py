"""Recognition and resolution on real text with the real bundled gazetteer."""
from __future__ import annotations


import pytest

from gazetteer import Gazetteer, Mention
from geo import km

from paths import SEED


@pytest.fixture(scope="module")
def seed_mentions(gz: Gazetteer) -> tuple[str, list[Mention]]:
    text = SEED.read_text(encoding="utf-8")
    return text, gz.geoparse(text)


def _find(mentions: list[Mention], surface: str, after: int = 0) -> Mention:
    for m in mentions:
        if m.text == surface and m.start >= after:
            return m
    raise AssertionError(f"no mention {surface!r} in {[m.text for m in mentions]}")


def test_seed_offsets_are_exact(seed_mentions):
    text, mentions = seed_mentions
    assert mentions, "no mentions at all"
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_seed_kursk_city_where_text_means_city(seed_mentions):
    text, mentions = seed_mentions
    m = _find(mentions, "Kursk", after=text.index("hitting a building"))
    assert m.resolution.place.kind == "city"
    assert km(m.lat, m.lon, 51.73, 36.19) < 5
    assert m.resolution.precision == 1


def test_seed_kursk_region_is_the_oblast(seed_mentions):
    text, mentions = seed_mentions
    m = _find(mentions, "Kursk region")
    r = m.resolution
    assert r.place.kind == "admin1" and r.place.admin1_code == "RU.41"
    assert r.precision == 3
    assert r.geometry and r.geometry["type"] in ("Polygon", "MultiPolygon")


def test_seed_korenovo_is_korenevo(seed_mentions):
    _, mentions = seed_mentions
    m = _find(mentions, "Korenovo")
    assert km(m.lat, m.lon, 51.41, 34.90) < 3
    assert m.resolution.place.admin1_code == "RU.41"


def test_seed_rozhivka_in_kyiv_oblast(seed_mentions):
    _, mentions = seed_mentions
    m = _find(mentions, "Rozhivka")
    assert km(m.lat, m.lon, 50.59, 30.78) < 10
    assert m.resolution.place.country_code == "UA"
    kiev_region = _find(mentions, "Kiev region", after=m.start)
    assert kiev_region.resolution.place.admin1_code == "UA.13"


def test_seed_capital_of_kiev_is_kyiv(seed_mentions):
    text, mentions = seed_mentions
    m = _find(mentions, "Kiev", after=text.index("the capital of"))
    assert km(m.lat, m.lon, 50.45, 30.52) < 5


def test_seed_donbass_is_an_area(seed_mentions):
    _, mentions = seed_mentions
    m = next(m for m in mentions if m.text.startswith("Donbass"))
    r = m.resolution
    assert r.place.kind == "area" and r.precision == 3
    assert km(r.lat, r.lon, 48.5, 38.3) < 60
    assert r.geometry["type"] in ("Polygon", "MultiPolygon")


def test_seed_north_korean_is_a_demonym(seed_mentions):
    _, mentions = seed_mentions
    m = _find(mentions, "North Korean")
    assert m.role == "demonym"
    assert m.resolution.place.country_code == "KP"


@pytest.mark.parametrize("word", ["Zelensky", "Brink", "Sunday", "Reuters", "Foreign Ministry", "Syrskyii",
                                  "Bridget", "Shahed", "Putin", "Moscow Defense"])
def test_seed_people_days_and_organisations_are_not_places(seed_mentions, word):
    _, mentions = seed_mentions
    assert not any(m.text == word and m.role == "place" for m in mentions)


def test_possessive_and_demonyms(gz):
    ms = gz.geoparse("Russia's army and Ukrainian drones hit the Russian port.")
    russia = _find(ms, "Russia")
    assert russia.role == "place" and russia.resolution.place.country_code == "RU"
    assert _find(ms, "Ukrainian").role == "demonym"


def test_cyrillic_names(gz):
    ms = gz.geoparse("Вибухи у Київ та Курськ. Обстріл Курск.")
    kyiv = _find(ms, "Київ")
    assert km(kyiv.lat, kyiv.lon, 50.45, 30.52) < 5
    kursk = _find(ms, "Курск")
    assert km(kursk.lat, kursk.lon, 51.73, 36.19) < 5


@pytest.mark.parametrize("text,surface,lat,lon", [
    ("Russian forces shelled Pokrovsk and Myrnohrad in Donetsk oblast.", "Pokrovsk", 48.28, 37.18),
    ("Shelling was reported in Donetsk overnight.", "Donetsk", 48.02, 37.80),
    ("The town of Donetsk in Rostov oblast saw refugees arrive.", "Donetsk", 48.34, 39.95),
    ("We drove to Paris, Texas, for the weekend.", "Paris", 33.66, -95.56),
    ("The summit took place in Paris last week.", "Paris", 48.85, 2.35),
    ("Explosions were heard in Kharkov and Lugansk.", "Kharkov", 49.99, 36.23),
    ("The battle for Artemovsk lasted months.", "Artemovsk", 48.60, 38.00),
])
def test_ambiguous_names_follow_context(gz, text, surface, lat, lon):
    m = _find(gz.geoparse(text), surface)
    assert m.resolution is not None, m
    assert km(m.lat, m.lon, lat, lon) < 25, (m.resolution.place, m.resolution.reason)


def test_washington_post_is_not_the_city(gz):
    ms = gz.geoparse("The Washington Post reported that officials in Washington were worried.")
    post = [m for m in ms if m.start == 4]
    assert not post or post[0].role == "embedded"
    city = _find(ms, "Washington", after=20)
    assert city.role == "place"


def test_qualifiers_turn_points_into_areas(gz):
    ms = gz.geoparse("Missiles hit the suburbs of Kyiv. Fighting continued near Sudzha in the Kursk region.")
    kyiv = _find(ms, "Kyiv")
    assert kyiv.resolution.precision == 2 and kyiv.resolution.qualifier == "suburbs"
    assert kyiv.resolution.geometry["type"] in ("Polygon", "MultiPolygon")
    sudzha = _find(ms, "Sudzha")
    assert sudzha.resolution.precision == 2 and sudzha.resolution.qualifier == "near"
    assert sudzha.resolution.place.admin1_code == "RU.41"


def test_resolution_carries_alternatives_and_scores(gz):
    m = _find(gz.geoparse("Heavy fighting near Mykolaivka, Donetsk."), "Mykolaivka")
    r = m.resolution
    assert r.place.admin1_code == "UA.05"
    assert 0 < r.score <= 1
    assert r.alternatives and all(0 <= c.score <= 1 for c in r.alternatives)
    assert all(c.place.place_id != r.place.place_id for c in r.alternatives)


def test_ohio_article_works_too(gz):
    ms = gz.geoparse("Flooding closed roads in Columbus, Ohio, and in Cincinnati on Tuesday.")
    columbus = _find(ms, "Columbus")
    assert columbus.resolution.place.country_code == "US"
    assert km(columbus.lat, columbus.lon, 39.96, -83.0) < 20
    assert _find(ms, "Ohio").resolution.place.kind == "admin1"


def test_unresolvable_mention_is_returned_without_coordinates(gz):
    ms = gz.geoparse("Hundreds marched down Frenchmen Street toward the river on Sunday.")
    street = _find(ms, "Frenchmen Street")
    assert street.resolution is None and street.lat is None
    d = street.as_dict()
    assert d["lat"] is None and d["lon"] is None and d["start"] == 22 and d["end"] == 38


@pytest.mark.parametrize("text,surface,cc", [
    ("Russian-backed forces shelled the town.", "Russian", "RU"),
    ("The Kyiv-based analyst said so.", "Kyiv", "UA"),
    ("Storms hit St. Louis and Calif. overnight.", "St. Louis", "US"),
    ("Storms hit St. Louis and Calif. overnight.", "Calif", "US"),
])
def test_hyphenated_names_abbreviations(gz, text, surface, cc):
    m = _find(gz.geoparse(text), surface)
    assert m.resolution.place.country_code == cc


def test_a_county_is_a_mention_even_when_unknown(gz):
    ms = gz.geoparse("Deputies in Orange County closed the beaches.")
    assert _find(ms, "Orange County").role == "place"


def test_kyiv_suburbs_are_a_ring_inside_kyiv_oblast_and_city(gz):
    from shapely.geometry import Point, shape

    r = gz.geocode_resolution("the suburbs of Kyiv")
    g = shape(r.geometry)
    assert r.place.name == "Kyiv suburbs" and r.precision == 2
    assert g.contains(Point(30.757, 50.602))            # Rozhivka, Brovary raion
    assert not g.contains(Point(30.5238, 50.4547))      # not the city centre
    assert not g.contains(Point(30.20, 51.10))          # not beyond the oblast's belt (Chernobyl zone)
    region = shape(gz.geometry("ne1:UA-32")).union(shape(gz.geometry("ne1:UA-30")))
    assert region.buffer(0.01).contains(g)
