"""What the geoparsing (query) path loads and computes: the heavy libraries stay out of a process that only
geoparses, and the speed work (issue 13, step 4) keeps the results of the real gazetteer."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from paths import SEED

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# a text that takes every branch that once needed geopy or shapely: a region, a suburb, "near", a direction,
# a container region whose polygon decides ("X, Y region"), Cyrillic inflection
TEXT = ("Russian drones struck the Kyiv suburbs overnight. Shelling near Kupiansk and north of Kharkiv; "
        "Rozhivka in the Kursk region, Sudzha, Kursk oblast. Обстріляли Берислав і Херсонщину. "
        "Officials in Winchester, Hampshire and in Lviv said the grid held.")


def _modules_after(code: str) -> dict:
    probe = (code + "\nimport json, sys\n"
             "print(json.dumps({m: m in sys.modules for m in ('geopy', 'shapely', 'numpy', 'rapidfuzz')}))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=ROOT))
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_geoparsing_never_imports_geopy() -> None:
    mods = _modules_after("from gazetteer import Gazetteer, GazetteerQueryError\n"
                          f"ms = Gazetteer.default().geoparse({TEXT!r})\n"
                          "assert any(m.resolution for m in ms)\n"
                          "Gazetteer.default().resolve_spans('Shelling in Sudzha.', [(12, 18)])")
    assert mods["geopy"] is False


def test_the_cli_batch_never_imports_geopy() -> None:
    line = json.dumps({"id": 1, "text": TEXT})
    code = ("import sys, io\nfrom gazetteer.cli import main\n"
            f"sys.stdin = io.TextIOWrapper(io.BytesIO({(line + chr(10)).encode()!r}))\n"
            "sys.stdout = io.StringIO()\nmain(['geoparse', '--jsonl'])\nsys.stdout = sys.__stdout__")
    assert _modules_after(code)["geopy"] is False


def test_the_geocoder_still_brings_geopy_and_its_errors() -> None:
    from geopy.exc import GeocoderQueryError

    from gazetteer import GazetteerGeocoder, GazetteerQueryError
    from gazetteer.geocoder import GeocoderInputError

    assert issubclass(GeocoderInputError, GeocoderQueryError)
    assert issubclass(GeocoderInputError, GazetteerQueryError) and issubclass(GeocoderInputError, ValueError)
    with pytest.raises(GeocoderQueryError):
        GazetteerGeocoder().geocode("  ")
    assert _modules_after("from gazetteer import GazetteerGeocoder")["geopy"] is True


def test_the_gazetteers_own_query_error_needs_no_geopy(gz) -> None:  # noqa: ANN001
    from gazetteer import GazetteerQueryError

    with pytest.raises(GazetteerQueryError):
        gz.geoparse(b"bytes")                                   # type: ignore[arg-type]
    with pytest.raises(ValueError):
        gz.geocode_resolution("   ")


def test_seed_article_geoparses_the_same_twice(gz) -> None:  # noqa: ANN001
    """Caches (names, fuzzy tables, geometry loaded on demand) give the same answer the second time."""
    text = SEED.read_text(encoding="utf-8")
    first = [m.as_dict() for m in gz.geoparse(text)]
    second = [m.as_dict() for m in gz.geoparse(text)]
    assert first == second and any(m["name"] == "Korenevo" for m in first)
