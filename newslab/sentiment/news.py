"""News mode: the rules of ``newslab/resources/sentiment_news.yml``, applied in one place.

(1) Topic words (*conflict*, *crisis*, *war*; halved, *killed*, *attack*; institution names such
as *Justice* Department) keep only a share of their lexicon value, in VADER and in TextBlob;
(2) negative VADER valences count ``negative_weight`` times (negativity bias in how news is read);
(3) each negation word and each contrast word ("not", "despite", "however") adds a small
negative cue to VADER's sum. :func:`vader_news` and :func:`textblob_news` are used both for
scoring and, with a ``trace``, for explanations.

>>> from newslab.sentiment import vader
>>> st = news_settings()
>>> t = vader.tokenize("Talks on the Syrian conflict went well.")
>>> vader.polarity_scores(t.text)["compound"], vader_news(st, t)[0]  # "conflict" kept 0 %
(-0.0516, 0.2732)
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from ..lazy import pandas as pd

from ..errors import ParameterError, ResourceFileError
from ..resources import load_yaml, resource_stamp
from . import textblob, vader

__all__ = ["MODES", "DEFAULT_MODE", "NEWS_RESOURCE", "VADER_POS", "NewsSettings", "news_settings",
           "check_mode", "vader_lexicon", "news_lexicon", "vader_news", "textblob_news"]

MODES = ("news", "standard")
DEFAULT_MODE = "news"
NEWS_RESOURCE = "sentiment_news.yml"
VADER_POS = 0.05  # VADER's labelling threshold (Hutto & Gilbert 2014; vaderSentiment README)


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
    vlex = dict(vader.lexicon())
    for w, keep in weights.items():
        if w in vlex:
            vlex[w] = vlex[w] * keep + 0.0  # + 0.0 turns -0.0 into 0.0
    tlex = dict(textblob.table())
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
    """Load the news-mode resource (packaged ``sentiment_news.yml`` unless ``path`` is given).

    >>> news_settings().negative_weight
    1.75
    """
    return _news_settings_cached(*resource_stamp(path or NEWS_RESOURCE))


def check_mode(mode: str | None) -> str:
    """``mode``, or the default mode for None; a ParameterError for an unknown one."""
    mode = DEFAULT_MODE if mode is None else mode
    if mode not in MODES:
        raise ParameterError(f"mode={mode!r}: unknown sentiment mode — use 'news' or 'standard'.")
    return mode


def vader_lexicon(mode: str = "standard", news: str | os.PathLike[str] | None = None) -> dict[str, float]:
    """VADER's lexicon: the published one (``standard``) or with news mode's weights (``news``).

    >>> vader_lexicon("standard")["war"], vader_lexicon("news")["war"]
    (-2.9, 0.0)
    """
    return news_settings(news).vader_lexicon if check_mode(mode) == "news" else vader.lexicon()


def news_lexicon(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The topic words news mode tones down: word, VADER value, value in news mode, share kept.

    >>> float(news_lexicon().set_index("word").loc["war", "vader_news"])
    0.0
    """
    st = news_settings(path)
    lex = vader.lexicon()
    rows = [{"word": w, "keep": k, "vader": lex.get(w), "vader_news": st.vader_lexicon.get(w)}
            for w, k in sorted(st.weights.items())]
    return pd.DataFrame(rows, columns=["word", "keep", "vader", "vader_news"])


def _mark_topic_words(trace: list[dict[str, Any]], heads: list[str], weights: dict[str, float]) -> None:
    for entry, head in zip(trace, heads):
        keep = entry["news_keep"] = weights.get(head)
        if keep is not None:
            entry["rules"].insert(0, (f"news mode: topic word, {keep:.0%} of lexicon value kept", entry["lexicon"]))


def _negation_hits(t: vader.Tokens) -> bool:
    # A negation word, or an "n't" word (a quick test before counting; most sentences have none).
    return not vader.NEGATE.isdisjoint(t.lowers) or "'" in t.text and "n't" in t.text.lower()


def _add_cues(trace: list[dict[str, Any]] | None, ks: list[int], rule: str, cue: float) -> None:
    if trace is not None:
        trace += [{"k": k, "lexicon": None, "news_keep": None, "rules": [(rule, cue)], "valence": cue} for k in ks]


def vader_news(st: NewsSettings, t: vader.Tokens, valences: list[float] | None = None,
               trace: list[dict[str, Any]] | None = None) -> tuple[float, float]:
    """VADER in news mode: ``(compound, sum of the valences and cues before punctuation)``.

    ``valences`` are the sentence's standard VADER valences, reused when no topic word occurs.
    With ``trace`` (a list), it gets :func:`vader.valences`' entries with the news rules added
    (and ``news_keep``), then one entry per cue word (``lexicon`` None).
    """
    lw = t.lowers
    if valences is None or trace is not None or not st.weights.keys().isdisjoint(lw):
        valences = vader.valences(t, st.vader_lexicon, trace)
        if trace is not None:
            _mark_topic_words(trace, [lw[e["k"]] for e in trace], st.weights)
    total = float(sum(valences))
    w = st.negative_weight
    if w != 1.0:
        total += (w - 1.0) * sum(filter((0.0).__gt__, filter(None, valences)))  # the negative valences
        for entry in trace or ():
            if entry["valence"] < 0:
                entry["valence"] *= w
                entry["rules"].append((f"news mode: negative words count x{w:g}", entry["valence"]))
    if st.negation_cue and _negation_hits(t):
        neg = vader.NEGATE
        ks = [k for k, low in enumerate(lw) if low in neg or "n't" in low]  # vader.negated, inlined
        total += st.negation_cue * len(ks)
        _add_cues(trace, ks, "news mode: negation cue", st.negation_cue)
    if st.contrast_cue and not st.contrast_words.isdisjoint(lw):
        ks = [k for k, low in enumerate(lw) if low in st.contrast_words]
        total += st.contrast_cue * len(ks)
        _add_cues(trace, ks, "news mode: contrast cue", st.contrast_cue)
    return vader.compound(total, t.emphasis), total


def textblob_news(st: NewsSettings, words: list[str], polarity: float | None = None,
                  trace: list[dict[str, Any]] | None = None) -> float:
    """TextBlob's polarity in news mode (topic words toned down in its lexicon).

    ``polarity`` is the standard one, reused when no topic word occurs. With ``trace``, it gets
    :func:`textblob.assess`' entries with ``news_keep`` and the topic-word rule.
    """
    if polarity is not None and trace is None and st.weights.keys().isdisjoint(words):
        return polarity
    a = textblob.assess(words, st.textblob_table, trace)
    if trace is not None:
        _mark_topic_words(trace, [e["word"] for e in trace], st.weights)
    return textblob.polarity(a, trace)[0]
