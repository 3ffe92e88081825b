"""Attribution layouts without a cue verb: a dash line after a quote, a name and a colon, and
the turns of an interview transcript (part of step 2 of the method in :mod:`newslab.quotes`).

* ``"We will not retreat." ― Steve Quinlan``: a dash after a closing mark, then a name that
  ends its sentence, attributes the quote before it.
* ``Rouhani: "We will not negotiate."`` and headline-style ``Sharma: "..."``: a short name
  phrase opening its paragraph, a colon, then a quotation mark.
* ``WALLACE: Will you accept ...? PENCE: We will ...``: a capitalised label and a colon opening
  two or more paragraphs of the article is a transcript; each turn is the speaker's words.

These attributions rank below a reporting verb's (priority 1), so a verb always wins.

>>> from newslab import Article
>>> from newslab.quotes import extract_quotes
>>> a = Article.from_text('T\\n\\nThe talks.\\n\\nLI: We want calm.\\n\\nPATEL: So do we.\\n\\nLI: Good.\\n\\nPATEL: Yes.')
>>> extract_quotes(a)[["text", "speaker_text"]].values.tolist()
[['We want calm.', 'LI'], ['So do we.', 'PATEL'], ['Good.', 'LI'], ['Yes.', 'PATEL']]
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from .tokens import Paragraph, Tok

if TYPE_CHECKING:
    from ..article import Article
    from .attribution import Attribution
    from .phrases import Rules

DASHES = frozenset(("―", "—", "–", "--"))
# A transcript turn: a label in capitals (two letters or more, up to four words) and a colon.
_TURN_RE = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):[ \t]+\S")


def turn_labels(article: Article) -> frozenset[str]:
    """Capitalised labels that open two or more paragraphs with a colon: transcript speakers.

    >>> from newslab import Article
    >>> sorted(turn_labels(Article.from_text('T\\n\\nQ: Why?\\n\\nKIM: Because.\\n\\nKIM: Yes.')))
    ['KIM']
    """
    text = article.text
    counts = Counter(m.group(1) for p in article.paragraphs
                     if (m := _TURN_RE.match(text, p.start, p.end)) is not None)
    return frozenset(label for label, n in counts.items() if n >= 2 and len(label) >= 2)


def layout_attributions(rules: Rules, par: Paragraph, labels: frozenset[str], text: str,
                        make: type[Attribution]) -> list[Attribution]:
    """The cue-less attributions of one paragraph (see the module docstring)."""
    toks = par.toks
    out: list[Attribution] = []
    turn = _turn(toks, labels, text, make)
    if turn is not None:
        return [turn]
    colon = _name_colon_quote(rules, toks, make)
    if colon is not None:
        out.append(colon)
    for j in par.marked:  # a dash right after a closing mark
        k = j + 1
        if toks[j].mark == "close" and k < len(toks) and toks[k].text in DASHES and toks[k].quote == -1:
            att = _dash_line(rules, toks, k, make, text)
            if att is not None:
                out.append(att)
    return out


def _turn(toks: list[Tok], labels: frozenset[str], text: str, make: type[Attribution]) -> Attribution | None:
    """'PENCE: We will accept ...': the rest of the paragraph is the labelled speaker's."""
    if not labels or not toks:
        return None
    colon = next((i for i in range(min(len(toks), 8)) if toks[i].text == ":"), -1)
    if colon <= 0 or colon + 1 >= len(toks):
        return None
    s, e = toks[0].start, toks[colon - 1].end
    if text[s:e] not in labels:
        return None
    c0 = colon + 1 + (toks[colon + 1].mark == "open")
    if c0 >= len(toks):
        return None
    end = toks[-1].end - (toks[-1].mark == "close")
    return make("direct", toks[c0].start, end, ":", toks[colon].start, toks[colon].end, (0, colon), "transcript",
                priority=1)


def _name_colon_quote(rules: Rules, toks: list[Tok], make: type[Attribution]) -> Attribution | None:
    """'Rouhani: "We will not negotiate."': a name phrase opening the paragraph, a colon, a quote."""
    colon = next((i for i in range(min(len(toks), 7)) if toks[i].text == ":"), -1)
    if colon <= 0 or colon + 1 >= len(toks) or toks[colon + 1].mark != "open":
        return None
    if not all(rules.is_head_word(t) for t in toks[:colon]) or toks[0].lower in rules.lex.forms:
        return None  # 'Said Raab: "..."' opens with a verb (newslab.quotes.attribution)
    return make("direct", 0, 0, ":", toks[colon].start, toks[colon].end, (0, colon), "name_colon",
                quote=toks[colon + 1].quote, priority=1)


def _dash_line(rules: Rules, toks: list[Tok], k: int, make: type[Attribution], text: str) -> Attribution | None:
    """'"..." ― Steve Quinlan': the name after the dash ends its sentence or its line."""
    sid = toks[k].sentence
    b = k + 1
    while b < len(toks) and toks[b].sentence == sid and toks[b].text not in ".!?" and b - k <= 8 \
            and not toks[b].mark and "\n" not in text[toks[b - 1].end:toks[b].start]:
        b += 1
    sp = rules.np_fwd(toks, k + 1, b)
    if sp is None or sp[1] != b:
        return None
    return make("direct", 0, 0, toks[k].text, toks[k].start, toks[k].end, sp, "dash",
                quote=toks[k - 1].quote, priority=1)
