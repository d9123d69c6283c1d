"""The app on 127.0.0.1 for tests that talk to it over a real socket, and Chromium pages on it.

Shared by the browser tests, the concurrency tests and the web benchmarks (which import it from tests/).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Iterator

CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium, headless, as root on a machine with no network: no sandbox, no GPU, no background
# connections (refused here, many at a time), no first-run or component updates
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1280, "height": 860}


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """The app served by werkzeug on 127.0.0.1 (a free port) in a daemon thread; yields its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


@contextmanager
def browser_page(browser: Any, base: str, app: Any, **context_options: Any) -> Iterator[Any]:
    """A page in a fresh browser context (1280×860 unless ``viewport`` is given) on the app served at ``base``.

    The page records what it requests (``page.requests``), its uncaught errors (``page.errors``) and the
    dialogs it opens (``page.dialogs``, each dismissed, as Playwright does with none listening);
    ``page.base`` and ``page.app`` are the base URL and the app.
    """
    ctx = browser.new_context(**{"viewport": VIEWPORT, **context_options})
    pg = ctx.new_page()
    pg.requests, pg.errors, pg.dialogs = [], [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.base, pg.app = base, app
    try:
        yield pg
    finally:
        ctx.close()


def open_map(page: Any, query: str = "", timeout: int = 15000) -> None:
    """Load the map page (``query`` like ``?q=...``) and wait until the app says it is drawn."""
    page.goto(page.base + "/" + query)
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'", timeout=timeout)


def foreign_requests(page: Any) -> list[str]:
    """What the page asked of anything but the app itself (inline data, blobs and about: aside)."""
    return [u for u in page.requests if not u.startswith((page.base, "data:", "blob:", "about:"))]
