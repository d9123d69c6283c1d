"""Issue 10, item 8: accounts for a shared server (WEBMAP_AUTH=on), off by default; Secure cookies."""
from __future__ import annotations

import io
import re
import sqlite3

import pytest
from web_factory import sample

TEXT = "Russian missiles struck Kharkiv on Monday, killing two people."


def _app(tmp_path, **extra):
    from webmap import create_app
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "inst"), "SECRET_KEY": "s", "AUTH": "on",
                       **extra})


@pytest.fixture
def auth_app(tmp_path):
    from webmap.appcli import token_create, user_add
    app = _app(tmp_path)
    user_add(app, "alice", "correct horse")
    art, incs = sample()
    app.extensions["webmap"].store.add(art, incs)
    return app, token_create(app, "alice", "tests"), incs[0].incident_id


def _token(client, path="/login"):
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).data.decode()).group(1)


def test_default_is_open_as_before(client):
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 201
    assert client.get("/login").status_code == 404


def test_reading_is_public_writing_needs_a_user_or_token(auth_app):
    app, token, iid = auth_app
    c = app.test_client()
    for path in ("/", "/api/incidents", "/articles", f"/incidents/{iid}/popup", "/api/incidents.geojson"):
        assert c.get(path).status_code == 200, path
    r = c.post("/api/articles", json={"text": TEXT})
    assert r.status_code == 401 and "Bearer" in r.get_json()["error"]
    assert c.post(f"/api/incidents/{iid}/correction", json={"category": "shelling"}).status_code == 401
    assert c.delete(f"/api/incidents/{iid}/correction", headers={"Content-Type": "application/json"}).status_code == 401
    bad = {"Authorization": "Bearer wm_not-a-token"}
    assert c.post("/api/articles", json={"text": TEXT}, headers=bad).status_code == 401
    ok = {"Authorization": f"Bearer {token}"}
    assert c.post("/api/articles", json={"text": TEXT}, headers=ok).status_code == 201
    body = io.BytesIO(b"Drones hit an oil depot near Belgorod.")
    r = c.post("/api/articles", data={"file": (body, "a.txt")}, headers=ok, content_type="multipart/form-data")
    assert r.status_code == 201                       # a token needs no CSRF token: no cookie is involved
    r = c.post(f"/api/incidents/{iid}/correction", json={"category": "shelling", "note": "x"}, headers=ok)
    assert r.status_code == 200 and r.get_json()["incident"]["correction"]["author"] == "alice"
    assert c.delete(f"/api/incidents/{iid}/correction", headers={**ok, "Content-Type": "application/json"}
                    ).get_json()["incident"]["corrected"] is False


def test_forms_need_sign_in_and_record_the_author(auth_app):
    app, _, iid = auth_app
    c = app.test_client()
    r = c.post("/upload", data={"csrf_token": _token(c), "text": TEXT})
    assert r.status_code == 302 and r.headers["Location"].startswith("/login")
    r = c.post("/login", data={"csrf_token": _token(c), "name": "alice", "password": "wrong"})
    assert r.status_code == 401 and b"wrong password" in r.data
    assert c.post("/login", data={"name": "alice", "password": "correct horse"}).status_code == 400   # no CSRF
    r = c.post("/login", data={"csrf_token": _token(c), "name": "alice", "password": "correct horse",
                               "next": "https://evil.example/"})
    assert r.status_code == 302 and r.headers["Location"] == "/"                  # never off the site
    assert b"Sign out alice" in c.get("/").data
    r = c.post(f"/incidents/{iid}/correct", data={"csrf_token": _token(c, "/upload"), "category": "air_strike"})
    assert r.status_code == 302
    assert app.extensions["webmap"].store.get(iid).correction.author == "alice"
    c.post("/logout", data={"csrf_token": _token(c, "/upload")})
    assert c.post("/api/articles", json={"text": TEXT}).status_code == 401


def test_private_reading(tmp_path):
    from webmap.appcli import token_create, user_add
    app = _app(tmp_path, AUTH_PUBLIC_READ=False)
    user_add(app, "bob", "long enough")
    token = token_create(app, "bob")
    c = app.test_client()
    assert c.get("/api/incidents").status_code == 401
    r = c.get("/")
    assert r.status_code == 302 and r.headers["Location"].startswith("/login")
    assert c.get("/login").status_code == 200
    assert c.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_cli_user_and_token_store_only_hashes(tmp_path):
    from click.testing import CliRunner

    from webmap.cli import cli
    db = tmp_path / "s.sqlite"
    run = CliRunner()
    assert run.invoke(cli, ["user", "add", "carol", "--password-stdin", "--db", str(db)],
                      input="s3cret-password\n").exit_code == 0
    r = run.invoke(cli, ["token", "create", "carol", "--db", str(db)])
    assert r.exit_code == 0, r.output
    token = r.output.strip().splitlines()[-1]
    assert token.startswith("wm_") and len(token) > 40
    assert run.invoke(cli, ["token", "create", "nobody", "--db", str(db)]).exit_code == 2
    assert run.invoke(cli, ["user", "add", "dave", "--password-stdin", "--db", str(db)], input="short\n").exit_code == 2
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("s.sqlite*"))
    assert token.encode() not in raw and b"s3cret-password" not in raw
    with sqlite3.connect(db) as con:
        (h,) = con.execute("SELECT password_hash FROM users WHERE name='carol'").fetchone()
    assert h.startswith(("scrypt:", "pbkdf2:"))
    from webmap import create_app
    app = create_app({"TESTING": True, "DATABASE": str(db), "AUTH": "on", "INSTANCE_PATH": str(tmp_path)})
    r = app.test_client().post("/api/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 201


def test_secure_cookie_setting(tmp_path):
    from webmap import create_app
    for secure in (False, True):
        app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / str(secure)),
                          "SESSION_COOKIE_SECURE": secure})
        cookie = app.test_client().get("/upload").headers.get("Set-Cookie", "")
        assert cookie and ("; Secure" in cookie) is secure
