"""Benchmark newslab.quotes.extract_quotes: quotes per second and sentences per second.

Corpus: the seed article repeated (default 200 copies) plus, when present, the English Wikinews
articles in ``../shared/bench/wikinews_2019_2020/`` (CC BY 2.5; read only, never copied into the
project). Each article is a fresh :class:`~newslab.Article`, so nothing is cached between runs;
sentence splitting is done before the clock starts, so the figure measures quote extraction itself
in two ways: including ``newslab.entities.find_mentions``, and with the mentions already cached on
the article (as when ``newslab analyze`` has run entities).

Run::

    .venv/bin/python benchmarks/quotes.py [--copies 200]

Target (issue 14): ``extract_quotes`` >= 5,000 sentences/s on one core, with the mentions it
needs (issue 5 asked for 2,000). The first line also times ``find_mentions`` itself (the
entities analyzer, shared with every other analyzer); the second is the quotes layer's own cost.
Figures are CPU seconds of this process (``time.process_time``: on a shared machine wall time
also counts other processes' turns; it is printed too), after the resources are loaded once on a
separate article. The first line splits its CPU time into the article's tokenisation, the
mentions layer and the quotes layer. Compare runs made in the same minute. From a git
worktree, set ``NEWSLAB_BENCH_DIR`` to the shared bench folder to include Wikinews.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newslab import Article  # noqa: E402
from newslab.io import load_article  # noqa: E402
import newslab.quotes as quotes  # noqa: E402


def bench_dir() -> Path:
    env = os.environ.get("NEWSLAB_BENCH_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "bench"


def wikinews_texts() -> list[tuple[str, str]]:
    folder = bench_dir() / "wikinews_2019_2020"
    files = sorted(folder.glob("wikinews_*.csv")) if folder.is_dir() else []
    if not files:
        return []
    import pandas as pd

    df = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    return [(str(r.title), str(r.text)) for r in df.itertuples(index=False) if isinstance(r.text, str)]


def build(copies: int) -> list[Article]:
    seed_path = ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"
    seed_text = load_article(seed_path).text
    arts = [Article.from_text(seed_text, title_line=True) for _ in range(copies)]
    arts += [Article.from_text(f"{title}\n\n{text}", title_line=True) for title, text in wikinews_texts()]
    for a in arts:
        _ = a.sentences  # split before timing
    return arts


def warm_up(copies: int) -> float:
    """Load every resource (actor dictionary, gazetteer, lexicons, cue files) on one article
    outside the clock: a once-per-process cost (``newslab analyze`` pays it once per run), not a
    per-sentence one. Returns its CPU seconds."""
    from newslab.entities import find_mentions

    t0 = time.process_time()
    for a in build(1)[:1]:
        find_mentions(a)
        quotes.extract_quotes(a)
    return time.process_time() - t0


def run(arts: list[Article], mode: str) -> dict[str, float]:
    """mode: 'entities' (tokens and find_mentions timed too) or 'entities-cached' (both already
    run by another analyzer, as in `newslab analyze`). Returns wall and CPU seconds of the whole
    step, the CPU seconds of its parts, and the quote and sentence counts."""
    from newslab.entities import find_mentions

    if mode == "entities-cached":
        for a in arts:
            find_mentions(a)
    cpu, wall = time.process_time, time.perf_counter
    w0, c0 = wall(), cpu()
    for a in arts:
        _ = a.tokens  # the article's one tokenisation (shared by every analyzer)
    c1 = cpu()
    for a in arts:
        a.layer("mentions")  # what find_mentions computes, without the DataFrame
    c2 = cpu()
    n_quotes = sum(len(quotes.extract_quotes(a)) for a in arts)
    c3, w3 = cpu(), wall()
    return {"wall": w3 - w0, "cpu": c3 - c0, "tokens": c1 - c0, "mentions": c2 - c1, "quotes": c3 - c2,
            "n_quotes": n_quotes, "n_sentences": sum(a.n_sentences for a in arts)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200, help="copies of the seed article (default 200)")
    args = ap.parse_args()
    arts = build(args.copies)
    n_wiki = len(arts) - args.copies
    if n_wiki == 0:
        print(f"(Wikinews data not found under {bench_dir()}; timing the seed copies only — "
              "set NEWSLAB_BENCH_DIR to the shared bench folder to include it.)")
    print(f"corpus: {args.copies} x seed + {n_wiki} Wikinews articles")
    print(f"resources loaded once, outside the clock: {warm_up(args.copies):.2f} s CPU")
    labels = {"entities": "incl. tokens + find_mentions", "entities-cached": "find_mentions already cached"}
    modes = ["entities", "entities-cached"]
    for i, mode in enumerate(modes):
        fresh = arts if i == 0 else build(args.copies)
        r = run(fresh, mode)
        ns, nq = r["n_sentences"], r["n_quotes"]
        print(f"{labels[mode]:30s} {ns:7d} sentences  {nq:6d} quotes  CPU {r['cpu']:6.2f} s "
              f"{ns / r['cpu']:8.0f} sentences/s  {nq / r['cpu']:6.0f} quotes/s  (wall {r['wall']:.2f} s, "
              f"{ns / r['wall']:.0f} sentences/s)")
        print(f"{'':30s} CPU by part: tokens {r['tokens']:.2f} s, mentions {r['mentions']:.2f} s, "
              f"quotes {r['quotes']:.2f} s")
    print("target (issue 14): >= 5,000 sentences/s on one core (shared machine: figures are noisy)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
