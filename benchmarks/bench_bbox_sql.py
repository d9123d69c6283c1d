"""The two SQL forms of the PostGIS bbox filter on one ANALYZEd database of 100k synthetic incidents:
the first (IN over a UNION of both tables' GiST hits) and the one in webmap/store/postgis.py (the
incidents' GiST index OR'ed with the moved corrections by primary key). Prints counts, medians of 5 and
the top of each plan.

Run: .venv/bin/python benchmarks/bench_bbox_sql.py
"""
import statistics
import sys
import time
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)
sys.path[:0] = [ROOT, ROOT + "/tests", ROOT + "/benchmarks"]
import psycopg  # noqa: E402
import pgcluster  # noqa: E402
from bench_store_bbox import chunks  # noqa: E402

from webmap.store import open_store  # noqa: E402
from webmap.store.postgis import _FROM, _PT  # noqa: E402

env = "ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
OLD = (f"i.incident_id IN (SELECT incident_id FROM incidents WHERE pt && {env} UNION ALL SELECT incident_id FROM corrections WHERE pt && {env}) AND ({_PT} && {env})", 3)
NEW = (f"(i.pt && {env} OR i.incident_id = ANY(ARRAY(SELECT incident_id FROM corrections WHERE pt && {env}))) AND ({_PT} && {env})", 3)
with pgcluster.Cluster({"shared_buffers": "256MB"}) as c:
    url = c.create_database("exp")
    s = open_store(url)
    for art, incs in chunks(100_000):
        s.add_many([(art, incs)])
    s.close()
    conn = psycopg.connect(url, autocommit=True)
    conn.execute("ANALYZE")
    for box in ((36.0, 49.75, 36.5, 50.25), (34.0, 48.5, 37.0, 51.5)):
        for name, (cond, k) in (("first form", OLD), ("current form", NEW)):
            sql = "SELECT count(*)" + _FROM + " WHERE " + cond
            p = list(box) * k
            n = conn.execute(sql, p).fetchone()[0]
            ts = []
            for _ in range(5):
                t = time.perf_counter()
                conn.execute(sql, p).fetchone()
                ts.append(time.perf_counter() - t)
            plan = [r[0] for r in conn.execute("EXPLAIN " + sql, p)]
            print(name, box, n, round(statistics.median(ts) * 1000, 1), "ms")
            print("   ", " | ".join(line.strip() for line in plan[:8]))
