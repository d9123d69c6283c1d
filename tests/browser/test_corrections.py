"""The four correction flows in a real browser (Playwright + Debian's Chromium) on the seeded store,
with the real gazetteer: pick a candidate place, type a place name, enter coordinates (the point takes
the name of its new position), change the category. The machine's reading is kept apart each time."""
from __future__ import annotations

import pytest
from liveweb import browser_page

from webmap.incidents.categories import CATEGORIES
from webmap.views.article_view import candidates_for

pytestmark = pytest.mark.browser


@pytest.fixture
def page(chromium, live_server):
    with browser_page(chromium, *live_server) as pg:
        yield pg


def _state(page):
    return page.app.extensions["webmap"]


def _located(page):
    return [r for r in _state(page).store.query() if r.incident.lat is not None and r.incident.source]


def _open_form(page, iid: str) -> None:
    page.goto(f"{page.base}/incidents/{iid}/correct")
    page.locator("form.wm-form").wait_for()


def _save(page) -> None:
    page.locator("form.wm-form button[type=submit]:not([name=action])").click()
    page.wait_for_load_state()
    assert page.locator(".wm-error").count() == 0, page.locator(".wm-error").all_inner_texts()


def _marker_on_map(page, iid: str) -> dict:
    page.goto(f"{page.base}/?focus={iid}")
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'", timeout=15000)
    return page.evaluate("id => { const r = webmapApp.byId[id]; return {lat: r.lat, lon: r.lon, place: r.place}; }", iid)


def test_pick_a_candidate_place(page):
    state = _state(page)
    for rec in _located(page):
        cands = [c for c in candidates_for(rec.machine, state) if not c["current"]]
        if cands:
            break
    else:
        pytest.fail("no seed incident has an alternative candidate place")
    iid, choice = rec.incident.incident_id, cands[0]
    _open_form(page, iid)
    radios = page.locator('input[type=radio][name=place_id]:not([value=""])')
    assert radios.count() >= len(cands)                     # the list is filled
    page.locator(f'input[type=radio][name=place_id][value="{choice["place_id"]}"]').check()
    _save(page)
    got = state.store.get(iid)
    assert got.corrected and got.incident.place_id == choice["place_id"]
    assert (round(got.incident.lat, 4), round(got.incident.lon, 4)) == (round(choice["lat"], 4), round(choice["lon"], 4))
    assert got.machine == rec.machine                         # the machine reading is kept apart
    m = _marker_on_map(page, iid)
    assert (m["lat"], m["lon"]) == (round(got.incident.lat, 5), round(got.incident.lon, 5))
    assert page.errors == []


def test_type_a_place_name(page):
    state = _state(page)
    rec = _located(page)[0]
    iid = rec.incident.incident_id
    _open_form(page, iid)
    page.fill('input[name="place_name"]', "Chasiv Yar")
    _save(page)
    got = state.store.get(iid)
    assert got.corrected and got.incident.location_name == "Chasiv Yar"
    assert abs(got.incident.lat - 48.59) < 0.05 and abs(got.incident.lon - 37.84) < 0.05
    assert got.incident.country_code == "UA" and got.machine == rec.machine
    # an unknown name is a clear error, not a crash, and nothing is stored
    other = _located(page)[1].incident.incident_id
    _open_form(page, other)
    page.fill('input[name="place_name"]', "Qwzxqwzx")
    page.locator("form.wm-form button[type=submit]:not([name=action])").click()
    assert "no place called" in page.locator(".wm-error").inner_text()
    assert not state.store.get(other).corrected
    assert page.errors == []


