"""Which first-level region's polygon holds each place, decided once while the index is built.

The resolver asks whether a place lies in the region a text names with it ("Winchester, Hampshire":
GeoNames files Winchester under England, Natural Earth's first level is Hampshire). Answering that
from the polygons at query time needs shapely and decoded polygons; answered here, for every place
against every admin-1 polygon, it is one row per (place, region) in the ``within`` table, and
geoparsing needs neither.
"""
from __future__ import annotations

import json
import sqlite3
import zlib


def fill_within(con: sqlite3.Connection) -> int:
    """Write ``within(pid, region)`` for each place whose point (as stored) an admin-1 polygon contains
    (the same test as ``shape(geometry).contains(Point(lon, lat))``); returns the number of rows."""
    import numpy as np
    import shapely
    from shapely.geometry import shape

    regions = [(pid, shape(json.loads(zlib.decompress(geom)))) for pid, geom in con.execute(
        "SELECT pid, geom FROM place WHERE kind = 'admin1' AND geom IS NOT NULL ORDER BY pid")]
    if not regions:
        return 0
    tree = shapely.STRtree([g for _, g in regions])
    rows = con.execute("SELECT pid, lon, lat FROM place ORDER BY pid").fetchall()
    pids = np.array([r[0] for r in rows], dtype=np.int64)
    points = shapely.points(np.array([(r[1], r[2]) for r in rows], dtype=float))
    place_i, region_i = tree.query(points, predicate="within")       # point within polygon = polygon contains point
    pairs = sorted({(int(pids[p]), regions[r][0]) for p, r in zip(place_i, region_i)})
    con.executemany("INSERT INTO within VALUES (?, ?)", pairs)
    return len(pairs)
