"""One article, one shard: the unit of work of every corpus engine (local pool, results folder, Dask).

:func:`analyze_article` runs the chosen steps (registered layers, see :mod:`newslab.layers`) on
one article and returns each table's row dicts; :func:`analyze_columnar` gives them column by
column, the compact form workers send back; :class:`TableBuilder` turns a shard's columns into
DataFrames. :func:`init_worker` and :func:`tuned_for_corpus` set a process up for a long run.

>>> from newslab import Article
>>> res, status = analyze_columnar(Article.from_text("T\\n\\nIndia and China met.", id="a"), ("sentences",))
>>> status, res["sentences"][0][:3], res["sentences"][1][4]
('miss', ['i', 'paragraph', 'start'], ['India and China met.'])
"""
from __future__ import annotations

import gc
import hashlib
import json
from contextlib import contextmanager
from itertools import chain, islice, repeat
from typing import Any, Iterable, Iterator

import pandas as pd

from . import layers
from .article import Article
from .errors import NewslabError
from .resources import pin_resources, pinned_resources

TABLES = ("articles", "sentences", "mentions", "quotes", "relations", "stance", "frames")
ALL_STEPS = ("sentences", "sentiment", "mentions", "quotes", "relations", "stance", "frames")


# -- steps: each runs one registered layer (see newslab.layers) whose rows make a corpus table ------
def article_row(a: Article) -> dict[str, Any]:
    row = {**a.metadata(), "url": a.url}
    row.pop("id")
    return row


def analyze_article(article: Article, steps: Iterable[str] = ALL_STEPS) -> dict[str, list[dict]]:
    """Run the chosen steps on one article; returns the row dicts of each table (shared with the
    article's layers: read them, don't edit them)."""
    steps = tuple(steps)
    specs = layers.step_layers()
    out: dict[str, list[dict]] = {}
    for step in steps:
        if step == "sentences" and "sentiment" in steps:
            continue  # the sentiment rows are the sentence rows with the scores added
        spec = specs[step]
        out[spec.table] = article.layer(spec.name)
    out["articles"] = [article_row(article)]
    return out


def _flat(value: Any) -> Any:
    # Nested values (a frame row's matched terms) become one JSON string: one object to store
    # and load instead of hundreds, and what CSV/Parquet export needs anyway.
    if not isinstance(value, (list, dict)):
        return value
    if not value:  # most frame rows match no term: skip the encoder for the empty list
        return "[]" if isinstance(value, list) else "{}"
    return json.dumps(value, ensure_ascii=False, default=str)


_NESTED = frozenset({list, dict})


def columnar(tables: dict[str, list[dict]]) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Rows as (columns, one list per column): smaller to store and faster to load than dicts."""
    out = {}
    for name, rows in tables.items():
        cols = list(dict.fromkeys(chain.from_iterable(rows)))  # every key, first-seen order
        values = []
        for c in cols:
            col = list(map(dict.get, rows, repeat(c)))
            if not _NESTED.isdisjoint(map(type, col)):  # only a few columns hold nested values
                col = list(map(_flat, col))
            values.append(col)
        out[name] = (cols, values)
    return out


class TableBuilder:
    """Accumulates columnar per-article results; each chunk of articles becomes a DataFrame.

    Python lists of row values cost several times the memory of the DataFrame columns they become,
    so rows are turned into a DataFrame after every chunk (:meth:`flush`) and only the compact
    frames are kept until the end.
    """

    def __init__(self) -> None:
        self.frames: list[pd.DataFrame] = []
        self._reset()

    def _reset(self) -> None:
        self.columns: dict[str, list[Any]] = {"doc_id": [], "date": []}
        self.n = 0

    def flush(self) -> None:
        if self.n:
            self.frames.append(pd.DataFrame(self.columns))
        self._reset()

    def add(self, doc_id: str, date: str, cols: list[str], values: list[list[Any]]) -> None:
        k = len(values[0]) if values else 0
        if k == 0:
            return
        for c, v in zip(cols, values):
            if c in ("doc_id", "date"):
                continue
            col = self.columns.get(c)
            if col is None:
                col = self.columns[c] = [None] * self.n
            col.extend(v)
        self.columns["doc_id"].extend([doc_id] * k)
        self.columns["date"].extend([date] * k)
        self.n += k
        for col in self.columns.values():  # columns this article did not have
            if len(col) < self.n:
                col.extend([None] * (self.n - len(col)))

    def frame(self) -> pd.DataFrame:
        self.flush()
        if not self.frames:
            return pd.DataFrame(columns=["doc_id", "date"])
        if len(self.frames) > 1:
            # The chunks are let go as soon as they are joined, so at the end of a run only one
            # table at a time is held twice.
            self.frames = [pd.concat(self.frames, ignore_index=True)]
        return self.frames[0]


def article_key(a: Article) -> str:
    """Hash of an article's text and metadata: what its results depend on, besides the code."""
    meta = json.dumps([a.id, a.title, a.date, a.source, a.url, a.dateline], ensure_ascii=False)
    return hashlib.sha256((meta + "\x00" + a.text).encode("utf-8")).hexdigest()[:32]


def analyze_columnar(article: Article, steps: tuple[str, ...]) -> tuple[dict | None, str]:
    """One article's tables, column by column, and "miss"; or None and the reason it failed."""
    try:
        return columnar(analyze_article(article, steps)), "miss"
    except NewslabError as exc:  # a user-fixable problem in one article: report, don't crash the run
        return None, f"{article.path or article.id}: {exc}"


def shard_tables(shard: list[Article], results: Iterable[tuple[dict | None, str]]) -> tuple[dict, list]:
    """One shard's per-article results (from :func:`analyze_task`) as DataFrames, and what was skipped."""
    builders = {t: TableBuilder() for t in TABLES}
    skipped: list[tuple[str, str]] = []
    for article, (res, status) in zip(shard, results):
        if res is None:
            skipped.append((article.path or article.id, status))
            continue
        for table, (cols, values) in res.items():
            builders[table].add(article.id, article.date, cols, values)
    return {t: b.frame() for t, b in builders.items()}, skipped


# -- worker ----------------------------------------------------------------------------------------
# The analyzers allocate millions of short-lived container objects (tokens, row dicts), so with
# the default thresholds the cyclic collector ran every 700 allocations and took ~8% of a run;
# none of them is cyclic garbage worth collecting that early.
_GC_THRESHOLD = (50_000, 20, 100)


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies (kill -9 included),
    so that no orphaned worker goes on analysing; elsewhere a no-op."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def init_worker() -> None:
    """Set up a worker process for its lifetime, which is one corpus run."""
    _die_with_parent()
    pin_resources()
    gc.set_threshold(*_GC_THRESHOLD)


@contextmanager
def tuned_for_corpus() -> Iterator[None]:
    """In this process, for one run: resource files looked up once, a lazier cyclic collector."""
    old = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLD)
    try:
        with pinned_resources():
            yield
    finally:
        gc.set_threshold(*old)


def chunks(it: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk
