"""Validate newslab sentiment against human ratings (VADER ICWSM-2014 ground truth).

Reads ``../shared/bench/vader_hutto_icwsm2014/`` (or ``$NEWSLAB_BENCH_DIR/vader_hutto_icwsm2014``):
5,190 NYT editorial snippets, each the mean of 20 human ratings (−4…+4), and 4,200 tweets.
Prints Pearson r and weighted-F1 (BASELINES.md scheme A: gold labelled by the sign of the human
mean) for VADER, TextBlob and newslab's recommended score, standard and news mode.

Protocol: the editorial id is the number before the underscore. Everything newslab tunes (the
news-mode ``keep`` shares and the blend weights in ``newslab/resources/sentiment_news.yml``) was
chosen on ODD editorials only; the EVEN editorials are the held-out report. Tweets are a check
that nothing is lost on another genre.

Also checks that newslab's VADER/TextBlob engines equal the wheels' own functions on every
snippet, that explain_sentiment's traced valences reproduce VADER's compound, and prints the
throughput of the sentiment stage (sentences/s, one core; the machine is shared, so expect
±25 % between runs).

Run:  .venv/bin/python benchmarks/sentiment_nyt.py [--quick]
"""
from __future__ import annotations

import math
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newslab import Article, Corpus  # noqa: E402
from newslab import sentiment as S  # noqa: E402


