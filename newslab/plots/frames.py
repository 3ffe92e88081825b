"""Charts for frame scores (tables from :func:`newslab.frames.score_frames`).

Each function takes the score table, draws it, and returns a matplotlib Figure with a title,
labelled axes and a source line; none computes analysis.

>>> from newslab.io import load_article, seed_path          # doctest: +SKIP
>>> from newslab.frames import score_frames                 # doctest: +SKIP
>>> df = score_frames(load_article(seed_path()), "generic")  # doctest: +SKIP
>>> fig = frame_profile(df); fig2 = frame_heatmap(df)       # doctest: +SKIP
"""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd

from ..errors import ParameterError
from ..labels import frame_name
from .style import PALETTE, add_source_line, new_figure


def _need(df: pd.DataFrame, cols: set[str], fn: str) -> None:
    if not isinstance(df, pd.DataFrame) or not cols <= set(df.columns):
        raise ParameterError(f"{fn}(df): pass the table returned by newslab.frames.score_frames() "
                             f"(needs columns {', '.join(sorted(cols))}).")


def _frame_order(df: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(df["frame"]))


def _source(df: pd.DataFrame, source: str) -> str:
    if source:
        return source
    docs = df["doc_id"].nunique() if "doc_id" in df else 0
    scheme = df["scheme"].iloc[0] if "scheme" in df and len(df) else ""
    what = f"article {df['doc_id'].iloc[0]}" if docs == 1 else f"{docs} articles"
    return f"{what}, frame scheme '{scheme}'"


def frame_profile(df: pd.DataFrame, *, source: str = "", title: str = ""):
    """Horizontal bars: hits per 1,000 words for each frame (article level; mean over a corpus).

    Frames marked present are drawn in colour, the others in grey; each bar's end says the value
    on the axis and, in brackets, the counted hits behind it ("33.3 (19 hits)").
    """
    _need(df, {"level", "frame", "per_1000", "present", "hits"}, "frame_profile")
    art = df[df["level"] == "article"]
    if art.empty:
        raise ParameterError("frame_profile(df): the table has no article-level rows — call "
                             "score_frames(..., levels=('paragraph', 'article')).")
    order = _frame_order(art)
    g = art.groupby("frame", sort=False).agg(per_1000=("per_1000", "mean"), hits=("hits", "sum"),
                                             present=("present", "mean")).reindex(order)
    label_of = dict(zip(art["frame"], art["label"])) if "label" in art else {}
    fig, ax = new_figure(8, 0.45 * len(order) + 1.6)
    y = np.arange(len(order))[::-1]
    colours = [PALETTE["blue"] if p >= 0.5 else PALETTE["grey"] for p in g["present"]]
    ax.barh(y, g["per_1000"], color=colours)
    ax.set_yticks(y, [frame_name(label_of.get(f, f)) for f in order])
    multi = art["doc_id"].nunique() > 1
    for yi, v, h in zip(y, g["per_1000"], g["hits"]):
        hits = f"{int(h)} hit{'s' if h != 1 else ''}" + (" in all" if multi else "")
        ax.text(v, yi, f" {v:.1f} ({hits})", va="center", fontsize=8, color=PALETTE["black"])
    ax.set_xlim(0, max(float(g["per_1000"].max()), 1.0) * 1.28)  # room for the labels
    ax.set_xlabel("hits per 1,000 words" + (" (mean over articles)" if multi else ""))
    ax.set_ylabel("frame")
    scheme = art["scheme"].iloc[0] if "scheme" in art else ""
    ax.set_title(title or f"Frame profile ({scheme}): blue = present; per 1,000 words (hits)")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    add_source_line(fig, _source(df, source))
    return fig


