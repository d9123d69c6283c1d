"""Telegram Desktop exports too large to hold in memory, read message by message.

A channel export is one JSON object whose ``messages`` array holds every post; an account export holds
its chats in ``chats.list``. :func:`iter_messages` walks the file with a small buffer, decoding one
message at a time (``json.JSONDecoder.raw_decode``), so that memory stays flat in the size of the export.
The chat's own fields (``name``, ``type``, ``id``, ``username``) come before its messages in the files
Telegram Desktop writes; they are passed along with each message.

:func:`iter_export_chunks` gives the articles of such an export in chunks (two passes over the file: the
first finds each public channel's username from the links its posts sign with, the second builds the
articles), each chunk small enough to store in one transaction.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import IO, Any, Iterator

from . import telegram
from .exc import ArticleError
from .models import Article

_DECODER = json.JSONDecoder()
_WS = " \t\r\n"
_READ = 1 << 16
HEADER_KEYS = ("name", "type", "id", "username", "channel_username")


class _Reader:
    """A window on a text file: decode one JSON value at a time, reading more as needed."""

    def __init__(self, fh: IO[str], where: str) -> None:
        self.fh, self.where = fh, where
        self.buf, self.pos, self.eof = "", 0, False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.fh.read(_READ)
        if not chunk:
            self.eof = True
            return False
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        got = self.peek()
        if got != char:
            raise ArticleError(f"{self.where}: invalid JSON (expected {char!r}, found {got or 'the end'!r} "
                               f"near character {self.fh.tell()})")
        self.pos += 1

    def value(self) -> Any:
        """Decode the next JSON value whole."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as e:
                if self._more():
                    continue
                raise ArticleError(f"{self.where}: invalid JSON ({e.msg})") from None
            if end >= len(self.buf) and self._more():      # a number cut by the window: read on, decode again
                continue
            self.pos = end
            return value

    def members(self) -> Iterator[str]:
        """The keys of the object that starts here; the caller reads (or walks) each value."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise ArticleError(f"{self.where}: invalid JSON (an object key that is not a string)")
            self.expect(":")
            yield key
            nxt = self.peek()
            self.pos += 1
            if nxt == "}":
                return
            if nxt != ",":
                raise ArticleError(f"{self.where}: invalid JSON (expected ',' or '}}', found {nxt or 'the end'!r})")

    def items(self) -> Iterator[None]:
        """Once per element of the array that starts here; the caller reads (or walks) each element."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield None
            nxt = self.peek()
            self.pos += 1
            if nxt == "]":
                return
            if nxt != ",":
                raise ArticleError(f"{self.where}: invalid JSON (expected ',' or ']', found {nxt or 'the end'!r})")


def _chat(r: _Reader, chat_no: int) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    header: dict[str, Any] = {}
    for key in r.members():
        if key == "messages" and r.peek() == "[":
            for _ in r.items():
                m = r.value()
                if isinstance(m, dict):
                    yield chat_no, header, m
        else:
            v = r.value()
            if key in HEADER_KEYS and not isinstance(v, (dict, list)):
                header[key] = v


def iter_messages(path: str | Path) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(chat number, the chat's fields, message) of every message of a Telegram Desktop export file.

    :raises ArticleError: when the file is not such an export, or not valid JSON.
    """
    p = Path(path)
    with open(p, encoding="utf-8-sig", errors="strict") as fh:
        r = _Reader(fh, str(p))
        if r.peek() != "{":
            raise ArticleError(f"{p}: not a Telegram Desktop export (not a JSON object)")
        header: dict[str, Any] = {}
        seen = False
        try:
            for key in r.members():
                if key == "messages" and r.peek() == "[":
                    seen = True
                    for _ in r.items():
                        m = r.value()
                        if isinstance(m, dict):
                            yield 0, header, m
                elif key == "chats" and r.peek() == "{":
                    for sub in r.members():
                        if sub == "list" and r.peek() == "[":
                            seen = True
                            for n, _ in enumerate(r.items(), 1):
                                yield from _chat(r, n)
                        else:
                            r.value()
                else:
                    v = r.value()
                    if key in HEADER_KEYS and not isinstance(v, (dict, list)):
                        header[key] = v
        except UnicodeDecodeError as e:
            raise ArticleError(f"{p}: not UTF-8 ({e.reason})") from None
        if not seen:
            raise ArticleError(f"{p}: not a Telegram Desktop export (no \"messages\" and no \"chats\")")


def _usernames(path: Path) -> dict[int, str]:
    """Each chat's public username: its own field, else the name most of its posts sign with."""
    votes: dict[int, Counter[str]] = {}
    posts: Counter[int] = Counter()
    named: dict[int, str] = {}
    for chat_no, header, m in iter_messages(path):
        if chat_no not in named:
            named[chat_no] = telegram.channel_username({**header, "messages": []})
        if named[chat_no] or header.get("type") not in ("public_channel", "public_supergroup"):
            continue
        if m.get("type") != "message":
            continue
        posts[chat_no] += 1
        votes.setdefault(chat_no, Counter()).update(telegram.signatures(m.get("text")))
    out = dict(named)
    for chat_no, c in votes.items():
        if c:
            name, n = c.most_common(1)[0]
            out[chat_no] = name if n >= max(2, posts[chat_no] // 3) else ""
    return out


def iter_export_chunks(path: str | Path, chunk: int = 500) -> Iterator[list[Article]]:
    """The articles of a Telegram Desktop export file, ``chunk`` at a time, read without holding the file.

    :raises ArticleError: when the file is not such an export, or has no message with text.
    """
    p = Path(path)
    users = _usernames(p)
    out: list[Article] = []
    at: dict[str, int] = {}
    total = 0
    for chat_no, header, m in iter_messages(p):
        art = telegram.message_article(m, header, users.get(chat_no, ""))
        if art is None:
            continue
        total += 1
        if art.article_id in at:              # the same message twice (an edit exported after it): the later one
            out[at[art.article_id]] = art
            continue
        at[art.article_id] = len(out)
        out.append(art)
        if len(out) >= chunk:
            yield out
            out, at = [], {}
    if out:
        yield out
    if not total:
        raise ArticleError(f"{p}: no messages with text")
