#!/usr/bin/env python3
"""Vendor folium's front-end assets and the country base layer into static/ (reproducible, pinned)."""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import folium

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "static" / "vendor"
GEO = ROOT / "static" / "geo"
FOLIUM_TEMPLATES = Path(folium.__file__).parent / "templates"
FOLIUM_LICENCE = next(Path(folium.__file__).parent.parent.glob("folium-*.dist-info/licenses/LICENSE*"), None)
SOURCE_MAP = re.compile(r"\n?/[/*][#@] sourceMappingURL=[^\n]*?(\*/)?\s*$")
KEPT = ("README.md", ".gitignore")  # hand-written files in static/vendor that survive regeneration
TIMEDIMENSION_FONTS = "//netdna.bootstrapcdn.com/bootstrap/3.0.0/fonts/"


@dataclass(frozen=True)
class Package:
    """One pinned npm package and the files (package-relative paths) we ship from it."""

    name: str
    version: str
    licence_file: str | None
    files: tuple[str, ...]

    @property
    def dest(self) -> str:
        """Directory under static/vendor (npm scope dropped)."""
        return self.name.split("/")[-1]


PACKAGES: tuple[Package, ...] = (
    Package("leaflet", "1.9.3", "LICENSE", ("dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png",
            "dist/images/layers-2x.png", "dist/images/marker-icon.png", "dist/images/marker-icon-2x.png",
            "dist/images/marker-shadow.png")),
    Package("jquery", "3.7.1", "LICENSE.txt", ("dist/jquery.min.js",)),
    Package("bootstrap", "5.2.2", "LICENSE", ("dist/js/bootstrap.bundle.min.js", "dist/css/bootstrap.min.css")),
    Package("@fortawesome/fontawesome-free", "6.2.0", "LICENSE.txt", ("css/all.min.css",) + tuple(
        f"webfonts/fa-{f}.{ext}" for f in ("brands-400", "regular-400", "solid-900", "v4compatibility")
        for ext in ("woff2", "ttf"))),
    Package("leaflet.awesome-markers", "2.0.5", "LICENSE", ("dist/leaflet.awesome-markers.js",
            "dist/leaflet.awesome-markers.css") + tuple(f"dist/images/markers-{n}.png" for n in (
                "soft", "soft@2x", "shadow", "shadow@2x"))),
    Package("glyphicons-only-bootstrap", "1.0.1", None, ("css/bootstrap.min.css",) + tuple(
        f"fonts/glyphicons-halflings-regular.{ext}" for ext in ("eot", "svg", "ttf", "woff", "woff2"))),
    Package("leaflet.markercluster", "1.1.0", "MIT-LICENCE.txt", ("dist/leaflet.markercluster.js",
            "dist/MarkerCluster.css", "dist/MarkerCluster.Default.css")),
    Package("leaflet-search", "2.9.7", "license.txt", ("dist/leaflet-search.min.js", "dist/leaflet-search.min.css",
            "images/search-icon.png", "images/loader.gif")),
    Package("jquery-ui-dist", "1.13.3", "LICENSE.txt", ("jquery-ui.min.js",)),
    Package("iso8601-js-period", "0.2.1", None, ("iso8601.js",)),
    Package("leaflet-timedimension", "1.1.1", "LICENSE", ("dist/leaflet.timedimension.min.js",
            "dist/leaflet.timedimension.control.css")),
    Package("moment", "2.18.1", "LICENSE", ("min/moment.min.js",)),
    Package("highlight.js", "8.4.0", "LICENSE", ("styles/default.css",)),
    Package("leaflet.timeline", "1.6.0", "LICENSE", ("dist/leaflet.timeline.js",)),
    Package("leaflet.fullscreen", "3.0.0", "LICENSE", ("Control.FullScreen.js", "Control.FullScreen.css",
            "icon-fullscreen.svg")),
    Package("leaflet-mouse-position", "1.2.0", "MIT-LICENCE.txt", ("src/L.Control.MousePosition.js",
            "src/L.Control.MousePosition.css")),
    Package("topojson-client", "3.1.0", "LICENSE", ("dist/topojson-client.min.js",)),
    Package("world-atlas", "2.0.2", "LICENSE", ()),  # converted into static/geo/countries.geojson
)

MIT_TEXT = """Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""
BSD2_TEXT = """Redistribution and use in source and binary forms, with or without modification, are permitted
provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions and
   the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and
   the following disclaimer in the documentation and/or other materials provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED
WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR
ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED
TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
POSSIBILITY OF SUCH DAMAGE.
"""
# Packages whose npm tarball ships no licence file: (file name, text) written next to the assets.
SYNTHETIC_LICENCES: dict[str, tuple[str, str]] = {
    "glyphicons-only-bootstrap": ("LICENSE", "The MIT License (MIT)\n\nCopyright (c) 2011-2016 Twitter, Inc. "
                                  "(Bootstrap 3.3.7, Glyphicons Halflings as bundled with Bootstrap)\n\n" + MIT_TEXT
                                  + "\nWritten by scripts/vendor_assets.py: the npm package declares \"MIT\" in "
                                  "package.json but ships no licence file.\n"),
}


def npm_install(workdir: Path) -> Path:
    """Install every pinned package (no lifecycle scripts) into workdir; return its node_modules."""
    (workdir / "package.json").write_text('{"name": "vendor-assets", "private": true}\n')
    specs = [f"{p.name}@{p.version}" for p in PACKAGES]
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", *specs],
                   cwd=workdir, check=True)
    return workdir / "node_modules"


def _clean_text(path: Path, text: str) -> str:
    """Drop source-map comments; point the timedimension glyphicon fonts at the vendored copies."""
    text = SOURCE_MAP.sub("\n", text)
    if path.name == "leaflet.timedimension.control.css":
        text = text.replace(TIMEDIMENSION_FONTS, "../../glyphicons-only-bootstrap/fonts/")
    return text


def copy_file(src: Path, dst: Path) -> None:
    """Copy one asset, cleaning text files (JS/CSS) on the way."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    if src.suffix in (".js", ".css"):
        dst.write_text(_clean_text(dst, src.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        shutil.copyfile(src, dst)


def licence_for(pkg: Package, modules: Path, dest: Path) -> str:
    """Place the package's licence file in dest; return its path relative to the vendor root."""
    if pkg.licence_file:
        copy_file(modules / pkg.name / pkg.licence_file, dest / pkg.licence_file)
        return f"{pkg.dest}/{pkg.licence_file}"
    if pkg.name == "iso8601-js-period":
        text = ("iso8601-js-period 0.2.1 - (c) Nezasa AG, 2012-2013, published under the Apache License 2.0\n"
                "(see the header of iso8601.js). The npm package ships no licence file; the full licence text\n"
                "below is copied from Debian's /usr/share/common-licenses/Apache-2.0.\n\n"
                + Path("/usr/share/common-licenses/Apache-2.0").read_text(encoding="utf-8"))
        name = "LICENSE"
    else:
        name, text = SYNTHETIC_LICENCES[pkg.name]
    (dest / name).write_text(text, encoding="utf-8")
    return f"{pkg.dest}/{name}"


def folium_files() -> dict[str, object]:
    """Write the two folium-only assets (heat plugin JS from the wheel, generated rotate CSS)."""
    dest = VENDOR / "folium"
    dest.mkdir(parents=True, exist_ok=True)
    copy_file(FOLIUM_TEMPLATES / "leaflet_heat.min.js", dest / "leaflet_heat.min.js")
    rules = "".join(f".fa-rotate-{n}{{transform:rotate({n}deg)}}" for n in range(1, 360))
    (dest / "leaflet.awesome.rotate.min.css").write_text(rules + "\n", encoding="utf-8")
    heat_licence = ("leaflet_heat.min.js = Leaflet.heat + simpleheat, (c) 2014, Vladimir Agafonkin,\n"
                    "BSD 2-Clause licence (copied from the folium wheel's folium/templates/):\n\n"
                    "Copyright (c) 2014, Vladimir Agafonkin\nAll rights reserved.\n\n" + BSD2_TEXT)
    (dest / "LICENSE-leaflet-heat.txt").write_text(heat_licence, encoding="utf-8")
    if FOLIUM_LICENCE is None:
        raise FileNotFoundError("folium's dist-info licence file not found")
    shutil.copyfile(FOLIUM_LICENCE, dest / "LICENSE.txt")
    return {"package": "folium", "version": folium.__version__, "source": "pypi wheel + generated",
            "licence": "MIT (folium); BSD-2-Clause (leaflet_heat.min.js)",
            "licence_files": ["folium/LICENSE.txt", "folium/LICENSE-leaflet-heat.txt"],
            "files": ["folium/leaflet_heat.min.js", "folium/leaflet.awesome.rotate.min.css"]}


# --- TopoJSON -> GeoJSON (world-atlas countries) -------------------------------------------------


def decode_arcs(topo: dict, ndigits: int, tolerance: float = 0.0) -> list[list[tuple[float, float]]]:
    """Dequantize delta-encoded arcs into lon/lat rounded to ndigits, optionally simplified (degrees)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((round(x * sx + tx, ndigits), round(y * sy + ty, ndigits)))
        arcs.append(simplify(pts, tolerance) if tolerance else pts)
    return arcs


def _dp_keep(pts: list[tuple[float, float]], lo: int, hi: int, tol2: float, keep: list[bool]) -> None:
    """Mark the points Douglas-Peucker keeps between indices lo and hi (iterative)."""
    stack = [(lo, hi)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = dx * dx + dy * dy
        best, best_d = -1, tol2
        for i in range(a + 1, b):
            px, py = pts[i][0] - ax, pts[i][1] - ay
            if norm:
                t = max(0.0, min(1.0, (px * dx + py * dy) / norm))
                px, py = px - t * dx, py - t * dy
            d = px * px + py * py
            if d > best_d:
                best, best_d = i, d
        if best >= 0:
            keep[best] = True
            stack += [(a, best), (best, b)]


def simplify(pts: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker per arc (endpoints fixed, so shared borders stay identical on both sides)."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    _dp_keep(pts, 0, len(pts) - 1, tolerance * tolerance, keep)
    if pts[0] == pts[-1]:  # closed arc (island): also keep the point farthest from the start
        far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
        keep[far] = True
        _dp_keep(pts, 0, far, tolerance * tolerance, keep)
        _dp_keep(pts, far, len(pts) - 1, tolerance * tolerance, keep)
    return [p for p, k in zip(pts, keep) if k]


def ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch arc indices (negative = reversed, ~i) into one closed ring without repeated points."""
    out: list[tuple[float, float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        for p in pts[1:] if out else pts:
            if not out or out[-1] != p:
                out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return [list(p) for p in out]


def topo_to_geojson(topo: dict, obj: str, ndigits: int = 3, tolerance: float = 0.0) -> dict:
    """Convert one TopoJSON GeometryCollection to a GeoJSON FeatureCollection (name and id only)."""
    arcs = decode_arcs(topo, ndigits, tolerance)
    features = []
    for geom in topo["objects"][obj]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        coords = [[r for r in (ring(idx, arcs) for idx in poly) if len(r) >= 4] for poly in polys]
        coords = [p for p in coords if p]
        if not coords:
            continue
        geometry = ({"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1
                    else {"type": "MultiPolygon", "coordinates": coords})
        props = {"name": geom.get("properties", {}).get("name", "")}
        feature = {"type": "Feature", "properties": props, "geometry": geometry}
        if "id" in geom:
            feature["id"] = str(geom["id"])
            props["id"] = str(geom["id"])
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def write_countries(modules: Path) -> dict[str, object]:
    """Write static/geo/countries.geojson from world-atlas countries-50m."""
    topo = json.loads((modules / "world-atlas" / "countries-50m.json").read_text(encoding="utf-8"))
    fc = topo_to_geojson(topo, "countries", ndigits=3, tolerance=0.005)
    GEO.mkdir(parents=True, exist_ok=True)
    out = GEO / "countries.geojson"
    out.write_text(json.dumps(fc, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    logger.info("countries.geojson: %d features, %d bytes", len(fc["features"]), out.stat().st_size)
    return {"derived": "static/geo/countries.geojson", "from": "world-atlas/countries-50m.json (3 decimals, "
            "Douglas-Peucker 0.005 deg per arc)",
            "data_licence": "Natural Earth (public domain)"}


def vendor(modules: Path) -> dict[str, object]:
    """Copy all assets, licences and the base layer; write and return MANIFEST.json contents."""
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    entries: list[dict[str, object]] = []
    for pkg in PACKAGES:
        meta = json.loads((modules / pkg.name / "package.json").read_text(encoding="utf-8"))
        if meta["version"] != pkg.version:
            raise RuntimeError(f"{pkg.name}: installed {meta['version']}, pinned {pkg.version}")
        dest = VENDOR / pkg.dest
        dest.mkdir(parents=True, exist_ok=True)
        for rel in pkg.files:
            copy_file(modules / pkg.name / rel, dest / rel)
        licence = meta.get("license") or meta.get("licenses")
        entry: dict[str, object] = {"package": pkg.name, "version": pkg.version, "source": "npm",
                                    "licence": licence if isinstance(licence, str) else json.dumps(licence),
                                    "licence_files": [licence_for(pkg, modules, dest)],
                                    "files": [f"{pkg.dest}/{rel}" for rel in pkg.files]}
        if pkg.name == "world-atlas":
            entry.update(write_countries(modules))
        entries.append(entry)
    entries.append(folium_files())
    digests = {str(p.relative_to(VENDOR)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted(VENDOR.rglob("*")) if p.is_file() and p.name not in ("MANIFEST.json", *KEPT)}
    manifest = {"generated_by": "scripts/vendor_assets.py", "packages": entries, "sha256": digests}
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    """CLI: vendor assets from a fresh npm install (or an existing node_modules with --node-modules)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--node-modules", type=Path, help="reuse an existing node_modules (skips npm)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    kept = {n: (VENDOR / n).read_text(encoding="utf-8") for n in KEPT if (VENDOR / n).exists()}
    if args.node_modules:
        manifest = vendor(args.node_modules)
    else:
        with tempfile.TemporaryDirectory(prefix="vendor-assets-") as tmp:
            manifest = vendor(npm_install(Path(tmp)))
    for name, text in kept.items():
        (VENDOR / name).write_text(text, encoding="utf-8")
    total = sum(p.stat().st_size for p in VENDOR.rglob("*") if p.is_file())
    logger.info("vendored %d packages, %d files, %.2f MB", len(manifest["packages"]), len(manifest["sha256"]),
                total / 1e6)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
