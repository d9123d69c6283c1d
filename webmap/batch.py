"""``webmap batch``: extract a news archive on Dask into partitioned GeoParquet, optionally into a store too.

The driver only plans: it cuts the inputs into partitions, each a byte range of a JSONL file or a few
article files, so what is sent to a worker is a path and two offsets. Each worker process opens the
gazetteer index from its cache file once (``Gazetteer.default()``, warmed by a worker plugin) and runs
the same per-article extraction as ``webmap extract --jsonl``; one partition becomes one GeoParquet
file ``OUT/part-NNNNN-KEY.parquet``, written atomically. The key hashes the input (path, size, mtime,
byte range), so a re-run skips the partitions already written and redoes the ones whose input changed.
The same code runs on a LocalCluster of N worker processes here or on a ``dask.distributed`` scheduler
elsewhere (whose workers have this package installed and can read the input paths).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence, TextIO

from .incidents.exc import ArticleError
from .incidents.loaders import DEFAULT_MAX_BYTES, from_record, load_path
from .incidents.models import Article

log = logging.getLogger(__name__)

ARTICLE_EXTS = (".txt", ".md", ".markdown", ".html", ".htm", ".json")
DEFAULT_PARTITION = 500


@dataclass(frozen=True)
class Part:
    """One unit of work: lines [first_line, ...) in bytes [start, end) of a JSONL file, or a few article files."""

    seq: int
    key: str
    path: str = ""                    # the JSONL file
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[str, ...] = ()       # article files

    @property
    def name(self) -> str:
        return f"part-{self.seq:05d}-{self.key}.parquet"


@dataclass
class PartResult:
    """What a worker did with a partition (small: sent back to the driver)."""

    name: str
    articles: int = 0
    incidents: int = 0
    errors: list[str] = field(default_factory=list)
    stored: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0          # the worker process's peak resident memory after this partition
    cpu_seconds: float = 0.0          # CPU time of the worker thread on this partition


def _stamp(p: Path) -> str:
    st = p.stat()
    return f"{p.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def _key(*parts: Any) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def _collect(inputs: Sequence[str]) -> list[Path]:
    """The input files: JSONL files and article files, given or found in folders (sorted)."""
    out: list[Path] = []
    for i in inputs:
        p = Path(i)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                          and f.suffix.lower() in (".jsonl", *ARTICLE_EXTS))
        elif p.is_file():
            out.append(p)
        else:
            raise ArticleError(f"{i}: no such file or folder")
    return out


def plan(inputs: Sequence[str], partition_size: int = DEFAULT_PARTITION) -> list[Part]:
    """Cut the inputs into partitions of about ``partition_size`` articles (JSONL lines or files)."""
    if partition_size < 1:
        raise ArticleError("--partition-size must be at least 1")
    parts: list[Part] = []
    loose: list[Path] = []

    def flush_loose() -> None:
        if loose:
            key = _key("files", *(_stamp(f) for f in loose))
            parts.append(Part(len(parts), key, files=tuple(str(f) for f in loose)))
            loose.clear()

    for f in _collect(inputs):
        if f.suffix.lower() != ".jsonl":
            loose.append(f)
            if len(loose) >= partition_size:
                flush_loose()
            continue
        stamp = _stamp(f)
        with open(f, "rb") as fh:
            start = pos = 0
            first = line_no = 1
            n = 0
            for line in fh:
                if line.strip():
                    n += 1
                pos += len(line)
                line_no += 1
                if n >= partition_size:
                    parts.append(Part(len(parts), _key(stamp, start, pos), str(f), start, pos, first))
                    start, first, n = pos, line_no, 0
            if n:
                parts.append(Part(len(parts), _key(stamp, start, pos), str(f), start, pos, first))
    flush_loose()
    return parts


def _articles(part: Part, max_bytes: int) -> Iterator[Article | str]:
    """The articles of a partition, or an error message for each line or file that cannot be read."""
    if part.path:
        name = Path(part.path).name
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.end - part.start)
        if part.start == 0 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        for n, raw in enumerate(data.splitlines(), part.first_line):
            if not raw.strip():
                continue
            where = f"{name}:{n}"
            if len(raw) > max_bytes:
                yield f"{where}: {len(raw)} bytes is over the limit of {max_bytes} bytes"
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as e:
                yield f"{where}: not valid UTF-8 (byte {e.start})"
                continue
            except json.JSONDecodeError as e:
                yield f"{where}: invalid JSON ({e.msg} at column {e.colno})"
                continue
            try:
                yield from_record(obj, where)
            except ArticleError as e:
                yield str(e)
    for f in part.files:
        try:
            yield from load_path(f, max_bytes)
        except ArticleError as e:
            yield str(e)


# -- on the workers ------------------------------------------------------------------------------
_stores: dict[str, Any] = {}


def _store(url: str) -> Any:
    """The worker's store for ``--into`` (one per process, opened on first use)."""
    if url not in _stores:
        _stores[url] = open_store(url)
    return _stores[url]


