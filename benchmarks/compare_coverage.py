"""Do newslab.compare's 95 % intervals cover the truth 95 % of the time? A simulation.

Each simulated corpus has two outlets of ``n`` articles. In every article a frame is present
with a true probability ``p`` (the same for both outlets) and its hits are Poisson with a true
rate of ``r`` per 1,000 words over 150–450 words; the corpus analysis tables are built directly
(no text), then :func:`newslab.compare.compare` is run exactly as on real results. Printed:

* coverage of the share interval (does ``share_low ≤ p ≤ share_high``?) and of the per-1,000
  interval (``r``), over every outlet of every corpus — target 93–97 % for 95 % intervals;
* the false-positive rate of the presence and rate tests at the 5 % level (the outlets are equal,
  so about 5 % or less is right), before any multiple-comparison correction.

Settings where the percentile bootstrap is known to struggle (few articles, p near 0) are
printed too, so the limits are visible rather than hidden.

    python benchmarks/compare_coverage.py [--sims 1000] [--boot 1000]
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newslab.compare import SmallGroupWarning, compare  # noqa: E402
from newslab.pipeline import CorpusAnalysis  # noqa: E402

EMPTY = pd.DataFrame(columns=["doc_id", "date"])


def simulated_analysis(rng: np.random.Generator, n: int, p: float, rate: float) -> CorpusAnalysis:
    """Two outlets of ``n`` articles, one frame with presence probability ``p`` and ``rate`` hits per 1,000 words."""
    docs = [f"{g}{i}" for g in ("A", "B") for i in range(n)]
    words = rng.integers(150, 451, size=2 * n)
    present = rng.random(2 * n) < p
    hits = rng.poisson(rate * words / 1000.0)
    articles = pd.DataFrame({"doc_id": docs, "date": "2020-01-01", "source": [d[0] for d in docs], "n_tokens": words})
    frames = pd.DataFrame({"doc_id": docs, "date": "2020-01-01", "scheme": "sim", "level": "article", "frame": "f",
                           "label": "F", "hits": hits, "n_words": words, "present": present})
    return CorpusAnalysis(articles=articles, sentences=EMPTY, mentions=pd.DataFrame(columns=["doc_id", "actor", "side"]),
                          quotes=pd.DataFrame(columns=["doc_id", "text", "side"]),
                          relations=pd.DataFrame(columns=["doc_id", "source_side", "target_side", "time", "weight"]),
                          stance=EMPTY, frames=frames)


def simulate(sims: int = 1000, n: int = 40, p: float = 0.3, rate: float = 8.0, n_boot: int = 1000,
             n_perm: int = 200, seed: int = 2024) -> dict[str, float]:
    """Coverage of the share and rate intervals and the tests' false-positive rates over ``sims`` corpora."""
    rng = np.random.default_rng(seed)
    share_in = rate_in = outlets = presence_fp = rate_fp = 0
    for k in range(sims):
        res = simulated_analysis(rng, n, p, rate)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SmallGroupWarning)
            cmp = compare(res, n_boot=n_boot, n_perm=n_perm, seed=k, min_articles=2)
        f = cmp.frames
        share_in += int(((f["share_low"] <= p) & (p <= f["share_high"])).sum())
        rate_in += int(((f["per_1000_low"] <= rate) & (rate <= f["per_1000_high"])).sum())
        outlets += len(f)
        t = cmp.frame_tests.iloc[0]
        presence_fp += int(t["p_presence"] < 0.05)
        rate_fp += int(t["p_rate"] < 0.05)
    return {"share_coverage": share_in / outlets, "rate_coverage": rate_in / outlets,
            "presence_false_positive": presence_fp / sims, "rate_false_positive": rate_fp / sims}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sims", type=int, default=1000, help="simulated corpora per setting (default 1000)")
    ap.add_argument("--boot", type=int, default=1000, help="bootstrap resamples per interval (default 1000)")
    args = ap.parse_args()
    print(f"newslab.compare — coverage of 95 % intervals over {args.sims} simulated corpora per setting "
          f"({args.boot} bootstrap resamples; two outlets each)")
    print(f"{'articles/outlet':>16} {'p':>5} {'rate':>5} | {'share cov.':>10} {'rate cov.':>9} | "
          f"{'FP presence':>11} {'FP rate':>8} | {'s':>5}")
    for n, p, rate, main_setting in ((40, 0.3, 8.0, True), (100, 0.5, 8.0, False), (15, 0.3, 8.0, False),
                                     (40, 0.05, 2.0, False)):
        started = time.perf_counter()
        r = simulate(args.sims, n, p, rate, n_boot=args.boot)
        mark = "  ← main figure (target 93–97 %)" if main_setting else ""
        print(f"{n:>16} {p:>5} {rate:>5} | {r['share_coverage']:>10.1%} {r['rate_coverage']:>9.1%} | "
              f"{r['presence_false_positive']:>11.1%} {r['rate_false_positive']:>8.1%} | "
              f"{time.perf_counter() - started:>5.0f}{mark}")


if __name__ == "__main__":
    main()
