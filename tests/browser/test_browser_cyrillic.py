"""Ukrainian and Russian text in a real browser (Debian's Chromium): popups and the article page show the
original Cyrillic words at their exact offsets, labels stay in English, Cyrillic search works, and the map
tells that new incidents arrived since it loaded."""
from __future__ import annotations

from pathlib import Path

import pytest

from liveweb import browser_page, open_map, serving

from webmap.incidents.categories import BY_KEY
from webmap.incidents.loaders import from_text

pytestmark = pytest.mark.browser

UK = ("Уночі 11 серпня російські окупанти атакували Полтаву балістичними ракетами. Сили ППО збили 12 дронів "
      "над Київщиною.\n\nТакож ворог обстріляв Харків з РСЗВ: у Харкові поранено трьох цивільних.")
RU = "В Курской области ВСУ атаковали беспилотниками Курчатов, пострадали двое мирных жителей."
LATER = "Вчора окупанти обстріляли Херсон з артилерії, поранено жінку."


@pytest.fixture
def served(tmp_path: Path):
    from webmap import create_app
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "DATABASE": str(tmp_path / "c.sqlite"),
                      "SECRET_KEY": "t", "NEW_INCIDENTS_POLL_MS": 250})
    state = app.extensions["webmap"]
    state.ingest_articles([from_text(UK, article_id="uk-report", date="2024-08-11", title="Звіт за ніч"),
                           from_text(RU, article_id="ru-report", date="2024-08-11", title="Сводка")])
    with serving(app) as base:
        yield base, app


@pytest.fixture
def page(chromium, served):
    with browser_page(chromium, *served, bypass_csp=True) as pg:
        yield pg


def test_popups_and_article_show_the_cyrillic_words_at_their_offsets(page):
    store = page.app.extensions["webmap"].store
    located = [r.incident for r in store.query() if r.incident.lat is not None]
    assert {i.location_name for i in located} >= {"Poltava", "Kharkiv", "Kurchatov"}
    open_map(page)
    for inc in located:
        src = inc.source
        article = store.get_article(src.article_id)
        assert article.text[src.start:src.end] == src.sentence
        page.evaluate("id => { webmapApp.open(id); return true; }", inc.incident_id)
        popup = page.locator(".leaflet-popup .wm-popup").last
        popup.wait_for(timeout=10000)
        assert page.locator(".leaflet-popup .wm-popup-quote").last.inner_text() == src.sentence
        assert popup.locator(".wm-popup-head strong").inner_text() == BY_KEY[inc.category].label   # English
        if src.place_start is not None:
            written = article.text[src.place_start:src.place_end]
            assert popup.locator(".wm-as-written").inner_text() == f"“{written}”"
            assert inc.location_name in popup.inner_text()                    # the English name beside it
        page.evaluate("() => { webmapApp.map.closePopup(); return true; }")
    # the article page: each incident's sentence highlighted with its place and trigger words marked
    inc = next(i for i in located if i.location_name == "Poltava")
    src = inc.source
    page.goto(f"{page.base}/articles/{src.article_id}#s{src.sentence_index}")
    sentence = page.locator(f"#s{src.sentence_index}")
    assert sentence.evaluate("el => el.matches(':target') && el.classList.contains('has-incident')")
    text = store.get_article(src.article_id).text
    assert sentence.locator("mark.wm-place").first.inner_text() == text[src.place_start:src.place_end] == "Полтаву"
    assert sentence.locator("mark.wm-trigger").first.inner_text() == text[src.trigger_start:src.trigger_end]
    assert sentence.inner_text().startswith(src.sentence)
    assert page.errors == []


def test_cyrillic_search_and_filters(page):
    store = page.app.extensions["webmap"].store
    want = {r.incident.incident_id for r in store.query() if "Харків" in r.incident.source.sentence
            and r.incident.lat is not None}
    assert want
    for q in ("харків", "ХАРКІВ", "Харків"):
        open_map(page, f"?q={q}")
        assert set(page.evaluate("webmapApp.records.map(r => r.id)")) == want
    page.locator('input[name="q"]').fill("курчатов")
    page.locator("#filters button[type=submit]").click()
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'")
    shown = page.evaluate("webmapApp.records.map(r => r.id)")
    assert shown and all(store.get(i).incident.location_name == "Kurchatov" for i in shown)
    assert page.errors == []


def test_the_map_tells_that_new_incidents_arrived(page):
    open_map(page)
    notice = page.locator("#wm-new")
    page.wait_for_timeout(600)
    assert notice.is_hidden()                       # nothing new yet
    before = page.evaluate("webmapApp.records.length")
    page.app.extensions["webmap"].ingest_articles([from_text(LATER, article_id="later", date="2024-08-12")])
    page.locator("#wm-new-reload").wait_for(timeout=10000)
    assert notice.is_visible() and "new incident" in notice.inner_text()
    page.locator("#wm-new-reload").click()
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'")
    assert page.evaluate("webmapApp.records.length") > before
    assert page.locator("#wm-new").is_hidden()
    assert page.errors == []