def open_store(url: str) -> Any:
    """The store of ``--into`` (a SQLite file or postgresql://...; see webmap.store.open_store)."""
    from .store import open_store as _open

    try:
        return _open(url)
    except ValueError as e:
        raise ArticleError(f"--into: {e}") from None


def run_part(part: Part, out_dir: str, into: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> PartResult:
    """Extract one partition and write its GeoParquet file (and its incidents into the store ``into``)."""
    from gazetteer.exc import GazetteerError

    from . import geoparquet
    from .incidents.exc import WebmapError
    from .incidents.geojson import to_feature
    from .incidents.pipeline import default_gazetteer, extract

    t0, c0 = time.perf_counter(), time.thread_time()
    gz = default_gazetteer()
    res = PartResult(part.name)
    rows: list[dict[str, Any]] = []
    done: list[tuple[Article, list[Any]]] = []
    for art in _articles(part, max_bytes):
        if isinstance(art, str):
            res.errors.append(art)
            continue
        try:
            incs = extract(art, gz)
        except (WebmapError, GazetteerError) as e:
            res.errors.append(f"{art.source_name}: {e}")
            continue
        res.articles += 1
        res.incidents += len(incs)
        rows += [geoparquet.feature_to_row(to_feature(i)) for i in incs]
        done.append((art, incs))
    if into and done:               # the store first: a partition whose file exists is complete everywhere
        res.stored = sum(r.incidents for r in _store(into).add_many(done))
    geoparquet.write(rows, Path(out_dir) / part.name)
    res.seconds = time.perf_counter() - t0
    res.cpu_seconds = time.thread_time() - c0
    try:
        import resource

        res.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)   # KiB on Linux
    except ImportError:                 # pragma: no cover - not on Windows
        pass
    return res


if TYPE_CHECKING:
    from distributed import WorkerPlugin as _WorkerPlugin
else:
    try:                               # the archive extra; without it `webmap batch` says what to install
        from distributed import WorkerPlugin as _WorkerPlugin
    except ImportError:                # pragma: no cover
        _WorkerPlugin = object


class WarmGazetteer(_WorkerPlugin):
    """Worker plugin: open the gazetteer index once when a worker starts, not inside its first task."""

    name = "webmap-gazetteer"

    def setup(self, worker: Any) -> None:
        from .incidents.pipeline import default_gazetteer

        default_gazetteer()


