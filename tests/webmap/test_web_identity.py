"""Issue 10, items 2, 3 and 7: links are only http(s), article identity (409 / replace), id rules, races.

Everything runs the real pipeline and the real gazetteer on a real SQLite file; the race tests post from
real threads to a real threaded server.
"""
from __future__ import annotations

import io
import json
import threading
import urllib.error
import urllib.request
from collections import Counter

import pytest
from liveweb import serving

TEXT_A = ("Russian missiles struck Kharkiv on Monday, killing two people. "
          "Drones hit an oil depot near Belgorod on Tuesday.")
TEXT_B = "Ukrainian forces shelled Donetsk on Wednesday, wounding three people."


def _post(client, body, **kw):
    return client.post("/api/articles", data=json.dumps(body), content_type="application/json", **kw)


# -- 2. stored XSS: only http(s) URLs become links ---------------------------------------------------
@pytest.mark.parametrize("url", [
    "javascript:alert(document.domain)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "javascript&colon;alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
    "//evil.example/x", "http:evil", "https://", "file:///etc/passwd", "\x01javascript:alert(1)",
])
def test_non_web_urls_are_refused_at_ingest(client, url):
    r = _post(client, {"id": "x1", "text": TEXT_A, "url": url})
    assert r.status_code == 400, (url, r.status_code)
    assert "url" in r.get_json()["error"] and "http" in r.get_json()["error"]
    assert client.get("/articles/x1").status_code == 404                 # nothing stored


def test_web_urls_become_links(client):
    r = _post(client, {"id": "x1", "text": TEXT_A, "url": "https://example.org/a?b=1&c=2"})
    assert r.status_code == 201
    page = client.get("/articles/x1").data.decode()
    assert 'href="https://example.org/a?b=1&amp;c=2"' in page


def test_stored_javascript_url_is_shown_as_text(app):
    """An old store may hold a bad URL: the page still never links it (defensive rendering)."""
    from webmap.incidents.loaders import from_text
    art = from_text(TEXT_A, article_id="old1", url="javascript:alert(document.domain)", title="t")
    app.extensions["webmap"].store.add(art, [])
    page = app.test_client().get("/articles/old1").data.decode()
    assert "javascript:alert" in page                       # shown, as text
    assert 'href="javascript' not in page.lower() and "href='javascript" not in page.lower()


def _token(client) -> str:
    import re
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get("/upload").data.decode()).group(1)


def test_non_web_url_refused_in_paste_form_and_uploaded_file(client):
    token = _token(client)
    r = client.post("/upload", data={"csrf_token": token, "text": TEXT_A, "url": "javascript:alert(1)"})
    assert r.status_code == 400 and b"not an http:// or https:// URL" in r.data
    body = json.dumps([{"id": "f1", "text": TEXT_A, "url": "javascript:alert(1)"}]).encode()
    r = client.post("/api/articles", data={"file": (io.BytesIO(body), "batch.json")},
                    content_type="multipart/form-data", headers={"X-CSRF-Token": token})
    assert r.status_code == 400 and "url" in r.get_json()["error"]
    assert client.get("/articles/f1").status_code == 404


# -- 3. article identity ----------------------------------------------------------------------------
def test_same_id_new_text_is_409_naming_the_article(client):
    assert _post(client, {"id": "x1", "text": TEXT_A, "title": "First"}).status_code == 201
    assert _post(client, {"id": "x1", "text": TEXT_A}).status_code == 200               # the same again
    r = _post(client, {"id": "x1", "text": TEXT_B})
    assert r.status_code == 409
    body = r.get_json()
    assert body["article_id"] == "x1" and body["existing"]["title"] == "First"
    assert body["existing"]["url"] == "/articles/x1" and "replace" in body["error"]
    assert "Kharkiv" in client.get("/articles/x1").data.decode()                      # the old text kept


