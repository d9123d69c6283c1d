"""``webmap watch DIR``: ingest every new or changed file put in a folder, until stopped.

Each poll walks the folder for article files (txt, md, html, json, jsonl, Telegram exports, RSS/Atom
feeds), skips files still being written (changed in the last ``settle`` seconds), and ingests each
new or changed one, logging a line per file. What was ingested is remembered by path, size, mtime and
content hash in a small JSON file beside the database, so nothing is ingested twice, across restarts
too; a file that fails is reported and tried again at the next poll (or when it changes).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

log = logging.getLogger(__name__)

WATCHED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".rss", ".atom", ".xml")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Watcher:
    """Poll a folder and ingest what is new into the app's store.

    :param app: the Flask app (its store and ingest steps)
    :param folder: the folder to watch (walked recursively; hidden files and folders skipped)
    :param state_path: where the record of ingested files is kept (default: beside the database)
    """

    def __init__(self, app: Any, folder: str | Path, *, interval: float = 2.0, settle: float = 1.0,
                 state_path: str | Path | None = None, stream: TextIO | None = None) -> None:
        self.app = app
        self.folder = Path(folder).resolve()
        if not self.folder.is_dir():
            raise NotADirectoryError(f"not a folder: {self.folder}")
        self.interval = interval
        self.settle = settle
        db = Path(app.config["DATABASE"])
        self.state_path = Path(state_path) if state_path else db.with_name(db.name + ".watch.json")
        self.stream = stream if stream is not None else sys.stderr
        self.seen: dict[str, dict[str, Any]] = self._load()
        self.failed: dict[str, str] = {}
        self.stop_event = threading.Event()

    # -- state ------------------------------------------------------------------------------------
    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self) -> None:
        tmp = self.state_path.with_name(self.state_path.name + ".tmp")
        tmp.write_text(json.dumps(self.seen, ensure_ascii=False, indent=0), encoding="utf-8")
        os.replace(tmp, self.state_path)

    # -- polling ----------------------------------------------------------------------------------
    def files(self) -> list[Path]:
        """The article files under the folder, sorted (hidden files and folders left out)."""
        out = []
        for p in self.folder.rglob("*"):
            rel = p.relative_to(self.folder)
            if any(part.startswith(".") for part in rel.parts) or not p.is_file():
                continue
            if p.suffix.lower() in WATCHED:
                out.append(p)
        return sorted(out)

    def _log(self, msg: str) -> None:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.stream.write(f"{stamp} {msg}\n")
        self.stream.flush()

    def poll(self) -> dict[str, int]:
        """One pass over the folder; returns how many files were ingested, unchanged, failed, waiting."""
        stats = {"ingested": 0, "failed": 0, "unchanged": 0, "waiting": 0}
        now = time.time()
        for path in self.files():
            key = str(path)
            try:
                st = path.stat()
            except OSError:
                continue
            if now - st.st_mtime < self.settle:
                stats["waiting"] += 1           # still being written: next time
                continue
            rec = self.seen.get(key)
            if rec and rec.get("size") == st.st_size and rec.get("mtime_ns") == st.st_mtime_ns:
                stats["unchanged"] += 1
                continue
            try:
                digest = _sha256(path)
            except OSError as e:
                self._fail(key, path, f"cannot read ({e.strerror})", stats)
                continue
            if rec and rec.get("sha256") == digest:       # touched, same bytes
                rec.update(size=st.st_size, mtime_ns=st.st_mtime_ns)
                self._save()
                stats["unchanged"] += 1
                continue
            self._ingest(key, path, st, digest, stats)
        return stats

    def _ingest(self, key: str, path: Path, st: os.stat_result, digest: str, stats: dict[str, int]) -> None:
        from .incidents.exc import WebmapError
        state = self.app.extensions["webmap"]
        rel = path.relative_to(self.folder)
        try:
            results = state.ingest_path(path)
        except (WebmapError, OSError, ValueError) as e:
            self._fail(key, rel, str(e), stats)
            return
        added = sum(int(r.added) for r in results)
        replaced = sum(int(getattr(r, "replaced", False)) for r in results)
        incidents = sum(r.incidents for r in results if r.added or getattr(r, "replaced", False))
        self.seen[key] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": digest,
                          "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        self.failed.pop(key, None)
        self._save()
        stats["ingested"] += 1
        extra = f", {replaced} replaced" if replaced else ""
        self._log(f"ingested {rel}: {added} new article(s){extra}, {incidents} incident(s)")

    def _fail(self, key: str, rel: Any, err: str, stats: dict[str, int]) -> None:
        stats["failed"] += 1
        first = self.failed.get(key) != err
        self.failed[key] = err
        if first:                              # reported once per error; retried at every poll
            msg = err if str(rel) in err else f"{rel}: {err}"
            self._log(f"failed {msg} (will retry)")

    def run(self, max_polls: int | None = None) -> None:
        """Poll until stopped (``stop()``, Ctrl-C) or after ``max_polls`` passes."""
        self._log(f"watching {self.folder} every {self.interval:g} s (Ctrl-C to stop)")
        n = 0
        while not self.stop_event.is_set():
            self.poll()
            n += 1
            if max_polls is not None and n >= max_polls:
                break
            self.stop_event.wait(self.interval)

    def stop(self) -> None:
        """Ask a running watcher to stop after its current pass."""
        self.stop_event.set()
