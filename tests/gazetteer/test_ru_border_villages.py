"""Villages of Russia's regions on the Ukrainian border (Kursk, Belgorod, Bryansk, Voronezh, Rostov), from the
GeoNames postal data (gazetteer/data/ru_border_places.tsv.gz): Russian names in every case, Latin names, each
inside its region, none a second copy of a town the gazetteer already had. Real gazetteer."""
from __future__ import annotations

import csv
import gzip
from importlib.resources import files

import pytest

from gazetteer import Gazetteer

VILLAGES = [  # (text, surface, English name, region)
    ("Дрон ВСУ атаковал автомобиль в селе Колотиловка Белгородской области.", "Колотиловка", "Kolotilovka", "Belgorod"),
    ("Бои идут у Снагости.", "Снагости", "Snagost", "Kursk"),
    ("ВСУ атаковали Толпино.", "Толпино", "Tolpino", "Kursk"),
    ("Российские войска ударили по Погребкам.", "Погребкам", "Pogrebki", "Kursk"),
    ("В Махновке идут бои.", "Махновке", "Makhnovka", "Kursk"),
    ("Бои идут в Плехово.", "Плехово", "Plekhovo", "Kursk"),
    ("Из Мартыновки эвакуировали жителей.", "Мартыновки", "Martynovka", "Kursk"),
    ("Russian troops retook Pogrebki in the Kursk region.", "Pogrebki", "Pogrebki", "Kursk"),
    ("Fighting continued near Snagost, Kursk region.", "Snagost", "Snagost", "Kursk"),
]


@pytest.mark.parametrize("text, surface, name, region", VILLAGES)
def test_border_villages_resolve(gz: Gazetteer, text: str, surface: str, name: str, region: str) -> None:
    got = [(m.text, m.resolution.place.name, m.resolution.place.admin1, m.resolution.place.country_code)
           for m in gz.geoparse(text) if m.resolution]
    assert (surface, name, region, "RU") in got, got


def _rows() -> list[dict[str, str]]:
    with gzip.open(str(files("gazetteer").joinpath("data", "ru_border_places.tsv.gz")), "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_every_bundled_village_lies_in_its_region(gz: Gazetteer) -> None:
    rows = _rows()
    assert len(rows) > 1500
    region_of = {"RU.41": "Kursk", "RU.09": "Belgorod", "RU.10": "Bryansk", "RU.86": "Voronezh", "RU.61": "Rostov"}
    assert {r["admin1_code"] for r in rows} == set(region_of)
    for r in rows:
        inside = [p.name for p in gz.reverse(float(r["lat"]), float(r["lon"])) if p.kind == "admin1"]
        assert inside == [region_of[r["admin1_code"]]], r


def test_towns_the_gazetteer_had_are_not_doubled(gz: Gazetteer) -> None:
    for ru, en in (("Коренево", "Korenevo"), ("Суджа", "Sudzha"), ("Глушково", "Glushkovo"), ("Шебекино", "Shebekino"),
                   ("Грайворон", "Grayvoron")):
        near = [p for p in gz.search(ru, country="RU") if p.admin1 in ("Kursk", "Belgorod")]
        assert [p.name for p in near] == [en], near
        assert near[0].place_id.startswith("gn:")
