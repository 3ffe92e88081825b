"""Article text as HTML: keyword-in-context tables and highlighted passages.

Every piece of article text is HTML-escaped before it is wrapped in markup, so an article that
contains ``<script>`` shows those characters in the report and never runs them. These helpers
return strings; display them with ``IPython.display.HTML`` (see :mod:`newslab.reporting`).

Example: ``highlight_html(sentence.text, [(14, 19, "neg")])`` marks characters 14–19.
"""
from __future__ import annotations

import html
from typing import Iterable, Mapping, Sequence

import pandas as pd

from .style import PALETTE

# Light tints of the palette for highlight backgrounds (text stays black and readable).
LABEL_COLOURS = {
    "neg": "#F5C6A5", "negative": "#F5C6A5", "against": "#F5C6A5", "conflict": "#F5C6A5",
    "pos": "#BFD9EE", "positive": "#BFD9EE", "favor": "#BFD9EE", "cooperation": "#BFD9EE",
    "neu": "#E0E0E0", "neutral": "#E0E0E0", "": "#FFF1A8",
}
_EXTRA_TINTS = ["#FFF1A8", "#C9E9DD", "#F2D3E4", "#D6EBF8", "#F9E0B0", "#DCD3EC", "#F6D5C8", "#E0E0E0"]


def esc(text: object) -> str:
    """HTML-escape any value (quotes too)."""
    return html.escape("" if text is None else str(text), quote=True)


def label_colours(labels: Iterable[str]) -> dict[str, str]:
    """One colour per label, the same in every passage of an article: the named tints for known
    labels (neg, favor, conflict ...), the other tints in sorted label order.

    >>> label_colours(["PERSON", "neg", "COUNTRY"])
    {'COUNTRY': '#FFF1A8', 'PERSON': '#C9E9DD', 'neg': '#F5C6A5'}
    """
    out, k = {}, 0
    for label in sorted(set(labels)):
        if label.lower() in LABEL_COLOURS:
            out[label] = LABEL_COLOURS[label.lower()]
        else:
            out[label] = _EXTRA_TINTS[k % len(_EXTRA_TINTS)]
            k += 1
    return out


def _colour_for(label: str, colours: Mapping[str, str] | None, order: list[str]) -> str:
    if colours and label in colours:
        return colours[label]
    if label.lower() in LABEL_COLOURS:
        return LABEL_COLOURS[label.lower()]
    if label not in order:
        order.append(label)
    return _EXTRA_TINTS[order.index(label) % len(_EXTRA_TINTS)]


def highlight_html(text: str, spans: Iterable[Sequence], colours: Mapping[str, str] | None = None,
                   offset: int = 0, title: str | None = None, legend: bool = False) -> str:
    """Return ``text`` as escaped HTML with each ``(start, end[, label[, tooltip]])`` span marked.

    Offsets are character offsets into ``text`` (pass ``offset=sentence.start`` when ``text`` is a
    slice of ``article.text`` and the spans are article offsets). Overlapping spans: the earlier
    (then longer) one wins and the overlap is not marked twice. A label picks the colour
    (``neg``/``pos``/``neu``, ``favor``/``against``, a frame name, ...); the tooltip shows on hover.
    ``legend=True`` adds a key of the labels that were marked, with their colours.

    >>> highlight_html("a <b> c", [(2, 5, "neg", "tag")])
    '<div class="nl-text">a <mark class="nl-neg" style="background:#F5C6A5" title="tag">&lt;b&gt;</mark> c</div>'
    """
    norm = []
    for sp in spans:
        s, e = int(sp[0]) - offset, int(sp[1]) - offset
        label = str(sp[2]) if len(sp) > 2 and sp[2] is not None else ""
        tip = str(sp[3]) if len(sp) > 3 and sp[3] is not None else label
        s, e = max(0, s), min(len(text), e)
        if e > s:
            norm.append((s, e, label, tip))
    norm.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    order: list[str] = []
    out, pos = [], 0
    for s, e, label, tip in norm:
        if s < pos:
            continue  # overlaps a span already marked
        out.append(esc(text[pos:s]))
        cls = "nl-" + "".join(ch if ch.isalnum() else "-" for ch in label.lower()) if label else "nl-mark"
        out.append(f'<mark class="{esc(cls)}" style="background:{_colour_for(label, colours, order)}" '
                   f'title="{esc(tip)}">{esc(text[s:e])}</mark>')
        pos = e
    out.append(esc(text[pos:]))
    head = f"<p><strong>{esc(title)}</strong></p>" if title else ""
    key = ""
    if legend:
        used = sorted({label for s_, e_, label, tip in norm})
        chips = " ".join(f'<mark style="background:{_colour_for(label, colours, order)}">{esc(label or "marked")}</mark>'
                         for label in used)
        key = f'<p class="nl-legend"><small>Key: {chips}</small></p>' if used else ""
    return f'{head}{key}<div class="nl-text">{"".join(out)}</div>'


