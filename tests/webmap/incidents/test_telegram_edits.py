"""An edited Telegram message replaces its earlier version everywhere: its article, the incidents it owns and
the source spans it lent to incidents of other messages (no stale offsets, no lost sources). Reports of one
event in several channels merge into one incident with every source. Both store backends: SQLite and a real
PostgreSQL + PostGIS cluster (the ``postgis`` marker)."""
from __future__ import annotations

import io
import json
from pathlib import Path


from paths import TEST_DATA

DATA = TEST_DATA / "telegram"
UK_OLD, RU = DATA / "channel_uk_old.json", DATA / "channel_ru.json"


def test_reports_in_several_channels_merge_into_one_incident(store_app) -> None:
    from webmap.appcli import ingest_paths
    store = store_app.extensions["webmap"].store
    ingest_paths(store_app, [UK_OLD], stream=io.StringIO())
    ingest_paths(store_app, [RU], stream=io.StringIO())
    [strike] = _strikes(store)
    assert {s.article_id for s in strike.sources} == {"tg-1512345678-2", "tg-1698765432-10"}
    assert dict(strike.counts) == {"wounded": 2}
    _exact(store, strike)
    # the cached GeoJSON feature lists every source too
    with store_app.test_client() as c:
        feats = c.get("/api/incidents.geojson").get_json()["features"]
    f = next(f for f in feats if f["id"] == strike.incident_id)
    assert {s["article_id"] for s in f["properties"]["sources"]} == {"tg-1512345678-2", "tg-1698765432-10"}
    # the same exports again: nothing is read twice, no source is added twice
    before = store.stats()
    ingest_paths(store_app, [UK_OLD, RU], stream=io.StringIO())
    assert store.stats() == before


def _edit(src: Path, out: Path, message_id: int, prefix: str, when: str = "2024-08-11T09:00:00") -> Path:
    """A newer export of ``src`` in which message ``message_id`` was edited: ``prefix`` put before its text."""
    data = json.loads(src.read_text(encoding="utf-8"))
    for m in data["messages"]:
        if m.get("id") == message_id:
            text = m["text"]
            m["text"] = [prefix, *text] if isinstance(text, list) else prefix + text
            m["edited"] = when
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return out


def _strikes(store, category: str = "drone_strike", place: str = "Kharkiv") -> list:
    return [r.incident for r in store.query() if (r.incident.category, r.incident.location_name) == (category, place)]


def _exact(store, inc) -> None:
    for s in inc.sources:
        text = store.get_article(s.article_id).text
        assert text[s.start:s.end] == s.sentence, (s.article_id, s.start, s.end)
        if s.trigger_start is not None:
            assert s.start <= s.trigger_start < s.trigger_end <= s.end
        if s.place_start is not None:
            assert s.start <= s.place_start < s.place_end <= s.end


def test_edited_message_that_lent_a_source_moves_its_offsets(store_app, tmp_path: Path) -> None:
    from webmap.appcli import ingest_paths
    store = store_app.extensions["webmap"].store
    ingest_paths(store_app, [UK_OLD], stream=io.StringIO())
    ingest_paths(store_app, [RU], stream=io.StringIO())
    [merged] = _strikes(store)
    assert {s.article_id for s in merged.sources} == {"tg-1512345678-2", "tg-1698765432-10"}
    # the Russian channel edits its report: a new first sentence shifts every offset
    edited = _edit(RU, tmp_path / "ru_new.json", 10, "UPD 09:00. Информация уточняется. ")
    added, _, errors = ingest_paths(store_app, [edited], stream=io.StringIO())
    assert errors == [] and added == 0
    assert store.get_article("tg-1698765432-10").text.startswith("UPD 09:00.")
    [merged] = _strikes(store)
    ru = [s for s in merged.sources if s.article_id == "tg-1698765432-10"]
    assert len(ru) == 1, "the earlier version's span is gone, the new one is there once"
    _exact(store, merged)
    assert ru[0].start > 0


def test_edited_message_that_owned_a_merged_incident_keeps_the_other_reports(store_app, tmp_path: Path) -> None:
    from webmap.appcli import ingest_paths
    store = store_app.extensions["webmap"].store
    ingest_paths(store_app, [UK_OLD], stream=io.StringIO())
    ingest_paths(store_app, [RU], stream=io.StringIO())
    [before] = _strikes(store)
    spans = sorted(s.article_id for s in before.sources)
    # the Ukrainian channel (whose message owns the merged incident) edits its report
    edited = _edit(UK_OLD, tmp_path / "uk_new.json", 2, "Оновлено. ")
    ingest_paths(store_app, [edited], stream=io.StringIO())
    strikes = _strikes(store)
    assert len(strikes) == 1, "still one incident for the one event"
    assert {s.article_id for s in strikes[0].sources} == {"tg-1512345678-2", "tg-1698765432-10"}
    assert sorted(s.article_id for s in strikes[0].sources) == spans, "as many spans of each message as before"
    _exact(store, strikes[0])
    # nothing of the earlier version is left: every span of the edited message points into its new text
    for r in store.query():
        _exact(store, r.incident)


def test_edited_message_no_longer_reporting_the_event_leaves_it(store_app, tmp_path: Path) -> None:
    from webmap.appcli import ingest_paths
    store = store_app.extensions["webmap"].store
    ingest_paths(store_app, [UK_OLD], stream=io.StringIO())
    ingest_paths(store_app, [RU], stream=io.StringIO())
    data = json.loads(RU.read_text(encoding="utf-8"))
    for m in data["messages"]:
        if m["id"] == 10:
            m["text"] = "Сообщение удалено автором канала."
            m["edited"] = "2024-08-11T09:00:00"
    f = tmp_path / "ru_retracted.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ingest_paths(store_app, [f], stream=io.StringIO())
    [strike] = _strikes(store)
    assert {s.article_id for s in strike.sources} == {"tg-1512345678-2"}
    _exact(store, strike)
