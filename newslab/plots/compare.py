"""Charts for group comparisons (tables of :func:`newslab.compare.compare` and
:func:`newslab.keyness.keyness`). They draw the intervals the tables carry and never compute
analysis; a group too small to compare is drawn as a note, never as a bar.

>>> import pandas as pd
>>> t = pd.DataFrame({"group": ["A", "B"], "articles": [6, 2], "n_current": [9, 1], "net": [2.0, float("nan")],
...                   "low": [0.5, float("nan")], "high": [3.0, float("nan")], "small": [False, True]})
>>> fig = dyad_by_group(t, side_a="India", side_b="China")
>>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
['A (6)', 'B (2)']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ParameterError
from .style import CYCLE, DIVERGING, PALETTE, SIDE_COLOURS, add_source_line, new_figure

__all__ = ["frames_by_group", "voice_share_by_group", "dyad_by_group", "tone_by_group", "keyness_bars"]


def _need(df: pd.DataFrame, cols: set[str], fn: str, made_by: str) -> None:
    if not isinstance(df, pd.DataFrame) or not cols <= set(df.columns):
        raise ParameterError(f"{fn}(df): pass the {made_by} table (needs columns {', '.join(sorted(cols))}).")


def _errors(values: pd.Series, low: pd.Series, high: pd.Series) -> np.ndarray:
    """Matplotlib's asymmetric error bars (distances below and above), 0 where there is no interval."""
    v = values.to_numpy(dtype=float)
    return np.nan_to_num(np.vstack([v - low.to_numpy(dtype=float), high.to_numpy(dtype=float) - v]), nan=0.0)


def _significant_frames(tests: pd.DataFrame | None, scheme: str, column: str) -> set[str]:
    if tests is None or tests.empty:
        return set()
    t = tests[tests["scheme"] == scheme]
    omnibus = t[t["comparison"] == "all groups"]
    t = omnibus if len(omnibus) else t
    return set(t.loc[t[column], "frame"])


def _shown_groups(df: pd.DataFrame) -> tuple[list[str], str]:
    """The groups large enough to draw, and a title line naming the ones left out."""
    sizes = df.drop_duplicates("group").set_index("group")
    shown = [g for g in sizes.index if not sizes.loc[g, "small"]]
    hidden = [f"{g} ({int(sizes.loc[g, 'articles'])})" for g in sizes.index if sizes.loc[g, "small"]]
    return shown, (f"\nnot shown, too few articles: {', '.join(hidden)}" if hidden else "")


def _grouped_bars(ax, n_rows: int, series: list[tuple[str, str, pd.Series, pd.Series, pd.Series]]) -> np.ndarray:
    """Horizontal bars in bands: one band per row (top first), one bar per series in each band,
    each ``(label, colour, values, low, high)`` aligned to the rows; returns the band centres."""
    height = 0.8 / max(len(series), 1)
    base = np.arange(n_rows)[::-1].astype(float)
    for k, (label, colour, values, low, high) in enumerate(series):
        ax.barh(base + (len(series) / 2 - k - 0.5) * height, values.fillna(0), height=height * 0.92,
                color=colour, label=label, xerr=_errors(values, low, high),
                error_kw={"elinewidth": 1, "capsize": 2, "ecolor": PALETTE["black"]})
    return base


def _legend_or_note(ax, groups: list[str], **legend) -> None:
    """The legend of the bars; with no group large enough to draw, a note in the empty plot instead."""
    if groups:
        ax.legend(frameon=False, fontsize=8, loc="lower right", **legend)
    else:
        ax.text(0.5, 0.5, "no group has enough articles to draw\n(their counts are in the table)",
                transform=ax.transAxes, ha="center", va="center", fontsize=9, color=PALETTE["grey"])


