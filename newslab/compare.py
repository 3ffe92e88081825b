"""Comparing outlets, periods or any metadata column of a corpus analysis, with honest statistics.

``compare(result, by="source")`` groups the articles of a corpus analysis — the in-memory
result of :func:`newslab.pipeline.analyze_corpus` or a results folder
(:func:`newslab.open_results`, read one part at a time) — and returns a :class:`Comparison`
of tidy tables, one row per group and measure, each with an interval:

* ``groups``: articles and words per group, and which groups are too small to compare;
* ``frames``: for every frame of every scheme, the share of articles where it is present and
  its hits per 1,000 words (words and hits pooled over the group's articles);
* ``frame_tests``: per frame, whether the groups differ — presence by Pearson's chi-square
  (Fisher's exact test for two groups when an expected count is below 5; a permutation
  p-value for more groups with small expected counts), the rate per 1,000 words by a
  permutation test (articles' group labels shuffled) — with Benjamini–Hochberg adjusted
  p-values across the frames of a scheme, so that "significant" keeps the expected share of
  false discoveries at 5 %;
* ``voices``: who is quoted, by side: each side's share of the quoted words;
* ``dyad``: the net event score between ``side_a`` and ``side_b`` (mean weight of current
  events, as :func:`newslab.relations.dyad`);
* ``actors``: the share of articles mentioning each actor, and mentions per 1,000 words;
* ``sentiment``: the mean article tone (the mean of each article's sentence scores).

**Intervals** are percentile bootstrap intervals: the articles of a group are resampled with
replacement ``n_boot`` times (seeded: the same call gives the same numbers) and the statistic is
recomputed on each resample; the interval is the central ``confidence`` share of those values.
Where every article of a group agrees (a frame in 6 of 6 articles, or in none) resampling
cannot vary and would give a zero-width interval; shares then get Wilson's score interval.
Resampling articles, not words or quotes, respects that words of one article are not
independent. ``benchmarks/compare_coverage.py`` prints how often such a 95 % interval covers
the true share in simulated corpora.

**Small groups**: a group of fewer than ``min_articles`` articles gets ``small=True``, its
counts but no share, rate or interval (NaN), it is left out of the tests, and a
:class:`SmallGroupWarning` names it. Five articles do not make an outlet's framing.

>>> from newslab import Article, Corpus
>>> from newslab.pipeline import analyze_corpus
>>> arts = [Article.from_text(f"T{i}\\n\\nThe talks between India and China collapsed in anger.",
...                           id=f"a{i}", source="Outlet A") for i in range(6)]
>>> arts += [Article.from_text(f"U{i}\\n\\nIndia and China opened a new trade route.",
...                            id=f"b{i}", source="Outlet B") for i in range(6)]
>>> res = analyze_corpus(Corpus(arts), steps=["frames"], cache=False)
>>> cmp = compare(res, by="source", n_boot=200)
>>> cmp.groups[["group", "articles", "small"]].values.tolist()
[['Outlet A', 6, False], ['Outlet B', 6, False]]
"""
from __future__ import annotations

import os
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

from .errors import ParameterError
from .stats import benjamini_hochberg, chi_square, expected_counts, fisher_exact

__all__ = ["compare", "Comparison", "SmallGroupWarning", "group_articles", "group_order", "table_parts",
           "bootstrap_interval", "share_interval", "wilson_interval", "COMPARED_STEPS", "results_as_texts", "frame_terms_by_group", "is_results_folder", "load_analysis"]

WORD_RE = r"\b\w[\w'’-]*"  # quoted words, counted as newslab.store does


class SmallGroupWarning(UserWarning):
    """A group has too few articles for a share or an interval to mean anything."""


@dataclass
class Comparison:
    """The tables of :func:`compare`; ``params`` records how they were made."""

    groups: pd.DataFrame
    frames: pd.DataFrame
    frame_tests: pd.DataFrame
    voices: pd.DataFrame
    dyad: pd.DataFrame
    actors: pd.DataFrame
    sentiment: pd.DataFrame
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def small_groups(self) -> list[str]:
        return [str(g) for g in self.groups.loc[self.groups["small"], "group"]]

    def significant(self, alpha: float | None = None) -> pd.DataFrame:
        """Frames whose presence differs between the groups after the Benjamini–Hochberg correction."""
        a = self.params.get("alpha", 0.05) if alpha is None else alpha
        t = self.frame_tests
        return t[t["p_presence_adj"] < a].sort_values(["p_presence_adj", "scheme", "frame"], ignore_index=True)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {n: getattr(self, n) for n in ("groups", "frames", "frame_tests", "voices", "dyad", "actors",
                                              "sentiment")}


# -- reading a result, whole or part by part --------------------------------------------------------
def _open(result: Any) -> Any:
    if isinstance(result, (str, os.PathLike)):
        from .store import open_results

        return open_results(Path(result))
    if hasattr(result, "parts") or hasattr(result, "articles"):
        return result
    raise ParameterError(f"compare() got a {type(result).__name__} — pass analyze_corpus(...)'s result or "
                         "a results folder (newslab.open_results(DIR)).")


