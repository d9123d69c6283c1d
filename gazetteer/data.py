"""The bundled data files (read with ``importlib.resources``), for the builder and the resolver alike."""
from __future__ import annotations

import gzip
import io
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import IO

DATA = files("gazetteer").joinpath("data")


def data_file(name: str) -> Traversable:
    """A bundled data file (may not exist)."""
    return DATA.joinpath(name)


def open_text(path: Traversable) -> IO[str]:
    """A bundled text file, opened for reading (gzip-compressed when its name ends in .gz)."""
    if path.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.GzipFile(fileobj=path.open("rb")), encoding="utf-8")
    return path.open("r", encoding="utf-8")
