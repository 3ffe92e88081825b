"""Charts for newslab tables (matplotlib). Plots take DataFrames and return Figures; they never
compute analysis themselves. Each chart module (``plots.sentiment``, ``plots.actors`` ...) uses the
shared style in :mod:`newslab.plots.style`."""
from .style import PALETTE, add_source_line, legend_outside, new_figure, save_figure

__all__ = ["PALETTE", "add_source_line", "legend_outside", "new_figure", "save_figure"]
