"""The machine-readable face of newslab: ``newslab analyze PATH --json``.

Shape (one object per article; a list for a corpus)::

    {"article": {"id", "title", "date", "source", "dateline",
                 "n_paragraphs", "n_sentences", "n_tokens", ...analyzer roll-ups},
     "sentences": [{"i", "paragraph", "start", "end", "text", ...per-sentence fields}],
     "entities": [], "actors": [], "quotes": [], "stance": [], "relations": [], "frames": []}

Every section is generated from the annotation layers (:mod:`newslab.layers`): a layer that
declares a ``json_section`` fills that section with its rows (each passed through its declared
``json_row``, the subset of columns the JSON keeps), and a layer's ``json_summary`` adds its
article-level fields (sentiment, dyads, dominant frames) to the ``article`` block.
"""
from __future__ import annotations

import math
from typing import Any

from . import layers
from .article import Article

SECTIONS = ("entities", "actors", "quotes", "stance", "relations", "frames")


def article_json(article: Article) -> dict[str, Any]:
    """Build the JSON-ready dict for one article (see the module docstring for the shape)."""
    generated = layers.json_sections(article)
    doc: dict[str, Any] = {"article": {**article.metadata(), **generated.pop("article")},
                           "sentences": generated.pop("sentences")}
    for section in SECTIONS:
        doc[section] = generated.pop(section, [])
    doc.update(generated)  # sections of layers added later come after the documented ones
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
