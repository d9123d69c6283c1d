"""Build gazetteer/data/wof_ua.tsv.gz from a Who's On First Ukraine snapshot (a bare git repository).

Usage: python scripts/build_wof_ua.py [GIT_DIR] [--out PATH]

GIT_DIR defaults to the whosonfirst-data-admin-ua mirror under /work/.mirror. The snapshot is read with
``git ls-tree`` and ``git cat-file --batch``; nothing is fetched. Output rows are sorted by wof_id and the
gzip header carries no timestamp, so the same snapshot always gives the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import logging
import re
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.translit import has_cyrillic, ru_to_latin, uk_to_latin  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

log = logging.getLogger(__name__)

DEFAULT_GLOB = "whosonfirst-data+whosonfirst-data-admin-ua"
OUT = ROOT / "gazetteer" / "data" / "wof_ua.tsv.gz"
COLUMNS = ("wof_id", "gn_id", "placetype", "name", "name_uk", "name_ru", "names", "lat", "lon",
           "admin1_code", "region_name", "county_name", "population", "wd_id")
PLACETYPES = {"locality", "localadmin", "neighbourhood", "borough", "county", "region", "macrohood"}
UKRAINE_COUNTRY_ID = 85633805
BBOX = (44.0, 52.5, 22.0, 40.3)  # lat min, lat max, lon min, lon max

# GeoNames id of the first-level unit -> GeoNames admin-1 key (GeoNames admin1CodesASCII.txt, UA rows).
GN_ADMIN1 = {
    710802: "UA.01", 710734: "UA.02", 710720: "UA.03", 709929: "UA.04", 709716: "UA.05",
    707470: "UA.06", 706482: "UA.07", 706442: "UA.08", 706370: "UA.09", 705811: "UA.10",
    703883: "UA.11", 703447: "UA.12", 703446: "UA.13", 702657: "UA.14", 702549: "UA.15",
    700567: "UA.16", 698738: "UA.17", 696634: "UA.18", 695592: "UA.19", 694422: "UA.20",
    692196: "UA.21", 691649: "UA.22", 689559: "UA.23", 689064: "UA.24", 687869: "UA.25",
    687699: "UA.26", 686966: "UA.27",
}
ADMIN1_NAME = {
    "UA.01": "Cherkasy", "UA.02": "Chernihiv", "UA.03": "Chernivtsi", "UA.04": "Dnipropetrovsk",
    "UA.05": "Donetsk", "UA.06": "Ivano-Frankivsk", "UA.07": "Kharkiv", "UA.08": "Kherson",
    "UA.09": "Khmelnytskyi", "UA.10": "Kirovohrad", "UA.11": "Crimea", "UA.12": "Kyiv City",
    "UA.13": "Kyiv", "UA.14": "Luhansk", "UA.15": "Lviv", "UA.16": "Mykolaiv", "UA.17": "Odesa",
    "UA.18": "Poltava", "UA.19": "Rivne", "UA.20": "Sevastopol", "UA.21": "Sumy", "UA.22": "Ternopil",
    "UA.23": "Vinnytsia", "UA.24": "Volyn", "UA.25": "Zakarpattia", "UA.26": "Zaporizhzhia",
    "UA.27": "Zhytomyr",
}
# WOF's Kyiv region (the oblast, 85688801) carries Kyiv City's GeoNames id 703447; it is the oblast.
REGION_FIX = {85688801: "UA.13"}
# Kyiv City and Sevastopol have no region record: the Kyiv city county / the Sevastopol locality and
# county mark them.
ADMIN_WORD_RE = re.compile(r"(?i)\b(?:район|раён|raion|rayon|rajon|district|oblast|область)\b")
KYIV_CITY_IDS = {1108730705, 101752489}
SEVASTOPOL_IDS = {1108738657, 1125857285}
# least rapidfuzz fuzz.ratio (0-100: twice the longest common subsequence over the total length) between the
# skeletons of a settlement's eng/ukr/rus name and of one of its own names for the names to agree
NAMES_AGREE_MIN_RATIO = 60.0


def find_snapshot() -> Path:
    """The WOF Ukraine mirror under /work/.mirror."""
    for cand in sorted(Path("/work/.mirror").glob(DEFAULT_GLOB + "*/repo")):
        return cand
    raise SystemExit("no whosonfirst-data-admin-ua snapshot under /work/.mirror; pass GIT_DIR")


def iter_records(git_dir: Path) -> Iterator[dict[str, Any]]:
    """Yield every main (non -alt-) GeoJSON feature of the snapshot's HEAD."""
    git = ["git", f"--git-dir={git_dir}"]
    listing = subprocess.run(git + ["ls-tree", "-r", "HEAD", "data"], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    shas = [ln.split()[2] for ln in listing if ln.endswith(".geojson") and "-alt-" not in ln]
    proc = subprocess.Popen(git + ["cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def feed() -> None:
        assert proc.stdin is not None
        for sha in shas:
            proc.stdin.write((sha + "\n").encode())
        proc.stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    assert proc.stdout is not None
    for _ in shas:
        size = int(proc.stdout.readline().split()[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        yield json.loads(data)
    proc.wait()


def is_dropped(p: dict[str, Any]) -> bool:
    """True for records that are not current, deprecated, superseded or have no point."""
    return (p.get("mz:is_current") == 0 or bool(p.get("edtf:deprecated"))
            or bool(p.get("wof:superseded_by")) or p.get("geom:latitude") is None)


def script_ok(name: str) -> bool:
    """True if every letter of the name is Latin, or every letter is Cyrillic."""
    scripts = {unicodedata.name(ch, "?").split()[0] for ch in name if ch.isalpha()}
    return scripts in ({"LATIN"}, {"CYRILLIC"})


def _values(p: dict[str, Any], key: str) -> list[str]:
    v = p.get(key) or []
    return [s.strip() for s in ([v] if isinstance(v, str) else v) if isinstance(s, str) and s.strip()]


def _admin_word(p: dict[str, Any], s: str) -> bool:
    """True if a settlement's name value names a district ("... район"): a WOF concordance mix-up."""
    return p.get("wof:placetype") not in ("county", "region") and bool(ADMIN_WORD_RE.search(s))


def clean_props(p: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Drop all name:* values of a settlement whose preferred names name a district (wrong concordance).

    Such records keep only their own wof:name, GeoNames and Quattroshapes names.
    """
    preferred = [s for lang in ("eng", "ukr", "rus") for s in _values(p, f"name:{lang}_x_preferred")]
    if not any(_admin_word(p, s) for s in preferred) and names_agree(p):
        return p, False
    q = {k: v for k, v in p.items() if not k.startswith("name:")}
    own = [v for v in (p.get("wof:name"), p.get("qs:loc"), p.get("gn:name")) if isinstance(v, str)]
    q["name:ukr_x_variant"] = [v for v in own if has_cyrillic(v)]
    q["name:und_x_variant"] = [v for v in (*own, p.get("qs:loc_alt"), p.get("gn:asciiname"))
                               if isinstance(v, str) and v and not has_cyrillic(v)]
    return q, True


def _skeleton(s: str) -> str:
    s = uk_to_latin(s).casefold().replace("kh", "h").replace("y", "i").replace("j", "i")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if "a" <= ch <= "z")


def names_agree(p: dict[str, Any]) -> bool:
    """True unless a settlement's eng/ukr/rus names all differ from its own wof/GeoNames/QS names."""
    if p.get("wof:placetype") in ("county", "region"):
        return True
    anchors = {_skeleton(v) for v in (p.get("wof:name"), p.get("gn:name"), p.get("qs:loc"), p.get("qs:loc_alt"))
               if isinstance(v, str) and v}
    names = [s for lang in ("eng", "ukr", "rus") for kind in ("preferred", "variant")
             for s in _values(p, f"name:{lang}_x_{kind}")]
    if not names or not anchors:
        return True
    return any(fuzz.ratio(_skeleton(n), a) >= NAMES_AGREE_MIN_RATIO for n in names for a in anchors)


def first_cyrillic(p: dict[str, Any], lang: str) -> str:
    """The first Cyrillic preferred-then-variant name in ``lang`` (ukr or rus); else a Cyrillic wof:name."""
    for key in (f"name:{lang}_x_preferred", f"name:{lang}_x_variant"):
        for s in _values(p, key):
            if has_cyrillic(s) and script_ok(s) and not _admin_word(p, s):
                return s
    wof = p.get("wof:name", "")
    letters = set(wof.casefold())
    if has_cyrillic(wof) and script_ok(wof) and not _admin_word(p, wof):
        if lang == "ukr" and letters & set("іїєґ") or lang == "rus" and letters & set("ыэъё"):
            return wof
    return ""


def latin_name(p: dict[str, Any], name_uk: str, prefer_english: bool = True) -> str:
    """Preferred Latin name: English preferred, else KMU-2010 of the Ukrainian name, else wof:name."""
    eng = [s for s in _values(p, "name:eng_x_preferred") if not has_cyrillic(s) and not _admin_word(p, s)]
    if prefer_english and eng:
        return _strip_apostrophes(eng[0])
    if name_uk:
        return uk_to_latin(name_uk)
    if eng:
        return _strip_apostrophes(eng[0])
    wof = p.get("wof:name", "")
    return uk_to_latin(wof) if has_cyrillic(wof) else _strip_apostrophes(wof)


def _strip_apostrophes(s: str) -> str:
    return s.replace("'", "").replace("\u2019", "").replace("\u02bc", "")


def other_names(p: dict[str, Any], exclude: set[str]) -> list[str]:
    """Latin/Cyrillic names from name:*_x_preferred/_x_variant and wof:name, minus ``exclude``."""
    seen = {e.casefold() for e in exclude if e}
    out: list[str] = []
    keys = ["wof:name"] + sorted(k for k in p if k.startswith("name:")
                                 and (k.endswith("_x_preferred") or k.endswith("_x_variant")))
    for key in keys:
        for s in _values(p, key):
            s = " ".join(s.replace("|", " ").split())
            if len(s) > 60 or not script_ok(s) or s.casefold() in seen or _admin_word(p, s):
                continue
            seen.add(s.casefold())
            out.append(s)
    return out


def hierarchy(p: dict[str, Any]) -> dict[str, int]:
    """The Ukrainian hierarchy of a record (the first one whose country is Ukraine)."""
    hs = p.get("wof:hierarchy") or [{}]
    for h in hs:
        if h.get("country_id") == UKRAINE_COUNTRY_ID:
            return h
    return hs[0]


def point(p: dict[str, Any]) -> tuple[float, float]:
    """Label point if present, else the geometry centroid."""
    if p.get("lbl:latitude") is not None and p.get("lbl:longitude") is not None:
        return float(p["lbl:latitude"]), float(p["lbl:longitude"])
    return float(p["geom:latitude"]), float(p["geom:longitude"])


class RegionLocator:
    """Point-in-polygon lookup of the oblast (admin-1 key) in the WOF region geometries."""

    def __init__(self, regions: dict[int, tuple[str, dict[str, Any]]],
                 kyiv_city: dict[str, Any] | None) -> None:
        from shapely.geometry import shape
        from shapely.strtree import STRtree

        self.keys = [code for code, _ in regions.values()]
        self.geoms = [shape(g) for _, g in regions.values()]
        self.tree = STRtree(self.geoms)
        self.kyiv = shape(kyiv_city) if kyiv_city else None

    def locate(self, lat: float, lon: float, max_km: float = 15.0) -> str:
        """Admin-1 key of the region holding (lat, lon), or the nearest one within ``max_km``."""
        from shapely.geometry import Point

        pt = Point(lon, lat)
        if self.kyiv is not None and self.kyiv.covers(pt):
            return "UA.12"
        for i in self.tree.query(pt, predicate="covers"):
            return self.keys[int(i)]
        i = int(self.tree.nearest(pt))
        return self.keys[i] if self.geoms[i].distance(pt) * 111.0 <= max_km else ""


def admin1_of(p: dict[str, Any], h: dict[str, int], region_code: dict[int, str]) -> str:
    """Admin-1 key from the hierarchy: Kyiv City / Sevastopol first, then the region record."""
    ids = {h.get("county_id"), h.get("locality_id"), p.get("wof:id")}
    if ids & KYIV_CITY_IDS:
        return "UA.12"
    if ids & SEVASTOPOL_IDS:
        return "UA.20"
    gn_a1 = str(p.get("gn:admin1_code") or "").split(".")[0]
    if gn_a1 in ("12", "20"):  # GeoNames places it in Kyiv City / Sevastopol
        return f"UA.{gn_a1}"
    return region_code.get(h.get("region_id") or 0, "")


def build(git_dir: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Read the snapshot and return output rows (sorted) and counters."""
    stats: dict[str, int] = {"records": 0, "dropped": 0, "wrong_type": 0, "outside_bbox": 0,
                             "pip_admin1": 0, "no_admin1": 0}
    kept: list[dict[str, Any]] = []
    regions: dict[int, tuple[str, dict[str, Any]]] = {}
    kyiv_city_geom = None
    for feat in iter_records(git_dir):
        stats["records"] += 1
        p = feat["properties"]
        if is_dropped(p):
            stats["dropped"] += 1
            continue
        if p.get("wof:placetype") not in PLACETYPES:
            stats["wrong_type"] += 1
            continue
        if p["wof:placetype"] == "region":
            gn = (p.get("wof:concordances") or {}).get("gn:id")
            code = REGION_FIX.get(p["wof:id"]) or GN_ADMIN1.get(int(gn or 0), "")
            if not code:
                log.warning("region %s (%s) has no admin-1 key", p["wof:id"], p.get("wof:name"))
            regions[p["wof:id"]] = (code, feat["geometry"])
        if p["wof:id"] == 1108730705:
            kyiv_city_geom = feat["geometry"]
        kept.append(p)
    region_code = {rid: code for rid, (code, _) in regions.items()}
    locator = RegionLocator(regions, kyiv_city_geom)
    counties = {p["wof:id"]: p for p in kept if p["wof:placetype"] == "county"}
    rows: list[dict[str, Any]] = []
    for p in kept:
        lat, lon = point(p)
        if not (BBOX[0] <= lat <= BBOX[1] and BBOX[2] <= lon <= BBOX[3]):
            stats["outside_bbox"] += 1
            continue
        p, polluted = clean_props(p)
        stats["names_reset"] = stats.get("names_reset", 0) + polluted
        h = hierarchy(p)
        code = admin1_of(p, h, region_code)
        if not code:
            code = locator.locate(lat, lon)
            stats["pip_admin1" if code else "no_admin1"] += 1
        name_uk = first_cyrillic(p, "ukr")
        name_ru = first_cyrillic(p, "rus")
        is_admin = p["wof:placetype"] in ("county", "region")
        name = latin_name(p, name_uk, prefer_english=not is_admin)
        if p["wof:placetype"] == "region":
            name = ADMIN1_NAME.get(code, name)
        extra = other_names(p, {name, name_uk, name_ru})
        for tr in (uk_to_latin(name_uk) if name_uk else "", ru_to_latin(name_ru) if name_ru else ""):
            if tr and tr.casefold() not in {x.casefold() for x in extra + [name]}:
                extra.append(tr)
        county = counties.get(h.get("county_id") or 0)
        if p["wof:placetype"] == "county":
            county = p
        county_name = latin_name(county, first_cyrillic(county, "ukr"), False) if county else ""
        conc = p.get("wof:concordances") or {}
        pop = p.get("wof:population") or p.get("gn:population") or 0
        rows.append({
            "wof_id": int(p["wof:id"]), "gn_id": int(conc["gn:id"]) if conc.get("gn:id") else "",
            "placetype": p["wof:placetype"], "name": name, "name_uk": name_uk, "name_ru": name_ru,
            "names": "|".join(extra), "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "admin1_code": code,
            "region_name": ADMIN1_NAME.get(code, ""), "county_name": county_name,
            "population": int(float(pop)), "wd_id": "" if polluted else (conc.get("wd:id") or ""),
            "_rank": (p.get("gn:geonameid") != conc.get("gn:id"), p.get("mz:is_current") != 1,
                      -int(float(pop)), int(p["wof:id"])),
        })
    rows.sort(key=lambda r: r["wof_id"])
    stats["gn_id_blanked"] = dedupe_gn_ids(rows)
    stats["rows"] = len(rows)
    return rows, stats


def dedupe_gn_ids(rows: list[dict[str, Any]]) -> int:
    """Keep each GeoNames id on one row only (the GeoNames-sourced, current, most populous one)."""
    groups: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if r["gn_id"] != "":
            groups.setdefault(r["gn_id"], []).append(r)
    blanked = 0
    for group in groups.values():
        for r in sorted(group, key=lambda r: r["_rank"])[1:]:
            r["gn_id"] = ""
            blanked += 1
    return blanked


def write_tsv_gz(rows: list[dict[str, Any]], out: Path) -> None:
    """Write rows as a deterministic gzip TSV with a header row."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n",
                       quoting=csv.QUOTE_NONE, escapechar="\\", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="",
                                              compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("git_dir", nargs="?", type=Path, help="bare git dir of the WOF snapshot")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    t0 = time.perf_counter()
    rows, stats = build(args.git_dir or find_snapshot())
    write_tsv_gz(rows, args.out)
    dup = len(rows) - len({r["gn_id"] for r in rows if r["gn_id"]}) - sum(1 for r in rows if not r["gn_id"])
    log.info("%s; duplicate gn_id rows %d; %s, %.1f MB, %.1f s", stats, dup, args.out,
             args.out.stat().st_size / 1e6, time.perf_counter() - t0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
