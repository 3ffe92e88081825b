"""Corpus results as a partitioned Parquet dataset: streamed to disk, resumable, read lazily.

``analyze_corpus(corpus, out="results/")`` writes every table as one Parquet file per *shard*
(a fixed run of articles: shard ``k`` holds articles ``k·n … (k+1)·n − 1``)::

    results/
      manifest.json                   newslab version, fingerprint, steps, shard list
      articles/part-00000.parquet     one part per shard and table, one fixed schema per table
      sentences/part-00000.parquet
      ...
      frame_terms/part-00000.parquet  the frames' matched terms as a tidy table of their own

Memory is bounded by the shard size whatever the corpus size: a shard's tables are written and
let go before the next is collected. A run that is killed or fails part-way restarts where it
stopped: a shard whose input hash (of its articles' texts and metadata) and fingerprint (code,
resources, steps) match the manifest is kept, the rest recomputed. :func:`open_results` reads
the tables back, whole (pandas) or one part at a time, and computes corpus summaries part by
part, so a million-article folder never has to fit in memory.

>>> import tempfile
>>> from newslab import Article, Corpus
>>> from newslab.pipeline import analyze_corpus
>>> arts = [Article.from_text("T\\n\\nIndia and China agreed to talk.", id="a", date="2020-06-01")]
>>> with tempfile.TemporaryDirectory() as tmp:
...     res = analyze_corpus(Corpus(arts), out=tmp, steps=["sentences", "relations"])
...     res.sentences[["doc_id", "date", "text"]].values.tolist()
[['a', Timestamp('2020-06-01 00:00:00'), 'India and China agreed to talk.']]
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pandas as pd

from .version import __version__
from .errors import InputNotFoundError, ParameterError

STORE_TABLES = ("articles", "sentences", "mentions", "quotes", "relations", "stance", "frames", "frame_terms")
MANIFEST = "manifest.json"
FORMAT = 1
# Columns of few distinct values, stored dictionary-encoded (categoricals when read back).
LABELS = {
    "articles": ("source",), "sentences": ("vader_label", "textblob_label", "label", "mode"),
    "mentions": ("label", "actor", "side", "how", "entity"),
    "quotes": ("kind", "cue", "speaker", "side", "how"),
    "relations": ("source", "target", "type", "time", "source_side", "target_side", "cue_name"),
    "stance": ("target", "stance", "speaker", "holder", "kind"),
    "frames": ("scheme", "level", "frame", "label"), "frame_terms": ("scheme", "frame", "term"),
}
_ARTICLE_TYPES = {"n_paragraphs": "int", "n_sentences": "int", "n_tokens": "int"}
_TERM_TYPES = {"start": "int", "end": "int", "negated": "bool", "quoted": "bool"}


def _declared_types(table: str) -> dict[str, str]:
    """Column types of a table, from the layers that make it (see newslab.layers)."""
    from . import layers

    if table == "articles":
        return dict(_ARTICLE_TYPES)
    if table == "frame_terms":
        return dict(_TERM_TYPES)
    types: dict[str, str] = {}
    for spec in layers.all_layers():
        if spec.table == table:  # a table layer built from another's rows (frame_table) has its types
            for name in (*spec.requires, spec.name):
                types.update({c: t for c, t in layers.get(name).dtypes.items() if c in spec.columns})
    return types


ARTICLE_COLUMNS = ("doc_id", "date", "title", "source", "dateline", "n_paragraphs", "n_sentences", "n_tokens", "url")
TERM_COLUMNS = ("doc_id", "date", "scheme", "frame", "term", "text", "start", "end", "negated", "quoted")


def table_columns(table: str, steps: Iterable[str]) -> list[str]:
    """The fixed columns of a stored table when ``steps`` ran (every part has exactly these)."""
    from . import layers

    if table == "articles":
        return list(ARTICLE_COLUMNS)
    if table == "frame_terms":
        return list(TERM_COLUMNS)
    specs = layers.step_layers()
    steps = tuple(steps)
    chosen = [specs[s] for s in steps if s in specs and specs[s].table == table
              and not (s == "sentences" and "sentiment" in steps)]
    cols = list(chosen[-1].columns) if chosen else []
    return ["doc_id", "date"] + [c for c in cols if c not in ("doc_id", "date", "terms")]


def arrow_table(table: str, df: pd.DataFrame) -> Any:
    """``df`` as an Arrow table of the fixed schema of ``table``: ``date`` as a date, numbers as
    declared, labels dictionary-encoded, every other column a string."""
    import pyarrow as pa

    types = _declared_types(table)
    arrays, fields = [], []
    for col in df.columns:
        kind = "date" if col == "date" else types.get(col, "label" if col in LABELS.get(table, ()) else "str")
        values = df[col]
        if kind == "date":
            arr = pa.array(pd.to_datetime(values.astype("string").str.slice(0, 10), errors="coerce",
                                          format="%Y-%m-%d").dt.date, type=pa.date32())
        elif kind in ("int", "Int64"):
            arr = pa.array(pd.array(values, dtype="Int64"), type=pa.int64())
        elif kind == "float":
            arr = pa.array(pd.to_numeric(values, errors="coerce"), type=pa.float64())
        elif kind == "bool":
            arr = pa.array(values.astype("boolean"), type=pa.bool_())
        else:
            strings = pa.array(values.astype("string"), type=pa.string())
            arr = strings.dictionary_encode() if kind == "label" else strings
        arrays.append(arr)
        fields.append(col)
    return pa.Table.from_arrays(arrays, names=fields)


def frame_terms(frames: pd.DataFrame) -> pd.DataFrame:
    """The matched terms of a corpus frames table as a tidy table: one row per term."""
    columns: dict[str, list[Any]] = {c: [] for c in TERM_COLUMNS}
    if "terms" in frames.columns:
        # Most rows (paragraphs, frames without a hit) list no terms: find the others first, so
        # that only they are read back from the (Arrow-backed) columns, not ~50 rows per article.
        listed = [i for i, terms in enumerate(frames["terms"].tolist())
                  if isinstance(terms, str) and terms not in ("", "[]")]
        sub = frames.iloc[listed]
        head = [columns[c] for c in TERM_COLUMNS[:4]]
        fields = [(c, columns[c]) for c in TERM_COLUMNS[4:]]
        for *row, terms in zip(*(sub[c].tolist() for c in (*TERM_COLUMNS[:4], "terms"))):
            found = json.loads(terms)
            for values, value in zip(head, row):
                values.extend([value] * len(found))
            for name, values in fields:
                values.extend([t.get(name) for t in found])
    if not columns["doc_id"]:
        return pd.DataFrame([], columns=list(TERM_COLUMNS))  # object columns, as from no rows
    return pd.DataFrame(columns)


def shard_key(article_keys: Iterable[str]) -> str:
    """Hash of a shard's inputs (the articles' text-and-metadata keys, in order)."""
    return hashlib.sha256("|".join(article_keys).encode()).hexdigest()[:32]


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)  # a killed run never leaves a half-written part or manifest
    finally:
        tmp.unlink(missing_ok=True)


@dataclass
class StoreWriter:
    """Writes shards into a results folder and keeps its manifest current after every shard."""

    folder: Path
    fingerprint: str
    steps: tuple[str, ...]
    shard_size: int
    shards: dict[int, dict[str, Any]] = field(default_factory=dict)
    loader_skipped: list[list[str]] = field(default_factory=list)

    @classmethod
    def open(cls, folder: str | os.PathLike[str], fingerprint: str, steps: tuple[str, ...],
             shard_size: int) -> "StoreWriter":
        """Open (or start) a results folder; shards of an earlier run with the same fingerprint,
        steps and shard size are kept for resuming. A folder that holds other files is refused."""
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise ParameterError(f"{folder}: is a file — pass a folder for the results (it is created).")
        manifest = folder / MANIFEST
        if folder.exists() and any(folder.iterdir()) and not manifest.exists():
            raise ParameterError(f"{folder}: holds files that are not newslab results — pass an empty or new "
                                 "folder, so that nothing of yours is overwritten.")
        writer = cls(folder, fingerprint, tuple(steps), shard_size)
        old = _read_manifest(folder) if manifest.exists() else None
        if old and (old.get("fingerprint"), tuple(old.get("steps", ())), old.get("shard_size")) == \
                (fingerprint, tuple(steps), shard_size):
            writer.shards = {int(s["index"]): s for s in old.get("shards", [])}
        for t in STORE_TABLES:
            (folder / t).mkdir(parents=True, exist_ok=True)
        return writer

    def part(self, table: str, index: int) -> Path:
        return self.folder / table / f"part-{index:05d}.parquet"

    def is_done(self, index: int, key: str) -> bool:
        entry = self.shards.get(index)
        return bool(entry) and entry["key"] == key and all(self.part(t, index).exists() for t in STORE_TABLES)

    def write(self, index: int, key: str, tables: dict[str, pd.DataFrame], n_articles: int,
              skipped: list[tuple[str, str]]) -> None:
        """Write one shard's tables (each in the fixed schema) and record it in the manifest."""
        self.record(self.write_parts(index, key, tables, n_articles, skipped))

    def write_parts(self, index: int, key: str, tables: dict[str, pd.DataFrame], n_articles: int,
                    skipped: list[tuple[str, str]]) -> dict[str, Any]:
        """Write one shard's part files; returns its manifest entry (a Dask worker does this)."""
        import pyarrow.parquet as pq

        tables = {**tables, "frame_terms": frame_terms(tables.get("frames", pd.DataFrame()))}
        rows = {}
        for t in STORE_TABLES:
            df = tables.get(t)
            # one schema for every part, whatever this shard holds (frames' terms: in frame_terms)
            df = (pd.DataFrame() if df is None else df).reindex(columns=table_columns(t, self.steps))
            at = arrow_table(t, df)
            _atomic_write(self.part(t, index), lambda tmp, at=at: pq.write_table(at, tmp))
            rows[t] = len(df)
        return {"index": index, "key": key, "articles": n_articles, "rows": rows,
                "skipped": [list(s) for s in skipped]}

    def record(self, entry: dict[str, Any]) -> None:
        """Add a written shard to the manifest (rewritten whole, atomically)."""
        self.shards[int(entry["index"])] = entry
        self._write_manifest()

    def finish(self, n_shards: int, loader_skipped: Iterable[tuple[str, str]] = ()) -> None:
        """Drop the shards of an earlier, longer run of this folder (files newslab wrote) and
        record what the loader skipped."""
        for index in [i for i in self.shards if i >= n_shards]:
            for t in STORE_TABLES:
                self.part(t, index).unlink(missing_ok=True)
            del self.shards[index]
        self.loader_skipped = [list(s) for s in loader_skipped]
        self._write_manifest()

    def _write_manifest(self) -> None:
        body = {"format": FORMAT, "newslab": __version__, "fingerprint": self.fingerprint, "steps": list(self.steps),
                "shard_size": self.shard_size, "tables": list(STORE_TABLES),
                "skipped": self.loader_skipped, "shards": [self.shards[i] for i in sorted(self.shards)]}
        _atomic_write(self.folder / MANIFEST,
                      lambda tmp: tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8"))


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


class Results:
    """A results folder written by ``analyze_corpus(..., out=folder)``, read lazily.

    Each table is an attribute (``results.quotes``: a pandas DataFrame of every part, read on
    first use); :meth:`parts` yields one shard's table at a time and :meth:`dask` gives a
    ``dask.dataframe`` for tables larger than memory. ``skipped`` lists what was not analysed.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        manifest = _read_manifest(self.folder)
        if manifest is None:
            raise InputNotFoundError(f"{self.folder}: no newslab results here (no readable {MANIFEST}) — pass the "
                                     "folder given as out= to analyze_corpus or --out to newslab analyze.")
        self.manifest = manifest
        self.run: dict[str, Any] = {}  # figures of the run that wrote the folder, when it returned this object
        self._cache: dict[str, pd.DataFrame] = {}

    @property
    def skipped(self) -> list[tuple[str, str]]:
        """What was not analysed: files the loader skipped, then articles that failed, in order."""
        return [tuple(s) for s in self.manifest.get("skipped", [])] + \
            [tuple(s) for shard in self.manifest["shards"] for s in shard.get("skipped", [])]

    @property
    def stats(self) -> dict[str, Any]:
        shards = self.manifest["shards"]
        return {**self.run, "analysed": sum(s["articles"] for s in shards), "shards": len(shards)}

    def part_files(self, table: str) -> list[Path]:
        if table not in STORE_TABLES:
            raise ParameterError(f"table {table!r} is unknown — use one of {', '.join(STORE_TABLES)}.")
        return [self.folder / table / f"part-{s['index']:05d}.parquet" for s in self.manifest["shards"]]

    def parts(self, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """One DataFrame per shard, in corpus order (only ``columns`` when given)."""
        import pyarrow.parquet as pq

        nullable = [c for c, t in _declared_types(table).items() if t == "Int64"]
        for path in self.part_files(table):
            df = pq.read_table(path, columns=columns if columns and _has(path, columns) else None) \
                .to_pandas(date_as_object=False)
            for c in nullable:  # Arrow gives nullable integers back as floats
                if c in df.columns:
                    df[c] = df[c].astype("Int64")
            yield df

    def table(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The whole table as one DataFrame (for folders that fit in memory)."""
        key = f"{table}:{columns}"
        if key not in self._cache:
            parts = [p for p in self.parts(table, columns) if len(p.columns)]
            self._cache[key] = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        return self._cache[key]

    def dask(self, table: str) -> Any:
        """The table as a lazy ``dask.dataframe`` (needs the ``newslab[dask]`` extra)."""
        import dask.dataframe as dd

        return dd.read_parquet([str(p) for p in self.part_files(table)])

    def __getattr__(self, name: str) -> pd.DataFrame:  # only called for names not set on the object
        if name in STORE_TABLES and "_cache" in self.__dict__:
            return self.table(name)
        raise AttributeError(name)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {t: self.table(t) for t in STORE_TABLES}

    # -- corpus summaries, computed one part at a time -------------------------------------------
    def frames_over_time(self, scheme: str = "generic", freq: str = "M") -> pd.DataFrame:
        """Share of articles where each frame is present, per period (``freq``: "M", "Y", "W")."""
        counts: dict[tuple[Any, str], list[int]] = {}
        for df in self.parts("frames", ["date", "scheme", "level", "frame", "present"]):
            df = df[(df["level"] == "article") & (df["scheme"] == scheme) & df["date"].notna()]
            period = df["date"].dt.to_period(freq).astype(str)
            for (p, f), g in df.groupby([period, df["frame"].astype(str)], sort=False):
                c = counts.setdefault((p, f), [0, 0])
                c[0] += int(g["present"].sum())
                c[1] += len(g)
        rows = [{"period": p, "frame": f, "articles": n, "present": k, "share": k / n if n else 0.0}
                for (p, f), (k, n) in sorted(counts.items())]
        return pd.DataFrame(rows, columns=["period", "frame", "articles", "present", "share"])

    def voice_share(self, by: str = "side", group: str = "source") -> pd.DataFrame:
        """Quotes and quoted words per speaker ``side`` (or ``speaker``) within each ``group``
        of articles (a column of the articles table, such as ``source``)."""
        groups = dict(zip(*(self.table("articles", ["doc_id", group]).get(c, pd.Series(dtype=str))
                            for c in ("doc_id", group))))
        acc: dict[tuple[str, str], list[int]] = {}
        for df in self.parts("quotes", ["doc_id", "text", by]):
            words = df["text"].astype(str).str.count(r"\b\w[\w'’-]*")
            for doc, who, n in zip(df["doc_id"], df[by].astype(str), words):
                a = acc.setdefault((str(groups.get(doc, "")), who or ("(unattributed)" if by == "speaker"
                                                                        else "(no side)")), [0, 0])
                a[0] += 1
                a[1] += int(n)
        out = pd.DataFrame([{group: g, by: w, "quotes": q, "quoted_words": n} for (g, w), (q, n) in acc.items()],
                           columns=[group, by, "quotes", "quoted_words"])
        totals = out.groupby(group)["quoted_words"].transform("sum")
        out["share_words"] = (out["quoted_words"] / totals).fillna(0.0)
        return out.sort_values([group, "quoted_words"], ascending=[True, False], ignore_index=True)

    def dyad_timeseries(self, side_a: str, side_b: str, freq: str = "M") -> pd.DataFrame:
        """Mean event weight between two sides per period: ``net`` (current events) and ``net_all``."""
        acc: dict[str, list[float]] = {}
        pair = {side_a, side_b}
        for df in self.parts("relations", ["date", "source_side", "target_side", "time", "weight"]):
            df = df[[{s, t} == pair for s, t in zip(df["source_side"].astype(str), df["target_side"].astype(str))]]
            df = df[df["date"].notna()]
            for p, time_, w in zip(df["date"].dt.to_period(freq).astype(str), df["time"].astype(str), df["weight"]):
                a = acc.setdefault(p, [0.0, 0, 0.0, 0])
                a[2] += float(w)
                a[3] += 1
                if time_ == "current":
                    a[0] += float(w)
                    a[1] += 1
        rows = [{"period": p, "n_events": int(n_all), "n_current": int(n), "net": s / n if n else float("nan"),
                 "net_all": s_all / n_all if n_all else float("nan")} for p, (s, n, s_all, n_all) in sorted(acc.items())]
        return pd.DataFrame(rows, columns=["period", "n_events", "n_current", "net", "net_all"])

    def sentiment_by(self, group: str = "source") -> pd.DataFrame:
        """Mean sentence scores per ``group`` of articles (needs the sentiment step)."""
        groups = dict(zip(*(self.table("articles", ["doc_id", group]).get(c, pd.Series(dtype=str))
                            for c in ("doc_id", group))))
        acc: dict[str, list[float]] = {}
        for df in self.parts("sentences", ["doc_id", "vader", "textblob", "score"]):
            if "score" not in df.columns:
                raise ParameterError("sentiment_by needs the sentiment step — re-run with it in steps.")
            for doc, v, t, s in zip(df["doc_id"], df["vader"], df["textblob"], df["score"]):
                a = acc.setdefault(str(groups.get(doc, "")), [0.0, 0.0, 0.0, 0])
                a[0] += v
                a[1] += t
                a[2] += s
                a[3] += 1
        rows = [{group: g, "sentences": int(n), "vader": v / n, "textblob": t / n, "score": s / n}
                for g, (v, t, s, n) in sorted(acc.items())]
        return pd.DataFrame(rows, columns=[group, "sentences", "vader", "textblob", "score"])


def _has(path: Path, columns: list[str]) -> bool:
    import pyarrow.parquet as pq

    return set(columns) <= set(pq.read_schema(path).names)


def open_results(folder: str | os.PathLike[str]) -> Results:
    """Open a results folder written by ``analyze_corpus(corpus, out=folder)``."""
    return Results(folder)
