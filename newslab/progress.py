"""Progress bars for long corpus work (tqdm), quiet when output is not a terminal.

:func:`progress` wraps an iterable; :func:`progress_bar` gives a bar that a corpus engine moves
itself (articles done, with the rate and, when the total is known, the time left, and the
shards written as a note), or a silent stand-in when bars are off:

>>> bar = progress_bar(desc="analyzing", unit="article", enabled=False)
>>> bar.update(512); bar.set_postfix_str("1 shard"); bar.write("never shown", file=sys.stderr); bar.close()
"""
from __future__ import annotations

import os
import sys
from typing import Any, Iterable, Iterator, TypeVar

T = TypeVar("T")


def bars_enabled(enabled: bool | None) -> bool:
    """Whether to show a bar: ``None`` asks whether stderr is a terminal; ``NEWSLAB_PROGRESS=0``
    switches bars off everywhere."""
    if os.environ.get("NEWSLAB_PROGRESS") == "0":
        return False
    return sys.stderr.isatty() if enabled is None else bool(enabled)


def progress(items: Iterable[T], *, desc: str = "", unit: str = "it", enabled: bool | None = None,
             total: int | None = None) -> Iterator[T]:
    """Wrap ``items`` in a tqdm bar on stderr.

    By default the bar shows only on an interactive terminal (so CI logs and rendered reports stay
    clean); ``enabled=True`` forces it, ``NEWSLAB_PROGRESS=0`` switches it off everywhere.
    """
    if not bars_enabled(enabled):
        yield from items
        return
    from tqdm.auto import tqdm

    yield from tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr, leave=False)


class QuietBar:
    """The bar when bars are off: every call does nothing."""

    def update(self, n: int = 1) -> None:
        pass

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        pass

    def write(self, s: str, file: Any = None) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(*, desc: str = "", unit: str = "it", enabled: bool | None = None,
                 total: int | None = None) -> Any:
    """A tqdm bar on stderr moved with ``update(n)`` (same rules as :func:`progress`), or a
    :class:`QuietBar`."""
    if not bars_enabled(enabled):
        return QuietBar()
    from tqdm.auto import tqdm

    return tqdm(desc=desc, unit=unit, total=total, file=sys.stderr, leave=False, smoothing=0.1)
