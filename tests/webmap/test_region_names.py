"""The region filters take a region's name in any language: ``region`` and ``within`` accept "Харківська область",
"Харьковская область", "Kharkiv Oblast", "Харківщина" or "Курская область" as well as the English admin-1 name
and the area id, on the real gazetteer and a real store."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from paths import TEST_DATA
from webmap.filters import FilterError, parse_filters, region_by_name

DATA = TEST_DATA / "telegram"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from webmap import create_app
    from webmap.appcli import ingest_paths
    tmp: Path = tmp_path_factory.mktemp("regions")
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp), "DATABASE": str(tmp / "r.sqlite"), "SECRET_KEY": "t"})
    added, _, errors = ingest_paths(app, [DATA / "channel_uk_old.json", DATA / "channel_ru.json"], stream=io.StringIO())
    assert added == 5 and errors == []
    with app.test_client() as c:
        yield c


def _ids(client, query: str) -> set[str]:
    r = client.get("/api/incidents", query_string=query)
    assert r.status_code == 200, r.get_json()
    return {i["incident_id"] for i in r.get_json()["incidents"]}


@pytest.mark.parametrize("name, area, admin1", [
    ("Харківська область", "ne1:UA-63", "Kharkiv"),
    ("Харьковская область", "ne1:UA-63", "Kharkiv"),
    ("Харківщина", "ne1:UA-63", "Kharkiv"),
    ("Kharkiv Oblast", "ne1:UA-63", "Kharkiv"),
    ("Курская область", "ne1:RU-KRS", "Kursk"),
    ("Курська область", "ne1:RU-KRS", "Kursk"),
    ("ne1:RU-KRS", "ne1:RU-KRS", "Kursk"),
])
def test_region_names_map_to_the_region(name: str, area: str, admin1: str) -> None:
    assert region_by_name(name) == (area, admin1)
    # a Latin region name is matched as given (stored admin-1 names may be "Kharkiv Oblast"); a Cyrillic one or
    # an area id is read as the gazetteer's region
    assert parse_filters({"region": name}).region == (name if name.isascii() and ":" not in name else admin1)
    assert parse_filters({"within": name}).within == area


def test_unknown_names() -> None:
    assert region_by_name("Нарнийская область") is None
    assert parse_filters({"region": "Нарнийская область"}).region == "Нарнийская область"   # matches nothing
    with pytest.raises(FilterError, match="within: unknown region"):
        parse_filters({"within": "Нарнийская область"})


def test_the_api_filters_by_cyrillic_region_names(client) -> None:
    kharkiv = _ids(client, "region=Kharkiv")
    kursk = _ids(client, "region=Kursk")
    assert kharkiv and kursk and not kharkiv & kursk
    for name in ("Харківська область", "Харьковская область", "ne1:UA-63"):
        assert _ids(client, f"region={name}") == kharkiv
    for name in ("Харківська область", "Харьковская область", "Kharkiv Oblast"):
        assert _ids(client, f"within={name}") == _ids(client, "within=ne1:UA-63") == kharkiv
    assert _ids(client, "region=Курская область") == _ids(client, "within=Курська область") == kursk
    r = client.get("/api/incidents", query_string="within=Нарнийская область")
    assert r.status_code == 400 and "unknown region" in r.get_json()["error"]
    # the GeoJSON export and the map page take the same names
    assert client.get("/api/incidents.geojson", query_string="region=Харківська область").status_code == 200
    assert client.get("/", query_string="region=Харківська область").status_code == 200