def bench_dir() -> Path:
    env = os.environ.get("NEWSLAB_BENCH_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "bench"


def load(path: Path) -> list[tuple[str, float, str]]:
    rows = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3:
                rows.append((parts[0], float(parts[1]), parts[2]))
    return rows


def weighted_f1(gold: np.ndarray, pred: np.ndarray) -> float:
    """Support-weighted F1 over the classes −1/0/+1 (scikit-learn's average='weighted')."""
    total = 0.0
    for c in (-1, 0, 1):
        tp = np.sum((gold == c) & (pred == c))
        fp = np.sum((gold != c) & (pred == c))
        fn = np.sum((gold == c) & (pred != c))
        f1 = 2 * tp / (2 * tp + fp + fn) if (tp + fp + fn) else 0.0
        total += f1 * np.sum(gold == c)
    return total / len(gold)


def band(x: np.ndarray, lo: float = -0.05, hi: float = 0.05) -> np.ndarray:
    return np.where(x >= hi, 1, np.where(x <= lo, -1, 0))


def score_rows(rows, mode):
    out = {k: [] for k in ("vader", "textblob", "vader_news", "textblob_news", "score")}
    for _, _, text in rows:
        r = S.score_text(text, mode)
        for k in out:
            out[k].append(r[k])
    return {k: np.array(v, float) for k, v in out.items()}


def report(name: str, gold: np.ndarray, x: np.ndarray, labels: np.ndarray) -> str:
    r = float(np.corrcoef(gold, x)[0, 1])
    f = weighted_f1(np.sign(gold).astype(int), labels)
    return f"{name:<44} r = {r:.3f}   weighted-F1 = {f:.3f}"


def check_engines(texts: list[str]) -> None:
    from textblob import TextBlob

    sia = S._analyzer()
    bad_v = sum(1 for t in texts if sia.polarity_scores(t) != S.vader_polarity(t))
    bad_t = 0
    for t in texts:
        tb = TextBlob(t).sentiment
        if (tb.polarity, tb.subjectivity) != S.textblob_polarity(t):
            bad_t += 1
    print(f"engine check on {len(texts):,} snippets: VADER mismatches {bad_v}, TextBlob mismatches {bad_t}")
    # explain_sentiment's trace must add up to VADER's compound.
    bad_x = 0
    sample = texts[::25]
    for t in sample:
        ex = S.explain_sentiment(t, mode="standard")
        total = ex.loc[ex["method"] == "vader", "valence"].sum()
        if abs(round(S._vs.normalize(total), 4) - sia.polarity_scores(t)["compound"]) > 1e-3 if total else \
                sia.polarity_scores(t)["compound"] != 0.0:
            bad_x += 1
    print(f"explain trace check on {len(sample):,} snippets: traced sum -> compound mismatches {bad_x}")


def throughput(rows) -> None:
    # The sentiment stage as users call it: score_sentiment over a corpus of articles whose
    # sentences are already split (sentence splitting belongs to the document model, not here).
    by_doc: dict[str, list[str]] = {}
    for rid, _, text in rows:
        by_doc.setdefault(rid.split("_")[0], []).append(text)
    arts = [Article.from_text("\n\n".join(v), title_line=False, id=k) for k, v in by_doc.items()]
    n = sum(a.n_sentences for a in arts)  # builds the sentence spans before timing
    best = {}
    for mode in ("news", "standard"):
        times = []
        for _ in range(3):
            for a in arts:
                a.cache.clear()
            t0 = time.perf_counter()
            S.score_sentiment(Corpus(arts), mode=mode)
            times.append(time.perf_counter() - t0)
        best[mode] = n / min(times)
    texts = [t for _, _, t in rows]
    t0 = time.perf_counter()
    for t in texts:
        S.score_text(t)
    core = len(texts) / (time.perf_counter() - t0)
    print(f"throughput, score_sentiment over {len(arts)} articles / {n:,} sentences (best of 3):")
    print(f"  news mode     {best['news']:>9,.0f} sentences/s")
    print(f"  standard mode {best['standard']:>9,.0f} sentences/s")
    print(f"  score_text only (no DataFrame) {core:,.0f} sentences/s   [target >= 10,000]")


def main() -> int:
    quick = "--quick" in sys.argv
    folder = bench_dir() / "vader_hutto_icwsm2014"
    nyt_path = folder / "nytEditorialSnippets_GroundTruth.txt"
    if not nyt_path.exists():
        print(f"Benchmark data not found at {folder} — put the shared bench folder beside the project "
              "or set NEWSLAB_BENCH_DIR. Nothing to do.")
        return 0
    nyt = load(nyt_path)
    tweets = load(folder / "tweets_GroundTruth.txt")
    odd = [r for r in nyt if int(r[0].split("_")[0]) % 2 == 1]
    even = [r for r in nyt if int(r[0].split("_")[0]) % 2 == 0]
    sets = {"NYT odd editorials (TUNING half)": odd, "NYT even editorials (HELD-OUT report)": even,
            "tweets (genre check)": tweets}
    print(f"NYT snippets: {len(nyt):,} (odd {len(odd):,} / even {len(even):,}); tweets {len(tweets):,}")
    print("Anchors (BASELINES.md, all 5,190 NYT): VADER r 0.503 / wF1 0.549; TextBlob r 0.299; "
          "single human r 0.745. Target on even ids: r >= 0.55 and weighted-F1 >= 0.58.\n")
    for title, rows in sets.items():
        gold = np.array([r[1] for r in rows])
        news = score_rows(rows, "news")
        std = score_rows(rows, "standard")
        print(title)
        print("  " + report("VADER compound (published)", gold, std["vader"], band(std["vader"])))
        print("  " + report("TextBlob polarity (published)", gold, std["textblob"],
                            np.sign(std["textblob"]).astype(int)))
        print("  " + report("VADER, news mode", gold, news["vader_news"], band(news["vader_news"])))
        print("  " + report("recommended, standard mode (blend only)", gold, std["score"], band(std["score"])))
        print("  " + report("recommended, news mode  [newslab default]", gold, news["score"], band(news["score"])))
        # Documented but rejected: no neutral band at all (every score below +0.04 is 'neg').
        print("  " + report("  (rejected) news score, 'neg' below +0.04", gold, news["score"],
                            np.where(news["score"] >= 0.05, 1, np.where(news["score"] <= 0.04, -1, 0))))
        print()
    print("The rejected line shows the weighted-F1 target is reachable only by calling sentences with no\n"
          "sentiment words 'negative' (gold NYT labels are 53 % negative, 5 % neutral); newslab keeps the\n"
          "±0.05 neutral band so that a sentence with no evidence is labelled neutral.\n")
    check_engines([r[2] for r in (nyt if not quick else nyt[:500])] + ([] if quick else [r[2] for r in tweets]))
    throughput(nyt if not quick else nyt[:1000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
