"""The Dask engine: the same per-shard analysis on Dask workers, beyond one machine.

``analyze_corpus(corpus, out="results/", engine="dask")`` cuts the corpus into the shards of
:mod:`newslab.store` and runs each as one Dask task: the worker rebuilds the shard's articles
from their text and metadata, analyses them exactly as the local engine does, and writes the
shard's Parquet parts into the results folder (which every worker must reach: a shared or
network file system when the workers are on other machines). The parent records each finished
shard in the manifest, so a run stopped part-way resumes like a local one, and a task whose
worker died is run again by Dask on another worker.

A worker plugin sets each worker up once: newslab's analyzers imported, resource lookups pinned,
and the user's own dictionaries (the folders of :func:`newslab.resources.resource_dir`) sent as
file *contents* and written on the worker, since a path on this machine means nothing there.

Dask is the optional ``newslab[dask]`` extra (``dask[distributed]``); a class never needs it.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .article import Article
from .errors import InputError, ParameterError

_IN_FLIGHT_PER_WORKER = 2  # shards queued per worker: enough to keep it busy, bounded memory

try:  # Dask is optional: without it this module still imports, and run_on_dask says what to install
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - exercised only without the extra
    WorkerPlugin = object  # type: ignore[assignment,misc]


def _require_dask() -> Any:
    try:
        import distributed
    except ImportError:
        raise ParameterError("engine='dask' needs Dask — install it with: pip install 'newslab[dask]'") from None
    return distributed


def article_payload(a: Article) -> dict[str, Any]:
    """An article as plain data that rebuilds the same Article on a worker."""
    return {"text": a.text, "id": a.id, "title": a.title, "date": a.date, "source": a.source, "url": a.url,
            "dateline": a.dateline, "path": a.path, "meta": a.meta, "splitter": a.splitter,
            "title_line": a.structure.title is not None}


def _override_files() -> dict[str, bytes]:
    """The user's resource files now in force (see resources.resource_dir), by name."""
    from .resources import override_folders

    files: dict[str, bytes] = {}
    for folder in reversed(override_folders()):  # the innermost folder wins, as in resource_path
        for p in folder.rglob("*"):
            if p.is_file():
                files.setdefault(p.relative_to(folder).as_posix(), p.read_bytes())
    return files


class ResourcePlugin(WorkerPlugin):
    """Dask worker plugin: analyzers loaded once, user dictionaries written from their contents."""

    name = "newslab-resources"

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def setup(self, worker: Any = None) -> None:
        from . import layers
        from .batch import init_worker
        from .resources import use_resource_dir

        if self.files:
            folder = Path(tempfile.mkdtemp(prefix="newslab-resources-"))
            for name, data in self.files.items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            use_resource_dir(folder)
        layers.all_layers()
        init_worker()

    def teardown(self, worker: Any = None) -> None:
        pass


def analyze_shard(folder: str, index: int, key: str, payload: list[dict[str, Any]], steps: tuple[str, ...],
                  fingerprint: str, shard_size: int) -> dict[str, Any]:
    """One shard on a worker: rebuild the articles, analyse them, write the parts; returns the
    shard's manifest entry."""
    from .batch import analyze_columnar, shard_tables
    from .store import StoreWriter

    shard = [Article(p.pop("text"), **p) for p in (dict(p) for p in payload)]
    results = [analyze_columnar(a, steps) for a in shard]
    tables, skipped = shard_tables(shard, results)
    writer = StoreWriter(Path(folder), fingerprint, steps, shard_size)
    return writer.write_parts(index, key, tables, len(shard) - len(skipped), skipped)


def _connect(distributed: Any, scheduler: str) -> Any:
    """A client of the scheduler at ``scheduler``; a wrong or dead address is the user's to fix."""
    try:
        return distributed.Client(scheduler)
    except (OSError, ValueError, TypeError) as exc:  # refused, timed out, or not an address at all
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise InputError(f"scheduler={scheduler!r}: no Dask scheduler could be reached there ({reason}) — start one "
                         "with `dask scheduler` and pass the address it prints (tcp://HOST:8786), or leave the "
                         "scheduler out to start a local cluster.") from None


def run_on_dask(articles: Iterable[Article], steps: tuple[str, ...], writer: Any, n_jobs: int, client: Any,
                scheduler: str | None, loader_skipped: list[tuple[str, str]], bar: Any = None) -> Any:
    """Run every shard not yet done as a Dask task; returns the results folder, opened. ``bar``
    (see :func:`newslab.progress.progress_bar`) counts the articles of each shard written and
    shows the dashboard's address."""
    import sys
    import time

    distributed = _require_dask()
    from .batch import article_key, chunks
    from .progress import QuietBar
    from .store import Results, shard_key

    bar = bar if bar is not None else QuietBar()

    own = []
    if client is None:
        if scheduler:
            client = _connect(distributed, scheduler)
        else:
            cluster = distributed.LocalCluster(n_workers=n_jobs, threads_per_worker=1, processes=True,
                                               dashboard_address=":0")
            client = distributed.Client(cluster)
            own.append(cluster)
        own.insert(0, client)
    t0 = time.perf_counter()
    stats = {"articles": 0, "cache_hits": 0, "shards_computed": 0, "engine": "dask",
             "dashboard": getattr(client, "dashboard_link", "")}
    if stats["dashboard"]:
        bar.write(f"newslab: Dask dashboard at {stats['dashboard']}", file=sys.stderr)

    def done(entry: dict[str, Any]) -> None:
        writer.record(entry)
        stats["shards_computed"] += 1
        bar.set_postfix_str(f"shards done: {len(writer.shards)}")  # drawn now: a fast run may never redraw
        bar.update(int(entry["articles"]) + len(entry.get("skipped", ())))
    try:
        client.register_plugin(ResourcePlugin(_override_files()), name=ResourcePlugin.name)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or n_jobs)
        pending = distributed.as_completed()
        n_shards = 0
        for index, shard in enumerate(chunks(iter(articles), writer.shard_size)):
            n_shards += 1
            key = shard_key(article_key(a) for a in shard)
            stats["articles"] += len(shard)
            if writer.is_done(index, key):
                stats["cache_hits"] += len(shard)
                bar.update(len(shard))
                continue
            pending.add(client.submit(analyze_shard, os.fspath(writer.folder), index, key,
                                      [article_payload(a) for a in shard], steps, writer.fingerprint,
                                      writer.shard_size, pure=False, retries=2))
            while pending.count() >= _IN_FLIGHT_PER_WORKER * n_workers:
                done(next(pending).result())
        for future in pending:
            done(future.result())
    finally:
        for thing in own:
            thing.close()
    writer.finish(n_shards, loader_skipped)
    stats["seconds"] = time.perf_counter() - t0
    res = Results(writer.folder)
    res.run = stats
    return res
