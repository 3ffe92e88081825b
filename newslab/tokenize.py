"""Offline sentence splitting and word tokenizing with character offsets.

The default splitter is a rule-based, pure-Python one (no data download), in the tradition of
Punkt's orthographic heuristics (Kiss & Strunk 2006) with a hand-written abbreviation list:

* a sentence may end at ``.``, ``!``, ``?``, ``…`` or an ellipsis (``...``, ``. . .``), optionally
  followed by closing quotes or brackets;
* it does not end after a known abbreviation that normally precedes a name or number (``Mr.``,
  ``Gen.``, ``Jan.``), after an initial (``J. Smith``), inside a number (``1.7``), after a list
  number (``2. Take a trip.``), after a dotted acronym (``U.S.``) or a company suffix (``Inc.``)
  unless the next word is a capitalised function word (``The``, ``However``, ``More``) or an
  opening quote, or when the next word begins with a lowercase letter (``?" he asked``);
* ``?"`` or ``!"`` followed by a short capitalised speaker and a reporting verb continues
  (``"Why?" Mr. Watson asks.``);
* an all-capitals run-in head ending in a colon (``NEW ACCOUNT: CoreStates said ...``) is a
  sentence of its own;
* it always ends at the end of a paragraph (news paragraphs are often one sentence and sometimes
  lack the final full stop).

``benchmarks/sentence_split.py`` measures it against NLTK's Punkt on real text (Penn Treebank
WSJ sample, held-out half: boundary F1 0.985 vs Punkt's 0.972).

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

# Candidate sentence ends: terminal punctuation (a spaced ellipsis '. . .' counts as one mark),
# then optional closing quotes/brackets, then space.
_END_RE = re.compile(r"""(\.(?:[ \t]\.){2,}|[.!?]+|…)(["'”’)\]]*)(?=\s)""")
_NEXT_WORD_RE = re.compile(r"""\s+(["'“‘«(\[]*)(\S+)""")
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")
_NEXT_IS_INITIAL_RE = re.compile(r"[A-Z]\.(?![a-z])")
# A list marker: '1.', '12.' at the start of a sentence, or the first item '1.' after a colon
# ('Five things to do: 1. Buy a car. 2. Take a trip.').
_LIST_MARKER_RE = re.compile(r"""\s*\(?\d{1,3}|.*:\s+\(?1""", re.DOTALL)
# After '?"' or '!"', a short capitalised speaker and a reporting verb continue the sentence:
# '"Do I have much sympathy for her?" Mr. Watson asks.'
_REPORTING_VERBS = (
    "said|says|asked|asks|added|adds|told|tells|replied|replies|wrote|writes|recalled|recalls|"
    "noted|notes|insisted|insists|explained|explains|answered|answers|shouted|shouts|declared|"
    "declares|continued|continues|wondered|wonders|argued|argues|warned|warns|concluded|concludes"
)
_SPEAKER_THEN_VERB_RE = re.compile(
    rf"""\s+(?:[A-Z][\w.'’-]*\s+){{1,4}}(?:{_REPORTING_VERBS})\b"""
)
# An all-capitals run-in head ending in a colon ('NEW ACCOUNT: CoreStates said ...') is a
# sentence of its own; section heads on their own line are handled by Article.
_RUN_IN_HEAD_RE = re.compile(r"""[A-Z][A-Z0-9&'’./-]*(?:[ ,]+[A-Z0-9&'’./-]+){0,5}:(?=\s+["“]?[A-Z])""")
_TRAILING_PUNCT = ".,;:!?\"'”’)]"

# Capitalised function words: after a dotted acronym ('U.S.') or a company suffix ('Inc.') they
# signal a new sentence, because they never continue a name ('the U.S. Army' vs 'the U.S. However').
_SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I You This That These Those His Her Their Its Our My Your There "
    "But And Or Nor Yet So For Because Since If When While Although Though Unless Until After "
    "Before As At In On By From With Without Under Over During Through Among Between Against "
    "Despite Unlike Like Into About To Of Now Then However Meanwhile Still Moreover Furthermore "
    "Nevertheless Instead Indeed Also Even Thus Hence Otherwise Besides Overall Only Some Many "
    "Most More Much Few Several Both Each Every All Any No None Neither Either Such Other Another "
    "Asked Earlier Later Last Next Here What Who Which Why How Where Not Yesterday Today "
    "Analysts Officials".split()
)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) that do not end a sentence."""
    return frozenset(w.lower().rstrip(".") for w in load_word_list("abbreviations.txt"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """newslab's English stopword list (``resources/stopwords_en.txt``; edit it to taste)."""
    return frozenset(w.lower() for w in load_word_list("stopwords_en.txt"))


def _is_sentence_end(text: str, sent_start: int, punct_start: int, punct: str, closing: str,
                     after: int) -> bool:
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
    next_bare = next_word.rstrip(_TRAILING_PUNCT)
    if _NEXT_IS_INITIAL_RE.match(next_word):
        next_bare = ""  # 'A.' is an initial ('S.p. A.', 'U.S. A. Smith'), not the article 'A'
    quoted = any(ch in "\"'“‘«" for ch in opening)  # an opening bracket rather continues
    if punct in "?!":
        # '"Why?" Mr. Watson asks.' continues; '"Why?" Nobody knew.' ends.
        if closing and not opening and _SPEAKER_THEN_VERB_RE.match(text, after):
            return False
        return True  # otherwise ! and ? before a capital or digit end the sentence
    if _LIST_MARKER_RE.fullmatch(text, sent_start, punct_start):
        return False  # '2. Take a vacation.': the number is a list marker, not a sentence
    word = _word_before(text, punct_start)
    bare = word.rstrip(".").lstrip("'’(\"“")
    if not bare:
        return True
    if bare.lower() in _BEFORE_NUMBER_ONLY and not _INITIAL_RE.match(bare + "."):
        # 'No. 2', 'Vol. 3', 'p. 17' continue; 'He said no. Then ...' ends.
        return not first.isdigit()
    if bare.lower() in abbreviations():
        # 'Gen. Smith', 'Jan. 5' continue; 'etc. The' or 'Inc. The' may end, but titles never do.
        return bare.lower() in _ENDING_ABBREVIATIONS and (next_bare in _SENTENCE_STARTERS or quoted)
    if _INITIAL_RE.match(bare + ".") and not opening and first.isupper():
        # 'J. Smith': a single capital initial followed by a capitalised word.
        return False
    if _DOTTED_ACRONYM_RE.match(word if word.endswith(".") else word + "."):
        # 'the U.S. Army' continues; 'in the U.S. The next day' ends.
        return next_bare in _SENTENCE_STARTERS or quoted
    return True


def _word_before(text: str, punct_start: int) -> str:
    """The run of word characters, dots, apostrophes and hyphens ending with the dot at
    ``punct_start`` (at most 81 characters long), or "" when that character is not one of them.

    One anchored match on the reversed window: a search for ``[\\w.'’-]+$`` in the window
    tried every start position.
    """
    lo = max(0, punct_start - 80)  # a bounded window: searching from 0 made long texts quadratic
    run = _WORD_REVERSED_RE.match(text[lo:punct_start + 1][::-1]).end()
    return text[punct_start + 1 - run:punct_start + 1]


_WORD_REVERSED_RE = re.compile(r"[\w.'’-]*")


# Abbreviations that only precede a number; elsewhere the word is an ordinary word ('said no.').
_BEFORE_NUMBER_ONLY = frozenset({"no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "art", "ch", "sec",
                                 "min", "max", "approx", "est"})

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
        if _is_sentence_end(text, sent_start, m.start(), m.group(1)[-1], m.group(2), stop):
            _append_trimmed(text, sent_start, stop, out)
            sent_start = stop
    _append_trimmed(text, sent_start, end, out)
    return _split_run_in_heads(text, out)


