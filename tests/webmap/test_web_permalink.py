"""An incident's own page, its sources in the popup (outlet, http(s) URL only, date, every merged
source), the base-map data routes (gzipped outlines, labels) and the place search."""
from __future__ import annotations

import gzip
import json
from dataclasses import replace

from web_factory import article, incident

from webmap.incidents.models import SourceSpan
from webmap.incidents.sentences import split_sentences
from webmap.store import Correction


def _store(app, url: str):
    art = replace(article(), url=url, source_name="kyivindependent.com")
    other = replace(article(text="Drones hit an oil depot near Belgorod overnight.", title="Second report"),
                    url="https://example.org/b", date="2024-08-14", source_name="example.org")
    inc = incident(art, 1, "drone_strike", "Belgorod")
    s2 = split_sentences(other)[0]
    merged = replace(inc, sources=inc.sources + (SourceSpan(other.article_id, 0, s2.text, s2.start, s2.end),))
    store = app.extensions["webmap"].store
    store.add(art, [merged])
    store.add(other, [])
    return art, other, merged


def test_incident_page_shows_sentence_sources_place_alternatives_and_corrections(app):
    art, other, inc = _store(app, "https://kyivindependent.com/a")
    client = app.test_client()
    html = client.get(f"/incidents/{inc.incident_id}").data.decode()
    assert inc.sources[0].sentence in html and inc.sources[1].sentence in html
    assert 'href="https://kyivindependent.com/a"' in html and 'href="https://example.org/b"' in html
    assert "published 2024-08-12" in html and "published 2024-08-14" in html
    assert "Other places of that name" in html                  # the gazetteer's alternatives for Belgorod
    assert "No correction" in html
    app.extensions["webmap"].store.correct(Correction(inc.incident_id, category="air_strike", note="checked <b>x</b>"))
    html = client.get(f"/incidents/{inc.incident_id}").data.decode()
    assert "wm-history-row" in html and "air_strike" in html and "drone_strike" in html   # both kept
    assert "checked &lt;b&gt;x&lt;/b&gt;" in html
    assert client.get("/incidents/nope").status_code == 404


def test_popup_lists_every_source_and_links_http_urls_only(app):
    art, other, inc = _store(app, "javascript:alert(1)")
    client = app.test_client()
    html = client.get(f"/incidents/{inc.incident_id}/popup").data.decode()
    assert "javascript:" not in html
    assert 'href="https://example.org/b"' in html and "2024-08-14" in html
    assert html.count("<li>") == 2                               # both merged sources
    assert f'href="/incidents/{inc.incident_id}"' in html         # the permalink


def test_base_map_routes_are_gzipped_and_small(app):
    client = app.test_client()
    for path in ("/geo/admin1.geojson", "/geo/countries.geojson", "/geo/water.geojson"):
        r = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200 and r.headers["Content-Encoding"] == "gzip"
        fc = json.loads(gzip.decompress(r.data))
        assert fc["type"] == "FeatureCollection" and fc["features"]
        assert len(r.data) < 400_000
        plain = client.get(path)
        assert "Content-Encoding" not in plain.headers and json.loads(plain.data) == fc
    r = client.get("/geo/labels.json", headers={"Accept-Encoding": "gzip"})
    labels = json.loads(gzip.decompress(r.data))
    names = [p[0] for p in labels["places"]]
    pops = [p[3] for p in labels["places"]]
    assert pops == sorted(pops, reverse=True) and "Chasiv Yar" in names and "Chasov Yar" not in names
    assert any(r[0] == "Donetsk" and r[3] == "UA" for r in labels["regions"])
    assert {"Ukraine", "Belarus"} <= {c[0] for c in labels["countries"]}


def test_place_search(app):
    client = app.test_client()
    got = client.get("/geo/search", query_string={"q": "Суджа"}).get_json()
    assert got["places"][0]["name"] == "Sudzha" and got["places"][0]["country"] == "RU"
    assert client.get("/geo/search", query_string={"q": "Chasov Yar"}).get_json()["places"][0]["name"] == "Chasiv Yar"
    assert client.get("/geo/search", query_string={"q": "Zzqxq"}).get_json()["places"] == []
    assert client.get("/geo/search").status_code == 400
    assert client.get("/geo/search", query_string={"q": "x" * 300}).status_code == 400
