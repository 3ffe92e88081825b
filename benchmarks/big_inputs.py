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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's newslab, not an installed one


def _big_text(texts: list[str], size_mb: float, shape: str = "paragraphs") -> str:
    """One article of about ``size_mb`` MB made of the benchmark texts in one fixed shuffled order,
    so that every size has the same mix of sources (the sets differ in sentence length and names
    per line; in file order a 1 MB article was all Wikinews and an 8 MB one mostly SemEval).

    ``shape`` "paragraphs" keeps each text's paragraphs; "line" joins everything into one line
    with no paragraph break (the shape of a 10 MB single-line file)."""
    import random

    order = list(texts)
    random.Random(0).shuffle(order)
    target, parts, n = int(size_mb * 1e6), [], 0
    while n < target:
        for t in order:
            parts.append(t)
            n += len(t) + 2
            if n >= target:
                break
    if shape == "line":
        return "Big article\n\n" + " ".join(" ".join(p.split()) for p in parts)
    return "Big article\n\n" + "\n\n".join(parts)


def _layer_order() -> list[str]:
    """Every registered layer after the layers it requires, so each is timed on its own."""
    from newslab import layers

    specs = {}
    for spec in layers.all_layers():
        try:
            spec.resource_files(spec.defaults)
        except (KeyError, TypeError):  # a layer per parameter (one frame scheme), timed inside its user
            continue
        specs[spec.name] = spec
    order: list[str] = []

    def visit(name: str) -> None:
        if name in order or name not in specs:
            return
        for req in specs[name].requires:
            visit(req)
        order.append(name)

    for name in specs:
        visit(name)
    return order


def _child_layers(texts: list[str], size: float, shape: str) -> None:
    """CPU seconds of each layer on one big article, computed one by one in dependency order
    (each layer's figure excludes the layers it requires), then the table building."""
    from newslab import Article
    from newslab.batch import ALL_STEPS, analyze_article, columnar, tuned_for_corpus

    art = Article.from_text(_big_text(texts, size, shape), id="big")
    times: dict[str, float] = {}
    with tuned_for_corpus():
        c0 = time.process_time()
        _ = art.paragraphs, art.sentences, art.tokens
        times["article"] = time.process_time() - c0
        for name in _layer_order():
            c0 = time.process_time()
            art.layer(name)
            times[name] = time.process_time() - c0
        c0 = time.process_time()
        columnar(analyze_article(art, ALL_STEPS))
        times["columnar"] = time.process_time() - c0
    print(json.dumps({"layers": times, "chars": len(art.text)}))


def _child(kind: str, size: float, shape: str) -> None:
    """Run one configuration in this process and print a JSON line of figures."""
    from measure import peak_tree_rss
    from throughput import load_texts

    from newslab import Article
    from newslab.pipeline import analyze_corpus

    texts = [t for _, _, t in load_texts()]
    if not texts:
        print(json.dumps({"error": "no benchmark texts"}))
        return
    if kind == "layers":
        _child_layers(texts, size, shape)
        return
    if kind == "article":
        arts = [Article.from_text(_big_text(texts, size, shape), id="big")]
    else:
        arts = [Article.from_text(texts[i % len(texts)], id=str(i)) for i in range(int(size))]
    with peak_tree_rss() as peak:
        t0, c0 = time.perf_counter(), time.process_time()
        res = analyze_corpus(arts, n_jobs=1 if kind == "article" else 2, cache=False)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(json.dumps({"wall": wall, "cpu": cpu, "rss": peak[0], "sentences": len(res.sentences),
                      "chars": sum(len(a.text) for a in arts)}))


def _run(kind: str, size: float, limit: float, shape: str = "paragraphs") -> dict:
    try:
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(size), shape], capture_output=True,
                             text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"error": f"over {limit:.0f} s"}
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}


def _print_per_layer(sizes: list[float], limit: float, shape: str) -> None:
    """One row per layer: CPU seconds at each size and the ratio of each doubling."""
    runs = [_run("layers", size, limit, shape) for size in sizes]
    names = list(dict.fromkeys(n for r in runs for n in r.get("layers", {})))
    head = " ".join(f"{s:g} MB".rjust(8) for s in sizes)
    print(f"{'layer (CPU s)':>20s} {head}  ratios")
    for name in names + ["total"]:
        secs = [None if "layers" not in r else sum(r["layers"].values()) if name == "total"
                else r["layers"].get(name) for r in runs]
        cells = " ".join(f"{v:8.2f}" if v is not None else f"{'-':>8s}" for v in secs)
        ratios = " ".join(f"{b / a:5.2f}" if a and b and a > 0.05 else "    -" for a, b in zip(secs, secs[1:]))
        print(f"{name:>20s} {cells}  {ratios}")
    for size, r in zip(sizes, runs):
        if "error" in r:
            print(f"{size:g} MB: {r['error']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="*", default=[1, 2, 4, 8], help="single-article sizes in MB")
    ap.add_argument("--corpora", type=int, nargs="*", default=[5000, 10000, 20000], help="corpus sizes (articles)")
    ap.add_argument("--limit", type=float, default=600, help="seconds allowed per configuration")
    ap.add_argument("--per-layer", action="store_true",
                    help="CPU seconds of each analyzer layer at each article size, and their ratios")
    ap.add_argument("--shape", choices=("paragraphs", "line"), default="paragraphs",
                    help="big articles keep their paragraphs, or are one single line")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.child[0], float(args.child[1]), args.child[2])
        return 0
    from throughput import BENCH

    if not BENCH.exists():
        print(f"benchmark sets not found under {BENCH}; nothing to measure")
        return 0
    print(f"texts from {BENCH}; {os.cpu_count()} CPU(s)")
    if args.per_layer:
        _print_per_layer(args.sizes, args.limit, args.shape)
        return 0
    print(f"{'input':>18s} {'wall s':>8s} {'cpu s':>8s} {'ratio':>6s} {'peak MB':>8s} {'sentences':>10s}")
    for kind, sizes, unit in (("article", args.sizes, "MB article"), ("corpus", args.corpora, "articles")):
        prev = None
        for size in sizes:
            r = _run(kind, size, args.limit, args.shape)
            label = f"{size:g} {unit}"
            if "error" in r:
                print(f"{label:>18s} {r['error']}")
                prev = None
                continue
            ratio = f"{r['cpu'] / prev:6.2f}" if prev else "     -"
            print(f"{label:>18s} {r['wall']:8.1f} {r['cpu']:8.1f} {ratio} {r['rss']:8.0f} {r['sentences']:10,d}")
            prev = r["cpu"]
    print("ratio: CPU time over the previous size's; goal <= 2.3 per doubling of one article's size")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
