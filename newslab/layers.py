"""Annotation layers: every analyzer registered once, computed once per Article, every face from it.

In the spirit of spaCy's components (each declares what it ``requires`` and ``assigns``) and
textacy's small extractors, an analyzer is one function ``rows(article, **params)`` that returns
plain row dicts with ``start``/``end`` offsets, registered once with:

* the **layers it requires** (it reads them with ``article.layer(name)``, never through another
  module's private names),
* the **resource files it reads** (lexicons, dictionaries, cue lists), whose *content hash* keys
  the result cached on the article, so an edited YAML file gives fresh results on the same
  Article, for this layer and every layer that requires it,
* its **columns** and their types, and optionally its **corpus table**, its **JSON section** and
  an article-level **JSON summary**.

Every face is generated from that declaration: :func:`frame` (the typed DataFrame of an Article
or a Corpus, which the public functions such as ``find_mentions`` return), the corpus pipeline's
tables (:func:`step_layers`), the JSON of ``newslab analyze --json`` (:func:`article_json` in
:mod:`newslab.jsonout`) and the pipeline's disk cache. Internal layers (no columns) share
intermediate results between analyzers the same way (for example the clauses of each sentence).

>>> from newslab import Article
>>> @register("shouting", columns=("text", "start", "end"), dtypes={"start": "int", "end": "int"})
... def _shouting(article):
...     return [{"text": t.text, "start": t.start, "end": t.end} for t in article.tokens
...             if t.text.isupper() and len(t.text) > 1]
>>> a = Article.from_text("T\\n\\nThe EU and NATO met.")
>>> a.layer("shouting") is a.layer("shouting")      # computed once, then cached on the article
True
>>> frame(a, "shouting").values.tolist()
[['EU', 7, 9], ['NATO', 14, 18]]
>>> unregister("shouting")
"""
from __future__ import annotations

import hashlib
import importlib
import math
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .errors import InputNotFoundError, ParameterError
from .resources import content_hash, pinned_memo, pinned_resources

# Modules that register analyzer layers; imported (once) the first time an unknown layer is asked
# for, so that ``article.layer("quotes")`` works without importing newslab.quotes first.
ANALYZER_MODULES = ("newslab.sentiment", "newslab.entities", "newslab.quotes", "newslab.relations",
                    "newslab.stance", "newslab.frames")

Rows = list  # a table layer's value: a list of row dicts (shared: callers must not edit them)


@dataclass(frozen=True)
class Layer:
    """The declaration of one annotation layer (see the module docstring)."""

    name: str
    compute: Callable[..., Any]
    columns: tuple[str, ...] = ()
    dtypes: Mapping[str, str] = field(default_factory=dict)
    requires: tuple[str, ...] = ()
    resources: tuple[str, ...] | Callable[[Mapping[str, Any]], Iterable[Any]] = ()
    defaults: Mapping[str, Any] = field(default_factory=dict)
    table: str | None = None
    step: str | None = None
    json_section: str | None = None
    json_row: Callable[[dict[str, Any]], dict[str, Any] | None] | None = None
    json_summary: Callable[[Any], Mapping[str, Any]] | None = None

    @property
    def doc(self) -> str:
        """First sentence of the row function's docstring."""
        first = " ".join((self.compute.__doc__ or "").strip().split("\n\n")[0].split())
        return first.split(". ")[0].rstrip(".") + "."

    def resource_files(self, params: Mapping[str, Any]) -> list[Any]:
        """The resource files (packaged names or user paths) this layer reads with ``params``."""
        res = self.resources(params) if callable(self.resources) else self.resources
        return [r for r in res if r is not None]


REGISTRY: dict[str, Layer] = {}


def register(name: str, *, columns: Iterable[str] = (), dtypes: Mapping[str, str] | None = None,
             requires: Iterable[str] = (), resources: Any = (), defaults: Mapping[str, Any] | None = None,
             table: str | None = None, step: str | None = None, json_section: str | None = None,
             json_row: Callable[[dict[str, Any]], dict[str, Any] | None] | None = None,
             json_summary: Callable[[Any], Mapping[str, Any]] | None = None) -> Callable:
    """Decorator: register ``fn(article, **params)`` as the row function of layer ``name``.

    ``dtypes`` maps columns to ``int``, ``float``, ``bool`` or ``Int64`` (nullable integer);
    other columns are left to pandas. ``defaults`` are the parameters a call without them uses
    (so ``layer(a)`` and ``layer(a, mode="news")`` share one cached result). ``resources`` is a
    tuple of resource names, or a function of the parameters returning them (for a parameter
    that replaces a packaged file by the user's own). ``table`` names the corpus table its rows
    make and ``step`` the pipeline step that runs it (default: the layer's name); a layer that
    adds columns to another's table (sentiment adds scores to the sentences) declares the same
    table, and the pipeline uses it when its step is run.
    """
    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        REGISTRY[name] = Layer(name, fn, tuple(columns), dict(dtypes or {}), tuple(requires), resources,
                               dict(defaults or {}), table, (step or name) if table else None,
                               json_section, json_row, json_summary)
        return fn
    return decorate


