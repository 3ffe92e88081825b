"""Snapshot every corpus table on the benchmark articles, and diff two snapshots row by row.

A refactor that should not change results is checked by snapshotting before and after:

    python benchmarks/snapshot.py write /tmp/before      # on the old commit
    python benchmarks/snapshot.py write /tmp/after       # on the new one
    python benchmarks/snapshot.py diff /tmp/before /tmp/after [--show 5]

``write`` runs :func:`newslab.pipeline.analyze_corpus` (no cache) over the articles of the public
benchmark sets in ``../shared/bench`` (the same ones ``throughput.py`` reads, each once) and
stores the seven tables as Parquet files outside the project. ``diff`` prints, per table, the rows
only in the first snapshot, only in the second, and how many are shared (rows compared as whole
tuples over the columns both snapshots have). No benchmark text is stored in the project.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

TABLES = ("articles", "sentences", "mentions", "quotes", "relations", "stance", "frames")


def write(folder: Path, jobs: int) -> None:
    from throughput import BENCH, load_texts

    from newslab import Article
    from newslab.pipeline import analyze_corpus

    texts = load_texts()
    if not texts:
        sys.exit(f"no benchmark sets found under {BENCH}; nothing to snapshot")
    arts = [Article.from_text(t, id=i, date=d) for i, d, t in texts]
    result = analyze_corpus(arts, n_jobs=jobs, cache=False)
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        df = getattr(result, name)
        df.astype(str).to_parquet(folder / f"{name}.parquet", index=False)
        print(f"{name:10s} {len(df):8,d} rows")
    print(f"{len(arts):,d} articles from {BENCH} -> {folder}")


def _rows(df) -> Counter:
    return Counter(map(tuple, df.itertuples(index=False, name=None)))


def diff(a: Path, b: Path, show: int) -> None:
    import pandas as pd

    for name in TABLES:
        da, db = pd.read_parquet(a / f"{name}.parquet"), pd.read_parquet(b / f"{name}.parquet")
        cols = [c for c in da.columns if c in db.columns]
        extra = sorted(set(da.columns) ^ set(db.columns))
        ra, rb = _rows(da[cols]), _rows(db[cols])
        only_a, only_b = ra - rb, rb - ra
        print(f"{name:10s} {len(da):8,d} -> {len(db):8,d} rows; only before {sum(only_a.values()):6,d}, "
              f"only after {sum(only_b.values()):6,d}" + (f"; columns not in both: {extra}" if extra else ""))
        for label, rows in (("-", only_a), ("+", only_b)):
            for row in list(rows)[:show]:
                print(f"   {label} {dict(zip(cols, row))}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write", help="snapshot the seven tables into FOLDER")
    w.add_argument("folder", type=Path)
    w.add_argument("--jobs", type=int, default=2)
    d = sub.add_parser("diff", help="compare two snapshots row by row")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--show", type=int, default=3, help="example rows to print per side")
    args = p.parse_args()
    if args.cmd == "write":
        write(args.folder, args.jobs)
    else:
        diff(args.before, args.after, args.show)


if __name__ == "__main__":
    main()
