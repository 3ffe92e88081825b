"""Build hook: ship the lessons inside the package, so an installed newslab can render them.

The clone keeps one copy of each lesson file where teachers and students edit it (``notebooks/``
and the seed article in ``data/``); building a wheel copies them into ``newslab/lessons/``
(notebooks, ``coding/``, and ``data/`` with the seed and its sidecar and the demonstration
corpus ``data/demo_outlets/`` of lesson 08). An editable install
needs no copy: newslab reads the clone's folders (see ``newslab/classroom.py``, whose
``lesson_files()`` lists the same files and is checked against the wheel by the tests).
Everything else about the build is in ``pyproject.toml``.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SEED_NAME = "afp_2017-11-13_sochi_putin_erdogan"
DEMO_NAME = "demo_outlets"


def lesson_files() -> list[tuple[Path, str]]:
    """(source, path inside newslab/lessons/) for every lesson file; hidden files are left out."""
    files = []
    for p in sorted((HERE / "notebooks").rglob("*")):
        rel = p.relative_to(HERE / "notebooks")
        if p.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            files.append((p, rel.as_posix()))
    files += [(p, f"data/{p.name}") for p in sorted((HERE / "data").glob(SEED_NAME + ".*")) if p.is_file()]
    # the demonstration corpus of lesson 08 (invented outlets), with its README
    files += [(p, f"data/{DEMO_NAME}/{p.name}") for p in sorted((HERE / "data" / DEMO_NAME).glob("*"))
              if p.is_file() and not p.name.startswith(".")]
    return files


class BuildWithLessons(build_py):
    """build_py that also copies the lessons into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads notebooks/ and data/ from the clone
        for source, rel in lesson_files():
            target = Path(self.build_lib) / "newslab" / "lessons" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        extra = [str(Path(self.build_lib) / "newslab" / "lessons" / rel) for _, rel in lesson_files()]
        return [*super().get_outputs(include_bytecode), *extra]


setup(cmdclass={"build_py": BuildWithLessons})
