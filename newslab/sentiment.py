"""Sentence sentiment a class can explain: VADER and TextBlob side by side, with word-level reasons.

Two lexicon methods score every sentence:

* **VADER** (Hutto & Gilbert 2014) — the lexicon and rules of the ``vaderSentiment`` wheel.
  ``compound`` is in [-1, 1]; ``neg``/``neu``/``pos`` are the shares of the sentence's words.
  Label: ``pos`` when compound >= 0.05, ``neg`` when <= -0.05, else ``neu`` (VADER's convention).
* **TextBlob** — the default ``PatternAnalyzer`` (Pattern's adjective lexicon, De Smedt &
  Daelemans 2012). ``polarity`` in [-1, 1], ``subjectivity`` in [0, 1]. Label: ``pos`` when
  polarity > 0, ``neg`` when < 0, else ``neu`` — TextBlob gives exactly 0.0 whenever no lexicon word
  is found, so any band wider than 0 would mostly hide weak opinions (``"a good deal"`` is 0.7,
  ``"slightly better"`` 0.5 …; the smallest non-zero |polarity| in the NYT benchmark is about 0.0015).
  This is the labelling of BASELINES.md scheme A.

newslab adds a **recommended** ``score`` and ``label``: VADER and TextBlob computed in *news mode*
and blended (0.7 x VADER compound + 0.3 x TextBlob polarity). The label is ``neu`` only when
|score| < 0.005 (no sentiment evidence), otherwise the score's sign.

**News mode** (the default, ``mode="news"``) reads ``newslab/resources/sentiment_news.yml``, a file a
teacher can open and edit: (1) words such as *conflict*, *crisis*, *war* (and, halved, *killed*,
*attack*) that in news name the topic rather than the writer's tone keep only a share of their
lexicon value, as do institution names such as *Justice* Department or *United* Nations;
(2) negative words count 1.75 times (negativity bias in how news is read); (3) negation and
contrast words ("not", "despite", "however") add a small negative cue. ``mode="standard"`` blends
the plain published scores. The default and every number in the file were chosen on the odd
NYT editorials of the VADER benchmark and reported on the even ones (``benchmarks/sentiment_nyt.py``):
held-out Pearson r 0.547 and weighted-F1 0.629 (published VADER: 0.509 / 0.551). For tweets use
``mode="standard"`` (r 0.881, weighted-F1 0.947 vs VADER 0.872 / 0.948).

Both engines here are exact re-implementations (checked value for value against
``SentimentIntensityAnalyzer.polarity_scores`` and ``TextBlob(text).sentiment`` on the 23,703
benchmark snippets, see ``tests/test_sentiment.py`` and ``benchmarks/sentiment_nyt.py``) that also
record *why*: :func:`explain_sentiment` lists every lexicon word that counted, its lexicon value and
each rule that changed it, with character offsets.

Example
-------
>>> from newslab import Article
>>> a = Article.from_text("Talks\\n\\nThe talks were very good. The war killed thousands.")
>>> df = score_sentiment(a, mode="standard")
>>> df[["i", "vader", "textblob", "vader_label"]].round(2).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'i': 0, 'vader': 0.49, 'textblob': 0.91, 'vader_label': 'pos'},
 {'i': 1, 'vader': -0.86, 'textblob': -0.2, 'vader_label': 'neg'}]
"""
from __future__ import annotations

import math
import os
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from . import layers
from .article import Article
from .errors import ParameterError, ResourceFileError
from .resources import load_yaml, resource_stamp

__all__ = [
    "score_sentiment", "sentiment_rollup", "explain_sentiment", "method_agreement", "actor_sentiment",
    "score_text", "recommended_score", "label_vader", "label_textblob", "label_score",
    "news_lexicon", "vader_lexicon", "vader_polarity", "MODES", "DEFAULT_MODE",
]

MODES = ("news", "standard")
DEFAULT_MODE = "news"
NEWS_RESOURCE = "sentiment_news.yml"

# VADER's labelling convention (Hutto & Gilbert 2014; vaderSentiment README).
VADER_POS, VADER_NEG = 0.05, -0.05


# =================================================================================================
# VADER: exact re-implementation of vaderSentiment 3.3.2 ``polarity_scores`` with a rule trace
# =================================================================================================
# Why re-implement instead of calling ``polarity_scores``? (1) explain_sentiment needs to know
# which rule changed which word, which the wheel does not expose; (2) news mode needs a different
# lexicon per call; (3) the wheel re-lowercases the whole sentence for every lexicon word, which
# makes it several times slower than needed. The wheel's constants, lexicon and emoji table are
# used as they are, so a new vaderSentiment release changes our numbers the same way.
from vaderSentiment import vaderSentiment as _vs  # noqa: E402

_B_DICT = _vs.BOOSTER_DICT
_NEGATE = frozenset(_vs.NEGATE)
_N_SCALAR = _vs.N_SCALAR
_C_INCR = _vs.C_INCR
_SPECIAL = _vs.SPECIAL_CASES
_VPUNCT = string.punctuation
_NONSPACE = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _analyzer() -> "_vs.SentimentIntensityAnalyzer":
    """The wheel's analyzer, built once per process (it parses a 7,500-line lexicon)."""
    return _vs.SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    # polarity_scores replaces single emoji characters by their description (none is ASCII).
    return frozenset(k for k in _analyzer().emojis if len(k) == 1)


def _has_emoji(text: str) -> bool:
    return not text.isascii() and not _emoji_chars().isdisjoint(text)


def _negated(word_lower: str) -> bool:
    # vaderSentiment.negated([word]) for a single word.
    return word_lower in _NEGATE or "n't" in word_lower


def _negation_check(valence: float, lw: list[str], start_i: int, i: int) -> tuple[float, str]:
    """Mirror of ``SentimentIntensityAnalyzer._negation_check``; also names the rule that fired."""
    if start_i == 0:
        if _negated(lw[i - 1]):
            return valence * _N_SCALAR, "negation"
    elif start_i == 1:
        if lw[i - 2] == "never" and (lw[i - 1] == "so" or lw[i - 1] == "this"):
            return valence * 1.25, "never so/this"
        elif lw[i - 2] == "without" and lw[i - 1] == "doubt":
            return valence, ""
        elif _negated(lw[i - 2]):
            return valence * _N_SCALAR, "negation"
    else:
        # (sic) VADER's precedence: the second test fires for any "so"/"this" right before the word.
        if (lw[i - 3] == "never" and (lw[i - 2] == "so" or lw[i - 2] == "this")) or \
                (lw[i - 1] == "so" or lw[i - 1] == "this"):
            return valence * 1.25, "never so/this"
        elif lw[i - 3] == "without" and (lw[i - 2] == "doubt" or lw[i - 1] == "doubt"):
            return valence, ""
        elif _negated(lw[i - 3]):
            return valence * _N_SCALAR, "negation"
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


def _least_check(valence: float, lw: list[str], lexicon: dict[str, float], i: int) -> tuple[float, str]:
    if i > 1 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        if lw[i - 2] != "at" and lw[i - 2] != "very":
            return valence * _N_SCALAR, "negation ('least')"
    elif i > 0 and lw[i - 1] not in lexicon and lw[i - 1] == "least":
        return valence * _N_SCALAR, "negation ('least')"
    return valence, ""


def _vader_prepare(text: str) -> str:
    """Emoji → description, then strip (as ``polarity_scores`` does)."""
    if _has_emoji(text):
        emojis = _analyzer().emojis
        out, prev_space = [], True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        text = "".join(out)
    return text.strip()


def _vader_words(text: str) -> list[str]:
    """VADER's tokens: whitespace split, surrounding punctuation stripped unless <= 2 chars remain."""
    out = []
    for tok in text.split():
        stripped = tok.strip(_VPUNCT)
        out.append(tok if len(stripped) <= 2 else stripped)
    return out


def _vader_valences(words: list[str], lexicon: dict[str, float],
                    trace: list[dict[str, Any]] | None = None, lw: list[str] | None = None) -> list[float]:
    """Per-word valences after every VADER rule (the ``sentiments`` list of ``polarity_scores``).

    With ``trace`` (a list), one dict per lexicon word is appended: ``k`` (word index), ``word``,
    ``lexicon`` (the lexicon value) and ``rules`` (list of ``(rule, valence_after)``).
    """
    n = len(words)
    if lw is None:
        lw = [w.lower() for w in words]
    # allcap_differential: some but not all words are ALL CAPS.
    n_caps = sum(1 for w in words if w.isupper())
    is_cap_diff = 0 < n - n_caps < n
    sentiments: list[float] = []
    for i in range(n):
        low = lw[i]
        if low in _B_DICT or (low == "kind" and i < n - 1 and lw[i + 1] == "of"):
            sentiments.append(0)
            continue
        if low not in lexicon:
            sentiments.append(0)
            continue
        base = lexicon[low]
        valence = base
        rules: list[tuple[str, float]] | None = [] if trace is not None else None
        if low == "no" and i != n - 1 and lw[i + 1] in lexicon:
            valence = 0.0
            if rules is not None:
                rules.append(("'no' negates the next word instead of counting", valence))
        if (i > 0 and lw[i - 1] == "no") or (i > 1 and lw[i - 2] == "no") or \
                (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor")):
            valence = base * _N_SCALAR
            if rules is not None:
                rules.append(("negation ('no')", valence))
        if is_cap_diff and words[i].isupper():
            valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
            if rules is not None:
                rules.append(("ALL CAPS", valence))
        for start_i in range(3):
            if i > start_i and lw[i - (start_i + 1)] not in lexicon:
                prev = words[i - (start_i + 1)]
                s = _vs.scalar_inc_dec(prev, valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                if rules is not None and s != 0:
                    kind = "booster" if _B_DICT[prev.lower()] > 0 else "dampener"
                    rules.append((f"{kind} '{prev.lower()}'", valence))
                valence, rule = _negation_check(valence, lw, start_i, i)
                if rules is not None and rule:
                    rules.append((f"{rule} ('{lw[i - (start_i + 1)]}')" if rule == "negation" else rule, valence))
                if start_i == 2:
                    valence, rule = _idioms_check(valence, lw, i)
                    if rules is not None and rule:
                        rules.append((rule, valence))
        valence, rule = _least_check(valence, lw, lexicon, i)
        if rules is not None and rule:
            rules.append((rule, valence))
        if trace is not None:
            trace.append({"k": i, "word": words[i], "lexicon": base, "rules": rules})
        sentiments.append(valence)
    return _but_check(sentiments, lw)


def _but_check(sentiments: list[float], lw: list[str]) -> list[float]:
    """VADER's _but_check, copied with its quirk: list.index() finds the first equal value, so a
    repeated valence can be scaled twice. Reproduced so our numbers equal the wheel's."""
    if "but" in lw:
        bi = lw.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _punct_amplifier(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


def _vader_scores(sentiments: list[float], text: str) -> tuple[float, float, float, float, float]:
    """``score_valence``: returns (neg, neu, pos, compound, raw sum incl. punctuation)."""
    if not sentiments:
        return 0.0, 0.0, 0.0, 0.0, 0.0
    sum_s = float(sum(sentiments))
    amp = _punct_amplifier(text)
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = _vs.normalize(sum_s)
    pos_sum = neg_sum = 0.0
    neu_count = 0
    for s in sentiments:
        if s > 0:
            pos_sum += float(s) + 1
        if s < 0:
            neg_sum += float(s) - 1
        if s == 0:
            neu_count += 1
    if pos_sum > math.fabs(neg_sum):
        pos_sum += amp
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= amp
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
            round(math.fabs(pos_sum / total), 3), round(compound, 4), sum_s)


def vader_polarity(text: str, lexicon: dict[str, float] | None = None) -> dict[str, float]:
    """VADER's ``polarity_scores`` (same numbers), optionally with another lexicon.

    >>> vader_polarity("The talks were not good.")
    {'neg': 0.376, 'neu': 0.624, 'pos': 0.0, 'compound': -0.3412}
    """
    text = _vader_prepare(text)
    sents = _vader_valences(_vader_words(text), lexicon if lexicon is not None else _analyzer().lexicon)
    neg, neu, pos, compound, _ = _vader_scores(sents, text)
    return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


# =================================================================================================
# TextBlob: exact re-implementation of PatternAnalyzer (textblob.en.sentiment) with a trace
# =================================================================================================
# Why? TextBlob spends most of its time in a general tokenizer (sentence splitting, emoticon
# regexes) and a lazily-loaded dict wrapper; a direct lexicon lookup is ~3x faster and lets us
# trace modifiers and negation. Texts with the rare constructs we do not mirror (blank-line
# breaks, emoticons, the sarcasm mark "(!)") are handed to TextBlob itself, so values stay equal.
from textblob import en as _tb_en  # noqa: E402
from textblob import _text as _tb_text  # noqa: E402

_TB_PUNCT = _tb_text.PUNCTUATION
_TB_PUNCT_SET = frozenset(_TB_PUNCT)
_TB_LEAD = tuple(_TB_PUNCT.replace(".", ""))
_TB_TRAIL = _TB_LEAD + (".",)
_TB_REPLACE = _tb_text.replacements
_TB_ABBR = _tb_text.ABBREVIATIONS
_TB_ABBR_RES = (_tb_text.RE_ABBR1, _tb_text.RE_ABBR2, _tb_text.RE_ABBR3)


@lru_cache(maxsize=1)
def _tb_tables() -> tuple[dict[str, tuple[float, float, float, bool]], dict[str, float], frozenset[str]]:
    """(lexicon word -> (polarity, subjectivity, intensity, is_adverb)), emoticons, negations."""
    lex = _tb_en.sentiment
    len(lex)  # the lazydict loads the XML on first use
    table = {w: (d[None][0], d[None][1], d[None][2], "RB" in d) for w, d in dict.items(lex)}
    emoticons: dict[str, float] = {}
    for (_type, p), faces in _tb_text.EMOTICONS.items():
        for face in faces:
            emoticons.setdefault(face.lower(), p)
    return table, emoticons, frozenset(lex.negations)


def _tb_split_token(t: str, out: list[str]) -> None:
    """``find_tokens``' punctuation splitting for one whitespace token (copied logic)."""
    tail = []
    while t.startswith(_TB_LEAD) and t not in _TB_REPLACE:
        tokens_first = t[0]
        out.append(tokens_first)
        t = t[1:]
    while t.endswith(_TB_TRAIL) and t not in _TB_REPLACE:
        if t.endswith(_TB_LEAD):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if t in _TB_ABBR or any(r.match(t) is not None for r in _TB_ABBR_RES):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        out.append(t)
    out.extend(reversed(tail))


_TB_QUOTES = ("“", "”", "‘", "’", "'", '"')
_TB_ONE_TRAIL = frozenset(_TB_LEAD)  # trailing marks other than "." (no abbreviation check needed)


def _tb_spread_quotes(s: str) -> str:
    """TextBlob's contraction replacements, then quotation marks set apart as their own words."""
    if "'" in s:
        for a, b in _TB_REPLACE.items():
            s = s.replace(a, b)
    for q in _TB_QUOTES:
        if q in s:
            s = s.replace(q, f" {q} ")
    return s


def _tb_words(text: str) -> list[str] | None:
    """The lower-cased words PatternAnalyzer assesses, or None when TextBlob itself must run."""
    s = _tb_spread_quotes(text)
    if "\n" in s and re.search(r"\n{2,}", s.replace("\r\n", "\n")):
        return None  # paragraph break → sentence marker handling; rare inside a sentence
    out: list[str] = []
    punct = _TB_PUNCT_SET
    for t in s.split():
        last = t[-1]
        if t[0] not in punct and last not in punct:
            out.append(t)
        elif (last in _TB_ONE_TRAIL and len(t) > 1 and t[0] not in punct and t[-2] not in punct
              and t not in _TB_REPLACE):
            # "word," → "word" ","  (what _tb_split_token does for one trailing mark)
            out.append(t[:-1])
            out.append(last)
        else:
            _tb_split_token(t, out)
    joined = " ".join(out)
    if _tb_text.RE_EMOTICONS.search(joined) or _tb_text.RE_SARCASM.search(joined):
        return None
    return joined.lower().split()


def _tb_assess(words: list[str], table: dict, emoticons: dict, negations: frozenset,
               trace: bool = False) -> list[list[Any]]:
    """PatternAnalyzer's ``assessments`` for pos=None. Returns [words, p, s, i, n, notes] entries."""
    a: list[list[Any]] = []
    m = None  # preceding modifier word
    n = None  # preceding negation
    for k, w in enumerate(words):
        entry = table.get(w)
        if entry is not None:
            p, s, i, is_adverb = entry
            if m is None:
                a.append([[w], p, s, i, 1, [("lexicon", p)] if trace else None, [k], w, p])
            else:
                last = a[-1]
                last[0].append(w)
                last[1] = max(-1.0, min(p * last[3], +1.0))
                last[2] = max(-1.0, min(s * last[3], +1.0))
                if trace:
                    how = " (inverted by negation)" if last[4] < 0 else ""
                    last[5] = [("lexicon", p), (f"intensifier '{m}' x{last[3]:.3g}{how}", last[1])]
                    last[6].append(k)
                    last[7], last[8] = w, p
                last[3] = i
            if n is not None:
                a[-1][0].insert(0, n)
                a[-1][3] = 1.0 / a[-1][3]
                a[-1][4] = -1
                if trace:
                    a[-1][6].insert(0, -1)
            m = None
            n = None
            if is_adverb:
                m = w
            if w in negations:
                n = w
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and m.endswith("ly"):
                a[-1][0].append(n)
                a[-1][4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1][0].append("!")
                a[-1][1] = max(-1.0, min(a[-1][1] * 1.25, +1.0))
                if trace:
                    a[-1][5].append(("exclamation x1.25", a[-1][1]))
            if w == "(!)":
                a.append([[w], 0.0, 1.0, 1.0, 1, [("sarcasm mark", 0.0)] if trace else None, [k], w, 0.0])
            if w.isalpha() is False and len(w) <= 5 and w not in _TB_PUNCT:
                p = emoticons.get(w)
                if p is not None:
                    a.append([[w], p, 1.0, 1.0, 1, [("emoticon", p)] if trace else None, [k], w, p])
    return a


def _tb_from_assessments(a: list[list[Any]]) -> tuple[float, float]:
    # "not good" = slightly bad: p * -0.5 when negated; then plain means (as Sentiment.__call__).
    ps, ss, n = 0, 0, 0
    for entry in a:
        ps += entry[1] * -0.5 if entry[4] < 0 else entry[1]
        ss += entry[2]
        n += 1
    return ps / float(n or 1), ss / float(n or 1)


def textblob_polarity(text: str) -> tuple[float, float]:
    """TextBlob's ``(polarity, subjectivity)`` (PatternAnalyzer; same numbers, faster).

    >>> textblob_polarity("The talks were not very good!")
    (-0.33653846153846145, 0.46153846153846156)
    """
    words = _tb_words(text)
    if words is None:
        res = _tb_en.sentiment(str(text))
        return res[0], res[1]
    table, emoticons, negations = _tb_tables()
    return _tb_from_assessments(_tb_assess(words, table, emoticons, negations))


# =================================================================================================
# News mode: a lexicon with topic words toned down, read from sentiment_news.yml
# =================================================================================================
@dataclass(frozen=True)
class NewsSettings:
    """The parsed news-mode resource."""

    vader_lexicon: dict[str, float]        # the full VADER lexicon with news weights applied
    textblob_table: dict[str, tuple]       # TextBlob's lexicon with news weights applied
    weights: dict[str, float]              # word -> share of lexicon value kept
    blend: dict[str, float]                # recommended-score coefficients
    negative_weight: float = 1.0           # negative VADER valences count this many times
    negation_cue: float = 0.0              # valence added per negation word
    contrast_cue: float = 0.0              # valence added per contrast word
    contrast_words: frozenset[str] = frozenset()
    label_band: float = VADER_POS          # |score| below this -> 'neu'

    def vader_weight(self) -> float:
        return float(self.blend.get("vader", 0.7))

    def textblob_weight(self) -> float:
        return float(self.blend.get("textblob", 0.3))


def _news_words(data: dict[str, Any], path: str) -> dict[str, float]:
    groups = data.get("topic_words")
    if not isinstance(groups, dict) or not groups:
        raise ResourceFileError(f"{path}: needs a 'topic_words' mapping of group name -> word list — "
                                "see the comments at the top of newslab/resources/sentiment_news.yml.")
    default_keep = float(data.get("keep", 0.0))
    weights: dict[str, float] = {}
    for group, spec in groups.items():
        keep = default_keep
        words = spec
        if isinstance(spec, dict):
            keep = float(spec.get("keep", default_keep))
            words = spec.get("words", [])
        if not isinstance(words, list):
            raise ResourceFileError(f"{path}: topic_words.{group} must be a list of words (or a mapping "
                                    "with 'words' and 'keep') — fix that entry.")
        for w in words:
            weights[str(w).strip().lower()] = keep
    return weights


@lru_cache(maxsize=8)
def _news_settings_cached(path: str, mtime: float) -> NewsSettings:
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ResourceFileError(f"{path}: expected a YAML mapping with 'topic_words' — see the packaged "
                                "sentiment_news.yml for the layout.")
    weights = _news_words(data, path)
    vlex = dict(_analyzer().lexicon)
    for w, keep in weights.items():
        if w in vlex:
            vlex[w] = vlex[w] * keep + 0.0  # + 0.0 turns -0.0 into 0.0
    table, _, _ = _tb_tables()
    tlex = dict(table)
    for w, keep in weights.items():
        if w in tlex:
            p, s, i, adv = tlex[w]
            tlex[w] = (p * keep + 0.0, s, i, adv)
    blend = {k: float(v) for k, v in (data.get("blend") or {}).items()}
    rules = data.get("news_rules") or {}
    if not isinstance(rules, dict):
        raise ResourceFileError(f"{path}: 'news_rules' must be a mapping (negative_weight, negation_cue, "
                                "contrast_cue, contrast_words) — fix that block.")
    try:
        return NewsSettings(vlex, tlex, weights, blend,
                            negative_weight=float(rules.get("negative_weight", 1.0)),
                            negation_cue=float(rules.get("negation_cue", 0.0)),
                            contrast_cue=float(rules.get("contrast_cue", 0.0)),
                            contrast_words=frozenset(str(w).lower() for w in rules.get("contrast_words", [])),
                            label_band=float(data.get("label_band", VADER_POS)))
    except (TypeError, ValueError):
        raise ResourceFileError(f"{path}: news_rules and label_band need numbers (e.g. negative_weight: 1.75) "
                                "— fix the value there.") from None


def news_settings(path: str | os.PathLike[str] | None = None) -> NewsSettings:
    """Load the news-mode resource (packaged ``sentiment_news.yml`` unless ``path`` is given)."""
    return _news_settings_cached(*resource_stamp(path or NEWS_RESOURCE))


def vader_lexicon(mode: str = "standard", news: str | os.PathLike[str] | None = None) -> dict[str, float]:
    """VADER's lexicon: the published one (``standard``) or with news mode's weights (``news``).

    >>> vader_lexicon("standard")["war"], vader_lexicon("news")["war"]
    (-2.9, 0.0)
    """
    return news_settings(news).vader_lexicon if _check_mode(mode) == "news" else _analyzer().lexicon


def news_lexicon(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The topic words news mode tones down: word, VADER value, value in news mode, share kept.

    >>> float(news_lexicon().set_index("word").loc["war", "vader_news"])
    0.0
    """
    st = news_settings(path)
    lex = _analyzer().lexicon
    rows = [{"word": w, "keep": k, "vader": lex.get(w), "vader_news": st.vader_lexicon.get(w)}
            for w, k in sorted(st.weights.items())]
    return pd.DataFrame(rows, columns=["word", "keep", "vader", "vader_news"])


# =================================================================================================
# Scoring
# =================================================================================================
def label_vader(compound: float) -> str:
    """VADER's convention: ``pos`` at >= 0.05, ``neg`` at <= -0.05, else ``neu``."""
    return "pos" if compound >= VADER_POS else "neg" if compound <= VADER_NEG else "neu"


def label_textblob(polarity: float) -> str:
    """``pos`` when polarity > 0, ``neg`` when < 0, ``neu`` when exactly 0 (no lexicon word)."""
    return "pos" if polarity > 0 else "neg" if polarity < 0 else "neu"


def label_score(score: float, band: float | None = None) -> str:
    """Label of the recommended score: ``neu`` when |score| < ``band`` (``label_band`` in
    sentiment_news.yml, 0.005: the score rounds to 0.00), else its sign.

    >>> label_score(0.02), label_score(-0.004), label_score(0.0)
    ('pos', 'neu', 'neu')
    """
    band = news_settings().label_band if band is None else band
    return "pos" if score >= band and score > 0 else "neg" if score <= -band and score < 0 else "neu"


def _news_sum(valences: list[float], lowers: list[str], settings: NewsSettings) -> float:
    """News-mode VADER sum before punctuation: negativity weight plus negation/contrast cues."""
    total = float(sum(valences))
    if settings.negative_weight != 1.0:
        total += (settings.negative_weight - 1.0) * sum(v for v in valences if v < 0)
    if settings.negation_cue:
        total += settings.negation_cue * sum(1 for w in lowers if w in _NEGATE or "n't" in w)
    if settings.contrast_cue:
        cw = settings.contrast_words
        total += settings.contrast_cue * sum(1 for w in lowers if w in cw)
    return total


def _news_compound(total: float, vtext: str) -> float:
    amp = _punct_amplifier(vtext)
    if total > 0:
        total += amp
    elif total < 0:
        total -= amp
    return round(_vs.normalize(total), 4) if total else 0.0


def _check_mode(mode: str | None) -> str:
    mode = DEFAULT_MODE if mode is None else mode
    if mode not in MODES:
        raise ParameterError(f"mode={mode!r}: unknown sentiment mode — use 'news' or 'standard'.")
    return mode


def recommended_score(vader_compound: float, textblob_polarity: float,
                      news: str | os.PathLike[str] | None = None) -> float:
    """newslab's recommended score: a fixed blend of VADER compound and TextBlob polarity.

    The weights live in ``sentiment_news.yml`` (``blend``; 0.7 / 0.3 by default), tuned for
    Pearson r on the odd NYT editorials only. Pass the news-mode values to get the news score.

    >>> recommended_score(0.4, -0.2)
    0.22
    """
    st = news_settings(news)
    return round(st.vader_weight() * vader_compound + st.textblob_weight() * textblob_polarity, 4)


def score_text(text: str, mode: str | None = None, news: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """All sentiment numbers for one piece of text (usually a sentence).

    Keys: ``vader_neg``, ``vader_neu``, ``vader_pos``, ``vader`` (compound), ``textblob``,
    ``textblob_subjectivity`` (the published methods), ``vader_news``, ``textblob_news`` (news
    mode; equal to the plain values in standard mode or when no topic word occurs), ``score``
    and the three labels.

    >>> r = score_text("Talks on the Syrian conflict went well.")
    >>> r["vader"], r["vader_news"], r["label"]
    (-0.0516, 0.2732, 'pos')
    """
    mode = _check_mode(mode)
    if not isinstance(text, str):
        raise ParameterError(f"text={type(text).__name__}: score_text needs a string — pass sentence.text.")
    return _score(text, mode, news_settings(news))


# -- the hot path -------------------------------------------------------------------------------
# score_sentiment runs once per sentence of a corpus, so it avoids work the general engines do:
# each whitespace token is split into VADER's and TextBlob's words once per process (a cache,
# not once per sentence), VADER's rules run only on the lexicon words of the sentence, and
# TextBlob's assessment is skipped when no word of its lexicon occurs. The numbers are the
# same as _score_general's (checked on every benchmark snippet and corpus sentence).
_VADER_WORD: dict[str, str] = {}         # whitespace token -> VADER's word (punctuation stripped)
_VADER_LOWER: dict[str, str] = {}        # whitespace token -> that word in lower case
_TB_JOINED: dict[str, str] = {}          # whitespace token -> TextBlob's tokens for it, space-joined
_TOKEN_CACHE_MAX = 200_000
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


def _tb_pieces(tok: str) -> tuple[str, ...]:
    """TextBlob's tokens for one whitespace token: _tb_words' replacements and punctuation
    splitting act within tokens (none of their patterns holds whitespace), so per token is exact."""
    s = _tb_spread_quotes(tok)
    out: list[str] = []
    for t in s.split():
        last = t[-1]
        if t[0] not in _TB_PUNCT_SET and last not in _TB_PUNCT_SET:
            out.append(t)
        elif (last in _TB_ONE_TRAIL and len(t) > 1 and t[0] not in _TB_PUNCT_SET
              and t[-2] not in _TB_PUNCT_SET and t not in _TB_REPLACE):
            out.append(t[:-1])
            out.append(last)
        else:
            _tb_split_token(t, out)
    return tuple(out)


def _learn_tokens(toks: list[str]) -> None:
    if len(_VADER_LOWER) > _TOKEN_CACHE_MAX:
        _VADER_WORD.clear()
        _VADER_LOWER.clear()
        _TB_JOINED.clear()
    for tok in toks:
        if tok in _VADER_LOWER:
            continue
        if tok.isalnum():  # most words: no punctuation to strip or split off
            _VADER_WORD[tok] = _TB_JOINED[tok] = tok
            _VADER_LOWER[tok] = tok.lower()
        else:
            stripped = tok.strip(_VPUNCT)
            word = tok if len(stripped) <= 2 else stripped
            _VADER_WORD[tok] = word
            _TB_JOINED[tok] = " ".join(_tb_pieces(tok))  # never empty: every character lands in a piece
            _VADER_LOWER[tok] = word.lower()


def _valences_fast(words: list[str], lw: list[str], lexicon: dict[str, float]) -> list[float]:
    """_vader_valences without a trace, visiting only the lexicon words (same list, same numbers)."""
    n = len(lw)
    sentiments: list[float] = [0] * n
    hits = [i for i, w in enumerate(lw) if w in lexicon]
    if hits:
        n_caps = sum(map(str.isupper, words))
        is_cap_diff = 0 < n - n_caps < n
        for i in hits:
            low = lw[i]
            if low in _B_DICT or (low == "kind" and i < n - 1 and lw[i + 1] == "of"):
                continue
            base = lexicon[low]
            valence = base
            if low == "no" and i != n - 1 and lw[i + 1] in lexicon:
                valence = 0.0
            if (i > 0 and lw[i - 1] == "no") or (i > 1 and lw[i - 2] == "no") or \
                    (i > 2 and lw[i - 3] == "no" and lw[i - 1] in ("or", "nor")):
                valence = base * _N_SCALAR
            if is_cap_diff and words[i].isupper():
                valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
            for start_i in range(3):
                if i > start_i and lw[i - (start_i + 1)] not in lexicon:
                    prev_low = lw[i - (start_i + 1)]
                    s = _vs.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff) \
                        if prev_low in _B_DICT else 0.0
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    valence = _negation_check(valence, lw, start_i, i)[0]
                    if start_i == 2 and not _IDIOM_FIRST.isdisjoint(lw[i - 3:i + 1]) \
                            and not _IDIOM_LAST.isdisjoint(lw[i - 2:i + 3]):
                        valence = _idioms_check(valence, lw, i)[0]
            valence = _least_check(valence, lw, lexicon, i)[0]
            sentiments[i] = valence
    return _but_check(sentiments, lw)


def _tb_polarity_fast(words: list[str], table: dict, negations: frozenset) -> tuple[float, float]:
    """_tb_from_assessments(_tb_assess(...)) for words without emoticons or the sarcasm mark,
    keeping only the numbers of each assessment: [polarity, subjectivity, intensity, negated]."""
    a: list[list[Any]] = []
    m = None  # preceding modifier word
    n = None  # preceding negation
    for w in words:
        entry = table.get(w)
        if entry is not None:
            p, s, i, is_adverb = entry
            if m is None:
                a.append([p, s, i, 1])
            else:
                last = a[-1]
                last[0] = max(-1.0, min(p * last[2], +1.0))
                last[1] = max(-1.0, min(s * last[2], +1.0))
                last[2] = i
            if n is not None:
                a[-1][2] = 1.0 / a[-1][2]
                a[-1][3] = -1
            m = None
            n = None
            if is_adverb:
                m = w
            if w in negations:
                n = w
        elif m is None and n is None:  # the common case: only a negation or '!' can matter
            if w in negations:
                n = w
            elif w == "!" and a:
                a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and m.endswith("ly"):
                a[-1][3] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and a:
                a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
    ps, ss, k = 0, 0, 0
    for entry in a:
        ps += entry[0] * -0.5 if entry[3] < 0 else entry[0]
        ss += entry[1]
        k += 1
    return ps / float(k or 1), ss / float(k or 1)


# Idioms and multi-word boosters VADER checks around each lexicon word: a phrase can match only
# when a word that starts one and a word that ends one both occur near the word.
_IDIOM_FIRST = frozenset(k.split()[0] for k in list(_SPECIAL) + list(_B_DICT) if " " in k)
_IDIOM_LAST = frozenset(k.split()[-1] for k in list(_SPECIAL) + list(_B_DICT) if " " in k)


def _score(text: str, mode: str, settings: NewsSettings) -> dict[str, Any]:
    # The hot path: settings are resolved once per article/corpus, not per sentence.
    if not text.isascii() and _has_emoji(text) or "\n" in text and _PARAGRAPH_BREAK.search(text.replace("\r\n", "\n")):
        return _score_general(text, mode, settings)  # emoji descriptions, TextBlob's paragraph markers
    toks = text.split()  # == _vader_words' split of text.strip() when there is no emoji
    try:
        lowers = list(map(_VADER_LOWER.__getitem__, toks))
    except KeyError:
        _learn_tokens(toks)
        lowers = list(map(_VADER_LOWER.__getitem__, toks))
    n = len(toks)
    vlex = _analyzer().lexicon
    lexicon_hit = not vlex.keys().isdisjoint(lowers)
    # VADER's score_valence (_vader_scores), with the punctuation of text (= of text.strip()).
    amp = _punct_amplifier(text) if ("!" in text or "?" in text) else 0.0
    if lexicon_hit:
        vwords = list(map(_VADER_WORD.__getitem__, toks))
        valences = _valences_fast(vwords, lowers, vlex)
        raw_sum = float(sum(valences))
        sum_s = raw_sum
        if sum_s > 0:
            sum_s += amp
        elif sum_s < 0:
            sum_s -= amp
        compound = round(_vs.normalize(sum_s), 4)
        pos_sum = neg_sum = 0.0
        neu_count = valences.count(0)
        for s in valences:
            if s > 0:
                pos_sum += float(s) + 1
            elif s < 0:
                neg_sum += float(s) - 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += amp
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= amp
        total = pos_sum + math.fabs(neg_sum) + neu_count
        neg, neu, pos = (round(math.fabs(neg_sum / total), 3), round(math.fabs(neu_count / total), 3),
                         round(math.fabs(pos_sum / total), 3))
    else:  # every valence is 0: all words neutral
        vwords, valences, raw_sum = lowers, [], 0.0
        neg, neu, pos, compound = (0.0, 1.0, 0.0, 0.0) if n else (0.0, 0.0, 0.0, 0.0)
    # TextBlob
    joined = " ".join(map(_TB_JOINED.__getitem__, toks))
    table, emoticons, negations = _tb_tables()
    tb_words: list[str] | None
    no_emoticon = True
    if _tb_text.RE_EMOTICONS.search(joined) or _tb_text.RE_SARCASM.search(joined):
        tb_words = None
        res = _tb_en.sentiment(str(text))
        polarity, subjectivity = res[0], res[1]
    else:
        tb_words = joined.lower().split()
        # No lexicon word and no emoticon: no assessment at all (the sarcasm mark '(!)' was ruled
        # out by the search above), which TextBlob scores (0.0, 0.0).
        no_emoticon = emoticons.keys().isdisjoint(tb_words)
        if no_emoticon and table.keys().isdisjoint(tb_words):
            polarity = subjectivity = 0.0
        elif no_emoticon:
            polarity, subjectivity = _tb_polarity_fast(tb_words, table, negations)
        else:
            polarity, subjectivity = _tb_from_assessments(_tb_assess(tb_words, table, emoticons, negations))
    v_news, t_news = compound, polarity
    if mode == "news":
        weights = settings.weights
        # Only re-run the rules when a topic word occurs (most sentences have none).
        if lexicon_hit and not weights.keys().isdisjoint(lowers):
            valences = _valences_fast(vwords, lowers, settings.vader_lexicon)
            raw_sum = float(sum(valences))
        total = raw_sum  # _news_sum
        if settings.negative_weight != 1.0:
            total += (settings.negative_weight - 1.0) * sum(v for v in valences if v < 0)
        if settings.negation_cue:
            n_neg = sum(1 for w in lowers if w in _NEGATE or "n't" in w) \
                if ("'" in text or not _NEGATE.isdisjoint(lowers)) else 0
            total += settings.negation_cue * n_neg
        if settings.contrast_cue:
            cw = settings.contrast_words
            total += settings.contrast_cue * (sum(1 for w in lowers if w in cw) if not cw.isdisjoint(lowers) else 0)
        if total > 0:  # _news_compound
            total += amp
        elif total < 0:
            total -= amp
        v_news = round(_vs.normalize(total), 4) if total else 0.0
        if tb_words is not None and not weights.keys().isdisjoint(tb_words):
            t_news = _tb_polarity_fast(tb_words, settings.textblob_table, negations)[0] if no_emoticon else \
                _tb_from_assessments(_tb_assess(tb_words, settings.textblob_table, emoticons, negations))[0]
    score = round(settings.vader_weight() * v_news + settings.textblob_weight() * t_news, 4)
    band = settings.label_band
    return {"vader_neg": neg, "vader_neu": neu, "vader_pos": pos, "vader": compound,
            "textblob": polarity, "textblob_subjectivity": subjectivity,
            "vader_news": v_news, "textblob_news": t_news, "score": score,
            "vader_label": "pos" if compound >= VADER_POS else "neg" if compound <= VADER_NEG else "neu",
            "textblob_label": "pos" if polarity > 0 else "neg" if polarity < 0 else "neu",
            "label": "pos" if score >= band and score > 0 else "neg" if score <= -band and score < 0 else "neu"}


def _score_general(text: str, mode: str, settings: NewsSettings) -> dict[str, Any]:
    """_score for any text (emoji, paragraph breaks): the plain composition of the engines."""
    vtext = _vader_prepare(text)
    vwords = _vader_words(vtext)
    lowers = [w.lower() for w in vwords]
    valences = _vader_valences(vwords, _analyzer().lexicon, None, lowers)
    neg, neu, pos, compound, _ = _vader_scores(valences, vtext)
    tb_words = _tb_words(text)
    table, emoticons, negations = _tb_tables()
    if tb_words is None:
        res = _tb_en.sentiment(str(text))
        polarity, subjectivity = res[0], res[1]
    else:
        polarity, subjectivity = _tb_from_assessments(_tb_assess(tb_words, table, emoticons, negations))
    v_news, t_news = compound, polarity
    if mode == "news":
        weights = settings.weights
        # Only re-run the rules when a topic word occurs (most sentences have none).
        if not weights.keys().isdisjoint(lowers):
            valences = _vader_valences(vwords, settings.vader_lexicon, None, lowers)
        v_news = _news_compound(_news_sum(valences, lowers, settings), vtext)
        if tb_words is not None and not weights.keys().isdisjoint(tb_words):
            t_news = _tb_from_assessments(_tb_assess(tb_words, settings.textblob_table, emoticons, negations))[0]
    score = round(settings.vader_weight() * v_news + settings.textblob_weight() * t_news, 4)
    return {"vader_neg": neg, "vader_neu": neu, "vader_pos": pos, "vader": compound,
            "textblob": polarity, "textblob_subjectivity": subjectivity,
            "vader_news": v_news, "textblob_news": t_news, "score": score,
            "vader_label": label_vader(compound), "textblob_label": label_textblob(polarity),
            "label": label_score(score, settings.label_band)}


_SCORE_COLUMNS = ["vader_neg", "vader_neu", "vader_pos", "vader", "textblob", "textblob_subjectivity",
                  "vader_news", "textblob_news", "score", "vader_label", "textblob_label", "label"]
SENTENCE_COLUMNS = ["i", "paragraph", "start", "end", "text"] + _SCORE_COLUMNS + ["mode"]


def _json_row(r: dict[str, Any]) -> dict[str, Any]:
    return {"i": r["i"], "paragraph": r["paragraph"], "start": r["start"], "end": r["end"], "text": r["text"],
            "sentiment": {"vader": float(r["vader"]), "textblob": round(float(r["textblob"]), 4),
                          "score": float(r["score"]), "label": r["label"]}}


def _json_summary(article: Article) -> dict[str, Any]:
    """The article block's ``sentiment``: the same keys as a sentence's, for the article mean."""
    roll = sentiment_rollup(score_sentiment(article), "article")
    if not len(roll):
        return {"sentiment": {"vader": None, "textblob": None, "score": None, "label": None}}
    r = roll.iloc[0]
    return {"sentiment": {"vader": float(r["vader"]), "textblob": float(r["textblob"]),
                          "score": float(r["score"]), "label": r["label"]}}


@layers.register("sentiment", columns=SENTENCE_COLUMNS, requires=("sentences",),
                 dtypes={**{c: "int" for c in ("i", "paragraph", "start", "end")},
                         **{c: "float" for c in _SCORE_COLUMNS[:9]}},
                 resources=lambda p: [p.get("news") or NEWS_RESOURCE], defaults={"mode": DEFAULT_MODE, "news": None},
                 table="sentences", json_section="sentences", json_row=_json_row, json_summary=_json_summary)
def sentence_sentiment(article: Article, mode: str, news: str | os.PathLike[str] | None) -> list[dict[str, Any]]:
    """One row per sentence: the sentence row with its VADER, TextBlob and recommended scores."""
    settings = news_settings(news)
    return [{**s, **_score(s["text"], mode, settings), "mode": mode} for s in article.layer("sentences")]


def score_sentiment(article_or_corpus: Any, mode: str | None = None,
                    news: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Score every sentence with VADER, TextBlob and newslab's recommended score.

    One row per sentence with its offsets (``article.text[start:end]`` is the sentence) and the
    columns described in :func:`score_text`, plus ``mode``. Over a :class:`~newslab.Corpus` the
    rows of all articles are stacked with ``doc_id`` and ``date`` columns first.

    Parameters
    ----------
    mode : "news" (default) or "standard"
        News mode tones down topic words listed in ``sentiment_news.yml`` for the recommended
        score; the ``vader``/``textblob`` columns are always the published methods.
    news : path, optional
        Your own copy of the news-mode YAML.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nRussia and Turkey ended the crisis. Both leaders were glad.")
    >>> score_sentiment(a)[["vader", "vader_news", "score", "label"]].values.tolist()
    [[-0.6249, 0.0, 0.0, 'neu'], [0.4588, 0.4588, 0.4712, 'pos']]
    """
    return layers.frame(article_or_corpus, "sentiment", mode=_check_mode(mode), news=news)


def sentiment_rollup(df: pd.DataFrame, level: str = "article") -> pd.DataFrame:
    """Average sentence scores per paragraph or per article.

    The roll-up of a score is the plain mean over sentences (as VADER's authors suggest for
    longer texts); labels are re-derived from the means with the same thresholds.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nA good deal. A bad deal.\\n\\nNothing here.")
    >>> sentiment_rollup(score_sentiment(a), "paragraph")[["paragraph", "n_sentences"]].values.tolist()
    [[0, 2], [1, 1]]
    """
    if level not in ("paragraph", "article"):
        raise ParameterError(f"level={level!r}: use 'paragraph' or 'article'.")
    if not isinstance(df, pd.DataFrame) or "score" not in df.columns:
        raise ParameterError("df: pass the DataFrame returned by score_sentiment().")
    keys = [c for c in ("doc_id", "date") if c in df.columns]
    if level == "paragraph":
        keys.append("paragraph")
    value_cols = ["vader_neg", "vader_neu", "vader_pos", "vader", "textblob", "textblob_subjectivity",
                  "vader_news", "textblob_news", "score"]
    if not len(df):
        return pd.DataFrame(columns=keys + ["start", "end", "n_sentences"] + value_cols
                            + ["vader_label", "textblob_label", "label"])
    if keys:
        g = df.groupby(keys, sort=False)
        out = g[value_cols].mean().round(4)
        out.insert(0, "n_sentences", g.size())
        out.insert(0, "end", g["end"].max())
        out.insert(0, "start", g["start"].min())
        out = out.reset_index()
    else:
        out = pd.DataFrame([{"start": df["start"].min(), "end": df["end"].max(), "n_sentences": len(df),
                             **df[value_cols].mean().round(4).to_dict()}])
    out["vader_label"] = out["vader"].map(label_vader)
    out["textblob_label"] = out["textblob"].map(label_textblob)
    out["label"] = out["score"].map(label_score)
    return out


# =================================================================================================
# Explanations
# =================================================================================================
EXPLAIN_COLUMNS = ["method", "word", "start", "end", "article_start", "article_end", "lexicon",
                   "news_keep", "rules", "valence", "share"]


def _vader_offsets(text: str) -> tuple[str, list[tuple[int, int]]]:
    """VADER's analysed text and, for each of its words, (start, end) offsets into ``text``."""
    if _has_emoji(text):
        # Map each character of the emoji-expanded text back to its source character.
        emojis = _analyzer().emojis
        chars: list[str] = []
        origin: list[int] = []
        prev_space = True
        for k, ch in enumerate(text):
            if ch in emojis:
                piece = (" " if not prev_space else "") + emojis[ch]
                prev_space = False
            else:
                piece = ch
                prev_space = ch == " "
            chars.append(piece)
            origin.extend([k] * len(piece))
        expanded = "".join(chars)
    else:
        expanded, origin = text, list(range(len(text)))
    lead = len(expanded) - len(expanded.lstrip())
    stripped = expanded.strip()
    spans = []
    for m in _NONSPACE.finditer(stripped):
        tok = m.group()
        core = tok.strip(_VPUNCT)
        s, e = m.start(), m.end()
        if len(core) > 2:
            s += len(tok) - len(tok.lstrip(_VPUNCT))
            e = s + len(core)
        a, b = origin[lead + s], origin[lead + e - 1] + 1
        spans.append((a, b))
    return stripped, spans


def _explain_vader(text: str, settings: NewsSettings | None) -> tuple[list[dict], dict]:
    """VADER rows for explain_sentiment; ``settings`` None = standard mode."""
    base = _analyzer().lexicon
    lexicon = settings.vader_lexicon if settings is not None else base
    weights = settings.weights if settings is not None else {}
    vtext, spans = _vader_offsets(text)
    words = _vader_words(vtext)
    trace: list[dict[str, Any]] = []
    valences = _vader_valences(words, lexicon, trace)
    rows = []
    lw = [w.lower() for w in words]
    bi = lw.index("but") if "but" in lw else None
    w_neg = settings.negative_weight if settings is not None else 1.0
    for t in trace:
        k = t["k"]
        rules = [r for r, _ in t["rules"]]
        final = valences[k]
        if bi is not None and k != bi and final != 0:
            # The "but" rule: words before it count half, words after it 1.5 times.
            rules.append("before 'but' x0.5" if k < bi else "after 'but' x1.5")
        keep = weights.get(lw[k])
        if keep is not None:
            rules.insert(0, f"news mode: topic word, {keep:.0%} of lexicon value kept")
        if final < 0 and w_neg != 1.0:
            final = final * w_neg
            rules.append(f"news mode: negative words count x{w_neg:g}")
        rows.append({"method": "vader", "word": words[k], "start": spans[k][0], "end": spans[k][1],
                     "lexicon": base.get(lw[k], lexicon[lw[k]]), "news_keep": keep,
                     "rules": "; ".join(rules), "valence": round(float(final), 4)})
    if settings is not None:
        for k, w in enumerate(lw):
            if settings.negation_cue and _negated(w):
                rows.append({"method": "vader", "word": words[k], "start": spans[k][0], "end": spans[k][1],
                             "lexicon": None, "news_keep": None,
                             "rules": "news mode: negation cue", "valence": settings.negation_cue})
            elif settings.contrast_cue and w in settings.contrast_words:
                rows.append({"method": "vader", "word": words[k], "start": spans[k][0], "end": spans[k][1],
                             "lexicon": None, "news_keep": None,
                             "rules": "news mode: contrast cue", "valence": settings.contrast_cue})
        total = _news_sum(valences, lw, settings)
        compound = _news_compound(total, vtext)
    else:
        total = float(sum(valences))
        compound = _vader_scores(valences, vtext)[3]
    amp = _punct_amplifier(vtext)
    if amp and total != 0:
        signed = amp if total > 0 else -amp
        first = min((k for k, c in enumerate(text) if c in "!?"), default=len(text) - 1)
        rows.append({"method": "vader", "word": "!" if "!" in text else "?", "start": first, "end": first + 1,
                     "lexicon": None, "news_keep": None,
                     "rules": f"punctuation emphasis ({text.count('!')} '!', {text.count('?')} '?')",
                     "valence": round(signed, 4)})
        total += signed
    rows.sort(key=lambda r: (r["start"], r["rules"]))
    summary = {"vader": compound, "vader_sum": round(total, 4)}
    return rows, summary


def _tb_offsets(text: str, words: list[str]) -> list[tuple[int, int] | None]:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out: list[tuple[int, int] | None] = []
    pos = 0
    for w in words:
        k = low.find(w, pos)
        if k < 0:
            out.append(None)
        else:
            out.append((k, k + len(w)))
            pos = k + len(w)
    return out


def _explain_textblob(text: str, table: dict, weights: dict[str, float], news: bool) -> tuple[list[dict], dict]:
    words = _tb_words(text)
    if words is None:
        res = _tb_en.sentiment(str(text))
        return [], {"textblob": res[0], "textblob_explained": False}
    _, emoticons, negations = _tb_tables()
    a = _tb_assess(words, table, emoticons, negations, trace=True)
    offs = _tb_offsets(text, words)
    rows = []
    for entry in a:
        chunk, p, _s, _i, negated, notes, idx, head, head_p = entry
        rules = [r for r, _ in notes[1:]] if notes else []
        final = p * -0.5 if negated < 0 else p
        if negated < 0:
            neg_word = next((w for w in chunk if w in negations), "not")
            rules.append(f"negation '{neg_word}' x-0.5")
        if final == 0:
            rules.append("neutral word: counts 0 in TextBlob's average")
        keep = weights.get(head) if news else None
        if keep is not None:
            rules.insert(0, f"news mode: topic word, {keep:.0%} of lexicon value kept")
        k = [j for j in idx if j >= 0][-1]
        span = offs[k] if k < len(offs) else None
        base_p = _tb_tables()[0].get(head, (head_p,))[0]
        rows.append({"method": "textblob", "word": head, "start": span[0] if span else None,
                     "end": span[1] if span else None, "lexicon": base_p, "news_keep": keep,
                     "rules": "; ".join(rules), "valence": round(float(final), 4)})
    polarity, _ = _tb_from_assessments(a)
    return rows, {"textblob": polarity, "textblob_explained": True}


def explain_sentiment(text_or_span: Any, article: Article | None = None, mode: str | None = None,
                      news: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The words behind a sentence's VADER and TextBlob scores, and the rules that changed them.

    One row per lexicon word that counted (per method): ``word``, ``start``/``end`` (offsets into
    the sentence), ``article_start``/``article_end`` (offsets into ``article.text`` when a span
    and its article are given), ``lexicon`` (the published lexicon value: VADER −4…+4, TextBlob
    −1…+1), ``news_keep`` (share kept in news mode), ``rules`` (negation, booster/dampener, "but",
    ALL CAPS, exclamation, idiom, intensifier, and in news mode the topic-word share and the
    negativity weight) and ``valence`` (the word's final contribution). ``share`` is each word's
    part of its method's total. VADER's punctuation emphasis and, in news mode, each negation or
    contrast cue are rows of their own, so the VADER rows always add up to ``vader_sum``. ``df.attrs`` holds the sentence totals: ``vader`` (compound),
    ``vader_sum`` (sum of valences + punctuation, which VADER normalises as
    sum / sqrt(sum² + 15)) and ``textblob`` (the mean of the TextBlob valences).

    Parameters
    ----------
    text_or_span : str, or anything with ``start``/``end`` (a Sentence, Span, or an int
        sentence index) together with ``article``.
    mode : "news" (default) or "standard" — which lexicon the explanation uses.

    >>> df = explain_sentiment("The talks were not very good!", mode="standard")
    >>> df[["method", "word", "lexicon", "rules", "valence"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['vader', 'good', 1.9, "booster 'very'; negation ('not')", -1.6228],
     ['vader', '!', nan, "punctuation emphasis (1 '!', 0 '?')", -0.292],
     ['textblob', 'good', 0.7,
      "intensifier 'very' x0.769 (inverted by negation); exclamation x1.25; negation 'not' x-0.5", -0.3365]]
    """
    mode = _check_mode(mode)
    offset = None
    if isinstance(text_or_span, str):
        text = text_or_span
    elif isinstance(text_or_span, int) and article is not None:
        if not 0 <= text_or_span < article.n_sentences:
            raise ParameterError(f"sentence {text_or_span}: the article has {article.n_sentences} sentences — "
                                 "pass an index from 0 to n_sentences - 1.")
        s = article.sentences[text_or_span]
        text, offset = s.text, s.start
    elif hasattr(text_or_span, "start") and hasattr(text_or_span, "end"):
        if article is not None:
            text, offset = article.text[text_or_span.start:text_or_span.end], text_or_span.start
        elif getattr(text_or_span, "text", None):
            text = text_or_span.text
        else:
            raise ParameterError("explain_sentiment: a span without text needs article= to read its words.")
    else:
        raise ParameterError(f"text_or_span={type(text_or_span).__name__}: pass a string, a sentence/span "
                             "with start and end, or a sentence index together with article=.")
    settings = news_settings(news)
    news_on = mode == "news"
    ttable = settings.textblob_table if news_on else _tb_tables()[0]
    vrows, vsum = _explain_vader(text, settings if news_on else None)
    trows, tsum = _explain_textblob(text, ttable, settings.weights, news_on)
    df = pd.DataFrame(vrows + trows, columns=EXPLAIN_COLUMNS)
    if offset is not None:
        df["article_start"] = df["start"].map(lambda v: None if v is None or pd.isna(v) else int(v) + offset)
        df["article_end"] = df["end"].map(lambda v: None if v is None or pd.isna(v) else int(v) + offset)
    for method in ("vader", "textblob"):
        m = df["method"] == method
        total = df.loc[m, "valence"].abs().sum()
        df.loc[m, "share"] = (df.loc[m, "valence"] / total).round(3) if total else 0.0
    df.attrs.update(vsum)
    df.attrs.update(tsum)
    df.attrs["mode"] = mode
    df.attrs["text"] = text
    return df


# =================================================================================================
# Agreement, actors, JSON
# =================================================================================================
@dataclass
class MethodAgreement:
    """How far VADER and TextBlob agree on a set of sentences."""

    n: int
    pearson: float
    spearman: float
    label_agreement: float
    confusion: pd.DataFrame   # rows = VADER label, columns = TextBlob label

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{"n": self.n, "pearson": self.pearson, "spearman": self.spearman,
                              "label_agreement": self.label_agreement}])

    def __repr__(self) -> str:
        return (f"MethodAgreement(n={self.n}, pearson={self.pearson:.3f}, spearman={self.spearman:.3f}, "
                f"label_agreement={self.label_agreement:.3f})\n{self.confusion}")


def _pearson(x: pd.Series, y: pd.Series) -> float:
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return float("nan")
    return float(round(x.corr(y), 4))


def method_agreement(df: pd.DataFrame, a: str = "vader", b: str = "textblob") -> MethodAgreement:
    """Correlation and label confusion table between two score columns (VADER vs TextBlob).

    Spearman is the Pearson correlation of the ranks (average ranks for ties).

    >>> from newslab import Article
    >>> art = Article.from_text("T\\n\\nA good plan. A terrible, sad loss. Nothing more. Not good.")
    >>> ag = method_agreement(score_sentiment(art))
    >>> ag.n, ag.label_agreement
    (4, 0.75)
    """
    for col in (a, b, f"{a}_label", f"{b}_label"):
        if col not in df.columns:
            raise ParameterError(f"df: column {col!r} missing — pass the DataFrame returned by score_sentiment().")
    x, y = df[a].astype(float), df[b].astype(float)
    order = ["neg", "neu", "pos"]
    conf = pd.crosstab(pd.Categorical(df[f"{a}_label"], categories=order),
                       pd.Categorical(df[f"{b}_label"], categories=order), dropna=False)
    conf.index.name, conf.columns.name = a, b
    agree = float((df[f"{a}_label"] == df[f"{b}_label"]).mean()) if len(df) else float("nan")
    return MethodAgreement(len(df), _pearson(x, y), _pearson(x.rank(), y.rank()), round(agree, 4), conf)


def _span_bounds(spans: Any) -> list[tuple[int, int, Any]]:
    if isinstance(spans, pd.DataFrame):
        if not {"start", "end"} <= set(spans.columns):
            raise ParameterError("spans: the DataFrame needs 'start' and 'end' columns (e.g. find_mentions()).")
        return [(int(s), int(e), i) for i, s, e in zip(spans.index, spans["start"], spans["end"])]
    out = []
    for k, sp in enumerate(spans):
        if isinstance(sp, tuple) and len(sp) >= 2:
            out.append((int(sp[0]), int(sp[1]), k))
        elif hasattr(sp, "start") and hasattr(sp, "end"):
            out.append((int(sp.start), int(sp.end), k))
        else:
            raise ParameterError(f"spans[{k}]: needs start and end offsets (a Span, a (start, end) tuple, "
                                 "or a DataFrame with start/end columns).")
    return out


def actor_sentiment(article: Article, spans: Any, by: str | None = None, mode: str | None = None) -> pd.DataFrame:
    """Mean sentiment of the sentences that contain any of the given spans.

    ``spans``: objects with ``start``/``end`` (mentions, Spans), ``(start, end)`` tuples, or a
    DataFrame with ``start``/``end`` columns (e.g. ``find_mentions(article)``). With ``by`` (a
    column of that DataFrame such as ``"actor"``) you get one row per group. A sentence counts
    once per group even when it holds several mentions.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nPutin was glad. Erdogan was sad. Putin left.")
    >>> actor_sentiment(a, [a.span(7, 12), a.span(40, 45)])[["n_sentences", "sentences"]].values.tolist()
    [[2, [0, 2]]]
    """
    if not isinstance(article, Article):
        raise ParameterError("article: actor_sentiment works on one Article (loop over a corpus).")
    df = score_sentiment(article, mode)
    bounds = _span_bounds(spans)
    groups: dict[Any, set[int]] = {}
    for s, e, key in bounds:
        g = spans.loc[key, by] if by is not None and isinstance(spans, pd.DataFrame) else "all"
        sent = article.sentence_at(s)
        if sent is None:
            continue
        groups.setdefault(g, set()).add(sent.i)
        end_sent = article.sentence_at(max(s, e - 1))
        if end_sent is not None:
            groups[g].add(end_sent.i)
    rows = []
    for g, idx in groups.items():
        sub = df[df["i"].isin(sorted(idx))]
        row = {"n_sentences": len(sub), "sentences": sorted(idx),
               "vader": round(sub["vader"].mean(), 4), "textblob": round(sub["textblob"].mean(), 4),
               "score": round(sub["score"].mean(), 4)}
        row["label"] = label_score(row["score"])
        if by is not None:
            row = {by: g, **row}
        rows.append(row)
    cols = ([by] if by else []) + ["n_sentences", "sentences", "vader", "textblob", "score", "label"]
    return pd.DataFrame(rows, columns=cols)
