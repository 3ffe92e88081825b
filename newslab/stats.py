"""Small, exact statistics for comparing groups of articles, in pure Python and numpy.

newslab does not depend on scipy, so the few distributions it needs are written here, each with
its formula. They are checked against values computed by hand in ``tests/test_compare.py``.

* :func:`chi2_sf` — the upper tail of the chi-square distribution, ``P(X ≥ x)`` for ``df``
  degrees of freedom: the regularized upper incomplete gamma function ``Q(df/2, x/2)``
  (series for ``x < a + 1``, Lentz continued fraction otherwise; Press et al., *Numerical
  Recipes*, §6.2). For ``df = 1`` it equals ``erfc(sqrt(x/2))``.
* :func:`chi_square` — Pearson's ``X² = Σ (O − E)² / E`` over an r × c table of counts with
  ``E = row total × column total / N``, ``df = (r − 1)(c − 1)``, no continuity correction.
* :func:`fisher_exact` — two-sided Fisher exact test of a 2 × 2 table: the sum of the
  hypergeometric probabilities of every table with the same margins that is no more likely than
  the observed one (R's ``fisher.test`` convention, relative tolerance 1e-7).
* :func:`benjamini_hochberg` — adjusted p-values ``p_(i) · m / i``, made monotone from the
  largest down and capped at 1 (Benjamini & Hochberg 1995), so that rejecting every adjusted
  p < q keeps the expected false discovery rate at most q.

>>> round(chi2_sf(3.841458820694124, 1), 6)
0.05
>>> round(fisher_exact(9, 1, 1, 9), 6)  # 2 · (C(10,9)·C(10,1) + 1) / C(20,10)
0.001093
>>> benjamini_hochberg([0.01, 0.03, 0.02, 0.5])
[0.04, 0.04, 0.04, 0.5]
"""
from __future__ import annotations

import math
from typing import Iterable, Sequence

__all__ = ["chi2_sf", "chi_square", "fisher_exact", "benjamini_hochberg"]


def _gamma_series(a: float, x: float) -> float:
    """P(a, x), the regularized lower incomplete gamma, by its power series."""
    term = total = 1.0 / a
    n = a
    for _ in range(10_000):
        n += 1.0
        term *= x / n
        total += term
        if abs(term) < abs(total) * 1e-15:
            break
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _gamma_fraction(a: float, x: float) -> float:
    """Q(a, x), the regularized upper incomplete gamma, by Lentz's continued fraction."""
    tiny = 1e-300
    b = x + 1.0 - a
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def chi2_sf(x: float, df: int) -> float:
    """``P(X ≥ x)`` for a chi-square variable with ``df`` degrees of freedom.

    >>> round(chi2_sf(5.991464547107979, 2), 6), chi2_sf(0.0, 3)
    (0.05, 1.0)
    """
    if df < 1:
        raise ValueError(f"df={df}: the chi-square distribution needs at least one degree of freedom.")
    if not x > 0:
        return 1.0
    if df == 1:
        return math.erfc(math.sqrt(x / 2.0))
    a, half = df / 2.0, x / 2.0
    if half < a + 1.0:
        return max(0.0, 1.0 - _gamma_series(a, half))
    return min(1.0, _gamma_fraction(a, half))


def chi_square(table: Sequence[Sequence[float]]) -> tuple[float, int, float]:
    """Pearson's chi-square test of independence: ``(X², df, p)``; rows or columns that are all
    zero are left out (they carry no information and would divide by zero).

    >>> x2, df, p = chi_square([[9, 1], [1, 9]])
    >>> round(x2, 4), df, round(p, 5)
    (12.8, 1, 0.00035)
    """
    rows = [list(map(float, r)) for r in table if sum(r) > 0]
    keep = [j for j in range(len(rows[0]) if rows else 0) if sum(r[j] for r in rows) > 0]
    rows = [[r[j] for j in keep] for r in rows]
    if len(rows) < 2 or len(keep) < 2:
        return 0.0, 0, 1.0
    n = sum(map(sum, rows))
    col = [sum(r[j] for r in rows) for j in range(len(keep))]
    x2 = sum((o - sum(r) * c / n) ** 2 / (sum(r) * c / n) for r in rows for o, c in zip(r, col))
    df = (len(rows) - 1) * (len(keep) - 1)
    return x2, df, chi2_sf(x2, df)


def expected_counts(table: Sequence[Sequence[float]]) -> list[list[float]]:
    """The counts expected under independence, ``row total × column total / N``."""
    n = sum(map(sum, table)) or 1.0
    col = [sum(r[j] for r in table) for j in range(len(table[0]))]
    return [[sum(r) * c / n for c in col] for r in table]


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test for the 2 × 2 table ``[[a, b], [c, d]]``.

    With margins fixed, the top-left cell ``k`` has the hypergeometric probability
    ``C(a+b, k) · C(c+d, a+c−k) / C(N, a+c)``; the p-value sums those no larger than the observed.

    >>> round(fisher_exact(3, 1, 1, 3), 4)
    0.4857
    """
    row1, col1, n = a + b, a + c, a + b + c + d
    lo, hi = max(0, col1 - (c + d)), min(row1, col1)
    denom = math.comb(n, col1)
    probs = {k: math.comb(row1, k) * math.comb(n - row1, col1 - k) / denom for k in range(lo, hi + 1)}
    observed = probs[a]
    return min(1.0, sum(p for p in probs.values() if p <= observed * (1 + 1e-7)))


def benjamini_hochberg(pvalues: Iterable[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values, in the input order; NaN stays NaN and is not
    counted among the tests.

    >>> benjamini_hochberg([0.02, float("nan"), 0.01])
    [0.02, nan, 0.02]
    """
    ps = list(pvalues)
    valid = sorted((p, i) for i, p in enumerate(ps) if p == p)
    m = len(valid)
    out = [float("nan")] * len(ps)
    running = 1.0
    for rank in range(m, 0, -1):  # from the largest p down, so the adjusted values are monotone
        p, i = valid[rank - 1]
        running = min(running, p * m / rank)
        out[i] = round(running, 12)
    return out
