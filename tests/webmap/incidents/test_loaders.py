"""Article loading: formats, encodings, limits, ids."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from webmap.incidents.loaders import (article_id_for, from_text, html_to_text, load_bytes, load_path, markdown_to_text,
                             parse_jsonl)
from webmap.incidents.exc import ArticleError, WebmapError

from paths import ARTICLES as DATA, ROOT, SEED

SHARED_SEED = ROOT.parent / "shared" / "seeds" / "kursk-2024-08-11.txt"


def seed_path() -> Path:
    return SEED if SEED.exists() else SHARED_SEED


def test_error_tree() -> None:
    assert issubclass(ArticleError, WebmapError) and issubclass(ArticleError, ValueError)


def test_seed_format_sets_date_and_strips_header() -> None:
    [a] = load_path(seed_path())
    assert a.date == "2024-08-11"
    assert a.text.startswith("Now in the sixth day")
    assert a.article_id == article_id_for(a.text) and len(a.article_id) == 12


def test_test_article_seed_format() -> None:
    [a] = load_path(DATA / "kharkiv-odesa-2024-09-03.txt")
    assert a.date == "2024-09-03" and a.text.startswith("Russian forces shelled")
    assert a.source_name == "kharkiv-odesa-2024-09-03.txt"


def test_html_keeps_article_text_only() -> None:
    [a] = load_path(DATA / "odesa-strike.html")
    assert a.title == "Drones hit Odesa port overnight"
    assert "35 Shahed drones" in a.text and "Debris fell on a port warehouse in Odesa & started a fire" in a.text
    assert "Aftermath of a drone strike in the port of Odesa. Reuters" in a.text
    for junk in ("<", ">", "tracking", "Subscribe", "Home", ".x {", "&amp;"):
        assert junk not in a.text


def test_html_without_main_keeps_paragraphs() -> None:
    text, title = html_to_text("<html><body><h1>T</h1><p>One.</p><script>x()</script><p>Two &lt;b&gt;</p></body>")
    assert text == "T\n\nOne.\n\nTwo <b>" and title == "T"


def test_markdown_is_stripped() -> None:
    md = "# Strike on Odesa\n\n**Russia** launched [drones](http://x.y/z) at *Odesa*.\n\n- item `code`\n> quote\n"
    text, title = markdown_to_text(md)
    assert title == "Strike on Odesa"
    assert text == "Strike on Odesa\n\nRussia launched drones at Odesa.\n\nitem code\nquote"


def test_json_batch_and_given_ids() -> None:
    data = json.dumps([{"id": 7, "text": "Shelling in Kharkiv.", "date": "09/03/2024"},
                       {"text": "Drones over Odesa.", "title": "t", "url": "http://e"}]).encode()
    a, b = load_bytes(data, "batch.json")
    assert a.article_id == "7" and a.date == "2024-09-03"
    assert b.article_id == article_id_for("Drones over Odesa.") and b.title == "t" and b.url == "http://e"


def test_jsonl_reports_the_broken_line_and_goes_on() -> None:
    got = list(parse_jsonl((DATA / "batch.jsonl").read_text(encoding="utf-8"), "batch.jsonl"))
    assert [n for n, _ in got] == [1, 2, 3]
    assert isinstance(got[1][1], ArticleError) and "batch.jsonl:2" in str(got[1][1])
    assert got[0][1].article_id == "a1" and got[2][1].title == "Odesa"


def test_jsonl_file_with_broken_line_raises() -> None:
    with pytest.raises(ArticleError, match="2"):
        load_path(DATA / "batch.jsonl")


@pytest.mark.parametrize("data,msg", [(b"\xff\xfeabc", "UTF-8"), (b"   \n\t", "empty"), (b"x" * 101, "limit")])
def test_bad_bytes(data: bytes, msg: str) -> None:
    with pytest.raises(ArticleError, match=msg):
        load_bytes(data, "in.txt", max_bytes=100)


def test_bom_is_accepted() -> None:
    [a] = load_bytes("\ufeffdate 2024-01-02\nKyiv was shelled.".encode(), "a.txt")
    assert a.text == "Kyiv was shelled." and a.date == "2024-01-02"


def test_missing_text_field() -> None:
    with pytest.raises(ArticleError, match="text"):
        load_bytes(b'{"id": 1}', "x.json")
    with pytest.raises(ArticleError, match="cannot read"):
        load_path(DATA / "does-not-exist.txt")


def test_from_text_header_only_is_error() -> None:
    with pytest.raises(ArticleError):
        from_text("date 2024-01-01\n   ")
