"""TextBlob's default ``PatternAnalyzer`` (Pattern's adjective lexicon, De Smedt & Daelemans 2012),
re-implemented exactly: ``polarity`` in [-1, 1] and ``subjectivity`` in [0, 1].

One engine for scoring and for explaining: :func:`assess` builds Pattern's assessments (a
lexicon word with the intensifier before it, a negation, a following "!") and with a ``trace``
list it also records which words made each one and which rule changed it.

Why re-implement? TextBlob spends most of its time in a general tokenizer (sentence splitting,
emoticon regexes) and a lazily-loaded dict wrapper; a direct lexicon lookup is several times faster
and lets us trace modifiers and negation. Each whitespace token is split into TextBlob's words once
per process (a cache). Texts with the rare constructs we do not mirror (blank-line breaks,
emoticons, the sarcasm mark "(!)") are handed to TextBlob itself, so values stay equal.

>>> ws = words("The talks were not very good!")
>>> ws
['the', 'talks', 'were', 'not', 'very', 'good', '!']
>>> trace = []
>>> polarity(assess(ws, table(), trace), trace)
(-0.33653846153846145, 0.46153846153846156)
>>> [(e["word"], e["words"], [r for r, _ in e["rules"]]) for e in trace]  # doctest: +NORMALIZE_WHITESPACE
[('good', ['not', 'very', 'good', '!'],
  ["intensifier 'very' x0.769 (inverted by negation)", 'exclamation x1.25', "negation 'not' x-0.5"])]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress, count
from typing import Any

from ..lazy import submodule

# Not ``from textblob import ...``: textblob/__init__ imports NLTK (~0.3 s), which Pattern's
# lexicon and rules (textblob._text, textblob.en) do not use.
_tb_text = submodule("textblob._text")
_tb_en = submodule("textblob.en")

__all__ = ["table", "emoticons", "negations", "words", "assess", "polarity", "sentiment", "fallback"]

_PUNCT = _tb_text.PUNCTUATION
_PUNCT_SET = frozenset(_PUNCT)
_LEAD = tuple(_PUNCT.replace(".", ""))
_TRAIL = _LEAD + (".",)
_ONE_TRAIL = frozenset(_LEAD)  # trailing marks other than "." (no abbreviation check needed)
_REPLACE = _tb_text.replacements
_ABBR = _tb_text.ABBREVIATIONS
_ABBR_RES = (_tb_text.RE_ABBR1, _tb_text.RE_ABBR2, _tb_text.RE_ABBR3)
_QUOTES = ("“", "”", "‘", "’", "'", '"')
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[float, float, float, bool]], dict[str, float], frozenset[str]]:
    lex = _tb_en.sentiment
    len(lex)  # the lazydict loads the XML on first use
    lexicon = {w: (d[None][0], d[None][1], d[None][2], "RB" in d) for w, d in dict.items(lex)}
    faces: dict[str, float] = {}
    for (_type, p), group in _tb_text.EMOTICONS.items():
        for face in group:
            faces.setdefault(face.lower(), p)
    return lexicon, faces, frozenset(lex.negations)


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[float, float, float, bool]]:
    """Pattern's lexicon: word -> (polarity, subjectivity, intensity, is an adverb).

    >>> table()["good"][0]
    0.7
    """
    return _tables()[0]


def emoticons() -> dict[str, float]:
    """Emoticon (lower case) -> polarity."""
    return _tables()[1]


def negations() -> frozenset[str]:
    """The words Pattern treats as negation ("no", "not", "n't", "never")."""
    return _tables()[2]


# -- words ------------------------------------------------------------------------------------------
def _split_token(t: str, out: list[str]) -> None:
    """``find_tokens``' punctuation splitting for one whitespace token (copied logic)."""
    tail = []
    while t.startswith(_LEAD) and t not in _REPLACE:
        out.append(t[0])
        t = t[1:]
    while t.endswith(_TRAIL) and t not in _REPLACE:
        if t.endswith(_LEAD):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if t in _ABBR or any(r.match(t) is not None for r in _ABBR_RES):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        out.append(t)
    out.extend(reversed(tail))


