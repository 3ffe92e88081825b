"""Sentiment charts: the arc of an article, and the words behind one sentence's score.

Both take the DataFrames of :mod:`newslab.sentiment` and only draw them.

>>> from newslab import Article
>>> from newslab.sentiment import score_sentiment, explain_sentiment
>>> a = Article.from_text("T\\n\\nA good start. Then a terrible crisis. Talks resumed.")
>>> fig = sentiment_arc(score_sentiment(a))
>>> fig2 = sentence_explanation(explain_sentiment(a.sentences[1], a), a.sentences[1].text)
"""
from __future__ import annotations

import textwrap

import pandas as pd

from matplotlib.offsetbox import AnchoredOffsetbox, HPacker, TextArea, VPacker
from matplotlib.ticker import MaxNLocator

from .style import DIVERGING, DIVERGING_TEXT, PALETTE, add_source_line, legend_outside, new_figure

_SERIES = (("vader", "VADER compound", PALETTE["sky"], "--"),
           ("textblob", "TextBlob polarity", PALETTE["orange"], ":"),
           ("score", "newslab score (recommended)", PALETTE["black"], "-"))


def sentiment_arc(df: pd.DataFrame, title: str | None = None, source: str = ""):
    """Sentence-by-sentence sentiment: VADER, TextBlob and the recommended score.

    ``df`` is :func:`newslab.sentiment.score_sentiment` output (one article, or a corpus: then
    sentences are numbered in table order and article boundaries are marked). The grey band is
    the neutral zone (±0.05).
    """
    missing = [c for c, *_ in _SERIES if c not in df.columns]
    if missing:
        raise ValueError(f"sentiment_arc: columns {missing} missing — pass score_sentiment() output.")
    fig, ax = new_figure(9, 4.2)
    x = list(range(len(df)))
    ax.axhspan(-0.05, 0.05, color=PALETTE["grey"], alpha=0.15, lw=0, label="neutral band (±0.05)")
    ax.axhline(0, color=PALETTE["grey"], lw=0.8)
    for col, label, colour, ls in _SERIES:
        ax.plot(x, df[col].astype(float), ls=ls, marker="o", ms=3.5 if col == "score" else 2.5,
                lw=2 if col == "score" else 1.2, color=colour, label=label)
    if "doc_id" in df.columns and df["doc_id"].nunique() > 1:
        starts = [k for k in range(1, len(df)) if df["doc_id"].iloc[k] != df["doc_id"].iloc[k - 1]]
        for k in starts:
            ax.axvline(k - 0.5, color=PALETTE["grey"], lw=0.6, ls="--")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("sentence (in reading order)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # sentence numbers, not 0.2 of a sentence
    ax.set_ylabel("sentiment (−1 negative … +1 positive)")
    mode = df["mode"].iloc[0] if "mode" in df.columns and len(df) else ""
    ax.set_title(title or f"Sentiment arc, sentence by sentence{f' ({mode} mode)' if mode else ''}")
    legend_outside(ax)
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def sentence_explanation(explain_df: pd.DataFrame, text: str, title: str | None = None, source: str = ""):
    """The words behind a sentence's score, highlighted in the sentence, with their contributions.

    Top: the sentence, every word that counted highlighted (blue positive, vermillion negative,
    grey neutral; VADER words boxed, TextBlob-only words underlined). Bottom: each word's final
    valence per method, labelled with the rules that changed it. ``explain_df`` is
    :func:`newslab.sentiment.explain_sentiment` output for ``text``.
    """
    need = {"method", "word", "start", "end", "valence", "rules"}
    if not need <= set(explain_df.columns):
        raise ValueError("sentence_explanation: pass explain_sentiment() output and the sentence text.")
    rows = explain_df.reset_index(drop=True)
    n = max(len(rows), 1)
    fig, (ax_text, ax_bar) = new_figure(9, 2.6 + 0.32 * n, nrows=2,
                                        gridspec_kw={"height_ratios": [0.6, max(1.0, 0.35 * n)]})

    def colour(v: float, tones: tuple[str, str, str] = DIVERGING) -> str:
        return tones[2] if v > 0 else tones[0] if v < 0 else tones[1]

    # --- the sentence with highlighted words --------------------------------------------------
    marks: dict[int, tuple[int, str, str]] = {}  # start -> (end, colour, method)
    for r in rows.itertuples():
        if pd.isna(r.start) or r.word in ("!", "?"):
            continue
        s = int(r.start)
        if s not in marks or r.method == "vader":
            marks[s] = (int(r.end), colour(float(r.valence), DIVERGING_TEXT), r.method)  # text tones: readable
    ax_text.axis("off")
    # Pack the sentence as coloured pieces with offset boxes: sizes are in points, so the layout
    # survives tight_layout and any figure size.
    lines, pieces, col_used = [], [], 0
    k = 0
    cuts = sorted(marks)
    while k < len(text):
        if k in marks:
            end, col, method = marks[k]
            piece = (text[k:end], col, method)
            k = end
        else:
            nxt = min([c for c in cuts if c > k] + [len(text)])
            piece = (text[k:nxt], None, "")
            k = nxt
        # wrap long plain pieces at spaces so that lines stay about 95 characters
        chunks = [piece]
        if piece[1] is None and col_used + len(piece[0]) > 95:
            words = piece[0].split(" ")
            chunks = [(w + (" " if i < len(words) - 1 else ""), None, "") for i, w in enumerate(words)]
        for chunk in chunks:
            if col_used + len(chunk[0]) > 95 and pieces:
                lines.append(pieces)
                pieces, col_used = [], 0
            pieces.append(chunk)
            col_used += len(chunk[0])
    if pieces:
        lines.append(pieces)
    boxes = []
    for line in lines:
        areas = []
        for piece, col, method in line:
            props = {"fontsize": 10}
            if col is not None:
                props.update(color=col, fontweight="bold")
                if method == "vader":
                    props["bbox"] = dict(boxstyle="round,pad=0.1", fc=col, alpha=0.2, ec="none")
                else:
                    props["fontstyle"] = "italic"
            areas.append(TextArea(piece.replace("$", r"\$"), textprops=props))
        boxes.append(HPacker(children=areas, align="baseline", pad=0, sep=0))
    packed = VPacker(children=boxes or [TextArea("")], align="left", pad=0, sep=6)
    ax_text.add_artist(AnchoredOffsetbox(loc="upper left", child=packed, frameon=False,
                                         bbox_to_anchor=(0.01, 0.98), bbox_transform=fig.transFigure,
                                         borderpad=0.5))
    fig.suptitle(title or "Why this score? The words that counted (boxed: VADER; italic: TextBlob only)",
                 x=0.01, ha="left", fontsize=11, y=0.995)

    # --- the contributions --------------------------------------------------------------------
    labels = [f"{r.method}: {r.word}" + (f"  [{r.rules}]" if r.rules else "") for r in rows.itertuples()]
    values = rows["valence"].astype(float).tolist()
    ypos = list(range(len(rows)))[::-1]
    ax_bar.barh(ypos, values, color=[colour(v) for v in values], height=0.6)
    ax_bar.set_yticks(ypos)
    ax_bar.set_yticklabels([textwrap.shorten(lab, 80) for lab in labels], fontsize=8)
    ax_bar.axvline(0, color=PALETTE["grey"], lw=0.8)
    ax_bar.set_xlabel("contribution after rules (VADER valence −4…+4; TextBlob polarity −1…+1)")
    ax_bar.set_ylabel("word (method)")
    attrs = explain_df.attrs
    if "vader" in attrs:
        ax_bar.set_title(f"VADER compound {attrs['vader']:+.3f} · TextBlob polarity "
                         f"{attrs.get('textblob', 0.0):+.3f} · {attrs.get('mode', '')} mode", fontsize=9, loc="left")
    if not len(rows):
        ax_bar.text(0.5, 0.5, "no lexicon word in this sentence", transform=ax_bar.transAxes, ha="center")
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig
