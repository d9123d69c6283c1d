"""Both store backends, SQLite and PostgreSQL + PostGIS: spatial filters, text search, schema, concurrency."""
from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from web_factory import sample, synthetic

from webmap.filters import FilterError, parse_filters
from webmap.store import Correction, IncidentStore, open_store


def ids(records, art):
    return {r.incident.incident_id.removeprefix(art.article_id) for r in records}


@pytest.mark.parametrize("args, expected", [
    ({"bbox": "36,49.5,37,50.5"}, {"-0"}),                     # Kharkiv (36.25 E, 49.98 N)
    ({"bbox": "35,49,38,52"}, {"-0", "-1", "-2"}),
    ({"bbox": "20,40,30,45"}, set()),
    ({"bbox": "36.5,50,-170,51"}, {"-1"}),                     # across the antimeridian: Belgorod only
    ({"within": "ne1:UA-63"}, {"-0"}),                         # Kharkiv oblast
    ({"within": "ne0:UA"}, {"-0"}),
    ({"within": "ne0:RU", "category": "drone_strike"}, {"-1"}),
])
def test_spatial_filters(store, args, expected):
    art, incs = sample()
    store.add(art, incs)
    f = parse_filters(args)
    assert ids(store.query(f), art) == expected
    assert store.count(f) == len(expected)
    assert {r[0].removeprefix(art.article_id) for r in store.feature_rows(f)} == expected


def test_spatial_filters_follow_corrections(store):
    art, incs = sample()
    store.add(art, incs)
    kharkiv = parse_filters({"bbox": "36,49.5,37,50.5"})
    store.correct(Correction(incs[1].incident_id, location_name="Chuhuiv", lat=49.84, lon=36.69, geo_precision=1))
    assert ids(store.query(kharkiv), art) == {"-0", "-1"}       # moved into the box
    store.correct(Correction(incs[0].incident_id, location_name="Lviv", lat=49.84, lon=24.03, geo_precision=1))
    assert ids(store.query(kharkiv), art) == {"-1"}             # moved out of it
    assert ids(store.query(parse_filters({"within": "ne1:UA-63"})), art) == {"-1"}


def test_unknown_region_and_bad_bbox_are_clear_errors(store):
    with pytest.raises(FilterError, match="ne1:XX-99"):
        store.query(parse_filters({"within": "ne1:XX-99"}))
    for bad in ("1,2,3", "a,b,c,d", "10,50,20,40", "0,0,200,10"):
        with pytest.raises(FilterError, match="bbox"):
            parse_filters({"bbox": bad})


def test_text_search_finds_words_of_sentence_place_and_title(store):
    art, incs = sample()
    store.add(art, incs)
    assert ids(store.query(parse_filters({"q": "oil depot"})), art) == {"-1"}
    assert ids(store.query(parse_filters({"q": "Belgor"})), art) == {"-1"}          # a word's beginning
    assert ids(store.query(parse_filters({"q": "overnight"})), art) == {"-0", "-1", "-2"}  # the title
    assert ids(store.query(parse_filters({"q": "<script>"})), art) == set()


def test_many_incidents_filters_agree_with_python(store):
    art, incs = synthetic(400)
    store.add(art, incs)
    f = parse_filters({"bbox": "30,48,35,50.5", "precision": "1,2", "date_from": "2024-07-10"})
    want = {i.incident_id for i in incs if 30 <= i.lon <= 35 and 48 <= i.lat <= 50.5 and i.geo_precision in (1, 2)
            and i.date >= "2024-07-10"}
    got = [r.incident.incident_id for r in store.query(f)]
    assert set(got) == want and len(got) == len(want) > 10
    date_of = {i.incident_id: i.date for i in incs}
    assert got == sorted(got, key=lambda i: (date_of[i], i))
    assert store.count(f) == len(want)
    assert len(store.query(f, limit=5)) == 5


def test_concurrent_writers_store_an_article_once(store):
    art, incs = sample()
    results, errors = [], []

    def post(n: int) -> None:
        try:
            a = replace(art, article_id=f"copy-{n}") if n % 2 else art
            results.append(store.add(a, incs))      # same text, same incident ids: stored twice would fail
        except Exception as e:                   # noqa: BLE001 - any error fails the test below
            errors.append(e)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(r.added for r in results) == 1
    assert len({r.article_id for r in results}) == 1 and all(r.incidents == 3 for r in results)
    assert store.stats() == {"articles": 1, "incidents": 3, "sources": 3, "corrections": 0}


def test_corrections_survive_concurrent_reingestion(store):
    art, incs = sample()
    store.add(art, incs)
    errors = []

    def reingest() -> None:
        try:
            for _ in range(5):
                store.add(art, incs, replace_existing=True)
        except Exception as e:                   # noqa: BLE001
            errors.append(e)

    def correct() -> None:
        try:
            for n, inc in enumerate(incs):
                store.correct(Correction(inc.incident_id, category="shelling", note=f"fix {n}"))
        except Exception as e:                   # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=reingest), threading.Thread(target=correct), threading.Thread(target=reingest)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.stats()["corrections"] == 3
    assert all(store.get(i.incident_id).incident.category == "shelling" for i in incs)