# -- the driver --------------------------------------------------------------------------------
def _client(workers: int, scheduler: str | None) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run(args: argparse.Namespace, err: TextIO) -> int:
    from dask.distributed import as_completed
    from tqdm import tqdm

    t0 = time.perf_counter()
    parts = plan(args.inputs, args.partition_size)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ArticleError(f"{out}: exists and is not a folder (the output is a folder of partitions)")
    out.mkdir(parents=True, exist_ok=True)
    wanted = {p.name for p in parts}
    for old in out.glob("part-*.parquet"):          # partitions of an older input: not part of this output
        if old.name not in wanted:
            old.unlink()
    if args.force:
        for p in parts:
            (out / p.name).unlink(missing_ok=True)
    todo = [p for p in parts if not (out / p.name).exists()]
    skipped = len(parts) - len(todo)
    if args.into:
        open_store(args.into)                      # create or migrate the schema once, before the workers
    totals = PartResult("all")
    failed_parts = 0
    t_work = t_end = time.perf_counter()
    if todo:
        client, cluster = _client(args.workers, args.scheduler)
        try:
            client.register_plugin(WarmGazetteer())
            t_work = time.perf_counter()            # workers up, each with its gazetteer open
            futures = client.map(run_part, todo, out_dir=str(out.resolve()), into=args.into,
                                 max_bytes=args.max_bytes, pure=False)
            bar = tqdm(total=len(parts), initial=skipped, unit="part", file=err, disable=args.quiet,
                       desc="webmap batch")
            for fut in as_completed(futures):
                try:
                    r = fut.result()
                except Exception as e:              # a whole partition failed: say which, go on
                    failed_parts += 1
                    print(f"webmap batch: a partition failed: {type(e).__name__}: {e}", file=err)
                    bar.update(1)
                    continue
                totals.articles += r.articles
                totals.incidents += r.incidents
                totals.stored += r.stored
                totals.peak_rss_mb = max(totals.peak_rss_mb, r.peak_rss_mb)
                totals.cpu_seconds += r.cpu_seconds
                totals.errors += r.errors
                bar.set_postfix(articles=totals.articles, incidents=totals.incidents, refresh=False)
                bar.update(1)
            bar.close()
            t_end = time.perf_counter()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    for message in totals.errors:
        print(f"webmap batch: {message}", file=err)
    work = t_end - t_work
    summary = {"partitions": len(parts), "skipped": skipped, "articles": totals.articles,
               "incidents": totals.incidents, "errors": len(totals.errors) + failed_parts,
               "seconds": round(time.perf_counter() - t0, 2), "startup_seconds": round(t_work - t0, 2),
               "articles_per_s": round(totals.articles / work, 2) if work > 0 else None,
               "cpu_ms_per_article": round(1000 * totals.cpu_seconds / totals.articles, 1) if totals.articles else None,
               "worker_peak_rss_mb": totals.peak_rss_mb or None, "out": str(out)}
    if args.into:
        summary["stored_incidents"] = totals.stored
    print(json.dumps(summary), file=err)
    return 1 if totals.errors or failed_parts else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="webmap batch",
                                description="Extract incidents from a news archive on Dask into partitioned GeoParquet.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help='JSONL files ({"id","text","date"?,"title"?} per line), article files, or folders of them')
    p.add_argument("--out", required=True, help="output folder of GeoParquet partitions (e.g. incidents.parquet)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes of the local Dask cluster (default: the number of cores)")
    p.add_argument("--scheduler", help="address of a running dask.distributed scheduler (tcp://host:8786) "
                                       "to use instead of a local cluster")
    p.add_argument("--into", help="also store the incidents in this store (postgresql://... or a SQLite file)")
    p.add_argument("--partition-size", type=int, default=DEFAULT_PARTITION, help="articles per partition")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size limit of one article")
    p.add_argument("--force", action="store_true", help="redo every partition (after a pipeline change)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    return p


def main(argv: Sequence[str], err: TextIO = sys.stderr) -> int:
    """``webmap batch``; returns the exit status (0 ok, 1 some articles failed, 2 bad usage)."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(list(argv))
    if args.workers < 1:
        print("webmap batch: --workers must be at least 1", file=err)
        return 2
    try:
        import dask.distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        print(f"webmap batch: needs the archive extra (pip install 'incident-map[archive]'): {e}", file=err)
        return 2
    try:
        return run(args, err)
    except (ArticleError, OSError) as e:
        print(f"webmap batch: {e}", file=err)
        return 2
