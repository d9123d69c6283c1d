"""The web app on a PostgreSQL + PostGIS store (WEBMAP_DATABASE=postgresql://...): the real pipeline, the API,
the map page, the bbox/within filters and the GeoJSON export, against a real server."""
from __future__ import annotations

import json

import pytest
from paths import SEED, SEEDS

pytestmark = pytest.mark.postgis


@pytest.fixture
def pg_app(pg_url, tmp_path, monkeypatch):
    from webmap import create_app

    monkeypatch.setenv("WEBMAP_DATABASE", pg_url)             # chosen by URL, as a team server is configured
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "t",
                      "SEEDS_DIR": str(SEEDS)})
    yield app
    app.extensions["webmap"].store.close()


def test_app_on_postgis_ingests_filters_exports_and_corrects(pg_app):
    from webmap.store.postgis import PostGISStore

    store = pg_app.extensions["webmap"].store
    assert isinstance(store, PostGISStore)
    c = pg_app.test_client()
    body = {"id": "kursk-seed", "title": "Kursk <script>alert(1)</script>", "date": "2024-08-11",
            "text": SEED.read_text(encoding="utf-8")}
    r = c.post("/api/articles", json=body)
    assert r.status_code == 201, r.get_data(as_text=True)
    n = len(r.get_json()["articles"][0]["incidents"])
    assert n >= 10
    assert c.post("/api/articles", json=body).status_code == 200                  # the same article: stored once
    assert c.post("/api/articles", json={**body, "text": "Shelling of Kherson."}).status_code == 409

    everything = c.get("/api/incidents").get_json()
    assert everything["count"] == n == store.stats()["incidents"]
    kursk_box = "34,50.8,38.6,52.5"
    in_box = [i for i in everything["incidents"] if i["lat"] is not None
              and 34 <= i["lon"] <= 38.6 and 50.8 <= i["lat"] <= 52.5]
    got = c.get(f"/api/incidents?bbox={kursk_box}").get_json()
    assert got["count"] == len(in_box) > 0
    assert {i["incident_id"] for i in got["incidents"]} == {i["incident_id"] for i in in_box}
    kursk_oblast = c.get("/api/incidents?within=ne1:RU-KRS")
    assert kursk_oblast.status_code == 200, kursk_oblast.get_data(as_text=True)
    assert 0 < kursk_oblast.get_json()["count"] <= len(in_box)

    fc = json.loads(c.get(f"/api/incidents.geojson?bbox={kursk_box}").get_data(as_text=True))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(in_box)
    assert all(34 <= f["properties"]["lon"] <= 38.6 for f in fc["features"])

    assert c.get("/api/incidents?bbox=1,2,3").status_code == 400
    assert c.get("/api/incidents?within=nowhere:0").status_code == 400

    # a correction moves an incident out of the box, and the map page still renders
    first = got["incidents"][0]["incident_id"]
    r = c.post(f"/api/incidents/{first}/correction", json={"lat": 49.84, "lon": 24.03, "place_name": "Lviv"})
    assert r.status_code == 200 and r.get_json()["incident"]["lat"] == 49.84
    assert c.get(f"/api/incidents?bbox={kursk_box}").get_json()["count"] == len(in_box) - 1
    page = c.get(f"/?bbox={kursk_box}")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.get_data(as_text=True)


@pytest.mark.parametrize("how, expected", [("default", 8), ("env", 3), ("mapping", 2)])
def test_the_pool_size_comes_from_the_app_config(pg_url, tmp_path, monkeypatch, how, expected):
    """DB_POOL (WEBMAP_DB_POOL in the environment, or create_app's mapping) sizes the store's connection pool."""
    from webmap import create_app

    if how == "env":
        monkeypatch.setenv("WEBMAP_DB_POOL", "3")
    extra = {"DB_POOL": 2} if how == "mapping" else {}
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "t",
                      "DATABASE": pg_url, **extra})
    store = app.extensions["webmap"].store
    try:
        assert app.config["DB_POOL"] == expected
        assert store._get_pool().max_size == expected
    finally:
        store.close()
