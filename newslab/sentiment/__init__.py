"""Sentence sentiment a class can explain: VADER and TextBlob side by side, with word-level reasons.

Two lexicon methods score every sentence:

* **VADER** (Hutto & Gilbert 2014) — the lexicon and rules of the ``vaderSentiment`` wheel.
  ``compound`` is in [-1, 1]; ``neg``/``neu``/``pos`` are the shares of the sentence's words.
  Label: ``pos`` when compound >= 0.05, ``neg`` when <= -0.05, else ``neu`` (VADER's convention).
* **TextBlob** — the default ``PatternAnalyzer`` (Pattern's adjective lexicon, De Smedt &
  Daelemans 2012). ``polarity`` in [-1, 1], ``subjectivity`` in [0, 1]. Label: ``pos`` when
  polarity > 0, ``neg`` when < 0, else ``neu`` — TextBlob gives exactly 0.0 whenever no lexicon word
  is found, so any band wider than 0 would mostly hide weak opinions (``"a good deal"`` is 0.7,
  ``"slightly better"`` 0.5 …; the smallest non-zero |polarity| in the NYT benchmark is about 0.0015).
  This is the labelling of BASELINES.md scheme A.

newslab adds a **recommended** ``score`` and ``label``: VADER and TextBlob computed in *news mode*
and blended (0.7 x VADER compound + 0.3 x TextBlob polarity). The label is ``neu`` only when
|score| < 0.005 (no sentiment evidence), otherwise the score's sign.

**News mode** (the default, ``mode="news"``) reads ``newslab/resources/sentiment_news.yml``, a file a
teacher can open and edit: (1) words such as *conflict*, *crisis*, *war* (and, halved, *killed*,
*attack*) that in news name the topic rather than the writer's tone keep only a share of their
lexicon value, as do institution names such as *Justice* Department or *United* Nations;
(2) negative words count 1.75 times (negativity bias in how news is read); (3) negation and
contrast words ("not", "despite", "however") add a small negative cue. ``mode="standard"`` blends
the plain published scores. The default and every number in the file were chosen on the odd
NYT editorials of the VADER benchmark and reported on the even ones (``benchmarks/sentiment_nyt.py``):
held-out Pearson r 0.547 and weighted-F1 0.629 (published VADER: 0.509 / 0.551). For tweets use
``mode="standard"`` (r 0.881, weighted-F1 0.947 vs VADER 0.872 / 0.948).

The package holds one engine per method, each an exact re-implementation (checked value for value
against ``SentimentIntensityAnalyzer.polarity_scores`` and ``TextBlob(text).sentiment`` on the
23,703 benchmark snippets, see ``tests/test_sentiment.py`` and ``benchmarks/sentiment_nyt.py``):
:mod:`~newslab.sentiment.vader` and :mod:`~newslab.sentiment.textblob`. News mode is applied in
:mod:`~newslab.sentiment.news`. Each engine takes an optional ``trace`` list that records *why*
— which word, which rule, which valence — and :func:`explain_sentiment`
(:mod:`~newslab.sentiment.explain`) turns that trace into rows with character offsets, so the
words it shows are those the score was computed from.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text("Talks\\n\\nThe talks were very good. The war killed thousands.")
>>> df = score_sentiment(a, mode="standard")
>>> df[["i", "vader", "textblob", "vader_label"]].round(2).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'i': 0, 'vader': 0.49, 'textblob': 0.91, 'vader_label': 'pos'},
 {'i': 1, 'vader': -0.86, 'textblob': -0.2, 'vader_label': 'neg'}]
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from ..lazy import pandas as pd

from .. import layers
from ..article import Article
from ..errors import ParameterError
from . import textblob, vader
from .explain import EXPLAIN_COLUMNS, explain_sentiment
from .news import (DEFAULT_MODE, MODES, NEWS_RESOURCE, VADER_POS, NewsSettings, check_mode, news_lexicon,
                   news_settings, textblob_news, vader_lexicon, vader_news)

__all__ = [
    "score_sentiment", "sentiment_rollup", "explain_sentiment", "method_agreement", "actor_sentiment",
    "score_text", "recommended_score", "label_vader", "label_textblob", "label_score",
    "news_lexicon", "vader_lexicon", "vader_polarity", "MODES", "DEFAULT_MODE",
]

VADER_NEG = -VADER_POS


def vader_polarity(text: str, lexicon: dict[str, float] | None = None) -> dict[str, float]:
    """VADER's ``polarity_scores`` (same numbers), optionally with another lexicon.

    >>> vader_polarity("The talks were not good.")
    {'neg': 0.376, 'neu': 0.624, 'pos': 0.0, 'compound': -0.3412}
    """
    return vader.polarity_scores(text, lexicon)


def textblob_polarity(text: str) -> tuple[float, float]:
    """TextBlob's ``(polarity, subjectivity)`` (PatternAnalyzer; same numbers, faster).

    >>> textblob_polarity("The talks were not very good!")
    (-0.33653846153846145, 0.46153846153846156)
    """
    return textblob.sentiment(text)


# =================================================================================================
# Scoring
# =================================================================================================
def label_vader(compound: float) -> str:
    """VADER's convention: ``pos`` at >= 0.05, ``neg`` at <= -0.05, else ``neu``."""
    return "pos" if compound >= VADER_POS else "neg" if compound <= VADER_NEG else "neu"


