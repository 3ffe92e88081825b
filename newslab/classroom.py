"""Where the lessons live, and a student's own editable copy of them (``newslab notebooks copy``).

The teaching notebooks exist in three places, and every lookup tries them in this order:

1. a **student copy** — a folder made by :func:`copy_lessons`, marked by ``newslab-lessons.yml``,
   holding the notebooks, ``coding/``, the seed article in ``data/`` and a copy of every
   dictionary in ``resources/``. Notebooks run there read those dictionaries (see
   :func:`use_copy_resources`), so "open the YAML, add a word, re-run" works without touching
   the installed package; their charts and tables go to its ``reports/``;
2. a **clone** of the repository — ``notebooks/`` and ``data/`` beside the ``newslab/`` package;
3. the **installed package** — ``newslab/lessons/`` holds the same notebooks, ``coding/`` and
   ``data/`` (the build copies them in; see ``setup.py``).

Example
-------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     written = copy_lessons(Path(tmp) / "lessons")
...     names = {p.relative_to(Path(tmp) / "lessons").as_posix() for p in written}
...     is_copy = student_copy(Path(tmp) / "lessons") is not None
>>> "01_first_look.ipynb" in names, "data/afp_2017-11-13_sochi_putin_erdogan.txt" in names, is_copy
(True, True, True)
>>> "resources/frames_generic.yml" in names, any(n.startswith("solutions/") for n in names)
(True, False)
"""
from __future__ import annotations

import os
import shutil
from contextlib import ExitStack
from pathlib import Path

from .errors import NewslabError

__all__ = ["PACKAGED_LESSONS", "MARKER", "SEED_NAME", "clone_root", "student_copy", "lessons_dir",
           "project_dir", "lesson_files", "copy_lessons", "use_copy_resources", "CopyExistsError"]

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGED_LESSONS = PACKAGE_DIR / "lessons"
MARKER = "newslab-lessons.yml"
SEED_NAME = "afp_2017-11-13_sochi_putin_erdogan"
DEMO_NAME = "demo_outlets"  # lesson 08's corpus of invented outlets, in data/
SOLUTIONS = "solutions"  # the teachers' folder beside the lessons, left out of student copies
_active_copy: list[Path] = []  # the student copy whose resources/ this process reads
_stack = ExitStack()  # keeps that resources override open for the life of the process

_MARKER_TEXT = """\
# This folder is a student copy of the newslab lessons, made by `newslab notebooks copy`.
# Everything here is yours to edit:
#   NN_*.ipynb   the lessons (open them in JupyterLab: `jupyter lab` in this folder)
#   data/        the seed article and its metadata; put your own articles here too
#   coding/      a filled-in coding sheet for notebook 6
#   resources/   copies of newslab's dictionaries. Where a lesson says "open
#                newslab/resources/NAME.yml", open resources/NAME.yml here, add a word, re-run:
#                notebooks run in this folder read these copies instead of the packaged ones.
#   reports/     charts, tables and results the notebooks write (created when they run)
# `newslab render` run in this folder renders these notebooks into reports/.
newslab: {version}
"""


class CopyExistsError(NewslabError, FileExistsError):
    """``newslab notebooks copy`` would overwrite a file that is already there."""


def clone_root() -> Path | None:
    """The repository folder when newslab runs from a clone (``notebooks/`` beside the package)."""
    here = PACKAGE_DIR.parent
    if (here / "notebooks").is_dir() and (here / "pyproject.toml").is_file():
        return here
    return None


def student_copy(folder: str | os.PathLike[str] | None = None) -> Path | None:
    """``folder`` (default: the current folder) when it is a student copy, else None."""
    p = Path(folder) if folder is not None else Path.cwd()
    return p.resolve() if (p / MARKER).is_file() else None


def lessons_dir() -> Path:
    """The folder holding the lesson notebooks: a student copy here, a clone's ``notebooks/``,
    else the installed ``newslab/lessons/``."""
    copy = student_copy()
    if copy is not None:
        return copy
    clone = clone_root()
    return clone / "notebooks" if clone is not None else PACKAGED_LESSONS


def project_dir() -> Path:
    """The folder relative outputs (``reports/...``) belong to: a student copy here, the clone,
    else the current folder."""
    return student_copy() or clone_root() or Path.cwd()


def _tree(folder: Path) -> list[tuple[Path, str]]:
    """Every file under ``folder`` except hidden ones and Jupyter checkpoints, as (path, relative)."""
    out = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            out.append((p, rel.as_posix()))
    return out


def lesson_files() -> list[tuple[Path, str]]:
    """The lessons as ``(source file, path inside the lessons folder)``: notebooks, ``coding/``,
    the seed article with its sidecar in ``data/``, and the demonstration corpus of lesson 08
    (``data/demo_outlets/``, invented outlets). ``setup.py`` ships the same list."""
    clone = clone_root()
    if clone is None:
        return _tree(PACKAGED_LESSONS)
    files = _tree(clone / "notebooks")
    files += [(p, f"data/{p.name}") for p in sorted((clone / "data").glob(SEED_NAME + ".*")) if p.is_file()]
    files += [(p, f"data/{DEMO_NAME}/{rel}") for p, rel in _tree(clone / "data" / DEMO_NAME)]
    return files


def copy_lessons(dest: str | os.PathLike[str]) -> list[Path]:
    """Copy the lessons, the seed data and every dictionary into ``dest``; returns the files written.

    The teachers' ``solutions/`` folder is not copied.

    Nothing is overwritten: when any file would be, nothing is written and
    :class:`CopyExistsError` names it. ``dest`` may exist (an empty folder, or one holding other files).
    """
    from .version import __version__
    from .resources import RESOURCE_DIR

    dest = Path(dest).expanduser()
    if dest.exists() and not dest.is_dir():
        raise CopyExistsError(f"{dest}: is a file — pass a new or empty folder for the lessons.")
    # Teachers' solutions (notebooks/solutions/) stay out of a student's copy.
    plan = [(src, dest / rel) for src, rel in lesson_files() if not rel.startswith(f"{SOLUTIONS}/")]
    plan += [(src, dest / "resources" / rel) for src, rel in _tree(RESOURCE_DIR)]
    taken = [target for _, target in plan if target.exists()] + [p for p in [dest / MARKER] if p.exists()]
    if taken:
        more = f" and {len(taken) - 1} more files already exist" if len(taken) > 1 else " already exists"
        raise CopyExistsError(f"{taken[0]}{more} — pass a new or empty folder to `newslab notebooks copy` "
                              "(nothing was written).")
    written = []
    for src, target in plan:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        written.append(target)
    (dest / MARKER).write_text(_MARKER_TEXT.format(version=__version__), encoding="utf-8")
    return [*written, dest / MARKER]


def use_copy_resources(folder: str | os.PathLike[str] | None = None) -> Path | None:
    """When ``folder`` (default: the current one) is a student copy, read dictionaries from its
    ``resources/`` for the rest of this process; returns that folder, else None.

    :mod:`newslab.reporting` calls this on import, so a notebook opened in a student copy uses
    the student's edited dictionaries. Calling it again is harmless.
    """
    from .resources import resource_dir

    copy = student_copy(folder)
    if copy is None or not (copy / "resources").is_dir():
        return None
    res = copy / "resources"
    if res not in _active_copy:
        _stack.enter_context(resource_dir(res))
        _active_copy.append(res)
    return res