def test_open_store_chooses_the_backend_by_url(tmp_path):
    s = open_store(str(tmp_path / "x.sqlite"))
    assert isinstance(s, IncidentStore)
    with pytest.raises(ValueError, match="mysql"):
        open_store("mysql://u@h/db")


@pytest.mark.postgis
def test_postgis_schema_is_versioned_and_geometries_indexed(pg_cluster, pg_url):
    from webmap.store.postgis import SCHEMA_VERSION, PostGISStore

    s1 = PostGISStore(pg_url)
    s2 = PostGISStore(pg_url)                   # a second worker starting: nothing applied twice
    db = pg_url.rsplit("/", 1)[1]
    try:
        assert s1.schema_version() == s2.schema_version() == SCHEMA_VERSION
        assert pg_cluster.psql(db, "SELECT count(*) FROM schema_version") == str(SCHEMA_VERSION)
        assert pg_cluster.psql(db, "SELECT type FROM geometry_columns WHERE f_table_name = 'incidents' "
                                   "AND f_geometry_column = 'geom'") == "GEOMETRY"
        assert pg_cluster.psql(db, "SELECT srid FROM geometry_columns WHERE f_table_name = 'incidents' "
                                   "AND f_geometry_column = 'pt'") == "4326"
        gist = pg_cluster.psql(db, "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes "
                                   "WHERE indexdef LIKE '%USING gist%'")
        assert gist == "corrections_pt,incidents_geom,incidents_pt"
        art, incs = sample()
        s1.add(art, incs)
        # the Kursk oblast incident keeps its polygon in PostGIS, the others their point
        assert pg_cluster.psql(db, "SELECT string_agg(ST_GeometryType(geom), ',' ORDER BY incident_id) "
                                   "FROM incidents") == "ST_Point,ST_Point,ST_Polygon"
        plan = pg_cluster.psql(db, "SET enable_seqscan = off; EXPLAIN SELECT incident_id FROM incidents "
                                   "WHERE pt && ST_MakeEnvelope(36, 49, 37, 50, 4326)")
        assert "incidents_pt" in plan
    finally:
        s1.close()
        s2.close()


@pytest.fixture
def pg_store(pg_url):
    s = open_store(pg_url)
    yield s
    s.close()


def test_streamed_reads_and_pages_equal_the_whole_query(pg_store):
    store = pg_store
    art, incs = synthetic(120)
    store.add(art, incs)
    f = parse_filters({"bbox": "23,44,40,53"})
    whole = [r.incident.incident_id for r in store.query(f)]
    chunks = list(store.iter_records(f, chunk=50))
    assert [len(c) for c in chunks] == [50, 50, 20]
    assert [r.incident.incident_id for c in chunks for r in c] == whole
    page = [r.incident.incident_id for c in store.iter_records(f, chunk=7, limit=30, offset=45) for r in c]
    assert page == whole[45:75]
    rows = [row for c in store.iter_feature_rows(f, chunk=33) for row in c]
    assert [r[0] for r in rows] == whole and rows == store.feature_rows(f)


def test_accounts_users_and_token_hashes(pg_store):
    store = pg_store
    assert store.password_hash("ana") is None
    store.add_user("ana", "hash-1")
    store.add_user("ana", "hash-2")                       # an upsert: the new password
    assert store.password_hash("ana") == "hash-2"
    store.add_token("ana", "t" * 64, "laptop")
    assert store.user_for_token("t" * 64) == "ana" and store.user_for_token("x" * 64) is None
    with pytest.raises(KeyError):
        store.add_token("nobody", "u" * 64)


def test_map_rows_are_the_records_as_the_map_shows_them(store):
    # the map page reads map_rows (no Incident per row); they must say what query() says, corrections applied
    from webmap.maps import map_row_of
    from map_factory import volume
    from gazetteer import Gazetteer

    art, incs = volume(300, Gazetteer.default(), seed=3)
    store.add(art, incs)
    store.correct(Correction(incs[0].incident_id, category="drone_strike"))
    store.correct(Correction(incs[1].incident_id, location_name="Chuhuiv", lat=49.84, lon=36.69, geo_precision=1))
    region = next(i for i in incs if (i.geo_precision or 0) >= 3 and i.lat is not None)
    for f in (parse_filters({}), parse_filters({"category": "drone_strike"}), parse_filters({"precision": "3"}),
              parse_filters({"bbox": "36,49.5,37,50.5"})):
        got = store.map_rows(f)
        want = [map_row_of(r.incident, r.corrected) for r in store.query(f)]
        assert [r.incident_id for r in got] == [r.incident_id for r in want]
        for g, w in zip(got, want):
            if (w.geo_precision or 0) < 3:              # geometry is sent only for areas and routes
                w = w._replace(geometry=None)
                g = g._replace(geometry=None) if g.geometry and g.geometry.get("type") != "LineString" else g
            assert g == w, (g, w)
    rows = {r.incident_id: r for r in store.map_rows()}
    assert rows[incs[0].incident_id].category == "drone_strike" and rows[incs[0].incident_id].corrected
    assert rows[incs[1].incident_id].location_name == "Chuhuiv" and rows[incs[1].incident_id].lat == 49.84
    assert rows[region.incident_id].geometry["type"] in ("Polygon", "MultiPolygon")
    assert any(r.lat is None for r in rows.values())               # the unlocated are rows too


