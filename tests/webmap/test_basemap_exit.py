"""The base map's warm-up thread and the end of the process.

Serving the map page starts a daemon thread that fills the outline and label caches (shapely, gzip).
A process that exited while that thread was inside C code could crash at shutdown ("corrupted
double-linked list", segfaults: 5 of 60 runs of "serve the map page, then exit"). At exit the
warm-up now ends the job under way, skips the rest and is waited for.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from webmap import basemap

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def fresh_warming():
    """finish_warming() stops all later warm-ups of the process: undo that for the other tests."""
    yield
    basemap._stopping.clear()
    with basemap._warm_lock:
        basemap._warmers[:] = [t for t in basemap._warmers if t.is_alive()]


def test_finish_waits_for_the_job_under_way_and_skips_the_rest(fresh_warming):
    started = threading.Event()
    done: list[str] = []

    def slow() -> None:
        started.set()
        time.sleep(0.4)
        done.append("slow")

    basemap.warm("test-exit-slow", slow, lambda: done.append("second"))
    assert started.wait(10)
    t0 = time.perf_counter()
    assert basemap.finish_warming(timeout=30) is True
    assert time.perf_counter() - t0 >= 0.2          # it waited for the job under way
    assert done == ["slow"]                           # ... and did not start the next one
    assert not [t for t in threading.enumerate() if t.name == "basemap-warm-test-exit-slow"]
    basemap.warm("test-exit-after", lambda: done.append("late"))   # no warm-up starts after the exit began
    time.sleep(0.1)
    assert done == ["slow"]


SCRIPT = textwrap.dedent("""
    import atexit, sys, threading

    def report():                     # registered first, so it runs after every other exit hook
        alive = [t.name for t in threading.enumerate() if t.name.startswith("basemap-warm")]
        sys.stdout.write("ALIVE:" + ",".join(alive) + "\\n")
        sys.stdout.flush()

    atexit.register(report)
    from webmap import create_app
    app = create_app({"TESTING": True, "INSTANCE_PATH": sys.argv[1], "SECRET_KEY": "k",
                      "DATABASE": sys.argv[1] + "/store.sqlite"})
    r = app.test_client().get("/")
    assert r.status_code == 200, r.status_code
    assert any(t.name.startswith("basemap-warm") for t in threading.enumerate()), "no warm-up started"
""")


def test_a_process_that_exits_right_after_the_map_page_waits_for_the_warm_up(tmp_path):
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    p = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "ALIVE:\n" in p.stdout, p.stdout            # no warm-up thread outlived the exit hooks
    assert "corrupted" not in p.stderr and "Fatal Python error" not in p.stderr
