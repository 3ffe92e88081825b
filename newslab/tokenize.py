"""Offline sentence splitting and word tokenizing with character offsets.

The default splitter is a rule-based, pure-Python one (no data download), in the tradition of
Punkt's orthographic heuristics (Kiss & Strunk 2006) with a hand-written abbreviation list:

* a sentence may end at ``.``, ``!``, ``?`` (optionally followed by closing quotes or brackets);
* it does not end after a known abbreviation that normally precedes a name or number (``Mr.``,
  ``Gen.``, ``Jan.``), after an initial (``J. Smith``), inside a number (``1.7``), after a dotted
  acronym (``U.S.``) unless the next word clearly starts a sentence, or when the next word begins
  with a lowercase letter or a digit-less continuation (``?" he asked``);
* it always ends at the end of a paragraph (news paragraphs are often one sentence and sometimes
  lack the final full stop).

``benchmarks/sentence_split.py`` measures it against NLTK's Punkt on real text.

Example
-------
>>> [text for _, _, text in split_sentences('Mr. Smith paid $2.5 billion. He left.')]
['Mr. Smith paid $2.5 billion.', 'He left.']
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .resources import load_word_list

# Candidate sentence ends: terminal punctuation, then optional closing quotes/brackets, then space.
_END_RE = re.compile(r"""([.!?]+|\.\.\.|…)(["'”’»)\]]*)(?=\s)""")
_WORD_BEFORE_RE = re.compile(r"""([\w.'’-]+)$""")
_NEXT_WORD_RE = re.compile(r"""\s+(["'“‘«(\[]*)(\S+)""")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")

# Words that start sentences often enough that a dotted acronym before them ends the sentence.
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I This That These Those But And In On At For His Her Their Its "
    "Our There Now Then However Meanwhile Still Yet So After Before When While Although Despite "
    "Asked Earlier Later Last Next".split()
)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) that do not end a sentence."""
    return frozenset(w.lower().rstrip(".") for w in load_word_list("abbreviations.txt"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """newslab's English stopword list (``resources/stopwords_en.txt``; edit it to taste)."""
    return frozenset(w.lower() for w in load_word_list("stopwords_en.txt"))


def _is_sentence_end(text: str, punct_start: int, punct: str, after: int) -> bool:
    """Decide whether the terminal punctuation at ``punct_start`` ends a sentence."""
    nxt = _NEXT_WORD_RE.match(text, after)
    if nxt is None:
        return True
    opening, next_word = nxt.group(1), nxt.group(2)
    first = next_word[0]
    # A lowercase continuation ('?" he asked', 'in southwest Russia. the two sides') is not a
    # new sentence; neither is a following comma/semicolon or closing bracket.
    if first.islower() or first in ",;:)]":
        return False
    if punct != ".":
        return True  # ! and ? before a capital or digit end the sentence
    before = _WORD_BEFORE_RE.search(text, 0, punct_start + 1)
    word = before.group(1) if before else ""
    bare = word.rstrip(".").lstrip("'’(\"“")
    if not bare:
        return True
    if bare.lower() in abbreviations():
        # 'Gen. Smith', 'Jan. 5' continue; 'etc. The' or 'Inc. The' may end, but titles never do.
        return bare.lower() in _ENDING_ABBREVIATIONS and next_word in _SENTENCE_STARTERS
    if _INITIAL_RE.match(bare + ".") and not opening and first.isupper():
        # 'J. Smith': a single capital initial followed by a capitalised word.
        return False
    if _DOTTED_ACRONYM_RE.match(word if word.endswith(".") else word + "."):
        # 'the U.S. Army' continues; 'in the U.S. The next day' ends.
        return next_word in _SENTENCE_STARTERS or bool(opening)
    return True


# Abbreviations that can also close a sentence ('... and Co. The ...').
_ENDING_ABBREVIATIONS = frozenset({"etc", "inc", "ltd", "co", "corp", "jr", "sr", "a.m", "p.m", "al"})


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    backend: str = "rules") -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` into sentences.

    Returns ``(start, end, text)`` triples whose offsets are into ``text``; leading and trailing
    white space is excluded from each sentence. ``backend="punkt"`` uses NLTK's Punkt model
    instead (needs the optional ``punkt_tab`` data package).

    >>> split_sentences('He met Gen. Smith in the U.S. on Jan. 5. "We agreed," he said.')[1][2]
    '"We agreed," he said.'
    """
    end = len(text) if end is None else end
    if backend == "punkt":
        return _split_punkt(text, start, end)
    if backend != "rules":
        from .errors import ParameterError

        raise ParameterError(f"sentence splitter backend {backend!r} is unknown — use 'rules' or 'punkt'.")
    out: list[tuple[int, int, str]] = []
    sent_start = start
    for m in _END_RE.finditer(text, start, end):
        stop = m.end()
        if stop >= end:
            break
        if _is_sentence_end(text, m.start(), m.group(1)[-1], stop):
            _append_trimmed(text, sent_start, stop, out)
            sent_start = stop
    _append_trimmed(text, sent_start, end, out)
    return out


@lru_cache(maxsize=1)
def _punkt():
    from .nltkdata import require

    require("punkt_tab", "the Punkt sentence splitter")
    from nltk.tokenize.punkt import PunktTokenizer

    return PunktTokenizer("english")


def _split_punkt(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e in _punkt().span_tokenize(text[start:end]):
        _append_trimmed(text, start + s, start + e, out)
    return out


def _append_trimmed(text: str, s: int, e: int, out: list[tuple[int, int, str]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e, text[s:e]))


# Words (with inner hyphens/apostrophes), dotted acronyms, numbers with separators, currency
# and other symbols. Possessive 's is split off afterwards so 'Assad's' gives 'Assad' + "'s".
_TOKEN_RE = re.compile(
    r"""(?:[A-Za-z]\.){2,}(?![A-Za-z])"""  # U.S., U.N.
    r"""|\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?"""  # 1.7, 330,000, 2016, 1990s, 3rd
    r"""|\w+(?:[-'’]\w+)*"""  # words, Turkish-speaking, can't
    r"""|--|[.…]{2,}|\S""",
    re.UNICODE,
)
_POSSESSIVE_RE = re.compile(r"""^(.+?)(['’]s)$""", re.IGNORECASE)


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, token)`` for the word and punctuation tokens of ``text[start:end]``.

    >>> [t for _, _, t in iter_tokens("Assad's ouster cost $2 billion.")]
    ['Assad', "'s", 'ouster', 'cost', '$', '2', 'billion', '.']
    """
    end = len(text) if end is None else end
    for m in _TOKEN_RE.finditer(text, start, end):
        tok = m.group()
        if len(tok) > 2 and tok[-2] in "'’":
            p = _POSSESSIVE_RE.match(tok)
            if p and p.group(1)[-1:].isalpha():
                cut = m.start() + len(p.group(1))
                yield m.start(), cut, p.group(1)
                yield cut, m.end(), p.group(2)
                continue
        yield m.start(), m.end(), tok


def is_word(token: str) -> bool:
    """True for tokens that contain a letter or digit (not bare punctuation)."""
    return any(ch.isalnum() for ch in token)
