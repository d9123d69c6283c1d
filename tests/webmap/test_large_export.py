"""A Telegram Desktop export over the upload limit: the web refuses it (the limit stays), `webmap ingest` reads it
message by message, in parts, with every message stored once and one event told in two parts merged."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from webmap.incidents.exc import ArticleError
from webmap.incidents.telegram_stream import iter_export_chunks, iter_messages

LIMIT = 64 * 1024
PLACES = ["Харків", "Суми", "Херсон", "Запоріжжя", "Дніпро", "Одеса", "Миколаїв", "Чернігів"]


def _export(n: int) -> dict:
    """A channel export of ``n`` posts: reports of strikes (each city once), weather, service messages."""
    msgs: list[dict] = [{"id": 1, "type": "service", "date": "2024-08-01T00:00:00", "action": "create_channel"}]
    for i in range(2, n + 2):
        if i == 3:                                   # one strike, told again in the very last post
            text = ["Уночі окупанти атакували ", {"type": "bold", "text": "Харків"}, " ударними дронами, поранено двох людей. ",
                    {"type": "text_link", "text": "Тест Новини", "href": "https://t.me/big_channel_test"}]
        elif i % 25 == 0:
            city = PLACES[(i // 25) % len(PLACES)]
            text = [f"Росіяни обстріляли місто {city} з артилерії, пошкоджено {i} будинків. ",
                    {"type": "text_link", "text": "Тест Новини", "href": "https://t.me/big_channel_test"}]
        else:
            text = [f"Прогноз погоди №{i} на {i % 28 + 1} серпня: сонячно, до +{20 + i % 10}, вітер слабкий. ",
                    {"type": "text_link", "text": "Тест Новини", "href": "https://t.me/big_channel_test"}]
        msgs.append({"id": i, "type": "message", "date": f"2024-08-{i % 28 + 1:02d}T06:00:00", "text": text})
        if i % 40 == 0:
            msgs.append({"id": 10_000 + i, "type": "service", "date": "2024-08-02T00:00:00", "action": "pin_message"})
    msgs.append({"id": n + 2, "type": "message", "date": "2024-08-04T09:00:00",
                 "text": "Повторно: у Харкові вночі окупанти атакували місто ударними дронами, двоє поранених. t.me/big_channel_test"})
    return {"name": "Тест Новини", "type": "public_channel", "id": 777001, "messages": msgs}


@pytest.fixture
def big(tmp_path: Path) -> tuple[Path, int]:
    data = _export(320)
    f = tmp_path / "result.json"
    f.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    assert f.stat().st_size > LIMIT
    texts = sum(1 for m in data["messages"] if m["type"] == "message")
    return f, texts


@pytest.fixture
def app(tmp_path: Path):
    from webmap import create_app
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "DATABASE": str(tmp_path / "big.sqlite"),
                       "SECRET_KEY": "t", "MAX_CONTENT_LENGTH": LIMIT})


def test_streamed_reader_equals_the_whole_file_reader(big, tmp_path: Path) -> None:
    from webmap.incidents.loaders import load_path
    f, texts = big
    streamed = [a for part in iter_export_chunks(f, 37) for a in part]
    assert len(streamed) == texts
    assert streamed == load_path(f, max_bytes=10 * LIMIT)          # same articles, same ids, text, url, date
    assert streamed[0].url == "https://t.me/big_channel_test/2"
    # an account export (chats.list) with two chats streams the same way
    acct = tmp_path / "account.json"
    both = {"about": "x", "chats": {"about": "y", "list": [json.loads(f.read_text(encoding="utf-8")),
                                                           {**_export(3), "id": 777002, "name": "Другий"}]}}
    acct.write_text(json.dumps(both, ensure_ascii=False), encoding="utf-8")
    chats = {c for c, _, _ in iter_messages(acct)}
    assert chats == {1, 2}
    assert [a for p in iter_export_chunks(acct, 50) for a in p] == load_path(acct, max_bytes=10 * LIMIT)


def test_cli_ingest_reads_an_export_over_the_upload_limit(app, big) -> None:
    from webmap.appcli import ingest_paths
    f, texts = big
    # the web upload limit stays: the same file posted is refused
    with app.test_client() as c:
        r = c.post("/api/articles", data={"file": (io.BytesIO(f.read_bytes()), "result.json")},
                   content_type="multipart/form-data")
        assert r.status_code == 413
    added, incidents, errors = ingest_paths(app, [f], stream=io.StringIO())
    assert errors == [] and added == texts
    store = app.extensions["webmap"].store
    assert store.stats()["articles"] == texts
    cities = {r.incident.location_name for r in store.query() if r.incident.category == "shelling"}
    assert {"Sumy", "Kherson", "Dnipro"} <= cities
    # nothing read twice
    assert ingest_paths(app, [f], stream=io.StringIO())[:2] == (0, 0)
    assert store.stats()["articles"] == texts


def test_one_event_told_in_two_parts_is_one_incident(app, big) -> None:
    from webmap.feed import ingest_export_file
    f, _ = big
    state = app.extensions["webmap"]
    ingest_export_file(state, f, chunk=50)            # the two reports of the Kharkiv strike are 300 posts apart
    strikes = [r.incident for r in state.store.query()
               if r.incident.category == "drone_strike" and r.incident.location_name == "Kharkiv"]
    assert len(strikes) == 1
    assert {s.article_id for s in strikes[0].sources} == {"tg-777001-3", "tg-777001-322"}


def test_a_large_json_that_is_no_export_names_the_limit(app, tmp_path: Path) -> None:
    from webmap.appcli import ingest_paths
    f = tmp_path / "articles.json"
    f.write_text(json.dumps([{"id": f"a{i}", "text": "Погода: сонячно. " * 20} for i in range(400)],
                            ensure_ascii=False), encoding="utf-8")
    assert f.stat().st_size > LIMIT
    added, _, errors = ingest_paths(app, [f], stream=io.StringIO())
    assert added == 0 and len(errors) == 1 and f"limit of {LIMIT} bytes" in errors[0]
    bad = tmp_path / "cut.json"
    bad.write_text(f.read_text(encoding="utf-8").replace("[", '{"name": "x", "messages": [', 1)[:-5],
                   encoding="utf-8")
    with pytest.raises(ArticleError, match="invalid JSON"):
        list(iter_messages(bad))
