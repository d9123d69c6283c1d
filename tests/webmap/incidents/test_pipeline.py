"""The whole pipeline on the real gazetteer: the seed article's incidents and a second, different article."""
from __future__ import annotations

import math

import pytest

from webmap.incidents.loaders import load_path
from webmap.incidents.models import Article, Incident
from webmap.incidents.pipeline import extract, extract_batch

from paths import ARTICLES as DATA


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed(gz, seed_article) -> tuple[Article, list[Incident]]:  # noqa: ANN001
    return seed_article, extract(seed_article, gz)


def _find(incs: list[Incident], category: str, near: tuple[float, float] | None = None, km_max: float = 10,
          admin1: str | None = None) -> Incident:
    for i in incs:
        if i.category != category or i.lat is None:
            continue
        if near and km(i.lat, i.lon, *near) > km_max:
            continue
        if admin1 and admin1.lower() not in (i.admin1 or i.location_name or "").lower():
            continue
        return i
    raise AssertionError(f"no {category} near {near} / in {admin1}: "
                         f"{[(i.category, i.location_name, i.lat, i.lon) for i in incs]}")


def _said(a: Article, i: Incident, *words: str) -> None:
    """Every source span points at its sentence; the main one holds these words."""
    for s in i.sources:
        assert a.text[s.start:s.end] == s.sentence
        if s.trigger_start is not None:
            assert s.start <= s.trigger_start < s.trigger_end <= s.end
        if s.place_start is not None:
            assert s.start <= s.place_start < s.place_end <= s.end
    assert any(all(w in s.sentence for w in words) for s in i.sources), [s.sentence for s in i.sources]


KYIV = (50.45, 30.52)
KURSK_CITY = (51.73, 36.19)


def test_seed_incursion_into_kursk_oblast(seed) -> None:  # noqa: ANN001
    a, incs = seed
    i = _find(incs, "ground_assault", admin1="Kursk")
    assert i.geo_precision == 3 and i.geometry and i.geometry["type"] in ("Polygon", "MultiPolygon")
    assert i.event_type == "Battles" and i.country_code == "RU"
    assert i.date == "2024-08-06"          # the sixth day of the invasion on 2024-08-11
    _said(a, i, "incursion")


def test_seed_missile_attack_on_kyiv_region(seed) -> None:  # noqa: ANN001
    a, incs = seed
    strikes = [i for i in incs if i.category == "missile_strike" and i.lat is not None
               and km(i.lat, i.lon, *KYIV) < 60]
    assert strikes and all(i.date == "2024-08-11" for i in strikes)
    assert all(i.sub_event_type == "Shelling/artillery/missile attack" for i in strikes)
    counts = {k: v for i in strikes for k, v in i.counts}
    assert counts.get("launched") == 4 and counts.get("killed") == 2
    weapons = " ".join(w for i in strikes for w in i.weapons)
    assert "North Korean" in weapons and "ballistic" in weapons
    assert any(("actor1", "Russian forces") in i.actors for i in strikes)
    sub = [i for i in strikes if "suburb" in (i.location_name or "").lower()]
    assert sub and sub[0].geo_precision >= 2
    civ = _find(incs, "civilian_casualties", near=KYIV, km_max=60)
    assert civ.counts_dict.get("killed") == 2 and civ.event_type == "Violence against civilians"


def test_seed_drones_and_interceptions(seed) -> None:  # noqa: ANN001
    a, incs = seed
    d = _find(incs, "drone_strike", near=KYIV, km_max=80)
    assert d.counts_dict.get("launched") == 57 and d.sub_event_type == "Air/drone strike"
    assert any("Shahed" in w for w in d.weapons)
    x = _find(incs, "interception", near=KYIV, km_max=80)
    assert x.counts_dict.get("intercepted") == 53 and x.sub_event_type == "Disrupted weapons use"
    _said(a, x, "intercepted 53")


def test_seed_rozhivka(seed) -> None:  # noqa: ANN001
    a, incs = seed
    i = next(i for i in incs if i.lat is not None and km(i.lat, i.lon, 50.59, 30.78) < 10)
    assert i.geo_precision == 1 and i.category == "missile_strike"
    src = i.sources[0]
    assert a.text[src.place_start:src.place_end] == "Rozhivka"


def test_seed_building_hit_in_kursk_city(seed) -> None:  # noqa: ANN001
    a, incs = seed
    i = next(i for i in incs if i.category in ("drone_strike", "missile_strike") and i.lat is not None
             and km(i.lat, i.lon, *KURSK_CITY) < 10)
    assert i.counts_dict.get("wounded") == 13 and i.date == "2024-08-11"
    _said(a, i, "hitting a building in Kursk")


