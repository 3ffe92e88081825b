"""Word-level reasons for a sentence's VADER and TextBlob scores.

The rows come from the traces of the same engines that score every sentence
(:func:`newslab.sentiment.vader.valences`, :func:`newslab.sentiment.textblob.assess` and, in news
mode, :mod:`newslab.sentiment.news`), so an explanation always adds up to the score it explains.

>>> df = explain_sentiment("The summit was a GREAT success, but the war goes on!")
>>> df[["method", "word", "rules", "valence"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['vader', 'GREAT', "ALL CAPS; before 'but' x0.5", 1.9165],
 ['vader', 'success', "before 'but' x0.5", 1.35],
 ['vader', 'but', 'news mode: contrast cue', -0.5],
 ['vader', 'war', 'news mode: topic word, 0% of lexicon value kept', 0.0],
 ['vader', '!', "punctuation emphasis (1 '!', 0 '?')", 0.292],
 ['textblob', 'great', '', 0.8],
 ['textblob', 'success', 'exclamation x1.25', 0.375]]
>>> df.attrs["vader"], round(float(df.loc[df["method"] == "vader", "valence"].sum()), 4), df.attrs["vader_sum"]
(0.6198, 3.0585, 3.0585)
"""
from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from ..lazy import pandas as pd

from ..article import Article
from ..errors import ParameterError
from . import textblob, vader
from .news import NewsSettings, check_mode, news_settings, textblob_news, vader_news

__all__ = ["EXPLAIN_COLUMNS", "explain_sentiment"]

EXPLAIN_COLUMNS = ["method", "word", "start", "end", "article_start", "article_end", "lexicon",
                   "news_keep", "rules", "valence", "share"]
_NONSPACE = re.compile(r"\S+")


def _vader_spans(text: str, ws: list[str]) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each of VADER's words ``ws`` of ``text``."""
    expanded, origin = vader.describe_emoji(text)
    lead = len(expanded) - len(expanded.lstrip())
    spans = []
    for m, word in zip(_NONSPACE.finditer(expanded.strip()), ws):
        tok = m.group()
        # VADER's word is the token or the token without its edge punctuation.
        s = m.start() + (tok.find(word) if word != tok else 0)
        spans.append((origin[lead + s], origin[lead + s + len(word) - 1] + 1))
    return spans


def _vader_rows(text: str, st: NewsSettings | None) -> tuple[list[dict], dict]:
    """VADER rows for explain_sentiment; ``st`` None = standard mode."""
    t = vader.tokenize(text)
    trace: list[dict[str, Any]] = []
    if st is None:
        total = float(sum(vader.valences(t, vader.lexicon(), trace)))
        compound = vader.compound(total, t.emphasis)
    else:
        compound, total = vader_news(st, t, None, trace)
    ws = vader.words(t)
    spans = _vader_spans(text, ws)
    base = vader.lexicon()
    rows = [{"method": "vader", "word": ws[e["k"]], "start": spans[e["k"]][0], "end": spans[e["k"]][1],
             "lexicon": None if e["lexicon"] is None else base.get(t.lowers[e["k"]], e["lexicon"]),
             "news_keep": e.get("news_keep"), "rules": "; ".join(r for r, _ in e["rules"]),
             "valence": round(float(e["valence"]), 4) + 0.0} for e in trace]
    if t.emphasis and total != 0:
        signed = t.emphasis if total > 0 else -t.emphasis
        first = min((k for k, c in enumerate(text) if c in "!?"), default=len(text) - 1)
        rows.append({"method": "vader", "word": "!" if "!" in text else "?", "start": first, "end": first + 1,
                     "lexicon": None, "news_keep": None,
                     "rules": f"punctuation emphasis ({text.count('!')} '!', {text.count('?')} '?')",
                     "valence": round(signed, 4)})
        total += signed
    rows.sort(key=lambda r: (r["start"], r["rules"]))
    return rows, {"vader": compound, "vader_sum": round(total, 4)}


def _textblob_spans(text: str, ws: list[str]) -> list[tuple[int, int] | None]:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out: list[tuple[int, int] | None] = []
    pos = 0
    for w in ws:
        k = low.find(w, pos)
        if k < 0:
            out.append(None)
        else:
            out.append((k, k + len(w)))
            pos = k + len(w)
    return out


