"""Relation and stance charts: a dyad's events on the cooperation–conflict axis, its course over
time, and who stands where toward what.

All three take the objects of :mod:`newslab.relations` / :mod:`newslab.stance` and only draw them.

>>> from newslab import Article
>>> from newslab.relations import dyad
>>> from newslab.stance import stance
>>> a = Article.from_text("T\\n\\nRussia and Turkey signed a deal. Turkey shot down a Russian jet in 2015.",
...                       date="2017-11-13")
>>> d = dyad(a, "Russia", "Turkey")
>>> fig = dyad_events(d); fig2 = dyad_over_time(d); fig3 = stance_heatmap(stance(a))
"""
from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pandas as pd

from matplotlib.transforms import Bbox

from .labels import place_labels, text_colour_on
from .style import DIVERGING, PALETTE, TEXT_GREY, add_source_line, legend_outside, new_figure

_TYPE_MARKERS = {"verbal_cooperation": ("o", "verbal cooperation"), "material_cooperation": ("s", "material cooperation"),
                 "verbal_conflict": ("^", "verbal conflict"), "material_conflict": ("D", "material conflict")}
_STANCE_VALUE = {"favor": 1.0, "neutral": 0.0, "against": -1.0}


def _events_of(dyad: Any) -> pd.DataFrame:
    ev = getattr(dyad, "events", dyad)
    if not isinstance(ev, pd.DataFrame) or not {"weight", "time", "type", "cue"} <= set(ev.columns):
        raise ValueError("pass a Dyad from newslab.relations.dyad() (or its .events table).")
    return ev


def dyad_events(dyad: Any, title: str | None = None, source: str = ""):
    """Each event of a dyad as a point on the cooperation (+) – conflict (−) axis.

    One row per distinct event (a symmetric event drawn once); current events on the upper lane,
    background events (recalled past) on the lower lane; marker shape = QuadClass, colour = sign,
    hollow = negated, faded = low ``confidence`` (weak or not asserted). Dashed lines: the net
    score of current events and of all events (asserted ones only).
    """
    ev = _events_of(dyad).copy()
    a, b = getattr(dyad, "a", ""), getattr(dyad, "b", "")
    fig, ax = new_figure(9, 4.4)
    ax.axvline(0, color=PALETTE["grey"], lw=0.8)
    labels: list[tuple[float, float, str]] = []  # (weight, y, cue), placed once the layout is final
    if ev.empty:
        ax.text(0, 0.5, "no events between these actors", ha="center", va="center", color=TEXT_GREY)
    else:
        ev = ev.drop_duplicates(subset=[c for c in ("doc_id", "start", "end") if c in ev.columns])
        lanes = {"current": 1.0, "background": 0.0}
        rng = np.random.default_rng(0)  # fixed jitter: re-rendering gives the same picture
        ev["y"] = ev.time.map(lanes).fillna(0.5) + rng.uniform(-0.18, 0.18, len(ev))
        for qtype, (marker, label) in _TYPE_MARKERS.items():
            sub = ev[ev.type == qtype]
            if sub.empty:
                continue
            colours = [DIVERGING[2] if w > 0 else DIVERGING[0] if w < 0 else DIVERGING[1] for w in sub.weight]
            faces = ["none" if n else c for n, c in zip(sub.negated, colours)]
            # weak or non-asserted events fade: alpha from the event's confidence (issue 15)
            alpha = sub["confidence"].astype(float).clip(0.25, 1.0).to_numpy() if "confidence" in sub else None
            ax.scatter(sub.weight, sub.y, marker=marker, s=70, facecolors=faces, edgecolors=colours, lw=1.4,
                       label=label, zorder=3, alpha=alpha)
            labels.extend(zip(sub.weight, sub.y, sub.cue))
        for value, name, ls in ((getattr(dyad, "net", None), "net (current)", "--"),
                                (getattr(dyad, "net_all", None), "net (all)", ":")):
            if value is not None:
                ax.axvline(value, color=PALETTE["black"], lw=1, ls=ls, label=f"{name} {value:+.1f}")
        legend_outside(ax)
    ax.set_xlim(-10.5, 10.5)
    ax.set_ylim(-0.5, 1.5)
    ax.set_yticks([0, 1], ["background\n(recalled past)", "current"])
    ax.set_xlabel("event weight (Goldstein-like: −10 conflict … +10 cooperation)")
    ax.set_ylabel("time reference")
    ax.set_title(title or f"Events between {a} and {b}" if a else title or "Dyad events")
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    _label_events(ax, labels, marker_points=70 ** 0.5)
    return fig


def _label_events(ax, labels: list[tuple[float, float, str]], marker_points: float) -> None:
    """Cue labels beside their markers, moved apart so that no two overlap ("agreement" and
    "reconciliation", two "crisis" events) and none covers another marker."""
    if not labels:
        return
    to_px = ax.transData.transform
    half = marker_points * ax.figure.dpi / 72 / 2 + 1
    markers = [Bbox.from_extents(x - half, y - half, x + half, y + half)
               for x, y in (to_px((w, yy)) for w, yy, _ in labels)]
    ordered = sorted(labels, key=lambda t: (-t[1], t[0]))  # top lane first, left to right
    place_labels(ax, [(w, y) for w, y, _ in ordered], [cue for _, _, cue in ordered], obstacles=markers,
                 gap=marker_points / 2, fontsize=7, color=PALETTE["black"])


