"""Quotes and sources: who gets a voice in a news article, and in whose words.

:func:`extract_quotes` finds direct quotes (words inside quotation marks), indirect (reported)
speech without quotation marks, and partial quotes (a short quoted phrase inside reported speech),
and attributes each to a speaker. :func:`voice_share` sums them up per speaker and per side.

Method
------
A rule-based attribution in the tradition of Pouliquen, Steinberger & Best (2007) and Pareti's
PARC attribution relations (source + cue + content), as in textacy's ``direct_quotations`` but
extended to reported speech and to speakers named by a pronoun or a role:

1. **Quotation marks** are paired per paragraph (straight ``"``, curly ``“ ”``, ``« »``, ``„ “``;
   single ``‘ ’`` or ``' '`` only when the paragraph has no double quotes, and straight single
   marks only as a properly closed pair, so apostrophes are never taken for quotes). Single
   quotes inside double quotes stay inside. A quote that is not closed by the end of its paragraph is capped there and
   flagged ``unclosed`` — unless the next paragraph opens with a quotation mark, the newspaper
   convention for a quote that continues over several paragraphs.
2. **Cues** are reporting verbs from ``resources/quote_cues.yml`` (said, told, added, warned ...)
   outside quotation marks, plus "according to". For each cue the **speaker** is the noun phrase
   just before it (skipping "also", "has", "on Monday" and an apposition such as ", director of
   research at X,") or, inverted, just after it (``"...," said Erdogan``). Passive, negated,
   refused or hedged verbs ("is said to", "did not say", "declined to say", "I would say") and
   infinitives after promise-like verbs ("pledged to support") are not reported speech.
3. **Content**: the quote just before the speaker (``"...," X said``), the quote just after the cue
   (``X said: "..."``, ``X told reporters that "..."``), the clause after the cue (``X said (that)
   ...``, ``X told AFP ...``), or the clause before it (``..., X said``; ``according to X, ...``).
   A participle cue with no subject (``..., adding that ...``) keeps the speaker of its sentence.
4. **Partial vs scare quotes** (the general rule): a quoted phrase in the middle of a sentence is a
   *partial* quote only when it sits inside reported speech with a cue verb and a speaker
   (``X said Putin and Erdogan had a "mutual need"``, ``X called the deal "a mistake"``). The
   paraphrase around a partial quote is not returned as a separate indirect quote, so no words are
   counted twice. Quotation marks anywhere else (``a "de-escalation" zone``) are the reporter's
   and are not returned.
5. **Unattributed full quotes**: a paragraph that opens with a quote and has no cue continues the
   previous speaker's quote (when that speaker was quoted in the previous paragraph); otherwise a
   sentence-long quote is kept with an empty speaker.
6. **Speaker resolution** (one function, :func:`_resolve_speaker`): the speaker phrase is mapped to
   a canonical actor with :func:`newslab.entities.find_mentions` (names, aliases, roles such as
   "the Russian leader"; imported lazily, with a capitalised-name fallback when entities is
   absent). Inside a phrase a person beats a role, an organisation or a place, and a possessive
   owner is skipped ("Erdogan's spokesman, Ibrahim Kalin" -> Ibrahim Kalin). Pronouns go to the
   most recent compatible speaker or sentence subject (he/she: a person, using gender evidence
   such as "Ms", "spokeswoman" or "her" after the name; they: a group, officials or a state;
   it: an organisation or state). A definite role the dictionary does not resolve ("the Russian
   minister", "X's Russian counterpart") goes to the latest person of that side; "the ministry"
   to the latest earlier phrase with that head ("Russia's defence ministry"). Names no dictionary
   knows keep their longest form ("Malashenko" -> "Alexei Malashenko").

Known limits: nested straight double quotes ("a "b" c") cannot be paired reliably; speakers
named only far from the quote (several paragraphs earlier, with other people in between) and
reported speech without a cue verb from the list are missed; "the president" with no
nationality goes to the latest person quoted or named as a subject.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text('Talks\\n\\nPutin met Erdogan in Sochi.\\n\\n'
...                       '"We agreed on a lot," Putin told reporters.')
>>> q = extract_quotes(a)
>>> q.loc[0, ["text", "kind", "cue", "speaker_text"]].tolist()
['We agreed on a lot', 'direct', 'told', 'Putin']
"""
from __future__ import annotations

import gc
import os
import re
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import pandas as pd

from . import layers
from .article import Article, Corpus, as_articles
from .errors import ResourceFileError
from .resources import load_yaml, resource_stamp
from .tokenize import stopwords

__all__ = ["extract_quotes", "voice_share", "load_cues", "QUOTE_COLUMNS"]

QUOTE_COLUMNS = ["text", "start", "end", "kind", "cue", "cue_start", "cue_end", "speaker_text",
                 "speaker_start", "speaker_end", "speaker", "side", "sentence", "paragraph",
                 "unclosed", "how", "group"]

_INT_COLUMNS = ("start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "sentence", "paragraph",
                "group")
DEFAULT_CUES = "quote_cues.yml"

# ---------------------------------------------------------------------------------------------
# Cue lexicon
# ---------------------------------------------------------------------------------------------

