"""Throughput of the full newslab pipeline on real news, against bare VADER + TextBlob.

Reads the articles of the public benchmark sets under ``../shared/bench`` (Wikinews, climate
narrative frames, SemEval-2023 frames, CoNLL-2003 documents: about 1,600 articles), repeats them to
``--articles`` (default 10,000), and prints one table:

* full pipeline with ``n_jobs=1`` and ``n_jobs=2`` (cold, no cache): articles/s, sentences/s,
  tokens/s, peak RSS of the whole process tree (parent + workers, sampled);
* the bare-library reference: VADER ``polarity_scores`` + TextBlob ``.sentiment`` per sentence,
  with the same number of processes as the pipeline run it is compared with (1 and 2);
* a cold run into an empty cache, then a warm re-run from that cache.

Each configuration runs in its own process so peak RSS is measured separately. No text from the
benchmark sets is stored anywhere; the cache lives in a temporary folder.

    python benchmarks/throughput.py [--articles 10000] [--quick]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
HERE = Path(__file__).resolve()
BENCH = Path(os.environ.get("NEWSLAB_BENCH_DIR", HERE.parents[2] / "shared" / "bench"))


def load_texts() -> list[tuple[str, str, str]]:
    """(id, date, text) for every benchmark article found."""
    out: list[tuple[str, str, str]] = []
    csv.field_size_limit(1 << 30)
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        p = BENCH / "wikinews_2019_2020" / name
        if p.exists():
            with open(p, encoding="utf-8") as fh:
                for i, row in enumerate(csv.DictReader(fh)):
                    out.append((f"wn{name[9:13]}-{i}", row.get("date", ""), f"{row['title']}\n\n{row['text']}"))
    p = BENCH / "narrative_frames_climate" / "articles_metadata.tsv"
    if p.exists():
        with open(p, encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh, delimiter="\t")):
                if row.get("text"):
                    out.append((f"clim-{i}", (row.get("date") or "")[:10], row["text"]))
    p = BENCH / "semeval2023_task3_frames_en" / "train_subtask2_en.jsonl"
    if p.exists():
        with open(p, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                row = json.loads(line)
                out.append((f"se23-{i}", "", row.get("text", "")))
    for name in ("eng.testa", "eng.testb"):
        p = BENCH / "conll2003_en" / name
        if p.exists():
            docs, sent, sents = [], [], []
            for line in open(p, encoding="utf-8"):
                line = line.strip()
                if line.startswith("-DOCSTART-"):
                    if sents:
                        docs.append(sents)
                    sents = []
                elif not line:
                    if sent:
                        sents.append(" ".join(sent))
                    sent = []
                else:
                    sent.append(line.split()[0])
            if sents:
                docs.append(sents)
            out += [(f"conll-{name[-1]}-{i}", "", "\n\n".join(d)) for i, d in enumerate(docs)]
    return [t for t in out if t[2].strip()]


def make_corpus(n: int):
    from newslab import Article, Corpus

    texts = load_texts()

    def articles():  # built on the fly, as a lazy loader would, so memory does not grow with n
        for k in range(n):
            doc_id, date, text = texts[k % len(texts)]
            # A text whose first line is followed by more is titled; one without a line break is
            # all body (taken as a title it would be an empty article).
            yield Article(text, id=f"{doc_id}-r{k // len(texts)}", date=date, title_line="\n" in text.strip())

    return Corpus(loader=articles)


def _bare_scores(sentences: list[str]) -> int:
    """The reference work: published VADER and TextBlob on each sentence (one worker's share)."""
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    for s in sentences:
        vader.polarity_scores(s)
        TextBlob(s).sentiment
    return len(sentences)


def _bare(corpus, jobs: int) -> tuple[int, int, float]:
    """VADER + TextBlob over newslab's sentences with ``jobs`` processes, as the pipeline gets."""
    from concurrent.futures import ProcessPoolExecutor

    sentences = [s.text for a in corpus for s in a.sentences]
    t0 = time.perf_counter()  # the reference gets newslab's sentences for free
    if jobs == 1:
        _bare_scores(sentences)
    else:
        step = max(1, len(sentences) // (8 * jobs))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            sum(pool.map(_bare_scores, [sentences[i:i + step] for i in range(0, len(sentences), step)]))
    return len(sentences), sum(len(s.split()) for s in sentences), time.perf_counter() - t0


def run_config(kind: str, n: int, jobs: int, cache_dir: str) -> dict:
    """Run inside a child process: one configuration, returns its figures (peak RSS: the whole
    process tree, workers included)."""
    from measure import peak_tree_rss

    corpus = make_corpus(n)
    with peak_tree_rss() as peak:
        if kind == "bare":
            n_sent, n_tok, secs = _bare(corpus, jobs)
        else:
            from newslab.pipeline import analyze_corpus

            t0 = time.perf_counter()
            res = analyze_corpus(corpus, n_jobs=jobs, cache=cache_dir if cache_dir else False, show_progress=False)
            secs = time.perf_counter() - t0
            n_sent = len(res.sentences)
            n_tok = int(res.articles["n_tokens"].sum()) if len(res.articles) else 0
            empty = int((res.articles["n_sentences"] == 0).sum())
    out = {"kind": kind, "jobs": jobs, "articles": n, "sentences": n_sent, "tokens": n_tok,
           "seconds": secs, "rss_mb": peak[0]}
    if kind != "bare":
        out["empty"] = empty
    return out


def child(kind: str, n: int, jobs: int, cache_dir: str) -> dict:
    cmd = [sys.executable, str(HERE), "--child", kind, str(n), str(jobs), cache_dir or "-"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} jobs={jobs} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="1,000 articles (a smoke run)")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, n, jobs, cache_dir = args.child
        print(json.dumps(run_config(kind, int(n), int(jobs), "" if cache_dir == "-" else cache_dir)))
        return
    if not BENCH.is_dir():
        print(f"benchmark data not found at {BENCH} (set NEWSLAB_BENCH_DIR); nothing to measure.")
        return
    n = 1000 if args.quick else args.articles
    print(f"{len(load_texts())} distinct benchmark articles from {BENCH}, repeated to {n:,}; "
          f"{os.cpu_count()} CPU(s)\n")
    rows = [child("bare", n, 1, ""), child("bare", n, 2, ""), child("pipeline", n, 1, ""), child("pipeline", n, 2, "")]
    with tempfile.TemporaryDirectory() as tmp:
        cold = child("pipeline", n, 2, tmp)
        warm = child("pipeline", n, 2, tmp)
    cold["kind"], warm["kind"] = "pipeline, cold into cache", "pipeline, warm from cache"
    rows += [cold, warm]
    print(f"| run | jobs | articles/s | sentences/s | tokens/s | seconds | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        s = r["seconds"] or 1e-9
        print(f"| {r['kind']} | {r['jobs']} | {r['articles'] / s:,.0f} | {r['sentences'] / s:,.0f} | "
              f"{r['tokens'] / s:,.0f} | {s:.1f} | {r['rss_mb']:.0f} |")
    bare1, bare2, p1, p2 = rows[:4]
    print(f"\nfull pipeline / bare VADER+TextBlob time, same number of processes: "
          f"{p1['seconds'] / bare1['seconds']:.2f}x with 1, {p2['seconds'] / bare2['seconds']:.2f}x with 2 "
          f"(goal ≤ 1.5x); sentences/s with 2 jobs: {p2['sentences'] / p2['seconds']:,.0f}; "
          f"empty articles: {p2['empty']} of {p2['articles']:,}")
    print(f"warm re-run speed-up: {cold['seconds'] / warm['seconds']:.1f}x (target ≥ 20x); "
          f"peak RSS: {max(r['rss_mb'] for r in rows):.0f} MB (target < 1,024 MB)")


if __name__ == "__main__":
    main()
