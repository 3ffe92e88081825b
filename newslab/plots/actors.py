"""Charts of actors: who is mentioned, on which side, and who appears with whom.

Both charts take the tables from :mod:`newslab.entities` and only draw them.

>>> from newslab import Article
>>> from newslab.entities import actor_table, cooccurrence
>>> a = Article.from_text("T\\n\\nPutin met Erdogan in Sochi. Putin and Assad spoke.")
>>> fig = mentions_by_side(actor_table(a))
>>> fig2 = cooccurrence_network(cooccurrence(a), table=actor_table(a))
"""
from __future__ import annotations

import math

import pandas as pd

from .labels import place_labels, text_colour_on
from .style import PALETTE, SIDE_COLOURS, TEXT_GREY, add_source_line, legend_outside, new_figure

_SPARE = [PALETTE[k] for k in ("sky", "yellow", "black")]
OTHER_SIDES = "#DDDDDD"  # sides beyond the palette share one light grey, labelled "other"


def _side_colours(sides) -> dict[str, str]:
    """Fixed colours for the worked example's sides; the next three sides (in the order given,
    most important first) get the spare Okabe-Ito colours, any further ones a light grey."""
    colours = dict(SIDE_COLOURS)
    spare = iter(_SPARE)
    for s in sides:
        if s not in colours:
            colours[s] = next(spare, OTHER_SIDES)
    return colours


def side_order(table: pd.DataFrame) -> list[str]:
    """Sides by their total mentions in an actor table, ties by name: the order in which sides
    get the spare colours, so the bar chart and the network of one table agree.

    >>> side_order(pd.DataFrame({"side": ["India", "China", None], "mentions": [8, 8, 1]}))
    ['China', 'India', '']
    """
    totals = table.assign(side=table["side"].fillna("")).groupby("side")["mentions"].sum()
    return sorted(totals.index, key=lambda s: (-totals[s], s))


def _legend(ax, colours: dict[str, str], shown, **kwargs) -> None:
    from matplotlib.patches import Patch

    handles, seen_other = [], False
    for s in shown:
        if colours[s] == OTHER_SIDES:
            if not seen_other:
                handles.append(Patch(color=OTHER_SIDES, label="other sides"))
                seen_other = True
            continue
        handles.append(Patch(color=colours[s], label=s or "no state side"))
    legend_outside(ax, handles=handles, title="Side", title_fontsize=8, **kwargs)


def mentions_by_side(table: pd.DataFrame, top: int = 15, source: str = "", title: str = ""):
    """Horizontal bars: mentions per actor (from :func:`~newslab.entities.actor_table`), coloured by side.

    Given :func:`~newslab.entities.side_table` instead (columns ``side``, ``type``, ``mentions``),
    it draws one bar per side, stacked by the kind of actor that carried the mentions.

    Parameters
    ----------
    table : DataFrame with columns ``actor``, ``side``, ``mentions`` (``discovered`` optional),
        or ``side``, ``type``, ``mentions``.
    top : how many actors (or sides) to show (the most mentioned).
    source : text for the source line (article title or corpus name).
    """
    if table is not None and not table.empty and "actor" not in table.columns:
        return _sides_stacked(table, top, source, title)
    fig, ax = new_figure(8, max(2.5, 0.35 * min(top, len(table)) + 1.2))
    if table is None or table.empty:
        ax.text(0.5, 0.5, "No actors found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title or "Actors mentioned")
        add_source_line(fig, source)
        return fig
    t = table.sort_values("mentions", ascending=False, kind="stable").head(top).iloc[::-1]
    colours = _side_colours(side_order(table))
    labels = [f"{a} *" if bool(d) else a for a, d in
              zip(t["actor"], t["discovered"] if "discovered" in t else [False] * len(t))]
    ax.barh(range(len(t)), t["mentions"], color=[colours[s] for s in t["side"].fillna("")])
    ax.set_yticks(range(len(t)))
    ax.set_yticklabels(labels)
    ax.set_xlabel("Mentions (names, roles, metonyms and adjectives)")
    ax.set_ylabel("Actor")
    ax.set_title(title or "Who is in the story: mentions per actor, coloured by side")
    _legend(ax, colours, list(dict.fromkeys(t["side"].fillna("")[::-1])))
    if "discovered" in t and t["discovered"].any():
        fig.text(0.99, 0.005, "* found by discovery, not in the actor dictionary", fontsize=7,
                 color=TEXT_GREY, ha="right", va="bottom")
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def _sides_stacked(table: pd.DataFrame, top: int, source: str, title: str):
    wide = table.pivot_table(index="side", columns="type", values="mentions", aggfunc="sum", fill_value=0)
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False).index[:top]].iloc[::-1]
    fig, ax = new_figure(8, max(2.5, 0.35 * len(wide) + 1.2))
    type_colours = {"COUNTRY": PALETTE["blue"], "PERSON": PALETTE["orange"], "ORG": PALETTE["green"],
                    "GROUP": PALETTE["purple"], "PLACE": PALETTE["sky"]}
    left = [0] * len(wide)
    for typ in wide.columns:
        ax.barh(range(len(wide)), wide[typ], left=left, color=type_colours.get(typ, PALETTE["grey"]),
                label=typ.lower())
        left = [a + b for a, b in zip(left, wide[typ])]
    ax.set_yticks(range(len(wide)))
    ax.set_yticklabels([s or "no state side" for s in wide.index])
    ax.set_xlabel("Mentions")
    ax.set_ylabel("Side (state)")
    ax.set_title(title or "Mentions per side, by kind of actor")
    legend_outside(ax, title="carried by", title_fontsize=8)
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    return fig


