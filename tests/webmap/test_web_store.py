"""The SQLite incident store: round trips, dedup, atomic ingest, filters, corrections."""
from __future__ import annotations

from dataclasses import replace

import pytest
from web_factory import KURSK_POLY, article, sample

from webmap.filters import FilterError, Filters, parse_filters
from webmap.store import Correction


def test_store_round_trip_keeps_every_field(store):
    art, incs = sample()
    result = store.add(art, incs)
    assert result.added and result.incidents == 3
    got = store.get(incs[2].incident_id)
    assert got is not None and not got.corrected
    assert got.incident == incs[2]
    assert got.incident.geometry == KURSK_POLY
    assert got.incident.sources == incs[2].sources
    assert got.article_title == "Strikes overnight"
    assert store.get_article(art.article_id) == art


def test_store_same_text_is_stored_once(store):
    art, incs = sample()
    store.add(art, incs)
    again = store.add(replace(art, article_id="other-id", title="Copy"), [])
    assert again.added is False and again.article_id == art.article_id and again.incidents == 3
    assert store.stats() == {"articles": 1, "incidents": 3, "sources": 3, "corrections": 0}


def test_store_failed_ingest_leaves_store_as_it_was(store):
    art, incs = sample()
    store.add(art, incs[:1])
    before = store.stats()
    other = article(text="A different article about Kharkiv. Drones hit Belgorod. Troops in Kursk oblast.")
    dup = replace(incs[0], sources=())           # same incident id as a stored one: the insert must fail
    with pytest.raises(store.IntegrityError):
        store.add_many([(other, [replace(incs[1], incident_id="new-1")]),
                        (article(text="Yet another text about Kharkiv."), [dup])])
    assert store.stats() == before
    assert store.get_article(other.article_id) is None


@pytest.mark.parametrize("args, expected", [
    ({}, {"-0", "-1", "-2"}),
    ({"category": "missile_strike,drone_strike"}, {"-0", "-1"}),
    ({"event_type": "Battles"}, {"-2"}),
    ({"date_from": "2024-08-13"}, {"-1", "-2"}),
    ({"date_to": "2024-08-13", "date_from": "2024-08-13"}, {"-1"}),
    ({"country": "ru"}, {"-1", "-2"}),
    ({"region": "kharkiv oblast"}, {"-0"}),
    ({"precision": ["2", "3"]}, {"-1", "-2"}),
    ({"q": "oil depot"}, {"-1"}),
    ({"q": "100%"}, set()),
    ({"article": "nope"}, set()),
])
def test_store_query_filters(store, args, expected):
    art, incs = sample()
    store.add(art, incs)
    got = {r.incident.incident_id.removeprefix(art.article_id) for r in store.query(parse_filters(args))}
    assert got == expected
    assert store.count(parse_filters(args)) == len(expected)


def test_store_correction_is_kept_apart_and_survives_reingestion(store):
    art, incs = sample()
    store.add(art, incs)
    iid = incs[0].incident_id
    store.correct(Correction(iid, category="air_strike", location_name="Chuhuiv", place_id="gn:711660",
                             lat=49.84, lon=36.69, geo_precision=1, note="wrong town"))
    rec = store.get(iid)
    assert rec.corrected and rec.incident.category == "air_strike" and rec.incident.lat == 49.84
    assert rec.incident.event_type == "Explosions/Remote violence" and rec.incident.location_name == "Chuhuiv"
    assert rec.machine == incs[0]                       # the machine output is kept as it was
    assert [r.incident.incident_id for r in store.query(Filters(categories=("air_strike",)))] == [iid]
    store.add(art, incs, replace_existing=True)          # re-ingestion replaces machine rows only
    assert store.get(iid).corrected and store.stats()["incidents"] == 3
    assert store.remove_correction(iid) and store.get(iid).incident == incs[0]


def test_store_correcting_an_unknown_incident_raises(store):
    with pytest.raises(KeyError):
        store.correct(Correction("missing", category="shelling"))


@pytest.mark.parametrize("args, needle", [
    ({"category": "teleport"}, "'teleport'"),
    ({"event_type": "Picnics"}, "'Picnics'"),
    ({"date_from": "2024-02-30"}, "'2024-02-30'"),
    ({"date_to": "yesterday"}, "'yesterday'"),
    ({"date_from": "2024-09-01", "date_to": "2024-08-01"}, "after"),
    ({"precision": "4"}, "'4'"),
    ({"country": "Ukraine"}, "'Ukraine'"),
])
def test_filters_reject_bad_values_by_name(args, needle):
    with pytest.raises(FilterError, match=needle.replace("'", "'")):
        parse_filters(args)


def test_filters_round_trip_through_url_args():
    f = parse_filters({"category": ["shelling", "drone_strike"], "date_from": "2024-08-01", "precision": "1,3",
                       "country": "ua", "q": "depot"})
    assert f.categories == ("shelling", "drone_strike") and f.country == "UA" and f.precision == (1, 3)
    from werkzeug.datastructures import MultiDict
    assert parse_filters(MultiDict(f.to_args())) == f
    assert Filters().is_empty() and not f.is_empty()
