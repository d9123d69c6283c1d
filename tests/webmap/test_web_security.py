"""Hostile input: XSS payloads stay data, size and encoding limits, unknown ids, CSRF."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from web_factory import article, incident

SCRIPT = "<script>alert('xss')</script>"
ONERROR = '<img src=x onerror="alert(1)">'
TITLE = f"Breaking {SCRIPT} news {ONERROR}"
TEXT = (f"Russian missiles struck Kharkiv on Monday {SCRIPT}, killing two people {ONERROR}. "
        "Drones hit an oil depot near Belgorod. "
        f"Ukrainian forces advanced in Kursk oblast </script><script>alert(3)</script>.")


@pytest.fixture
def evil_app(app):
    """The XSS article stored with incidents on its hostile sentences (value objects, no pipeline)."""
    art = article(text=TEXT, title=TITLE)
    incs = [incident(art, 0, "missile_strike", "Kharkiv"), incident(art, 2, "ground_assault", "Kursk oblast")]
    app.extensions["webmap"].store.add(art, incs)
    return app, art, incs


def _no_raw_payload(html: str) -> None:
    assert SCRIPT not in html and "<img src=x" not in html and "alert(3)</script>" not in html
    assert not re.search(r"<[^>]*\sonerror\s*=", html)


def test_xss_escaped_in_pages_and_popups(evil_app):
    app, art, incs = evil_app
    client = app.test_client()
    for path in ("/", f"/articles/{art.article_id}", "/articles", f"/incidents/{incs[0].incident_id}/popup",
                 f"/incidents/{incs[0].incident_id}/correct", f"/?article={art.article_id}&q=Kharkiv"):
        r = client.get(path)
        assert r.status_code == 200, path
        _no_raw_payload(r.data.decode())
    page = client.get(f"/articles/{art.article_id}").data.decode()
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page        # shown, as text


def test_xss_stays_data_in_exports(evil_app):
    app, art, incs = evil_app
    client = app.test_client()
    r = client.get("/api/incidents.geojson")
    assert r.mimetype == "application/geo+json" and r.headers["X-Content-Type-Options"] == "nosniff"
    sentences = [f["properties"]["sentence"] for f in json.loads(r.data)["features"]]
    assert any(SCRIPT in s for s in sentences)           # exported verbatim as JSON data, never as markup
    r = client.get("/api/incidents")
    assert r.mimetype == "application/json"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/incidents.csv").data.decode())))
    assert rows[0]["source"] == TITLE


def test_csv_neutralises_formulas(app):
    art = article(text="=HYPERLINK(\"http://x\") Russian missiles struck Kharkiv. Drones hit Belgorod. Kursk oblast.",
                  title="=cmd|' /C calc'!A0")
    app.extensions["webmap"].store.add(art, [incident(art, 0, "missile_strike", "Kharkiv")])
    row = next(csv.DictReader(io.StringIO(app.test_client().get("/api/incidents.csv").data.decode())))
    assert row["source"].startswith("'=") and row["notes"].startswith("'=")


def test_security_headers_forbid_other_origins(client):
    csp = client.get("/upload").headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "object-src 'none'" in csp


def test_upload_over_limit_is_413(tmp_path):
    from webmap import create_app
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "MAX_CONTENT_LENGTH": 2000})
    client = app.test_client()
    r = client.post("/api/articles", json={"text": "x" * 5000})
    assert r.status_code == 413 and r.get_json()["status"] == 413 and "2000 bytes" in r.get_json()["error"]
    r = client.post("/upload", data={"text": "x" * 5000})
    assert r.status_code == 413


def test_non_utf8_is_400_naming_the_problem(client):
    r = client.post("/api/articles", data={"file": (io.BytesIO("Київ".encode("cp1251")), "kyiv.txt")},
                    headers={"X-CSRF-Token": "none"})
    assert r.status_code == 400                           # no session token: refused before reading
    with client.session_transaction() as s:
        s["csrf_token"] = "tok"
    r = client.post("/api/articles", data={"file": (io.BytesIO("Київ".encode("cp1251")), "kyiv.txt")},
                    headers={"X-CSRF-Token": "tok"})
    body = r.get_json()
    assert r.status_code == 400 and "kyiv.txt" in body["error"] and "UTF-8" in body["error"]
    r = client.post("/api/articles", data="Київ".encode("cp1251"), content_type="application/json")
    assert r.status_code == 400 and "not valid UTF-8" in r.get_json()["error"]


def test_unknown_ids_are_404(client):
    assert client.get("/api/incidents/x").status_code == 404
    assert client.post("/api/incidents/x/correction", json={"category": "shelling"}).status_code == 404
    assert client.get("/articles/x").status_code == 404
    assert client.get("/no/such/page").status_code == 404


@pytest.mark.parametrize("token", [None, "", "forged"])
def test_forms_need_the_csrf_token(evil_app, token):
    app, art, incs = evil_app
    client = app.test_client()
    client.get("/upload")                                  # the session gets a real token
    data = {"category": "shelling"}
    if token is not None:
        data["csrf_token"] = token
    assert client.post(f"/incidents/{incs[0].incident_id}/correct", data=data).status_code == 400
    assert client.post("/upload", data={**data, "text": TEXT}).status_code == 400
    assert client.post(f"/api/incidents/{incs[0].incident_id}/correction", data=data).status_code == 400
    assert not app.extensions["webmap"].store.get(incs[0].incident_id).corrected
    assert app.extensions["webmap"].store.stats()["articles"] == 1