_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s", "you": "s"}
_DETERMINERS = frozenset("the a an his her their its our whose this these those".split())
_BE = frozenset("is are was were be been being".split())
_LINKS = frozenset("of and for".split())
_NAME_PARTICLES = frozenset("al el ad bin ibn bint abu de del della van von der den la le da di du dos das".split())
_BACK_SKIP = frozenset(("also later earlier again then further previously recently repeatedly once "
                        "publicly separately reportedly privately bluntly today yesterday tonight has "
                        "have had would will did does do later still just Monday Tuesday Wednesday "
                        "Thursday Friday Saturday Sunday").split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# Reporting verbs that take a listener before the reported clause ('informed police she had ...').
_OBJECT_VERBS = frozenset("tell inform assure remind warn brief notify advise".split())
_FRONTED_OPENERS = frozenset(("as when while after before if although though because since despite "
                              "during in on at following amid with once until unless").split())
_ASIDE_PARTICIPLES = frozenset("speaking talking writing addressing responding reacting commenting "
                               "answering replying appearing".split())
_HER_RE = re.compile(r"\b(?:her|she|herself)\b")
# The word before a name, unless . ! ? follow it: r"(\w+)[^\w.!?]*$" searched in the window
# before the name, run here as one anchored match on the reversed window (a search would try
# every start position).
_PREV_WORD_REVERSED_RE = re.compile(r"[^\w.!?]*(\w+)")
_STOP_NP = frozenset("that this these those there here what which it its one first then let let's let’s".split())
_DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_PREPOSITIONS = frozenset(("on in at after before during ahead following via through to from with "
                           "by over amid about upon").split())
_FINITE_HINTS = frozenset(("is are was were be been being has have had will would can could should "
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
# Title words stripped from a speaker phrase when no actor dictionary knows the person.
_TITLE_WORDS = frozenset(("President Prime Minister Foreign Defence Defense Interior Deputy Vice "
                          "Secretary General Chancellor Premier Spokesman Spokeswoman Spokesperson "
                          "Ambassador Envoy Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen. Senator Rep. Gen. "
                          "Colonel Col. Lt. Admiral Adm. King Queen Prince Sheikh Chief Director "
                          "Professor Prof. Mayor Governor Commander Minister's Kremlin Foreign "
                          "Presidential Senior Top Former State Economy Energy Justice "
                          "Analyst Expert Official Aide Adviser Advisor").split())
_OPENERS = {'"': '"”', "“": "”\"", "„": "“”\"", "«": "»", "‘": "’"}
_DOUBLE_MARKS = '"“”«»„'
_OPENER_RE = re.compile("[" + re.escape("".join(_OPENERS)) + "]")
_OPENER_DOUBLE_RE = re.compile("[" + re.escape("".join(m for m in _OPENERS if m != "‘")) + "]")  # ‘ is not one then
_CLOSER_RES = {m: re.compile("[" + re.escape(closers) + "]") for m, closers in _OPENERS.items()}
# Words (with inner hyphens, apostrophes, dots), titles with their dot ('Dr.'), '--', punctuation.
_TOKEN_RE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|Sgt|Capt|Adm|St|Jr|Sr)\.(?=\s)"
                       r"|\w+(?:[-'’.]\w+)*|--|[^\w\s]")


@dataclass(frozen=True)
class CueLexicon:
    """The parsed ``quote_cues.yml``: verb forms -> (lemma, indirect mode, partial_only)."""

    forms: dict[str, tuple[str, str, bool]]
    multiword: dict[tuple[str, ...], tuple[str, str, bool]]
    audiences: tuple[tuple[str, ...], ...]
    adverbials: frozenset[str]
    speaker_words: frozenset[str]
    connectives: frozenset[str]
    female_markers: frozenset[str]


_CUE_CACHE: dict[Any, CueLexicon] = {}


def load_cues(path: str | os.PathLike[str] | None = None) -> CueLexicon:
    """Load the cue lexicon (the packaged ``quote_cues.yml`` or a user file of the same shape).

    >>> lex = load_cues()
    >>> lex.forms["told"][:2], ("pointed", "out") in lex.multiword
    (('tell', 'clause'), True)
    """
    name = path or DEFAULT_CUES
    data = load_yaml(name)
    key = (str(name), id(data))
    if key in _CUE_CACHE:
        return _CUE_CACHE[key]
    if not isinstance(data, dict) or "verbs" not in data:
        raise ResourceFileError(f"{name}: a quote cue file needs a 'verbs:' section — copy the layout "
                                "of newslab/resources/quote_cues.yml.")
    forms: dict[str, tuple[str, str, bool]] = {}
    multi: dict[tuple[str, ...], tuple[str, str, bool]] = {}

    def add(lemma: str, entry: Any, partial_only: bool) -> None:
        if not isinstance(entry, dict) or not entry.get("forms"):
            raise ResourceFileError(f"{name}: verb '{lemma}' needs 'forms: [...]' — see the file header.")
        mode = "none" if partial_only else str(entry.get("indirect", "that"))
        if mode not in ("clause", "that", "none"):
            raise ResourceFileError(f"{name}: verb '{lemma}' has indirect: {mode!r} — use clause, that or none.")
        forms_list = entry["forms"] if isinstance(entry["forms"], list) else [entry["forms"]]
        for form in forms_list:
            words = tuple(str(form).lower().split())
            if len(words) == 1:
                forms[words[0]] = (lemma, mode, partial_only)
            elif words:
                multi[words] = (lemma, mode, partial_only)

    for lemma, entry in (data.get("verbs") or {}).items():
        add(str(lemma), entry, False)
    for lemma, entry in (data.get("partial_verbs") or {}).items():
        add(str(lemma), entry, True)
    audiences = tuple(sorted((tuple(_TOKEN_RE.findall(str(a).lower())) for a in data.get("audiences") or []),
                             key=len, reverse=True))
    lex = CueLexicon(
        forms=forms, multiword=multi, audiences=audiences,
        adverbials=frozenset(str(w).lower() for w in data.get("adverbials") or []),
        speaker_words=frozenset(str(w).lower() for w in data.get("speaker_words") or []),
        connectives=frozenset(str(w).lower() for w in data.get("connectives") or []),
        female_markers=frozenset(str(w).lower() for w in data.get("female_markers") or []),
    )
    _CUE_CACHE.clear()  # keep only the current version of each file
    _CUE_CACHE[key] = lex
    return lex


# ---------------------------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------------------------

@dataclass
class _QuoteMarks:
    open_pos: int          # offset of the opening mark
    close_pos: int         # offset of the closing mark (paragraph end when unclosed)
    start: int             # content start
    end: int               # content end (trailing comma/space trimmed)
    paragraph: int
    unclosed: bool = False
    continues: bool = False  # an unclosed quote continued by the next paragraph's opening mark
    group: int = -1
    recovered: bool = False  # unclosed, but ended at ', X said' found inside it


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


def find_quote_marks(article: Article, lex: CueLexicon | None = None) -> list[_QuoteMarks]:
    """Pair quotation marks paragraph by paragraph (see the module docstring, step 1)."""
    text = article.text
    out: list[_QuoteMarks] = []
    paras = article.paragraphs
    for p in paras:
        ps, pe = p.start, p.end
        segment = text[ps:pe]
        has_double = any(m in segment for m in _DOUBLE_MARKS)
        if not has_double and "‘" not in segment:
            if "'" in segment:
                out.extend(_straight_single_quotes(text, ps, pe, p.i))
            continue
        i = ps
        opener_re = _OPENER_DOUBLE_RE if has_double else _OPENER_RE
        while i < pe:
            found = opener_re.search(text, i, pe)  # the next opening mark (C speed, not char by char)
            if found is None:
                break
            i = found.start()
            ch = text[i]
            if ch == '"' and not _can_open_straight(text, i, ps, pe):
                i += 1
                continue
            if ch == "‘" and i > ps and text[i - 1].isalnum():
                i += 1
                continue
            closer_re = _CLOSER_RES[ch]
            j = i + 1
            close = -1
            while j < pe:
                hit = closer_re.search(text, j, pe)
                if hit is None:
                    break
                j = hit.start()
                if _can_close(text, j, pe, text[j]):
                    close = j
                    break
                j += 1
            if close == -1:
                s, e = _trim(text, i + 1, pe)
                if e > s:
                    out.append(_QuoteMarks(i, pe, s, e, p.i, unclosed=True))
                break
            s, e = _trim(text, i + 1, close)
            if e > s:
                out.append(_QuoteMarks(i, close, s, e, p.i))
            i = close + 1
    # Multi-paragraph quotes: an unclosed quote followed by a paragraph that opens with a mark.
    first_in_para = {}
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
    # An unclosed quote that contains its own attribution ('"We will win, Erdogan said.') ends
    # at the comma before the speaker; it stays flagged as unclosed.
    if lex is not None:
        attr_re = _unclosed_attribution_regex(lex)
        for q in out:
            if q.unclosed:
                m = attr_re.search(text, q.start, q.end)
                if m:
                    s, e = _trim(text, q.start, m.start())
                    if e > s:
                        q.end, q.close_pos, q.recovered = e, m.start(), True
    return out


_SINGLE_OPEN_RE = re.compile(r"(?<![\w'’])'(?=[A-Za-z0-9])")


def _straight_single_quotes(text: str, ps: int, pe: int, pi: int) -> list[_QuoteMarks]:
    """'Straight single quotes' as quotation marks, in a paragraph with no double quotes.

    Apostrophes make these ambiguous, so only properly closed pairs count: the opening mark
    follows a space or bracket and precedes a letter; the closing mark follows a word or
    punctuation and precedes a space or punctuation, and is not a plural possessive
    ("the pilots' union"). An unpaired mark is treated as an apostrophe, never as an
    unclosed quote.
    """
    out: list[_QuoteMarks] = []
    i = ps
    while True:
        m = _SINGLE_OPEN_RE.search(text, i, pe)
        if not m:
            break
        o = m.start()
        j = o + 1
        close = -1
        while True:
            j = text.find("'", j, pe)
            if j == -1:
                break
            before, after = text[j - 1], text[j + 1] if j + 1 < pe else " "
            plural_possessive = before == "s" and after == " " and j + 2 < pe and text[j + 2].islower()
            if (before.isalnum() or before in ".,!?") and not after.isalnum() and not plural_possessive:
                close = j
                break
            j += 1
        if close == -1:
            i = o + 1
            continue
        s, e = _trim(text, o + 1, close)
        if e > s:
            out.append(_QuoteMarks(o, close, s, e, pi))
        i = close + 1
    return out


_ATTR_RE_CACHE: dict[int, re.Pattern[str]] = {}


def _unclosed_attribution_regex(lex: CueLexicon) -> re.Pattern[str]:
    pat = _ATTR_RE_CACHE.get(id(lex))
    if pat is None:
        verbs = "|".join(sorted((re.escape(f) for f, v in lex.forms.items() if not v[2] and not f.endswith("ing")),
                                key=len, reverse=True))
        name = r"(?:[A-Z][\w'’.-]*\s+){0,4}"
        pat = re.compile(rf",\s+(?=(?:{name}[A-Z][\w'’.-]*|he|she|they)\s+(?:{verbs})\b|(?:{verbs})\s+(?:the\s+)?[A-Z])")
        _ATTR_RE_CACHE.clear()
        _ATTR_RE_CACHE[id(lex)] = pat
    return pat


# ---------------------------------------------------------------------------------------------
# Tokens and noun phrases
# ---------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    lower: str
    sentence: int
    quote: int = -1        # index of the quote whose marks enclose this token (-1 outside)
    mark: str = ""         # "open"/"close" for a quotation mark token


@dataclass
class _Attribution:
    kind: str
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    sp: tuple[int, int] | None   # speaker token range [a, b)
    how: str
    quote: int = -1
    inherit_from: int = -1       # index of another attribution whose speaker this one shares
    priority: int = 0
    unclosed: bool = False
    speaker_text: str = ""
    speaker_start: int = -1
    speaker_end: int = -1


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one article's quotes are worked out.

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


class _Paragraph:
    """Tokens of one paragraph with quote membership and sentence ids."""

    def __init__(self, article: Article, pi: int, quotes: list[_QuoteMarks], qidx: list[int],
                 sents: list[Any]):
        import bisect

        p = article.paragraphs[pi]
        text = article.text
        toks: list[_Tok] = []
        k = 0
        n_s = len(sents)
        with _no_gc():
            for m in _TOKEN_RE.finditer(text, p.start, p.end):
                s = m.start()
                while k + 1 < n_s and s >= sents[k + 1].start:
                    k += 1
                t = m.group()
                toks.append(_Tok(s, m.end(), t, t.lower(), sents[k].i if n_s else -1))
        # Mark quotes: tokens between an opening and a closing mark belong to that quote.
        starts = [t.start for t in toks]
        for qi in qidx:
            q = quotes[qi]
            open_ended = (q.unclosed or q.continues) and not q.recovered
            a = bisect.bisect_left(starts, q.open_pos)
            for i in range(a, len(toks)):
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
        self.toks = toks

    def sentence_range(self, k: int) -> tuple[int, int]:
        """Token index range [a, b) of the sentence holding token k."""
        sid = self.toks[k].sentence
        a = k
        while a > 0 and self.toks[a - 1].sentence == sid:
            a -= 1
        b = k
        while b < len(self.toks) and self.toks[b].sentence == sid:
            b += 1
        return a, b


def _pronoun_base(word: str) -> str:
    """'he', "i've", "they'd" -> the pronoun ('he', 'i', 'they'); '' for other words."""
    base = _APOSTROPHE_RE.split(word, maxsplit=1)[0] if ("'" in word or "’" in word) else word
    return base if base in _PRONOUNS else ""


_APOSTROPHE_RE = re.compile(r"['’]")


def _is_name_word(t: _Tok) -> bool:
    c = t.text[0]
    return (c.isupper() and not _pronoun_base(t.lower)) or t.lower in _NAME_PARTICLES or t.lower.startswith("al-")


class _Rules:
    """Noun-phrase and clause rules over a paragraph's tokens, parametrised by the cue lexicon."""

    def __init__(self, lex: CueLexicon):
        self.lex = lex
        self.drop_initial = lex.connectives | _PREPOSITIONS | {"speaking", "when", "while", "if", "as",
                                                                "asked", "although", "because", "this",
                                                                "last", "next", "late", "early"} \
            | {d.lower() for d in _DAYS} | _MONTHS

    def is_np_word(self, t: _Tok) -> bool:
        return t.quote == -1 and not t.mark and (_is_name_word(t) or t.lower in self.lex.speaker_words)

    def is_cue(self, t: _Tok) -> bool:
        return t.lower in self.lex.forms and t.text == t.lower

    def np_ending_at(self, toks: list[_Tok], j: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase whose last token is j (tokens >= lo), e.g. 'the Russian leader'."""
        if j < lo or not self.is_np_word(toks[j]):
            return None
        i = j
        start = j
        unknown = 0
        while i >= lo:
            t = toks[i]
            if self.is_np_word(t) and not self.is_cue(t):
                start = i
                i -= 1
                continue
            if unknown == 0 and i < j and t.text.isalpha() and t.text.islower() and t.quote == -1 \
                    and t.lower not in stopwords() and not t.lower.endswith(("ed", "ing")) \
                    and i - 1 >= lo and self.is_np_word(toks[i - 1]) and not self.is_cue(toks[i - 1]):
                unknown = 1  # one unlisted modifier: 'Turkish security official', 'foreign policy aide'
                i -= 1
                continue
            if t.lower in _LINKS and i - 1 >= lo and self.is_np_word(toks[i - 1]) and i < j:
                i -= 1
                continue
            if t.lower == "in" and i - 1 >= lo and toks[i - 1].text.islower() \
                    and toks[i - 1].lower in self.lex.speaker_words and i < j:
                i -= 1  # 'officials in Omsk', 'diplomats in Ankara'
                continue
            if t.lower in _DETERMINERS and t.quote == -1:
                start = i
                # 'Steve Peers of the University of Essex': a name 'of the' an institution
                if i - 2 >= lo and toks[i - 1].lower in ("of", "for") and self.is_np_word(toks[i - 2]) \
                        and not self.is_cue(toks[i - 2]):
                    i -= 2
                    continue
            break
        # Drop reporter's openers ('Meanwhile', 'But', 'In') at the start of the phrase.
        while start <= j and (toks[start].lower in self.drop_initial or toks[start].lower in _LINKS):
            start += 1
        if start > j or toks[j].lower in _DETERMINERS:
            return None
        if start == j and (toks[j].lower in _STOP_NP or toks[j].lower in self.lex.connectives):
            return None  # 'That said, ...', 'This said' are not speakers
        if j - start >= 10:
            start = j - 9
        return start, j + 1

    def np_back(self, toks: list[_Tok], k: int, lo: int) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
        """Speaker phrase ending just before cue token k: ((a, b), apposition range or None)."""
        j = k - 1
        # 'Dittmar went on to add', 'Erdogan continued to insist'
        if j - 2 >= lo and toks[j].lower == "to" and (toks[j - 1].lower in ("continued", "went", "goes", "go")
                                                     or (toks[j - 1].lower == "on" and toks[j - 2].lower in ("went", "goes"))):
            j -= 3 if toks[j - 1].lower == "on" else 2
        # 'Russian agencies quoted Lavrov as saying': the object of 'quoted' speaks
        if j >= lo and toks[j].lower == "as":
            np_ = self.np_ending_at(toks, j - 1, lo)
            if np_ is not None and np_[0] - 1 >= lo and toks[np_[0] - 1].lower in ("quoted", "cited"):
                return np_, self.np_ending_at(toks, np_[0] - 2, lo)
        # 'was quoted as saying', 'was quoted by RIA Novosti as saying', 'was cited by X as saying'
        if j >= lo and toks[j].lower == "as":
            for m in range(j - 1, max(lo - 1, j - 9), -1):
                if toks[m].lower in ("quoted", "cited") and m - 1 >= lo and toks[m - 1].lower in _BE:
                    j = m - 2
                    break
        while j >= lo and (toks[j].text in _BACK_SKIP or toks[j].lower in _BACK_SKIP
                           or (toks[j].lower == "on" and j + 1 < k and toks[j + 1].text in _DAYS)):
            j -= 1
        # 'the Syrian Democratic Forces (SDF) announced': skip a bracketed acronym
        if j - 2 >= lo and toks[j].text == ")" and toks[j - 2].text == "(" and toks[j - 1].text.isupper():
            j -= 3
        if j < lo:
            return None
        t = toks[j]
        if _pronoun_base(t.lower) and t.quote == -1 and not t.mark:
            # 'Can you tell us ...' is an interviewer's question, not a speaker
            return ((j, j + 1), None) if _pronoun_base(t.lower) != "you" else None
        if t.text == ",":
            # Apposition: 'Alexei Malashenko, director of research at ..., said'
            m = j - 1
            while m >= lo and toks[m].text != "," and toks[m].quote == -1 and not toks[m].mark:
                m -= 1
            if m < lo or toks[m].text != ",":
                return None
            seg = toks[m + 1:j]
            subordinate = bool(seg) and seg[0].lower in ("when", "while", "who", "after", "speaking", "asked")
            if not seg or len(seg) > 30 or (any(self.is_cue(x) for x in seg) and not subordinate):
                return None
            head = self.np_ending_at(toks, m - 1, lo)
            bare_name = len(seg) <= 4 and all(_is_name_word(x) for x in seg)
            if head is None:
                # "Dunn's mother, Charlotte Charles, said": the name in commas is the speaker
                name = self.np_ending_at(toks, j - 1, m + 1) if bare_name else None
                return (name, None) if name is not None and name[0] == m + 1 else None
            first = seg[0]
            if first.lower in _DETERMINERS or first.lower in ("who", "which") or first.text[0].islower() \
                    or first.text[0].isdigit():
                return head, (m + 1, j)
            # Two noun phrases in apposition: the name is the speaker, the role describes it
            # ('Ibrahim Kalin, Erdogan's spokesman, said' / 'Erdogan's spokesman, Ibrahim Kalin, said').
            name = self.np_ending_at(toks, j - 1, m + 1)
            if name is None or name[0] != m + 1:
                return None
            if self.has_role(toks, head) and not self.has_role(toks, name):
                return name, head
            # 'the president of the League, Jamel Msallem, said': a bare name after a longer phrase
            if bare_name and (any(toks[i].text[0].islower() for i in range(*head))
                              or toks[head[0]].lower in _DETERMINERS):
                return name, head
            return head, name
        np_ = self.np_ending_at(toks, j, lo)
        if np_ is None and toks[j].text.isalpha() and toks[j].text.islower() and toks[j].lower not in _LINKS \
                and toks[j].lower not in stopwords():
            # 'the Turkish strongman said': an unlisted head noun after a determiner + name word
            head = self.np_ending_at(toks, j - 1, lo)
            if head is not None and toks[head[0]].lower in _DETERMINERS and j - head[0] <= 4:
                np_ = (head[0], j + 1)
            elif j - 1 >= lo and toks[j - 1].lower in ("his", "her", "their", "its") and toks[j].lower.endswith("s"):
                np_ = (j - 1, j + 1)  # 'His associates have alleged ...' 
        if np_ is None:
            # 'Mitsotakis speaking to the Atlantic Council think tank called ...': a participle
            # phrase without commas between the speaker and the verb
            for m in range(k - 1, max(lo, k - 12) - 1, -1):
                x = toks[m]
                if x.text in ",;:" or x.mark or x.quote != -1 or self.is_cue(x):
                    break
                if x.lower in _ASIDE_PARTICIPLES:
                    np_ = self.np_ending_at(toks, m - 1, lo)
                    break
        return (np_, None) if np_ else None

    def has_role(self, toks: list[_Tok], r: tuple[int, int]) -> bool:
        return any(toks[i].text[0].islower() and toks[i].lower in self.lex.speaker_words
                   or toks[i].lower.endswith(("'s", "’s")) for i in range(*r))

    def np_fwd(self, toks: list[_Tok], k: int, hi: int) -> tuple[int, int] | None:
        """Inverted speaker phrase starting at token k ('said Erdogan', 'said the Russian leader')."""
        i = k
        if i < hi and toks[i].lower in _DETERMINERS:
            i += 1
        start = k
        last = -1
        while i < hi:
            t = toks[i]
            if self.is_np_word(t) and not self.is_cue(t):
                last = i
                i += 1
                continue
            if t.lower in _LINKS and i + 1 < hi and self.is_np_word(toks[i + 1]) and last != -1:
                i += 1
                continue
            # "Huber's longtime tag team partner Erick Rowan": unlisted modifiers before a name/role
            if (last != -1 or i > k) and t.text.isalpha() and t.text.islower() and t.lower not in stopwords():
                m = i
                while m < hi and m - i < 4 and toks[m].text.isalpha() and toks[m].text.islower() \
                        and not self.is_np_word(toks[m]) and toks[m].lower not in stopwords():
                    m += 1
                if m < hi and self.is_np_word(toks[m]) and not self.is_cue(toks[m]):
                    i = m
                    continue
            break
        if last == -1:
            return None
        nxt = toks[last + 1] if last + 1 < hi else None
        if nxt is not None and not (nxt.text in ",.;:!?" or nxt.mark or nxt.lower in _PREPOSITIONS
                                    or nxt.lower in self.lex.adverbials or nxt.text in "\"“”«»"):
            return None  # 'said Putin and Erdogan had ...' is not an inversion
        return start, last + 1


# ---------------------------------------------------------------------------------------------
# Attribution over one paragraph
# ---------------------------------------------------------------------------------------------

def _is_clause_start(rules: _Rules, toks: list[_Tok], i: int, hi: int) -> bool:
    """Does a reported clause start at token i (subject first) and contain a finite verb?"""
    if i >= hi:
        return False
    t = toks[i]
    if t.mark == "open":
        return True
    if not t.text[0].isalnum() or t.lower in _PREPOSITIONS or t.lower in rules.lex.adverbials \
            or t.lower.endswith("ing") or t.lower in ("so", "not", "goodbye", "yes"):
        return False
    if t.text in _DAYS:
        return False
    words = []
    depth = 0
    for x in toks[i:hi]:
        depth += (x.text == "(") - (x.text == ")")
        if depth == 0 and x.text[0].isalnum():
            words.append(x)  # words inside brackets do not count towards the verb window
    if len(words) < 3:
        return False
    return any(x.lower in _FINITE_HINTS or (x.lower.endswith("ed") and len(x.lower) > 4) for x in words[1:10])


def _content_end(rules: _Rules, toks: list[_Tok], i: int, hi: int) -> int:
    """Token index where reported speech starting at i stops (sentence end, ', adding ...',
    ', a diplomatic source said.')."""
    j = i
    while j < hi:
        t = toks[j]
        if t.lower in ("and", "but") and t.quote == -1 and j > i and any(
                rules.is_cue(x) for x in toks[j + 1:min(hi, j + 3)]):
            # '..., and said there was "unequivocal" proof': a second reporting verb
            return j - 1 if toks[j - 1].text == "," else j
        if t.text == "," and j + 1 < hi and t.quote == -1:
            # ', a diplomatic source said.' closing the sentence belongs to another speaker
            for m in range(j + 2, min(hi, j + 9)):
                if rules.is_cue(toks[m]) and toks[m].quote == -1:
                    between = toks[j + 1:m]
                    if between and all(x.text[0].isalnum() and x.quote == -1 for x in between) and \
                            (between[0].lower in _DETERMINERS or between[0].lower in _PRONOUNS
                             or rules.is_np_word(between[0])) and \
                            (m + 1 >= hi or toks[m + 1].text in ".,;!?" or toks[m + 1].lower in _PREPOSITIONS):
                        return j
                    break
            nxt = toks[j + 1]
            if nxt.quote == -1 and ((nxt.lower.endswith("ing") and (nxt.lower in rules.lex.forms
                                                                    or nxt.lower in ("pointing", "referring", "citing")))
                                    or (nxt.lower == "according" and j + 2 < hi and toks[j + 2].lower == "to")):
                return j
        j += 1
    return hi


def _strip_span(text: str, s: int, e: int, connectives: frozenset[str]) -> tuple[int, int]:
    """Trim spaces, final punctuation and the reporter's opening connective from reported speech."""
    while s < e and (text[s].isspace() or text[s] in ",;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?"):
        e -= 1
    m = re.match(r"([A-Za-z]+),?\s+", text[s:e])
    if m and m.group(1).lower() in connectives:
        s += m.end()
    return s, e


def _attribute_paragraph(article: Article, rules: _Rules, par: _Paragraph,
                         quotes: list[_QuoteMarks]) -> list[_Attribution]:
    toks = par.toks
    lex = rules.lex
    text = article.text
    atts: list[_Attribution] = []
    n = len(toks)
    last_in_sentence: dict[int, int] = {}  # sentence id -> index of its last attribution with a speaker

    def quote_before(i: int) -> int:
        """The quote whose closing mark sits right before token i (commas between allowed)."""
        j = i - 1
        while j >= 0 and toks[j].text == "," and not toks[j].mark:
            j -= 1
        if j >= 0 and toks[j].mark == "close":
            return toks[j].quote
        return -1

    k = 0
    while k < n:
        t = toks[k]
        if t.quote != -1 or t.mark:
            k += 1
            continue
        cue = None
        cue_end_k = k + 1
        according = False
        if t.lower == "according" and k + 1 < n and toks[k + 1].lower == "to":
            according = True
            cue_end_k = k + 2
        elif k + 1 < n and (t.lower, toks[k + 1].lower) in lex.multiword:
            cue = lex.multiword[(t.lower, toks[k + 1].lower)]
            cue_end_k = k + 2
        elif t.lower in lex.forms and t.text == t.lower:  # 'United States' is not a cue
            cue = lex.forms[t.lower]
        if cue is None and not according:
            k += 1
            continue
        sa, sb = par.sentence_range(k)
        # The clause this cue belongs to starts after the last closing mark in its sentence.
        lo = sa
        for j in range(k - 1, sa - 1, -1):
            if toks[j].mark == "close" or (toks[j].quote != -1):
                lo = j + 1
                break
        cue_s, cue_e = t.start, toks[cue_end_k - 1].end
        cue_word = text[cue_s:cue_e]

        if according:
            sp = rules.np_fwd(toks, cue_end_k, sb) or _np_loose(rules, toks, cue_end_k, sb)
            if sp is None:
                k = cue_end_k
                continue
            after = sp[1]
            if k > lo and toks[k - 1].text == ",":
                # '..., according to X.'
                q = quote_before(k)
                if q != -1:
                    atts.append(_Attribution("direct", 0, 0, cue_word, cue_s, cue_e, sp, "according_to", quote=q, priority=3))
                elif any(rules.is_cue(x) and x.quote == -1 for x in toks[lo:k]):
                    pass  # 'The ministry said ..., according to state media': the ministry speaks
                elif lo > sa and toks[lo].text[:1].islower():
                    # 'He shouted "..." before opening fire, according to witnesses': what follows
                    # the quotation is the end of a sentence, not a clause the witnesses said
                    pass
                else:
                    c1, end_char = k - 1, toks[k - 1].start
                    if any(rules.is_cue(x) and x.quote == -1 for x in toks[after:sb]):
                        k = cue_end_k  # 'Witnesses, according to The Telegraph, said ...'
                        continue
                    if after + 1 < sb and toks[after].text == "," and toks[after + 1].quote == -1:
                        # 'Thunberg then led, according to Time, the largest ...': a parenthesis
                        tail_end = _content_end(rules, toks, after + 1, sb)
                        if sum(1 for x in toks[after + 1:tail_end] if x.text[0].isalnum()) >= 2:
                            c1, end_char = tail_end, toks[tail_end - 1].end
                    s, e = _strip_span(text, toks[lo].start, end_char, lex.connectives)
                    _add_clause(atts, rules, toks, lo, c1, s, e, cue_word, cue_s, cue_e, sp, "according_to", text)
            elif k > lo and (after >= sb or toks[after].text in ".!?") and \
                    not any(rules.is_cue(x) and x.quote == -1 for x in toks[lo:k]):
                # '... entered Tell Tamer yesterday according to state media.'
                s, e = _strip_span(text, toks[lo].start, toks[k - 1].end, lex.connectives)
                _add_clause(atts, rules, toks, lo, k, s, e, cue_word, cue_s, cue_e, sp, "according_to", text)
            elif after < sb and toks[after].text == ",":
                # 'According to X, ...' (and 'According to X, formerly the director of Y, ...')
                c0 = after + 1
                if c0 < sb and (toks[c0].text.islower() or toks[c0].lower in _DETERMINERS) and toks[c0].quote == -1:
                    nxt_comma = next((m for m in range(c0, min(sb, c0 + 25)) if toks[m].text == ","
                                      and toks[m].quote == -1), -1)
                    if nxt_comma != -1 and not any(rules.is_cue(x) for x in toks[c0:nxt_comma]) and \
                            not any(x.lower in _FINITE_HINTS for x in toks[c0:nxt_comma]):
                        c0 = nxt_comma + 1
                c1 = _content_end(rules, toks, c0, sb)
                if c0 < sb and toks[c0].mark == "open":
                    atts.append(_Attribution("direct", 0, 0, cue_word, cue_s, cue_e, sp, "according_to",
                                             quote=toks[c0].quote, priority=2))
                elif c0 < c1:
                    s, e = _strip_span(text, toks[c0].start, toks[c1 - 1].end, lex.connectives)
                    _add_clause(atts, rules, toks, c0, c1, s, e, cue_word, cue_s, cue_e, sp, "according_to", text)
            k = cue_end_k
            continue

        lemma, mode, partial_only = cue
        # Passive 'is said to', 'was told': the subject is not the speaker.
        if k - 1 >= lo and toks[k - 1].lower in _BE and not (k - 2 >= lo and toks[k - 2].lower == "quoted"):
            k = cue_end_k
            continue
        if _not_reporting(toks, k, lo):
            k = cue_end_k
            continue
        found = rules.np_back(toks, k, lo)
        if found is None and k - 1 >= lo and toks[k - 1].lower in ("who", "which"):
            # 'a statement which said', 'Kalin, who told reporters'
            j = k - 2 if k - 2 >= lo and toks[k - 2].text != "," else k - 3
            np_ = rules.np_ending_at(toks, j, lo)
            found = (np_, None) if np_ else None
        if found is None and k - 1 >= lo and toks[k - 1].lower in ("and", "but"):
            # 'Erdogan cited Article 5 and said, "..."': the subject of the sentence speaks
            np_ = _subject_np(rules, toks, sa, k - 1)
            found = (np_, None) if np_ else None
        sp = found[0] if found else None
        inherit = -1
        inverted = False
        prev_k = k - 1
        while prev_k > 0 and toks[prev_k].lower in ("further", "also", "then", "later", "again"):
            prev_k -= 1  # ', further remarking "..."'
        if sp is None and t.lower.endswith("ing") and prev_k >= 0 and (
                toks[prev_k].text == "," or toks[prev_k].mark == "close"
                or toks[prev_k].lower in ("by", "after", "before", "while", "when")):
            inherit = last_in_sentence.get(t.sentence, -1)
            if inherit == -1:
                # 'Erdogan lashed out at Moscow, saying ...': the subject of the sentence speaks
                sp = _subject_np(rules, toks, sa, k)
                if sp is None:
                    k = cue_end_k
                    continue
        elif sp is None:
            if k - 1 >= 0 and (toks[k - 1].text == "," or toks[k - 1].mark == "close") and not partial_only:
                sp = rules.np_fwd(toks, cue_end_k, sb)
                inverted = sp is not None
            if sp is None:
                k = cue_end_k
                continue
        made: list[_Attribution] = []

        def new(kind: str, s: int, e: int, how: str, quote: int = -1, priority: int = 0) -> _Attribution:
            a = _Attribution(kind, s, e, cue_word, cue_s, cue_e, sp, how, quote=quote, inherit_from=inherit,
                             priority=priority)
            made.append(a)
            return a

        # (a) '"...," X said' / '"...," said X'
        np_start = k if inverted else (sp[0] if sp else k)
        if found and found[1] is not None:
            np_start = min(np_start, found[1][0])  # '"...," Erdogan's spokesman, Ibrahim Kalin, said'

        q = quote_before(np_start) if not partial_only else -1
        if q != -1 and text[quotes[q].end - 1] in ".!?…" and not _same_sentence_as_close(par, q, k) \
                and _has_complement(rules, toks, cue_end_k, sb, lemma):
            # '"... you know that." UNESCO reportedly said a change ...' starts a new sentence,
            # but '"Why should we?" Erdogan asked.' is still attributed.
            q = -1
        if q != -1:
            # 'The talks were "constructive", an official said': words of the reporter before the
            # opening mark make it a partial quote.
            new("partial" if _reporter_words_before(par, q) else "direct", 0, 0, "quote_then_cue",
                quote=q, priority=3)
        # (b) after the cue: audience, adverbials, then a quote, 'that' + clause, or a bare clause.
        i = sp[1] if inverted else cue_end_k
        i = _skip_audience(rules, toks, i, sb, lemma)
        if lemma in _OBJECT_VERBS:
            # 'told his party's lawmakers in parliament that ...': the object can be any phrase.
            for j in range(i, min(sb, i + 12)):
                x = toks[j]
                if x.lower == "that" and x.quote == -1:
                    i = j
                    break
                if x.text in ".;!?,:" or x.mark or x.quote != -1 or rules.is_cue(x):
                    break
        i0 = i
        steps = 0
        that_at = -1
        direct_at = -1
        while i0 < sb:
            if toks[i0].lower in lex.adverbials and toks[i0].lower not in _PREPOSITIONS or toks[i0].text in _DAYS:
                i0 += 1  # 'said earlier he might ...', 'said Monday Turkey would ...'
            elif toks[i0].lower in ("on", "last", "this", "late", "early") and i0 + 1 < sb \
                    and (toks[i0 + 1].text in _DAYS or toks[i0 + 1].lower in ("week", "month", "year", "night")):
                i0 += 2  # 'reported on Sunday the party had ...'
            else:
                break
        while i < sb and steps < 12:
            x = toks[i]
            if x.text in ("—", "–", "--", "(") and x.quote == -1:
                # 'said — as reported by Hurriyet — "..."': skip the aside
                closer = ")" if x.text == "(" else x.text
                j = i + 1
                while j < sb and toks[j].text != closer and j - i < 15 and toks[j].quote == -1:
                    j += 1
                if j < sb and toks[j].text == closer:
                    i = j + 1
                    steps += 1
                    continue
                break
            if x.mark == "open":
                direct_at = i
                break
            if x.lower == "that" and x.quote == -1:
                that_at = i
                break
            if x.text == ":" and i + 1 < sb and toks[i + 1].mark == "open":
                direct_at = i + 1
                break
            if x.text == "," and i + 1 < sb and toks[i + 1].mark == "open":
                direct_at = i + 1
                break
            if x.text == "," and steps == 0 and i + 1 < sb and toks[i + 1].lower in _PREPOSITIONS \
                    and toks[i + 1].quote == -1:
                i += 1  # 'He said, in remarks published by CNN in February, "..."'
                steps += 1
                continue
            if x.text == "," and steps > 0 and mode == "clause" and i + 1 < sb \
                    and _is_clause_start(rules, toks, i + 1, sb):
                i0 = i + 1  # 'said in a statement, Navalny would be ...'
                break
            if x.text in ".;!?,:" or rules.is_cue(x) or x.quote != -1:
                break
            if steps == 0 and not (x.lower in lex.adverbials or x.text in _DAYS or x.lower in _PREPOSITIONS):
                break
            i += 1
            steps += 1
        if partial_only:
            c1 = _content_end(rules, toks, cue_end_k, sb)
            for j in range(cue_end_k, c1):
                if toks[j].mark == "open":
                    new("partial", 0, 0, "partial_cue", quote=toks[j].quote, priority=1)
        elif direct_at != -1:
            # 'X said: "..."', and the second half of '"...," X said, "..."'
            if toks[direct_at].quote != q:
                new(_kind_after_cue(toks, direct_at), 0, 0, "cue_then_quote", quote=toks[direct_at].quote,
                    priority=2)
        elif that_at != -1 and mode != "none" and q == -1:
            c0 = that_at + 1
            c1 = _content_end(rules, toks, c0, sb)
            if c0 < c1:
                s, e = _strip_span(text, toks[c0].start, toks[c1 - 1].end, frozenset())
                _add_clause(made, rules, toks, c0, c1, s, e, cue_word, cue_s, cue_e, sp, "cue_that", text,
                            inherit=inherit)
        elif mode == "clause" and q == -1 and _is_clause_start(rules, toks, i0, sb):
            c0 = i0
            c1 = _content_end(rules, toks, c0, sb)
            s, e = _strip_span(text, toks[c0].start, toks[c1 - 1].end, frozenset())
            _add_clause(made, rules, toks, c0, c1, s, e, cue_word, cue_s, cue_e, sp, "cue_clause", text,
                        inherit=inherit)
        elif q == -1 and mode != "none" and inherit == -1:
            # (c) '..., X said.' — the clause before the speaker, when nothing follows the cue.
            np_first = k if inverted else sp[0]
            tail_ok = i0 >= sb or toks[i0].text in ".,;!?" or toks[i0].lower in _PREPOSITIONS \
                or toks[i0].lower in lex.adverbials
            if tail_ok and np_first - 1 > lo and toks[np_first - 1].text == ",":
                # The reported clause runs from the sentence start; quotation marks inside it
                # make partial quotes ('Both have a "strategic interest" in ..., he said').
                c0, c1 = sa, np_first - 1
                if found and found[1] is not None and found[1][0] < sp[0]:
                    # 'Erdogan's spokesman, Ibrahim Kalin, said': the clause ends before the role
                    c1 = _comma_before(toks, found[1][0], sa)
                if toks[c0].lower in _FRONTED_OPENERS and not any(x.text == "," for x in toks[c0:c1]):
                    c1 = c0  # 'As the funeral progressed, Trump tweeted ...': only a fronted adverbial
                c_end = c1
                if not inverted and i0 + 1 < sb and toks[i0].text == "," and not toks[i0 + 1].lower.endswith("ing") \
                        and toks[i0 + 1].quote == -1 and not toks[i0 + 1].mark:
                    # 'These orcas, she suggested, specialize in ...': the cue is a parenthesis
                    after = _content_end(rules, toks, i0 + 1, sb)
                    if sum(1 for x in toks[i0 + 1:after] if x.text[0].isalnum()) >= 2:
                        c_end = after
                if c1 > c0:
                    s, e = _strip_span(text, toks[c0].start, toks[c_end - 1].end if c_end > c1 else toks[c1 - 1].end,
                                       lex.connectives)
                    c1 = c_end
                    if toks[c0].mark == "open":
                        s = toks[c0].end  # a quotation mark opening the sentence is not content
                    _add_clause(made, rules, toks, c0, c1, s, e, cue_word, cue_s, cue_e, sp, "clause_then_cue",
                                text, inherit=inherit)
        if made:
            for a in made:
                a.inherit_from = inherit
            atts.extend(made)
            last_in_sentence[t.sentence] = len(atts) - 1 if inherit == -1 else inherit
        elif sp is not None and inherit == -1:
            # A speaker with a cue but no content here ('Putin said in a statement:' at paragraph end)
            atts.append(_Attribution("none", 0, 0, cue_word, cue_s, cue_e, sp, "speaker_only"))
            last_in_sentence[t.sentence] = len(atts) - 1
        k = cue_end_k
    return atts


def _has_complement(rules: _Rules, toks: list[_Tok], i: int, hi: int, lemma: str) -> bool:
    """Does reported speech follow the cue at i (a 'that' clause, a quote or a bare clause)?"""
    i = _skip_audience(rules, toks, i, hi, lemma)
    while i < hi and (toks[i].lower in rules.lex.adverbials and toks[i].lower not in _PREPOSITIONS
                      or toks[i].text in _DAYS):
        i += 1
    return any(t.lower == "that" or t.mark == "open" for t in toks[i:min(hi, i + 12)]) \
        or _is_clause_start(rules, toks, i, hi)


def _heading_anchors(article: Article, rules: _Rules, res: "_Resolver") -> list[dict[str, Any]]:
    """'Kremlin spokesman Dmitry Peskov told reporters:' on a line of its own is kept out of the
    sentences as a section head; it still introduces the quote in the next paragraph."""
    out: list[dict[str, Any]] = []
    text = article.text
    for h in article.structure.headings:
        if not h.text.rstrip().endswith(":"):
            continue
        toks = [_Tok(m.start(), m.end(), m.group(), m.group().lower(), -1)
                for m in _TOKEN_RE.finditer(text, h.start, h.end)]
        k = next((i for i in range(len(toks) - 1, -1, -1) if rules.is_cue(toks[i])), -1)
        found = rules.np_back(toks, k, 0) if k > 0 else None
        nxt = next((p for p in article.paragraphs if p.start >= h.end), None)
        if found is None or nxt is None:
            continue
        a, b = found[0]
        s, e = toks[a].start, toks[b - 1].end
        spk, side, label = _resolve_speaker(res, s, e, text[s:e])
        res.candidates.append(_Candidate(s, spk, side, label or "PERSON", (s, e), False, True))
        out.append({"start": h.start, "paragraph": nxt.i - 1, "speaker": spk, "speaker_text": text[s:e],
                    "side": side, "cue": toks[k].text})
    return out


def _same_sentence_as_close(par: _Paragraph, qi: int, k: int) -> bool:
    close = next((t for t in par.toks if t.mark == "close" and t.quote == qi), None)
    return close is not None and close.sentence == par.toks[k].sentence


def _kind_after_cue(toks: list[_Tok], open_at: int) -> str:
    """'X said: "There will be ..."' is a direct quote; 'X warned of "serious consequences"' (a
    short phrase that starts in lower case and ends without a full stop) is a partial one."""
    qi = toks[open_at].quote
    inner = []
    for t in toks[open_at + 1:]:
        if t.quote != qi or t.mark:
            break
        inner.append(t.text)
    first = next((w for w in inner if w[0].isalnum()), "")
    n_words = sum(1 for w in inner if w[0].isalnum())
    if first[:1].islower() and n_words <= 5 and inner[-1] not in (".", "!", "?", "…", ","):
        return "partial"
    return "direct"


def _reporter_words_before(par: _Paragraph, qi: int) -> bool:
    """Are there words outside quotation marks between the sentence start and quote qi?"""
    toks = par.toks
    k = next((i for i, t in enumerate(toks) if t.mark == "open" and t.quote == qi), None)
    if k is None:
        return False
    if k > 0 and toks[k - 1].text == ":":
        return False  # 'the WHO noted the need to act: "All countries can ..."' is a full quote
    sa, _ = par.sentence_range(k)
    return any(toks[i].quote == -1 and not toks[i].mark and toks[i].text[0].isalnum() for i in range(sa, k))


def _not_reporting(toks: list[_Tok], k: int, lo: int) -> bool:
    """'Peskov did not say whether ...', 'declined to say', 'I would say' are no reported speech."""
    before = [t.lower for t in toks[max(lo, k - 3):k]]
    if any(w in ("not", "never") or w.endswith("n't") for w in before[-2:]):
        return True
    if len(before) >= 2 and before[-1] == "to" and before[-2] in ("declined", "refused", "declines", "refuses",
                                                                  "decline", "refuse", "wanted", "want"):
        return True
    # 'I would say', "I'd say", 'we might add': a speaker hedging, not a report
    return len(before) >= 2 and before[-1] in ("would", "could", "might", "may", "can") \
        and _pronoun_base(before[-2]) in ("i", "we", "you") or (before[-1:] and before[-1] in ("i'd", "we'd"))


def _subject_np(rules: _Rules, toks: list[_Tok], sa: int, k: int) -> tuple[int, int] | None:
    """The noun phrase that opens a sentence ('Erdogan lashed out ...'), after an opening
    phrase ending in a comma ('In Ankara, Erdogan ...'); None when the sentence opens otherwise."""
    i = sa
    if i < k and (toks[i].lower in _PREPOSITIONS or toks[i].lower in rules.drop_initial):
        while i < k and toks[i].text != ",":
            i += 1
        i += 1
    if i < k and toks[i].lower in _PRONOUNS and toks[i].quote == -1:
        return i, i + 1
    j = i + 1 if i < k and toks[i].lower in _DETERMINERS else i
    last = -1
    while j < k and rules.is_np_word(toks[j]) and not rules.is_cue(toks[j]):
        last = j
        j += 1
    partitive = last != -1 and last + 1 < k and toks[last + 1].lower == "of"
    if last == -1 or (last == i and toks[i].lower in _STOP_NP) or partitive:
        # 'One of these groups, the Syrian Democratic Forces (SDF), opposed ... and said'
        c = next((m for m in range(i, k) if toks[m].text == ","), -1)
        if c != -1:
            j = c + 1 + (c + 1 < k and toks[c + 1].lower in _DETERMINERS)
            a = j
            while j < k and rules.is_np_word(toks[j]) and not rules.is_cue(toks[j]):
                j += 1
            if j > a and j < k and toks[j].text in ",(":
                return c + 1, j
        # 'A month later, during the debate, O'Rourke defended ...': the first comma-separated
        # segment that opens with a name followed by a lower-case verb
        for c in (m for m in range(sa, k) if toks[m].text == ","):
            j = c + 1 + (c + 1 < k and toks[c + 1].lower in _DETERMINERS)
            a = j
            while j < k and rules.is_np_word(toks[j]) and not rules.is_cue(toks[j]):
                j += 1
            if j > a and j < k and toks[j].text.islower() and toks[j].text.isalpha() \
                    and toks[j].lower not in _LINKS:
                return c + 1, j
        return None
    return i, last + 1


def _comma_before(toks: list[_Tok], i: int, lo: int) -> int:
    j = i - 1
    while j > lo and toks[j].text != ",":
        j -= 1
    return j


def _np_loose(rules: _Rules, toks: list[_Tok], k: int, hi: int) -> tuple[int, int] | None:
    """'according to a statement from the Turkish presidency': up to the next comma or the end."""
    j = k
    while j < hi and toks[j].text not in ",.;:!?" and not toks[j].mark and j - k < 10:
        j += 1
    return (k, j) if j > k else None


def _skip_audience(rules: _Rules, toks: list[_Tok], i: int, hi: int, lemma: str) -> int:
    """Skip 'reporters', 'AFP', 'a news conference' after told / said to / speaking to."""
    lex = rules.lex
    if lemma not in _OBJECT_VERBS:
        if i < hi and toks[i].lower == "to":
            j = _match_audience(lex, toks, i + 1, hi)
            if j > i + 1:
                return j
        return i
    j = _match_audience(lex, toks, i, hi)
    if j > i:
        return j
    # Any other short noun phrase: 'told the Hurriyet daily', 'told Turkish broadcaster NTV'.
    j = i
    if j < hi and toks[j].lower in _DETERMINERS:
        j += 1
    start = j
    while j < hi and j - start < 6 and toks[j].quote == -1 and not toks[j].mark and \
            (rules.is_np_word(toks[j]) or toks[j].lower in ("daily", "newspaper", "news", "agency", "channel",
                                                           "broadcaster", "radio", "television", "tv")):
        j += 1
    return j if j > start else i


def _match_audience(lex: CueLexicon, toks: list[_Tok], i: int, hi: int) -> int:
    for aud in lex.audiences:
        n = len(aud)
        if i + n <= hi and all(toks[i + m].lower == aud[m] for m in range(n)):
            return i + n
    return i


def _add_clause(out: list[_Attribution], rules: _Rules, toks: list[_Tok], c0: int, c1: int, s: int, e: int,
                cue: str, cue_s: int, cue_e: int, sp: tuple[int, int] | None, how: str, text: str,
                inherit: int = -1) -> None:
    """Reported speech toks[c0:c1]: quotes inside become partial (or direct if they open it)."""
    inner = sorted({toks[j].quote for j in range(c0, c1) if toks[j].mark == "open"})
    if inner:
        for qi in inner:
            at = next(j for j in range(c0, c1) if toks[j].mark == "open" and toks[j].quote == qi)
            # A quote that opens the clause, or follows a colon ('told Anadolu news agency: "..."')
            opens_clause = at == c0 or toks[at - 1].text == ":"
            out.append(_Attribution("direct" if opens_clause else "partial", 0, 0, cue, cue_s, cue_e, sp,
                                    how, quote=qi, inherit_from=inherit, priority=2 if opens_clause else 1))
        return
    words = sum(1 for j in range(c0, c1) if toks[j].text[0].isalnum())
    if words < 2 or e <= s:
        return
    out.append(_Attribution("indirect", s, e, cue, cue_s, cue_e, sp, how, inherit_from=inherit))


# ---------------------------------------------------------------------------------------------
# Speaker resolution
# ---------------------------------------------------------------------------------------------

_MENTION_FIELDS = ("text", "start", "end", "label", "actor", "side", "how", "sentence", "entity")


@layers.register("mentions_by_start", requires=("mentions",))
def mentions_by_start(article: Article) -> list[dict[str, Any]]:
    """The article's mention rows sorted by start (ties keep pandas' sort_values order)."""
    import numpy as np

    src = article.layer("mentions")
    starts = np.fromiter((r["start"] for r in src), dtype=np.int64, count=len(src))
    return [src[i] for i in starts.argsort(kind="quicksort").tolist()]


@dataclass
class _Candidate:
    pos: int
    speaker: str
    side: str
    label: str
    span: tuple[int, int]
    plural: bool
    is_speaker: bool
    female: bool | None = None  # worked out only when a 'she'/'he' needs it


@dataclass
class _Resolver:
    article: Article
    lex: CueLexicon
    mentions: list[dict[str, Any]]   # from _mentions: sorted by start, shared (never edited)
    candidates: list[_Candidate] = field(default_factory=list)
    full_names: dict[str, str] = field(default_factory=dict)
    _female_by_name: dict[str, bool] = field(default_factory=dict)
    _person_spans: dict[str, list[tuple[int, int]]] | None = None

    def __post_init__(self) -> None:
        self._rows = self.mentions
        self._starts = [int(r["start"]) for r in self._rows]
        # Full forms of names no dictionary knows, so 'Malashenko' reads 'Alexei Malashenko'.
        for r in self._rows:
            if not r.get("actor") and str(r.get("label") or "") == "PERSON":
                self.name_of(r)

    def overlapping(self, s: int, e: int) -> list[dict[str, Any]]:
        import bisect

        i = bisect.bisect_left(self._starts, s - 200)
        out = []
        for r in self._rows[i:]:
            rs, re_ = int(r["start"]), int(r["end"])
            if rs >= e:
                break
            if re_ > s and rs < e:
                out.append(r)
        return out

    def name_of(self, r: dict[str, Any]) -> str:
        actor = str(r.get("actor") or "") or str(r.get("entity") or "")
        if actor:
            return actor
        words = str(r["text"]).split()
        while len(words) > 1 and (words[0] in _TITLE_WORDS or words[0].lower() in _DETERMINERS
                                  or words[0].lower() in self.lex.speaker_words):
            words = words[1:]
        name = " ".join(words)
        name = re.sub(r"['’]s$", "", name)
        if len(words) >= 2:
            self.full_names.setdefault(words[-1], name)
            return name
        return self.full_names.get(name, name)

    def female(self, c: _Candidate) -> bool:
        """Gender evidence is pooled over every mention of the same person in the article."""
        if c.female is None:
            if c.speaker not in self._female_by_name:
                if self._person_spans is None:  # names of all person mentions, computed once
                    self._person_spans = {}
                    for r in self._rows:
                        if str(r.get("label") or "") == "PERSON":
                            self._person_spans.setdefault(self.name_of(r), []).append(
                                (int(r["start"]), int(r["end"])))
                spans = [x.span for x in self.candidates if x.speaker == c.speaker]
                spans += self._person_spans.get(c.speaker, [])
                self._female_by_name[c.speaker] = any(self.is_female(a, b) for a, b in spans)
            c.female = self._female_by_name[c.speaker]
        return c.female

    def is_female(self, s: int, e: int) -> bool:
        """Evidence that the person named at [s, e) is a woman: a marker from the cue file in or
        just before the name (Ms, spokeswoman, a first name), or 'her'/'she' following the name
        in the same sentence before anyone else is named ('Lam delivered her speech')."""
        text = self.article.text
        window = text[max(0, s - 40):e]
        if any(w.lower().rstrip(".") in self.lex.female_markers for w in re.findall(r"[\w.]+", window)
               if w.lower() not in ("she", "her")):
            return True
        sent = self.article.sentence_at(s)
        stop = min(e + 80, sent.end if sent else e + 80)
        nxt = next((int(r["start"]) for r in self._rows[bisect_right(self._starts, e):]
                    if str(r.get("label") or "") == "PERSON"), stop)
        return bool(_HER_RE.search(text, e, min(stop, nxt)))


def _mention_rank(r: dict[str, Any], text: str) -> tuple[int, int]:
    """Prefer people over roles over organisations and places; skip possessive modifiers."""
    e = int(r["end"])
    possessive = text[e:e + 2] in ("'s", "’s") or str(r["text"]).endswith(("'s", "’s"))
    label = str(r.get("label") or "")
    how = str(r.get("how") or "")
    score = {"PERSON": 4, "ORG": 3, "GROUP": 3, "COUNTRY": 2}.get(label, 1)
    if how in ("adjective", "demonym", "title"):
        score = 0
    if possessive:
        score -= 5
    return score, int(r["start"])


def _resolve_speaker(res: _Resolver, s: int, e: int, speaker_text: str) -> tuple[str, str, str]:
    """Map a speaker phrase to (speaker, side, label). The one place that knows about entities.

    Named phrases use the actor mentions inside them (people first, possessive modifiers such as
    "Erdogan's" in "Erdogan's spokesman" skipped); roles use the antecedent entities resolved;
    pronouns and unresolved roles go to the most recent compatible speaker or sentence subject.
    """
    lower = speaker_text.lower()
    if _pronoun_base(lower) and " " not in lower:
        return _resolve_pronoun(res, s, _pronoun_base(lower))
    text = res.article.text
    ms = res.overlapping(s, e)
    heads = ms
    last_word = speaker_text.split()[-1] if speaker_text.split() else ""
    if ms and last_word.islower() and last_word in res.lex.speaker_words | {"campaign", "team", "camp"}:
        # 'the Trump campaign', 'Putin spokesman': a name before a lower-case head is a modifier
        heads = [r for r in ms if int(r["end"]) >= e or str(r.get("how") or "") == "role"]
    if heads:
        best = max(heads, key=lambda r: _mention_rank(r, text))
        if _mention_rank(best, text)[0] > 0:
            # 'the two leaders' / 'the pair': entities gives one row per actor on the same span
            same = [r for r in heads if r["start"] == best["start"] and r["end"] == best["end"]]
            if " and " in speaker_text:
                # 'Putin and Erdogan said': every person (or state) named in the phrase speaks
                top = _mention_rank(best, text)[0]
                same = [r for r in heads if _mention_rank(r, text)[0] == top]
            same = sorted(same, key=lambda r: (int(r["start"]), res.name_of(r)))  # in reading order
            def clipped(r: dict[str, Any]) -> str:
                # A discovered name running past the speaker phrase ('Erick Rowan on Instagram')
                # is cut back to the words inside it.
                if r.get("actor") or (int(r["start"]) >= s and int(r["end"]) <= e):
                    return res.name_of(r)
                a, b = max(int(r["start"]), s), min(int(r["end"]), e)
                return res.name_of({"text": text[a:b], "actor": ""}) if b > a else res.name_of(r)

            names = list(dict.fromkeys(clipped(r) for r in same))
            sides = [x for x in dict.fromkeys(str(r.get("side") or "") for r in same) if x]
            label = str(best.get("label") or "")
            if label == "PERSON" and names[0].lower() in res.lex.speaker_words:
                label = "ORG"  # 'Police' discovered as a name is an institution, not a 'he'
            return "; ".join(names), "; ".join(sides), label
    words = speaker_text.split()
    if any(w[:1].isupper() and w.lower() not in _DETERMINERS and w not in _TITLE_WORDS for w in words[1:] or words[:1]):
        # A name no dictionary knows: keep its longest form.
        name = res.name_of({"text": speaker_text, "actor": ""})
        side = next((str(r.get("side") or "") for r in ms if r.get("side")), "")
        if name and name[0].isupper() and len(name.split()) <= 4 and not any(w.lower() in res.lex.speaker_words for w in name.split()):
            return name, side, "PERSON"
    # A role with no resolved antecedent ('the Russian leader' in fallback mode, 'officials').
    head0 = words[-1].lower() if words else ""
    if head0 in ("statement", "communique", "letter", "report") and lower.startswith(("a ", "an ")):
        # 'They released a statement which said ...': the issuer of the document speaks
        sent = res.article.sentence_at(s)
        if sent is not None:
            m = re.match(r"\s*(?:[A-Z][\w ,]*?,\s*)?(he|she|they|it)\b", text[sent.start:s], re.I)
            if m:
                return _resolve_pronoun(res, sent.start + m.start(1), m.group(1).lower())
            issuer = [r for r in res.overlapping(sent.start, s) if _mention_rank(r, text)[0] > 1]
            if issuer:
                r = issuer[0]
                return res.name_of(r), str(r.get("side") or ""), str(r.get("label") or "")
            m = re.match(r"(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,5}?(?P<head>[\w'’-]+)\s+(?:has\s+|had\s+|also\s+)?"
                         r"(?:issued|released|published|sent|put\s+out)\b", text[sent.start:s], re.I)
            if m and m.group("head").lower() in res.lex.speaker_words:
                e2 = sent.start + m.end("head")
                return _resolve_speaker(res, sent.start, e2, text[sent.start:e2])
    # The side of a role comes from its own adjective ('Russian'), not from a possessive owner
    # ("Cavusoglu's Russian counterpart").
    own = [r for r in ms if r.get("side") and _mention_rank(r, text)[0] >= -1
           and text[int(r["end"]):int(r["end"]) + 2] not in ("'s", "’s")]
    side = str(own[-1]["side"]) if own else next((str(r.get("side") or "") for r in ms if r.get("side")), "")
    head = words[-1].lower() if words else ""
    if lower.endswith("head of state"):
        head = "leader"
    possessive_owner = len(words) >= 2 and words[0].endswith(("'s", "’s"))
    if head in _DEFINITE_ROLE_HEADS and (lower.startswith(("the ", "his ", "her ")) or possessive_owner):
        cand = _latest(res, s, lambda c: c.label == "PERSON" and (not side or c.side == side))
        if cand:
            return cand.speaker, cand.side, "PERSON"
        if possessive_owner and own:
            return re.sub(r"^\S+['’]s\s+", "", speaker_text), side, "ROLE"
    if not side and lower.startswith("the ") and len(words) == 2 and head in _INSTITUTION_HEADS:
        # 'the ministry' after "Turkey's foreign ministry": the latest earlier phrase with that head
        found = _earlier_institution(res, s, head)
        if found:
            return found
    if lower.startswith("the ") and len(words) == 2 and head in _ORG_ANAPHOR_HEADS:
        # 'the company said' after 'Whataburger told ...': the organisation named last
        cand = _latest(res, s, lambda c: c.is_speaker and not c.plural and (
            c.label in ("ORG", "GROUP") or c.speaker.lower().endswith(" " + head)))
        if cand:
            return cand.speaker, cand.side, cand.label
    plain = re.sub(r"^(?:the|a|an|his|her|their|its)\s+", "", speaker_text, flags=re.I)
    return plain, side, "ROLE"


# 'the Russian minister', 'his Turkish counterpart': a definite role names one known person.
_DEFINITE_ROLE_HEADS = frozenset("leader president counterpart premier chancellor minister spokesman "
                                 "spokeswoman envoy ambassador diplomat chief strongman ruler".split())
_INSTITUTION_HEADS = frozenset("ministry government army military presidency embassy agency office "
                               "spokesman spokeswoman statement court parliament committee".split())


# Role phrases naming an institution, which "it" can refer back to ("the defence ministry said
# ..., it added"); a spokesman is a "he" or "she".
_NEUTER_HEADS = frozenset("ministry government army military presidency embassy agency office court "
                          "parliament committee council company group organisation organization "
                          "watchdog alliance coalition party bloc union".split())


# 'the company', 'the group', 'the agency' refer back to the organisation named last.
_ORG_ANAPHOR_HEADS = frozenset("company firm group agency organisation organization watchdog broadcaster "
                               "newspaper channel".split())


def _earlier_institution(res: _Resolver, pos: int, head: str) -> tuple[str, str, str] | None:
    text = res.article.text
    start = max(0, pos - 3000)
    last = None
    for m in re.finditer(rf"\b((?:[A-Z][\w'’-]*[ \t]+)+(?:[a-z]+[ \t]+){{0,2}}(?i:{head}))\b", text[start:pos]):
        last = m
    if last is None:
        return None
    s, e = start + last.start(1), start + last.end(1)
    sides = [str(r.get("side") or "") for r in res.overlapping(s, e) if r.get("side")]
    if not sides:
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", text[s:e], flags=re.I)
    return phrase, sides[0], "ORG"


def _latest(res: _Resolver, pos: int, ok) -> _Candidate | None:
    best = None
    for c in res.candidates:
        if c.pos < pos and ok(c) and (best is None or c.pos > best.pos or (c.pos == best.pos and c.is_speaker)):
            best = c
    return best


def _resolve_pronoun(res: _Resolver, pos: int, pronoun: str) -> tuple[str, str, str]:
    kind = _PRONOUNS[pronoun]
    if kind in ("m", "f"):
        want_female = kind == "f"
        cand = _latest(res, pos, lambda c: c.label == "PERSON" and not c.plural and res.female(c) == want_female)
        if cand is None:
            cand = _latest(res, pos, lambda c: c.label == "PERSON" and not c.plural)
    elif kind == "p":
        cand = _latest(res, pos, lambda c: c.plural or c.label in ("ORG", "GROUP", "COUNTRY", "ROLE"))
    elif kind == "n":
        cand = _latest(res, pos, lambda c: c.label in ("ORG", "GROUP", "COUNTRY") or (
            c.label == "ROLE" and c.speaker.rsplit(None, 1)[-1].lower() in _NEUTER_HEADS))
    else:
        cand = None
    if cand is None:
        return "", "", ""
    return cand.speaker, cand.side, cand.label


def _subject_candidates(res: _Resolver, quotes: list[_QuoteMarks]) -> None:
    """The first person named outside quotation marks in each sentence is its likely subject."""
    art = res.article
    spans = [(q.open_pos, q.close_pos) for q in quotes]
    opens = [a for a, _ in spans]
    # Quotes come in text order without overlaps, so only the last one opening at or before a
    # mention can hold it (checked; otherwise every quote is tried).
    ordered = all(spans[k][1] < spans[k + 1][0] for k in range(len(spans) - 1))
    seen: set[int] = set()
    for r in res._rows:
        sid = r.get("sentence")
        s = int(r["start"])
        if sid in seen:
            continue
        if ordered:
            k = bisect_right(opens, s) - 1
            if k >= 0 and s <= spans[k][1]:
                continue
        elif any(a <= s <= b for a, b in spans):
            continue
        label = str(r.get("label") or "")
        if label not in ("PERSON", "ORG", "GROUP") or str(r.get("how") or "") in ("adjective", "title"):
            continue
        if art.text[int(r["end"]):int(r["end"]) + 2] in ("'s", "’s"):
            continue
        # 'After meeting Erdogan, he said': a name after a preposition or verb is not the subject
        prev = _PREV_WORD_REVERSED_RE.match(art.text[max(0, s - 40):s][::-1])
        prev_word = prev.group(1)[::-1] if prev else ""
        if prev and prev_word.islower() and prev_word not in _DETERMINERS \
                and prev_word not in res.lex.speaker_words and prev_word != "and":
            continue
        name = res.name_of(r)
        if label == "PERSON" and name.lower() in res.lex.speaker_words:
            label = "ORG"  # 'Police' found as a name is an institution
        seen.add(sid)  # one subject per sentence: an organisation subject serves 'it'/'they' only
        res.candidates.append(_Candidate(s, name, str(r.get("side") or ""), label,
                                         (s, int(r["end"])), False, False))


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def _quote_json(r: dict[str, Any]) -> dict[str, Any]:
    return {"text": r["text"], "start": r["start"], "end": r["end"], "kind": r["kind"], "cue": r["cue"],
            "speaker_text": r["speaker_text"], "speaker": r["speaker"], "side": r["side"],
            "unclosed": bool(r["unclosed"])}


@layers.register("quotes", columns=QUOTE_COLUMNS, requires=("mentions_by_start",),
                 dtypes={**{c: "int" for c in _INT_COLUMNS}, "unclosed": "bool"},
                 resources=lambda p: [p.get("cues") or DEFAULT_CUES], defaults={"cues": None},
                 table="quotes", json_section="quotes", json_row=_quote_json)
def quote_layer(article: Article, cues: str | os.PathLike[str] | None) -> list[dict[str, Any]]:
    """One row per quote with its speaker (see :func:`extract_quotes`)."""
    return _quote_rows(article, load_cues(cues), article.layer("mentions_by_start"))


def extract_quotes(article: Article | Corpus | Iterable[Article],
                   cues: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Find the quotes of an article and who said them; one row per quote.

    Parameters
    ----------
    article : Article, or a Corpus (then the table of every article, with ``doc_id`` and
        ``date`` columns first)
    cues : path, optional
        A cue file of the same shape as ``newslab/resources/quote_cues.yml``.

    Returns
    -------
    DataFrame with columns ``text, start, end`` (the quoted or reported words;
    ``article.text[start:end] == text``), ``kind`` (direct / indirect / partial), ``cue``,
    ``cue_start, cue_end``, ``speaker_text, speaker_start, speaker_end`` (the words that name the
    speaker, -1 when a quote continues an earlier speaker's), ``speaker`` (canonical actor),
    ``side``, ``sentence``, ``paragraph``, ``unclosed`` (quotation mark never closed; capped at
    the paragraph end), ``how`` (which rule attributed it) and ``group`` (pieces of one
    multi-paragraph quote share it).

    >>> from newslab import Article
    >>> a = Article.from_text('T\\n\\nTurkey is ready to talk, Cavusoglu said on Monday.')
    >>> extract_quotes(a)[["text", "kind", "speaker_text"]].values.tolist()
    [['Turkey is ready to talk', 'indirect', 'Cavusoglu']]
    """
    return layers.frame(article, "quotes", cues=cues)


def _quote_rows(article: Article, lex: CueLexicon, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """extract_quotes' rows for one article (see the module docstring for the method)."""
    rules = _Rules(lex)
    quotes = find_quote_marks(article, lex)
    by_para: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        by_para.setdefault(q.paragraph, []).append(qi)
    atts: list[_Attribution] = []
    pars: dict[int, _Paragraph] = {}
    text = article.text
    # Cheap pre-check: only paragraphs with quotation marks or a cue word need tokens.
    cue_re = _cue_regex(lex)
    cue_words = _cue_words(lex)
    lowered = text.lower()  # same length and offsets as text for these scripts
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    sents_by_para: dict[int, list[Any]] = {}
    for sent in article.sentences:
        sents_by_para.setdefault(sent.paragraph, []).append(sent)
    for p in article.paragraphs:
        qidx = by_para.get(p.i, [])
        if not qidx:
            if cue_words is not None:
                has_cue = not cue_words.isdisjoint(_WORD_RE.findall(lowered, p.start, p.end))
            else:
                has_cue = cue_re.search(lowered, p.start, p.end) is not None
            if not has_cue:
                continue
        par = _Paragraph(article, p.i, quotes, qidx, sents_by_para.get(p.i, []))
        pars[p.i] = par
        local = _attribute_paragraph(article, rules, par, quotes)
        base = len(atts)
        for a in local:
            if a.inherit_from != -1:
                a.inherit_from += base
            if a.sp is not None:
                a.speaker_start = par.toks[a.sp[0]].start
                a.speaker_end = par.toks[a.sp[1] - 1].end
                a.speaker_text = text[a.speaker_start:a.speaker_end]
        atts.extend(local)

    # Choose one attribution per quote (highest priority, then nearest cue).
    best_for_quote: dict[int, int] = {}
    for ai, a in enumerate(atts):
        if a.quote == -1:
            continue
        cur = best_for_quote.get(a.quote)
        if cur is None or a.priority > atts[cur].priority:
            best_for_quote[a.quote] = ai

    res = _Resolver(article, lex, mentions)
    _subject_candidates(res, quotes)

    # Build rows in speaker order so pronouns see the speakers before them.
    items: list[tuple[int, str, Any]] = []
    for ai, a in enumerate(atts):
        if a.kind == "indirect" or a.kind == "none":
            items.append((a.speaker_start if a.speaker_start >= 0 else a.cue_start, "att", ai))
    for qi, ai in best_for_quote.items():
        a = atts[ai]
        items.append((a.speaker_start if a.speaker_start >= 0 else a.cue_start, "quote", (qi, ai)))
    items.sort(key=lambda x: x[0])

    resolved: dict[int, tuple[str, str, str, str, int, int]] = {}  # att index -> speaker info

    def speaker_of(ai: int) -> tuple[str, str, str, str, int, int]:
        if ai in resolved:
            return resolved[ai]
        a = atts[ai]
        if a.inherit_from != -1 and a.sp is None:
            info = speaker_of(a.inherit_from)
        elif a.sp is not None:
            spk, side, label = _resolve_speaker(res, a.speaker_start, a.speaker_end, a.speaker_text)
            info = (a.speaker_text, spk, side, label, a.speaker_start, a.speaker_end)
            if spk:
                res.candidates.append(_Candidate(a.speaker_start, spk, side, label or "PERSON",
                                                 (a.speaker_start, a.speaker_end),
                                                 " and " in a.speaker_text or a.speaker_text.lower() in ("they",) or
                                                 a.speaker_text.lower().endswith(("officials", "leaders", "sides", "pair", "ministers")),
                                                 True, {"she": True, "he": False}.get(a.speaker_text.lower())))
        else:
            info = ("", "", "", "", -1, -1)
        resolved[ai] = info
        return info

    rows: list[dict[str, Any]] = []
    quote_rows: dict[int, dict[str, Any]] = {}
    for _pos, typ, payload in items:
        if typ == "att":
            ai = payload
            a = atts[ai]
            info = speaker_of(ai)
            if a.kind == "none":
                continue
            rows.append(_row(article, a.start, a.end, "indirect", a, info, False, -1))
        else:
            qi, ai = payload
            a = atts[ai]
            q = quotes[qi]
            info = speaker_of(ai)
            row = _row(article, q.start, q.end, a.kind, a, info, q.unclosed, q.group)
            rows.append(row)
            quote_rows[qi] = row

    # Quotes without a cue: continuation of a multi-paragraph quote or of the previous speaker.
    # 'Speaker only' cues ('Putin told reporters:' closing a paragraph) can be continued too.
    anchors = rows + [{"start": a.cue_start, "paragraph": article.sentence_at(a.cue_start).paragraph,
                       "speaker": info[1], "speaker_text": info[0], "side": info[2], "cue": a.cue}
                      for ai, a in enumerate(atts) if a.kind == "none"
                      for info in [speaker_of(ai)] if article.sentence_at(a.cue_start) is not None]
    anchors += _heading_anchors(article, rules, res)
    for qi in sorted(range(len(quotes)), key=lambda i: quotes[i].start):
        q = quotes[qi]
        if qi in quote_rows:
            continue
        group_row = next((quote_rows[j] for j, other in enumerate(quotes)
                          if j in quote_rows and other.group == q.group and j != qi), None)
        para = article.paragraphs[q.paragraph]
        opens_paragraph = q.open_pos == para.start
        sent = article.sentence_at(q.start)
        opens_sentence = sent is not None and q.open_pos <= sent.start + 1
        words = len(text[q.start:q.end].split())
        before = [r for r in anchors if r["start"] < q.start]
        prev = max(before, key=lambda r: r["start"]) if before else None
        prev_para_end = text[:article.paragraphs[q.paragraph - 1].end].rstrip() if q.paragraph > 0 else ""
        ends_colon = prev_para_end.endswith(":") or text[:para.start].rstrip().endswith(":")
        if group_row is not None:
            src, how = group_row, "continuation"
        elif prev is not None and prev["speaker"] and opens_sentence and not any(
                prev["start"] < h.start < q.open_pos for h in article.structure.headings) and (
                prev["paragraph"] == q.paragraph
                or (opens_paragraph and prev["paragraph"] == q.paragraph - 1 and (words >= 3 or ends_colon))):
            src, how = prev, "continuation"
        elif opens_sentence and words >= 4:
            src, how = None, "unattributed"
        else:
            continue  # a scare quote or a title in quotation marks: not a quote of a speaker
        sid = sent.i if sent is not None else -1
        row = {"text": text[q.start:q.end], "start": q.start, "end": q.end, "kind": "direct",
               "cue": src["cue"] if src else "", "cue_start": -1, "cue_end": -1,
               "speaker_text": src["speaker_text"] if src else "", "speaker_start": -1, "speaker_end": -1,
               "speaker": src["speaker"] if src else "", "side": src["side"] if src else "",
               "sentence": sid, "paragraph": q.paragraph, "unclosed": q.unclosed, "how": how,
               "group": q.group}
        rows.append(row)
        anchors.append(row)
        quote_rows[qi] = row
    # Multi-paragraph quotes: pieces before the attributed piece take its speaker.
    for qi, row in quote_rows.items():
        if not row["speaker"]:
            g = quotes[qi].group
            donor = next((r for j, r in quote_rows.items() if quotes[j].group == g and r["speaker"]), None)
            if donor is not None:
                for k in ("speaker_text", "speaker", "side", "cue"):
                    row[k] = donor[k]
                row["how"] = "continuation"

    rows.sort(key=lambda r: (r["start"], r["kind"]))
    seen: set[tuple[int, int]] = set()
    unique = []
    spans = [(r["start"], r["end"]) for r in rows if r["kind"] == "indirect"]
    for r in rows:
        if (r["start"], r["end"]) in seen:
            continue
        # "I've told them I won't play, she said": a first-person cue inside someone's reported
        # words is part of those words
        if _pronoun_base(str(r["speaker_text"]).lower()) in ("i", "we") and \
                any(a <= r["cue_start"] < b for a, b in spans):
            continue
        seen.add((r["start"], r["end"]))
        unique.append(r)
    return unique


_CUE_RE_CACHE: dict[int, re.Pattern[str]] = {}


_WORD_RE = re.compile(r"\w+")
_CUE_WORDS_CACHE: dict[int, tuple[CueLexicon, frozenset[str] | None]] = {}


def _cue_words(lex: CueLexicon) -> frozenset[str] | None:
    """The words _cue_regex looks for, when all are plain word characters (None otherwise).

    Then ``\\b(?:w1|w2|...)\\b`` finds a match exactly when one of the words is a whole ``\\w+`` run
    of the text, and a set lookup over the paragraph's words is several times faster than the
    alternation."""
    hit = _CUE_WORDS_CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        words = set(lex.forms) | {w[0] for w in lex.multiword} | {"according"}
        hit = (lex, frozenset(words) if all(_WORD_RE.fullmatch(w) for w in words) else None)
        _CUE_WORDS_CACHE.clear()
        _CUE_WORDS_CACHE[id(lex)] = hit
    return hit[1]


def _cue_regex(lex: CueLexicon) -> re.Pattern[str]:
    pat = _CUE_RE_CACHE.get(id(lex))
    if pat is None:
        words = sorted(set(lex.forms) | {w[0] for w in lex.multiword} | {"according"}, key=len, reverse=True)
        pat = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
        _CUE_RE_CACHE.clear()
        _CUE_RE_CACHE[id(lex)] = pat
    return pat


def _row(article: Article, s: int, e: int, kind: str, a: _Attribution, info: tuple[str, str, str, str, int, int],
         unclosed: bool, group: int) -> dict[str, Any]:
    speaker_text, speaker, side, _label, sps, spe = info
    sent = article.sentence_at(s)
    return {"text": article.text[s:e], "start": s, "end": e, "kind": kind, "cue": a.cue,
            "cue_start": a.cue_start, "cue_end": a.cue_end, "speaker_text": speaker_text,
            "speaker_start": sps, "speaker_end": spe, "speaker": speaker, "side": side,
            "sentence": sent.i if sent else -1, "paragraph": sent.paragraph if sent else -1,
            "unclosed": unclosed, "how": a.how, "group": group}


def voice_share(article_or_corpus: Article | Corpus | Iterable[Article], by: str = "speaker",
                cues: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Who gets a voice: quotes and quoted words per speaker (or per side).

    Parameters
    ----------
    by : "speaker" or "side"
        One row per speaker (with its side) or per side.

    Returns
    -------
    DataFrame with ``n_quotes`` (a multi-paragraph quote counts once), ``n_direct``,
    ``n_indirect``, ``n_partial``, ``quoted_words``, ``share_words`` (share of all quoted words
    in the article or corpus) and ``words_direct/indirect/partial``, sorted by quoted words. Quotes with no resolved speaker are
    counted under ``"(unattributed)"``.

    >>> from newslab import Article
    >>> a = Article.from_text('T\\n\\n"We won," Putin said. "We lost," said Erdogan.')
    >>> voice_share(a)[["speaker", "n_quotes", "quoted_words"]].values.tolist()
    [['Recep Tayyip Erdogan', 1, 2], ['Vladimir Putin', 1, 2]]
    """
    if by not in ("speaker", "side"):
        from .errors import ParameterError

        raise ParameterError(f"voice_share(by={by!r}) is unknown — use by='speaker' or by='side'.")
    frames = []
    for art in as_articles(article_or_corpus):
        q = extract_quotes(art, cues=cues)
        if len(q):
            q = q.assign(doc_id=art.id)
            frames.append(q)
    cols_key = ["speaker", "side"] if by == "speaker" else ["side"]
    out_cols = cols_key + ["n_quotes", "n_direct", "n_indirect", "n_partial", "quoted_words", "share_words",
                           "words_direct", "words_indirect", "words_partial"]
    if not frames:
        return pd.DataFrame(columns=out_cols)
    q = pd.concat(frames, ignore_index=True)
    q["speaker"] = q["speaker"].replace("", "(unattributed)")
    q["side"] = q["side"].fillna("")
    q["words"] = q["text"].str.count(r"\b\w[\w'’-]*")
    # A quote continued over paragraphs counts once in n_quotes (same doc, same group >= 0).
    q["quote_key"] = q["doc_id"].astype(str) + ":" + q["group"].astype(str)
    q.loc[q["group"] < 0, "quote_key"] = q["doc_id"].astype(str) + ":s" + q["start"].astype(str)
    g = q.groupby(cols_key, dropna=False)
    out = pd.DataFrame({
        "n_quotes": g["quote_key"].nunique(),
        "n_direct": g["kind"].apply(lambda k: int((k == "direct").sum())),
        "n_indirect": g["kind"].apply(lambda k: int((k == "indirect").sum())),
        "n_partial": g["kind"].apply(lambda k: int((k == "partial").sum())),
        "quoted_words": g["words"].sum(),
        "words_direct": g.apply(lambda d: int(d.loc[d["kind"] == "direct", "words"].sum()), include_groups=False),
        "words_indirect": g.apply(lambda d: int(d.loc[d["kind"] == "indirect", "words"].sum()), include_groups=False),
        "words_partial": g.apply(lambda d: int(d.loc[d["kind"] == "partial", "words"].sum()), include_groups=False),
    }).reset_index()
    total = out["quoted_words"].sum()
    out["share_words"] = out["quoted_words"] / total if total else 0.0
    out = out.sort_values(["quoted_words"] + cols_key, ascending=[False] + [True] * len(cols_key),
                          ignore_index=True)
    return out[out_cols]
