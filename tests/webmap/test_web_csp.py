"""Issue 10, item 2 and the CSRF/headers part: the policy allows no inline script without this response's
nonce ('unsafe-inline' is gone, so a javascript: URL cannot run either), and the map still works under it
in a real browser."""
from __future__ import annotations

import re

import pytest


def _script_src(csp: str) -> str:
    return next(p for p in csp.split(";") if p.strip().startswith("script-src")).strip()


def test_no_unsafe_inline_scripts_and_every_inline_script_has_the_nonce(seeded_client):
    r = seeded_client.get("/")
    script_src = _script_src(r.headers["Content-Security-Policy"])
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    html = r.data.decode()
    inline = [t for t in re.findall(r"<script[^>]*>", html) if "src=" not in t]
    assert inline and all(f'nonce="{nonce}"' in t for t in inline), inline
    again = seeded_client.get("/").headers["Content-Security-Policy"]
    assert nonce not in again                                    # a new nonce per response
    for path in ("/articles", "/upload", "/api/incidents"):
        assert "'unsafe-inline'" not in _script_src(seeded_client.get(path).headers["Content-Security-Policy"])


@pytest.mark.browser
def test_map_runs_under_the_policy_in_chromium(chromium, live_server):
    base, app = live_server
    ctx = chromium.new_context(viewport={"width": 1200, "height": 800})       # CSP enforced (no bypass)
    page = ctx.new_page()
    console: list[str] = []
    errors: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base + "/")
        page.wait_for_selector("body[data-map-ready='1']", timeout=20000)
        page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=20000)
        blocked = [m for m in console if "Content Security Policy" in m]
        assert not blocked and not errors, (blocked, errors)
        art = app.extensions["webmap"].store.articles()[0].article_id
        page.goto(f"{base}/articles/{art}")
        assert page.locator(".wm-sentence").count() > 0
        assert not [m for m in console if "Content Security Policy" in m]
    finally:
        ctx.close()
