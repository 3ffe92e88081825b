"""Corpus-scale analysis: every analyzer over many articles, in parallel, cached, streamed.

:func:`analyze_corpus` maps the per-article analyzers over a corpus and gathers their tidy tables
(each with ``doc_id`` and ``date``) into a :class:`CorpusAnalysis`. Articles are streamed from the
loader (a lazy :class:`~newslab.article.Corpus` is never read into memory at once), processed in
worker processes when ``n_jobs`` > 1, and returned in corpus order whatever ``n_jobs`` is.

Per-article results are cached on disk, keyed by the article's text and metadata hash, the newslab
version and a fingerprint of every resource file (lexicons, actor lists, frame dictionaries), so
re-rendering a report does not recompute, and editing a dictionary invalidates the cache. Each
chunk of articles is also stored as ready DataFrames, so re-running the same corpus loads a few
tables per chunk instead of rebuilding them row by row.

>>> from newslab import Article, Corpus
>>> c = Corpus([Article.from_text("T\\n\\nRussia and Turkey met.", id="a")])
>>> result = analyze_corpus(c, steps=["sentences"], cache=False)
>>> result.sentences[["doc_id", "i", "text"]].values.tolist()
[['a', 0, 'Russia and Turkey met.']]
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from . import layers
from .article import Article, Corpus, as_articles
from .batch import (ALL_STEPS, TABLES, TableBuilder, analyze_article, analyze_columnar, article_key, chunks,
                    init_worker, shard_tables, tuned_for_corpus)
from .errors import ParameterError
from .outputs import claim, is_table_export
from .progress import QuietBar, progress, progress_bar
from .version import __version__

__all__ = ["analyze_corpus", "analyze_article", "CorpusAnalysis", "ALL_STEPS", "TABLES"]
DEFAULT_CACHE_DIR = Path(os.environ.get("NEWSLAB_CACHE_DIR", ".newslab_cache"))


# -- cache -----------------------------------------------------------------------------------------
def _fingerprint(steps: tuple[str, ...]) -> str:
    from .resources import code_fingerprint, resources_fingerprint

    h = hashlib.sha256(f"{__version__}|{','.join(steps)}|{resources_fingerprint()}|{code_fingerprint()}".encode())
    return h.hexdigest()[:16]


def _valid_columnar(value: Any) -> bool:
    """The shape of an article entry: ``{table: [columns, [values per column]]}``."""
    if not isinstance(value, dict) or not set(value) <= set(TABLES):
        return False
    for entry in value.values():
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)
                and isinstance(entry[1], list) and len(entry[0]) == len(entry[1])
                and all(isinstance(c, str) for c in entry[0]) and all(isinstance(v, list) for v in entry[1])
                and len({len(v) for v in entry[1]}) <= 1):
            return False
    return True


_UNWRITABLE: set[str] = set()  # cache folders this process has warned about: one warning each


@dataclass
class _Cache:
    """Results on disk in formats that cannot run code: an article's tables as one JSON file,
    a whole chunk's tables as one Arrow (Feather) file per table. An entry that cannot be read, or has
    the wrong shape, is a miss; one that cannot be written is skipped with a warning."""

    folder: Path | None

    def get(self, key: str) -> dict | None:
        if self.folder is None:
            return None
        p = self.folder / key[:2] / f"{key}.json"
        try:
            with open(p, encoding="utf-8") as fh:
                value = json.load(fh)
        except (OSError, ValueError):
            return None
        return {t: tuple(v) for t, v in value.items()} if _valid_columnar(value) else None

    def put(self, key: str, value: dict) -> None:
        if self.folder is not None:
            self._write(self.folder / key[:2] / f"{key}.json",
                        lambda tmp: tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8"))

    def get_tables(self, key: str) -> dict[str, pd.DataFrame | None] | None:
        if self.folder is None:
            return None
        d = self.folder / key[:2] / key
        try:
            names = json.loads((d / "tables.json").read_text(encoding="utf-8"))
            if not isinstance(names, dict) or not set(names) <= set(TABLES):
                return None
            return {t: pd.read_feather(d / f"{t}.arrow") if stored else None for t, stored in names.items()}
        except Exception:  # noqa: BLE001 - any unreadable or foreign entry is a miss, never a crash
            return None

    def put_tables(self, key: str, tables: dict[str, pd.DataFrame | None]) -> None:
        if self.folder is None:
            return

        def write(tmp: Path) -> None:
            tmp.mkdir()
            for t, df in tables.items():
                if df is not None:
                    # Arrow IPC (Feather, lz4): about half the CPU of Parquet to read back, which
                    # is most of a warm run's work besides reading the articles; data only.
                    df.to_feather(tmp / f"{t}.arrow")
            (tmp / "tables.json").write_text(json.dumps({t: df is not None for t, df in tables.items()}))

        self._write(self.folder / key[:2] / key, write)

    def _write(self, path: Path, write: Callable[[Path], None]) -> None:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write(tmp)
            if path.is_dir():  # a damaged chunk entry being stored afresh
                shutil.rmtree(path)
            os.replace(tmp, path)  # atomic: a crashed run never leaves a half-written entry
        except (OSError, ValueError, TypeError) as exc:
            import warnings

            shutil.rmtree(tmp, ignore_errors=True) if tmp.is_dir() else tmp.unlink(missing_ok=True)
            if str(self.folder) not in _UNWRITABLE:
                _UNWRITABLE.add(str(self.folder))
                warnings.warn(f"{self.folder}: the result cache cannot be written ({exc.__class__.__name__}: "
                              f"{exc}) — the run goes on without storing results.", stacklevel=2)


# -- results ---------------------------------------------------------------------------------------
@dataclass
class CorpusAnalysis:
    """Tidy tables for a corpus; each has ``doc_id`` and ``date`` columns first.

    Nested values, such as the matched terms of a frame row, are JSON strings here
    (``json.loads(row.terms)``); the per-article functions return them as lists. In ``frames``
    the terms are on the article rows only (paragraph rows: missing), so each is stored once.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    relations: pd.DataFrame
    stance: pd.DataFrame
    frames: pd.DataFrame
    skipped: list[tuple[str, str]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def export(self, folder: str | os.PathLike[str], fmt: str = "csv") -> list[Path]:
        """Write one file per table (``sentences.csv``, ``mentions.csv`` ...) in csv, parquet or json.

        A file of that name already in ``folder`` is replaced only when it is an earlier export
        (its first columns are ``doc_id`` and ``date``); otherwise
        :class:`~newslab.outputs.OutputExistsError` is raised before anything is written.
        """
        out = Path(folder)
        paths = export_paths(out, fmt)
        claim(paths, is_table_export, "pass a new or empty folder, or move that file away")
        out.mkdir(parents=True, exist_ok=True)
        for (name, df), p in zip(self.tables().items(), paths):
            if fmt == "csv":
                # RFC 4180 line ends: a field holding a bare \r (or \n) is then quoted, so
                # pandas.read_csv gives back exactly the rows written.
                df.to_csv(p, index=False, lineterminator="\r\n")
            elif fmt == "parquet":
                df.to_parquet(p, index=False)  # nested values are already JSON strings
            else:
                df.to_json(p, orient="records", force_ascii=False, indent=1)
        return paths


def export_paths(folder: str | os.PathLike[str], fmt: str) -> list[Path]:
    """The files :meth:`CorpusAnalysis.export` writes: ``folder/<table>.<fmt>``, one per table."""
    if fmt not in ("csv", "parquet", "json"):
        raise ParameterError(f"format {fmt!r} is unknown — use csv, parquet or json.")
    return [Path(folder) / f"{name}.{fmt}" for name in TABLES]


def analyze_task(payload: tuple[Article, tuple[str, ...], str | None, str]) -> tuple[dict | None, str]:
    """Analyze one article in a worker (or in-process) and store the result in the cache."""
    article, steps, cache_folder, key = payload
    res, status = analyze_columnar(article, steps)
    if res is not None:
        _Cache(Path(cache_folder) if cache_folder else None).put(key, res)
    return res, status


def analyze_corpus(corpus: Corpus | Article | Iterable[Article], steps: Iterable[str] | None = None,
                   n_jobs: int = 1, cache: bool | str | os.PathLike[str] = True,
                   show_progress: bool | None = None, chunk_size: int = 256, *,
                   out: str | os.PathLike[str] | None = None, engine: str = "local", client: Any = None,
                   scheduler: str | None = None, shard_size: int = 512) -> "CorpusAnalysis | Results":
    """Analyze every article of ``corpus`` and return tidy tables with ``doc_id`` and ``date``.

    Parameters
    ----------
    steps
        Any of ``sentences, sentiment, mentions, quotes, relations, stance, frames`` (default: all).
    n_jobs
        Worker processes (or Dask workers of a local cluster); ``-1`` uses every core. Output
        order is the corpus order regardless.
    cache
        In memory only (no ``out``): ``True`` for ``.newslab_cache/`` (or
        ``$NEWSLAB_CACHE_DIR``), a folder path, or ``False``.
    show_progress
        A tqdm bar on stderr; by default only on an interactive terminal.
    chunk_size
        In memory only: articles handed to the worker pool at a time (times ``n_jobs``). At most
        two chunks of articles are held at once; each becomes one set of DataFrames and one cache
        entry.
    out
        A results folder: the tables are streamed there as a partitioned Parquet dataset
        (:mod:`newslab.store`), one part per ``shard_size`` articles, so memory stays bounded
        whatever the corpus size; a re-run resumes, keeping the shards already done. Returns a
        lazy :class:`~newslab.store.Results` instead of in-memory tables.
    engine
        ``"local"`` (worker processes on this machine) or ``"dask"`` (with ``out``): shards run
        on Dask workers — of ``client``, of the scheduler at ``scheduler`` ("tcp://host:8786"),
        or of a new ``LocalCluster`` with ``n_jobs`` worker processes.
    """
    steps = tuple(ALL_STEPS if steps is None else steps)
    unknown = [s for s in steps if s not in layers.step_layers()]
    if unknown:
        raise ParameterError(f"unknown step(s) {', '.join(unknown)} — choose from {', '.join(ALL_STEPS)}.")
    if engine not in ("local", "dask"):
        raise ParameterError(f"engine={engine!r}: use 'local' (this machine) or 'dask'.")
    if engine == "dask" and out is None:
        raise ParameterError("engine='dask' writes a results folder — pass out='results/' too.")
    if shard_size < 1:
        raise ParameterError(f"shard_size={shard_size}: give a number of articles per shard (e.g. 512).")
    if n_jobs == -1 or n_jobs == 0:
        n_jobs = os.cpu_count() or 1
    total = len(corpus) if isinstance(corpus, Corpus) and corpus._articles is not None else None
    loader_skipped = corpus.skipped if isinstance(corpus, Corpus) else []
    if out is not None:
        from .store import StoreWriter

        writer = StoreWriter.open(out, _fingerprint(steps), steps, shard_size)
        # Articles counted as their shard is written (kept shards at once): the rate and time
        # left are those of finished work, and the note says how many shards are done.
        bar = progress_bar(desc="analyzing", unit="article", enabled=show_progress, total=total)
        try:
            if engine == "dask":
                from .distributed import run_on_dask

                return run_on_dask(as_articles(corpus), steps, writer, n_jobs, client, scheduler, loader_skipped,
                                   bar=bar)
            return _run_to_store(as_articles(corpus), steps, writer, n_jobs, loader_skipped, bar)
        finally:
            bar.close()
    articles = progress(as_articles(corpus), desc="analyzing", unit="article", enabled=show_progress, total=total)
    return _run_in_memory(corpus, articles, steps, n_jobs, cache, chunk_size)


def _run_to_store(articles: Iterable[Article], steps: tuple[str, ...], writer: Any, n_jobs: int,
                  loader_skipped: list[tuple[str, str]], bar: Any = None) -> Any:
    """The local engine with a results folder: shard by shard, parts written as they are done.

    One shard ahead: the workers start on the next shard while this process builds and writes
    the tables of the previous one (at most two shards of articles and results are held)."""
    from .store import Results, shard_key

    stats = {"articles": 0, "cache_hits": 0, "seconds": 0.0, "n_jobs": n_jobs, "shards_computed": 0}
    t0 = time.perf_counter()
    bar = bar if bar is not None else QuietBar()  # (a tqdm bar has no truth value)
    pool = ProcessPoolExecutor(max_workers=n_jobs, initializer=init_worker) if n_jobs > 1 else None

    def submit(index: int, shard: list[Article]) -> tuple | None:
        keys = [article_key(a) for a in shard]
        key = shard_key(keys)
        stats["articles"] += len(shard)
        if writer.is_done(index, key):
            stats["cache_hits"] += len(shard)
            bar.update(len(shard))
            return None
        todo = [(a, steps, None, k) for a, k in zip(shard, keys)]
        if pool is not None and len(todo) > 1:  # Executor.map queues every task now
            results = iter(pool.map(analyze_task, todo, chunksize=max(1, min(16, len(todo) // (4 * n_jobs)))))
        else:
            results = map(analyze_task, todo)  # lazy: runs as the shard is collected
        return index, key, shard, results

    def finish(index: int, key: str, shard: list[Article], results: Iterator) -> None:
        tables, skipped = shard_tables(shard, results)
        writer.write(index, key, tables, len(shard) - len(skipped), skipped)
        stats["shards_computed"] += 1
        bar.set_postfix_str(f"shards done: {len(writer.shards)}")  # drawn now: a fast run may never redraw
        bar.update(len(shard))

    n_shards = 0
    try:
        with tuned_for_corpus():
            pending: deque[tuple] = deque()
            for index, shard in enumerate(chunks(iter(articles), writer.shard_size)):
                n_shards += 1
                job = submit(index, shard)
                if job is not None:
                    pending.append(job)
                if len(pending) > 1:
                    finish(*pending.popleft())
            while pending:
                finish(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    writer.finish(n_shards, loader_skipped)
    stats["seconds"] = time.perf_counter() - t0
    res = Results(writer.folder)
    res.run = stats
    return res


def _run_in_memory(corpus: Any, articles: Iterable[Article], steps: tuple[str, ...], n_jobs: int,
                   cache: bool | str | os.PathLike[str], chunk_size: int) -> CorpusAnalysis:
    """Every table gathered in memory (with the per-article and per-chunk cache)."""
    folder = None
    if cache:
        base = DEFAULT_CACHE_DIR if cache is True else Path(cache)
        folder = str(base / _fingerprint(steps))
    store = _Cache(Path(folder) if folder else None)
    builders = {t: TableBuilder() for t in TABLES}
    skipped: list[tuple[str, str]] = []
    stats = {"articles": 0, "cache_hits": 0, "seconds": 0.0, "n_jobs": n_jobs}
    t0 = time.perf_counter()

    def collect(article: Article, res: dict | None, status: str) -> None:
        if res is None:
            skipped.append((article.path or article.id, status))
            return
        stats["articles"] += 1
        stats["cache_hits"] += status == "hit"
        for table, (cols, values) in res.items():
            builders[table].add(article.id, article.date, cols, values)

    def submit(chunk: list[Article]) -> tuple:
        """Start a chunk: stored tables, cached articles, and the rest handed to the workers."""
        keyed = [(a, article_key(a)) for a in chunk]
        # A whole chunk seen before (same articles, same order) is one stored set of
        # DataFrames: loading it skips rebuilding tables row by row from per-article entries.
        chunk_key = "chunk-" + hashlib.sha256("|".join(k for _, k in keyed).encode()).hexdigest()[:32]
        tables = store.get_tables(chunk_key)
        if tables is not None:
            return chunk, chunk_key, tables, None, None
        # Cache hits are read here, in the parent: a warm run never starts a worker.
        cached = [store.get(key) for _, key in keyed]
        todo = [(a, steps, folder, key) for (a, key), hit in zip(keyed, cached) if hit is None]
        if pool is not None and len(todo) > 1:
            fresh = iter(pool.map(analyze_task, todo, chunksize=max(1, min(16, len(todo) // (4 * n_jobs)))))
        else:
            fresh = map(analyze_task, todo)  # lazy: runs as the results are collected
        return chunk, chunk_key, None, cached, fresh

    def finish(chunk: list[Article], chunk_key: str, tables: dict | None, cached: list | None,
               fresh: Iterator | None) -> None:
        """Collect a chunk's results into the tables, then store them as one cache entry."""
        if tables is not None:
            for t, df in tables.items():
                if df is not None:
                    builders[t].frames.append(df)
            stats["articles"] += len(chunk)
            stats["cache_hits"] += len(chunk)
            return
        n_skipped = len(skipped)
        for a, hit in zip(chunk, cached):
            if hit is not None:
                collect(a, hit, "hit")
            else:
                collect(a, *next(fresh))
        n_frames = {t: len(b.frames) for t, b in builders.items()}
        for b in builders.values():
            b.flush()
        if len(skipped) == n_skipped:  # a chunk with a failed article is not stored whole
            store.put_tables(chunk_key, {t: b.frames[-1] if len(b.frames) > n_frames[t] else None
                                         for t, b in builders.items()})

    pool = ProcessPoolExecutor(max_workers=n_jobs, initializer=init_worker) if n_jobs > 1 else None
    try:
        with tuned_for_corpus():
            # One chunk ahead: the workers start on the next chunk while this process collects
            # and stores the previous one, instead of waiting for it.
            pending: deque[tuple] = deque()
            for chunk in chunks(iter(articles), chunk_size * n_jobs):
                pending.append(submit(chunk))
                if len(pending) > 1:
                    finish(*pending.popleft())
            while pending:
                finish(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)  # on an error or Ctrl-C, drop the queued chunk
    if isinstance(corpus, Corpus):
        skipped = list(corpus.skipped) + skipped
    stats["seconds"] = time.perf_counter() - t0
    return CorpusAnalysis(**{t: b.frame() for t, b in builders.items()}, skipped=skipped, stats=stats)
