"""Charts for quote tables: who gets a voice (:func:`voice_share_chart`).

Plots take the DataFrames made by :mod:`newslab.quotes` and never compute analysis themselves.

Example
-------
>>> from newslab.io import load_article                      # doctest: +SKIP
>>> from newslab.quotes import voice_share                   # doctest: +SKIP
>>> fig = voice_share_chart(voice_share(load_article("data/afp_2017-11-13_sochi_putin_erdogan.txt")))  # doctest: +SKIP
"""
from __future__ import annotations

import pandas as pd

from ..errors import ParameterError
from .labels import text_colour_on
from .style import PALETTE, SIDE_COLOURS, add_source_line, legend_outside, new_figure

KIND_COLOURS = {"direct": PALETTE["blue"], "indirect": PALETTE["sky"], "partial": PALETTE["orange"],
                "mixed": PALETTE["yellow"]}


def voice_share_chart(df: pd.DataFrame, source: str = "", top: int = 12, title: str = ""):
    """Horizontal stacked bars: quoted words per speaker (or side), split into direct, indirect,
    partial and mixed quotes, labelled with the number of quotes and the share of all quoted words.

    ``df`` is the table from :func:`newslab.quotes.voice_share` (``by="speaker"`` or ``"side"``).
    Speaker labels sit on a chip of their side's colour (the shared newslab side colours), in
    black or white, whichever contrasts more.
    Returns a matplotlib Figure.
    """
    needed = {"quoted_words", "share_words", "n_quotes", "words_direct", "words_indirect", "words_partial"}
    if not needed <= set(df.columns) or not ({"speaker", "side"} & set(df.columns)):
        raise ParameterError("voice_share_chart(df): pass the table made by newslab.quotes.voice_share().")
    label_col = "speaker" if "speaker" in df.columns else "side"
    if df.empty:  # an article that quotes no one: a note, not empty axes with meaningless ticks
        fig, ax = new_figure(8, 2.0)
        ax.text(0.5, 0.5, "no quotes in this text: nobody gets a voice", transform=ax.transAxes,
                ha="center", va="center", fontsize=10, color=PALETTE["grey"])
        ax.set_axis_off()
        ax.set_title(title or f"Who gets a voice: quoted words by {label_col}")
        fig.tight_layout(rect=(0, 0.08, 1, 1))
        add_source_line(fig, source)
        return fig
    data = df.head(top).iloc[::-1]  # largest at the top
    labels = [str(v) if str(v) else "(no side)" for v in data[label_col]]
    fig, ax = new_figure(8, max(2.5, 0.45 * len(data) + 1.5))
    left = pd.Series(0.0, index=data.index)
    for kind, colour in KIND_COLOURS.items():
        if f"words_{kind}" not in data.columns:
            continue  # a table from before mixed quotes were counted
        vals = data[f"words_{kind}"].astype(float)
        ax.barh(labels, vals, left=left, color=colour, label=kind)
        left = left + vals
    xmax = float(left.max()) if len(left) else 1.0
    for y, (total, n, share) in enumerate(zip(left, data["n_quotes"], data["share_words"])):
        ax.text(total + xmax * 0.01, y, f"{int(n)} quote{'s' if n != 1 else ''} · {share:.0%}",
                va="center", fontsize=8, color=PALETTE["black"])
    if "side" in data.columns:
        for tick, side in zip(ax.get_yticklabels(), data["side"]):
            chip = SIDE_COLOURS.get(str(side).split("; ")[0], "#FFFFFF")
            tick.set_color(text_colour_on(chip))
            tick.set_bbox(dict(boxstyle="round,pad=0.2", fc=chip, ec="none"))
    ax.set_xlim(0, xmax * 1.25 if xmax else 1)
    ax.set_xlabel("quoted words")
    ax.set_ylabel("speaker" if label_col == "speaker" else "side")
    ax.set_title(title or f"Who gets a voice: quoted words by {label_col}")
    legend_outside(ax, title="kind of quote")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    add_source_line(fig, source)
    return fig
