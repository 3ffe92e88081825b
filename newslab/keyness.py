"""Keyness between two groups of texts: which words one outlet (or period) uses more than another.

For every word, the 2 × 2 table of its count in the target (``a``) and the reference (``b``)
against the counts of all other words (``c = N_target − a``, ``d = N_reference − b``) gives,
as quanteda's ``textstat_keyness(measure = "lr")`` reports them:

* ``G2`` — the log-likelihood ratio ``G² = 2 Σ O · ln(O / E)`` over the four cells, with
  ``E = row total × column total / N`` (Dunning 1993), divided by **Williams's correction**
  ``q = 1 + (N/(a+b) + N/(c+d) − 1) · (N/(a+c) + N/(b+d) − 1) / (6N)`` (Williams 1976; ``q = 1``
  when a cell is zero, as quanteda does), and **signed**: positive when the target uses the word
  more than expected (``a > E₁₁``), negative when less. quanteda's documentation names Williams
  as the default correction for ``lr``; ``correction="none"`` gives the plain G².
* ``p`` — ``P(χ²₁ ≥ |G2|)``, the chi-square tail with one degree of freedom, as quanteda.
* ``log_ratio`` — the effect size: ``log2((a / N_target) / (b / N_reference))`` (Hardie 2014),
  with 0.5 in place of a zero count so that a word absent from one side has a finite value. One
  point is a doubling. G² says how sure we are that there is a difference; the log ratio says how
  big it is — a very common word can be significant with a tiny log ratio.
* ``p_adj`` — Benjamini–Hochberg across the words tested (many words, many chances).

Words are lower-cased word tokens of the sentences (punctuation dropped); stopwords
(newslab's list, ``resources/stopwords_en.txt``, or your own) and words seen fewer than
``min_count`` times in both groups together are left out before testing.

>>> kw = keyness(["war war war talks", "war attack"], ["talks talks trade", "trade talks war"],
...              stopwords=False, min_count=1)
>>> kw[["feature", "n_target", "n_reference"]].head(2).values.tolist()
[['war', 4, 1], ['attack', 1, 0]]
"""
from __future__ import annotations

import math
import os
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from .errors import ParameterError
from .stats import benjamini_hochberg, chi2_sf
from .tokenize import is_word, iter_tokens, stopwords as default_stopwords

__all__ = ["keyness", "keyness_between", "g2_williams", "word_counts"]
COLUMNS = ["feature", "G2", "p", "p_adj", "n_target", "n_reference", "target_per_1000", "reference_per_1000",
           "log_ratio"]


def g2_williams(a: float, b: float, n_target: float, n_reference: float, correction: str = "williams") -> float:
    """Signed G² of one word (``a`` of ``n_target`` words in the target, ``b`` of ``n_reference``).

    >>> round(g2_williams(6, 2, 10, 20), 4), round(g2_williams(6, 2, 10, 20, "none"), 4)
    (7.7143, 8.3314)
    """
    c, d = n_target - a, n_reference - b
    n = a + b + c + d
    cells = [(a, (a + b) * (a + c) / n), (b, (a + b) * (b + d) / n), (c, (c + d) * (a + c) / n),
             (d, (c + d) * (b + d) / n)]
    g2 = 2.0 * sum(o * math.log(o / e) for o, e in cells if o > 0)  # 0 · ln 0 = 0
    if correction == "williams" and a * b * c * d != 0:
        g2 /= 1.0 + (n / (a + b) + n / (c + d) - 1.0) * (n / (a + c) + n / (b + d) - 1.0) / (6.0 * n)
    elif correction not in ("williams", "none"):
        raise ParameterError(f"correction={correction!r}: use 'williams' (quanteda's default for G²) or 'none'.")
    return g2 if a > cells[0][1] else -g2


def _stopword_set(stopwords: bool | str | os.PathLike[str] | Iterable[str]) -> frozenset[str]:
    if stopwords is True:
        return default_stopwords()
    if stopwords is False or stopwords is None:
        return frozenset()
    if isinstance(stopwords, (str, os.PathLike)):
        path = Path(stopwords)
        if not path.is_file():
            raise ParameterError(f"stopwords={str(stopwords)!r}: no such file — pass a text file of one word a "
                                 "line, a list of words, True (newslab's list) or False (none).")
        lines = path.read_text(encoding="utf-8").splitlines()
        return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))
    return frozenset(w.lower() for w in stopwords)


def word_counts(texts: Iterable[str], stopwords: bool | str | os.PathLike[str] | Iterable[str] = True) -> Counter:
    """Lower-cased word tokens of ``texts`` (newslab's tokenizer; punctuation and stopwords dropped).

    >>> word_counts(["The talks, the TALKS!"], stopwords=["the"])
    Counter({'talks': 2})
    """
    stops = _stopword_set(stopwords)
    counts: Counter = Counter()
    for text in texts:
        counts.update(w for w in (t.lower() for _, _, t in iter_tokens(str(text))) if is_word(w) and w not in stops)
    return counts


def _texts(obj: Any) -> list[str]:
    """Sentence texts of an Article, a Corpus / list of articles, or plain strings."""
    if isinstance(obj, str):
        return [obj]
    if hasattr(obj, "sentences") and hasattr(obj, "text"):
        return [s.text for s in obj.sentences]
    out: list[str] = []
    for item in obj:
        out += _texts(item)
    return out


def keyness(target: Any, reference: Any, *, stopwords: bool | str | os.PathLike[str] | Iterable[str] = True,
            min_count: int = 2, correction: str = "williams", top: int | None = None) -> pd.DataFrame:
    """Keyness of every word of ``target`` against ``reference`` (texts, articles, or word Counters).

    Returns one row per word — feature, G2, p, p_adj, n_target, n_reference, target_per_1000,
    reference_per_1000, log_ratio — sorted by G2, most over-used in the target first (under-used
    words, with negative G2, last), ties by feature.
    """
    if min_count < 1:
        raise ParameterError(f"min_count={min_count}: give a whole number of at least 1.")
    t = target if isinstance(target, Counter) else word_counts(_texts(target), stopwords)
    r = reference if isinstance(reference, Counter) else word_counts(_texts(reference), stopwords)
    nt, nr = sum(t.values()), sum(r.values())
    if not nt or not nr:
        raise ParameterError("keyness needs words on both sides — the target or the reference is empty "
                             "(check the groups, or pass stopwords=False).")
    rows = []
    for w in sorted(set(t) | set(r)):
        a, b = t[w], r[w]
        if a + b < min_count:
            continue
        g2 = g2_williams(a, b, nt, nr, correction)
        rows.append({"feature": w, "G2": g2, "p": chi2_sf(abs(g2), 1), "n_target": a, "n_reference": b,
                     "target_per_1000": 1000.0 * a / nt, "reference_per_1000": 1000.0 * b / nr,
                     "log_ratio": math.log2(((a or 0.5) / nt) / ((b or 0.5) / nr))})
    df = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "p_adj"])
    df.insert(3, "p_adj", benjamini_hochberg(df["p"]))
    df = df.sort_values(["G2", "feature"], ascending=[False, True], ignore_index=True)
    df.attrs.update({"n_target_words": nt, "n_reference_words": nr, "correction": correction})
    return df.head(top) if top else df


def keyness_between(result: Any, target: str, reference: str | None = None, by: str = "source", *,
                    freq: str | None = None, breaks: Iterable[str] | None = None, **options: Any) -> pd.DataFrame:
    """Keyness of one group of a corpus analysis (in memory or a results folder) against another
    group, or against all the other articles when ``reference`` is None. The sentences table is
    read part by part; ``options`` go to :func:`keyness`."""
    from .compare import group_articles, table_parts

    labels = group_articles(result if not isinstance(result, (str, os.PathLike)) else _results(result), by,
                            freq=freq, breaks=list(breaks or []) or None)
    if target not in set(labels):
        raise ParameterError(f"target={target!r} is not a group of by={by!r} — use one of "
                             f"{', '.join(sorted(set(labels))[:8])}.")
    stops = options.pop("stopwords", True)
    t, r = Counter(), Counter()
    source = _results(result) if isinstance(result, (str, os.PathLike)) else result
    for df in table_parts(source, "sentences", ["doc_id", "text"]):
        group = df["doc_id"].astype(str).map(labels)
        t.update(word_counts(df.loc[group == target, "text"].astype(str), stops))
        other = group.notna() & (group != target) if reference is None else group == reference
        r.update(word_counts(df.loc[other, "text"].astype(str), stops))
    out = keyness(t, r, **options)
    out.attrs.update({"target": target, "reference": reference or "all other articles", "by": by})
    return out


def _results(path: str | os.PathLike[str]) -> Any:
    from .store import open_results

    return open_results(path)
