"""Where the app finds the project's top-level folders (``static/``, ``seeds/``).

In a checkout or an editable install they sit beside the package; a built wheel carries them inside
it (``webmap/static``, ``webmap/seeds``: see ``[tool.setuptools.package-dir]`` in pyproject.toml), so a
``pip install`` of the wheel serves the same map.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def project_dir(name: str) -> Path:
    """The folder ``name`` (``"static"`` or ``"seeds"``): the wheel's copy inside the package, else the
    checkout's top-level one."""
    packaged = PACKAGE / name
    return packaged if packaged.is_dir() else PACKAGE.parent / name
