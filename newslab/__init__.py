"""newslab — framing analysis of news for teaching and research.

Load an article, then ask who is in it, how it feels, who speaks, who stands where and how the
story is framed; every answer is a tidy pandas table with character offsets into the original text.

>>> import newslab
>>> a = newslab.Article.from_text("Talks\\n\\nRussia and Turkey met. They agreed.")
>>> a.n_sentences
2
"""
from __future__ import annotations

import os
from typing import Any

from .article import Article, Corpus, Paragraph, Sentence, Span, Token
from .errors import NewslabError
from .version import __version__


def open_results(folder: str | os.PathLike[str]) -> Any:
    """Open a results folder written by ``analyze_corpus(corpus, out=folder)``: a lazy
    :class:`newslab.store.Results` (imported here only when called: it needs pyarrow)."""
    from .store import open_results as open_store

    return open_store(folder)


def compare(result: Any, by: str = "source", **options: Any) -> Any:
    """Compare outlets, periods or any metadata column of a corpus analysis (in memory or a
    results folder): :func:`newslab.compare.compare` (imported here only when called)."""
    from .compare import compare as compare_groups

    return compare_groups(result, by, **options)


__all__ = ["Article", "Corpus", "Paragraph", "Sentence", "Span", "Token", "NewslabError", "open_results", "compare",
           "__version__"]
