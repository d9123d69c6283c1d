"""Where the tests find the project and its data (one place, whatever folder a test lives in)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent          # the project root
SEEDS = ROOT / "seeds"                                 # the bundled sample articles
SEED = SEEDS / "kursk-2024-08-11.txt"                  # the seed article of the golden tests
TEST_DATA = ROOT / "tests" / "data"                    # test inputs (articles, the GeoJSON schema)
ARTICLES = TEST_DATA / "articles"
GAZETTEER_DATA = ROOT / "gazetteer" / "data"
