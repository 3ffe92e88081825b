"""A paragraph's tokens, each knowing its sentence and the quotation it sits in, and the closed
word classes (determiners, prepositions, pronouns ...) that the attribution rules read.

Cue words (reporting verbs, audiences, role nouns) are not here: they live in
``resources/quote_cues.yml`` (see :mod:`newslab.quotes.cues`). These are grammar words.

>>> [m.group() for m in TOKEN_RE.finditer("Mr. Putin's aide -- 'yes'")]
['Mr.', "Putin's", 'aide', '--', "'", 'yes', "'"]
>>> pronoun_base("they'd"), pronoun_base("Putin")
('they', '')
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from ..tokenize import NAME_TOKEN_RE, TITLES

if TYPE_CHECKING:
    from ..article import Article
    from .marks import QuoteMarks

# The one tokenizer of newslab (newslab.tokenize), with titles and their dot as one token ('Dr.').
TOKEN_RE = NAME_TOKEN_RE

# Pronoun -> kind of antecedent: m(ale), f(emale), p(lural), n(euter), s(peaker/addressee).
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s"}
DETERMINERS = frozenset("the a an his her their its our my your whose this these those".split())
# Quantifiers that open a noun phrase like a determiner ('another source', 'many Democrats').
QUANTIFIERS = frozenset("another one two three several many some most other both all".split())
BE = frozenset("is are was were be been being".split())
LINKS = frozenset("of and for".split())
NAME_PARTICLES = frozenset("al el ad bin ibn bint abu de del della van von der den la le da di du dos das".split())
DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
PREPOSITIONS = frozenset(("on in at after before during ahead following via through to from with "
                          "by over amid about upon").split())
# One-word phrases that are never a speaker ('That said, ...', 'This said').
STOP_NP = frozenset("that this these those there here what which it its one first then let let's let’s".split())
# Words that show a finite verb, so that a run of words is a clause ('Turkey would ...').
FINITE_HINTS = frozenset(("is are was were be been being has have had will would can could should "
                          "must may might shall did does do cannot can't won't wasn't isn't "
                          "aren't weren't hasn't haven't hadn't didn't doesn't don't wouldn't "
                          "couldn't shouldn't needs wants remains seems "
                          # common irregular past tenses and present-tense verbs of reported claims
                          "stood said told made took gave went came saw knew thought found left kept held "
                          "brought began ran won lost met sent spent built fell felt led meant paid put set "
                          "sold struck understood wrote became broke chose drew drove fought forgot got grew "
                          "hid hit hurt let lay rose shot shut sought spoke stole swore threw wore withdrew "
                          "seeks supports opposes plans intends hopes expects believes knows continues poses "
                          "stands faces remains threatens plays says tells").split())
_APOSTROPHE_RE = re.compile(r"['’]")


@dataclass(slots=True)
class Tok:
    """One token of a paragraph: its offsets, text, sentence id and quotation membership."""

    start: int
    end: int
    text: str
    lower: str
    sentence: int
    quote: int = -1        # index of the quote whose marks enclose this token (-1 outside)
    mark: str = ""         # "open"/"close" for a quotation mark token


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one article's quotes are worked out (the whole
    article, :func:`newslab.quotes.rows.quote_rows`: re-enabling it per paragraph made each
    paragraph pay for a collection over a heap that grows with the article).

    Every token is a container object, and every 700 new containers trigger a collection that
    walks the young objects and, now and then, the whole heap (every article and table a long
    session holds): with a corpus in memory that cost as much as the extraction itself. The
    garbage of one article is collected by the first collection after it instead. (Mercurial's
    ``util.nogc`` does this for the same reason.) The previous state is restored, also on errors."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Paragraph:
    """Tokens of one paragraph with quote membership and sentence ids; ``marked``: the indices
    of the quotation-mark tokens, in order."""

    def __init__(self, article: Article, pi: int, quotes: list[QuoteMarks], qidx: list[int],
                 sents: list[Any]):
        p = article.paragraphs[pi]
        own = [s for s in sents if s.paragraph == pi]
        self._bounds: dict[int, tuple[int, int]] = {}  # sentence id -> its token range [a, b)
        if own and article.splitter == "rules":
            toks = _from_article_tokens(article, p.end, own, self._bounds)
        else:  # another splitter's sentences may not cover every token: tokenize the paragraph
            toks = _from_text(article.text, p.start, p.end, sents)
            for j, t in enumerate(toks):
                a = self._bounds.get(t.sentence, (j, j))[0]
                self._bounds[t.sentence] = (a, j + 1)
        starts = [t.start for t in toks]
        for qi in qidx:
            _mark_quote(toks, starts, quotes[qi], qi)
        self.toks = toks
        # A mark is a token starting at a quote's opening or closing position: found by bisection
        # instead of a pass over every token.
        at = {bisect_left(starts, pos) for qi in qidx for pos in (quotes[qi].open_pos, quotes[qi].close_pos)}
        self.marked = [j for j in sorted(at) if j < len(toks) and toks[j].mark]

    def sentence_range(self, k: int) -> tuple[int, int]:
        """Token index range [a, b) of the sentence holding token k."""
        return self._bounds[self.toks[k].sentence]


# Article tokens (newslab.tokenize.TOKEN_RE, possessives split off) that a quote token
# (NAME_TOKEN_RE) joins to the token before it: see _joins_previous.
_JOINERS = frozenset((".", "'", "`", "'s", "'S", "’s", "’S"))
_TITLES = frozenset(TITLES)
# What must follow a middle initial's dot in NAME_TOKEN_RE ('Donald J. Trump').
_AFTER_INITIAL_RE = re.compile(r"[ \t]+[A-Z][a-z]")


def _from_article_tokens(article: Article, p_end: int, sents: list[Any],
                         bounds: dict[int, tuple[int, int]]) -> list[Tok]:
    """The paragraph's quote tokens from the article's own tokens (sentences ``sents``) rather
    than a second pass of the tokenizer: the article's tokens are computed once for every
    analyzer, and this was a fifth of the quotes layer. Where the two tokenizers differ, tokens
    are joined (:func:`_joins_previous`), so the result is exactly ``_from_text``'s. Each
    sentence's token range goes into ``bounds`` (a join never crosses sentences: they are
    apart by white space)."""
    text = article.text
    ranges = article.sentence_token_ranges
    atoks = article.tokens
    toks: list[Tok] = []
    append = toks.append
    for sent in sents:
        si = sent.i
        a, b = ranges[si]
        first = len(toks)
        for t in atoks[a:b]:
            w = t.text
            if w in _JOINERS and toks and _joins_previous(text, p_end, toks[-1], t.start, w):
                prev = toks[-1]
                prev.end, prev.text = t.end, prev.text + w
                prev.lower = prev.text.lower()
                continue
            append(Tok(t.start, t.end, w, w.lower(), si))
        if len(toks) > first:
            bounds[si] = (first, len(toks))
    return toks


def _joins_previous(text: str, p_end: int, prev: Tok, s: int, w: str) -> bool:
    """Whether article token ``w`` at ``s`` is the end of the quote token ``prev``: a possessive
    ("Putin" + "'s"; the article splits it off, a speaker phrase keeps it), a title's or a middle
    initial's dot (NAME_TOKEN_RE: "Sen." before a space, "J." between a lowercase word and a
    name, looking no further than the paragraph end), or a second straight quote ('' is one
    quotation mark, as in ``_from_text``)."""
    if prev.end != s:
        return False
    if w == ".":
        pt = prev.text
        if pt in _TITLES:
            return s + 1 < p_end and text[s + 1].isspace()
        ps = prev.start
        return (len(pt) == 1 and "A" <= pt <= "Z" and ps >= 2 and text[ps - 1] == " "
                and "a" <= text[ps - 2] <= "z" and _AFTER_INITIAL_RE.match(text, s + 1, p_end) is not None)
    if w in "'`":
        return prev.text == w
    return True  # "'s": only a possessive split off its word is a two-character token


def _from_text(text: str, start: int, end: int, sents: list[Any]) -> list[Tok]:
    """The paragraph ``text[start:end]`` tokenized by NAME_TOKEN_RE, each token with the
    sentence it starts in; ``''`` is one quotation mark."""
    toks: list[Tok] = []
    k = 0
    n_s = len(sents)
    for m in TOKEN_RE.finditer(text, start, end):
        s = m.start()
        while k + 1 < n_s and s >= sents[k + 1].start:
            k += 1
        t = m.group()
        if t in "'`" and toks and toks[-1].end == s and toks[-1].text == t:
            toks[-1].end, toks[-1].text, toks[-1].lower = s + 1, t + t, t + t  # '' : one mark
            continue
        toks.append(Tok(s, m.end(), t, t.lower(), sents[k].i if n_s else -1))
    return toks


def _mark_quote(toks: list[Tok], starts: list[int], q: QuoteMarks, qi: int) -> None:
    """Tokens between an opening and a closing mark belong to that quote."""
    # A quote left open (or continued in the next paragraph) runs to the paragraph end.
    open_ended = (q.unclosed or q.continues) and not q.recovered
    for i in range(bisect_left(starts, q.open_pos), len(toks)):
        t = toks[i]
        if t.start > q.close_pos or (t.start == q.close_pos and open_ended):
            break
        if t.end <= q.close_pos or (open_ended and t.start < q.close_pos):
            t.quote = qi
        if t.start == q.open_pos:
            t.mark = "open"
        elif t.start == q.close_pos:
            t.mark = "close"
            t.quote = qi


def pronoun_base(word: str) -> str:
    """'he', "i've", "they'd" -> the pronoun ('he', 'i', 'they'); '' for other words."""
    base = _APOSTROPHE_RE.split(word, maxsplit=1)[0] if ("'" in word or "’" in word) else word
    return base if base in PRONOUNS else ""


def is_name_word(t: Tok) -> bool:
    """A capitalised word that is not a pronoun, or a name particle ('al', 'von', 'al-Assad')."""
    c = t.text[0]
    return (c.isupper() and not pronoun_base(t.lower)) or t.lower in NAME_PARTICLES or t.lower.startswith("al-")
