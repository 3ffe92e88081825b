"""Text utilities at quanteda/NLTK parity: KWIC, n-grams, word frequencies, collocations, keyness.

All functions take an :class:`~newslab.article.Article` or a :class:`~newslab.article.Corpus`
(corpus results carry a ``doc_id`` column) and return pandas DataFrames with character offsets
where a row points at text.

>>> from newslab import Article
>>> a = Article.from_text("T\\n\\nRussia and Turkey met. Turkey agreed with Russia.")
>>> kwic(a, "turkey", window=2)[["left", "keyword", "right"]].values.tolist()
[['Russia and', 'Turkey', 'met .'], ['met .', 'Turkey', 'agreed with']]
"""
from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pandas as pd
else:  # pandas is imported on first use: the one-article JSON path never needs it
    from .lazy import pandas as pd

from .article import Article, Corpus, Token, as_articles
from .errors import ParameterError
from .matcher import Matcher, normalise
from .tokenize import is_word, stopwords


def _identity(token: str) -> str:
    return token


def kwic(obj: Article | Corpus, pattern: str, window: int = 5, case_sensitive: bool = False) -> pd.DataFrame:
    """Keywords in context: every match of ``pattern`` with ``window`` tokens either side.

    ``pattern`` is written as in newslab's dictionaries (:mod:`newslab.matcher`): a word, a glob
    such as ``sanction*``, alternatives such as ``(Ankara|Moscow)``, a phrase such as
    ``"political settlement"``, or a phrase with a gap of up to three words (``impose* ...
    sanctions``; the shortest match from each start is shown). Returns doc_id, sentence, start,
    end (of the keyword in ``article.text``), left, keyword, right. Context stays inside the
    keyword's paragraph.

    >>> from newslab import Article
    >>> a = Article.from_text("T\\n\\nThe EU imposed new sanctions. Syria's ally spoke.")
    >>> kwic(a, "impose* ... sanctions", window=1)[["left", "keyword", "right"]].values.tolist()
    [['EU', 'imposed new sanctions', '.']]
    >>> kwic(a, "syria's", window=1).keyword.tolist()
    ["Syria's"]
    """
    matcher = Matcher(normalise=_identity if case_sensitive else normalise)
    try:
        matcher.add(pattern, True)
    except ValueError as exc:
        raise ParameterError(f"pattern={pattern!r}: {exc}") from None
    rows = []
    for art in as_articles(obj):
        toks = art.tokens
        keys = matcher.keys_of(t.text for t in toks)
        para_of = [art.sentences[t.sentence].paragraph for t in toks]
        last = -1
        for i, j, _ in matcher.find(keys):
            if i == last:
                continue  # a longer match from the same start (a wider gap): the shortest is shown
            last = i
            p = para_of[i]
            left = [t.text for t in toks[max(0, i - window):i] if para_of[t.i] == p]
            right = [t.text for t in toks[j:j + window] if para_of[t.i] == p]
            rows.append({"doc_id": art.id, "sentence": toks[i].sentence, "start": toks[i].start,
                         "end": toks[j - 1].end, "left": " ".join(left),
                         "keyword": art.text[toks[i].start:toks[j - 1].end], "right": " ".join(right)})
    return pd.DataFrame(rows, columns=["doc_id", "sentence", "start", "end", "left", "keyword", "right"])


def _words(art: Article, drop_stopwords: bool, lemmatize: bool = False) -> list[list[str]]:
    """Lower-cased word tokens per sentence (punctuation dropped)."""
    stops = stopwords()
    lemma = _lemmatizer() if lemmatize else None
    out: list[list[str]] = [[] for _ in art.sentences]
    for t in art.tokens:
        w = t.text.lower()
        if not is_word(w) or (drop_stopwords and w in stops):
            continue
        out[t.sentence].append(lemma(w) if lemma else w)
    return out


def _lemmatizer():
    from .nltkdata import require

    require("wordnet", "lemmatized word frequencies")
    from nltk.stem import WordNetLemmatizer

    return WordNetLemmatizer().lemmatize