def _finish(fig, ax, title: str, source: str):
    ax.set_title(title, loc="left", fontsize=10)
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def frames_by_group(frames: pd.DataFrame, scheme: str | None = None, *, value: str = "share",
                    tests: pd.DataFrame | None = None, source: str = "", title: str = ""):
    """Frames by outlet (or period): one bar per group for each frame, with its interval.

    ``value`` is ``"share"`` (share of articles where the frame is present) or ``"per_1000"``.
    With ``tests`` (``Comparison.frame_tests``), a frame whose groups differ after the
    Benjamini–Hochberg correction is marked ``*`` (presence for share, rate for per_1000).
    """
    _need(frames, {"scheme", "frame", "label", "group", value, f"{value}_low", f"{value}_high", "small"},
          "frames_by_group", "Comparison.frames")
    scheme = scheme or str(frames["scheme"].iloc[0])
    df = frames[frames["scheme"] == scheme]
    order = list(dict.fromkeys(df["frame"]))
    groups, left_out = _shown_groups(df)
    marked = _significant_frames(tests, scheme, "significant" if value == "share" else "rate_significant")
    fig, ax = new_figure(8.5, 0.32 * len(order) * max(len(groups), 1) + 2.0)
    per_group = [df[df["group"] == g].set_index("frame").reindex(order) for g in groups]
    base = _grouped_bars(ax, len(order), [(g, CYCLE[k % len(CYCLE)], rows[value], rows[f"{value}_low"],
                                           rows[f"{value}_high"]) for k, (g, rows) in enumerate(zip(groups, per_group))])
    labels = dict(zip(df["frame"], df["label"]))
    ax.set_yticks(base, [("* " if f in marked else "") + str(labels.get(f, f)) for f in order])
    ax.set_xlabel("share of articles where the frame is present" if value == "share" else "hits per 1,000 words")
    if value == "share":
        ax.set_xlim(0, 1.05)
    _legend_or_note(ax, groups)
    note = " · * the groups differ (Benjamini–Hochberg, 5 %)" if marked else ""
    return _finish(fig, ax, title or f"Frames by group — scheme '{scheme}'\nwhiskers: 95 % bootstrap intervals"
                   f"{note}{left_out}", source)


def voice_share_by_group(voices: pd.DataFrame, *, top_sides: int = 5, source: str = "", title: str = ""):
    """Who is quoted: each side's share of the quoted words in each group, with intervals."""
    _need(voices, {"group", "side", "share", "low", "high", "small", "quoted_words"}, "voice_share_by_group",
          "Comparison.voices")
    totals = voices.groupby("side")["quoted_words"].sum().sort_values(ascending=False, kind="stable")
    sides = [s for s in totals.index if s != "(no side)"][:top_sides] + \
        (["(no side)"] if "(no side)" in totals.index else [])
    groups, left_out = _shown_groups(voices)
    fig, ax = new_figure(8.5, 0.55 * max(len(groups), 1) * max(len(sides), 1) * 0.5 + 2.0)
    spare = iter([PALETTE[c] for c in ("sky", "yellow", "black", "green")] * 3)
    series = []
    for side in sides:
        rows = voices[voices["side"] == side].set_index("group").reindex(groups)
        # the sides of the worked example keep their colours; others get one that is not grey
        colour = PALETTE["grey"] if side == "(no side)" else SIDE_COLOURS.get(side) or next(spare)
        series.append((side, colour, rows["share"], rows["low"], rows["high"]))
    base = _grouped_bars(ax, len(groups), series)
    ax.set_yticks(base, groups)
    ax.set_xlim(0, 1.05)
    ax.set_xlabel("share of the group's quoted words")
    _legend_or_note(ax, groups, title="speaker's side", title_fontsize=8)
    return _finish(fig, ax, title or "Whose voices are heard: quoted words by side\nwhiskers: 95 % bootstrap "
                   f"intervals{left_out}", source)


