"""KWIC, n-grams, frequencies, collocations and keyness on the seed and on small texts."""
from __future__ import annotations

import pytest

from newslab import Article, Corpus
from newslab.errors import ParameterError
from newslab.textutils import collocations, keyness, kwic, ngrams, word_frequencies


def test_kwic_seed_russia(seed):
    df = kwic(seed, "russia", window=3)
    assert len(df) == 6  # "Russia" as a word, not "Russian"
    assert all(seed.text[r.start:r.end] == r.keyword for r in df.itertuples())
    assert df.iloc[0].left == "Syrian conflict ," and df.iloc[0].right == "and Turkey have"


def test_kwic_glob_and_phrase(seed):
    assert len(kwic(seed, "russia*")) == 11  # Russia x6 + Russian x5
    phrase = kwic(seed, "political settlement")
    assert list(phrase.keyword) == ["political settlement", "political settlement"]


def test_kwic_patterns_of_the_matcher():
    a = Article.from_text("T\n\nWashington imposed tough sanctions on Tehran. Iran’s envoy denounced "
                          "the sanctions. Tehran and Washington talked.")
    gap = kwic(a, "impose* ... sanctions", window=1)
    assert gap[["left", "keyword", "right"]].values.tolist() == [["Washington", "imposed tough sanctions", "on"]]
    assert list(kwic(a, "(tehran|washington)").keyword) == ["Washington", "Tehran", "Tehran", "Washington"]
    assert list(kwic(a, "iran's").keyword) == ["Iran’s"]  # split and apostrophe as in the article
    assert list(kwic(a, "Tehran", case_sensitive=True).start) == [a.text.index("Tehran"),
                                                                   a.text.index("Tehran and")]
    assert kwic(a, "tehran", case_sensitive=True).empty
    with pytest.raises(ParameterError, match="pattern="):
        kwic(a, "... sanctions")


def test_kwic_corpus_has_doc_ids():
    c = Corpus([Article.from_text("A\n\nTurkey won.", id="x"), Article.from_text("B\n\nTurkey lost.", id="y")])
    assert list(kwic(c, "turkey").doc_id) == ["x", "y"]


def test_word_frequencies_drop_stopwords(seed):
    df = word_frequencies(seed, top=5)
    assert df.iloc[0].word == "syria" and df.iloc[0]["count"] == 9
    assert "the" not in set(word_frequencies(seed).word)
    assert "the" in set(word_frequencies(seed, drop_stopwords=False).word)


def test_ngrams_counts():
    a = Article.from_text("T\n\nThe peace plan works. The peace plan fails.")
    df = ngrams(a, 3)
    assert df.iloc[0].tolist() == ["the peace plan", 2]


def test_collocations_seed(seed):
    df = collocations(seed, min_count=2)
    top = set(df.head(5).bigram)
    assert {"russian warplane", "political settlement", "political solution"} <= top
    assert (df.llr.diff().dropna() <= 0).all()


def test_keyness_against_reference():
    target = Article.from_text("T\n\nSanctions hit Russia. Sanctions hurt trade. Sanctions stay.")
    ref = Article.from_text("R\n\nTrade grew. Trade is good. Football won.")
    df = keyness(target, ref, min_count=2)
    assert df.iloc[0].word == "sanctions" and df.iloc[0].g2 > 0
    assert df[df.word == "trade"].g2.iloc[0] < 0
