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
        res.candidates.append(Candidate(s, spk, side, label or "PERSON", (s, e), False, True))
        out.append({"start": h.start, "paragraph": nxt.i - 1, "speaker": spk, "speaker_text": text[s:e],
                    "side": side, "cue": toks[k].text})
    return out


def continue_quotes(article: Article, quotes: list[QuoteMarks], quote_rows: dict[int, Row],
                    anchors: list[Row], rows: list[Row]) -> None:
    """Give every quote without an attribution the speaker it continues (or none), appending
    its row to ``rows`` and ``quote_rows``; then pieces of a multi-paragraph quote before the
    attributed piece take its speaker."""
    text = article.text
    for qi in sorted(range(len(quotes)), key=lambda i: quotes[i].start):
        q = quotes[qi]
        if qi in quote_rows:
            continue
        sent = article.sentence_at(q.start)
        src, how = _source(article, quotes, quote_rows, anchors, qi, sent)
        if how == "":
            continue  # a scare quote or a title in quotation marks: not a quote of a speaker
        row = {"text": text[q.start:q.end], "start": q.start, "end": q.end, "kind": "direct",
               "cue": src["cue"] if src else "", "cue_start": -1, "cue_end": -1,
               "speaker_text": src["speaker_text"] if src else "", "speaker_start": -1, "speaker_end": -1,
               "speaker": src["speaker"] if src else "", "side": src["side"] if src else "",
               "sentence": sent.i if sent is not None else -1, "paragraph": q.paragraph,
               "unclosed": q.unclosed, "how": how, "group": q.group}
        rows.append(row)
        anchors.append(row)
        quote_rows[qi] = row
    _share_group_speakers(quotes, quote_rows)


def _source(article: Article, quotes: list[QuoteMarks], quote_rows: dict[int, Row], anchors: list[Row],
            qi: int, sent: Any) -> tuple[Row | None, str]:
    """(the row whose speaker quote qi continues, how) — how is '' when qi is no one's quote."""
    q = quotes[qi]
    group_row = next((quote_rows[j] for j, other in enumerate(quotes)
                      if j in quote_rows and other.group == q.group and j != qi), None)
    if group_row is not None:
        return group_row, "continuation"  # another piece of the same multi-paragraph quote
    opens_sentence = sent is not None and q.open_pos <= sent.start + 1
    before = [r for r in anchors if r["start"] < q.start]
    prev = max(before, key=lambda r: r["start"]) if before else None
    if prev is not None and prev["speaker"] and opens_sentence and _continues(article, q, prev):
        return prev, "continuation"
    if opens_sentence and len(article.text[q.start:q.end].split()) >= 4:
        return None, "unattributed"
    return None, ""


def _continues(article: Article, q: QuoteMarks, prev: Row) -> bool:
    """Does quote q go on with the speaker of ``prev``: no section head between them, and the
    same paragraph, or the next one opened by the quote (three words or more, or after a colon)?"""
    if any(prev["start"] < h.start < q.open_pos for h in article.structure.headings):
        return False
    if prev["paragraph"] == q.paragraph:
        return True
    para = article.paragraphs[q.paragraph]
    if not (q.open_pos == para.start and prev["paragraph"] == q.paragraph - 1):
        return False
    text = article.text
    words = len(text[q.start:q.end].split())
    prev_para_end = text[:article.paragraphs[q.paragraph - 1].end].rstrip() if q.paragraph > 0 else ""
    ends_colon = prev_para_end.endswith(":") or text[:para.start].rstrip().endswith(":")
    return words >= 3 or ends_colon


def _share_group_speakers(quotes: list[QuoteMarks], quote_rows: dict[int, Row]) -> None:
    """Multi-paragraph quotes: pieces before the attributed piece take its speaker."""
    for qi, row in quote_rows.items():
        if not row["speaker"]:
            g = quotes[qi].group
            donor = next((r for j, r in quote_rows.items() if quotes[j].group == g and r["speaker"]), None)
            if donor is not None:
                for k in ("speaker_text", "speaker", "side", "cue"):
                    row[k] = donor[k]
                row["how"] = "continuation"
