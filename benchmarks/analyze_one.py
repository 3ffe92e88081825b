"""Fixed cost of ``newslab analyze ONE_ARTICLE --json``: the whole process, start to exit.

Runs the command ``--runs`` times (default 10) on the seed article and prints the median wall time
and the median CPU time (user + system of the child, which a loaded machine inflates less than
wall time), then the slowest imports of one ``python -X importtime`` run. Goal (issue #16): ≤ 1 s.

Byte-code is written and used (``PYTHONDONTWRITEBYTECODE`` is cleared for the child), as in an
installed newslab; one warm-up run fills ``__pycache__`` and the page cache first.

    python benchmarks/analyze_one.py [--runs 10] [--top 15] [PATH]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run_once(path: Path, extra: list[str] | None = None) -> tuple[float, float, str]:
    """(wall seconds, child CPU seconds, stderr) of one whole ``newslab analyze PATH --json``."""
    cmd = [sys.executable, *(extra or []), "-m", "newslab", "analyze", str(path), "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr


def top_imports(stderr: str, top: int) -> list[tuple[int, str]]:
    """The ``top`` largest cumulative import times (µs, module) of an ``-X importtime`` log,
    counting only modules imported by newslab or by the interpreter's start (depth ≤ 2)."""
    rows = []
    for line in stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(2)) <= 5:
            rows.append((int(m.group(1)), m.group(3)))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=SEED)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    run_once(args.path)  # warm-up: byte-code and page cache
    walls, cpus = [], []
    for _ in range(args.runs):
        wall, cpu, _err = run_once(args.path)
        walls.append(wall)
        cpus.append(cpu)
    print(f"newslab analyze {args.path.name} --json, {args.runs} runs: "
          f"median wall {statistics.median(walls):.3f} s (min {min(walls):.3f}), "
          f"median CPU {statistics.median(cpus):.3f} s (min {min(cpus):.3f}); goal ≤ 1 s")
    _w, _c, log = run_once(args.path, ["-X", "importtime"])
    print("slowest imports (cumulative, one run):")
    for us, name in top_imports(log, args.top):
        print(f"  {us / 1000:8.1f} ms  {name}")


if __name__ == "__main__":
    main()
