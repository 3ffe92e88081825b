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

newslab adds a **recommended** ``score`` and ``label`` (see :func:`recommended_score`): VADER
and TextBlob computed in *news mode* and blended with weights tuned on the NYT editorial
benchmark (odd editorials only; figures in ``benchmarks/sentiment_nyt.py``).

**News mode** (the default, ``mode="news"``) reads ``newslab/resources/sentiment_news.yml``: words
such as *conflict*, *crisis*, *war*, *killed* that in news usually name the topic rather than the
writer's tone keep only a fraction of their lexicon value. ``mode="standard"`` gives the plain
published VADER and TextBlob numbers. The default was chosen from evidence: see the YAML header.

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
>>> df[["i", "vader", "textblob", "vader_label"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'i': 0, 'vader': 0.4927, 'textblob': 0.91, 'vader_label': 'pos'},
 {'i': 1, 'vader': -0.8225, 'textblob': 0.0, 'vader_label': 'neg'}]
"""
from __future__ import annotations

import math
import os
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

import pandas as pd

from .article import Article, as_articles
from .errors import InputError, ParameterError, ResourceFileError
from .resources import load_yaml, resource_path

__all__ = [
    "score_sentiment", "sentiment_rollup", "explain_sentiment", "method_agreement", "actor_sentiment",
    "score_text", "recommended_score", "label_vader", "label_textblob", "label_score", "add_json",
    "news_lexicon", "MODES", "DEFAULT_MODE",
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
                    trace: list[dict[str, Any]] | None = None) -> list[float]:
    """Per-word valences after every VADER rule (the ``sentiments`` list of ``polarity_scores``).

    With ``trace`` (a list), one dict per lexicon word is appended: ``k`` (word index), ``word``,
    ``lexicon`` (the lexicon value) and ``rules`` (list of ``(rule, valence_after)``).
    """
    n = len(words)
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
    # _but_check, copied with its quirk: list.index() finds the first equal value, so a repeated
    # valence can be scaled twice. Reproduced so our numbers equal the wheel's.
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


def _tb_words(text: str) -> list[str] | None:
    """The lower-cased words PatternAnalyzer assesses, or None when TextBlob itself must run."""
    s = text
    if "'" in s:
        for a, b in _TB_REPLACE.items():
            s = s.replace(a, b)
    for q in _TB_QUOTES:
        if q in s:
            s = s.replace(q, f" {q} ")
    if "\n" in s and re.search(r"\n{2,}", s.replace("\r\n", "\n")):
        return None  # paragraph break → sentence marker handling; rare inside a sentence
    out: list[str] = []
    for t in s.split():
        if t[0] in _TB_PUNCT_SET or t[-1] in _TB_PUNCT_SET:
            _tb_split_token(t, out)
        else:
            out.append(t)
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
                boosted_by = last[0][-2]
                last[1] = max(-1.0, min(p * last[3], +1.0))
                last[2] = max(-1.0, min(s * last[3], +1.0))
                if trace:
                    last[5] = [("lexicon", p), (f"intensifier '{boosted_by}' x{last[3]:g}", last[1])]
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
    (-0.3076923076923077, 0.7800000000000001)
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
            vlex[w] = vlex[w] * keep
    table, _, _ = _tb_tables()
    tlex = dict(table)
    for w, keep in weights.items():
        if w in tlex:
            p, s, i, adv = tlex[w]
            tlex[w] = (p * keep, s, i, adv)
    blend = {k: float(v) for k, v in (data.get("blend") or {}).items()}
    return NewsSettings(vlex, tlex, weights, blend)


def news_settings(path: str | os.PathLike[str] | None = None) -> NewsSettings:
    """Load the news-mode resource (packaged ``sentiment_news.yml`` unless ``path`` is given)."""
    p = resource_path(path or NEWS_RESOURCE)
    return _news_settings_cached(str(p), p.stat().st_mtime)


def news_lexicon(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The topic words news mode tones down: word, VADER value, value in news mode, share kept.

    >>> news_lexicon().set_index("word").loc["war", "vader_news"]
    0.0
    """
    st = news_settings(path)
    lex = _analyzer().lexicon
    rows = [{"word": w, "keep": k, "vader": lex.get(w), "vader_news": st.vader_lexicon.get(w)}
            for w, k in sorted(st.weights.items())]
    return pd.DataFrame(rows, columns=["word", "keep", "vader", "vader_news"])
