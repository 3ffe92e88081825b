"""VADER (Hutto & Gilbert 2014): an exact re-implementation of vaderSentiment 3.3.2 ``polarity_scores``.

One engine for scoring and for explaining: :func:`valences` runs VADER's rules on the lexicon
words of a sentence, and with a ``trace`` list it also records, for each word that counted, each
rule that changed it (the rows of :func:`newslab.sentiment.explain_sentiment`).

Why re-implement instead of calling ``polarity_scores``? (1) explanations need to know which rule
changed which word, which the wheel does not expose; (2) news mode needs a different lexicon per
call; (3) the wheel re-lowercases the whole sentence for every lexicon word, which makes it several
times slower than needed. The wheel's constants, lexicon and emoji table are used as they are, so
a new vaderSentiment release changes our numbers the same way.

Speed (this runs once per sentence of a corpus): each whitespace token is turned into VADER's
word once per process (a cache), and the rules run only on the lexicon words of a sentence.

>>> t = tokenize("The talks were NOT good, but the deal is fine!")
>>> t.lowers[3:5], t.emphasis
(['not', 'good'], 0.292)
>>> trace = []
>>> [round(v, 3) for v in valences(t, lexicon(), trace) if v]
[-0.703, 1.2]
>>> [(words(t)[e["k"]], [r for r, _ in e["rules"]]) for e in trace]
[('good', ["negation ('not')", "before 'but' x0.5"]), ('fine', ["after 'but' x1.5"])]
>>> polarity_scores("The talks were not good.")
{'neg': 0.376, 'neu': 0.624, 'pos': 0.0, 'compound': -0.3412}
"""
from __future__ import annotations

import math
import string
from functools import lru_cache
from itertools import compress, count
from typing import Any, NamedTuple

from vaderSentiment import vaderSentiment as _vs

__all__ = ["NEGATE", "Tokens", "analyzer", "lexicon", "tokenize", "words", "describe_emoji", "negated",
           "valences", "compound", "scores", "polarity_scores", "normalize"]

_B_DICT = _vs.BOOSTER_DICT
NEGATE = frozenset(_vs.NEGATE)  # VADER's negation words
_N_SCALAR = _vs.N_SCALAR
_C_INCR = _vs.C_INCR
_SPECIAL = _vs.SPECIAL_CASES
_PUNCT = string.punctuation
# Idioms and multi-word boosters VADER checks around each lexicon word: a phrase can match only
# when a word that starts one and a word that ends one both occur near the word.
_IDIOM_FIRST = frozenset(k.split()[0] for k in list(_SPECIAL) + list(_B_DICT) if " " in k)
_IDIOM_LAST = frozenset(k.split()[-1] for k in list(_SPECIAL) + list(_B_DICT) if " " in k)

normalize = _vs.normalize  # sum / sqrt(sum² + 15), VADER's compound before rounding


@lru_cache(maxsize=1)
def analyzer() -> "_vs.SentimentIntensityAnalyzer":
    """The wheel's analyzer, built once per process (it parses a 7,500-line lexicon)."""
    return _vs.SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """The published VADER lexicon (word -> mean rating, −4…+4).

    >>> lexicon()["good"]
    1.9
    """
    return analyzer().lexicon


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    # polarity_scores replaces single emoji characters by their description (none is ASCII).
    return frozenset(k for k in analyzer().emojis if len(k) == 1)


def describe_emoji(text: str) -> tuple[str, list[int]]:
    """``polarity_scores``' emoji step: each emoji replaced by its description, and for each
    character of the result the offset of the character of ``text`` it comes from.

    >>> text, origin = describe_emoji("ok 💘!")
    >>> text, origin[3], origin[-1]
    ('ok heart with arrow!', 3, 4)
    """
    emojis = analyzer().emojis
    pieces: list[str] = []
    origin: list[int] = []
    prev_space = True
    for k, ch in enumerate(text):
        if ch in emojis:
            piece = ("" if prev_space else " ") + emojis[ch]
            prev_space = False
        else:
            piece = ch
            prev_space = ch == " "
        pieces.append(piece)
        origin.extend([k] * len(piece))
    return "".join(pieces), origin


class Tokens(NamedTuple):
    """A sentence as VADER reads it."""

    text: str             # the analysed text: emoji described, stripped
    tokens: list[str]     # its whitespace tokens
    lowers: list[str]     # VADER's word for each token (edge punctuation stripped), lower case
    emphasis: float       # VADER's punctuation emphasis for "!" and "?"


_new_tokens = tuple.__new__  # Tokens(...) without the Python-level __new__ (once per sentence)
_WORD: dict[str, str] = {}    # whitespace token -> VADER's word
_LOWER: dict[str, str] = {}   # whitespace token -> VADER's word in lower case
_CACHE_MAX = 200_000


def _learn(tokens: list[str]) -> None:
    if len(_LOWER) > _CACHE_MAX:
        _WORD.clear()
        _LOWER.clear()
    for tok in tokens:
        if tok not in _LOWER:
            # VADER strips surrounding punctuation unless 2 characters or fewer would remain.
            stripped = tok if tok.isalnum() else tok.strip(_PUNCT)
            word = tok if len(stripped) <= 2 else stripped
            _WORD[tok] = word
            _LOWER[tok] = word.lower()


def tokenize(text: str, tokens: list[str] | None = None) -> Tokens:
    """The text VADER analyses, its tokens, their lower-cased words and the punctuation emphasis.

    ``tokens``: ``text.split()`` when the caller has it already (it is VADER's split too, unless
    the text holds an emoji).
    """
    if not text.isascii() and not _emoji_chars().isdisjoint(text):
        text, tokens = describe_emoji(text)[0], None
    text = text.strip()
    toks = text.split() if tokens is None else tokens
    try:
        lowers = list(map(_LOWER.__getitem__, toks))
    except KeyError:
        _learn(toks)
        lowers = list(map(_LOWER.__getitem__, toks))
    emphasis = 0.0  # score_valence's punctuation emphasis
    if "!" in text or "?" in text:
        qm_count = text.count("?")
        qm = (qm_count * 0.18 if qm_count <= 3 else 0.96) if qm_count > 1 else 0.0
        emphasis = min(text.count("!"), 4) * 0.292 + qm
    return _new_tokens(Tokens, (text, toks, lowers, emphasis))


def words(t: Tokens) -> list[str]:
    """VADER's words of ``t`` in their original case (``words_and_emoticons``)."""
    _learn(t.tokens)
    return [_WORD[tok] for tok in t.tokens]


def negated(word_lower: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-case word."""
    return word_lower in NEGATE or "n't" in word_lower


def _negation_check(valence: float, lw: list[str], start_i: int, i: int) -> tuple[float, str]:
    """Mirror of ``SentimentIntensityAnalyzer._negation_check``; also names the rule that fired."""
    if start_i == 0:
        if negated(lw[i - 1]):
            return valence * _N_SCALAR, f"negation ('{lw[i - 1]}')"
    elif start_i == 1:
        if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
            return valence * 1.25, "never so/this"
        elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
            return valence, ""
        elif negated(lw[i - 2]):
            return valence * _N_SCALAR, f"negation ('{lw[i - 2]}')"
    else:
        # (sic) VADER's precedence: the second test fires for any "so"/"this" right before the word.
        if (lw[i - 3] == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this")) or \
                (lw[i - 1] == "so" or lw[i - 1] == "this"):
            return valence * 1.25, "never so/this"
        elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
            return valence, ""
        elif negated(lw[i - 3]):
            return valence * _N_SCALAR, f"negation ('{lw[i - 3]}')"
    return valence, ""


def _idioms_check(valence: float, lw: list[str], i: int) -> tuple[float, str]:
    """Mirror of ``SentimentIntensityAnalyzer._special_idioms_check`` (called with i >= 3)."""
    rule = ""
    onezero = f"{lw[i - 1]} {lw[i]}"
    twoonezero = f"{lw[i - 2]} {lw[i - 1]} {lw[i]}"
    twoone = f"{lw[i - 2]} {lw[i - 1]}"
    threetwoone = f"{lw[i - 3]} {lw[i - 2]} {lw[i - 1]}"
    threetwo = f"{lw[i - 3]} {lw[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in _SPECIAL:
            valence, rule = _SPECIAL[seq], f"idiom '{seq}'"
            break
    if len(lw) - 1 > i:
        zeroone = f"{lw[i]} {lw[i + 1]}"
        if zeroone in _SPECIAL:
            valence, rule = _SPECIAL[zeroone], f"idiom '{zeroone}'"
    if len(lw) - 1 > i + 1:
        zeroonetwo = f"{lw[i]} {lw[i + 1]} {lw[i + 2]}"
        if zeroonetwo in _SPECIAL:
            valence, rule = _SPECIAL[zeroonetwo], f"idiom '{zeroonetwo}'"
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _B_DICT:
            valence = valence + _B_DICT[n_gram]
            rule = (rule + "; " if rule else "") + f"booster '{n_gram}'"
    return valence, rule


def _least_check(valence: float, lw: list[str], lex: dict[str, float], i: int) -> tuple[float, str]:
    if i > 1 and lw[i - 1] not in lex and lw[i - 1] == "least":
        if lw[i - 2] != "at" and lw[i - 2] != "very":
            return valence * _N_SCALAR, "negation ('least')"
    elif i > 0 and lw[i - 1] not in lex and lw[i - 1] == "least":
        return valence * _N_SCALAR, "negation ('least')"
    return valence, ""


def _valence(i: int, toks: list[str], lw: list[str], lex: dict[str, float], is_cap_diff: bool,
             rules: list[tuple[str, float]] | None) -> float:
    """``sentiment_valence`` for the lexicon word ``i``; with ``rules``, each change is appended
    as ``(rule, valence after it)``."""
    n = len(lw)
    base = valence = lex[lw[i]]
    if lw[i] == "no" and i != n - 1 and lw[i + 1] in lex:
        valence = 0.0
        if rules is not None:
            rules.append(("'no' negates the next word instead of counting", valence))
    if (i > 0 and lw[i - 1] == "no") or (i > 1 and lw[i - 2] == "no") or \
            (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor")):
        valence = base * _N_SCALAR
        if rules is not None:
            rules.append(("negation ('no')", valence))
    # A word's case is that of its token: edge punctuation has no case.
    if is_cap_diff and toks[i].isupper():
        valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
        if rules is not None:
            rules.append(("ALL CAPS", valence))
    for start_i in range(3):
        j = i - (start_i + 1)
        if j < 0 or lw[j] in lex:
            continue
        s = 0.0
        if lw[j] in _B_DICT:  # scalar_inc_dec, damped with the distance from the word
            s = _B_DICT[lw[j]] if valence >= 0 else -_B_DICT[lw[j]]
            if is_cap_diff and toks[j].isupper():
                s = s + _C_INCR if valence > 0 else s - _C_INCR
            if s != 0 and start_i:
                s = s * 0.95 if start_i == 1 else s * 0.9
        valence = valence + s  # always added, as VADER does (it turns -0.0 into 0.0)
        if rules is not None and s != 0:
            rules.append((f"{'booster' if _B_DICT[lw[j]] > 0 else 'dampener'} '{lw[j]}'", valence))
        # _negation_check can only fire after a negation word ("never", "without" are ones) or,
        # three words back, before "so"/"this": test that first (most words are neither).
        if lw[j] in NEGATE or "n't" in lw[j] or (start_i == 2 and lw[i - 1] in ("so", "this")):
            valence, rule = _negation_check(valence, lw, start_i, i)
            if rules is not None and rule:
                rules.append((rule, valence))
        if start_i == 2 and not _IDIOM_FIRST.isdisjoint(lw[i - 3:i + 1]) \
                and not _IDIOM_LAST.isdisjoint(lw[i - 2:i + 3]):
            valence, rule = _idioms_check(valence, lw, i)
            if rules is not None and rule:
                rules.append((rule, valence))
    if i > 0 and lw[i - 1] == "least":  # (_least_check fires only then)
        valence, rule = _least_check(valence, lw, lex, i)
        if rules is not None and rule:
            rules.append((rule, valence))
    return valence


def valences(t: Tokens, lex: dict[str, float], trace: list[dict[str, Any]] | None = None) -> list[float]:
    """Each word's valence after every VADER rule (the ``sentiments`` list of ``polarity_scores``).

    With ``trace`` (a list), one dict per lexicon word that VADER scores is appended: ``k`` (word
    index), ``lexicon`` (its value in ``lex``), ``rules`` (``(rule, valence after it)`` pairs,
    the "but" rule included) and ``valence`` (its final value).
    """
    lw = t.lowers
    n = len(lw)
    out: list[float] = [0] * n
    hits = list(compress(count(), map(lex.__contains__, lw)))  # the lexicon words (a C-level scan)
    if not hits:
        return out
    toks = t.tokens
    n_caps = sum(map(str.isupper, toks))
    is_cap_diff = 0 < n - n_caps < n  # some but not all words in ALL CAPS
    for i in hits:
        low = lw[i]
        if low in _B_DICT or (low == "kind" and i < n - 1 and lw[i + 1] == "of"):
            continue
        rules: list[tuple[str, float]] | None = None if trace is None else []
        out[i] = _valence(i, toks, lw, lex, is_cap_diff, rules)
        if trace is not None:
            trace.append({"k": i, "lexicon": lex[low], "rules": rules, "valence": out[i]})
    if "but" in lw:
        out = _but_check(out, lw, trace)
    return out


def _but_check(sentiments: list[float], lw: list[str], trace: list[dict[str, Any]] | None) -> list[float]:
    """VADER's _but_check, copied with its quirk: list.index() finds the first equal value, so a
    repeated valence can be scaled twice. Reproduced so our numbers equal the wheel's."""
    bi = lw.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)
    for entry in trace or ():
        k = entry["k"]
        entry["valence"] = sentiments[k]
        if k != bi and sentiments[k] != 0:
            # Words before "but" count half, words after it 1.5 times.
            entry["rules"].append(("before 'but' x0.5" if k < bi else "after 'but' x1.5", sentiments[k]))
    return sentiments


def compound(total: float, emphasis: float) -> float:
    """VADER's compound of a sum of valences: punctuation emphasis added away from 0, normalised.

    >>> compound(1.9, 0.292), compound(0.0, 0.292)
    (0.4926, 0.0)
    """
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return round(normalize(total), 4) if total else 0.0


def scores(sentiments: list[float], emphasis: float) -> tuple[float, float, float, float]:
    """``score_valence``: ``(neg, neu, pos, compound)`` of the word valences."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0
    if not any(sentiments):  # every word neutral (most sentences without a lexicon word)
        return 0.0, 1.0, 0.0, 0.0
    pos_sum = neg_sum = 0.0
    for s in filter(None, sentiments):  # the non-zero valences
        if s > 0:
            pos_sum += float(s) + 1
        elif s < 0:
            neg_sum += float(s) - 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += emphasis
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= emphasis
    neu_count = sentiments.count(0)
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3), compound(float(sum(sentiments)), emphasis))


def polarity_scores(text: str, lex: dict[str, float] | None = None) -> dict[str, float]:
    """VADER's ``polarity_scores`` (same numbers), optionally with another lexicon.

    >>> polarity_scores("The deal was not BAD at all!")["compound"]  # VADER reads "not BAD" as good
    0.5697
    """
    t = tokenize(text)
    neg, neu, pos, comp = scores(valences(t, lexicon() if lex is None else lex), t.emphasis)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": comp}
