"""Counts of a Telegram event after an edit: an edited message's new counts replace what its earlier version
counted (a correction downwards is real), while reports of one event in different messages or channels still
give the larger of each. Real exports written here, the real pipeline and gazetteer, both store backends
(SQLite, and a real PostgreSQL + PostGIS cluster under the ``postgis`` marker)."""
from __future__ import annotations

import io
import json
from pathlib import Path



def _export(path: Path, chat: int, name: str, messages: list[tuple[int, str, str | None]]) -> Path:
    """A Telegram Desktop export of one channel: (id, text, edited or None) per message."""
    msgs = []
    for mid, text, edited in messages:
        m = {"id": mid, "type": "message", "date": "2024-08-11T07:00:00", "date_unixtime": "0", "from": name,
             "from_id": f"channel{chat}", "text": text, "text_entities": [{"type": "plain", "text": text}]}
        if edited:
            m["edited"] = edited
        msgs.append(m)
    path.write_text(json.dumps({"name": name, "type": "public_channel", "id": chat, "messages": msgs},
                               ensure_ascii=False), encoding="utf-8")
    return path


UK = "Вночі російські дрони атакували Харків, поранено {} людей."
RU = "Ночью российские беспилотники атаковали Харьков, ранены {} человек."


def _ingest(store_app, *paths: Path) -> None:
    from webmap.appcli import ingest_paths
    _, _, errors = ingest_paths(store_app, list(paths), stream=io.StringIO())
    assert errors == []


def _strike(store_app):
    store = store_app.extensions["webmap"].store
    found = [r.incident for r in store.query() if (r.incident.category, r.incident.location_name)
             == ("drone_strike", "Kharkiv")]
    assert len(found) == 1, found
    return found[0]


def test_different_reports_keep_the_larger_count(store_app, tmp_path: Path) -> None:
    _ingest(store_app, _export(tmp_path / "uk.json", 111, "uk", [(1, UK.format("п'ятьох"), None)]))
    _ingest(store_app, _export(tmp_path / "ru.json", 222, "ru", [(7, RU.format("трое"), None)]))
    inc = _strike(store_app)
    assert {s.article_id for s in inc.sources} == {"tg-111-1", "tg-222-7"}
    assert dict(inc.counts)["wounded"] == 5


def test_an_edit_downwards_replaces_the_count_its_message_gave(store_app, tmp_path: Path) -> None:
    _ingest(store_app, _export(tmp_path / "uk.json", 111, "uk", [(1, UK.format("п'ятьох"), None)]))
    _ingest(store_app, _export(tmp_path / "ru.json", 222, "ru", [(7, RU.format("трое"), None)]))
    # the Ukrainian channel (whose message told the larger count, and owns the incident) corrects it to two
    _ingest(store_app, _export(tmp_path / "uk2.json", 111, "uk", [(1, UK.format("двох"), "2024-08-11T09:00:00")]))
    inc = _strike(store_app)
    assert {s.article_id for s in inc.sources} == {"tg-111-1", "tg-222-7"}
    assert dict(inc.counts)["wounded"] == 3          # the other channel's three, not the withdrawn five


def test_an_edit_of_the_report_absorbed_later_replaces_its_count(store_app, tmp_path: Path) -> None:
    _ingest(store_app, _export(tmp_path / "ru.json", 222, "ru", [(7, RU.format("трое"), None)]))
    _ingest(store_app, _export(tmp_path / "uk.json", 111, "uk", [(1, UK.format("шістьох"), None)]))
    assert dict(_strike(store_app).counts)["wounded"] == 6
    _ingest(store_app, _export(tmp_path / "uk2.json", 111, "uk", [(1, UK.format("чотирьох"), "2024-08-11T09:00:00")]))
    assert dict(_strike(store_app).counts)["wounded"] == 4
    # and upwards: the Russian channel now says eight
    _ingest(store_app, _export(tmp_path / "ru2.json", 222, "ru", [(7, RU.format("восемь"), "2024-08-11T10:00:00")]))
    assert dict(_strike(store_app).counts)["wounded"] == 8


def test_an_edit_of_a_single_report_gives_its_new_count(store_app, tmp_path: Path) -> None:
    _ingest(store_app, _export(tmp_path / "uk.json", 111, "uk", [(1, UK.format("п'ятьох"), None)]))
    _ingest(store_app, _export(tmp_path / "uk2.json", 111, "uk", [(1, UK.format("двох"), "2024-08-11T09:00:00")]))
    assert dict(_strike(store_app).counts)["wounded"] == 2
