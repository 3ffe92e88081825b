"""Quotes without a cue of their own: the pieces of a multi-paragraph quote, a quote that goes on
in the speaker's next paragraph, and quotes introduced by a line of their own ("Kremlin
spokesman Dmitry Peskov told reporters:") (step 5 of the method in :mod:`newslab.quotes`).

A quotation mark that opens a sentence continues the latest speaker before it when that speaker
spoke in the same paragraph, or in the paragraph before (then the quote must open its paragraph
and be three words or more, or follow a colon). Otherwise a sentence-long quote (four words or
more) is kept with an empty speaker; shorter quoted phrases are the reporter's (titles, scare
quotes) and are dropped.

>>> from newslab import Article
>>> from newslab.quotes import extract_quotes
>>> a = Article.from_text('T\\n\\n"We are ready," Jaishankar said.\\n\\n"The border is calm now."')
>>> extract_quotes(a)[["text", "speaker_text", "how"]].values.tolist()
[['We are ready', 'Jaishankar', 'quote_then_cue'], ['The border is calm now.', 'Jaishankar', 'continuation']]
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from .phrases import Rules
from .speakers import Candidate, Resolver, resolve_speaker
from .tokens import TOKEN_RE, Tok

if TYPE_CHECKING:
    from ..article import Article
    from .marks import QuoteMarks

Row = dict[str, Any]


def heading_anchors(article: Article, rules: Rules, res: Resolver) -> list[Row]:
    """'Kremlin spokesman Dmitry Peskov told reporters:' on a line of its own is kept out of the
    sentences as a section head; it still introduces the quote in the next paragraph."""
    out: list[Row] = []
    text = article.text
    for h in article.structure.headings:
        if not h.text.rstrip().endswith(":"):
            continue
        toks = [Tok(m.start(), m.end(), m.group(), m.group().lower(), -1)
                for m in TOKEN_RE.finditer(text, h.start, h.end)]
        k = next((i for i in range(len(toks) - 1, -1, -1) if rules.is_cue(toks[i])), -1)
        found = rules.np_back(toks, k, 0) if k > 0 else None
        nxt = next((p for p in article.paragraphs if p.start >= h.end), None)
        if found is None or nxt is None:
            continue
        a, b = found[0]
        s, e = toks[a].start, toks[b - 1].end
        spk, side, label = resolve_speaker(res, s, e, text[s:e])
        res.add(Candidate(s, spk, side, label or "PERSON", (s, e), False, True))
        out.append({"start": h.start, "paragraph": nxt.i - 1, "speaker": spk, "speaker_text": text[s:e],
                    "side": side, "cue": toks[k].text})
    return out


def continue_quotes(article: Article, quotes: list[QuoteMarks], quote_rows: dict[int, Row],
                    anchors: list[Row], rows: list[Row]) -> None:
    """Give every quote without an attribution the speaker it continues (or none), appending
    its row to ``rows`` and ``quote_rows``; then pieces of a multi-paragraph quote before the
    attributed piece take its speaker."""
    text = article.text
    look = _Lookup(article, quotes, anchors)
    for qi in sorted(range(len(quotes)), key=lambda i: quotes[i].start):
        q = quotes[qi]
        if qi in quote_rows:
            continue
        sent = article.sentence_at(q.start)
        src, how = _source(article, look, quote_rows, qi, sent)
        if how == "":
            continue  # a scare quote or a title in quotation marks: not a quote of a speaker
        row = {"text": text[q.start:q.end], "start": q.start, "end": q.end, "kind": "direct",
               "cue": src["cue"] if src else "", "cue_start": -1, "cue_end": -1,
               "speaker_text": src["speaker_text"] if src else "", "speaker_start": -1, "speaker_end": -1,
               "speaker": src["speaker"] if src else "", "side": src["side"] if src else "",
               "sentence": sent.i if sent is not None else -1, "paragraph": q.paragraph,
               "unclosed": q.unclosed, "how": how, "group": q.group}
        rows.append(row)
        look.add_anchor(row)
        quote_rows[qi] = row
    _share_group_speakers(quotes, quote_rows, look.by_group)


class _Lookup:
    """The quotes of each group, the anchors sorted by start and the heading starts, so that
    each quote finds its source by bisection (long articles stay O(n log n))."""

    def __init__(self, article: Article, quotes: list[QuoteMarks], anchors: list[Row]):
        self.quotes = quotes
        self.by_group: dict[int, list[int]] = {}
        for j, q in enumerate(quotes):
            self.by_group.setdefault(q.group, []).append(j)
        self.anchors = sorted(anchors, key=lambda r: r["start"])  # stable: ties keep their order
        self.starts = [r["start"] for r in self.anchors]
        self.headings = sorted(h.start for h in article.structure.headings)

    def add_anchor(self, row: Row) -> None:
        i = bisect_right(self.starts, row["start"])
        self.starts.insert(i, row["start"])
        self.anchors.insert(i, row)

    def prev_anchor(self, pos: int) -> Row | None:
        """The anchor with the largest start before pos (the first added among equals)."""
        i = bisect_left(self.starts, pos) - 1
        if i < 0:
            return None
        return self.anchors[bisect_left(self.starts, self.starts[i])]

    def heading_between(self, a: int, b: int) -> bool:
        i = bisect_right(self.headings, a)
        return i < len(self.headings) and self.headings[i] < b


def _source(article: Article, look: _Lookup, quote_rows: dict[int, Row], qi: int,
            sent: Any) -> tuple[Row | None, str]:
    """(the row whose speaker quote qi continues, how) — how is '' when qi is no one's quote."""
    q = look.quotes[qi]
    group_row = next((quote_rows[j] for j in look.by_group[q.group] if j in quote_rows and j != qi), None)
    if group_row is not None:
        return group_row, "continuation"  # another piece of the same multi-paragraph quote
    opens_sentence = sent is not None and q.open_pos <= sent.start + 1
    prev = look.prev_anchor(q.start)
    if prev is not None and prev["speaker"] and opens_sentence and _continues(article, look, q, prev):
        return prev, "continuation"
    if opens_sentence and len(article.text[q.start:q.end].split()) >= 4:
        return None, "unattributed"
    return None, ""


