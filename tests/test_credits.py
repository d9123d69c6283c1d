"""Data licences require credits: GeoNames (CC BY 4.0), Who's On First, UCDP GED (CC BY 4.0), Natural Earth - in
the UI and README."""
from __future__ import annotations

import re

from paths import ROOT


def test_map_and_article_pages_credit_the_data(seeded_client):
    page = seeded_client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for name in ("GeoNames", "CC BY 4.0", "Who&#39;s On First", "Natural Earth"):
        assert name in html
    assert "attributionControl.addAttribution" in html          # in the map's own attribution box
    credits = re.search(r"attributionControl\.addAttribution\((.*?)\);", html, re.S).group(1)
    for name in ("GeoNames", "Who&#39;s On First", "UCDP GED", "Natural Earth"):
        assert name in credits, name
    listing = seeded_client.get("/articles").get_data(as_text=True)
    article = re.search(r"href=\"(/articles/[^\"#?]+)", listing).group(1)
    text = seeded_client.get(article).get_data(as_text=True)
    assert "GeoNames" in text and "CC BY 4.0" in text


def test_readme_and_notice_credit_the_data():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("GeoNames", "CC BY 4.0", "Natural Earth", "Who's On First", "whosonfirst.org/docs/licenses", "UCDP"):
        assert name in readme
    notice = (ROOT / "gazetteer" / "data" / "NOTICE-whosonfirst.txt").read_text(encoding="utf-8")
    assert "whosonfirst.org" in notice and "GeoPlanet" in notice and "Quattroshapes" in notice
