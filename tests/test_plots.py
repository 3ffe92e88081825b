"""Charts draw article text as it is: dollar signs are money, not TeX."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from newslab import Article  # noqa: E402
from newslab.plots.sentiment import sentiment_arc  # noqa: E402
from newslab.plots.style import save_figure  # noqa: E402
from newslab.sentiment import score_sentiment  # noqa: E402


def test_dollar_signs_in_titles_are_drawn_not_parsed(tmp_path):
    title = r"Lira: $\frac{1}{$ as talks stall"
    a = Article.from_text(f"{title}\n\nThe lira fell to $5 on Monday. Ankara and Washington met on $80 oil.")
    fig = sentiment_arc(score_sentiment(a), title=title, source=title)
    paths = save_figure(fig, tmp_path, "arc")  # mathtext would raise on the unbalanced $ here
    assert [p.stat().st_size > 0 for p in paths] == [True, True]
    assert title in [t.get_text() for ax in fig.axes for t in (ax.title,)] + [t.get_text() for t in fig.texts]
    assert title in (tmp_path / "arc.svg").read_text(encoding="utf-8")
