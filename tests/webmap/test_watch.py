"""`webmap watch DIR`: new and changed files are ingested once, failures are retried, the map page learns of
new incidents through /api/status."""
from __future__ import annotations

import io
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from paths import TEST_DATA

DATA = TEST_DATA / "telegram"

UK = "Уночі окупанти обстріляли Херсон з артилерії, поранено двох цивільних.\n"
EN = "Russian missiles struck Kharkiv on Sunday, killing two people, officials said.\n"
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Тестова стрічка</title>
<item><title>Дрони атакували Одесу</title><link>https://example.org/news/1</link>
<pubDate>Sun, 11 Aug 2024 06:00:00 +0000</pubDate>
<description>&lt;p&gt;Уночі російські дрони атакували Одесу, пошкоджено склад.&lt;/p&gt;</description></item>
</channel></rss>
"""


@pytest.fixture
def app(tmp_path: Path):
    from webmap import create_app
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "DATABASE": str(tmp_path / "w.sqlite"),
                       "SECRET_KEY": "t"})


def _old(path: Path) -> None:
    """Make a file look settled (written more than a second ago)."""
    t = time.time() - 5
    os.utime(path, (t, t))


def test_watch_ingests_new_and_changed_files_once(app, tmp_path: Path) -> None:
    from webmap.watch import Watcher
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    log = io.StringIO()
    w = Watcher(app, inbox, interval=0.05, settle=1.0, stream=log)
    store = app.extensions["webmap"].store
    assert w.poll()["ingested"] == 0

    (inbox / "a.txt").write_text(UK, encoding="utf-8")
    assert w.poll() == {"ingested": 0, "failed": 0, "unchanged": 0, "waiting": 1}   # still being written
    _old(inbox / "a.txt")
    assert w.poll()["ingested"] == 1
    assert store.stats()["articles"] == 1 and store.stats()["incidents"] >= 1
    assert "ingested a.txt: 1 new article(s)" in log.getvalue()
    assert w.poll() == {"ingested": 0, "failed": 0, "unchanged": 1, "waiting": 0}   # nothing twice

    # a Telegram export, an RSS feed and an English article in a subfolder
    (inbox / "tg").mkdir()
    shutil.copy(DATA / "channel_uk_old.json", inbox / "tg" / "result.json")
    (inbox / "feed.rss").write_text(RSS, encoding="utf-8")
    (inbox / "tg" / "en.md").write_text(EN, encoding="utf-8")
    for f in ("tg/result.json", "feed.rss", "tg/en.md"):
        _old(inbox / f)
    assert w.poll()["ingested"] == 3
    assert store.stats()["articles"] == 1 + 3 + 1 + 1
    odesa = [r for r in store.query() if r.incident.location_name == "Odesa"]
    assert odesa and store.get_article(odesa[0].incident.sources[0].article_id).url == "https://example.org/news/1"

    # a changed file is read again; a touched one is not
    (inbox / "a.txt").write_text(UK + "Евакуація з Херсона триває.\n", encoding="utf-8")
    _old(inbox / "a.txt")
    os.utime(inbox / "feed.rss", None)
    _old(inbox / "feed.rss")
    stats = w.poll()
    assert stats["ingested"] == 1 and stats["unchanged"] == 3

    # a new watcher on the same store remembers what was ingested (a restart)
    again = Watcher(app, inbox, interval=0.05, stream=io.StringIO())
    assert again.poll()["ingested"] == 0


def test_a_failing_file_is_reported_and_retried(app, tmp_path: Path) -> None:
    from webmap.watch import Watcher
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    log = io.StringIO()
    w = Watcher(app, inbox, interval=0.05, stream=log)
    bad = inbox / "broken.json"
    bad.write_text('{"text": ', encoding="utf-8")
    _old(bad)
    assert w.poll()["failed"] == 1
    assert "failed broken.json" in log.getvalue() and "will retry" in log.getvalue()
    assert w.poll()["failed"] == 1 and log.getvalue().count("failed") == 1     # reported once, tried again
    bad.write_text(json.dumps({"text": UK, "id": "fixed"}, ensure_ascii=False), encoding="utf-8")
    _old(bad)
    assert w.poll()["ingested"] == 1 and "ingested broken.json" in log.getvalue()


def test_watch_runs_until_stopped_in_a_thread(app, tmp_path: Path) -> None:
    from webmap.watch import Watcher
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    w = Watcher(app, inbox, interval=0.05, settle=0.0, stream=io.StringIO())
    t = threading.Thread(target=w.run, daemon=True)
    t.start()
    try:
        (inbox / "late.txt").write_text(UK, encoding="utf-8")
        deadline = time.time() + 60
        store = app.extensions["webmap"].store
        while time.time() < deadline and store.stats()["articles"] == 0:
            time.sleep(0.05)
        assert store.stats()["articles"] == 1
    finally:
        w.stop()
        t.join(timeout=30)
    assert not t.is_alive()


def test_status_endpoint_counts_new_incidents(app) -> None:
    with app.test_client() as c:
        before = c.get("/api/status").get_json()
        assert before == {"incidents": 0, "articles": 0}
        app.extensions["webmap"].ingest_articles(
            [__import__("webmap.incidents.loaders", fromlist=["from_text"]).from_text(UK, date="2024-08-11")])
        after = c.get("/api/status")
        assert after.headers["Cache-Control"] == "no-store"
        assert after.get_json()["incidents"] > 0 and after.get_json()["articles"] == 1
        page = c.get("/").get_data(as_text=True)
        assert 'id="wm-new"' in page and "newcount.js" in page
