"""Background jobs for large ingests: an in-process queue served by one worker thread.

A request whose articles hold more than ``ASYNC_INGEST_CHARS`` characters is validated at once (a bad
request still gets its 400 or 409 straight away), then queued; the client gets ``202 Accepted`` with the
job's URL (``/api/jobs/<id>``) and polls it for the status (``queued``, ``running``, ``done``,
``failed``), the progress (0 to 1, by article and stage) and, when done, the articles stored. One worker
extracts one job at a time, so however many large articles arrive, the server's request threads stay free
for everything else; at most ``JOBS_MAX_QUEUED`` jobs wait (more get 503 with a Retry-After).

Jobs live in the memory of the server process (finished ones are kept for ``JOBS_KEEP`` jobs); a restart
forgets queued jobs, and the client posts again (an article stored before the restart gives 200).
"""
from __future__ import annotations

import logging
import queue
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


class QueueFull(Exception):
    """Too many jobs are waiting (answered 503)."""


@dataclass
class Job:
    """One background ingest: its state, progress and outcome (JSON-ready through :meth:`as_dict`)."""

    job_id: str
    kind: str
    size: int                                     # characters of article text
    status: str = "queued"                        # queued | running | done | failed
    progress: float = 0.0
    stage: str = "queued"
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    result: Any = None
    error: str | None = None
    error_status: int | None = None               # the HTTP status the error would have had (400, 409, 422)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.job_id, "kind": self.kind, "status": self.status,
                               "progress": round(self.progress, 3), "stage": self.stage, "size": self.size,
                               "created": _iso(self.created), "started": _iso(self.started),
                               "finished": _iso(self.finished)}
        if self.status == "done":
            out["result"] = self.result
        if self.status == "failed":
            out["error"], out["error_status"] = self.error, self.error_status
        return out


def _iso(t: float | None) -> str | None:
    if t is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


class JobQueue:
    """FIFO of jobs run one at a time by a daemon worker thread (started on the first submit)."""

    def __init__(self, max_queued: int = 16, keep: int = 200) -> None:
        self.max_queued = max_queued
        self.keep = keep
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[tuple[Job, Callable[[Progress], Any]]] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, kind: str, size: int, work: Callable[[Progress], Any]) -> Job:
        """Queue ``work(progress)``; its return value becomes the job's result.

        :raises QueueFull: when ``max_queued`` jobs are already waiting.
        """
        with self._lock:
            waiting = sum(1 for j in self._jobs.values() if j.status in ("queued", "running"))
            if waiting >= self.max_queued:
                raise QueueFull(f"{waiting} ingest jobs are waiting; try again later")
            job = Job(secrets.token_urlsafe(12), kind, size)
            self._jobs[job.job_id] = job
            self._trim()
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._run, name="webmap-jobs", daemon=True)
                self._worker.start()
        self._queue.put((job, work))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job is finished (for the CLI and tests); returns it, or None if unknown."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def _trim(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.status in ("done", "failed")]
        for k in finished[:max(0, len(finished) - self.keep)]:
            del self._jobs[k]

    def _run(self) -> None:
        while True:
            job, work = self._queue.get()
            job.status, job.stage, job.started = "running", "starting", time.time()

            def progress(fraction: float, stage: str, job: Job = job) -> None:
                job.progress, job.stage = max(job.progress, min(1.0, fraction)), stage
            try:
                job.result = work(progress)
                job.status, job.progress, job.stage = "done", 1.0, "done"
            except Exception as err:          # the job records any failure; the worker lives on
                from .incidents.exc import ArticleError, ExtractionError
                from .store import ArticleConflict
                job.status, job.stage, job.error = "failed", "failed", str(err) or type(err).__name__
                job.error_status = (409 if isinstance(err, ArticleConflict) else 400 if isinstance(err, ArticleError)
                                    else 422 if isinstance(err, ExtractionError) else 500)
                if job.error_status == 500:
                    log.exception("ingest job %s failed", job.job_id)
            finally:
                job.finished = time.time()
                self._queue.task_done()
