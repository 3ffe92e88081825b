"""newslab — framing analysis of news for teaching and research.

Load an article, then ask who is in it, how it feels, who speaks, who stands where and how the
story is framed; every answer is a tidy pandas table with character offsets into the original text.

>>> import newslab
>>> a = newslab.Article.from_text("Talks\\n\\nRussia and Turkey met. They agreed.")
>>> a.n_sentences
2
"""
from __future__ import annotations

from .version import __version__  # noqa: E402
from .article import Article, Corpus, Paragraph, Sentence, Span, Token  # noqa: E402
from .errors import NewslabError  # noqa: E402


def open_results(folder):  # noqa: ANN001, ANN201 - documented in newslab.store.open_results
    """Open a results folder written by ``analyze_corpus(corpus, out=folder)`` (see newslab.store)."""
    from .store import open_results as _open

    return _open(folder)

__all__ = ["Article", "Corpus", "Paragraph", "Sentence", "Span", "Token", "NewslabError", "open_results", "__version__"]