def label_textblob(polarity: float) -> str:
    """``pos`` when polarity > 0, ``neg`` when < 0, ``neu`` when exactly 0 (no lexicon word)."""
    return "pos" if polarity > 0 else "neg" if polarity < 0 else "neu"


def label_score(score: float, band: float | None = None) -> str:
    """Label of the recommended score: ``neu`` when |score| < ``band`` (``label_band`` in
    sentiment_news.yml, 0.005: the score rounds to 0.00), else its sign.

    >>> label_score(0.02), label_score(-0.004), label_score(0.0)
    ('pos', 'neu', 'neu')
    """
    band = news_settings().label_band if band is None else band
    return "pos" if score >= band and score > 0 else "neg" if score <= -band and score < 0 else "neu"


def recommended_score(vader_compound: float, textblob_polarity: float,
                      news: str | os.PathLike[str] | None = None) -> float:
    """newslab's recommended score: a fixed blend of VADER compound and TextBlob polarity.

    The weights live in ``sentiment_news.yml`` (``blend``; 0.7 / 0.3 by default), tuned for
    Pearson r on the odd NYT editorials only. Pass the news-mode values to get the news score.

    >>> recommended_score(0.4, -0.2)
    0.22
    """
    return _blend(news_settings(news), vader_compound, textblob_polarity)


def _blend(st: NewsSettings, vader_compound: float, textblob_polarity: float) -> float:
    return round(st.vader_weight() * vader_compound + st.textblob_weight() * textblob_polarity, 4)


