"""The machine-readable face of newslab: ``newslab analyze PATH --json``.

Shape (one object per article; a list for a corpus)::

    {"article": {"id", "title", "date", "source", "dateline",
                 "n_paragraphs", "n_sentences", "n_tokens", ...analyzer roll-ups},
     "sentences": [{"i", "paragraph", "start", "end", "text", ...per-sentence fields}],
     "entities": [], "actors": [], "quotes": [], "stance": [], "relations": [], "frames": []}

Each analyzer module contributes its fields through a function ``add_json(article, doc)`` that
fills its own sections of ``doc`` in place. The order below matters only for readability.
"""
from __future__ import annotations

import importlib
import math
from typing import Any

from .article import Article

SECTIONS = ("entities", "actors", "quotes", "stance", "relations", "frames")
# Modules that contribute fields, in the order they run.
ANALYZER_MODULES = ("sentiment", "entities", "quotes", "relations", "stance", "frames")


def _contributors() -> list[Any]:
    mods = []
    for name in ANALYZER_MODULES:
        try:
            mod = importlib.import_module(f"newslab.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"newslab.{name}":
                continue  # analyzer not written yet
            raise
        if hasattr(mod, "add_json"):
            mods.append(mod)
    return mods


def article_json(article: Article) -> dict[str, Any]:
    """Build the JSON-ready dict for one article (see the module docstring for the shape)."""
    doc: dict[str, Any] = {
        "article": article.metadata(),
        "sentences": [{"i": s.i, "paragraph": s.paragraph, "start": s.start, "end": s.end,
                       "text": s.text} for s in article.sentences],
    }
    for section in SECTIONS:
        doc[section] = []
    for mod in _contributors():
        mod.add_json(article, doc)
    return clean_json(doc)


def clean_json(obj: Any) -> Any:
    """Turn numpy/pandas scalars into plain Python and NaN into None, recursively."""
    if isinstance(obj, dict):
        return {str(k): clean_json(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean_json(v) for v in obj]
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        try:
            obj = obj.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    return obj
