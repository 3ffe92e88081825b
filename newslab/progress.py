"""Progress bars for long corpus work (tqdm), quiet when output is not a terminal."""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], *, desc: str = "", unit: str = "it", enabled: bool | None = None,
             total: int | None = None) -> Iterator[T]:
    """Wrap ``items`` in a tqdm bar on stderr.

    By default the bar shows only on an interactive terminal (so CI logs and rendered reports stay
    clean); ``enabled=True`` forces it, ``NEWSLAB_PROGRESS=0`` switches it off everywhere.
    """
    if os.environ.get("NEWSLAB_PROGRESS") == "0":
        enabled = False
    elif enabled is None or enabled:
        enabled = sys.stderr.isatty() if enabled is None else True
    if not enabled:
        yield from items
        return
    from tqdm.auto import tqdm

    yield from tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr, leave=False)