def _split_run_in_heads(text: str, sentences: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Make an all-capitals run-in head ('ACQUISITION: Ketchum said ...') a sentence of its own."""
    out: list[tuple[int, int, str]] = []
    for s, e, t in sentences:
        m = _RUN_IN_HEAD_RE.match(text, s, e)
        # At least four letters: short speaker labels in interviews ('Q:', 'NG:') stay attached.
        if m and sum(ch.isalpha() for ch in m.group()) >= 4:
            _append_trimmed(text, s, m.end(), out)
            _append_trimmed(text, m.end(), e, out)
        else:
            out.append((s, e, t))
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
TOKEN_RE = re.compile(
    r"""(?:[A-Za-z]\.){2,}(?![A-Za-z])"""  # U.S., U.N.
    r"""|\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?"""  # 1.7, 330,000, 2016, 1990s, 3rd
    r"""|\w+(?:[-'’]\w+)*"""  # words, Turkish-speaking, can't
    r"""|--|[.…]{2,}|\S""",
    re.UNICODE,
)
_POSSESSIVE_RE = re.compile(r"""^(.+?)(['’]s)$""", re.IGNORECASE)
# The same tokens, with a title and its dot as one token before a name ('Sen. David Perdue'),
# for readers of names and speakers (newslab.quotes). TOKEN_RE itself is unchanged.
TITLES = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Sgt", "Capt", "Adm", "St",
          "Jr", "Sr", "Amb", "Supt", "Gens", "Sens", "Reps")
# A middle initial with its dot is one token too ('Donald J. Trump', 'Laurence H. Tribe'): a capital
# and a dot after a word and before a capitalised name.
NAME_TOKEN_RE = re.compile(r"(?:" + "|".join(TITLES) + r")\.(?=\s)|(?<=[a-z] )[A-Z]\.(?=[ \t]+[A-Z][a-z])|"
                           + TOKEN_RE.pattern, re.UNICODE)


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, token)`` for the word and punctuation tokens of ``text[start:end]``.

    >>> [t for _, _, t in iter_tokens("Assad's ouster cost $2 billion.")]
    ['Assad', "'s", 'ouster', 'cost', '$', '2', 'billion', '.']
    """
    end = len(text) if end is None else end
    for m in TOKEN_RE.finditer(text, start, end):
        tok = m.group()
        if len(tok) > 2 and tok[-2] in "'’":
            p = _POSSESSIVE_RE.match(tok)
            if p and p.group(1)[-1:].isalpha():
                cut = m.start() + len(p.group(1))
                yield m.start(), cut, p.group(1)
                yield cut, m.end(), p.group(2)
                continue
        yield m.start(), m.end(), tok


# A letter or digit: the regex class of str.isalnum (checked over every code point), one C-level
# search instead of a generator per token.
_ALNUM_RE = re.compile(r"[^\W_]")


def is_word(token: str) -> bool:
    """True for tokens that contain a letter or digit (not bare punctuation)."""
    return _ALNUM_RE.search(token) is not None


def words_in(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of ``text[start:end]`` (tokens with a letter or digit; a possessive stays on its
    word): the unit in which analyzers count gaps ("at most three words between").

    >>> words_in("Iran's envoy, the U.S. and $2.5 billion -- Turkish-speaking")
    ["Iran's", 'envoy', 'the', 'U.S.', 'and', '2.5', 'billion', 'Turkish-speaking']
    """
    end = len(text) if end is None else end
    return [w for w in TOKEN_RE.findall(text, start, end) if is_word(w)]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """How many :func:`words_in` ``text[start:end]``.

    >>> count_words("Delhi and Beijing, after talks", 5, 30)
    4
    """
    return len(words_in(text, start, end)) if end is None or end > start else 0