def _textblob_rows(text: str, st: NewsSettings | None) -> tuple[list[dict], dict]:
    """TextBlob rows for explain_sentiment; ``st`` None = standard mode."""
    ws = textblob.words(text)
    if ws is None:
        return [], {"textblob": textblob.fallback(text)[0], "textblob_explained": False}
    trace: list[dict[str, Any]] = []
    if st is None:
        polarity = textblob.polarity(textblob.assess(ws, textblob.table(), trace), trace)[0]
    else:
        polarity = textblob_news(st, ws, None, trace)
    spans = _textblob_spans(text, ws)
    base = textblob.table()
    rows = []
    for e in trace:
        span = spans[e["k"]]
        rows.append({"method": "textblob", "word": e["word"], "start": span[0] if span else None,
                     "end": span[1] if span else None, "lexicon": base.get(e["word"], (e["lexicon"],))[0],
                     "news_keep": e.get("news_keep"), "rules": "; ".join(r for r, _ in e["rules"]),
                     "valence": round(float(e["valence"]), 4) + 0.0})
    return rows, {"textblob": polarity, "textblob_explained": True}


def _sentence_text(text_or_span: Any, article: Article | None) -> tuple[str, int | None]:
    """The text to explain and its offset in ``article.text`` (None for a plain string)."""
    if isinstance(text_or_span, str):
        return text_or_span, None
    if isinstance(text_or_span, int) and article is not None:
        if not 0 <= text_or_span < article.n_sentences:
            raise ParameterError(f"sentence {text_or_span}: the article has {article.n_sentences} sentences — "
                                 "pass an index from 0 to n_sentences - 1.")
        s = article.sentences[text_or_span]
        return s.text, s.start
    if hasattr(text_or_span, "start") and hasattr(text_or_span, "end"):
        if article is not None:
            return article.text[text_or_span.start:text_or_span.end], text_or_span.start
        if getattr(text_or_span, "text", None):
            return text_or_span.text, None
        raise ParameterError("explain_sentiment: a span without text needs article= to read its words.")
    raise ParameterError(f"text_or_span={type(text_or_span).__name__}: pass a string, a sentence/span "
                         "with start and end, or a sentence index together with article=.")


def explain_sentiment(text_or_span: Any, article: Article | None = None, mode: str | None = None,
                      news: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The words behind a sentence's VADER and TextBlob scores, and the rules that changed them.

    One row per lexicon word that counted (per method): ``word``, ``start``/``end`` (offsets into
    the sentence), ``article_start``/``article_end`` (offsets into ``article.text`` when a span
    and its article are given), ``lexicon`` (the published lexicon value: VADER −4…+4, TextBlob
    −1…+1), ``news_keep`` (share kept in news mode), ``rules`` (negation, booster/dampener, "but",
    ALL CAPS, exclamation, idiom, intensifier, and in news mode the topic-word share and the
    negativity weight) and ``valence`` (the word's final contribution). ``share`` is each word's
    part of its method's total. VADER's punctuation emphasis and, in news mode, each negation or
    contrast cue are rows of their own, so the VADER rows always add up to ``vader_sum``.
    ``df.attrs`` holds the sentence totals: ``vader`` (compound), ``vader_sum`` (sum of valences +
    punctuation, which VADER normalises as sum / sqrt(sum² + 15)) and ``textblob`` (the mean of
    the TextBlob valences).

    Parameters
    ----------
    text_or_span : str, or anything with ``start``/``end`` (a Sentence, Span, or an int
        sentence index) together with ``article``.
    mode : "news" (default) or "standard" — which lexicon the explanation uses.

    >>> df = explain_sentiment("The talks were not very good!", mode="standard")
    >>> df[["method", "word", "lexicon", "rules", "valence"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['vader', 'good', 1.9, "booster 'very'; negation ('not')", -1.6228],
     ['vader', '!', nan, "punctuation emphasis (1 '!', 0 '?')", -0.292],
     ['textblob', 'good', 0.7,
      "intensifier 'very' x0.769 (inverted by negation); exclamation x1.25; negation 'not' x-0.5", -0.3365]]
    """
    mode = check_mode(mode)
    text, offset = _sentence_text(text_or_span, article)
    settings = news_settings(news)  # read (and checked) in both modes
    st = settings if mode == "news" else None
    vrows, vsum = _vader_rows(text, st)
    trows, tsum = _textblob_rows(text, st)
    df = pd.DataFrame(vrows + trows, columns=EXPLAIN_COLUMNS)
    if offset is not None:
        df["article_start"] = df["start"].map(lambda v: None if v is None or pd.isna(v) else int(v) + offset)
        df["article_end"] = df["end"].map(lambda v: None if v is None or pd.isna(v) else int(v) + offset)
    for method in ("vader", "textblob"):
        m = df["method"] == method
        total = df.loc[m, "valence"].abs().sum()
        df.loc[m, "share"] = (df.loc[m, "valence"] / total).round(3) if total else 0.0
    df.attrs.update(vsum)
    df.attrs.update(tsum)
    df.attrs["mode"] = mode
    df.attrs["text"] = text
    return df
