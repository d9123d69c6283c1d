"""The JSON API: incidents as JSON, GeoJSON (schema + GDAL) and CSV under the shared filters; ingest; corrections."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import jsonschema
import pytest
from web_factory import sample

from paths import SEED, TEST_DATA

SCHEMA = json.loads((TEST_DATA / "geojson.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def sample_client(app):
    art, incs = sample()
    app.extensions["webmap"].store.add(art, incs)
    return app.test_client()


def test_api_seed_incidents_json(seeded_client, seeded_app):
    r = seeded_client.get("/api/incidents")
    assert r.status_code == 200 and r.is_json
    body = r.get_json()
    assert body["ok"] is True and body["count"] == seeded_app.extensions["webmap"].store.count() > 0
    first = body["incidents"][0]
    assert first["sources"] and first["sources"][0]["sentence"]
    assert first["article_title"] is not None and first["corrected"] is False


def test_api_geojson_is_valid_rfc7946_lon_lat(seeded_client):
    r = seeded_client.get("/api/incidents.geojson")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    assert "Content-Disposition" not in r.headers
    fc = json.loads(r.data)
    jsonschema.validate(fc, SCHEMA)
    assert fc["features"]
    for f in fc["features"]:
        props = f["properties"]
        if f["geometry"]["type"] == "Point":
            assert f["geometry"]["coordinates"] == [props["lon"], props["lat"]]


def test_api_geojson_download_and_filters(seeded_client):
    everything = json.loads(seeded_client.get("/api/incidents.geojson").data)["features"]
    cat = everything[0]["properties"]["category"]
    r = seeded_client.get(f"/api/incidents.geojson?category={cat}&download=1")
    assert r.headers["Content-Disposition"] == 'attachment; filename="incidents.geojson"'
    some = json.loads(r.data)["features"]
    assert some and all(f["properties"]["category"] == cat for f in some)
    assert len(some) == sum(1 for f in everything if f["properties"]["category"] == cat)


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL's ogrinfo is not installed")
def test_api_geojson_opens_in_gdal(seeded_client, tmp_path):
    fc = json.loads(seeded_client.get("/api/incidents.geojson").data)
    path = tmp_path / "incidents.geojson"
    path.write_bytes(seeded_client.get("/api/incidents.geojson").data)
    out = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    assert f"Feature Count: {len(fc['features'])}" in out
    kinds = {f["geometry"]["type"] for f in fc["features"]}
    expected = f"Geometry: {kinds.pop()}" if len(kinds) == 1 else "Geometry: Unknown (any)"
    assert expected in out, out


@pytest.mark.parametrize("query, needle", [
    ("category=teleport", "teleport"),
    ("date_from=2024-99-01", "2024-99-01"),
    ("precision=7", "'7'"),
])
@pytest.mark.parametrize("path", ["/api/incidents", "/api/incidents.geojson", "/api/incidents.csv"])
def test_api_bad_filters_are_400_naming_the_value(sample_client, path, query, needle):
    r = sample_client.get(f"{path}?{query}")
    assert r.status_code == 400
    body = r.get_json()
    assert body["ok"] is False and body["status"] == 400 and needle in body["error"]


def test_api_incident_by_id_and_404(sample_client):
    _, incs = sample()
    r = sample_client.get(f"/api/incidents/{incs[0].incident_id}")
    assert r.status_code == 200 and r.get_json()["incident"]["location_name"] == "Kharkiv"
    r = sample_client.get("/api/incidents/does-not-exist")
    assert r.status_code == 404 and r.get_json() == {"ok": False, "status": 404,
                                                     "error": "No incident 'does-not-exist'."}


def test_api_csv_uses_acled_columns(sample_client):
    r = sample_client.get("/api/incidents.csv?category=missile_strike&download=1")
    assert r.mimetype == "text/csv" and "incidents.csv" in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.data.decode("utf-8"))))
    assert len(rows) == 1
    row = rows[0]
    for col in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "admin1", "location", "latitude",
                "longitude", "geo_precision", "fatalities", "notes", "country", "actor1"):
        assert col in row
    assert row["event_type"] == "Explosions/Remote violence" and row["fatalities"] == "2"
    assert row["country"] == "Ukraine" and row["iso"] == "804" and row["latitude"] == "49.98" and row["actor1"] == "Russian forces"


def test_api_post_article_json_stores_once(app):
    client = app.test_client()
    text = SEED.read_text(encoding="utf-8")
    r = client.post("/api/articles", json={"text": text, "title": "Kursk, day six"})
    assert r.status_code == 201, r.data
    art = r.get_json()["articles"][0]
    assert art["added"] is True and art["incidents"] and art["url"] == f"/articles/{art['article_id']}"
    again = client.post("/api/articles", json={"text": text, "title": "Copy"})
    assert again.status_code == 200 and again.get_json()["articles"][0]["added"] is False
    assert app.extensions["webmap"].store.stats()["articles"] == 1


def test_api_post_bad_json_is_400(app):
    r = app.test_client().post("/api/articles", data=b'{"text": ', content_type="application/json")
    assert r.status_code == 400 and "invalid JSON" in r.get_json()["error"]
    r = app.test_client().post("/api/articles", json={"title": "no text"})
    assert r.status_code == 400 and '"text"' in r.get_json()["error"]


def test_api_correction_shows_in_exports_and_survives_reingest(sample_client, app):
    art, incs = sample()
    iid = incs[1].incident_id
    r = sample_client.post(f"/api/incidents/{iid}/correction",
                           json={"category": "air_strike", "lat": 50.3, "lon": 36.9, "note": "checked"})
    assert r.status_code == 200, r.data
    inc = r.get_json()["incident"]
    assert inc["corrected"] and inc["category"] == "air_strike" and inc["machine"]["category"] == "drone_strike"
    app.extensions["webmap"].store.add(art, incs, replace_existing=True)
    fc = json.loads(sample_client.get("/api/incidents.geojson?category=air_strike").data)
    (feat,) = fc["features"]
    assert feat["properties"]["corrected"] is True and feat["geometry"]["coordinates"] == [36.9, 50.3]
    assert feat["properties"]["machine_category"] == "drone_strike"
    rows = list(csv.DictReader(io.StringIO(sample_client.get("/api/incidents.csv").data.decode())))
    assert {r["event_id_cnty"]: r["corrected"] for r in rows}[iid] == "1"
    bad = sample_client.post(f"/api/incidents/{iid}/correction", json={"lat": 95, "lon": 10})
    assert bad.status_code == 400 and "lat" in bad.get_json()["error"]
    gone = sample_client.delete(f"/api/incidents/{iid}/correction", headers={"Content-Type": "application/json"})
    assert gone.status_code == 200 and gone.get_json()["incident"]["corrected"] is False


def test_api_correction_history_and_undo(sample_client):
    _, incs = sample()
    iid = incs[1].incident_id
    assert sample_client.post(f"/api/incidents/{iid}/correction", json={"category": "air_strike"}).status_code == 200
    assert sample_client.post(f"/api/incidents/{iid}/correction",
                              json={"lat": 50.3, "lon": 36.9, "note": "second"}).status_code == 200
    inc = sample_client.get(f"/api/incidents/{iid}").get_json()["incident"]
    assert inc["category"] == "air_strike" and inc["lat"] == 50.3               # the latest wins, the earlier kept
    hist = sample_client.get(f"/api/incidents/{iid}/corrections").get_json()["history"]
    assert [(h["action"], h["undone_at"]) for h in hist] == [("correct", None), ("correct", None)]
    assert hist[0]["correction"]["category"] == "air_strike" and hist[1]["correction"]["note"] == "second"
    r = sample_client.post(f"/api/incidents/{iid}/correction/undo", json={})
    assert r.status_code == 200 and r.get_json()["undone"] is True
    inc = r.get_json()["incident"]
    assert inc["category"] == "air_strike" and inc["lat"] == incs[1].lat
    hist = sample_client.get(f"/api/incidents/{iid}/corrections").get_json()["history"]
    assert hist[1]["undone_at"] and hist[0]["undone_at"] is None
    assert sample_client.get("/api/incidents/nope/corrections").status_code == 404
    assert sample_client.post("/api/incidents/nope/correction/undo", json={}).status_code == 404


def test_unlocated_incidents_are_exported_with_a_null_geometry_and_marked_in_the_csv(app):
    from dataclasses import replace
    art, incs = sample()
    lost = replace(incs[1], incident_id=incs[1].incident_id + "-lost", lat=None, lon=None, place_id=None,
                   geo_precision=None, location_name="Zzyzxville", geometry=None)
    nameless = replace(incs[0], incident_id=incs[0].incident_id + "-nameless", lat=None, lon=None, place_id=None,
                       geo_precision=None, location_name="", geometry=None)
    app.extensions["webmap"].store.add(art, incs + [lost, nameless])
    client = app.test_client()
    fc = json.loads(client.get("/api/incidents.geojson").data)
    jsonschema.validate(fc, SCHEMA)
    assert len(fc["features"]) == 5                                   # never silently dropped
    by_id = {f["id"]: f for f in fc["features"]}
    assert by_id[lost.incident_id]["geometry"] is None and by_id[lost.incident_id]["properties"]["unlocated"] is True
    assert by_id[lost.incident_id]["properties"]["unlocated_reason"] == "place not found in the gazetteer: Zzyzxville"
    assert by_id[nameless.incident_id]["properties"]["unlocated_reason"] == "no place named in the report"
    assert "unlocated" not in by_id[incs[0].incident_id]["properties"]
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(client.get("/api/incidents.csv").data.decode()))}
    assert len(rows) == 5 and rows[lost.incident_id]["latitude"] == ""
    assert rows[lost.incident_id]["unlocated"].startswith("place not found") and rows[incs[0].incident_id]["unlocated"] == ""
    # the exports follow the filters exactly: a category keeps its unlocated, a box has none
    fc = json.loads(client.get("/api/incidents.geojson?category=drone_strike").data)
    assert {f["id"] for f in fc["features"]} == {incs[1].incident_id, lost.incident_id}
    fc = json.loads(client.get("/api/incidents.geojson?bbox=20,40,45,60").data)
    assert all(f["geometry"] is not None for f in fc["features"]) and len(fc["features"]) == 3
    # the map page flags them beside the count
    html = client.get("/").data.decode()
    assert 'id="wm-unlocated"' in html and "2 without coordinates" in html
    assert 'id="wm-unlocated"' not in client.get("/?bbox=20,40,45,60").data.decode()
