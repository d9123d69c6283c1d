"""What the web app accepts: strict parsing and validation of article requests (JSON API, forms, uploads).

Every refusal is an :class:`ArticleError` (a ``ValueError``; the app answers 400) whose message names
the field and the rule. The rules:

- a JSON body is at most ``MAX_JSON_DEPTH`` levels deep (the size limit is ``MAX_CONTENT_LENGTH``);
- no string may hold a lone surrogate (``"\\ud800"``): it cannot be stored as UTF-8, so it is refused;
- a body is one article object or a non-empty list of at most ``MAX_BATCH`` of them;
- an article object has the fields ``text`` (required, a non-empty string), ``id``, ``title``,
  ``date`` (``YYYY-MM-DD``), ``url``, ``source_name`` (strings or null) and ``replace`` (a boolean);
  any other field is refused by name;
- an article id is 1 to ``MAX_ID_LENGTH`` characters of letters, digits and ``. _ - : ~`` (no ``/``,
  no spaces), so that ``/articles/<id>`` always reaches it;
- a URL is empty or an absolute ``http``/``https`` URL with a host; only those ever become links.
"""
from __future__ import annotations

import json
import re
from typing import Any, Mapping
from urllib.parse import urlsplit

from .filters import quoted
from .incidents.exc import ArticleError
from .incidents.loaders import from_text, normalize_date
from .incidents.models import Article

MAX_JSON_DEPTH = 32
MAX_BATCH = 500
MAX_ID_LENGTH = 128
MAX_URL_LENGTH = 2048
MAX_TITLE_LENGTH = 1000
ARTICLE_FIELDS = ("id", "text", "title", "date", "url", "source_name", "replace")
ID_RULE = (f"an article id is 1 to {MAX_ID_LENGTH} characters: letters, digits and . _ - : ~ "
           "(no '/', no spaces)")
_ID_FULL = re.compile(rf"[\w.:~-]{{1,{MAX_ID_LENGTH}}}")
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.S)
WEB_SCHEMES = ("http", "https")


# -- links ---------------------------------------------------------------------------------------
def web_url(value: Any) -> str | None:
    """The URL when it is an absolute http(s) URL with a host (safe as a link target), else None."""
    if not isinstance(value, str) or not value or len(value) > MAX_URL_LENGTH:
        return None
    if any(ord(ch) <= 0x20 or 0x7f <= ord(ch) <= 0x9f or ch in "\\\u2028\u2029" for ch in value):
        return None                                  # no whitespace or control characters anywhere
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or parts.netloc.startswith("@"):
        return None
    return value


def check_url(value: Any, where: str = "url") -> str:
    """The URL of an article: "" or an http(s) URL. :raises ArticleError: for anything else."""
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise ArticleError(f"{where}: expected a string, got {_kind(value)}")
    value = value.strip()
    if value and web_url(value) is None:
        raise ArticleError(f"{where}: {value[:80]!r} is not an http:// or https:// URL "
                           "(only web links are accepted)")
    return value


# -- ids and strings -----------------------------------------------------------------------------
def check_article_id(value: Any, where: str = "id") -> str:
    """A valid article id. :raises ArticleError: naming the rule."""
    if not isinstance(value, str):
        raise ArticleError(f"{where}: expected a string, got {_kind(value)}")
    if not _ID_FULL.fullmatch(value):
        shown = value if len(value) <= 60 else value[:60] + "…"
        raise ArticleError(f"{where}: {shown!r} is not a valid id: {ID_RULE}")
    return value