def score_text(text: str, mode: str | None = None, news: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """All sentiment numbers for one piece of text (usually a sentence).

    Keys: ``vader_neg``, ``vader_neu``, ``vader_pos``, ``vader`` (compound), ``textblob``,
    ``textblob_subjectivity`` (the published methods), ``vader_news``, ``textblob_news`` (news
    mode; equal to the plain values in standard mode or when no topic word occurs), ``score``
    and the three labels.

    >>> r = score_text("Talks on the Syrian conflict went well.")
    >>> r["vader"], r["vader_news"], r["label"]
    (-0.0516, 0.2732, 'pos')
    """
    mode = check_mode(mode)
    if not isinstance(text, str):
        raise ParameterError(f"text={type(text).__name__}: score_text needs a string — pass sentence.text.")
    return _score(text, mode, news_settings(news))


def _score(text: str, mode: str, st: NewsSettings) -> dict[str, Any]:
    # Once per sentence of a corpus: the settings are resolved once per article, not here.
    tokens = text.split()  # both methods start from the whitespace tokens
    t = vader.tokenize(text, tokens)
    valences = vader.valences(t, vader.lexicon())
    neg, neu, pos, compound = vader.scores(valences, t.emphasis)
    words = textblob.words(text, tokens)
    polarity, subjectivity = textblob.fallback(text) if words is None else \
        textblob.polarity(textblob.assess(words, textblob.table()))
    v_news, t_news = compound, polarity
    if mode == "news":
        v_news = vader_news(st, t, valences)[0]
        if words is not None:  # (TextBlob's own tokenizer ran: no news mode for it)
            t_news = textblob_news(st, words, polarity)
    score = _blend(st, v_news, t_news)
    return {"vader_neg": neg, "vader_neu": neu, "vader_pos": pos, "vader": compound,
            "textblob": polarity, "textblob_subjectivity": subjectivity,
            "vader_news": v_news, "textblob_news": t_news, "score": score,
            "vader_label": label_vader(compound), "textblob_label": label_textblob(polarity),
            "label": label_score(score, st.label_band)}


_SCORE_COLUMNS = ["vader_neg", "vader_neu", "vader_pos", "vader", "textblob", "textblob_subjectivity",
                  "vader_news", "textblob_news", "score", "vader_label", "textblob_label", "label"]
SENTENCE_COLUMNS = ["i", "paragraph", "start", "end", "text"] + _SCORE_COLUMNS + ["mode"]


def _json_row(r: dict[str, Any]) -> dict[str, Any]:
    return {"i": r["i"], "paragraph": r["paragraph"], "start": r["start"], "end": r["end"], "text": r["text"],
            "sentiment": {"vader": float(r["vader"]), "textblob": round(float(r["textblob"]), 4),
                          "score": float(r["score"]), "label": r["label"]}}


def _json_summary(article: Article) -> dict[str, Any]:
    """The article block's ``sentiment``: the same keys as a sentence's, for the article mean."""
    rows = article.layer("sentiment")
    if not rows:
        return {"sentiment": {"vader": None, "textblob": None, "score": None, "label": None}}
    # sentiment_rollup's article means, from the rows (no DataFrame: no pandas import for --json)
    mean = {c: layers.column_mean((r[c] for r in rows), 4) for c in ("vader", "textblob", "score")}
    return {"sentiment": {**mean, "label": label_score(mean["score"])}}


@layers.register("sentiment", columns=SENTENCE_COLUMNS, requires=("sentences",),
                 dtypes={**{c: "int" for c in ("i", "paragraph", "start", "end")},
                         **{c: "float" for c in _SCORE_COLUMNS[:9]}},
                 resources=lambda p: [p.get("news") or NEWS_RESOURCE], defaults={"mode": DEFAULT_MODE, "news": None},
                 table="sentences", json_section="sentences", json_row=_json_row, json_summary=_json_summary)
def sentence_sentiment(article: Article, mode: str, news: str | os.PathLike[str] | None) -> list[dict[str, Any]]:
    """One row per sentence: the sentence row with its VADER, TextBlob and recommended scores."""
    settings = news_settings(news)
    return [{**s, **_score(s["text"], mode, settings), "mode": mode} for s in article.layer("sentences")]


def score_sentiment(article_or_corpus: Any, mode: str | None = None,
                    news: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Score every sentence with VADER, TextBlob and newslab's recommended score.

    One row per sentence with its offsets (``article.text[start:end]`` is the sentence) and the
    columns described in :func:`score_text`, plus ``mode``. Over a :class:`~newslab.Corpus` the
    rows of all articles are stacked with ``doc_id`` and ``date`` columns first.

    Parameters
    ----------
    mode : "news" (default) or "standard"
        News mode tones down topic words listed in ``sentiment_news.yml`` for the recommended
        score; the ``vader``/``textblob`` columns are always the published methods.
    news : path, optional
        Your own copy of the news-mode YAML.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nRussia and Turkey ended the crisis. Both leaders were glad.")
    >>> score_sentiment(a)[["vader", "vader_news", "score", "label"]].values.tolist()
    [[-0.6249, 0.0, 0.0, 'neu'], [0.4588, 0.4588, 0.4712, 'pos']]
    """
    return layers.frame(article_or_corpus, "sentiment", mode=check_mode(mode), news=news)


def sentiment_rollup(df: pd.DataFrame, level: str = "article") -> pd.DataFrame:
    """Average sentence scores per paragraph or per article.

    The roll-up of a score is the plain mean over sentences (as VADER's authors suggest for
    longer texts); labels are re-derived from the means with the same thresholds.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nA good deal. A bad deal.\\n\\nNothing here.")
    >>> sentiment_rollup(score_sentiment(a), "paragraph")[["paragraph", "n_sentences"]].values.tolist()
    [[0, 2], [1, 1]]
    """
    if level not in ("paragraph", "article"):
        raise ParameterError(f"level={level!r}: use 'paragraph' or 'article'.")
    if not isinstance(df, pd.DataFrame) or "score" not in df.columns:
        raise ParameterError("df: pass the DataFrame returned by score_sentiment().")
    keys = [c for c in ("doc_id", "date") if c in df.columns]
    if level == "paragraph":
        keys.append("paragraph")
    value_cols = ["vader_neg", "vader_neu", "vader_pos", "vader", "textblob", "textblob_subjectivity",
                  "vader_news", "textblob_news", "score"]
    if not len(df):
        return pd.DataFrame(columns=keys + ["start", "end", "n_sentences"] + value_cols
                            + ["vader_label", "textblob_label", "label"])
    if keys:
        g = df.groupby(keys, sort=False)
        out = g[value_cols].mean().round(4)
        out.insert(0, "n_sentences", g.size())
        out.insert(0, "end", g["end"].max())
        out.insert(0, "start", g["start"].min())
        out = out.reset_index()
    else:
        out = pd.DataFrame([{"start": df["start"].min(), "end": df["end"].max(), "n_sentences": len(df),
                             **df[value_cols].mean().round(4).to_dict()}])
    out["vader_label"] = out["vader"].map(label_vader)
    out["textblob_label"] = out["textblob"].map(label_textblob)
    out["label"] = out["score"].map(label_score)
    return out


# =================================================================================================
# Agreement, actors, JSON
# =================================================================================================
@dataclass
class MethodAgreement:
    """How far VADER and TextBlob agree on a set of sentences."""

    n: int
    pearson: float
    spearman: float
    label_agreement: float
    confusion: pd.DataFrame   # rows = VADER label, columns = TextBlob label

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{"n": self.n, "pearson": self.pearson, "spearman": self.spearman,
                              "label_agreement": self.label_agreement}])

    def __repr__(self) -> str:
        return (f"MethodAgreement(n={self.n}, pearson={self.pearson:.3f}, spearman={self.spearman:.3f}, "
                f"label_agreement={self.label_agreement:.3f})\n{self.confusion}")


def _pearson(x: pd.Series, y: pd.Series) -> float:
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return float("nan")
    return float(round(x.corr(y), 4))


def method_agreement(df: pd.DataFrame, a: str = "vader", b: str = "textblob") -> MethodAgreement:
    """Correlation and label confusion table between two score columns (VADER vs TextBlob).

    Spearman is the Pearson correlation of the ranks (average ranks for ties).

    >>> from newslab import Article
    >>> art = Article.from_text("T\\n\\nA good plan. A terrible, sad loss. Nothing more. Not good.")
    >>> ag = method_agreement(score_sentiment(art))
    >>> ag.n, ag.label_agreement
    (4, 0.75)
    """
    for col in (a, b, f"{a}_label", f"{b}_label"):
        if col not in df.columns:
            raise ParameterError(f"df: column {col!r} missing — pass the DataFrame returned by score_sentiment().")
    x, y = df[a].astype(float), df[b].astype(float)
    order = ["neg", "neu", "pos"]
    conf = pd.crosstab(pd.Categorical(df[f"{a}_label"], categories=order),
                       pd.Categorical(df[f"{b}_label"], categories=order), dropna=False)
    conf.index.name, conf.columns.name = a, b
    agree = float((df[f"{a}_label"] == df[f"{b}_label"]).mean()) if len(df) else float("nan")
    return MethodAgreement(len(df), _pearson(x, y), _pearson(x.rank(), y.rank()), round(agree, 4), conf)


def _span_bounds(spans: Any) -> list[tuple[int, int, Any]]:
    if isinstance(spans, pd.DataFrame):
        if not {"start", "end"} <= set(spans.columns):
            raise ParameterError("spans: the DataFrame needs 'start' and 'end' columns (e.g. find_mentions()).")
        return [(int(s), int(e), i) for i, s, e in zip(spans.index, spans["start"], spans["end"])]
    out = []
    for k, sp in enumerate(spans):
        if isinstance(sp, tuple) and len(sp) >= 2:
            out.append((int(sp[0]), int(sp[1]), k))
        elif hasattr(sp, "start") and hasattr(sp, "end"):
            out.append((int(sp.start), int(sp.end), k))
        else:
            raise ParameterError(f"spans[{k}]: needs start and end offsets (a Span, a (start, end) tuple, "
                                 "or a DataFrame with start/end columns).")
    return out


def actor_sentiment(article: Article, spans: Any, by: str | None = None, mode: str | None = None) -> pd.DataFrame:
    """Mean sentiment of the sentences that contain any of the given spans.

    ``spans``: objects with ``start``/``end`` (mentions, Spans), ``(start, end)`` tuples, or a
    DataFrame with ``start``/``end`` columns (e.g. ``find_mentions(article)``). With ``by`` (a
    column of that DataFrame such as ``"actor"``) you get one row per group. A sentence counts
    once per group even when it holds several mentions.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nPutin was glad. Erdogan was sad. Putin left.")
    >>> actor_sentiment(a, [a.span(7, 12), a.span(40, 45)])[["n_sentences", "sentences"]].values.tolist()
    [[2, [0, 2]]]
    """
    if not isinstance(article, Article):
        raise ParameterError("article: actor_sentiment works on one Article (loop over a corpus).")
    df = score_sentiment(article, mode)
    bounds = _span_bounds(spans)
    groups: dict[Any, set[int]] = {}
    for s, e, key in bounds:
        g = spans.loc[key, by] if by is not None and isinstance(spans, pd.DataFrame) else "all"
        sent = article.sentence_at(s)
        if sent is None:
            continue
        groups.setdefault(g, set()).add(sent.i)
        end_sent = article.sentence_at(max(s, e - 1))
        if end_sent is not None:
            groups[g].add(end_sent.i)
    rows = []
    for g, idx in groups.items():
        sub = df[df["i"].isin(sorted(idx))]
        row = {"n_sentences": len(sub), "sentences": sorted(idx),
               "vader": round(sub["vader"].mean(), 4), "textblob": round(sub["textblob"].mean(), 4),
               "score": round(sub["score"].mean(), 4)}
        row["label"] = label_score(row["score"])
        if by is not None:
            row = {by: g, **row}
        rows.append(row)
    cols = ([by] if by else []) + ["n_sentences", "sentences", "vader", "textblob", "score", "label"]
    return pd.DataFrame(rows, columns=cols)
