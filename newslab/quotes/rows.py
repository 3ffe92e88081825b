"""The quotes layer's rows for one article: the steps of :mod:`newslab.quotes` put together.

Quotation marks are paired (:mod:`~newslab.quotes.marks`), each paragraph with a mark or a cue
word is attributed (:mod:`~newslab.quotes.attribution`), each quote keeps its best attribution,
speakers are resolved in reading order so that pronouns see the speakers before them
(:mod:`~newslab.quotes.speakers`), quotes without a cue continue an earlier speaker
(:mod:`~newslab.quotes.continuation`), and duplicates go.

>>> from newslab import Article
>>> from newslab.quotes.cues import load_cues
>>> a = Article.from_text('T\\n\\nErdogan met Putin. He told reporters they agreed on Syria.')
>>> [(r["text"], r["speaker"]) for r in quote_rows(a, load_cues(), a.layer("mentions_by_start"))]
[('they agreed on Syria', 'Recep Tayyip Erdogan')]
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from .attribution import Attribution, attribute_paragraph
from .continuation import continue_quotes, heading_anchors
from .cues import CueLexicon, has_cue_word
from .layouts import turn_labels
from .marks import QuoteMarks, find_quote_marks
from .phrases import Rules
from .speakers import Candidate, Resolver, add_subject_candidates, resolve_speaker
from .tokens import Paragraph, no_gc, pronoun_base

if TYPE_CHECKING:
    from ..article import Article

Row = dict[str, Any]
SpeakerInfo = tuple[str, str, str, str, int, int]  # speaker_text, speaker, side, label, start, end
_NO_SPEAKER: SpeakerInfo = ("", "", "", "", -1, -1)
# Heads of a plural speaker phrase ('Russian officials', 'the two leaders'): a later 'they'.
_PLURAL_HEADS = ("officials", "leaders", "sides", "pair", "ministers")


def quote_rows(article: Article, lex: CueLexicon, mentions: list[dict[str, Any]]) -> list[Row]:
    """One row per quote of the article (see :func:`newslab.quotes.extract_quotes`)."""
    with no_gc():  # tokens are many small objects and make no cycles (see tokens.no_gc)
        return _quote_rows(article, lex, mentions)


def _quote_rows(article: Article, lex: CueLexicon, mentions: list[dict[str, Any]]) -> list[Row]:
    rules = Rules(lex)
    quotes = find_quote_marks(article, lex)
    atts = _attributions(article, rules, quotes)
    res = Resolver(article, lex, mentions)
    add_subject_candidates(res, quotes)
    speakers = _Speakers(atts, res)
    rows, quoted = _attributed_rows(article, quotes, atts, speakers)
    anchors = rows + _speaker_only_anchors(article, atts, speakers) + heading_anchors(article, rules, res)
    continue_quotes(article, quotes, quoted, anchors, rows)
    return _unique(rows)


def _attributions(article: Article, rules: Rules, quotes: list[QuoteMarks]) -> list[Attribution]:
    """Attributions of every paragraph that has a quotation mark or a cue word, with article-wide
    indices and the speaker's offsets and text."""
    by_para: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(qi)
    text = article.text
    lowered = text.lower()  # same length and offsets as text for these scripts
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    sents_by_para: dict[int, list[Any]] = {}
    for sent in article.sentences:
        sents_by_para.setdefault(sent.paragraph, []).append(sent)
    atts: list[Attribution] = []
    labels = turn_labels(article)
    for p in article.paragraphs:
        qidx = by_para.get(p.i, [])
        if not qidx and not labels and not has_cue_word(rules.lex, lowered, p.start, p.end):
            continue  # only paragraphs with quotation marks or a cue word need tokens
        par = Paragraph(article, p.i, quotes, qidx, sents_by_para.get(p.i, []))
        base = len(atts)
        for a in attribute_paragraph(article, rules, par, quotes, labels):
            if a.inherit_from != -1:
                a.inherit_from += base
            if a.sp is not None:
                a.speaker_start = par.toks[a.sp[0]].start
                a.speaker_end = par.toks[a.sp[1] - 1].end
                a.speaker_text = text[a.speaker_start:a.speaker_end]
            atts.append(a)
    return atts


class _Speakers:
    """Each attribution's resolved speaker, worked out once; every resolved speaker becomes a
    candidate for the pronouns and roles after it."""

    def __init__(self, atts: list[Attribution], res: Resolver):
        self.atts, self.res = atts, res
        self.resolved: dict[int, SpeakerInfo] = {}

    def of(self, ai: int) -> SpeakerInfo:
        if ai in self.resolved:
            return self.resolved[ai]
        a = self.atts[ai]
        if a.inherit_from != -1 and a.sp is None:
            info = self.of(a.inherit_from)  # a participle shares its sentence's speaker
        elif a.sp is not None:
            spk, side, label = resolve_speaker(self.res, a.speaker_start, a.speaker_end, a.speaker_text)
            info = (a.speaker_text, spk, side, label, a.speaker_start, a.speaker_end)
            if spk:
                lower = a.speaker_text.lower()
                plural = " and " in a.speaker_text or lower == "they" or lower.endswith(_PLURAL_HEADS)
                self.res.add(Candidate(a.speaker_start, spk, side, label or "PERSON",
                                                     (a.speaker_start, a.speaker_end), plural, True,
                                                     {"she": True, "he": False}.get(lower)))
        else:
            info = _NO_SPEAKER
        self.resolved[ai] = info
        return info