def check_text(value: str, where: str) -> str:
    """The string unchanged. :raises ArticleError: when it holds a lone surrogate (not storable as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ArticleError(f"{where}: lone surrogate {value[err.start]!r} at character {err.start} "
                           "(not valid Unicode text)") from None
    return value


def _kind(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object",
            type(None): "null", str: "a string"}.get(type(value), type(value).__name__)


def _opt_str(obj: Mapping[str, Any], name: str, where: str, limit: int) -> str:
    value = obj.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ArticleError(f"{where}.{name}: expected a string, got {_kind(value)}")
    if len(value) > limit:
        raise ArticleError(f"{where}.{name}: longer than {limit} characters")
    return check_text(value, f"{where}.{name}")


# -- JSON ----------------------------------------------------------------------------------------
def json_depth(text: str) -> int:
    """The nesting depth of a JSON text (strings skipped), in one linear pass."""
    depth = deepest = 0
    for m in _TOKENS.finditer(text):
        tok = m.group(0)
        if tok in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif tok in "]}":
            depth -= 1
    return deepest


def load_json(text: str, where: str = "request body", max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON with a depth limit. :raises ArticleError: for bad JSON or too deep a document."""
    if json_depth(text) > max_depth:
        raise ArticleError(f"{where}: JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ArticleError(f"{where}: invalid JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    except RecursionError:                       # cannot happen under the depth limit; kept as a guard
        raise ArticleError(f"{where}: JSON nested too deeply") from None


# -- articles ------------------------------------------------------------------------------------
def article_from_json(obj: Any, where: str = "article") -> tuple[Article, bool]:
    """(Article, replace flag) of one JSON article object, every field type-checked."""
    if not isinstance(obj, dict):
        raise ArticleError(f"{where}: expected an article object {{\"text\": ...}}, got {_kind(obj)}")
    unknown = sorted(k for k in obj if k not in ARTICLE_FIELDS)
    if unknown:
        raise ArticleError(f"{where}: unknown field(s) {quoted(unknown)} "
                           f"(known: {', '.join(ARTICLE_FIELDS)})")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ArticleError(f"{where}.text: expected a string, got {_kind(text)}" if "text" in obj
                           else f'{where}: missing "text"')
    check_text(text, f"{where}.text")
    if not text.strip():
        raise ArticleError(f"{where}.text: empty")
    art_id = obj.get("id")
    if art_id is not None:
        check_article_id(art_id, f"{where}.id")
    date = obj.get("date")
    if date is not None:
        if not isinstance(date, str):
            raise ArticleError(f"{where}.date: expected a string (YYYY-MM-DD), got {_kind(date)}")
        if date.strip() and normalize_date(date) is None:
            raise ArticleError(f"{where}.date: unreadable date {date[:40]!r} (expected YYYY-MM-DD)")
    replace = obj.get("replace", False)
    if not isinstance(replace, bool):
        raise ArticleError(f"{where}.replace: expected true or false, got {_kind(replace)}")
    url = check_url(obj.get("url"), f"{where}.url")
    title = _opt_str(obj, "title", where, MAX_TITLE_LENGTH)
    source = _opt_str(obj, "source_name", where, 200)
    art = from_text(text, article_id=art_id, date=date or None, title=title, url=url, source_name=source or "api")
    return art, replace


def parse_article_request(text: str, where: str = "request body") -> tuple[list[Article], list[bool]]:
    """The articles of a JSON request body (an object or a non-empty list) and their replace flags."""
    data = load_json(text, where)
    items = data if isinstance(data, list) else [data]
    if isinstance(data, list) and not data:
        raise ArticleError(f"{where}: an empty list (send an article object or a non-empty list of them)")
    if len(items) > MAX_BATCH:
        raise ArticleError(f"{where}: {len(items)} articles is over the limit of {MAX_BATCH} per request")
    pairs = [article_from_json(o, f"{where}[{i}]" if isinstance(data, list) else where) for i, o in enumerate(items)]
    return [a for a, _ in pairs], [r for _, r in pairs]


def validate_article(article: Article, where: str | None = None) -> Article:
    """Check an article from any source (API, form, uploaded file) before it is stored."""
    w = where or article.source_name or "article"
    check_article_id(article.article_id, f"{w}: id")
    check_url(article.url, f"{w}: url")
    for name in ("text", "title", "source_name"):
        check_text(getattr(article, name), f"{w}: {name}")
    return article


# -- corrections ---------------------------------------------------------------------------------
CORRECTION_FIELDS = ("category", "lat", "lon", "geo_precision", "place_id", "place_name", "note")
FORM_ONLY_FIELDS = ("csrf_token", "action")


def check_correction_fields(fields: Any, *, form: bool = False) -> Mapping[str, Any]:
    """The fields of a correction request, type-checked (a boolean is not a number, a list not a name).

    :raises ArticleError: naming the field (the app answers 400).
    """
    if not isinstance(fields, Mapping):
        raise ArticleError(f"correction: expected a JSON object, got {_kind(fields)}")
    allowed = CORRECTION_FIELDS + (FORM_ONLY_FIELDS if form else ())
    unknown = sorted(str(k) for k in fields if k not in allowed)
    if unknown:
        raise ArticleError(f"correction: unknown field(s) {quoted(unknown)} "
                           f"(known: {', '.join(CORRECTION_FIELDS)})")
    for name in allowed:
        value = fields.get(name)
        if value is None:
            continue
        if name in ("lat", "lon", "geo_precision"):
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise ArticleError(f"{name}: expected a number, got {_kind(value)}")
            if isinstance(value, str):
                check_text(value, name)
            if name == "geo_precision" and value not in ("", None):
                try:
                    ok = float(value) in (1.0, 2.0, 3.0)
                except ValueError:
                    ok = False
                if not ok:
                    raise ArticleError(f"geo_precision: bad value {str(value)[:20]!r} (expected 1, 2 or 3)")
        else:
            if not isinstance(value, str):
                raise ArticleError(f"{name}: expected a string, got {_kind(value)}")
            check_text(value, name)
            if len(value) > 2000:
                raise ArticleError(f"{name}: longer than 2000 characters")
    return fields


def correction_request(data: bytes, where: str = "correction") -> Mapping[str, Any]:
    """The type-checked fields of a JSON correction body (depth-limited parse)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{where}: not valid UTF-8 (byte {e.start})") from None
    return check_correction_fields(load_json(text, where) if text.strip() else {})