def test_seed_convoy_near_korenevo(seed) -> None:  # noqa: ANN001
    a, incs = seed
    i = _find(incs, "equipment_destroyed", near=(51.41, 34.90), km_max=10)
    assert i.geo_precision == 2 and "T-80 tanks" in i.weapons
    assert ("actor1", "Ukrainian forces") in i.actors
    src = i.sources[0]
    assert a.text[src.place_start:src.place_end] == "Korenovo"
    assert a.text[src.trigger_start:src.trigger_end].startswith("struck and destroyed")


def test_seed_command_post_airstrikes_evacuation(seed) -> None:  # noqa: ANN001
    a, incs = seed
    c = _find(incs, "military_site_strike", admin1="Kursk")
    _said(a, c, "command-and-control center")
    air = _find(incs, "air_strike", admin1="Kursk")
    _said(a, air, "airstrikes")
    assert air.geo_precision == 3 and air.geometry["type"] in ("Polygon", "MultiPolygon")   # "into Kursk": the oblast
    ev = _find(incs, "evacuation", admin1="Kursk")
    assert ev.counts_dict.get("evacuated") == 80000
    pol = _find(incs, "political", admin1="Kursk")
    _said(a, pol, "state of emergency")


def test_seed_nothing_invented(seed) -> None:  # noqa: ANN001
    a, incs = seed
    assert 9 <= len(incs) <= 20
    for i in incs:
        assert i.country_code in ("UA", "RU"), (i.category, i.location_name, i.country_code)
        assert "donbas" not in (i.location_name or "").lower()
        assert i.lat is None or not (37 < i.lat < 43 and 124 < i.lon < 131)       # North Korea
        assert all("Ambassador to Ukraine" not in s.sentence for s in i.sources)


def test_second_article(gz) -> None:  # noqa: ANN001
    [a] = load_path(DATA / "kharkiv-odesa-2024-09-03.txt")
    incs = extract(a, gz)
    sh = _find(incs, "shelling", near=(49.71, 37.61), km_max=10)        # Kupiansk
    assert sh.date == "2024-09-02" and sh.counts_dict == {"killed": 2, "wounded": 5}
    d = _find(incs, "drone_strike", admin1="Odes")
    assert d.counts_dict.get("launched") == 35
    x = _find(incs, "interception", admin1="Odes")
    assert x.counts_dict.get("intercepted") == 29
    g = _find(incs, "ground_assault", near=(50.29, 36.94), km_max=10)    # Vovchansk
    assert g.geo_precision == 2 and g.event_type == "Battles"
    assert not any(i.location_name == "Kyiv" for i in incs)            # "the General Staff in Kyiv" reported


def test_html_article_and_batch_merge(gz) -> None:  # noqa: ANN001
    [h] = load_path(DATA / "odesa-strike.html")
    [t] = load_path(DATA / "kharkiv-odesa-2024-09-03.txt")
    one = extract(h, gz)
    assert any(i.category == "drone_strike" for i in one)
    both = extract_batch([t, h], gz)
    drones = [i for i in both if i.category == "drone_strike" and "Odes" in (i.admin1 or i.location_name)]
    told_twice = [i for i in drones if {s.article_id for s in i.sources} == {t.article_id, h.article_id}]
    assert len(told_twice) == 1 and told_twice[0].counts_dict.get("launched") == 35
    assert len(both) < len(extract(t, gz)) + len(one)


def test_short_reports_and_facilities(gz) -> None:  # noqa: ANN001
    def one(text: str) -> Incident:
        incs = extract(Article("r", text), gz)
        assert incs, text
        return max(incs, key=lambda i: i.score)

    i = one("Explosions and smoke near Odesa Airport")                 # a city named in a facility
    assert i.location_name == "Odesa" and i.event_type == "Explosions/Remote violence"
    assert one("Deceased civilians in Bucha").category == "civilian_casualties"
    obs = one("Su-25 flying over Popasna")                            # military assets seen at a place
    assert obs.event_type == "Strategic developments" and obs.score < 0.3 and obs.location_name.startswith("Popasna")
    assert extract(Article("r", "Satellite image of the Olympic Sports Training Center in Chernihiv"), gz) == []


def test_acled_style_note(gz) -> None:  # noqa: ANN001
    a = Article("n1", "On 4 June 2022, Russian forces shelled Udy, Kharkiv. 1 civilian was killed.", date="2022-06-05")
    i = max(extract(a, gz), key=lambda i: i.score)
    assert (i.event_type, i.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert i.date == "2022-06-04" and i.counts_dict.get("killed") == 1
    assert km(i.lat, i.lon, 50.39, 36.06) < 10 and i.location_name == "Udy"     # the village, not the city
    src = i.sources[0]
    assert a.text[src.place_start:src.place_end] == "Udy"
