"""The examples in newslab's docstrings run and give the output they show."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import newslab

MODULES = sorted(m.name for m in pkgutil.walk_packages(newslab.__path__, "newslab.")
                 if m.name not in ("newslab.__main__",))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name, monkeypatch, tmp_path):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"


def test_the_main_modules_have_examples():
    finder = doctest.DocTestFinder()
    examples = {name: sum(len(t.examples) for t in finder.find(importlib.import_module(name)))
                for name in MODULES}
    documented = [n for n, k in examples.items() if k]
    for core in ("newslab.article", "newslab.sentiment", "newslab.entities", "newslab.quotes",
                 "newslab.relations", "newslab.stance", "newslab.frames", "newslab.pipeline"):
        assert core in documented