def _best_per_quote(atts: list[Attribution]) -> dict[int, int]:
    """One attribution per quote: the highest priority, the first among equals."""
    best: dict[int, int] = {}
    for ai, a in enumerate(atts):
        if a.quote == -1:
            continue
        cur = best.get(a.quote)
        if cur is None or a.priority > atts[cur].priority:
            best[a.quote] = ai
    return best


def _attributed_rows(article: Article, quotes: list[QuoteMarks], atts: list[Attribution],
                     speakers: _Speakers) -> tuple[list[Row], dict[int, Row]]:
    """Rows of the reported clauses and of the attributed quotes, resolved in the order their
    speakers appear so that pronouns see the speakers before them; also quote index -> row."""
    items: list[tuple[int, str, Any]] = []
    for ai, a in enumerate(atts):
        if a.kind in ("indirect", "mixed", "none") or (a.kind == "direct" and a.quote == -1 and not a.covers):
            items.append((a.speaker_start if a.speaker_start >= 0 else a.cue_start, "att", ai))
    covered = {qi: ai for ai, a in enumerate(atts) for qi in a.covers}
    for qi, ai in _best_per_quote(atts).items():
        if qi in covered:
            continue  # inside a mixed clause: its words are that row's
        a = atts[ai]
        items.append((a.speaker_start if a.speaker_start >= 0 else a.cue_start, "quote", (qi, ai)))
    items.sort(key=lambda x: x[0])
    rows: list[Row] = []
    quoted: dict[int, Row] = {}
    for _pos, typ, payload in items:
        if typ == "att":
            a = atts[payload]
            info = speakers.of(payload)
            if a.kind == "mixed":
                inner = [quotes[qi] for qi in a.covers]
                row = _row(article, a.start, a.end, "mixed", a, info, any(q.unclosed for q in inner),
                           inner[-1].group if inner[-1].continues else -1)
                rows.append(row)
                quoted.update((qi, row) for qi in a.covers)
            elif a.kind != "none":  # 'speaker only' cues are resolved here but have no row
                rows.append(_row(article, a.start, a.end, a.kind, a, info, False, -1))  # a transcript turn is direct
        else:
            qi, ai = payload
            q = quotes[qi]
            row = _row(article, q.start, q.end, atts[ai].kind, atts[ai], speakers.of(ai), q.unclosed, q.group)
            rows.append(row)
            quoted[qi] = row
    return rows, quoted


def _speaker_only_anchors(article: Article, atts: list[Attribution], speakers: _Speakers) -> list[Row]:
    """'Putin told reporters:' closing a paragraph: a speaker the next quote can continue."""
    out = []
    for ai, a in enumerate(atts):
        if a.kind != "none":
            continue
        sent = article.sentence_at(a.cue_start)
        if sent is None:
            continue
        info = speakers.of(ai)
        out.append({"start": a.cue_start, "paragraph": sent.paragraph, "speaker": info[1],
                    "speaker_text": info[0], "side": info[2], "cue": a.cue})
    return out


def _row(article: Article, s: int, e: int, kind: str, a: Attribution, info: SpeakerInfo,
         unclosed: bool, group: int) -> Row:
    speaker_text, speaker, side, _label, sps, spe = info
    sent = article.sentence_at(s)
    return {"text": article.text[s:e], "start": s, "end": e, "kind": kind, "cue": a.cue,
            "cue_start": a.cue_start, "cue_end": a.cue_end, "speaker_text": speaker_text,
            "speaker_start": sps, "speaker_end": spe, "speaker": speaker, "side": side,
            "sentence": sent.i if sent else -1, "paragraph": sent.paragraph if sent else -1,
            "unclosed": unclosed, "how": a.how, "group": group}


def _unique(rows: list[Row]) -> list[Row]:
    """Rows in text order, each span once; a first-person cue inside someone's reported words
    ("I've told them I won't play, she said") is part of those words, not a quote of its own."""
    rows.sort(key=lambda r: (r["start"], r["kind"]))
    seen: set[tuple[int, int]] = set()
    unique = []
    spans = sorted((r["start"], r["end"]) for r in rows if r["kind"] in ("indirect", "mixed"))
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # furthest end of the spans so far
    for r in rows:
        if (r["start"], r["end"]) in seen:
            continue
        if pronoun_base(str(r["speaker_text"]).lower()) in ("i", "we"):
            i = bisect_right(starts, r["cue_start"]) - 1  # some span a <= cue_start < b
            if i >= 0 and reach[i] > r["cue_start"]:
                continue
        seen.add((r["start"], r["end"]))
        unique.append(r)
    return unique
