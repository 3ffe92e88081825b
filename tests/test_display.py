"""Articles shown in a notebook with their annotations marked, escaped."""
from __future__ import annotations

import pytest

from newslab import Article
from newslab.errors import ParameterError

TEXT = ("Dam talks\n\n\"We will not accept harm to the Nile,\" Sisi said after Ethiopia and Egypt clashed "
        "over the dam. <script>alert(1)</script>")


def test_show_marks_each_layer_and_escapes_the_text():
    a = Article.from_text(TEXT, source="Outlet C", date="2021-04-06")
    html = a.show("quotes", "mentions").html
    assert '<mark class="nl-quote"' in html and "Abdel Fattah al-Sisi (Egypt)" in html
    assert '<mark class="nl-country"' in html and "Ethiopia (Ethiopia) — name" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Outlet C · 2021-04-06" in html and "Key:" in html
    colour = {m.split('title="')[1].split('"')[0]: m.split("background:")[1][:7] for m in html.split("<mark")[1:]}
    assert colour["Ethiopia (Ethiopia) — name"] == colour["COUNTRY"]  # the key's colour is the text's
    frames = a.show("frames").html
    assert "generic: conflict (clash*" in frames


def test_article_repr_html_marks_mentions_and_unknown_layers_are_named():
    a = Article.from_text(TEXT)
    assert a._repr_html_() == a.show("mentions", max_paragraphs=12).html
    with pytest.raises(ParameterError, match="choose from mentions, quotes"):
        a.show("vibes")
