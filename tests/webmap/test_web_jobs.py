"""Issue 10, item 1: large articles are extracted by a background job (202 + job URL + progress), and the
server keeps answering meanwhile. Real pipeline, real gazetteer, real SQLite file."""
from __future__ import annotations

import re
import sys
import time

from paths import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_linear import build_text  # noqa: E402  (the benchmark's article: the seed repeated)


def _poll(client, url: str, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(url).get_json()["job"]
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {url} not finished in {timeout} s")


def test_large_article_is_a_job_with_progress(client):
    text = build_text(120_000, one_paragraph=True)
    r = client.post("/api/articles", json={"id": "big1", "text": text, "date": "2024-08-11"})
    assert r.status_code == 202, r.data
    job = r.get_json()["job"]
    assert r.headers["Location"] == job["url"] == f"/api/jobs/{job['id']}"
    assert job["status"] in ("queued", "running") and 0 <= job["progress"] < 1 and job["size"] == len(text)
    seen_running = []
    while True:                                    # the server answers other requests while the job runs
        j = client.get(job["url"]).get_json()["job"]
        if j["status"] in ("done", "failed"):
            break
        seen_running.append(j["status"] == "running")
        assert client.get("/api/incidents").status_code == 200
        time.sleep(0.05)
    assert any(seen_running)
    assert j["status"] == "done" and j["progress"] == 1, j
    (art,) = j["result"]
    assert art["article_id"] == "big1" and art["added"] and art["incidents"] > 0 and art["url"] == "/articles/big1"
    assert client.get("/api/incidents?article=big1").get_json()["count"] == art["incidents"]
    # the same article again is known at once: no job, 200
    assert client.post("/api/articles", json={"id": "big1", "text": text, "date": "2024-08-11"}).status_code == 200


def test_large_bad_article_is_refused_at_once(client):
    text = build_text(60_000, one_paragraph=True)
    r = client.post("/api/articles", json={"id": "a/b", "text": text})
    assert r.status_code == 400 and "no '/'" in r.get_json()["error"]
    assert client.post("/api/articles", json={"id": "big2", "text": "Drones hit Belgorod."}).status_code == 201
    r = client.post("/api/articles", json={"id": "big2", "text": text})
    assert r.status_code == 409


def test_too_long_article_is_400(tmp_path):
    from webmap import create_app
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "MAX_ARTICLE_CHARS": 70_000})
    r = app.test_client().post("/api/articles", json={"text": build_text(80_000, True)})
    assert r.status_code == 400 and "over the limit of 70000" in r.get_json()["error"]


def test_full_queue_is_503_and_unknown_job_404(tmp_path):
    from webmap import create_app
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "JOBS_MAX_QUEUED": 1})
    client = app.test_client()
    first = client.post("/api/articles", json={"id": "q1", "text": build_text(100_000, True)})
    second = client.post("/api/articles", json={"id": "q2", "text": build_text(100_001, True) + " Again."})
    assert first.status_code == 202
    assert second.status_code == 503 and second.headers["Retry-After"] and "waiting" in second.get_json()["error"]
    _poll(client, first.get_json()["job"]["url"])
    assert client.get("/api/jobs/nope").status_code == 404


def test_upload_form_large_paste_shows_the_job_page(client):
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/upload").data.decode()).group(1)
    r = client.post("/upload", data={"csrf_token": token, "text": build_text(60_000, False), "date": "2024-08-11"})
    assert r.status_code == 302 and r.headers["Location"].startswith("/jobs/")
    page = client.get(r.headers["Location"]).data.decode()
    assert "Extracting incidents" in page
    job = _poll(client, "/api" + r.headers["Location"])
    assert job["status"] == "done"
    page = client.get(r.headers["Location"]).data.decode()
    assert f'/articles/{job["result"][0]["article_id"]}' in page and 'http-equiv="refresh"' not in page