def _pieces(tok: str) -> str:
    """TextBlob's tokens for one whitespace token, space-joined: its contraction replacements,
    quotation marks set apart, punctuation split off. None of their patterns holds whitespace,
    so working per token is exact (and every character lands in a piece: never empty)."""
    if "'" in tok:
        for a, b in _REPLACE.items():
            tok = tok.replace(a, b)
    for q in _QUOTES:
        if q in tok:
            tok = tok.replace(q, f" {q} ")
    out: list[str] = []
    for t in tok.split():
        last = t[-1]
        if t[0] not in _PUNCT_SET and last not in _PUNCT_SET:
            out.append(t)
        elif last in _ONE_TRAIL and len(t) > 1 and t[0] not in _PUNCT_SET and t[-2] not in _PUNCT_SET \
                and t not in _REPLACE:
            out.append(t[:-1])  # "word," -> "word" "," (what _split_token does for one trailing mark)
            out.append(last)
        else:
            _split_token(t, out)
    return " ".join(out)


_JOINED: dict[str, str] = {}  # whitespace token -> _pieces(token)
_CACHE_MAX = 200_000


def _learn(tokens: list[str]) -> None:
    if len(_JOINED) > _CACHE_MAX:
        _JOINED.clear()
    for tok in tokens:
        if tok not in _JOINED:
            _JOINED[tok] = tok if tok.isalnum() else _pieces(tok)


def words(text: str, tokens: list[str] | None = None) -> list[str] | None:
    """The lower-cased words PatternAnalyzer assesses, or None when TextBlob itself must run
    (a blank-line break, an emoticon or the sarcasm mark "(!)"). ``tokens``: ``text.split()``
    when the caller has it already."""
    if "\n" in text and _PARAGRAPH_BREAK.search(text.replace("\r\n", "\n")):
        return None  # paragraph break -> TextBlob's sentence markers; rare inside a sentence
    toks = text.split() if tokens is None else tokens
    try:
        joined = " ".join(map(_JOINED.__getitem__, toks))
    except KeyError:
        _learn(toks)
        joined = " ".join(map(_JOINED.__getitem__, toks))
    if _tb_text.RE_EMOTICONS.search(joined) or "!" in joined and _tb_text.RE_SARCASM.search(joined):
        return None
    return joined.lower().split()


# -- assessments ----------------------------------------------------------------------------------
_MARKS: dict[int, tuple[dict, frozenset[str]]] = {}


def _marks(lexicon: dict[str, tuple]) -> frozenset[str]:
    """The words that matter outside a modifier or a negation: the lexicon's, negations, "!",
    emoticons and "(!)" (per lexicon, which the cache keeps alive so that its id stays its own)."""
    hit = _MARKS.get(id(lexicon))
    if hit is None or hit[0] is not lexicon:
        if len(_MARKS) > 16:
            _MARKS.clear()
        hit = _MARKS[id(lexicon)] = (lexicon, frozenset(lexicon) | negations() | {"!", "(!)"} | set(emoticons()))
    return hit[1]


def _exclaim(a: list[list[Any]], trace: list[dict[str, Any]] | None) -> None:
    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
    if trace is not None:
        trace[-1]["words"].append("!")
        trace[-1]["rules"].append(("exclamation x1.25", a[-1][0]))


def _add(a: list[list[Any]], trace: list[dict[str, Any]] | None, k: int, w: str, p: float, s: float,
         i: float, rules: list[tuple[str, float]]) -> None:
    a.append([p, s, i, 1])
    if trace is not None:
        trace.append({"k": k, "word": w, "words": [w], "lexicon": p, "rules": rules})


def assess(ws: list[str], lexicon: dict[str, tuple], trace: list[dict[str, Any]] | None = None) -> list[list[Any]]:
    """PatternAnalyzer's ``assessments`` (pos=None), each as ``[polarity, subjectivity,
    intensity, negated]`` with negated -1 or 1.

    With ``trace`` (a list), one dict per assessment is appended: ``k`` (index of its head word),
    ``word`` (the head), ``words`` (all its words), ``lexicon`` (the head's value in ``lexicon``)
    and ``rules`` (``(rule, polarity after it)`` pairs; :func:`polarity` adds the last ones).
    """
    _, faces, nots = _tables()
    a: list[list[Any]] = []
    # Outside a modifier or a negation only the marks (lexicon words, negations, "!", emoticons,
    # "(!)") change anything: the loop jumps from one mark to the next, past words that are no-ops.
    marks_set = _marks(lexicon)
    marks = list(compress(count(), map(marks_set.__contains__, ws)))  # a C-level scan
    if not marks:
        return a
    m = None  # preceding modifier word
    n = None  # preceding negation
    k = -1
    while k + 1 < len(ws):
        k += 1
        if m is None and n is None:
            j = bisect_left(marks, k)
            if j == len(marks):
                break
            k = marks[j]
        w = ws[k]
        entry = lexicon.get(w)
        if entry is not None:
            p, s, i, is_adverb = entry
            if m is None:
                a.append([p, s, i, 1])
                if trace is not None:
                    trace.append({"k": k, "word": w, "words": [w], "lexicon": p, "rules": []})
            else:
                last = a[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                if trace is not None:
                    how = " (inverted by negation)" if last[3] < 0 else ""
                    trace[-1].update(k=k, word=w, lexicon=p,
                                     rules=[(f"intensifier '{m}' x{last[2]:.3g}{how}", last[0])])
                    trace[-1]["words"].append(w)
                last[2] = i
            if n is not None:
                a[-1][2] = 1.0 / a[-1][2]
                a[-1][3] = -1
                if trace is not None:
                    trace[-1]["words"].insert(0, n)
            m = w if is_adverb else None
            n = w if w in nots else None
        else:
            if w in nots:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and m.endswith("ly"):
                a[-1][3] = -1
                if trace is not None:
                    trace[-1]["words"].append(n)
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and a:
                _exclaim(a, trace)
            if w == "(!)":
                _add(a, trace, k, w, 0.0, 1.0, 1.0, [("sarcasm mark", 0.0)])
            if w.isalpha() is False and len(w) <= 5 and w not in _PUNCT:
                p = faces.get(w)
                if p is not None:
                    _add(a, trace, k, w, p, 1.0, 1.0, [("emoticon", p)])
    return a


def polarity(a: list[list[Any]], trace: list[dict[str, Any]] | None = None) -> tuple[float, float]:
    """``(polarity, subjectivity)``: the means over the assessments, a negated one counting
    ``polarity x -0.5`` ("not good" = slightly bad), as ``Sentiment.__call__`` does.

    With the ``trace`` of :func:`assess`, each entry gets its ``valence`` (its part of the mean's
    sum) and the negation rule.
    """
    ps, ss = 0, 0
    notes = None if trace is None else iter(trace)
    for entry in a:
        value = entry[0] * -0.5 if entry[3] < 0 else entry[0]
        ps += value
        ss += entry[1]
        if notes is not None:
            _note_polarity(next(notes), entry, value)
    n = float(len(a) or 1)
    return ps / n, ss / n


def _note_polarity(t: dict[str, Any], entry: list[Any], value: float) -> None:
    t["valence"] = value
    if entry[3] < 0:
        neg_word = next((w for w in t["words"] if w in negations()), "not")
        t["rules"].append((f"negation '{neg_word}' x-0.5", value))
    if value == 0:
        t["rules"].append(("neutral word: counts 0 in TextBlob's average", value))


def fallback(text: str) -> tuple[float, float]:
    """TextBlob itself, for the texts :func:`words` does not mirror."""
    res = _tb_en.sentiment(str(text))
    return res[0], res[1]


def sentiment(text: str) -> tuple[float, float]:
    """TextBlob's ``(polarity, subjectivity)`` (PatternAnalyzer; same numbers, faster).

    >>> sentiment("The talks were not very good!")
    (-0.33653846153846145, 0.46153846153846156)
    """
    ws = words(text)
    return fallback(text) if ws is None else polarity(assess(ws, table()))
