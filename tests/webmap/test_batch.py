"""``webmap batch``: a small archive on a real 2-worker Dask LocalCluster gives GeoParquet equal to ``extract --jsonl``."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from paths import ARTICLES as DATA, ROOT


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "webmap", *args], cwd=ROOT, input=stdin, capture_output=True,
                          timeout=600)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Two JSONL files: the test batch (one broken line) and six articles, one of them weather news (no incident)."""
    d = tmp_path_factory.mktemp("archive")
    shutil.copy(DATA / "batch.jsonl", d / "batch.jsonl")
    recs = [{"id": "kursk", "date": "2024-08-11", "text": (ROOT / "seeds" / "kursk-2024-08-11.txt").read_text()},
            {"id": "kh-od", "text": (DATA / "kharkiv-odesa-2024-09-03.txt").read_text()},
            {"id": "weather", "date": "2024-08-12", "text": "Heavy rain is expected in Kyiv and Lviv on Tuesday, "
             "with temperatures falling to 14 degrees. Farmers in Poltava welcomed the rain."},
            {"id": "kyiv", "date": "2024-08-26", "title": "Kyiv <b>strike</b>",
             "text": "Russian missiles struck an energy facility in the Kyiv suburbs overnight, the regional "
                     "governor said. Two people were killed in Zhytomyr oblast."},
            {"id": "belgorod", "date": "2024-08-14", "text": "Ukrainian drones hit an oil depot near Belgorod, "
             "the governor said. Shelling of Sudzha continued."},
            {"id": "ukr", "date": "2024-08-15", "text": "Зеленський: Українські сили просунулися в Курській області."}]
    with open(d / "news.jsonl", "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return d


def expected(archive: Path) -> list[dict]:
    feats = []
    for name in ("batch.jsonl", "news.jsonl"):
        p = run("extract", "--jsonl", str(archive / name))
        assert p.returncode in (0, 1), p.stderr.decode()
        feats += [f for line in p.stdout.decode().splitlines() for f in json.loads(line)["incidents"]]
    return feats


def test_batch_on_two_workers_equals_extract_jsonl_and_reruns_skip(archive, tmp_path):
    import geopandas
    import pyarrow.parquet as pq
    from shapely.geometry import Point

    from webmap.geoparquet import read_features

    out = tmp_path / "out.parquet"
    p = run("batch", str(archive), "--out", str(out), "--workers", "2", "--partition-size", "2")
    err = p.stderr.decode()
    assert p.returncode == 1, err                       # the broken line is reported, the rest is done
    assert "batch.jsonl:2: invalid JSON" in err and "Traceback" not in err
    summary = json.loads(err.strip().splitlines()[-1])
    parts = sorted(out.glob("part-*.parquet"))
    assert summary["partitions"] == len(parts) == 5 and summary["skipped"] == 0 and summary["articles"] == 8

    want = expected(archive)
    got = read_features(out)
    assert len(want) >= 8 and summary["incidents"] == len(got) == len(want)
    assert got == want                                  # every property and geometry, in input order

    # GeoParquet: WKB + `geo` metadata, read back by geopandas as lon/lat geometries
    geo = json.loads(pq.read_schema(parts[0]).metadata[b"geo"])
    assert geo["version"].startswith("1.") and geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB" and "crs" not in geo["columns"]["geometry"]
    gdf = geopandas.read_parquet(out)
    assert len(gdf) == len(want) and gdf.crs.to_string() == "OGC:CRS84"
    pts = gdf[gdf.geometry.geom_type == "Point"]          # axis order: x is the longitude
    assert len(pts) and (pts.geometry.x == pts["lon"]).all() and (pts.geometry.y == pts["lat"]).all()
    areas = gdf[gdf.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    assert len(areas) and all(g.buffer(0.05).contains(Point(lon, lat))
                              for g, lon, lat in zip(areas.geometry, areas["lon"], areas["lat"]))
    assert set(gdf.geometry.geom_type.dropna()) <= {"Point", "Polygon", "MultiPolygon"}

    # a re-run skips every partition written; a changed input redoes only its own partitions
    stamps = {f.name: f.stat().st_mtime_ns for f in parts}
    p = run("batch", str(archive), "--out", str(out), "--workers", "2", "--partition-size", "2", "-q")
    again = json.loads(p.stderr.decode().strip().splitlines()[-1])
    assert again["skipped"] == 5 and again["articles"] == 0
    assert {f.name: f.stat().st_mtime_ns for f in out.glob("part-*.parquet")} == stamps
    with open(archive / "batch.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a4", "date": "2024-09-04", "text": "Shelling of Kherson killed one person."}) + "\n")
    p = run("batch", str(archive), "--out", str(out), "--workers", "1", "--partition-size", "2", "-q")
    third = json.loads(p.stderr.decode().strip().splitlines()[-1])
    assert third["partitions"] == 5 and third["skipped"] == 3 and third["articles"] == 3
    assert len(list(out.glob("part-*.parquet"))) == 5          # the old partitions of batch.jsonl are gone
    assert read_features(out) == expected(archive)


def test_batch_bad_usage_is_a_clear_error(tmp_path):
    p = run("batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o"))
    assert p.returncode == 2 and b"no such file or folder" in p.stderr and b"Traceback" not in p.stderr
    p = run("batch", str(DATA / "batch.jsonl"), "--out", str(tmp_path / "o"), "--workers", "0")
    assert p.returncode == 2 and b"--workers" in p.stderr


@pytest.mark.postgis
def test_batch_into_postgis_stores_what_it_writes(archive, tmp_path, pg_url):
    from webmap.geoparquet import read_features
    from webmap.store import open_store

    out = tmp_path / "into.parquet"
    p = run("batch", str(archive / "news.jsonl"), "--out", str(out), "--workers", "1", "--into", pg_url, "-q")
    assert p.returncode == 0, p.stderr.decode()
    summary = json.loads(p.stderr.decode().strip().splitlines()[-1])
    feats = read_features(out)
    store = open_store(pg_url)
    try:
        assert summary["stored_incidents"] == len(feats) == store.stats()["incidents"] > 0
        assert store.stats()["articles"] == 6
        assert {r.incident.incident_id for r in store.query()} == {f["id"] for f in feats}
    finally:
        store.close()