def frame_heatmap(df: pd.DataFrame, *, doc_id: str | None = None, source: str = "", title: str = ""):
    """Frames × paragraphs: counted hits in each paragraph of one article (darker = more)."""
    _need(df, {"level", "frame", "paragraph", "hits"}, "frame_heatmap")
    par = df[df["level"] == "paragraph"]
    if par.empty:
        raise ParameterError("frame_heatmap(df): the table has no paragraph rows — call "
                             "score_frames(..., levels=('paragraph', 'article')).")
    if "doc_id" in par and par["doc_id"].nunique() > 1:
        doc_id = doc_id or par["doc_id"].iloc[0]
        par = par[par["doc_id"] == doc_id]
    order = _frame_order(par)
    mat = par.pivot_table(index="frame", columns="paragraph", values="hits", aggfunc="sum",
                          fill_value=0).reindex(order)
    fig, ax = new_figure(max(6, 0.32 * mat.shape[1] + 3), 0.45 * len(order) + 1.8)
    values = mat.to_numpy(dtype=float)
    # vmax at least 1: with no hit anywhere, 0 is white (matplotlib would give 0 the middle colour).
    im = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0, vmax=max(1.0, float(values.max(initial=0))))
    if not values.any():
        ax.text(0.5, 0.5, "no frame term in this text", transform=ax.transAxes, ha="center", va="center",
                fontsize=10, color=PALETTE["grey"])
    label_of = dict(zip(par["frame"], par["label"])) if "label" in par else {}
    ax.set_yticks(range(len(order)), [frame_name(label_of.get(f, f)) for f in order])
    cols = list(mat.columns)
    step = max(1, len(cols) // 20)
    ax.set_xticks(range(0, len(cols), step), [str(c) for c in cols[::step]])
    ax.set_xlabel("paragraph (0 = first body paragraph)")
    ax.set_ylabel("frame")
    ax.spines[:].set_visible(False)
    fig.colorbar(im, ax=ax, label="hits", shrink=0.8)
    ax.set_title(title or "Where each frame appears, paragraph by paragraph")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    add_source_line(fig, _source(par, source))
    return fig


def frames_over_time(df: pd.DataFrame, *, freq: str = "M", value: str = "present",
                     source: str = "", title: str = "", ncols: int = 3):
    """Share of articles with each frame present (or mean per_1000) per period: one small panel
    per frame, all on the same axes, so that frames with the same values never hide each other.

    ``freq`` is a pandas period alias ("D", "W", "M", "Q", "Y"); ``value`` is "present" (share
    of articles) or "per_1000" (mean hits per 1,000 words). Articles without a date are left out.
    Each panel has one line; the grey line under it is the frame's overall share (or mean).
    """
    _need(df, {"level", "frame", "date", value}, "frames_over_time")
    art = df[df["level"] == "article"].copy()
    art["when"] = pd.to_datetime(art["date"], errors="coerce")
    art = art.dropna(subset=["when"])
    if art.empty:
        raise ParameterError("frames_over_time(df): no article has a readable date — give the corpus "
                             "a 'date' column (YYYY-MM-DD).")
    art["period"] = art["when"].dt.to_period(freq).dt.to_timestamp()
    art["v"] = art[value].astype(float)
    g = art.pivot_table(index="period", columns="frame", values="v", aggfunc="mean")
    g = g[[f for f in _frame_order(art) if f in g.columns]]
    label_of = dict(zip(art["frame"], art["label"])) if "label" in art else {}
    n = art.groupby("period")["doc_id"].nunique()
    cols = max(1, min(ncols, g.shape[1]))
    rows = -(-g.shape[1] // cols)
    fig, axes = new_figure(3.2 * cols + 0.6, 2.0 * rows + 1.3, nrows=rows, ncols=cols, sharex=True, sharey=True,
                           squeeze=False)
    top = 1.02 if value == "present" else max(1.0, float(np.nanmax(g.to_numpy(dtype=float)))) * 1.1
    for ax, f in zip(axes.flat, g.columns):
        ax.axhline(float(art.loc[art["frame"] == f, "v"].mean()), color=PALETTE["grey"], lw=0.8, ls=":")
        ax.plot(g.index, g[f], marker="o", ms=4, lw=1.5, color=PALETTE["blue"])
        ax.set_title(frame_name(label_of.get(f, f)), fontsize=9, loc="left")
        ax.set_ylim(-0.04 * top, top)
    for k, ax in enumerate(axes.flat):
        if k >= g.shape[1]:
            ax.set_visible(False)
        elif k + cols >= g.shape[1]:  # the lowest panel of its column shows the dates
            ax.xaxis.set_tick_params(labelbottom=True)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=5)
    axes.flat[0].xaxis.set_major_locator(locator)
    axes.flat[0].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    fig.supxlabel(f"period ({freq}); articles per period: {int(n.min())}–{int(n.max())}", fontsize=9)
    fig.supylabel("share of articles with the frame present" if value == "present"
                  else "mean hits per 1,000 words", fontsize=9)
    fig.suptitle(title or "Frames over time (dotted: over all periods)", x=0.01, ha="left", fontsize=12)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    add_source_line(fig, _source(df, source))
    return fig


__all__ = ["frame_profile", "frame_heatmap", "frames_over_time"]