def _continues(article: Article, look: _Lookup, q: QuoteMarks, prev: Row) -> bool:
    """Does quote q go on with the speaker of ``prev``: no section head between them, and the
    same paragraph, or the next one opened by the quote (three words or more, or after a colon)?"""
    if look.heading_between(prev["start"], q.open_pos):
        return False
    if prev["paragraph"] == q.paragraph:
        return True
    para = article.paragraphs[q.paragraph]
    if not (q.open_pos == para.start and prev["paragraph"] == q.paragraph - 1):
        return False
    text = article.text
    words = len(text[q.start:q.end].split())
    ends_colon = (q.paragraph > 0 and _last_char_before(text, article.paragraphs[q.paragraph - 1].end) == ":") \
        or _last_char_before(text, para.start) == ":"
    return words >= 3 or ends_colon


def _last_char_before(text: str, pos: int) -> str:
    """The last non-space character of text[:pos] ('' if none), without copying the text."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _share_group_speakers(quotes: list[QuoteMarks], quote_rows: dict[int, Row], by_group: dict[int, list[int]]) -> None:
    """Multi-paragraph quotes: pieces before the attributed piece take its speaker."""
    order = {qi: n for n, qi in enumerate(quote_rows)}  # the donor is the first row entered
    for qi, row in quote_rows.items():
        if not row["speaker"]:
            g = quotes[qi].group
            donors = sorted((order[j], j) for j in by_group[g] if j in quote_rows and quote_rows[j]["speaker"])
            donor = quote_rows[donors[0][1]] if donors else None
            if donor is not None:
                for k in ("speaker_text", "speaker", "side", "cue"):
                    row[k] = donor[k]
                row["how"] = "continuation"
