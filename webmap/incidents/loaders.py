"""Load articles: seed files, .txt, .md, .html, JSON and JSONL batches, decoded strictly as UTF-8."""
from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import date as _date
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable

from . import rss, telegram
from .exc import ArticleError
from .models import Article

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SEED_HEADER = re.compile(r"\A\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})[ \t]*\r?\n?[ \t]*")


def article_id_for(text: str) -> str:
    """A short stable id derived from the text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode(data: bytes, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Bytes to text: strict UTF-8 (a BOM is dropped), not empty, not over ``max_bytes``."""
    if len(data) > max_bytes:
        raise ArticleError(f"{name}: {len(data)} bytes is over the limit of {max_bytes} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{name}: not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})") from None
    if not text.strip():
        raise ArticleError(f"{name}: empty input")
    return text


def normalize_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from common spellings, or None when absent or unreadable."""
    if value in (None, ""):
        return None
    s = str(value).strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    try:
        if m:
            return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})$", s)
        if m:
            return _date(int(m[3]), int(m[1]), int(m[2])).isoformat()
        for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"):
            try:
                return datetime.strptime(s, fmt).date().isoformat()
            except ValueError:
                continue
    except ValueError:
        pass
    log.warning("unreadable date %r ignored", s)
    return None


def from_text(text: str, article_id: str | None = None, date: Any = None, title: str = "",
              url: str = "", source_name: str = "") -> Article:
    """An Article from plain text; a leading ``date YYYY-MM-DD`` line (seed format) sets the date."""
    m = _SEED_HEADER.match(text)
    if m:
        date = date or m.group(1)
        text = text[m.end():]
    if not text.strip():
        raise ArticleError(f"{source_name or 'input'}: no text")
    return Article(article_id=str(article_id) if article_id not in (None, "") else article_id_for(text),
                   text=text, title=title or "", date=normalize_date(date), url=url or "",
                   source_name=source_name)


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*?^```[ \t]*$", re.M | re.S), ""),           # fenced code
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),                   # images -> alt
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                    # links -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                   # reference links
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M), ""),              # link definitions
    (re.compile(r"<[^>\n]+>"), ""),                                   # inline html
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # headings
    (re.compile(r"^[ \t]*>[ \t]?", re.M), ""),                        # blockquotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M), ""),        # list markers
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), ""),           # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),            # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]*)`"), r"\1"),                                # inline code
)


def markdown_to_text(md: str) -> tuple[str, str]:
    """Plain text and title (first heading) of a Markdown document."""
    h = re.search(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", md, re.M)
    title = h.group(1).strip() if h else ""
    for pat, rep in _MD_RULES:
        md = pat.sub(rep, md)
    md = re.sub(r"\n{3,}", "\n\n", md)
    return md.strip(), title


_SKIP = {"script", "style", "nav", "noscript", "template", "svg", "form", "button", "iframe", "head",
         "footer", "aside", "select", "object"}
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "td", "th",
          "tr", "section", "article", "main", "header", "br", "pre", "dd", "dt", "caption", "figure", "ul", "ol",
          "table"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _TextHTML(HTMLParser):
    """Collects the visible text of an HTML page block by block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.main = 0
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.blocks: list[tuple[bool, str]] = []     # (inside article/main, text)
        self.buf: list[str] = []
        self.saw_main = False

    def _flush(self) -> None:
        t = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if t:
            self.blocks.append((self.main > 0, t))
        self.buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skip += 1
        if tag in ("article", "main"):
            self._flush()
            self.main += 1
            self.saw_main = True
        elif tag in _BLOCK:
            self._flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP and tag not in _VOID:
            self.skip = max(0, self.skip - 1)
        if tag in _BLOCK or tag in ("article", "main"):
            self._flush()
        if tag in ("article", "main"):
            self.main = max(0, self.main - 1)
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip:
            return
        if self.in_h1:
            self.h1 += data
        self.buf.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """Visible article text (paragraphs separated by blank lines) and title of an HTML page."""
    p = _TextHTML()
    p.feed(html)
    p.close()
    p._flush()
    blocks = [t for inside, t in p.blocks if inside] if p.saw_main else [t for _, t in p.blocks]
    if not blocks:
        blocks = [t for _, t in p.blocks]
    title = re.sub(r"\s+", " ", p.title).strip() or re.sub(r"\s+", " ", p.h1).strip()
    return "\n\n".join(blocks), title


def from_record(obj: Any, where: str = "record") -> Article:
    """An Article from a JSON object {"id", "text", "date"?, "title"?, "url"?}."""
    if not isinstance(obj, dict):
        raise ArticleError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}: missing or empty \"text\"")
    return from_text(text, article_id=obj.get("id"), date=obj.get("date"), title=str(obj.get("title") or ""),
                     url=str(obj.get("url") or ""), source_name=str(obj.get("source_name") or where))


def parse_json_batch(text: str, name: str = "input") -> list[Article]:
    """Articles of a JSON list/object document."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ArticleError(f"{name}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if telegram.is_export(data):                 # a Telegram Desktop export: one article per message
        return telegram.export_articles(data, name)
    items = data if isinstance(data, list) else [data]
    return [from_record(o, f"{name}[{i}]") for i, o in enumerate(items)]


def parse_jsonl(text: str, name: str = "input") -> Iterable[tuple[int, Article | ArticleError]]:
    """(line number, Article or the error of that line) for each non-blank line of a JSONL text."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield n, ArticleError(f"{name}:{n}: invalid JSON ({e.msg} at column {e.colno})")
            continue
        try:
            yield n, from_record(obj, f"{name}:{n}")
        except ArticleError as e:
            yield n, e


def load_bytes(data: bytes, name: str = "input", max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Articles from the bytes of one file; the format follows the file name's extension."""
    text = decode(data, name, max_bytes)
    ext = Path(name).suffix.lower()
    stem = Path(name).name
    if ext == ".jsonl":
        arts = []
        for _, a in parse_jsonl(text, stem):
            if isinstance(a, ArticleError):
                raise a
            arts.append(a)
        if not arts:
            raise ArticleError(f"{name}: no articles")
        return arts
    if ext == ".json":
        return parse_json_batch(text, stem)
    if ext in (".rss", ".atom", ".xml") or (ext == "" and rss.is_feed(text)):    # a saved RSS/Atom feed
        return rss.feed_articles(text, stem, html_to_text)
    if ext in (".html", ".htm") or (ext == "" and re.match(r"\s*<(!doctype|html)", text, re.I)):
        body, title = html_to_text(text)
        if not body.strip():
            raise ArticleError(f"{name}: no text in the HTML")
        return [from_text(body, title=title, source_name=stem)]
    if ext in (".md", ".markdown"):
        body, title = markdown_to_text(text)
        return [from_text(body, title=title, source_name=stem)]
    return [from_text(text, source_name=stem)]


def load_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Articles of one file on disk."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ArticleError(f"{p}: {size} bytes is over the limit of {max_bytes} bytes")
        data = p.read_bytes()
    except OSError as e:
        raise ArticleError(f"{p}: cannot read ({e.strerror})") from None
    return load_bytes(data, str(p), max_bytes)
