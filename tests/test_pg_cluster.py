"""The throwaway PostgreSQL + PostGIS cluster the `postgis` tests run on (tests/pgcluster.py)."""
from __future__ import annotations


def test_cluster_listens_on_loopback_only_and_has_postgis(pg_cluster, pg_url):
    db = pg_url.rsplit("/", 1)[1]
    assert pg_cluster.psql(db, "SHOW listen_addresses") == "127.0.0.1"
    assert pg_cluster.psql(db, "SELECT current_setting('server_version_num')::int / 10000") == "15"
    assert pg_cluster.psql(db, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'").startswith("3.")
    # a real spatial query: Kursk (51.73 N, 36.19 E) is inside the Kursk oblast box, Kyiv is not
    inside = pg_cluster.psql(db, "SELECT string_agg(name, ',' ORDER BY name) FROM (VALUES "
                                 "('Kursk', ST_SetSRID(ST_Point(36.19, 51.73), 4326)), "
                                 "('Kyiv', ST_SetSRID(ST_Point(30.52, 50.45), 4326))) AS t(name, g) "
                                 "WHERE ST_Within(g, ST_MakeEnvelope(34.0, 50.8, 38.6, 52.5, 4326))")
    assert inside == "Kursk"


def test_each_test_gets_its_own_empty_database(pg_cluster, pg_url):
    db = pg_url.rsplit("/", 1)[1]
    pg_cluster.psql(db, "CREATE TABLE t (x int); INSERT INTO t VALUES (1)")
    assert pg_cluster.psql(db, "SELECT count(*) FROM t") == "1"
    other = pg_cluster.create_database(db + "_other")
    try:
        assert pg_cluster.psql(other.rsplit("/", 1)[1], "SELECT to_regclass('t') IS NULL") == "t"
    finally:
        pg_cluster.drop_database(db + "_other")
