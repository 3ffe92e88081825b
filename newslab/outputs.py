"""Writing into a user's folders: newslab replaces a file only when it is newslab's own output.

Every writer that takes a path from the user (table exports, ``newslab analyze --out FILE``,
coding sheets) first calls :func:`claim` on the files it is about to write. A path that does not
exist is free; one that exists must look like what that writer makes (a table export's header, an
analysis JSON, a coding sheet nobody has coded yet), or nothing is written and the user gets one
sentence naming the file and what to do. Recognising newslab's output by its content needs no
marker file in the user's folder, and a newslab file the user has since edited (a coded sheet)
counts as theirs.

>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp()); _ = (d / "articles.csv").write_text("my notes")
>>> claim([d / "articles.csv"], is_table_export, "pass a new folder")
Traceback (most recent call last):
...
newslab.outputs.OutputExistsError: ...articles.csv: the file exists and newslab did not write it — pass a new folder.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Callable, Iterable

from .errors import NewslabError

_HEAD_BYTES = 4096  # enough of a file to tell newslab's output by its first lines
_TABLE_JSON_RE = re.compile(r'\A\[\s*(\]|\{\s*"doc_id")')
_ANALYSIS_JSON_RE = re.compile(r'\A(\{\s*|\[\s*\{\s*)"article"\s*:')
SUMMARY_LAST_LINE = "(use --json for the full machine-readable output)"


class OutputExistsError(NewslabError, FileExistsError):
    """A file newslab would write exists and is not newslab's output: it is left as it is."""


def claim(paths: Iterable[Path], is_ours: Callable[[Path], bool], fix: str) -> None:
    """Check, before anything is written, that each of ``paths`` is new or newslab's own output
    (``is_ours``); otherwise raise :class:`OutputExistsError` naming the first such file and ``fix``."""
    for p in map(Path, paths):
        if p.is_dir():
            raise OutputExistsError(f"{p}: a folder is in the way of a file newslab writes — {fix}.")
        if p.exists() and not is_ours(p):
            raise OutputExistsError(f"{p}: the file exists and newslab did not write it — {fix}.")


def _head(path: Path) -> str:
    with open(path, "rb") as fh:
        return fh.read(_HEAD_BYTES).decode("utf-8", errors="replace")


def is_table_export(path: Path) -> bool:
    """A table written by ``CorpusAnalysis.export``: ``doc_id`` and ``date`` are its first columns."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _head(path).lstrip("\ufeff").startswith("doc_id,date")
    if suffix == ".json":
        return _TABLE_JSON_RE.match(_head(path)) is not None
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            return pq.read_schema(path).names[:2] == ["doc_id", "date"]
        except Exception:  # not a Parquet file at all  # noqa: BLE001
            return False
    return False


def is_analysis_output(path: Path) -> bool:
    """What ``newslab analyze PATH [--json] --out FILE`` writes: the analysis JSON or the summary."""
    if _ANALYSIS_JSON_RE.match(_head(path)):
        return True
    with open(path, "rb") as fh:  # the summary ends with its pointer to --json
        fh.seek(max(0, path.stat().st_size - 200))
        tail = fh.read().decode("utf-8", errors="replace")
    return tail.rstrip().endswith(SUMMARY_LAST_LINE)


def is_uncoded_sheet(path: Path) -> bool:
    """A coding sheet newslab wrote that no coder has filled in: every cell after the ``text``
    column (the frame columns, ``notes``, any column a coder added) is empty. A coded sheet is the
    coder's work and is never replaced."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = csv.reader(fh)
            header = next(rows, [])
            if header[:2] != ["doc_id", "unit"] or "text" not in header:
                return False
            first = header.index("text") + 1
            return all(not cell.strip() for row in rows for cell in row[first:])
    except (OSError, UnicodeDecodeError, csv.Error):
        return False


def is_sheet_companion(path: Path) -> bool:
    """A coding sheet's instructions (``.instructions.md``) or newslab's codes (``.newslab.csv``)."""
    head = _head(path)
    if path.name.endswith(".instructions.md"):
        return head.startswith("# Coding instructions:")
    return head.startswith("doc_id,unit")
