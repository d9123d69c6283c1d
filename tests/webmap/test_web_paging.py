"""Issue 10, item 5: exports are streamed from the store in chunks; the JSON API pages with a maximum.

Memory figures are measured in benchmarks/bench_export_memory.py (docs/BENCHMARKS-web.md)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from web_factory import synthetic


@pytest.fixture
def big_app(app):
    art, incs = synthetic(2600)
    store = app.extensions["webmap"].store
    store.add(art, incs)
    store.correct(__import__("webmap.store", fromlist=["Correction"]).Correction(
        incident_id="syn-7", category="air_strike", lat=50.0, lon=30.0, note="moved"))
    return app


def test_api_pages_with_next_links_and_a_maximum(big_app):
    client = big_app.test_client()
    first = client.get("/api/incidents").get_json()
    assert first["count"] == 2600 and first["returned"] == 1000 == first["limit"] and first["offset"] == 0
    seen = [i["incident_id"] for i in first["incidents"]]
    url = first["next"]
    while url:
        page = client.get(url).get_json()
        seen += [i["incident_id"] for i in page["incidents"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 2600
    everything = [r.incident.incident_id for r in big_app.extensions["webmap"].store.query()]
    assert seen == everything                                     # same order as the store's, no gap
    small = client.get("/api/incidents?limit=7&offset=2595&category=shelling").get_json()
    assert small["limit"] == 7 and small["next"] is None or "category=shelling" in small["next"]
    for bad in ("limit=1001", "limit=-1", "limit=abc", "offset=x", "limit=true"):
        r = client.get("/api/incidents?" + bad)
        assert r.status_code == 400 and bad.split("=")[0] in r.get_json()["error"], bad


def test_geojson_and_csv_are_streamed_and_complete(big_app):
    client = big_app.test_client()
    r = client.get("/api/incidents.geojson")
    assert r.is_streamed and r.mimetype == "application/geo+json"
    fc = json.loads(r.data)
    assert len(fc["features"]) == 2600 and len({f["id"] for f in fc["features"]}) == 2600
    moved = next(f for f in fc["features"] if f["id"] == "syn-7")
    assert moved["properties"]["corrected"] is True and moved["geometry"]["coordinates"] == [30.0, 50.0]
    r = client.get("/api/incidents.csv?download=1")
    assert r.is_streamed and r.headers["Content-Disposition"].endswith('"incidents.csv"')
    rows = list(csv.DictReader(io.StringIO(r.data.decode())))
    assert len(rows) == 2600 and {row["event_id_cnty"] for row in rows} == {f["id"] for f in fc["features"]}
    assert next(row for row in rows if row["event_id_cnty"] == "syn-7")["corrected"] == "1"
    empty = json.loads(client.get("/api/incidents.geojson?category=evacuation&date_from=2030-01-01").data)
    assert empty == {"type": "FeatureCollection", "features": []}


def test_cli_export_streams_to_a_file(big_app, tmp_path):
    from webmap.appcli import export_geojson
    out = tmp_path / "all.geojson"
    assert export_geojson(big_app, out, {"precision": "1"}) == len(json.loads(out.read_text())["features"]) > 0
    assert not list(tmp_path.glob(".webmap-*"))
