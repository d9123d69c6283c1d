"""The built wheel is the whole app: installed into a fresh venv it serves the map with its static files.

The fresh venv gets only the wheel (``--no-deps``, no index); its dependencies come from the test
venv's site-packages through a ``.pth`` line, so nothing is downloaded and the checkout is not on the path.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from paths import ROOT

pytestmark = pytest.mark.slow


def test_every_package_of_the_checkout_is_in_the_wheel_list() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for pkg in ("gazetteer", "webmap")
             for p in (ROOT / pkg).rglob("__init__.py")}
    assert found <= listed, f"packages missing from pyproject: {sorted(found - listed)}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = tmp_path_factory.mktemp("src") / "incident-map"       # a clean copy: no stale build/ of the checkout
    skip = shutil.ignore_patterns(".git", ".venv", ".cache", "instance", "*.egg-info", "__pycache__", "node_modules")

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = {"build", "dist"} & set(names) if Path(folder) == ROOT else set()   # gazetteer/build is code
        return set(skip(folder, names)) | top

    shutil.copytree(ROOT, src, ignore=ignore)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out)], check=True, capture_output=True, cwd=out)
    [whl] = out.glob("incident_map-*.whl")
    return whl


def test_the_wheel_carries_static_files_templates_seeds_and_gazetteer_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in ("webmap/static/vendor/leaflet/dist/leaflet.js", "webmap/static/js/app.js", "webmap/static/css/app.css",
              "webmap/templates/base.html", "webmap/seeds/kursk-2024-08-11.txt", "gazetteer/data/supplement.csv"):
        assert f in names, f
    static = {p.relative_to(ROOT / "static").as_posix() for p in (ROOT / "static").rglob("*")
              if p.is_file() and not p.name.startswith(".")}
    assert {n.removeprefix("webmap/static/") for n in names if n.startswith("webmap/static/")} == static


SERVE = r"""
import json, sys
import webmap, gazetteer
from webmap import create_app
from webmap.appcli import seed_if_empty
app = create_app({"TESTING": True, "INSTANCE_PATH": sys.argv[1], "SECRET_KEY": "x"})
added = seed_if_empty(app)
c = app.test_client()
page = c.get("/")
js = c.get("/static/vendor/leaflet/dist/leaflet.js")
css = c.get("/static/css/app.css")
api = c.get("/api/incidents.geojson")
print(json.dumps({"webmap": webmap.__file__, "gazetteer": gazetteer.__file__, "static": app.static_folder,
                  "added": added, "page": [page.status_code, page.get_data(as_text=True)],
                  "js": [js.status_code, len(js.data)], "css": css.status_code,
                  "features": len(api.get_json()["features"])}))
sys.stdout.flush()
import os
os._exit(0)     # skip interpreter teardown: this venv borrows the test venv's C extensions through a .pth
"""


def test_a_fresh_venv_with_only_the_wheel_serves_the_map(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index", "-q",
                    str(wheel)], check=True, capture_output=True)
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")   # dependencies, not the project
    run = subprocess.run([str(py), "-c", SERVE, str(tmp_path / "instance")], capture_output=True, text=True,
                         cwd=tmp_path, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert got["webmap"].startswith(str(site)) and got["gazetteer"].startswith(str(site))
    assert got["static"].startswith(str(site)) and not got["static"].startswith(str(ROOT))
    status, html = got["page"]
    assert status == 200 and "leaflet" in html.lower()
    assert "/static/vendor/leaflet/dist/leaflet.js" in html
    assert got["js"][0] == 200 and got["js"][1] == (ROOT / "static/vendor/leaflet/dist/leaflet.js").stat().st_size
    assert got["css"] == 200
    assert got["added"] == 1 and got["features"] > 0           # the packaged seed article, mapped