def test_replace_re_extracts_and_keeps_corrections_that_still_apply(client):
    first = _post(client, {"id": "x1", "text": TEXT_A}).get_json()["articles"][0]["incidents"]
    by_place = {i["location_name"]: i for i in first}
    kharkiv, belgorod = by_place["Kharkiv"], by_place["Belgorod"]      # sentences 0 and 1
    for inc in (kharkiv, belgorod):
        r = client.post(f"/api/incidents/{inc['incident_id']}/correction", json={"note": "checked",
                                                                               "category": "air_strike"})
        assert r.status_code == 200
    # the first sentence stays, the second is replaced: its correction no longer applies
    new_text = TEXT_A.split(". ")[0] + ". " + TEXT_B
    r = _post(client, {"id": "x1", "text": new_text, "replace": True})
    assert r.status_code == 200, r.data
    art = r.get_json()["articles"][0]
    assert art["replaced"] and art["corrections_kept"] == 1 and art["corrections_dropped"] == 1
    ids = {i["incident_id"]: i for i in art["incidents"]}
    assert kharkiv["incident_id"] in ids and ids[kharkiv["incident_id"]]["corrected"]
    assert belgorod["incident_id"] not in ids
    assert any(i["location_name"].startswith("Donetsk") for i in ids.values())
    assert "Donetsk" in client.get("/articles/x1").data.decode()


def test_replace_must_be_a_boolean(client):
    r = _post(client, {"id": "x1", "text": TEXT_A, "replace": "yes"})
    assert r.status_code == 400 and "replace" in r.get_json()["error"]


def test_replace_with_a_text_stored_under_another_id_is_409(client):
    assert _post(client, {"id": "a1", "text": TEXT_A}).status_code == 201
    assert _post(client, {"id": "b1", "text": TEXT_B}).status_code == 201
    r = _post(client, {"id": "b1", "text": TEXT_A, "replace": True})
    assert r.status_code == 409 and "'a1'" in r.get_json()["error"]


def test_same_text_under_another_id_gives_the_stored_article(client):
    assert _post(client, {"id": "a1", "text": TEXT_A}).status_code == 201
    r = _post(client, {"id": "a2", "text": TEXT_A})
    assert r.status_code == 200 and r.get_json()["articles"][0]["article_id"] == "a1"


@pytest.mark.parametrize("bad", ["a/b", "../x", "a b", "", "x" * 129, "a\nb", "a?b", "a#b", "%2F"])
def test_bad_ids_are_400_naming_the_rule(client, bad):
    r = _post(client, {"id": bad, "text": TEXT_A})
    assert r.status_code == 400 and "no '/'" in r.get_json()["error"] and "128" in r.get_json()["error"]
    assert client.get("/articles").data.count(b"/articles/") == 0


@pytest.mark.parametrize("good", ["x1", "kyiv-2024-08-12_a", "tg:channel:123", "x" * 128, "Київ-1"])
def test_good_ids_reach_their_page(client, good):
    assert _post(client, {"id": good, "text": TEXT_A}).status_code == 201
    from urllib.parse import quote
    assert client.get("/articles/" + quote(good)).status_code == 200


def test_id_in_an_uploaded_file_is_checked(client):
    body = json.dumps({"id": "a/b", "text": TEXT_A}).encode()
    r = client.post("/api/articles", data={"file": (io.BytesIO(body), "one.json")}, content_type="multipart/form-data",
                    headers={"X-CSRF-Token": _token(client)})
    assert r.status_code == 400 and "no '/'" in r.get_json()["error"]


# -- concurrency: real threads, a real server, a real SQLite file -------------------------------------
@pytest.fixture
def served(app):
    with serving(app) as base:
        yield base, app


def _http_post(url: str, body: dict) -> int:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def _race(url: str, bodies: list[dict]) -> Counter:
    barrier = threading.Barrier(len(bodies))
    codes: list[int] = []
    lock = threading.Lock()

    def run(body: dict) -> None:
        barrier.wait()
        code = _http_post(url, body)
        with lock:
            codes.append(code)
    threads = [threading.Thread(target=run, args=(b,)) for b in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    return Counter(codes)


def test_concurrent_duplicates_get_200_or_201_never_500(served):
    base, app = served
    codes = _race(base + "/api/articles", [{"id": "dup", "text": TEXT_A}] * 12)
    assert codes == Counter({201: 1, 200: 11}), codes
    stats = app.extensions["webmap"].store.stats()
    assert stats["articles"] == 1 and stats["incidents"] == 3       # extracted once, stored once


def test_concurrent_same_id_different_texts_get_201_or_409(served):
    base, app = served
    bodies = [{"id": "dup", "text": f"{TEXT_A} Shelling hit Sumy at {n} o'clock."} for n in range(10)]
    codes = _race(base + "/api/articles", bodies)
    assert codes[201] == 1 and codes[409] == 9, codes
    art = app.extensions["webmap"].store.get_article("dup")
    assert art is not None and art.text in {b["text"] for b in bodies}
    assert app.extensions["webmap"].store.stats()["articles"] == 1