def word_frequencies(obj: Article | Corpus, drop_stopwords: bool = True, lemmatize: bool = False,
                     top: int | None = None) -> pd.DataFrame:
    """Word counts (lower-cased, punctuation dropped, stopwords dropped by default).

    Returns word, count, share (of counted words) and docs (number of articles using it), most
    frequent first; ties are broken alphabetically so the order is reproducible.
    """
    counts: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    for art in as_articles(obj):
        words = [w for sent in _words(art, drop_stopwords, lemmatize) for w in sent]
        counts.update(words)
        docs.update(set(words))
    total = sum(counts.values()) or 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return pd.DataFrame([{"word": w, "count": c, "share": c / total, "docs": docs[w]} for w, c in rows],
                        columns=["word", "count", "share", "docs"])


def ngrams(obj: Article | Corpus, n: int = 2, drop_stopwords: bool = False, top: int | None = None) -> pd.DataFrame:
    """Counts of word n-grams within sentences: ngram (space-joined), count; most frequent first."""
    counts: Counter[str] = Counter()
    for art in as_articles(obj):
        for sent in _words(art, drop_stopwords):
            counts.update(" ".join(sent[i:i + n]) for i in range(len(sent) - n + 1))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return pd.DataFrame(rows, columns=["ngram", "count"])


def collocations(obj: Article | Corpus, min_count: int = 2, top: int = 20,
                 drop_stopwords: bool = True) -> pd.DataFrame:
    """Two-word collocations scored by PMI and log-likelihood ratio (``nltk.collocations``).

    Pairs are counted within sentences. Returns bigram, count, pmi, llr sorted by llr (the
    measure that does not over-reward rare pairs; Dunning 1993).
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    docs = [sent for art in as_articles(obj) for sent in _words(art, drop_stopwords)]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(min_count)
    measures = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(measures.pmi))
    llr = dict(finder.score_ngrams(measures.likelihood_ratio))
    rows = [{"bigram": f"{a} {b}", "count": finder.ngram_fd[(a, b)], "pmi": pmi[(a, b)], "llr": llr[(a, b)]}
            for (a, b) in pmi]
    df = pd.DataFrame(rows, columns=["bigram", "count", "pmi", "llr"])
    return df.sort_values(["llr", "bigram"], ascending=[False, True], ignore_index=True).head(top)


def keyness(target: Article | Corpus | Iterable[Article], reference: Article | Corpus | Iterable[Article],
            drop_stopwords: bool = True, min_count: int = 2, top: int | None = 30) -> pd.DataFrame:
    """Words over-used in ``target`` compared with ``reference`` (log-likelihood G², Rayson & Garside 2000).

    Returns word, target_count, reference_count, g2 (signed: negative = under-used in target),
    and log_ratio (binary log of the relative frequencies, with 0.5 added to zero counts).
    """
    t = Counter(w for a in as_articles(target) for s in _words(a, drop_stopwords) for w in s)
    r = Counter(w for a in as_articles(reference) for s in _words(a, drop_stopwords) for w in s)
    nt, nr = sum(t.values()) or 1, sum(r.values()) or 1
    rows = []
    for w in set(t) | set(r):
        a, b = t[w], r[w]
        if a + b < min_count:
            continue
        e1 = nt * (a + b) / (nt + nr)
        e2 = nr * (a + b) / (nt + nr)
        g2 = 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))
        sign = 1 if a / nt >= b / nr else -1
        log_ratio = math.log2(((a or 0.5) / nt) / ((b or 0.5) / nr))
        rows.append({"word": w, "target_count": a, "reference_count": b, "g2": sign * g2, "log_ratio": log_ratio})
    df = pd.DataFrame(rows, columns=["word", "target_count", "reference_count", "g2", "log_ratio"])
    df = df.sort_values(["g2", "word"], ascending=[False, True], ignore_index=True)
    return df.head(top) if top else df


def tokens_in(art: Article, start: int, end: int) -> list[Token]:
    """Tokens of ``art`` that lie inside ``[start, end)``."""
    return [t for t in art.tokens if t.start >= start and t.end <= end]
