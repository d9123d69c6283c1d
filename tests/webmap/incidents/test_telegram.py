"""Telegram Desktop exports: entity-list text, service and photo-only messages, edits, re-import, merged reports."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from paths import TEST_DATA
from webmap.incidents.loaders import load_path
from webmap.incidents.telegram import channel_username, export_articles, message_text

DATA = TEST_DATA / "telegram"
UK_OLD, UK_NEW, RU = DATA / "channel_uk_old.json", DATA / "channel_uk_new.json", DATA / "channel_ru.json"


def test_export_messages_become_articles() -> None:
    arts = load_path(UK_OLD)
    # service messages (create, pin) and the photo-only message are skipped
    assert [a.article_id for a in arts] == ["tg-1512345678-2", "tg-1512345678-3", "tg-1512345678-6"]
    first = arts[0]
    assert first.url == "https://t.me/kharkiv_oper_test/2"
    assert first.date == "2024-08-11" and first.source_name == "Харків Оперативний (тест)"
    # bold, mention and link texts kept, formatting dropped
    assert first.text.startswith("⚡️ Харків: вибухи\nУночі окупанти атакували Харків ударними дронами.")
    assert "@synegubov" in first.text and first.text.endswith("Харків Оперативний")
    assert first.title == "⚡️ Харків: вибухи"
    assert arts[1].text.startswith("Ворог обстріляв Куп'янськ з артилерії. Пошкоджено школу. Деталі згодом.")


def test_entity_text_and_username_rules() -> None:
    assert message_text(["a ", {"type": "bold", "text": "b"}, {"type": "text_link", "text": "c", "href": "x"}]) == "a bc"
    assert message_text("plain") == "plain" and message_text(None) == ""
    data = json.loads(UK_OLD.read_text(encoding="utf-8"))
    assert channel_username(data) == "kharkiv_oper_test"
    data["type"] = "private_channel"                 # private channels have no public links
    assert channel_username(data) == "" and export_articles(data)[0].url == ""
    data["username"] = "named_in_export"
    assert export_articles(data)[0].url == "https://t.me/named_in_export/2"


def test_account_export_with_several_chats(tmp_path: Path) -> None:
    both = {"about": "export", "chats": {"list": [json.loads(UK_OLD.read_text(encoding="utf-8")),
                                                 json.loads(RU.read_text(encoding="utf-8"))]}}
    f = tmp_path / "result.json"
    f.write_text(json.dumps(both, ensure_ascii=False), encoding="utf-8")
    arts = load_path(f)
    assert len(arts) == 5 and arts[-1].url == "https://t.me/kursk_vestnik_test/11"


@pytest.fixture
def app(tmp_path: Path):
    from webmap import create_app
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "DATABASE": str(tmp_path / "tg.sqlite"),
                       "SECRET_KEY": "t", "MAX_CONTENT_LENGTH": 8 * 1024 * 1024})


def _incidents(store) -> dict[tuple[str, str], list]:
    out: dict[tuple[str, str], list] = {}
    for r in store.query():
        out.setdefault((r.incident.category, r.incident.location_name), []).append(r.incident)
    return out


def test_ingest_reimport_edit_and_merge(app, tmp_path: Path) -> None:
    from webmap.appcli import ingest_paths
    import io
    store = app.extensions["webmap"].store
    added, n, errors = ingest_paths(app, [UK_OLD], stream=io.StringIO())
    assert (added, errors) == (3, []) and n > 0
    before = store.stats()
    # the same export again: nothing new, nothing read twice
    assert ingest_paths(app, [UK_OLD], stream=io.StringIO())[:2] == (0, 0)
    assert store.stats() == before
    # a newer export: message 3 edited, message 7 new
    added, n, errors = ingest_paths(app, [UK_NEW], stream=io.StringIO())
    assert added == 1 and errors == []
    edited = store.get_article("tg-1512345678-3")
    assert "загинула одна людина" in edited.text
    kupiansk = _incidents(store)[("shelling", "Kupiansk")]
    assert len(kupiansk) == 1 and dict(kupiansk[0].counts).get("killed") == 1
    assert ("interception", "Kharkiv") in _incidents(store)
    assert store.stats()["articles"] == 4
    # another channel reports the night's drone strike on Kharkiv: one incident with both sources
    ingest_paths(app, [RU], stream=io.StringIO())
    strikes = _incidents(store)[("drone_strike", "Kharkiv")]
    assert len(strikes) == 1
    sources = {s.article_id for s in strikes[0].sources}
    assert {"tg-1512345678-2", "tg-1698765432-10"} <= sources
    assert dict(strikes[0].counts) == {"wounded": 2}
    # every source's offsets point at its own message's words
    for s in strikes[0].sources:
        text = store.get_article(s.article_id).text
        assert text[s.start:s.end] == s.sentence
    # the GeoJSON feature lists every source too
    with app.test_client() as c:
        feats = c.get("/api/incidents.geojson").get_json()["features"]
        f = next(f for f in feats if f["id"] == strikes[0].incident_id)
        assert {s["article_id"] for s in f["properties"]["sources"]} >= sources


def test_folder_of_exports(app, tmp_path: Path) -> None:
    from webmap.appcli import ingest_paths
    import io
    import shutil
    folder = tmp_path / "exports"
    (folder / "a").mkdir(parents=True)
    shutil.copy(UK_OLD, folder / "a" / "result.json")
    shutil.copy(RU, folder / "result.json")
    added, n, errors = ingest_paths(app, [folder], stream=io.StringIO())
    assert (added, errors) == (5, [])
