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


def test_geoparsing_needs_no_shapely() -> None:
    """Geometry is decoded or drawn only when read, and which region holds a place was decided at build time."""
    mods = _modules_after("from gazetteer import Gazetteer\n"
                          f"ms = Gazetteer.default().geoparse({TEXT!r})\n"
                          "assert {m.resolution.qualifier for m in ms if m.resolution} >= {'suburbs', 'near', 'region'}")
    assert mods["shapely"] is False and mods["numpy"] is False


def test_geometry_is_computed_when_read_and_equals_the_eager_one(gz) -> None:  # noqa: ANN001
    from gazetteer import geometry as geo

    by_text = {m.text: m.resolution for m in gz.geoparse(TEXT) if m.resolution}
    near = by_text["Kupiansk"]
    assert near.qualifier == "near" and near.geometry == geo.circle(near.lat, near.lon, 10.0)
    region = by_text["Kursk oblast"]
    assert region.place.kind == "admin1" and region.geometry == gz.geometry(region.place.place_id)
    assert region.geometry["type"] in ("Polygon", "MultiPolygon")
    assert by_text["Kyiv"].place.kind == "area" and by_text["Kyiv"].geometry is not None
    assert by_text["Sudzha"].geometry is None                       # a town: a point, no geometry


def test_resolutions_with_deferred_geometry_pickle_and_compare(gz) -> None:  # noqa: ANN001
    import dataclasses
    import pickle

    r = next(m.resolution for m in gz.geoparse("Shelling in the Kursk region.") if m.resolution)
    copy = pickle.loads(pickle.dumps(r))
    assert copy == r and copy.geometry == r.geometry and copy.geometry is not None
    assert dataclasses.replace(r, score=0.5).geometry == r.geometry


def test_the_containing_region_precomputed_at_build_equals_the_polygon_test(gz) -> None:  # noqa: ANN001
    """``Index.within`` (the build-time table) answers as the polygon does, on places in and out of a region."""
    index = gz.index
    hampshire = next(e for e, _ in index.candidates("Hampshire") if e.place.kind == "admin1"
                     and e.place.country_code == "GB")
    kursk = next(e for e, _ in index.candidates("Kursk Oblast") if e.place.kind == "admin1")
    checked = 0
    for region in (hampshire, kursk):
        lat, lon = region.place.lat, region.place.lon
        for e in index.in_box(lat - 1.5, lon - 2.5, lat + 1.5, lon + 2.5, ("city", "town", "village"), 0, 400):
            assert index.within(e, region) == index.contains(region.place.place_id, e.place.lat, e.place.lon), e
            checked += 1
    winchester = next(e for e, _ in index.candidates("Winchester") if e.place.country_code == "GB")
    assert index.within(winchester, hampshire) and not index.within(winchester, kursk)
    assert checked > 500


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