def _dot_whisker(df: pd.DataFrame, value: str, xlabel: str, title: str, source: str, count: str,
                 xlim: tuple[float, float] | None):
    """One dot and its interval per group; small groups get a note instead."""
    groups = list(df["group"])
    fig, ax = new_figure(8, 0.5 * len(groups) + 1.8)
    y = np.arange(len(groups))[::-1].astype(float)
    for yi, (_, r) in zip(y, df.iterrows()):
        if bool(r["small"]) or r[value] != r[value]:
            ax.text(0, yi, f"too few articles ({int(r['articles'])}) or events ({int(r.get(count, 0))}) to show",
                    va="center", ha="center", fontsize=8, color=PALETTE["grey"])
            continue
        colour = DIVERGING[2] if r[value] > 0 else DIVERGING[0] if r[value] < 0 else DIVERGING[1]
        ax.errorbar(r[value], yi, xerr=[[r[value] - r["low"]], [r["high"] - r[value]]], fmt="o", color=colour,
                    ecolor=PALETTE["black"], elinewidth=1, capsize=3, markersize=7)
        ax.text(r[value], yi + 0.18, f"{r[value]:+.2f}", ha="center", fontsize=8)
    ax.axvline(0, color=PALETTE["grey"], linewidth=0.8)
    ax.set_yticks(y, [f"{g} ({int(n)})" for g, n in zip(groups, df["articles"])])
    if xlim:
        ax.set_xlim(*xlim)
    ax.set_ylim(y.min() - 0.6, y.max() + 0.6)
    ax.set_xlabel(xlabel)
    return _finish(fig, ax, title, source)


def dyad_by_group(dyad: pd.DataFrame, side_a: str = "", side_b: str = "", *, source: str = "", title: str = ""):
    """The net event score between two sides in each group (outlet or period), with intervals:
    below 0 conflict, above 0 cooperation (the scale of notebook 5)."""
    _need(dyad, {"group", "articles", "net", "low", "high", "small"}, "dyad_by_group", "Comparison.dyad")
    pair = f"{side_a}–{side_b}: " if side_a and side_b else ""
    return _dot_whisker(dyad, "net", "net event score (− conflict … + cooperation); groups: (articles)",
                        title or f"{pair}the relationship by group\nwhiskers: 95 % bootstrap intervals", source,
                        "n_current", (-10.5, 10.5))


def tone_by_group(sentiment: pd.DataFrame, *, source: str = "", title: str = ""):
    """Mean article tone per group, with intervals."""
    _need(sentiment, {"group", "articles", "tone", "low", "high", "small"}, "tone_by_group", "Comparison.sentiment")
    lim = float(np.nanmax(np.abs(sentiment[["low", "high"]].to_numpy(dtype=float)))) if \
        sentiment[["low", "high"]].notna().any().any() else 1.0
    return _dot_whisker(sentiment.assign(n=sentiment["articles"]), "tone", "mean article tone (newslab's score)",
                        title or "Tone by group\nwhiskers: 95 % bootstrap intervals", source, "n",
                        (-1.2 * lim - 0.02, 1.2 * lim + 0.02))


def keyness_bars(kw: pd.DataFrame, top: int = 10, *, target: str = "", reference: str = "", source: str = "",
                 title: str = ""):
    """Keyness for two groups: the ``top`` words most over-used by the target (right, positive
    G²) and by the reference (left), each labelled with its log ratio."""
    _need(kw, {"feature", "G2", "log_ratio", "n_target", "n_reference"}, "keyness_bars", "newslab.keyness.keyness")
    target = target or kw.attrs.get("target", "target")
    reference = reference or kw.attrs.get("reference", "reference")
    pos = kw[kw["G2"] > 0].nlargest(top, "G2")
    neg = kw[kw["G2"] < 0].nsmallest(top, "G2")
    rows = pd.concat([pos, neg.iloc[::-1]])
    fig, ax = new_figure(8.5, 0.28 * len(rows) + 1.8)
    y = np.arange(len(rows))[::-1]
    colours = [PALETTE["blue"] if g > 0 else PALETTE["orange"] for g in rows["G2"]]
    ax.barh(y, rows["G2"], color=colours)
    for yi, g, lr, w in zip(y, rows["G2"], rows["log_ratio"], rows["feature"]):
        ax.text(g, yi, f" {w} ({lr:+.1f}) " if g > 0 else f" ({lr:+.1f}) {w} ", va="center", fontsize=8,
                ha="left" if g > 0 else "right")
    ax.set_yticks([])
    ax.axvline(0, color=PALETTE["grey"], linewidth=0.8)
    span = float(rows["G2"].abs().max()) if len(rows) else 1.0
    ax.set_xlim(-1.6 * span, 1.6 * span)
    ax.set_xlabel(f"G² (Williams) — left: more in {reference} · right: more in {target}; (log ratio)")
    return _finish(fig, ax, title or f"Key words: {target} against {reference}", source)
