"""Cost on big inputs: single articles of 1, 2, 4 and 8 MB, and corpora of 5k, 10k and 20k articles.

Every analyzer should be O(n log n) or better in article length, so doubling an article's size
should at most a little more than double the time (goal: ratio <= 2.3). Each configuration runs
in its own process, with a time limit, and prints wall time, CPU time and the peak resident
memory of the whole process tree (parent and workers, sampled every 0.1 s from /proc).

Texts are the public benchmark articles under ``../shared/bench`` (read only, never stored),
joined paragraph by paragraph into one long article, or repeated into a corpus.

    python benchmarks/big_inputs.py [--sizes 1 2 4 8] [--corpora 5000 10000 20000] [--limit 600]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total / 1e6


def _child(kind: str, size: float) -> None:
    """Run one configuration in this process and print a JSON line of figures."""
    from throughput import load_texts

    from newslab import Article
    from newslab.pipeline import analyze_corpus

    texts = [t for _, _, t in load_texts()]
    if not texts:
        print(json.dumps({"error": "no benchmark texts"}))
        return
    if kind == "article":
        target, parts, n = int(size * 1e6), [], 0
        while n < target:
            for t in texts:
                parts.append(t)
                n += len(t) + 2
                if n >= target:
                    break
        arts = [Article.from_text("Big article\n\n" + "\n\n".join(parts), id="big")]
    else:
        arts = [Article.from_text(texts[i % len(texts)], id=str(i)) for i in range(int(size))]
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss_mb(os.getpid()))
            time.sleep(0.1)

    threading.Thread(target=sample, daemon=True).start()
    t0, c0 = time.perf_counter(), time.process_time()
    res = analyze_corpus(arts, n_jobs=1 if kind == "article" else 2, cache=False)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    stop.set()
    print(json.dumps({"wall": wall, "cpu": cpu, "rss": peak[0], "sentences": len(res.sentences),
                      "chars": sum(len(a.text) for a in arts)}))


def _run(kind: str, size: float, limit: float) -> dict:
    try:
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(size)], capture_output=True,
                             text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"error": f"over {limit:.0f} s"}
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="*", default=[1, 2, 4, 8], help="single-article sizes in MB")
    ap.add_argument("--corpora", type=int, nargs="*", default=[5000, 10000, 20000], help="corpus sizes (articles)")
    ap.add_argument("--limit", type=float, default=600, help="seconds allowed per configuration")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], float(args.child[1]))
        return 0
    from throughput import BENCH

    if not BENCH.exists():
        print(f"benchmark sets not found under {BENCH}; nothing to measure")
        return 0
    print(f"texts from {BENCH}; {os.cpu_count()} CPU(s)")
    print(f"{'input':>18s} {'wall s':>8s} {'cpu s':>8s} {'ratio':>6s} {'peak MB':>8s} {'sentences':>10s}")
    for kind, sizes, unit in (("article", args.sizes, "MB article"), ("corpus", args.corpora, "articles")):
        prev = None
        for size in sizes:
            r = _run(kind, size, args.limit)
            label = f"{size:g} {unit}"
            if "error" in r:
                print(f"{label:>18s} {r['error']}")
                prev = None
                continue
            ratio = f"{r['wall'] / prev:6.2f}" if prev else "     -"
            print(f"{label:>18s} {r['wall']:8.1f} {r['cpu']:8.1f} {ratio} {r['rss']:8.0f} {r['sentences']:10,d}")
            prev = r["wall"]
    print("goal: time ratio <= 2.3 per doubling of one article's size")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
