"""Scale: the full pipeline streamed into a results folder at 10k, 100k and 300k articles.

For each size, in its own process, with 2 jobs: wall time, time per article, peak resident memory
of the whole process tree (sampled), and the results folder's size on disk against the input
text; then a warm re-run of the first size (every shard kept). Prints the time per article
relative to the first size (goal: flat within ±15%) and the time extrapolated to a million
articles on this machine (goal: under one hour, i.e. at least 280 articles/s).

Articles are the public benchmark texts under ``../shared/bench`` (read only, never stored),
repeated and varied: copy ``k`` of a text gets its own id and a closing line naming the copy,
so no two articles are the same input.

    python benchmarks/scale.py [--sizes 10000 100000 300000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def corpus(n: int):
    from throughput import load_texts

    from newslab import Article, Corpus

    texts = load_texts()

    def articles():  # built on the fly, as a lazy loader would: memory does not grow with n
        for k in range(n):
            doc_id, date, text = texts[k % len(texts)]
            copy = k // len(texts)
            yield Article(f"{text}\n\nCopy {copy} of this report.", id=f"{doc_id}-c{copy}", date=date,
                          title_line="\n" in text.strip())

    return Corpus(loader=articles), sum(len(texts[k % len(texts)][2]) for k in range(n))


def _child(n: int, jobs: int, out: str) -> None:
    from measure import peak_tree_rss

    from newslab.pipeline import analyze_corpus

    corp, chars = corpus(n)
    with peak_tree_rss() as peak:
        t0 = time.perf_counter()
        res = analyze_corpus(corp, n_jobs=jobs, out=out, show_progress=False)
        secs = time.perf_counter() - t0
    disk = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    print(json.dumps({"articles": n, "seconds": secs, "rss": peak[0], "disk": disk, "chars": chars,
                      "computed": res.run["shards_computed"], "kept": res.run["cache_hits"]}))


def _run(n: int, jobs: int, out: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(n), str(jobs), out],
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{n:,} articles failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(int(args.child[0]), int(args.child[1]), args.child[2])
        return 0
    from throughput import BENCH

    if not BENCH.exists():
        print(f"benchmark sets not found under {BENCH}; nothing to measure")
        return 0
    print(f"texts from {BENCH}; {args.jobs} jobs; results streamed to a temporary folder")
    print(f"{'articles':>9s} {'seconds':>8s} {'ms/article':>10s} {'vs first':>8s} {'peak MB':>8s} "
          f"{'store/text':>10s}")
    first = last = None
    tmp = Path(tempfile.mkdtemp(prefix="newslab-scale-"))
    try:
        for n in args.sizes:
            out = tmp / f"r{n}"
            r = _run(n, args.jobs, str(out))
            per = last = r["seconds"] / n
            first = first or per
            print(f"{n:9,d} {r['seconds']:8.1f} {1000 * per:10.2f} {per / first:8.2f} {r['rss']:8.0f} "
                  f"{r['disk'] / r['chars']:10.2f}")
            if n != args.sizes[0]:
                shutil.rmtree(out)
        n0 = args.sizes[0]
        warm = _run(n0, args.jobs, str(tmp / f"r{n0}"))
        print(f"warm re-run of {n0:,} articles: {warm['seconds']:.1f} s, {first * n0 / warm['seconds']:.0f}x "
              f"faster than cold ({warm['kept']:,} articles kept, {warm['computed']} shards computed)")
        print(f"extrapolated to 1,000,000 articles: {last * 1e6 / 3600:.2f} h at the largest size's rate "
              f"({1 / last:.0f} articles/s; goal ≥ 280/s, under 1 h)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