def kwic_html(kwic_df: pd.DataFrame, max_rows: int | None = 30, caption: str | None = None) -> str:
    """A keyword-in-context table (left context right-aligned, keyword bold, right context).

    Takes the DataFrame from :func:`newslab.textutils.kwic` (columns ``left``, ``keyword``,
    ``right``; ``doc_id`` shown when there are several documents). All text is escaped.

    >>> df = pd.DataFrame({"left": ["a <i>"], "keyword": ["Russia"], "right": ["and"]})
    >>> "&lt;i&gt;" in kwic_html(df) and "<i>" not in kwic_html(df)
    True
    """
    rows = kwic_df if max_rows is None else kwic_df.head(max_rows)
    show_doc = "doc_id" in rows.columns and rows["doc_id"].nunique() > 1
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    body = []
    for r in rows.itertuples(index=False):
        doc = f'<td style="color:{PALETTE["grey"]}">{esc(r.doc_id)}</td>' if show_doc else ""
        body.append(f'<tr>{doc}<td style="text-align:right">{esc(r.left)}</td>'
                    f'<td style="text-align:center"><strong>{esc(r.keyword)}</strong></td>'
                    f'<td style="text-align:left">{esc(r.right)}</td></tr>')
    more = ""
    if max_rows is not None and len(kwic_df) > max_rows:
        more = f'<p style="color:{PALETTE["grey"]}">… {len(kwic_df) - max_rows} more matches</p>'
    head = "<th>doc</th>" if show_doc else ""
    return (f'<table class="nl-kwic">{cap}<thead><tr>{head}<th style="text-align:right">left</th>'
            f"<th>keyword</th><th style=\"text-align:left\">right</th></tr></thead><tbody>"
            f'{"".join(body)}</tbody></table>{more}')


def table_html(df: pd.DataFrame, max_rows: int | None = 20, caption: str | None = None,
               float_format: str = "{:.3f}") -> str:
    """Any DataFrame as an escaped HTML table (floats rounded; index dropped).

    Text columns are left-aligned (notebook styles right-align every cell, which makes sentences
    hard to read); numbers stay right-aligned.

    >>> table_html(pd.DataFrame({"text": ["<script>x</script>"], "n": [2]}))
    '<table class="nl-table"><thead><tr><th style="text-align:left">text</th><th>n</th></tr></thead><tbody><tr><td style="text-align:left">&lt;script&gt;x&lt;/script&gt;</td><td>2</td></tr></tbody></table>'
    """
    rows = df if max_rows is None else df.head(max_rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    left = [not (pd.api.types.is_numeric_dtype(rows[c]) or pd.api.types.is_bool_dtype(rows[c])) for c in rows.columns]
    align = [' style="text-align:left"' if is_text else "" for is_text in left]
    head = "".join(f"<th{a}>{esc(c)}</th>" for c, a in zip(rows.columns, align))

    def cell(v: object) -> str:
        if isinstance(v, float):
            return "" if v != v else esc(float_format.format(v))
        if isinstance(v, (list, tuple)):
            return esc(", ".join(map(str, v)))
        return esc(v)

    body = "".join("<tr>" + "".join(f"<td{a}>{cell(v)}</td>" for v, a in zip(r, align)) + "</tr>"
                   for r in rows.itertuples(index=False))
    more = ""
    if max_rows is not None and len(df) > max_rows:
        more = f'<p style="color:{PALETTE["grey"]}">… {len(df) - max_rows} more rows</p>'
    return f'<table class="nl-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}'


def word_frequency_chart(freq: pd.DataFrame, top: int = 15, source: str = "", title: str | None = None):
    """Horizontal bars of the most frequent words (from :func:`newslab.textutils.word_frequencies`).

    Takes columns ``word`` and ``count`` (already sorted, most frequent first); returns the Figure.
    """
    from .style import add_source_line, new_figure

    rows = freq.head(top).iloc[::-1]  # most frequent at the top
    fig, ax = new_figure(7, max(2.5, 0.28 * len(rows) + 1.2))
    ax.barh(rows["word"].astype(str), rows["count"], color=PALETTE["blue"])
    ax.set_xlabel("occurrences (stopwords removed)")
    ax.set_ylabel("word")
    ax.set_title(title or f"The {len(rows)} most frequent words")
    ax.xaxis.get_major_locator().set_params(integer=True)
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def paragraph_lengths(paragraphs: pd.DataFrame, source: str = "", title: str | None = None):
    """Bars of words per paragraph, coloured by the number of sentences (structure at a glance).

    Takes one row per paragraph with columns ``paragraph``, ``words`` and ``sentences``.
    """
    from .style import add_source_line, new_figure

    fig, ax = new_figure(8, 3.8)
    multi = paragraphs["sentences"] > 1
    ax.bar(paragraphs.loc[~multi, "paragraph"], paragraphs.loc[~multi, "words"], color=PALETTE["sky"],
           label="one sentence")
    ax.bar(paragraphs.loc[multi, "paragraph"], paragraphs.loc[multi, "words"], color=PALETTE["blue"],
           label="two or more sentences")
    ax.set_xlabel("paragraph (0 = first body paragraph)")
    ax.set_ylabel("words")
    ax.set_title(title or "Paragraph lengths", loc="left")
    ax.xaxis.get_major_locator().set_params(integer=True)
    # Outside the axes, right of the title: a legend inside would sit on the tallest bars.
    ax.legend(frameon=False, fontsize=8, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=2, borderaxespad=0.2)
    add_source_line(fig, source)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
