"""Incidents as GeoParquet rows: one row per GeoJSON feature of ``webmap.incidents.geojson``, lossless both ways.

A file holds WKB geometries (lon, lat; OGC:CRS84, GeoParquet's default CRS) in the ``geometry`` column,
a ``bbox`` covering column (GeoParquet 1.1) so that readers can skip row groups outside a box, and the
``geo`` metadata. Nested properties (actors, weapons, counts, sources) are JSON text. Needs pyarrow
(the ``archive`` extra).
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable, Sequence

GEO_VERSION = "1.1.0"
_STR = ("id", "article_id", "category", "category_label", "event_type", "sub_event_type", "date", "date_precision",
        "location_name", "place_id", "country_code", "admin1")
_JSON = ("actors", "weapons", "counts", "sources")
_OPTIONAL = ("status", "role", "route")      # properties only some features have (evacuation routes), as JSON


def schema() -> Any:
    import pyarrow as pa

    fields = [pa.field(n, pa.string()) for n in _STR]
    fields += [pa.field("lat", pa.float64()), pa.field("lon", pa.float64()), pa.field("geo_precision", pa.int32()),
               pa.field("score", pa.float64())]
    fields += [pa.field(n, pa.string()) for n in _JSON[:3]]
    fields += [pa.field("sentence_index", pa.int32()), pa.field("sentence", pa.string()),
               pa.field("start", pa.int32()), pa.field("end", pa.int32()), pa.field("sources", pa.string()),
               pa.field("notes", pa.string()), pa.field("extra", pa.string()), pa.field("geometry", pa.binary()),
               pa.field("bbox", pa.struct([pa.field(k, pa.float64()) for k in ("xmin", "ymin", "xmax", "ymax")]))]
    return pa.schema(fields)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def feature_to_row(feature: dict[str, Any]) -> dict[str, Any]:
    """The row of one incident feature (geometry as WKB, nested values as JSON text)."""
    import shapely
    from shapely.geometry import shape

    p = feature["properties"]
    row: dict[str, Any] = {n: p.get(n) for n in _STR}
    row.update({n: p.get(n) for n in ("lat", "lon", "geo_precision", "score", "sentence_index", "sentence",
                                      "start", "end")})
    row.update({n: _dump(p.get(n)) for n in _JSON})
    row["notes"] = p.get("notes")
    extra = {n: p[n] for n in _OPTIONAL if n in p}
    row["extra"] = _dump(extra) if extra else None
    g = feature.get("geometry")
    if g:
        geom = shape(g)
        row["geometry"] = shapely.to_wkb(geom, output_dimension=2)
        xmin, ymin, xmax, ymax = geom.bounds
        row["bbox"] = {"xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    else:
        row["geometry"] = row["bbox"] = None
    return row


def row_to_feature(row: dict[str, Any]) -> dict[str, Any]:
    """The GeoJSON feature of a row: the inverse of :func:`feature_to_row`."""
    import shapely
    from shapely.geometry import mapping

    props: dict[str, Any] = {n: row.get(n) for n in ("id", "category", "category_label", "event_type",
                                                      "sub_event_type", "date", "date_precision", "location_name",
                                                      "place_id", "country_code", "admin1", "lat", "lon",
                                                      "geo_precision", "score")}
    props.update({n: json.loads(row[n]) for n in ("actors", "weapons", "counts")})
    props.update({n: row.get(n) for n in ("article_id", "sentence_index", "sentence", "start", "end")})
    props["sources"] = json.loads(row["sources"])
    props["corrected"] = False
    if row.get("notes"):
        props["notes"] = row["notes"]
    if row.get("extra"):
        props.update(json.loads(row["extra"]))
    geometry = None
    if row.get("geometry") is not None:
        geometry = json.loads(json.dumps(mapping(shapely.from_wkb(row["geometry"]))))   # tuples -> lists
    return {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}


def geo_metadata(geometry_types: Iterable[str]) -> dict[str, Any]:
    """The GeoParquet ``geo`` metadata (no ``crs`` key: OGC:CRS84, longitude then latitude)."""
    return {"version": GEO_VERSION, "primary_column": "geometry",
            "columns": {"geometry": {"encoding": "WKB", "geometry_types": sorted(set(geometry_types)),
                                     "covering": {"bbox": {k: ["bbox", k] for k in ("xmin", "ymin", "xmax", "ymax")}}}}}


def table(rows: Sequence[dict[str, Any]]) -> Any:
    """A pyarrow Table of rows, with the ``geo`` metadata."""
    import pyarrow as pa
    import shapely

    types = {shapely.from_wkb(r["geometry"]).geom_type for r in rows if r["geometry"] is not None}
    s = schema().with_metadata({b"geo": json.dumps(geo_metadata(types)).encode()})
    return pa.Table.from_pylist(list(rows), schema=s)


def write(rows: Sequence[dict[str, Any]], path: str | Path) -> int:
    """Write rows to one GeoParquet file atomically (a temporary file renamed into place); returns the row count."""
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        pq.write_table(table(rows), tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(rows)


def read_features(path: str | Path) -> list[dict[str, Any]]:
    """Every feature of a GeoParquet file or folder of partitions, in file-name order."""
    import pyarrow.parquet as pq

    p = Path(path)
    files = sorted(p.glob("part-*.parquet")) if p.is_dir() else [p]
    out: list[dict[str, Any]] = []
    for f in files:
        out += [row_to_feature(r) for r in pq.read_table(f).to_pylist()]
    return out
