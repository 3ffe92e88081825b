"""Quotation marks, paired paragraph by paragraph (step 1 of the method in :mod:`newslab.quotes`).

Straight ``"``, curly ``“ ”``, ``« »`` and ``„ “`` pair up; single ``‘ ’`` or ``' '`` only when
the paragraph has no double quotes, and straight single marks only as a properly closed pair, so
apostrophes are never taken for quotes; ``''`` pairs (two apostrophes for one double mark, as in
some newspaper archives) count as double marks; a paragraph that opens with a closing curly mark
opens its quote with it (a smart-quote slip: ``”We will win,” he said``). A quote not closed by the end of its paragraph is capped
there and flagged ``unclosed``, unless the next paragraph opens with a quotation mark (the
newspaper convention for a quote that runs over several paragraphs: the pieces share a group).

>>> from newslab import Article
>>> a = Article.from_text('T\\n\\n"We will win," he said. "And then\\n\\n"we rest."')
>>> [(a.text[q.start:q.end], q.group, q.unclosed) for q in find_quote_marks(a)]
[('We will win', 0, False), ('And then', 1, False), ('we rest.', 1, False)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from ..article import Article
    from .cues import CueLexicon

_OPENERS = {'"': '"”', "“": "”\"", "„": "“”\"", "«": "»", "‘": "’"}
_DOUBLE_MARKS = '"“”«»„'
_OPENER_RE = re.compile("[" + re.escape("".join(_OPENERS)) + "]")
_OPENER_DOUBLE_RE = re.compile("[" + re.escape("".join(m for m in _OPENERS if m != "‘")) + "]")  # ‘ is not one then
_CLOSER_RES = {m: re.compile("[" + re.escape(closers) + "]") for m, closers in _OPENERS.items()}
_DOUBLED_RE = re.compile(r"''(?!')|``")
_SINGLE_OPEN_RE = re.compile(r"(?<![\w'’])'(?=[A-Za-z0-9])")


@dataclass
class QuoteMarks:
    """One pair of quotation marks and the words between them."""

    open_pos: int          # offset of the opening mark
    close_pos: int         # offset of the closing mark (paragraph end when unclosed)
    start: int             # content start
    end: int               # content end (trailing comma/space trimmed)
    paragraph: int
    unclosed: bool = False
    continues: bool = False  # an unclosed quote continued by the next paragraph's opening mark
    group: int = -1
    recovered: bool = False  # unclosed, but ended at ', X said' found inside it


def find_quote_marks(article: Article, lex: CueLexicon | None = None) -> list[QuoteMarks]:
    """Pair quotation marks paragraph by paragraph (see the module docstring)."""
    text = article.text
    out: list[QuoteMarks] = []
    for p in article.paragraphs:
        segment = text[p.start:p.end]
        has_double = any(m in segment for m in _DOUBLE_MARKS)
        if not has_double and ("''" in segment or "``" in segment):
            out.extend(_doubled_apostrophes(text, p.start, p.end, p.i))
        elif has_double or "‘" in segment:
            out.extend(_paired_marks(text, p.start, p.end, p.i, has_double))
        elif "'" in segment:
            out.extend(_straight_single_quotes(text, p.start, p.end, p.i))
    _group_continued(out, article)
    if lex is not None:
        _end_at_inner_attribution(out, text, lex)
    return out


def _paired_marks(text: str, ps: int, pe: int, pi: int, has_double: bool) -> list[QuoteMarks]:
    """Double (or curly single) marks of one paragraph, each opener with its first closer."""
    out: list[QuoteMarks] = []
    i = _reversed_opener(text, ps, pe, pi, out)
    opener_re = _OPENER_DOUBLE_RE if has_double else _OPENER_RE
    while i < pe:
        found = opener_re.search(text, i, pe)  # the next opening mark (C speed, not char by char)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        # a straight mark after a letter closes or is an inch sign; ‘ after a letter is an apostrophe
        if (ch == '"' and not _can_open_straight(text, i, ps, pe)) or (ch == "‘" and i > ps and text[i - 1].isalnum()):
            i += 1
            continue
        close = _closing_mark(text, i, pe, _CLOSER_RES[ch])
        if close == -1:  # never closed: capped at the paragraph end
            s, e = _trim(text, i + 1, pe)
            if e > s:
                out.append(QuoteMarks(i, pe, s, e, pi, unclosed=True))
            break
        s, e = _trim(text, i + 1, close)
        if e > s:
            out.append(QuoteMarks(i, close, s, e, pi))
        i = close + 1
    return out


def _reversed_opener(text: str, ps: int, pe: int, pi: int, out: list[QuoteMarks]) -> int:
    """A paragraph that opens with a closing curly mark ('”We will win,” he said', a typing slip
    of smart-quote editors) opens its quote with it, when a closing mark follows; returns where
    pairing goes on."""
    p0 = ps
    while p0 < pe and text[p0].isspace():
        p0 += 1
    if p0 >= pe or text[p0] != "”":
        return ps
    close = _closing_mark(text, p0, pe, _CLOSER_RES["“"])
    if close == -1:
        return ps
    s, e = _trim(text, p0 + 1, close)
    if e > s:
        out.append(QuoteMarks(p0, close, s, e, pi))
    return close + 1


def _doubled_apostrophes(text: str, ps: int, pe: int, pi: int) -> list[QuoteMarks]:
    """``''...''`` (and ``` ``...'' ```): two apostrophes as one double mark, the house style of
    some newspapers' archives, in a paragraph with no other double marks. An opener follows a
    space or bracket and precedes a word; a closer follows a word or punctuation."""
    out: list[QuoteMarks] = []
    opened = -1
    for m in _DOUBLED_RE.finditer(text, ps, pe):
        j = m.start()
        if opened == -1:
            if _can_open_straight(text, j, ps, pe) and j + 2 < pe and not text[j + 2].isspace():
                opened = j
        elif not text[j - 1].isspace():
            s, e = _trim(text, opened + 2, j)
            if e > s:
                out.append(QuoteMarks(opened, j, s, e, pi))
            opened = -1
    if opened != -1:  # never closed: capped at the paragraph end
        s, e = _trim(text, opened + 2, pe)
        if e > s:
            out.append(QuoteMarks(opened, pe, s, e, pi, unclosed=True))
    return out


def _closing_mark(text: str, i: int, pe: int, closer_re: re.Pattern[str]) -> int:
    """Offset of the mark that closes the one opened at i, or -1."""
    j = i + 1
    while j < pe:
        hit = closer_re.search(text, j, pe)
        if hit is None:
            return -1
        j = hit.start()
        if _can_close(text, j, pe, text[j]):
            return j
        j += 1
    return -1


def _can_open_straight(text: str, i: int, ps: int, pe: int) -> bool:
    before = text[i - 1] if i > ps else " "
    after = text[i + 1] if i + 1 < pe else " "
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


def _can_close(text: str, j: int, pe: int, mark: str) -> bool:
    before = text[j - 1]
    after = text[j + 1] if j + 1 < pe else " "
    if before.isspace():
        return False
    if mark == "’":  # an apostrophe (it’s, Russia’s) is followed by a letter
        return not after.isalpha()
    if mark == '"':
        return not after.isalnum()
    return True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


def _group_continued(out: list[QuoteMarks], article: Article) -> None:
    """Multi-paragraph quotes: an unclosed quote followed by a paragraph that opens with a mark
    continues there (same group, no longer unclosed)."""
    paras = article.paragraphs
    first_in_para: dict[int, QuoteMarks] = {}
    for q in out:
        first_in_para.setdefault(q.paragraph, q)
    group = 0
    for q in out:
        if q.group == -1:
            q.group = group
            group += 1
        if q.unclosed and q.paragraph + 1 < len(paras):
            nxt = first_in_para.get(q.paragraph + 1)
            if nxt is not None and nxt.open_pos == paras[q.paragraph + 1].start:
                q.unclosed = False
                q.continues = True
                nxt.group = q.group


def _end_at_inner_attribution(out: list[QuoteMarks], text: str, lex: CueLexicon) -> None:
    """An unclosed quote that contains its own attribution ('"We will win, Erdogan said.') ends
    at the comma before the speaker; it stays flagged as unclosed."""
    attr_re = _unclosed_attribution_regex(lex)
    for q in out:
        if q.unclosed:
            m = attr_re.search(text, q.start, q.end)
            if m:
                s, e = _trim(text, q.start, m.start())
                if e > s:
                    q.end, q.close_pos, q.recovered = e, m.start(), True


def _straight_single_quotes(text: str, ps: int, pe: int, pi: int) -> list[QuoteMarks]:
    """'Straight single quotes' as quotation marks, in a paragraph with no double quotes.

    Apostrophes make these ambiguous, so only properly closed pairs count: the opening mark
    follows a space or bracket and precedes a letter; the closing mark follows a word or
    punctuation and precedes a space or punctuation, and is not a plural possessive
    ("the pilots' union"). An unpaired mark is treated as an apostrophe, never as an
    unclosed quote.
    """
    out: list[QuoteMarks] = []
    i = ps
    while True:
        m = _SINGLE_OPEN_RE.search(text, i, pe)
        if not m:
            break
        o = m.start()
        close = _single_closer(text, o, pe)
        if close == -1:
            i = o + 1
            continue
        s, e = _trim(text, o + 1, close)
        if e > s:
            out.append(QuoteMarks(o, close, s, e, pi))
        i = close + 1
    return out


def _single_closer(text: str, o: int, pe: int) -> int:
    """The straight single mark closing the one at o: after a word or punctuation, before a
    non-letter, and not a plural possessive ("the pilots' union"); -1 when there is none."""
    j = o + 1
    while True:
        j = text.find("'", j, pe)
        if j == -1:
            return -1
        before, after = text[j - 1], text[j + 1] if j + 1 < pe else " "
        plural_possessive = before == "s" and after == " " and j + 2 < pe and text[j + 2].islower()
        if (before.isalnum() or before in ".,!?") and not after.isalnum() and not plural_possessive:
            return j
        j += 1


_ATTR_RE_CACHE: dict[int, re.Pattern[str]] = {}


def _unclosed_attribution_regex(lex: CueLexicon) -> re.Pattern[str]:
    """', Erdogan said' / ', said the minister' built from the lexicon's reporting verbs."""
    pat = _ATTR_RE_CACHE.get(id(lex))
    if pat is None:
        verbs = "|".join(sorted((re.escape(f) for f, v in lex.forms.items() if not v[2] and not f.endswith("ing")),
                                key=len, reverse=True))
        name = r"(?:[A-Z][\w'’.-]*\s+){0,4}"
        pat = re.compile(rf",\s+(?=(?:{name}[A-Z][\w'’.-]*|he|she|they)\s+(?:{verbs})\b|(?:{verbs})\s+(?:the\s+)?[A-Z])")
        _ATTR_RE_CACHE.clear()
        _ATTR_RE_CACHE[id(lex)] = pat
    return pat