def table_parts(result: Any, table: str, columns: Sequence[str]) -> Iterator[pd.DataFrame]:
    """The ``columns`` of one table of ``result``: one DataFrame for an in-memory analysis, one
    per shard for a results folder (so a large folder is never read whole)."""
    if hasattr(result, "parts"):
        for df in result.parts(table, list(columns)):
            yield df[[c for c in columns if c in df.columns]]
        return
    df = getattr(result, table, None)
    if df is not None and len(df.columns):
        yield df[[c for c in columns if c in df.columns]]


def _period_labels(dates: pd.Series, freq: str | None, breaks: Sequence[str] | None) -> pd.Series:
    """A period label per date: by calendar ``freq`` ("Y", "Q", "M", "W") or between ``breaks``."""
    if breaks:
        try:
            cuts = sorted(pd.Timestamp(b) for b in breaks)
        except (ValueError, TypeError):
            raise ParameterError(f"period_breaks={list(breaks)!r}: give dates such as '2016-06-27'.") from None
        edges = [None, *cuts, None]
        names = []
        for lo, hi in zip(edges[:-1], edges[1:]):
            if lo is None:
                names.append(f"before {hi:%Y-%m-%d}")
            elif hi is None:
                names.append(f"from {lo:%Y-%m-%d}")
            else:
                names.append(f"{lo:%Y-%m-%d} – {hi - pd.Timedelta(days=1):%Y-%m-%d}")
        pos = np.searchsorted(np.array(cuts, dtype="datetime64[ns]"), dates.to_numpy(dtype="datetime64[ns]"),
                              side="right")
        out = pd.Series([names[p] if d == d else None for p, d in zip(pos, dates)], index=dates.index,
                        dtype="object")
        out.attrs["order"] = names  # periods in time order, not in alphabetical order
        return out
    freq = freq or "Y"
    if freq not in ("Y", "Q", "M", "W", "D"):
        raise ParameterError(f"freq={freq!r}: use 'Y', 'Q', 'M', 'W' or 'D' (or give period_breaks).")
    return dates.dt.to_period(freq).astype(str).where(dates.notna(), None)


