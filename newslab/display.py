"""Articles shown in a notebook with their annotations highlighted, the way displaCy shows spaCy docs.

``article.show("mentions", "quotes")`` (or just ``article`` as the last line of a cell) renders the
article's paragraphs as HTML with the spans of the chosen layers marked: hover a mark to see what
the analyzer made of it (the actor and side of a mention, the speaker of a quote, the frame of a
term, the source → target of an event, the stance and its evidence). Everything shown is escaped.

>>> from newslab import Article
>>> a = Article.from_text("Talks\\n\\n\\"We agreed,\\" Modi said after meeting Xi.")
>>> html = a.show("mentions", "quotes").html
>>> '<mark class="nl-quote"' in html and 'title="Narendra Modi (direct)"' in html
True
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

SpanRow = tuple[int, int, str, str]  # start, end, label (picks the colour), tooltip


def _mention_spans(article: Any) -> Iterator[SpanRow]:
    for r in article.layer("mentions"):
        if r["how"] != "title":
            who = r["actor"] or r["entity"]
            yield r["start"], r["end"], r["label"], f"{who} ({r['side'] or 'no side'}) — {r['how']}"


def _quote_spans(article: Any) -> Iterator[SpanRow]:
    for r in article.layer("quotes"):
        yield r["start"], r["end"], "quote", f"{r['speaker'] or r['speaker_text'] or 'unattributed'} ({r['kind']})"


def _frame_spans(article: Any, scheme: str = "generic") -> Iterator[SpanRow]:
    for r in article.layer("frames", scheme=(scheme,), levels=("article",)):
        if r["level"] == "article":
            for t in r["terms"]:
                note = ", negated" if t["negated"] else ""
                yield t["start"], t["end"], r["frame"], f"{r['scheme']}: {r['frame']} ({t['term']}{note})"


def _relation_spans(article: Any) -> Iterator[SpanRow]:
    for r in article.layer("relations"):
        label = "favor" if r["type"].endswith("cooperation") else "against"
        yield r["start"], r["end"], label, f"{r['source']} → {r['target']}: {r['type']}, {r['time']}"


def _stance_spans(article: Any) -> Iterator[SpanRow]:
    for r in article.layer("stance"):
        if r["stance"] != "neutral":
            yield r["start"], r["end"], r["stance"], f"{r['holder'] or 'the text'} {r['stance']} {r['target']}: {r['evidence']}"


def _sentiment_spans(article: Any) -> Iterator[SpanRow]:
    for r in article.layer("sentiment"):
        yield r["start"], r["end"], r["label"], f"score {r['score']:+.2f} (VADER {r['vader']:+.2f}, news mode)"


SHOWN: dict[str, Callable[[Any], Iterator[SpanRow]]] = {
    "mentions": _mention_spans, "quotes": _quote_spans, "frames": _frame_spans,
    "relations": _relation_spans, "stance": _stance_spans, "sentiment": _sentiment_spans,
}


def _key(colours: dict[str, str]) -> str:
    """A key of the labels marked: each label written in its own colour."""
    from .plots.text import highlight_html

    text, marks = "", []
    for label in colours:
        marks.append((len(text), len(text) + len(label), label, label))
        text += label + "  "
    return f"<small>Key: </small>{highlight_html(text.rstrip(), marks, colours=colours)}" if colours else ""


@dataclass(frozen=True)
class Highlighted:
    """An article as HTML with the spans of some layers marked (shown by Jupyter)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def show(article: Any, *layer_names: str, max_paragraphs: int | None = None, scheme: str = "generic") -> Highlighted:
    """The article's paragraphs with the spans of ``layer_names`` marked (default: mentions).

    Layers: mentions, quotes, frames (the terms of one frame ``scheme``), relations, stance,
    sentiment. Where spans overlap, the layer named first wins.
    """
    from .errors import ParameterError
    from .plots.text import esc, highlight_html, label_colours

    names = layer_names or ("mentions",)
    unknown = [n for n in names if n not in SHOWN]
    if unknown:
        raise ParameterError(f"show({', '.join(map(repr, unknown))}): choose from {', '.join(SHOWN)}.")
    spans = [s for n in names for s in (_frame_spans(article, scheme) if n == "frames" else SHOWN[n](article))]
    head = f"<h3>{esc(article.title)}</h3>" if article.title else ""
    meta = " · ".join(esc(x) for x in (article.source, article.date, article.dateline) if x)
    paragraphs = article.paragraphs[:max_paragraphs] if max_paragraphs else article.paragraphs
    colours = label_colours(s[2] for s in spans)  # one colour per label in every paragraph
    body = [_key(colours)]
    for p in paragraphs:
        inside = [s for s in spans if p.start <= s[0] and s[1] <= p.end]
        body.append(f'<div style="margin:0 0 0.6em 0;line-height:1.6">'
                    f'{highlight_html(p.text, inside, colours=colours, offset=p.start)}</div>')
    more = len(article.paragraphs) - len(paragraphs)
    tail = f"<p><small>… {more} more paragraphs</small></p>" if more > 0 else ""
    return Highlighted(f'<div class="nl-article">{head}<p><small>{meta}</small></p>{"".join(body)}{tail}</div>')
