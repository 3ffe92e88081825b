"""How long does ``newslab render`` take, cold? Goal: all seven notebooks on the seed in ≤ 60 s.

Each run is a fresh Python process (``python -m newslab render``) writing into a fresh temporary
folder, so nothing is cached between runs: every notebook starts its own ``python3`` kernel,
imports newslab, analyzes, draws and saves its charts, and is exported to HTML. The script prints
the wall-clock time of each run, the per-notebook times recorded in ``manifest.json``, and the
median over runs.

Optionally (``--corpus`` or when the Wikinews benchmark folder exists) it also times the report
notebook on a dated multi-article corpus. The seed needs no benchmark data; the Wikinews part is
skipped with a message when ``../shared/bench/wikinews_2019_2020`` (or ``$NEWSLAB_BENCH_DIR``) is
absent. Timings on a shared machine are noisy: compare medians, not single runs.

    python benchmarks/render.py [--runs 3] [--corpus PATH] [--max-articles 20]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 60.0


def bench_dir() -> Path:
    return Path(os.environ.get("NEWSLAB_BENCH_DIR", Path(__file__).resolve().parents[2] / "shared" / "bench"))


def render_cold(args: list[str]) -> tuple[float, dict]:
    """Run ``python -m newslab render ARGS --out TMP`` in a new process; return (seconds, manifest)."""
    with tempfile.TemporaryDirectory(prefix="newslab-bench-") as out:
        cmd = [sys.executable, "-m", "newslab", "render", "--out", out, "--quiet", *args]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        manifest_path = Path(out) / "manifest.json"
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
        if proc.returncode != 0:
            print(proc.stderr[-2000:], file=sys.stderr)
            failed = [n["name"] for n in manifest.get("notebooks", []) if n["status"] != "ok"]
            print(f"render failed (exit {proc.returncode}); failed notebooks: {failed}", file=sys.stderr)
        return seconds, manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="cold runs on the seed (default 3)")
    ap.add_argument("--corpus", help="also time 07_report on this corpus (default: Wikinews if present)")
    ap.add_argument("--max-articles", type=int, default=20, help="articles of that corpus to use (default 20)")
    args = ap.parse_args(argv)

    print(f"newslab render, cold, all notebooks on the seed — {args.runs} run(s); goal ≤ {GOAL_SECONDS:.0f} s")
    print(f"machine: {os.cpu_count()} CPU(s), Python {sys.version.split()[0]} (shared machines give noisy times)")
    totals, per_notebook = [], {}
    for k in range(1, args.runs + 1):
        seconds, manifest = render_cold([])
        totals.append(seconds)
        for nb in manifest.get("notebooks", []):
            per_notebook.setdefault(nb["name"], []).append(nb["seconds"])
        print(f"  run {k}: {seconds:6.1f} s wall clock "
              f"({sum(n['status'] == 'ok' for n in manifest.get('notebooks', []))}/{len(manifest.get('notebooks', []))} ok)")
    print("\nper notebook (median seconds: execution on a fresh kernel, HTML export not included)")
    for name, values in per_notebook.items():
        print(f"  {name:28s} {statistics.median(values):6.1f}")
    median = statistics.median(totals)
    verdict = "meets" if median <= GOAL_SECONDS else "misses"
    print(f"\nmedian total: {median:.1f} s — {verdict} the ≤ {GOAL_SECONDS:.0f} s goal")

    corpus = Path(args.corpus) if args.corpus else bench_dir() / "wikinews_2019_2020"
    if not corpus.exists():
        print(f"\n{corpus} not found — skipping the dated-corpus timing (pass --corpus PATH).")
        return 0
    seconds, manifest = render_cold(["--notebook", "07_report", "--corpus", str(corpus),
                                     "-p", "max_articles", str(args.max_articles)])
    nb = (manifest.get("notebooks") or [{}])[0]
    print(f"\n07_report on {corpus.name} ({args.max_articles} articles): {seconds:.1f} s wall clock, "
          f"{nb.get('seconds', float('nan')):.1f} s executing, status {nb.get('status', 'not run')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