def test_correction_history_keeps_every_step_the_latest_wins_and_the_last_can_be_undone(store):
    art, incs = sample()
    store.add(art, incs)
    iid, machine = incs[0].incident_id, incs[0]
    store.correct(Correction(iid, location_name="Chuhuiv", lat=49.84, lon=36.69, geo_precision=1, author="ann",
                             note="moved: the sentence says Chuhuiv"))
    store.correct(Correction(iid, category="drone_strike", author="bob"))
    rec = store.get(iid)
    assert (rec.incident.category, rec.incident.location_name, rec.incident.lat) == ("drone_strike", "Chuhuiv", 49.84)
    assert rec.correction.author == "bob" and rec.correction.note == "moved: the sentence says Chuhuiv"
    assert rec.machine.category == machine.category and rec.machine.location_name == machine.location_name
    hist = store.correction_history(iid)
    assert [(e.action, e.correction.author, e.active) for e in hist] == [("correct", "ann", True), ("correct", "bob", True)]
    assert hist[0].correction.lat == 49.84 and hist[1].correction.category == "drone_strike"
    assert store.remove_correction(iid, author="cy")                    # back to the machine, history kept
    assert not store.get(iid).corrected and store.get(iid).incident.location_name == machine.location_name
    assert [e.action for e in store.correction_history(iid)] == ["correct", "correct", "clear"]
    assert not store.remove_correction(iid)                             # nothing in force: no new step
    assert store.undo_correction(iid, author="dan")                     # undo the clear
    assert store.get(iid).incident.category == "drone_strike"
    assert store.undo_correction(iid, author="dan")                     # undo bob's category
    rec = store.get(iid)
    assert (rec.incident.category, rec.incident.location_name) == (machine.category, "Chuhuiv")
    hist = store.correction_history(iid)
    assert [(e.active, e.undone_by) for e in hist] == [(True, ""), (False, "dan"), (False, "dan")]
    assert store.undo_correction(iid) and not store.get(iid).corrected
    assert not store.undo_correction(iid) and not store.undo_correction("no-such-incident")
    assert len(store.correction_history(iid)) == 3 and store.correction_history(incs[1].incident_id) == []
    # the filters follow the correction in force
    assert store.count(parse_filters({"category": "drone_strike"})) == 1


def test_corrections_made_before_the_history_become_its_first_entry(tmp_path):
    path = tmp_path / "old.sqlite"
    s = IncidentStore(path)
    art, incs = sample()
    s.add(art, incs)
    s.correct(Correction(incs[0].incident_id, category="shelling", author="ann"))
    import sqlite3
    with sqlite3.connect(path) as db:                   # a store of the previous version: no history table
        db.execute("DROP TABLE correction_log")
    s2 = IncidentStore(path)
    [e] = s2.correction_history(incs[0].incident_id)
    assert (e.action, e.correction.category, e.correction.author) == ("correct", "shelling", "ann")
    assert s2.undo_correction(incs[0].incident_id) and not s2.get(incs[0].incident_id).corrected


def test_article_filter_includes_incidents_the_article_only_lent_a_report_to(store):
    # a second report of a stored incident is absorbed into it (a feed's later message, another channel);
    # filtering by that second article must find the incident on both backends
    from web_factory import article, incident

    first, incs = sample()
    store.add(first, incs)
    second = article(text="Kharkiv was hit by a missile on Monday. Two people were killed in Kharkiv.",
                     title="Second report")
    store.add(second, [])
    report = incident(second, 0, "missile_strike", "Kharkiv")
    store.absorb(incs[0].incident_id, report)
    f = parse_filters({"article": second.article_id})
    assert [r.incident.incident_id for r in store.query(f)] == [incs[0].incident_id]
    assert store.count(f) == 1
    assert [r[0] for r in store.feature_rows(f)] == [incs[0].incident_id]
    own = parse_filters({"article": first.article_id})
    assert {r.incident.incident_id for r in store.query(own)} == {i.incident_id for i in incs}
