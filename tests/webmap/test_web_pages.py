"""HTML pages and CLI: map page, article page anchors and highlights, upload, corrections, ingest/export."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from web_factory import sample

from webmap.incidents.sentences import split_sentences

from paths import ARTICLES as DATA


@pytest.fixture
def sample_app(app):
    art, incs = sample()
    app.extensions["webmap"].store.add(art, incs)
    return app


def _token(client, path: str) -> str:
    html = client.get(path).data.decode()
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_create_app_layers_config(tmp_path, monkeypatch):
    from webmap import create_app
    inst = tmp_path / "inst"
    inst.mkdir()
    (inst / "config.py").write_text("TILES_URL = '/from-instance/{z}/{x}/{y}.png'\nMAP_MAX_ZOOM = 12\n")
    monkeypatch.setenv("WEBMAP_MAP_MAX_ZOOM", "14")
    app = create_app({"INSTANCE_PATH": str(inst), "TESTING": True})
    assert app.config["TILES_URL"].startswith("/from-instance") and app.config["MAP_MAX_ZOOM"] == 14
    assert app.config["DATABASE"] == str(inst / "webmap.sqlite") and Path(app.config["DATABASE"]).exists()
    assert Path(app.static_folder, "js", "app.js").is_file()
    assert create_app({"INSTANCE_PATH": str(inst), "MAP_MAX_ZOOM": 9}).config["MAP_MAX_ZOOM"] == 9


def test_map_page_renders_seed_incidents(seeded_client, seeded_app):
    r = seeded_client.get("/")
    assert r.status_code == 200
    html = r.data.decode()
    n = seeded_app.extensions["webmap"].store.count()
    assert f"{n} of {n} incidents" in html and "WebMap.init(" in html
    assert "https://" not in re.sub(r'href="https?://[^"]*" rel="noopener', "", html.split("<body")[0])


def test_map_page_filters_are_carried_into_downloads(sample_app):
    client = sample_app.test_client()
    html = client.get("/?category=drone_strike&date_from=2024-08-01").data.decode()
    assert "1 of 3 incidents" in html
    link = re.search(r'id="download-geojson" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "category=drone_strike" in link and "date_from=2024-08-01" in link and "download=1" in link
    fc = json.loads(client.get(link).data)
    assert [f["properties"]["category"] for f in fc["features"]] == ["drone_strike"]
    assert client.get("/?category=unknown_kind").status_code == 400


def test_article_page_anchors_every_sentence_and_highlights(sample_app):
    art, incs = sample()
    html = sample_app.test_client().get(f"/articles/{art.article_id}").data.decode()
    for s in split_sentences(art):
        assert f'id="s{s.index}"' in html
    assert '<mark class="wm-place">Kharkiv</mark>' in html and '<mark class="wm-place">Kursk oblast</mark>' in html
    assert html.count('class="wm-sentence has-incident"') == 3
    assert f'href="/?focus={incs[0].incident_id}"' in html


def test_article_and_incident_404(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/incidents/nope/popup").status_code == 404
    assert client.get("/incidents/nope/correct").status_code == 404


def test_popup_partial_links_to_the_sentence(sample_app):
    art, incs = sample()
    html = sample_app.test_client().get(f"/incidents/{incs[0].incident_id}/popup").data.decode()
    for text in ("Missile strike", "Explosions/Remote violence", "2024-08-12", "Kharkiv", "killed: 2",
                 "Russian missiles struck Kharkiv on Monday", f'href="/articles/{art.article_id}#s0"'):
        assert text in html


def test_upload_paste_ingests_and_shows_the_article(client, app):
    text = (DATA / "kharkiv-odesa-2024-09-03.txt").read_text(encoding="utf-8")
    token = _token(client, "/upload")
    r = client.post("/upload", data={"csrf_token": token, "text": text, "title": "Pasted"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/articles/")
    page = client.get(r.headers["Location"])
    assert page.status_code == 200 and b"Pasted" in page.data
    assert app.extensions["webmap"].store.stats()["articles"] == 1


def test_upload_file_and_bad_file(client):
    token = _token(client, "/upload")
    data = (DATA / "odesa-strike.html").read_bytes()
    import io
    r = client.post("/upload", data={"csrf_token": token, "file": (io.BytesIO(data), "odesa-strike.html")})
    assert r.status_code == 302
    r = client.post("/upload", data={"csrf_token": token, "file": (io.BytesIO(b"\xff\xfe bad"), "bad.txt")})
    assert r.status_code == 400 and b"bad.txt: not valid UTF-8" in r.data


def test_correction_form_moves_the_incident(sample_app):
    art, incs = sample()
    client = sample_app.test_client()
    path = f"/incidents/{incs[0].incident_id}/correct"
    token = _token(client, path)
    r = client.post(path, data={"csrf_token": token, "category": "shelling", "lat": "49.9", "lon": "36.3",
                                "place_name": "Kharkiv outskirts"})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/articles/{art.article_id}#s0")
    rec = sample_app.extensions["webmap"].store.get(incs[0].incident_id)
    assert rec.corrected and rec.incident.category == "shelling" and rec.incident.lat == 49.9
    assert b"corrected" in client.get(f"/articles/{art.article_id}").data
    r = client.post(path, data={"csrf_token": token, "lat": "49.9"})
    assert r.status_code == 400 and b"give both coordinates" in r.data
    client.post(path, data={"csrf_token": token, "action": "revert"})
    assert not sample_app.extensions["webmap"].store.get(incs[0].incident_id).corrected


def test_cli_ingest_reports_bad_file_and_goes_on(runner, app, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xc3\x28 not utf-8")
    good = DATA / "kharkiv-odesa-2024-09-03.txt"
    result = runner.invoke(args=["ingest", str(bad), str(good)])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "not valid UTF-8" in result.output
    assert "1 new article(s)" in result.output
    assert app.extensions["webmap"].store.stats()["articles"] == 1
    again = runner.invoke(args=["ingest", str(good)])
    assert "0 new article(s)" in again.output and again.exit_code == 0


def test_appcli_export_with_filters(sample_app, tmp_path, capsys):
    from webmap.cli import main
    out = tmp_path / "out.geojson"
    assert main(["export", str(out), "--db", sample_app.config["DATABASE"], "--category", "missile_strike"]) == 0
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["category"] for f in fc["features"]] == ["missile_strike"]
    assert main(["export", str(out), "--db", sample_app.config["DATABASE"], "--date-from", "soon"]) == 2
    assert "soon" in capsys.readouterr().err


def test_seed_command_fills_an_empty_store_once(runner, app):
    first = runner.invoke(args=["seed"])
    assert first.exit_code == 0 and "1 article(s) added" in first.output
    assert app.extensions["webmap"].store.stats()["incidents"] > 0
    assert "0 article(s) added" in runner.invoke(args=["seed"]).output
