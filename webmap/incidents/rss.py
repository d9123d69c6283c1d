"""RSS 2.0 and Atom feeds saved as files: each item or entry becomes one article (title, link, date, text)."""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from typing import Callable

from .exc import ArticleError
from .models import Article

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def is_feed(text: str) -> bool:
    """True when an XML text looks like an RSS or Atom feed."""
    head = text[:2000]
    return bool(re.search(r"<rss[\s>]|<feed[\s>][^>]*2005/Atom|<rdf:RDF", head))


def _date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value)
    if m:
        return m.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _text(markup: str, html_to_text: Callable[[str], tuple[str, str]] | None) -> str:
    if "<" in markup and html_to_text is not None:
        body, _ = html_to_text(markup)
        return body
    return markup.strip()


def feed_articles(text: str, name: str = "feed",
                  html_to_text: Callable[[str], tuple[str, str]] | None = None) -> list[Article]:
    """The articles of an RSS or Atom document (items with no text are skipped); ``html_to_text`` reads the
    HTML of an item's description (loaders.html_to_text)."""
    if re.search(r"<!DOCTYPE[^>]*\[|<!ENTITY", text[:5000], re.I):
        raise ArticleError(f"{name}: feeds with entity declarations are refused")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise ArticleError(f"{name}: not well-formed XML ({e})") from None
    out: list[Article] = []
    items = root.iter("item") if root.tag in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF") \
        else root.iter(f"{_ATOM}entry")
    channel = root.findtext("channel/title") or root.findtext(f"{_ATOM}title") or name
    for it in items:
        if it.tag == "item":
            title = (it.findtext("title") or "").strip()
            link = (it.findtext("link") or "").strip()
            body = it.findtext(_CONTENT) or it.findtext("description") or ""
            date = _date(it.findtext("pubDate") or it.findtext("{http://purl.org/dc/elements/1.1/}date"))
            guid = (it.findtext("guid") or link or "").strip()
        else:
            title = (it.findtext(f"{_ATOM}title") or "").strip()
            link_el = next((e for e in it.findall(f"{_ATOM}link") if e.get("rel", "alternate") == "alternate"), None)
            link = (link_el.get("href") or "").strip() if link_el is not None else ""
            body = it.findtext(f"{_ATOM}content") or it.findtext(f"{_ATOM}summary") or ""
            date = _date(it.findtext(f"{_ATOM}published") or it.findtext(f"{_ATOM}updated"))
            guid = (it.findtext(f"{_ATOM}id") or link).strip()
        text_ = _text(body, html_to_text)
        if title and not text_.startswith(title):
            text_ = f"{title}\n\n{text_}" if text_ else title
        if not text_.strip():
            continue
        aid = "rss-" + hashlib.sha1((guid or text_).encode("utf-8")).hexdigest()[:12]
        out.append(Article(article_id=aid, text=text_, title=title, date=date,
                           url=link if re.match(r"https?://", link) else "", source_name=channel.strip()[:200]))
    if not out:
        raise ArticleError(f"{name}: no items with text in the feed")
    return out