def test_enter_coordinates_names_the_new_position(page):
    state = _state(page)
    rec = next(r for r in _located(page) if "Korenevo" not in r.incident.location_name)
    iid = rec.incident.incident_id
    _open_form(page, iid)
    page.fill('input[name="lat"]', "51.4107")                  # Korenevo, Kursk oblast
    page.fill('input[name="lon"]', "34.9001")
    _save(page)
    got = state.store.get(iid)
    assert got.corrected and (got.incident.lat, got.incident.lon) == (51.4107, 34.9001)
    assert got.incident.location_name == "Korenevo" and got.incident.country_code == "RU"
    assert got.incident.admin1 == "Kursk" and got.machine == rec.machine
    m = _marker_on_map(page, iid)
    assert (m["lat"], m["lon"], m["place"]) == (51.4107, 34.9001, "Korenevo")
    # a name typed with the coordinates wins over the reverse lookup
    _open_form(page, iid)
    page.fill('input[name="lat"]', "51.40")
    page.fill('input[name="lon"]', "34.95")
    page.fill('input[name="place_name"]', "Korenevo district farm")
    _save(page)
    assert state.store.get(iid).incident.location_name == "Korenevo district farm"
    assert page.errors == []


def test_change_the_category(page):
    state = _state(page)
    rec = _located(page)[2]
    iid = rec.incident.incident_id
    new = next(c for c in CATEGORIES if c.key != rec.incident.category)
    _open_form(page, iid)
    page.select_option('select[name="category"]', new.key)
    _save(page)
    got = state.store.get(iid)
    assert got.corrected and got.incident.category == new.key and got.incident.event_type == new.event_type
    assert (got.incident.lat, got.incident.lon) == (rec.incident.lat, rec.incident.lon)
    assert got.machine.category == rec.machine.category
    page.goto(f"{page.base}/?category={new.key}")
    page.wait_for_function("document.body && document.body.dataset.mapReady === '1'", timeout=15000)
    assert iid in page.evaluate("webmapApp.records.map(r => r.id)")
    # revert restores the machine reading
    _open_form(page, iid)
    page.locator('button[name=action][value=revert]').click()
    page.wait_for_load_state()
    assert not state.store.get(iid).corrected
    assert page.errors == []


def test_every_correction_is_kept_on_the_incident_page_and_the_last_can_be_undone(page):
    state = _state(page)
    rec = _located(page)[-1]
    iid = rec.incident.incident_id
    new = next(c for c in CATEGORIES if c.key != rec.incident.category)
    _open_form(page, iid)                                      # 1: the category
    page.select_option('select[name="category"]', new.key)
    page.fill('textarea[name="note"], input[name="note"]', "the sentence says <b>drones</b>")
    _save(page)
    _open_form(page, iid)                                      # 2: the place (the category is kept)
    page.fill('input[name="place_name"]', "Chasiv Yar")
    _save(page)
    got = state.store.get(iid)
    assert (got.incident.category, got.incident.location_name) == (new.key, "Chasiv Yar")
    page.goto(f"{page.base}/incidents/{iid}")
    rows = page.locator(".wm-history tbody tr.wm-history-row")
    assert rows.count() == 2
    assert "Chasiv Yar" in rows.nth(1).inner_text() and new.key in rows.nth(0).inner_text()
    assert "the sentence says <b>drones</b>" in rows.nth(0).inner_text()       # escaped, shown as text
    assert page.locator(".wm-history tbody tr.wm-machine-row").inner_text().count(rec.machine.location_name) == 1
    # undo the last step: the place goes back to the machine's, the category correction stays
    page.locator("button.wm-undo").click()
    page.wait_for_load_state()
    got = state.store.get(iid)
    assert (got.incident.category, got.incident.location_name) == (new.key, rec.machine.location_name)
    assert page.locator('.wm-history tbody tr.wm-history-row[data-active="0"]').count() == 1
    assert "undone" in page.locator('.wm-history tbody tr.wm-history-row[data-active="0"]').inner_text()
    m = _marker_on_map(page, iid)
    assert (m["lat"], m["lon"]) == (round(rec.incident.lat, 5), round(rec.incident.lon, 5))
    # undo again: the machine's reading; the history still holds both steps
    page.goto(f"{page.base}/incidents/{iid}")
    page.locator("button.wm-undo").click()
    page.wait_for_load_state()
    assert not state.store.get(iid).corrected
    assert page.locator(".wm-history tbody tr.wm-history-row").count() == 2
    assert page.locator("button.wm-undo").count() == 0 and page.locator(".wm-no-correction").count() == 1
    assert page.errors == []
