"""Telegram Desktop exports (``result.json``): each channel message with text becomes one article.

An export is one chat ({"name", "type", "id", "messages": [...]}) or a whole account
({"chats": {"list": [chat, ...]}}). A message's ``text`` is a string or a list of plain strings and
entity objects ({"type": "bold" | "link" | "text_link" | "mention" ..., "text": ...}); the words of
every entity are kept (a link's text, bold text) and the formatting dropped. Service messages
(channel created, pinned ...) and messages with no text (a bare photo) are skipped.

An article's id is ``tg-<chat id>-<message id>``: an edited message (``edited``) keeps its id, so
re-importing a newer export replaces the earlier version, and a message already stored with the same
text is not read again. A public channel's messages link to ``https://t.me/<username>/<id>``; the
username is the export's ``username`` field when present, else the @name or t.me/name the channel
signs its own posts with.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

from .exc import ArticleError
from .models import Article

ID_PREFIX = "tg-"
_TME = re.compile(r"(?:https?://)?t\.me/([A-Za-z][\w]{3,31})(?:/\d+)?\b")
_AT = re.compile(r"(?<![\w@])@([A-Za-z][\w]{3,31})\b")
_CHAT_TYPES = {"public_channel", "private_channel", "public_supergroup", "private_supergroup", "private_group",
               "personal_chat", "bot_chat", "saved_messages"}


def is_export(data: Any) -> bool:
    """True for the parsed JSON of a Telegram Desktop export (one chat or a whole account)."""
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("messages"), list) and ("type" in data or "name" in data):
        return True
    chats = data.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def is_telegram_article(article: Article) -> bool:
    """True for an article made from a Telegram message."""
    return article.article_id.startswith(ID_PREFIX)


def message_text(text: Any) -> str:
    """The plain text of a message's ``text``: entity texts joined, formatting dropped."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    parts: list[str] = []
    for part in text:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def _links(text: Any) -> Iterable[str]:
    """Every link target and mention of a message (entity hrefs, link texts, @mentions)."""
    if isinstance(text, list):
        for part in text:
            if isinstance(part, dict):
                for k in ("href", "text"):
                    if isinstance(part.get(k), str):
                        yield part[k]
    elif isinstance(text, str):
        yield text


def signatures(text: Any) -> set[str]:
    """The channel names (lower case) a message's text links to or mentions: t.me/name and @name."""
    seen: set[str] = set()
    for s in _links(text):
        seen.update(n.lower() for n in _TME.findall(s))
        seen.update(n.lower() for n in _AT.findall(s))
    return seen


def channel_username(chat: dict) -> str:
    """The public username of a chat: the export's field, else the name its posts sign with (or "")."""
    for k in ("username", "channel_username"):
        v = chat.get(k)
        if isinstance(v, str) and re.fullmatch(r"@?[A-Za-z][\w]{3,31}", v):
            return v.lstrip("@")
    if chat.get("type") not in ("public_channel", "public_supergroup"):
        return ""
    names: Counter[str] = Counter()
    posts = 0
    for m in chat.get("messages") or []:
        if not isinstance(m, dict) or m.get("type") != "message":
            continue
        posts += 1
        names.update(signatures(m.get("text")))
    if not names:
        return ""
    name, n = names.most_common(1)[0]
    return name if n >= max(2, posts // 3) else ""


def _title(text: str) -> str:
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return first if len(first) <= 120 else first[:117].rstrip() + "..."


def chat_key(chat: dict) -> tuple[str, str]:
    """(id, name) of a chat as its articles name it."""
    chat_id = str(chat.get("id") or re.sub(r"\W+", "_", str(chat.get("name") or "chat")))
    return chat_id, str(chat.get("name") or chat_id)


def message_article(m: Any, chat: dict, user: str) -> Article | None:
    """The article of one message of a chat (``chat``: its fields), or None for a service message or no text."""
    if not isinstance(m, dict) or m.get("type", "message") != "message" or "id" not in m:
        return None
    text = message_text(m.get("text")).strip()
    if not text:
        return None
    chat_id, name = chat_key(chat)
    mid = str(m["id"])
    date = str(m.get("date") or "")[:10] or None
    return Article(article_id=f"{ID_PREFIX}{chat_id}-{mid}", text=text, title=_title(text),
                   date=date if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None,
                   url=f"https://t.me/{user}/{mid}" if user and mid.isdigit() else "", source_name=name)


def chat_articles(chat: dict, where: str = "telegram export") -> list[Article]:
    """The articles of one exported chat: one per message with text, in export order."""
    if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
        raise ArticleError(f"{where}: not a Telegram chat export (no \"messages\" list)")
    user = channel_username(chat)
    out: list[Article] = []
    seen: dict[str, int] = {}
    for m in chat["messages"]:
        art = message_article(m, chat, user)
        if art is None:
            continue
        if art.article_id in seen:            # the same message twice (an edit exported after it): the later one
            out[seen[art.article_id]] = art
        else:
            seen[art.article_id] = len(out)
            out.append(art)
    return out


def export_articles(data: Any, where: str = "telegram export") -> list[Article]:
    """The articles of a Telegram Desktop export (one chat, or every chat of an account export)."""
    if not is_export(data):
        raise ArticleError(f"{where}: not a Telegram Desktop export")
    chats = data["chats"]["list"] if "chats" in data and "messages" not in data else [data]
    out: list[Article] = []
    for i, chat in enumerate(chats):
        out += chat_articles(chat, f"{where} chat {i}")
    if not out:
        raise ArticleError(f"{where}: no messages with text")
    return out