def cooccurrence_network(cooc: pd.DataFrame, table: pd.DataFrame | None = None, min_weight: int = 1,
                         source: str = "", title: str = "", seed: int = 7):
    """Network of actors that appear in the same sentence/paragraph (from ``cooccurrence``).

    Edge width = number of shared sentences (or paragraphs); node size = mentions (from
    ``table`` when given, else the edge weights); node colour = side. The layout is networkx's
    spring layout with a fixed ``seed``, so the same table always gives the same picture.
    """
    import networkx as nx

    fig, ax = new_figure(9, 6)
    ax.set_axis_off()
    ax.set_title(title or "Who appears with whom (shared sentences)")
    edges = cooc[cooc["weight"] >= min_weight] if cooc is not None and not cooc.empty else pd.DataFrame()
    if edges.empty:
        ax.text(0.5, 0.5, "No actor pairs to show", ha="center", va="center", transform=ax.transAxes)
        add_source_line(fig, source)
        return fig
    g = nx.Graph()
    for r in edges.itertuples(index=False):
        g.add_edge(r.source, r.target, weight=int(r.weight))
    sides: dict[str, str] = {}
    size: dict[str, float] = {}
    if table is not None and not table.empty:
        sides = dict(zip(table["actor"], table["side"].fillna("")))
        size = dict(zip(table["actor"], table["mentions"]))
    else:
        from ..entities import actor_side

        sides = {n: actor_side(n) for n in g.nodes}
    for n in g.nodes:
        size.setdefault(n, sum(d["weight"] for _, _, d in g.edges(n, data=True)))
    weight_of_side: dict[str, float] = {}
    for n in g.nodes:
        weight_of_side[sides.get(n, "")] = weight_of_side.get(sides.get(n, ""), 0) + size[n]
    order = sorted(weight_of_side, key=lambda s: (-weight_of_side[s], s))
    colours = _side_colours(side_order(table) if table is not None and not table.empty else order)
    pos = nx.spring_layout(g, seed=seed, weight="weight", k=2.0 / math.sqrt(max(g.number_of_nodes(), 1)))
    max_w = max(d["weight"] for _, _, d in g.edges(data=True))
    nx.draw_networkx_edges(g, pos, ax=ax, width=[0.5 + 4 * d["weight"] / max_w for _, _, d in g.edges(data=True)],
                           edge_color=PALETTE["grey"], alpha=0.6)
    max_s = max(size.values())
    area = {n: 150 + 1200 * size[n] / max_s for n in g.nodes}
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[area[n] for n in g.nodes],
                           node_color=[colours[sides.get(n, "")] for n in g.nodes])
    _legend(ax, colours, order, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.text(0.99, 0.005, "edge width = shared sentences; node size = mentions", fontsize=7,
             color=TEXT_GREY, ha="right", va="bottom")
    add_source_line(fig, source)
    ax.margins(0.12)  # room for the labels of nodes at the edge
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    _label_nodes(ax, pos, area, {n: colours[sides.get(n, "")] for n in g.nodes})
    return fig


def _label_nodes(ax, pos: dict, area: dict, colour: dict) -> None:
    """Each actor's name on a chip of its node's colour, in black or white by contrast, beside
    its node and clear of the other labels and nodes (biggest nodes labelled first)."""
    from matplotlib.transforms import Bbox

    px = ax.figure.dpi / 72
    nodes = sorted(area, key=lambda n: (-area[n], n))
    radius = {n: math.sqrt(area[n]) / 2 for n in nodes}  # points: node_size is an area in points²
    discs = []
    for n in nodes:
        x, y = ax.transData.transform(pos[n])
        r = radius[n] * px
        discs.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
    styles = [{"color": text_colour_on(colour[n]), "bbox": dict(boxstyle="round,pad=0.2", fc=colour[n], ec="none")}
              for n in nodes]
    place_labels(ax, [pos[n] for n in nodes], nodes, obstacles=discs, gap=[radius[n] for n in nodes],
                 styles=styles, fontsize=8)