def unregister(name: str) -> None:
    """Remove a layer (for layers made in examples and tests)."""
    REGISTRY.pop(name, None)


def _import_analyzers() -> None:
    for module in ANALYZER_MODULES:
        importlib.import_module(module)


def get(name: str) -> Layer:
    """The declaration of layer ``name`` (importing the analyzer modules when needed)."""
    spec = REGISTRY.get(name)
    if spec is None:
        _import_analyzers()
        spec = REGISTRY.get(name)
    if spec is None:
        raise ParameterError(f"no layer named {name!r} — known layers: {', '.join(sorted(REGISTRY))}.")
    return spec


def all_layers() -> list[Layer]:
    """Every registered layer, analyzer modules included, in registration order."""
    _import_analyzers()
    return list(REGISTRY.values())


def step_layers() -> dict[str, Layer]:
    """``{pipeline step: layer}`` for the layers that make a corpus table."""
    return {spec.step: spec for spec in all_layers() if spec.step}


# -- computing and caching ------------------------------------------------------------------------
def _freeze(value: Any) -> Any:
    """A hashable stand-in for a parameter value (objects by identity; kept alive by the cache)."""
    if value is None or isinstance(value, (str, int, float, bool, bytes)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    return ("object", id(value))


def _file_key(res: Any) -> str:
    if not isinstance(res, (str, os.PathLike)):
        return repr(_freeze(res))
    try:
        return content_hash(res)
    except InputNotFoundError:  # a name that is not a file (e.g. a scheme given as a dict)
        return os.fspath(res)


def fingerprint(name: str, params: Mapping[str, Any] | None = None) -> str:
    """Hash of the contents of every resource file layer ``name`` depends on, through its
    required layers too: it changes exactly when one of those files is edited."""
    spec = get(name)
    params = {**spec.defaults, **(params or {})}
    h = hashlib.sha256(name.encode())
    for res in spec.resource_files(params):
        h.update(_file_key(res).encode())
    for req in spec.requires:
        h.update(fingerprint(req).encode())
    return h.hexdigest()


def compute(article: Any, name: str, **params: Any) -> Any:
    """The value of layer ``name`` on ``article`` (what ``article.layer(name, **params)`` returns).

    Computed once per article and parameters, and again only when a resource file it depends on
    has changed. The value is shared: callers must not edit it.
    """
    if pinned_memo() is None:
        # Outside a corpus run, files are pinned for one call: the layers it requires then look
        # each file up once, not once per layer (edits made between calls are still seen).
        with pinned_resources():
            return compute(article, name, **params)
    spec = get(name)
    params = {**spec.defaults, **params}
    key = (name, _freeze(params))
    memo = pinned_memo()  # files are pinned, so each layer's fingerprint is too
    stamp = memo.get(key) if memo is not None else None
    if stamp is None:
        stamp = fingerprint(name, params)
        if memo is not None:
            memo[key] = stamp
    store = article._layers
    hit = store.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    value = spec.compute(article, **params)
    store[key] = (stamp, value, params)  # params kept so that object ids in the key stay unique
    return value


# -- faces ----------------------------------------------------------------------------------------
def _column(values: list[Any], dtype: str | None) -> Any:
    import numpy as np
    import pandas as pd

    if dtype == "int":
        return np.array(values, dtype=np.int64)
    if dtype == "float":
        return np.array(values, dtype=np.float64)
    if dtype == "bool":
        return np.array(values, dtype=bool)
    if dtype == "Int64":
        return pd.array(values, dtype="Int64")
    return values  # text and mixed columns: pandas' own inference, as from a list of dicts


def column_mean(values: Iterable[Any], decimals: int | None = None) -> float:
    """The mean pandas gives for a float column of ``values`` (NaN and None skipped; NaN when
    nothing is left), rounded as its ``.round(decimals)`` rounds, without importing numpy or
    pandas: the JSON summaries of one article use it.

    pandas sums a float64 array with the skipped values set to 0 and divides by the count, so
    this does the same with numpy's pairwise sum (:func:`_pairwise_sum`), giving the same last
    digit, and rounds as ``np.round`` does (scale, round half to even, unscale).

    >>> column_mean([0.1, 0.2, None, 0.3]), column_mean([0.1, 0.2, 0.3], 4), column_mean([None])
    (0.20000000000000004, 0.2, nan)
    """
    arr = [_NAN if v is None else float(v) for v in values]
    count = 0
    for k, v in enumerate(arr):
        if v != v:  # NaN
            arr[k] = 0.0
        else:
            count += 1
    if not count:
        return _NAN
    mean = (0.0 + _pairwise_sum(arr, 0, len(arr))) / count  # numpy's add.reduce starts from 0.0
    return mean if decimals is None else _np_round(mean, decimals)


_NAN = float("nan")


def _pairwise_sum(a: list[float], lo: int, n: int) -> float:
    """numpy's ``pairwise_sum`` of float64 ``a[lo:lo + n]``: a plain loop below 8 values, eight
    running sums up to 128, else the two halves (cut at a multiple of 8) summed apart."""
    if n < 8:
        res = 0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    if n <= 128:
        r = a[lo:lo + 8]
        i = 8
        while i < n - n % 8:
            for j in range(8):
                r[j] += a[lo + i + j]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        for k in range(lo + i, lo + n):
            res += a[k]
        return res
    n2 = n // 2
    n2 -= n2 % 8
    return _pairwise_sum(a, lo, n2) + _pairwise_sum(a, lo + n2, n - n2)


def _np_round(x: float, decimals: int) -> float:
    """``np.round(x, decimals)``: x * 10**decimals rounded half to even (sign of zero kept, as
    ``rint`` keeps it), divided back; for decimals < 0, x / 10**-decimals, rounded, multiplied."""
    f = 10.0 ** abs(decimals)
    y = x * f if decimals >= 0 else x / f
    if math.isfinite(y):
        y = math.copysign(float(round(y)), y)
    return y / f if decimals >= 0 else y * f


def rows_frame(rows: list[dict[str, Any]], columns: Iterable[str], dtypes: Mapping[str, str]) -> Any:
    """Row dicts as a typed DataFrame, built column by column (much faster than from dicts)."""
    import pandas as pd

    columns = list(columns)
    if not rows:  # typed empty columns, so that a concat with other articles keeps the types
        return pd.DataFrame({c: pd.Series(_column([], dtypes.get(c)), dtype=None if c in dtypes else object)
                             for c in columns}, columns=columns)
    # The dict keeps the columns' order, so no columns= (pandas would re-index: ~35% of the time).
    return pd.DataFrame({c: _column([r[c] for r in rows], dtypes.get(c)) for c in columns}, copy=False)


def frame(obj: Any, name: str, **params: Any) -> Any:
    """The DataFrame of layer ``name``: for an Article its rows; for a Corpus (or any iterable of
    articles) every article's rows stacked, with ``doc_id`` and ``date`` columns first."""
    import pandas as pd

    spec = get(name)
    if not spec.columns:
        raise ParameterError(f"layer {name!r} is internal (no table) — ask for a table layer.")
    if hasattr(obj, "layer"):
        return rows_frame(obj.layer(name, **params), spec.columns, spec.dtypes)
    if isinstance(obj, (str, bytes)) or not isinstance(obj, Iterable):
        raise ParameterError(f"{name}: got {type(obj).__name__}; pass an Article or a Corpus — for raw text use "
                             "Article.from_text(text).")
    frames = []
    for art in obj:
        if not hasattr(art, "layer"):
            raise ParameterError(f"{name}: the corpus holds a {type(art).__name__}, not an Article — make each "
                                 "one with Article.from_text(text) or load them with newslab.io.load_corpus.")
        df = rows_frame(art.layer(name, **params), spec.columns, spec.dtypes)
        df.insert(0, "doc_id", art.id)
        df.insert(1, "date", art.date)
        frames.append(df)
    if not frames:
        return rows_frame([], ["doc_id", "date", *spec.columns], spec.dtypes)
    return pd.concat(frames, ignore_index=True)


def json_sections(article: Any) -> dict[str, Any]:
    """``{section: [json rows]}`` and the article summaries of every layer with a JSON face."""
    out: dict[str, Any] = {"article": {}}
    for spec in all_layers():
        if spec.json_section:
            rows = article.layer(spec.name)
            to_json = spec.json_row or (lambda r: r)
            out[spec.json_section] = [j for j in map(to_json, rows) if j is not None]
        if spec.json_summary:
            out["article"].update(spec.json_summary(article))
    return out


def _resource_names(spec: Layer) -> str:
    try:
        files = spec.resource_files(spec.defaults)
    except (KeyError, TypeError):  # resources that depend on a parameter without a default
        return "(per parameter)"
    return ", ".join(os.path.basename(os.fspath(r)) for r in files if isinstance(r, (str, os.PathLike)))


def _in_dependency_order(specs: list[Layer]) -> list[Layer]:
    """Each layer after the layers it requires; otherwise by name (the same order whatever the
    order the analyzer modules were imported in)."""
    done: list[Layer] = []
    seen: set[str] = set()
    pending = sorted(specs, key=lambda sp: sp.name)
    while pending:
        ready = next(sp for sp in pending if all(r in seen or r not in REGISTRY for r in sp.requires))
        done.append(ready)
        seen.add(ready.name)
        pending.remove(ready)
    return done


def describe() -> str:
    """The layer graph as a Markdown table: each layer, what it requires and reads, its faces
    (the table in ARCHITECTURE.md is this output; ``python -m newslab.layers`` prints it)."""
    lines = ["| layer | requires | resources | corpus table | JSON | what it is |", "|---|---|---|---|---|---|"]
    for spec in _in_dependency_order(all_layers()):
        json_face = (spec.json_section or "—") + (" + summary" if spec.json_summary else "")
        lines.append(f"| `{spec.name}` | {', '.join(spec.requires) or '—'} | {_resource_names(spec) or '—'} | "
                     f"{spec.table or '—'} | {json_face} | {spec.doc} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a documentation helper
    from newslab.layers import describe as _describe  # the package's registry, not this copy's

    print(_describe())