def dyad_over_time(dyad: Any, title: str | None = None, source: str = ""):
    """Net cooperation of a dyad per month of a dated corpus (bars: number of events)."""
    ts = getattr(dyad, "timeseries", dyad)
    if not isinstance(ts, pd.DataFrame) or not {"month", "net", "net_all", "n_events"} <= set(ts.columns):
        raise ValueError("pass a Dyad from newslab.relations.dyad() (or its .timeseries table).")
    a, b = getattr(dyad, "a", ""), getattr(dyad, "b", "")
    fig, ax = new_figure(9, 4.2)
    ax.axhline(0, color=PALETTE["grey"], lw=0.8)
    if ts.empty:
        ax.text(0.5, 0.5, "no dated events (give the articles a date)", ha="center", va="center",
                transform=ax.transAxes, color=TEXT_GREY)
        ax.set_ylim(-10.5, 10.5)
    else:
        x = np.arange(len(ts))
        ax2 = ax.twinx()
        ax2.bar(x, ts.n_events, color=PALETTE["grey"], alpha=0.25, width=0.6, label="events (all)")
        ax2.set_ylabel("number of events (grey bars)", color=TEXT_GREY)
        ax2.spines["right"].set_visible(True)
        ax.set_zorder(ax2.get_zorder() + 1)
        ax.patch.set_visible(False)
        net = ts.net.astype(float)
        colours = [DIVERGING[2] if v > 0 else DIVERGING[0] if v < 0 else DIVERGING[1] for v in net.fillna(0)]
        ax.plot(x, net, color=PALETTE["black"], lw=1.5, label="net, current events")
        ax.scatter(x, net, c=colours, s=50, zorder=3)
        ax.plot(x, ts.net_all.astype(float), color=PALETTE["black"], lw=1, ls=":", label="net, with background")
        ax.set_xticks(x, list(ts.month), rotation=45 if len(ts) > 6 else 0, ha="right" if len(ts) > 6 else "center")
        ax.set_ylim(-10.5, 10.5)
        handles, names = ax.get_legend_handles_labels()
        bars, bar_names = ax2.get_legend_handles_labels()
        # above the axes: the right side holds the event-count axis
        legend_outside(ax, handles=handles + bars, labels=names + bar_names, loc="lower right",
                       bbox_to_anchor=(1.0, 1.0), ncol=3, borderaxespad=0.2)
    ax.set_xlabel("month")
    ax.set_ylabel("net cooperation (−10 … +10)")
    ax.set_title(title or (f"{a}–{b} relations over time" if a else "Dyad over time"), loc="left")
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def stance_heatmap(stance_df: pd.DataFrame, by: str = "speaker", title: str | None = None, source: str = "",
                   max_targets: int = 12):
    """Who stands where: mean stance score per ``by`` (speaker, or "holder") and target.

    Cells: blue = favor, vermillion = against, with the mean score and the number of rows.
    Rows without a speaker are shown as "(reporter)"; with ``by="holder"`` rows without a holder
    as "(text)". Only the ``max_targets`` most frequent targets are drawn.
    """
    if by not in stance_df.columns or not {"target", "score"} <= set(stance_df.columns):
        raise ValueError(f"stance_heatmap: pass newslab.stance.stance() output (needs target, score and {by!r}).")
    df = stance_df.copy()
    df[by] = df[by].astype(str).replace("", "(reporter)" if by == "speaker" else "(text)")
    top = df.target.value_counts().index[:max_targets]
    df = df[df.target.isin(top)]
    if df.empty:
        fig, ax = new_figure(6, 3)
        ax.text(0.5, 0.5, "no stance rows", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title or "Stance toward targets")
        add_source_line(fig, source)
        return fig
    mean = df.pivot_table(index=by, columns="target", values="score", aggfunc="mean")
    count = df.pivot_table(index=by, columns="target", values="score", aggfunc="count")
    from matplotlib.colors import LinearSegmentedColormap

    cmap = LinearSegmentedColormap.from_list("stance", [DIVERGING[0], "#f2f2f2", DIVERGING[2]])
    fig, ax = new_figure(min(12, max(6, 0.9 * mean.shape[1] + 3)), min(9, max(3, 0.55 * mean.shape[0] + 2)))
    im = ax.imshow(mean.to_numpy(dtype=float), cmap=cmap, vmin=-1, vmax=1, aspect="auto")
    for i in range(mean.shape[0]):
        for j in range(mean.shape[1]):
            v = mean.iat[i, j]
            if pd.notna(v):
                ax.text(j, i, f"{v:+.2f}\n(n={int(count.iat[i, j])})", ha="center", va="center", fontsize=7,
                        color=text_colour_on(cmap((v + 1) / 2)))  # readable on the darkest cells too
    ax.set_xticks(range(mean.shape[1]), [textwrap.fill(str(c), 14) for c in mean.columns], rotation=30, ha="right",
                  fontsize=8)
    ax.set_yticks(range(mean.shape[0]), list(mean.index), fontsize=8)
    ax.set_xlabel("target")
    ax.set_ylabel("quoted speaker" if by == "speaker" else "stance holder")
    cb = fig.colorbar(im, ax=ax, fraction=0.04)
    cb.set_label("mean stance (−1 against … +1 favor)")
    ax.set_title(title or f"Stance toward targets, by {'speaker' if by == 'speaker' else 'holder'}")
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig
