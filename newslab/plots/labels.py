"""Chart text that stays readable: labels that do not overlap, text colours that contrast.

:func:`place_labels` writes each label next to its point at the first of a ring of offsets
where its box overlaps no label already placed and no obstacle (markers, nodes), inside the
axes; a label pushed further out gets a thin leader line back to its point. It measures the
drawn text, so call it after ``fig.tight_layout()`` (a later layout change would move the
points under the labels). :func:`text_colour_on` picks black or white text for a background by
the WCAG contrast ratio, which is at least 4.58 for any background colour.

>>> round(contrast_ratio("#000000", "#FFFFFF"), 1)
21.0
>>> text_colour_on("#000000"), text_colour_on("#F0E442"), text_colour_on("#D55E00")
('#FFFFFF', '#000000', '#000000')
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> labels = place_labels(ax, [(0.5, 0.5), (0.5, 0.5)], ["crisis", "crisis"])
>>> overlapping_pairs(labels)
[]
>>> plt.close(fig)
"""
from __future__ import annotations

import math
from typing import Iterable, Sequence

from matplotlib.colors import to_rgb
from matplotlib.text import Text
from matplotlib.transforms import Bbox

BLACK, WHITE = "#000000", "#FFFFFF"
# Offsets (points) tried first: right-up, right-down, left-up, left-down, above, below.
_NEAR = ((4, 3, "left", "bottom"), (4, -3, "left", "top"), (-4, 3, "right", "bottom"),
         (-4, -3, "right", "top"), (0, 6, "center", "bottom"), (0, -6, "center", "top"))


def relative_luminance(colour: str | Sequence[float]) -> float:
    """WCAG 2 relative luminance of a matplotlib colour (0 black … 1 white).

    >>> relative_luminance("white"), relative_luminance("black")
    (1.0, 0.0)
    """
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: str | Sequence[float], bg: str | Sequence[float]) -> float:
    """WCAG 2 contrast ratio of two colours, 1 … 21 (4.5 is the minimum for normal text).

    >>> round(contrast_ratio("#0072B2", "#FFFFFF"), 2)
    5.19
    """
    hi, lo = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_colour_on(background: str | Sequence[float]) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    return BLACK if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background) else WHITE


def _rings(start: float, rings: int) -> Iterable[tuple[float, float, str, str]]:
    """Offsets further out, eight directions per ring, for labels that found no near place."""
    for k in range(1, rings + 1):
        r = start * (1 + k)
        for i in range(8):
            a = math.pi / 4 * i + (math.pi / 8 if k % 2 else 0)
            dx, dy = r * math.cos(a), r * 0.6 * math.sin(a)
            yield (dx, dy, "left" if dx > 1 else "right" if dx < -1 else "center",
                   "bottom" if dy > 1 else "top" if dy < -1 else "center")


def _box(artist, renderer, pad: float = 0.0) -> Bbox:
    """The drawn box of a label's text (and of its background chip), without the leader line."""
    if hasattr(artist, "update_positions"):
        artist.update_positions(renderer)  # an Annotation sets its text transform only then
    box = Text.get_window_extent(artist, renderer)
    patch = artist.get_bbox_patch()
    if patch is not None:
        artist.update_bbox_position_size(renderer)
        box = Bbox.union([box, patch.get_window_extent(renderer)])
    return box.padded(pad)


def place_labels(ax, xy: Sequence[tuple[float, float]], texts: Sequence[str], *,
                 obstacles: Sequence[Bbox] = (), near: Sequence[tuple] = _NEAR, rings: int = 6,
                 ring_step: float = 12.0, gap: float | Sequence[float] = 0.0, pad: float = 1.5,
                 leader_colour: str = "#999999", styles: Sequence[dict] = (), **text_kw) -> list:
    """Annotate each data point ``xy[i]`` with ``texts[i]`` so that no two label boxes overlap.

    Labels are placed in the order given (put the most important first). For each, the
    ``near`` offsets (points, with alignment) are tried, pushed ``gap`` points further out (a
    marker's radius; one value, or one per label), then ``rings`` rings of offsets further out
    with a leader line. The first box that overlaps no placed label and no ``obstacles``
    (display-space boxes) and stays inside the axes wins; when nothing fits, the position with
    the least overlap. ``styles`` (one dict per label) adds to ``text_kw``. Returns the
    Annotation artists, in the order of ``texts``.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed: list[Bbox] = []
    out = []
    gaps = [float(gap)] * len(texts) if isinstance(gap, (int, float)) else [float(g) for g in gap]
    styles = list(styles) or [{}] * len(texts)
    for (x, y), text, g, style in zip(xy, texts, gaps, styles):
        best, best_cost = None, math.inf
        tries = [(dx + math.copysign(g, dx) * (dx != 0), dy + math.copysign(g, dy) * (dy != 0), ha, va)
                 for dx, dy, ha, va in near]
        for dx, dy, ha, va in tries + list(_rings(ring_step + g, rings)):
            far = math.hypot(dx, dy) > 10 + 1.5 * g
            ann = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                              arrowprops=dict(arrowstyle="-", color=leader_colour, lw=0.6, shrinkA=0, shrinkB=2)
                              if far else None, **{**text_kw, **style})
            box = _box(ann, renderer, pad)
            cost = sum(box.overlaps(b) for b in placed) * 10 + sum(box.overlaps(b) for b in obstacles)
            cost += 0 if frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) else 5
            if cost < best_cost:
                if best is not None:
                    best.remove()
                best, best_cost = ann, cost
            else:
                ann.remove()
            if cost == 0:
                break
        placed.append(_box(best, renderer, pad))
        out.append(best)
    return out


def overlapping_pairs(artists: Sequence) -> list[tuple[int, int]]:
    """Pairs of artists (indices) whose drawn boxes overlap — for tests and checks.

    >>> overlapping_pairs([])
    []
    """
    if not artists:
        return []
    renderer = artists[0].figure.canvas.get_renderer()
    boxes = [_box(a, renderer) for a in artists]
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


__all__ = ["contrast_ratio", "overlapping_pairs", "place_labels", "relative_luminance", "text_colour_on"]