def group_articles(result: Any, by: str = "source", *, freq: str | None = None,
                   breaks: Sequence[str] | None = None, groups: Sequence[str] | None = None) -> pd.Series:
    """doc_id → group label for every article that belongs to a chosen group.

    ``by`` is a column of the articles table (``source``, ``dateline`` …) or ``"period"``
    (calendar periods of ``freq``, or the spans between ``breaks`` dates). Articles without a
    value are left out; ``groups`` keeps only these labels, in this order.
    """
    cols = ["doc_id", "date"] + ([] if by in ("period", "date", "doc_id") else [by])
    arts = pd.concat(list(table_parts(result, "articles", cols)), ignore_index=True)
    if by == "period":
        dates = pd.to_datetime(arts["date"].astype("string").str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
        labels = _period_labels(dates, freq, breaks)
    elif by in arts.columns:
        labels = arts[by].astype("string").fillna("").str.strip().replace("", None).astype("object")
    else:
        cols = ", ".join(c for c in ("source", "dateline", "title", "url") if c)
        raise ParameterError(f"by={by!r} is not a column of the articles table — use 'period' or one of {cols}.")
    out = pd.Series(labels.to_numpy(), index=arts["doc_id"].astype(str).to_numpy(), dtype="object").dropna()
    out.attrs["order"] = labels.attrs.get("order", [])
    if groups:
        missing = [g for g in groups if g not in set(out)]
        if len(missing) == len(groups):
            found = ", ".join(sorted(set(out))[:8]) or "none"
            raise ParameterError(f"groups={list(groups)!r}: none is in the corpus (by={by!r} has {found}) — "
                                 "pass some of those, or an empty list for all.")
        out = out[out.isin(list(groups))]
        out.attrs["order"] = list(groups)
    return out


def group_order(labels: pd.Series, groups: Sequence[str] | None = None) -> list[str]:
    """The groups in the order asked for, else periods in time order, else sorted."""
    present = set(labels)
    order = list(groups or labels.attrs.get("order") or [])
    return [g for g in order if g in present] if order else sorted(present)


def is_results_folder(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is a folder written by ``analyze_corpus(..., out=path)``."""
    from .store import MANIFEST

    return Path(path).is_dir() and (Path(path) / MANIFEST).is_file()


def results_as_texts(results: Any, out: str | os.PathLike[str], max_articles: int | None = None,
                     text_column: str = "text") -> Path:
    """Write the articles of a results folder back as a JSONL corpus (``id``, ``title``,
    ``date``, ``source``, ``dateline``, ``url`` and the text: the stored sentences, one paragraph
    a line pair), read one part at a time, for notebooks whose sections need texts. Only the
    first ``max_articles`` when given. Returns ``out``."""
    import json

    results = _open(results)
    meta = pd.concat(list(table_parts(results, "articles", ["doc_id", "title", "date", "source", "dateline", "url"])),
                     ignore_index=True)
    meta = meta.assign(doc_id=meta["doc_id"].astype(str)).set_index("doc_id")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with open(out, "w", encoding="utf-8") as fh:
        for df in table_parts(results, "sentences", ["doc_id", "paragraph", "i", "text"]):
            for doc, g in df.assign(doc_id=df["doc_id"].astype(str)).groupby("doc_id", sort=False):
                if max_articles is not None and written >= max_articles:
                    return out
                paras = g.sort_values("i").groupby("paragraph", sort=True)["text"].apply(lambda t: " ".join(map(str, t)))
                m = meta.loc[doc] if doc in meta.index else pd.Series(dtype=object)
                row = {k: "" if pd.isna(m.get(k)) else str(m.get(k))[:10] if k == "date" else str(m.get(k))
                       for k in ("title", "date", "source", "dateline", "url")}
                fh.write(json.dumps({"id": doc, **row, text_column: "\n\n".join(paras)}, ensure_ascii=False) + "\n")
                written += 1
    return out


COMPARED_STEPS = ("sentences", "sentiment", "mentions", "quotes", "relations", "frames")  # all compare() reads


def load_analysis(path: str | os.PathLike[str], text_column: str = "text",
                  steps: Sequence[str] = COMPARED_STEPS) -> tuple[Any, Any]:
    """``(analysis, corpus)`` for a notebook's ``corpus`` parameter: a results folder is opened
    lazily (corpus None: the texts are not in it); anything else is loaded and analysed in memory
    (the ``steps`` that :func:`compare` reads: stance is not among them)."""
    if is_results_folder(path):
        from .store import open_results

        return open_results(path), None
    from .article import Corpus
    from .io import load_corpus
    from .pipeline import analyze_corpus

    lazy = load_corpus(path, text_column=text_column)
    docs = Corpus(list(lazy), name=lazy.name)  # held in memory: the lesson reads articles closely
    docs.skipped = list(lazy.skipped)
    return analyze_corpus(docs, steps=list(steps), cache=False), docs


# -- the bootstrap ---------------------------------------------------------------------------------
def _rng(seed: int, *key: str) -> np.random.Generator:
    """A generator per (seed, group, measure): a group's interval does not depend on the others."""
    return np.random.default_rng([seed, *(zlib.crc32(k.encode()) for k in key)])


def bootstrap_interval(n: int, statistic: Callable[[np.ndarray], np.ndarray], n_boot: int, rng: np.random.Generator,
                       confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval of ``statistic`` over ``n`` articles resampled with replacement.

    ``statistic(idx)`` gets an array of resampled article indices of shape ``(b, n)`` and returns
    one value (or one row of values) per resample. Resamples are drawn in batches so memory stays
    small for large groups.

    >>> x = np.array([0, 1] * 50, dtype=float)
    >>> lo, hi = bootstrap_interval(100, lambda idx: x[idx].mean(axis=1), 2000, np.random.default_rng(1))
    >>> bool(0.39 < lo < 0.42 and 0.58 < hi < 0.61)
    True
    """
    batch = max(1, min(n_boot, 2_000_000 // max(n, 1)))
    draws = []
    done = 0
    while done < n_boot:
        b = min(batch, n_boot - done)
        draws.append(np.asarray(statistic(rng.integers(0, n, size=(b, n))), dtype=float))
        done += b
    values = np.concatenate(draws, axis=0)
    tail = (1.0 - confidence) / 2.0
    with warnings.catch_warnings():  # a resample with no quotes at all gives NaN: ignored
        warnings.simplefilter("ignore", RuntimeWarning)
        lo, hi = np.nanquantile(values, [tail, 1.0 - tail], axis=0)
    return lo, hi


def wilson_interval(k: np.ndarray, n: int, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson's score interval for k of n: ``(k + z²/2)/(n + z²) ± z/(n + z²)·√(k(n−k)/n + z²/4)``.

    >>> lo, hi = wilson_interval(np.array([6, 0]), 6)
    >>> [round(float(x), 3) for x in (*lo, *hi)]
    [0.61, 0.0, 1.0, 0.39]
    """
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    k = np.asarray(k, dtype=float)
    centre = (k + z * z / 2.0) / (n + z * z)
    half = z / (n + z * z) * np.sqrt(k * (n - k) / n + z * z / 4.0)
    return np.clip(centre - half, 0.0, 1.0), np.clip(centre + half, 0.0, 1.0)


def share_interval(present: np.ndarray, n_boot: int, rng: np.random.Generator,
                   confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap interval of the share of articles (columns of a 0/1 matrix), except where every
    article agrees (k = 0 or k = n): the bootstrap cannot vary there and would give a zero-width,
    falsely certain interval, so Wilson's score interval is used instead."""
    n = present.shape[0]
    lo, hi = bootstrap_interval(n, lambda idx: present[idx].mean(axis=1), n_boot, rng, confidence)
    k = present.sum(axis=0)
    w_lo, w_hi = wilson_interval(k, n, confidence)
    unanimous = (k == 0) | (k == n)
    return np.where(unanimous, w_lo, lo), np.where(unanimous, w_hi, hi)


def _ratio(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> Callable[[np.ndarray], np.ndarray]:
    """Statistic: Σ num / Σ den over the resampled articles (num may have one column per item)."""
    def stat(idx: np.ndarray) -> np.ndarray:
        d = den[idx].sum(axis=1)
        n = num[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return scale * (n / (d[:, None] if n.ndim == 2 else d))
    return stat


def _pooled(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> np.ndarray:
    total = den.sum()
    return scale * num.sum(axis=0) / total if total else np.full(num.shape[1:] or (), np.nan)


# -- per-article matrices ----------------------------------------------------------------------------
def _frame_arrays(result: Any, labels: pd.Series, scheme: str | Sequence[str] | None) -> dict[str, Any]:
    """Per scheme: the frames, their labels and per-article ``present``/``hits`` matrices and words."""
    cols = ["doc_id", "scheme", "level", "frame", "label", "hits", "n_words", "present"]
    wanted = None if scheme is None else {scheme} if isinstance(scheme, str) else set(scheme)
    rows = []
    for df in table_parts(result, "frames", cols):
        if not set(cols) <= set(df.columns):
            continue  # the frames step did not run
        df = df[(df["level"].astype(str) == "article") & df["doc_id"].astype(str).isin(labels.index)]
        if wanted is not None:
            df = df[df["scheme"].astype(str).isin(wanted)]
        rows.append(df.astype({"doc_id": str, "scheme": str, "frame": str, "label": str}))
    frames = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=cols)
    out = {}
    docs = list(labels.index)
    for sch, g in frames.groupby("scheme", sort=True):
        present = g.pivot_table(index="doc_id", columns="frame", values="present", aggfunc="max").reindex(docs)
        hits = g.pivot_table(index="doc_id", columns="frame", values="hits", aggfunc="sum").reindex(docs)
        words = g.groupby("doc_id")["n_words"].max().reindex(docs)
        order = list(dict.fromkeys(g["frame"]))
        out[sch] = {"frames": order, "labels": g.drop_duplicates("frame").set_index("frame")["label"].to_dict(),
                    "present": present[order].fillna(False).astype(bool).to_numpy(),
                    "hits": hits[order].fillna(0).to_numpy(dtype=float),
                    "words": words.fillna(0).to_numpy(dtype=float), "scored": words.notna().to_numpy()}
    return out


def _per_article(result: Any, labels: pd.Series, table: str, columns: Sequence[str],
                 reduce: Callable[[pd.DataFrame], pd.DataFrame]) -> pd.DataFrame:
    """Reduce a table part by part to one row per article (doc_id index), then sum the parts."""
    got = []
    for df in table_parts(result, table, ["doc_id", *columns]):
        if not {"doc_id", *columns} <= set(df.columns):
            continue  # the step that makes these columns did not run
        df = df[df["doc_id"].astype(str).isin(labels.index)]
        if len(df):
            got.append(reduce(df.assign(doc_id=df["doc_id"].astype(str))))
    if not got:
        return pd.DataFrame(index=pd.Index(list(labels.index), name="doc_id"))
    out = pd.concat(got).groupby(level=0).sum()
    return out.reindex(list(labels.index)).fillna(0)


# -- frames ----------------------------------------------------------------------------------------
def _frames_table(arrays: dict[str, Any], labels: pd.Series, order: list[str], opts: dict[str, Any]) -> pd.DataFrame:
    """Share of articles with each frame present and its rate per 1,000 words, per group, with intervals."""
    cols = ["scheme", "frame", "label", "group", "articles", "present", "share", "share_low", "share_high",
            "hits", "words", "per_1000", "per_1000_low", "per_1000_high", "small"]
    rows = []
    lab = labels.to_numpy()
    for sch, a in arrays.items():
        nf = len(a["frames"])
        for g in order:
            m = (lab == g) & a["scored"]
            n = int(m.sum())
            present, hits, words = a["present"][m].astype(float), a["hits"][m], a["words"][m]
            small = n < opts["min_articles"]
            nan = np.full(nf, np.nan)
            share, rate = (nan, nan) if small else (present.mean(axis=0), _pooled(hits, words, 1000.0))
            s_lo = s_hi = r_lo = r_hi = nan
            if not small:
                s_lo, s_hi = share_interval(present, opts["n_boot"], _rng(opts["seed"], sch, g, "share"),
                                            opts["confidence"])
                r_lo, r_hi = bootstrap_interval(n, _ratio(hits, words, 1000.0), opts["n_boot"],
                                                _rng(opts["seed"], sch, g, "rate"), opts["confidence"])
            for j, f in enumerate(a["frames"]):
                rows.append({"scheme": sch, "frame": f, "label": a["labels"].get(f, f), "group": g, "articles": n,
                             "present": int(present[:, j].sum()), "share": share[j], "share_low": s_lo[j],
                             "share_high": s_hi[j], "hits": int(hits[:, j].sum()), "words": int(words.sum()),
                             "per_1000": rate[j], "per_1000_low": r_lo[j], "per_1000_high": r_hi[j], "small": small})
    return pd.DataFrame(rows, columns=cols)


def _group_sums(codes: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Per row of permuted group codes ``(b, n)``: the sum of ``values`` in each of ``k`` groups."""
    b = codes.shape[0]
    flat = (codes + k * np.arange(b)[:, None]).ravel()
    return np.bincount(flat, weights=np.tile(values, b), minlength=b * k).reshape(b, k)


def _rate_dispersion(hits: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Σ_g W_g (r_g − r)²: how far the groups' pooled rates lie from the overall rate."""
    total_w = words.sum(axis=-1, keepdims=True)
    overall = hits.sum(axis=-1, keepdims=True) / np.where(total_w > 0, total_w, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = np.where(words > 0, hits / np.where(words > 0, words, 1), overall)
    return (words * (rates - overall) ** 2).sum(axis=-1)


def _permutation_p(codes: np.ndarray, k: int, observed: float, statistic: Callable[[np.ndarray], np.ndarray],
                   n_perm: int, rng: np.random.Generator) -> float:
    """Share of label shuffles whose statistic reaches the observed one: (1 + #≥) / (1 + n_perm)."""
    n = len(codes)
    batch = max(1, min(n_perm, 1_000_000 // max(n, 1)))
    reached = done = 0
    while done < n_perm:
        b = min(batch, n_perm - done)
        perm = rng.permuted(np.tile(codes, (b, 1)), axis=1)
        reached += int((statistic(perm) >= observed - 1e-12).sum())
        done += b
    return (1 + reached) / (1 + n_perm)


def presence_test(present: np.ndarray, codes: np.ndarray, k: int, n_perm: int,
                  rng: np.random.Generator) -> tuple[str, float, float]:
    """(test name, statistic, p) for "is a frame present equally often in the k groups?"

    Two groups: Pearson's chi-square, or Fisher's exact test when an expected count is below 5.
    More groups: chi-square, with a permutation p-value when an expected count is below 5.

    >>> codes = np.array([0] * 10 + [1] * 10)
    >>> test, stat, p = presence_test(np.array([1] * 9 + [0] + [1] + [0] * 9), codes, 2, 0, None)
    >>> test, round(p, 4)
    ('chi-square', 0.0003)
    """
    pos = np.bincount(codes, weights=present.astype(float), minlength=k)
    tot = np.bincount(codes, minlength=k).astype(float)
    table = [[p, t - p] for p, t in zip(pos, tot)]
    x2, df, p = chi_square(table)
    small_expected = min(min(r) for r in expected_counts(table)) < 5
    if not small_expected or df == 0:
        return "chi-square", x2, p
    if k == 2:
        (a, b), (c, d) = table
        return "fisher", x2, fisher_exact(int(a), int(b), int(c), int(d))

    def stat(perm: np.ndarray) -> np.ndarray:
        pos_p = _group_sums(perm, present.astype(float), k)
        exp_p = tot * pos_p.sum(axis=1, keepdims=True) / tot.sum()
        exp_n = tot - exp_p
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.nansum((pos_p - exp_p) ** 2 / exp_p + ((tot - pos_p) - exp_n) ** 2 / exp_n, axis=1)
    return "chi-square (permutation)", x2, _permutation_p(codes, k, x2, stat, n_perm, rng)


def rate_test(hits: np.ndarray, words: np.ndarray, codes: np.ndarray, k: int, n_perm: int,
              rng: np.random.Generator) -> float:
    """Permutation p-value for "do the groups use a frame's words at the same rate?": the
    statistic Σ_g W_g (r_g − r)² over the pooled rates r_g = hits_g / words_g, recomputed with
    the articles' group labels shuffled ``n_perm`` times."""
    observed = float(_rate_dispersion(np.bincount(codes, weights=hits, minlength=k),
                                      np.bincount(codes, weights=words, minlength=k)))
    if observed <= 0:
        return 1.0
    return _permutation_p(codes, k, observed,
                          lambda perm: _rate_dispersion(_group_sums(perm, hits, k), _group_sums(perm, words, k)),
                          n_perm, rng)


def _comparisons(ok: list[str]) -> list[tuple[str, list[str]]]:
    pairs = [(f"{a} vs {b}", [a, b]) for i, a in enumerate(ok) for b in ok[i + 1:]]
    return ([("all groups", ok)] if len(ok) > 2 else []) + pairs


def _frame_tests(arrays: dict[str, Any], labels: pd.Series, ok: list[str], opts: dict[str, Any]) -> pd.DataFrame:
    """One row per (scheme, frame, comparison); BH-adjusted across the frames of each family."""
    cols = ["scheme", "frame", "label", "comparison", "groups", "articles", "test", "statistic", "p_presence",
            "p_presence_adj", "p_rate", "p_rate_adj", "significant", "rate_significant", "highest", "lowest", "share_diff", "rate_diff"]
    rows = []
    lab = labels.to_numpy()
    for sch, a in arrays.items():
        for name, gs in _comparisons(ok):
            m = np.isin(lab, gs) & a["scored"]
            codes = np.array([gs.index(x) for x in lab[m]], dtype=int)
            k = len(gs)
            family = []
            for j, f in enumerate(a["frames"]):
                pres, hits, words = a["present"][m, j], a["hits"][m, j], a["words"][m]
                rng = _rng(opts["seed"], sch, f, name)
                test, stat, p = presence_test(pres, codes, k, opts["n_perm"], rng)
                p_rate = rate_test(hits, words, codes, k, opts["n_perm"], rng)
                share = np.bincount(codes, weights=pres.astype(float), minlength=k) / np.bincount(codes, minlength=k)
                w = np.bincount(codes, weights=words, minlength=k)
                rate = 1000.0 * np.bincount(codes, weights=hits, minlength=k) / np.where(w > 0, w, np.nan)
                family.append({"scheme": sch, "frame": f, "label": a["labels"].get(f, f), "comparison": name,
                               "groups": k, "articles": int(m.sum()), "test": test, "statistic": stat,
                               "p_presence": p, "p_rate": p_rate, "highest": gs[int(np.argmax(share))],
                               "lowest": gs[int(np.argmin(share))],
                               "share_diff": float(share[0] - share[1]) if k == 2 else float(share.max() - share.min()),
                               "rate_diff": float(rate[0] - rate[1]) if k == 2 else float(np.nanmax(rate) - np.nanmin(rate))})
            for key in ("presence", "rate"):
                for r, adj in zip(family, benjamini_hochberg([r[f"p_{key}"] for r in family])):
                    r[f"p_{key}_adj"] = adj
            for r in family:
                r["significant"] = bool(r["p_presence_adj"] < opts["alpha"])
                r["rate_significant"] = bool(r["p_rate_adj"] < opts["alpha"])
            rows += family
    # (typed even when no group is big enough to test: an empty object column is no boolean mask)
    return pd.DataFrame(rows, columns=cols).astype({"significant": bool, "rate_significant": bool})


# -- voices, dyad, actors, sentiment ------------------------------------------------------------------
def _interval_rows(labels: pd.Series, order: list[str], matrix: pd.DataFrame, num_cols: list[str], den: str,
                   opts: dict[str, Any], what: str, scale: float = 1.0, shares: bool = False) -> list[dict[str, Any]]:
    """Per group and item: Σ item / Σ den over the group's articles, with a bootstrap interval
    (``shares``: 0/1 items over one per article, see :func:`share_interval`)."""
    rows = []
    lab = labels.to_numpy()
    for g in order:
        m = lab == g
        n = int(m.sum())
        num = matrix[num_cols].to_numpy(dtype=float)[m]
        d = matrix[den].to_numpy(dtype=float)[m]
        small = n < opts["min_articles"]
        value = np.full(len(num_cols), np.nan) if small or d.sum() == 0 else _pooled(num, d, scale)
        lo = hi = np.full(len(num_cols), np.nan)
        if not small and d.sum() > 0 and shares:
            lo, hi = share_interval(num, opts["n_boot"], _rng(opts["seed"], g, what), opts["confidence"])
        elif not small and d.sum() > 0:
            lo, hi = bootstrap_interval(n, _ratio(num, d, scale), opts["n_boot"], _rng(opts["seed"], g, what),
                                        opts["confidence"])
        for j, c in enumerate(num_cols):
            rows.append({"group": g, "item": c, "articles": n, "count": float(num[:, j].sum()),
                         "total": float(d.sum()), "value": value[j], "low": lo[j], "high": hi[j], "small": small})
    return rows


def _voices(result: Any, labels: pd.Series, order: list[str], opts: dict[str, Any]) -> pd.DataFrame:
    """Each side's share of the quoted words, per group."""
    cols = ["group", "side", "articles", "quotes", "quoted_words", "all_quoted_words", "share", "low", "high", "small"]

    def reduce(df: pd.DataFrame) -> pd.DataFrame:
        side = df["side"].astype("string").fillna("").replace("", "(no side)")
        words = df["text"].astype("string").fillna("").str.count(WORD_RE)
        t = pd.DataFrame({"doc_id": df["doc_id"], "side": side, "w": words, "q": 1})
        w = t.pivot_table(index="doc_id", columns="side", values="w", aggfunc="sum", fill_value=0)
        q = t.pivot_table(index="doc_id", columns="side", values="q", aggfunc="sum", fill_value=0)
        return pd.concat([w.add_prefix("w:"), q.add_prefix("q:")], axis=1)

    per = _per_article(result, labels, "quotes", ["side", "text"], reduce)
    sides = sorted(c[2:] for c in per.columns if c.startswith("w:"))
    if not sides:
        return pd.DataFrame(columns=cols)
    per["__all"] = per[[f"w:{s}" for s in sides]].sum(axis=1)
    rows = _interval_rows(labels, order, per, [f"w:{s}" for s in sides], "__all", opts, "voices")
    quotes = {(g, s): int(per.loc[labels.index[labels.to_numpy() == g], f"q:{s}"].sum()) for g in order for s in sides}
    out = pd.DataFrame([{"group": r["group"], "side": r["item"][2:], "articles": r["articles"],
                         "quotes": quotes[(r["group"], r["item"][2:])], "quoted_words": int(r["count"]),
                         "all_quoted_words": int(r["total"]), "share": r["value"], "low": r["low"],
                         "high": r["high"], "small": r["small"]} for r in rows], columns=cols)
    return out[out["quotes"] > 0].reset_index(drop=True)


def _dyad(result: Any, labels: pd.Series, order: list[str], opts: dict[str, Any]) -> pd.DataFrame:
    """Net event score between the two sides per group: mean weight of current events."""
    cols = ["group", "articles", "articles_with_events", "n_events", "n_current", "net", "low", "high", "net_all",
            "small"]
    pair = {opts["side_a"], opts["side_b"]}

    def reduce(df: pd.DataFrame) -> pd.DataFrame:
        keep = [{s, t} == pair for s, t in zip(df["source_side"].astype(str), df["target_side"].astype(str))]
        df = df[keep]
        cur = df["time"].astype(str) == "current"
        w = df["weight"].astype(float)
        t = pd.DataFrame({"doc_id": df["doc_id"], "n_all": 1, "w_all": w, "n_cur": cur.astype(int),
                          "w_cur": w.where(cur, 0.0)})
        return t.groupby("doc_id").sum()

    per = _per_article(result, labels, "relations", ["source_side", "target_side", "time", "weight"], reduce)
    for c in ("n_all", "w_all", "n_cur", "w_cur"):
        per[c] = per[c] if c in per.columns else 0.0
    rows = []
    lab = labels.to_numpy()
    for g in order:
        m = lab == g
        sub = per[m]
        with_events = int((sub["n_cur"] > 0).sum())
        small = int(m.sum()) < opts["min_articles"] or with_events < opts["min_articles"]
        net = lo = hi = float("nan")
        if not small:
            net = float(sub["w_cur"].sum() / sub["n_cur"].sum())
            lo, hi = bootstrap_interval(int(m.sum()), _ratio(sub["w_cur"].to_numpy(), sub["n_cur"].to_numpy()),
                                        opts["n_boot"], _rng(opts["seed"], g, "dyad"), opts["confidence"])
        rows.append({"group": g, "articles": int(m.sum()), "articles_with_events": with_events,
                     "n_events": int(sub["n_all"].sum()), "n_current": int(sub["n_cur"].sum()), "net": net,
                     "low": float(lo), "high": float(hi),
                     "net_all": float(sub["w_all"].sum() / sub["n_all"].sum()) if sub["n_all"].sum() else float("nan"),
                     "small": small})
    return pd.DataFrame(rows, columns=cols)


def _actors(result: Any, labels: pd.Series, order: list[str], words: pd.Series, opts: dict[str, Any]) -> pd.DataFrame:
    """Share of articles mentioning each of the most mentioned actors, and mentions per 1,000 words."""
    cols = ["group", "actor", "side", "articles", "mentioning", "share", "low", "high", "mentions", "per_1000", "small"]
    sides: dict[str, str] = {}

    def reduce(df: pd.DataFrame) -> pd.DataFrame:
        df = df[df["actor"].astype("string").fillna("") != ""]
        for a, s in zip(df["actor"].astype(str), df["side"].astype("string").fillna("")):
            sides.setdefault(a, str(s))
        return df.assign(n=1).pivot_table(index="doc_id", columns="actor", values="n", aggfunc="sum", fill_value=0)

    per = _per_article(result, labels, "mentions", ["actor", "side"], reduce)
    totals = per.sum()
    top = sorted(totals.index, key=lambda a: (-totals[a], a))[:opts["top_actors"]]  # ties: by name
    if not top:
        return pd.DataFrame(columns=cols)
    mentioned = (per[top] > 0).astype(float).assign(__n=1.0)
    share_rows = _interval_rows(labels, order, mentioned, top, "__n", opts, "actors", shares=True)
    lab = labels.to_numpy()
    w = words.reindex(labels.index).fillna(0).to_numpy(dtype=float)
    rows = []
    for r in share_rows:
        m = lab == r["group"]
        mentions = int(per.loc[m, r["item"]].sum())
        rows.append({"group": r["group"], "actor": r["item"], "side": sides.get(r["item"], ""),
                     "articles": r["articles"], "mentioning": int(r["count"]), "share": r["value"], "low": r["low"],
                     "high": r["high"], "mentions": mentions,
                     "per_1000": float("nan") if r["small"] or not w[m].sum() else 1000.0 * mentions / w[m].sum(),
                     "small": r["small"]})
    return pd.DataFrame(rows, columns=cols)


def _sentiment(result: Any, labels: pd.Series, order: list[str], opts: dict[str, Any]) -> pd.DataFrame:
    """Mean article tone per group (each article: the mean of its sentence scores)."""
    cols = ["group", "articles", "sentences", "tone", "low", "high", "negative_share", "small"]

    def reduce(df: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({"doc_id": df["doc_id"], "s": df["score"].astype(float), "n": 1,
                             "neg": (df["label"].astype(str) == "neg").astype(int)}).groupby("doc_id").sum()

    per = _per_article(result, labels, "sentences", ["score", "label"], reduce)
    if "s" not in per.columns:
        return pd.DataFrame(columns=cols)
    rows = []
    lab = labels.to_numpy()
    for g in order:
        sub = per[(lab == g)]
        sub = sub[sub["n"] > 0]
        tone_per_article = (sub["s"] / sub["n"]).to_numpy()
        n = len(tone_per_article)
        small = n < opts["min_articles"]
        lo = hi = float("nan")
        if not small:
            lo, hi = bootstrap_interval(n, lambda idx: tone_per_article[idx].mean(axis=1), opts["n_boot"],
                                        _rng(opts["seed"], g, "tone"), opts["confidence"])
        rows.append({"group": g, "articles": n, "sentences": int(sub["n"].sum()),
                     "tone": float("nan") if small else float(tone_per_article.mean()), "low": float(lo),
                     "high": float(hi),
                     "negative_share": float("nan") if small else float(sub["neg"].sum() / sub["n"].sum()),
                     "small": small})
    return pd.DataFrame(rows, columns=cols)


# -- the entry point -------------------------------------------------------------------------------------
def _words_per_article(result: Any, labels: pd.Series, arrays: dict[str, Any]) -> pd.Series:
    """Word tokens per article (as frames count them); tokens from the articles table without frames."""
    for a in arrays.values():
        return pd.Series(a["words"], index=labels.index)
    arts = pd.concat(list(table_parts(result, "articles", ["doc_id", "n_tokens"])), ignore_index=True)
    return arts.assign(doc_id=arts["doc_id"].astype(str)).set_index("doc_id")["n_tokens"].reindex(labels.index)


def _groups_table(labels: pd.Series, order: list[str], words: pd.Series, min_articles: int) -> pd.DataFrame:
    rows = []
    for g in order:
        docs = labels.index[labels.to_numpy() == g]
        n = len(docs)
        small = n < min_articles
        rows.append({"group": g, "articles": n, "words": int(words.reindex(docs).fillna(0).sum()), "small": small,
                     "note": f"only {n} article(s): counts shown, no share or interval (fewer than {min_articles})"
                     if small else ""})
    return pd.DataFrame(rows, columns=["group", "articles", "words", "small", "note"])


def compare(result: Any, by: str = "source", *, groups: Sequence[str] | None = None, freq: str | None = None,
            breaks: Sequence[str] | None = None, scheme: str | Sequence[str] | None = None,
            side_a: str = "Russia", side_b: str = "Turkey", confidence: float = 0.95, n_boot: int = 1000,
            n_perm: int = 2000, seed: int = 0, min_articles: int = 5, alpha: float = 0.05,
            top_actors: int = 10) -> Comparison:
    """Compare groups of articles of a corpus analysis (see the module notes for every method).

    Parameters
    ----------
    result : the value of ``analyze_corpus(corpus)``, ``analyze_corpus(corpus, out=DIR)``,
        ``newslab.open_results(DIR)``, or the path of a results folder.
    by : a column of the articles table (``"source"``, the default), or ``"period"``.
    groups : the group labels to keep, in this order (default: all, sorted).
    freq, breaks : with ``by="period"``: calendar periods ("Y", "Q", "M", "W"; default "Y"), or
        the dates that start new periods (``["2016-06-27", "2019-07-12"]``).
    scheme : frame scheme(s) to compare (default: every scheme in the result).
    side_a, side_b : the dyad of the ``dyad`` table.
    confidence, n_boot, seed : bootstrap intervals (articles resampled ``n_boot`` times, seeded).
    n_perm : label shuffles of the permutation tests.
    min_articles : groups with fewer articles get counts only (``small=True``) and a warning.
    alpha : the false discovery rate of the ``significant`` columns (Benjamini–Hochberg).
    """
    if not 0 < confidence < 1:
        raise ParameterError(f"confidence={confidence!r}: give a share between 0 and 1, such as 0.95.")
    if n_boot < 100 or n_perm < 0 or min_articles < 2:
        raise ParameterError(f"n_boot={n_boot}, n_perm={n_perm}, min_articles={min_articles}: use n_boot ≥ 100, "
                             "n_perm ≥ 0 and min_articles ≥ 2.")
    result = _open(result)
    labels = group_articles(result, by, freq=freq, breaks=breaks, groups=groups)
    if labels.empty:
        what = "a date" if by == "period" else f"a {by}"
        raise ParameterError(f"by={by!r}: no article has {what}, so there are no groups to compare — give the "
                             f"articles {what} (a .meta.yml beside each .txt, or a CSV/JSONL column) or compare "
                             "by another column.")
    order = group_order(labels, groups)
    opts = {"n_boot": n_boot, "n_perm": n_perm, "seed": seed, "confidence": confidence, "alpha": alpha,
            "min_articles": min_articles, "side_a": side_a, "side_b": side_b, "top_actors": top_actors}
    arrays = _frame_arrays(result, labels, scheme)
    words = _words_per_article(result, labels, arrays)
    table = _groups_table(labels, order, words, min_articles)
    small = [g for g, s in zip(table["group"], table["small"]) if s]
    if small:
        warnings.warn(f"{', '.join(small)}: fewer than {min_articles} articles each — shown as counts only, "
                      "left out of the tests.", SmallGroupWarning, stacklevel=2)
    ok = [g for g in order if g not in small]
    return Comparison(groups=table, frames=_frames_table(arrays, labels, order, opts),
                      frame_tests=_frame_tests(arrays, labels, ok, opts),
                      voices=_voices(result, labels, order, opts), dyad=_dyad(result, labels, order, opts),
                      actors=_actors(result, labels, order, words, opts),
                      sentiment=_sentiment(result, labels, order, opts),
                      params={"by": by, "groups": order, "freq": freq, "breaks": list(breaks or []),
                              "scheme": scheme, **opts})


def frame_terms_by_group(result: Any, labels: pd.Series, scheme: str, frame: str, top: int = 8) -> pd.DataFrame:
    """The dictionary terms behind a frame, per group: the evidence to read before trusting a
    difference (group, term, hits, articles), most used first."""
    from .store import frame_terms

    result = _open(result)
    cols = ["doc_id", "scheme", "frame", "term", "text"]
    if hasattr(result, "parts"):
        parts = table_parts(result, "frame_terms", cols)
    else:
        parts = (frame_terms(df) for df in table_parts(result, "frames", ["doc_id", "date", "scheme", "frame", "terms"]))
    got = []
    for df in parts:
        df = df[(df["scheme"].astype(str) == scheme) & (df["frame"].astype(str) == frame)]
        got.append(df.assign(doc_id=df["doc_id"].astype(str))[["doc_id", "term"]])
    terms = pd.concat(got, ignore_index=True) if got else pd.DataFrame(columns=["doc_id", "term"])
    terms = terms[terms["doc_id"].isin(labels.index)].assign(group=lambda d: d["doc_id"].map(labels))
    out = (terms.groupby(["group", "term"]).agg(hits=("doc_id", "size"), articles=("doc_id", "nunique"))
           .reset_index().sort_values(["group", "hits", "term"], ascending=[True, False, True]))
    return out.groupby("group", sort=False).head(top).reset_index(drop=True)
