"""One consistent, colour-blind-safe look for every newslab chart.

The palette is Okabe & Ito (2008), safe for the common colour-vision deficiencies. Every chart
gets a title, labelled axes and a source line naming the article or corpus and the newslab
version, and is saved as PNG and SVG with fixed metadata so re-rendering gives identical files.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() in ("", "agg") else None
import matplotlib.pyplot as plt  # noqa: E402

PALETTE = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "grey": "#999999",
    "black": "#000000",
}
CYCLE = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "grey")]
# Fixed colours for the sides of the worked example, so every chart agrees.
SIDE_COLOURS = {"Russia": PALETTE["vermillion"], "Turkey": PALETTE["blue"], "Syria": PALETTE["green"],
                "United States": PALETTE["purple"], "Iran": PALETTE["orange"], "": PALETTE["grey"]}
# Sentiment / cooperation diverging colours (negative, neutral, positive).
DIVERGING = (PALETTE["vermillion"], PALETTE["grey"], PALETTE["blue"])
# Text on white needs a WCAG contrast of 4.5: the palette's grey (2.8) and vermillion (3.9) are
# too light for words, so text uses these darker tones of the same hues (7.0, 6.2, 6.7).
TEXT_GREY = "#595959"
DIVERGING_TEXT = ("#A34400", TEXT_GREY, "#00609A")

_RC = {
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "axes.spines.top": False, "axes.spines.right": False,
    "axes.titlesize": 12, "axes.labelsize": 10, "font.size": 10,
    "figure.dpi": 100, "savefig.dpi": 120, "svg.hashsalt": "newslab", "svg.fonttype": "none",
    # Chart text comes from articles ("Lira at $5 ... $80"): a dollar sign is money, never math.
    "text.parse_math": False,
}


def new_figure(width: float = 8, height: float = 4.5, **kwargs):
    """A figure and axes with the newslab style applied."""
    plt.rcParams.update(_RC)
    return plt.subplots(figsize=(width, height), **kwargs)


def add_source_line(fig, source: str = "") -> None:
    """Write 'Source: <article or corpus> · newslab <version>' under the figure."""
    from ..version import __version__

    label = f"Source: {source} · newslab {__version__}" if source else f"newslab {__version__}"
    fig.text(0.01, 0.005, label, fontsize=7, color=TEXT_GREY, ha="left", va="bottom")


def legend_outside(ax, **kwargs):
    """A legend to the right of the axes, top-aligned: never on the bars or lines it explains."""
    kwargs = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0, "frameon": False,
              "fontsize": 8, **kwargs}
    return ax.legend(**kwargs)


def save_figure(fig, folder: str | Path, name: str) -> list[Path]:
    """Save ``fig`` as ``name.png`` and ``name.svg`` in ``folder`` with reproducible metadata."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
        path = folder / f"{name}.{ext}"
        fig.savefig(path, format=ext, metadata=meta, bbox_inches="tight")
        paths.append(path)
    return paths
