"""Shared measuring helpers for the benchmark scripts: peak memory of a whole process tree.

``ru_maxrss`` only reports the largest single process, which hides the workers of a parallel run,
so the scripts sample the resident memory of the process and all its descendants instead.
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from typing import Iterator


def tree_rss_mb(pid: int | None = None) -> float:
    """Resident memory of ``pid`` (default: this process) and all its descendants, in MB."""
    total, todo = 0, [pid or os.getpid()]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * page
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total / 1e6


@contextmanager
def peak_tree_rss(every: float = 0.1) -> Iterator[list[float]]:
    """Sample :func:`tree_rss_mb` while the block runs; ``peak[0]`` holds the maximum (MB)."""
    peak = [tree_rss_mb()]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_mb())
            time.sleep(every)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()
        peak[0] = max(peak[0], tree_rss_mb())
