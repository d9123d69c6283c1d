"""User imports: a GeoNames country dump (19-column ``UA.txt``), a CSV or a GeoJSON of places.

Imported places are kept in the cache directory (``imports.jsonl``) and go into every index
build; importing changes the data fingerprint, so the next use builds a fresh index. A
GeoNames row whose id is already known (cities500) adds its names to that place.
"""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Iterator

from ..cache import imports_path
from ..exc import GazetteerDataError
from ..model import PLACE_KINDS
from .sources import Record, clean_names, populated_kind

GEONAMES_COLUMNS = 19


def _read_text(path: Path) -> str:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            inner = [n for n in z.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not inner:
                raise GazetteerDataError(f"{path}: no .txt inside the zip")
            data = z.read(inner[0])
    else:
        data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GazetteerDataError(f"{path}: not UTF-8 (byte {err.start})") from err


def geonames_records(text: str, country: str | None = None) -> Iterator[Record]:
    """Rows of a GeoNames dump: populated places (class P) and second-level divisions (ADM2)."""
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != GEONAMES_COLUMNS:
            raise GazetteerDataError(f"line {no}: {len(f)} columns, a GeoNames dump has {GEONAMES_COLUMNS}")
        fclass, fcode, cc = f[6], f[7], f[8]
        if country and cc != country.upper():
            continue
        if fclass == "P":
            pop = int(f[14] or 0)
            kind = populated_kind(pop) if fcode != "PPLX" else "district"
        elif fclass == "A" and fcode in ("ADM2", "ADM3"):
            pop, kind = int(f[14] or 0), "admin2"
        else:
            continue
        try:
            lat, lon = float(f[4]), float(f[5])
        except ValueError as err:
            raise GazetteerDataError(f"line {no}: bad coordinates {f[4]!r}, {f[5]!r}") from err
        yield Record(place_id=f"gn:{f[0]}", name=f[1], kind=kind, lat=lat, lon=lon, country_code=cc,
                     admin1_code=f"{cc}.{f[10]}", population=pop,
                     names=clean_names([f[2]] + f[3].split(",")), source="user:geonames", gn_id=int(f[0]))


def _user_id(name: str, lat: float, lon: float) -> str:
    return "user:" + hashlib.sha1(f"{name}|{lat:.5f}|{lon:.5f}".encode()).hexdigest()[:12]


def _record_from_props(props: dict, lat: float, lon: float, where: str, geometry: dict | None = None) -> Record:
    name = str(props.get("name") or "").strip()
    if not name:
        raise GazetteerDataError(f"{where}: a place needs a name")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerDataError(f"{where}: coordinates out of range ({lat}, {lon})")
    names = props.get("names") or props.get("alt_names") or ""
    if isinstance(names, str):
        names = [n for n in names.split("|") if n]
    pop = int(float(props.get("population") or 0))
    kind = props.get("kind") or (populated_kind(pop) if geometry is None else "area")
    if kind not in PLACE_KINDS:
        raise GazetteerDataError(f"{where}: unknown kind {kind!r} (one of {', '.join(PLACE_KINDS)})")
    return Record(place_id=str(props.get("id") or _user_id(name, lat, lon)), name=name, kind=kind,
                  lat=lat, lon=lon, country_code=str(props.get("country_code") or "").upper(),
                  admin1_code=str(props.get("admin1_code") or ""), population=pop,
                  strong_names=clean_names(list(names)), geometry=geometry, source="user")


def csv_records(text: str) -> Iterator[Record]:
    """CSV with a header: name, lat, lon and optionally id, kind, country_code, admin1_code, population, names."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"name", "lat", "lon"} - set(reader.fieldnames or [])
    if missing:
        raise GazetteerDataError(f"CSV lacks the column(s) {', '.join(sorted(missing))}")
    for no, row in enumerate(reader, 2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError) as err:
            raise GazetteerDataError(f"line {no}: bad coordinates") from err
        yield _record_from_props(row, lat, lon, f"line {no}")


def geojson_records(text: str) -> Iterator[Record]:
    """A FeatureCollection of Points (or areas: their polygon is kept, a representative point used)."""
    from shapely.geometry import shape

    try:
        doc = json.loads(text)
        feats = doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
    except (ValueError, KeyError, AttributeError) as err:
        raise GazetteerDataError(f"not a GeoJSON FeatureCollection ({err})") from err
    for i, f in enumerate(feats):
        geom = f.get("geometry") or {}
        try:
            g = shape(geom)
        except (ValueError, AttributeError, TypeError) as err:
            raise GazetteerDataError(f"feature {i}: bad geometry ({err})") from err
        pt = g if g.geom_type == "Point" else g.representative_point()
        yield _record_from_props(f.get("properties") or {}, pt.y, pt.x, f"feature {i}",
                                 None if g.geom_type == "Point" else geom)


def import_file(path: Path, *, fmt: str | None = None, country: str | None = None) -> int:
    """Import places from a file into the user's import store; returns how many.

    :raises GazetteerDataError: for an unreadable or malformed file (nothing is written then).
    """
    if fmt is None:
        fmt = {".csv": "csv", ".geojson": "geojson", ".json": "geojson"}.get(path.suffix.lower(), "geonames")
    text = _read_text(path)
    reader = {"geonames": lambda: geonames_records(text, country), "csv": lambda: csv_records(text),
              "geojson": lambda: geojson_records(text)}[fmt]
    records = list(reader())                      # parse everything before writing anything
    if not records:
        raise GazetteerDataError(f"{path}: no places found")
    out = imports_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(dataclasses.asdict(r), ensure_ascii=False) + "\n")
    return len(records)
