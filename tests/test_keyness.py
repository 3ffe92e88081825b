"""Keyness (newslab.keyness) against a worked example computed by hand, and between groups of a corpus."""
from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.errors import ParameterError
from newslab.keyness import g2_williams, keyness, keyness_between, word_counts
from newslab.pipeline import analyze_corpus

TARGET = "war war war war war war peace talks trade border"                       # 10 words, war × 6
REFERENCE = ("war war talks talks talks trade trade trade border border pipeline pipeline gas gas gas "
             "summit summit visit visit visit")                                       # 20 words, war × 2


def test_g2_with_williams_matches_the_worked_example():
    """The word "war": a = 6 of 10 target words, b = 2 of 20 reference words.

    2 × 2 table: a = 6, b = 2, c = 10 − 6 = 4, d = 20 − 2 = 18, N = 30.
    Expected: E11 = 8·10/30 = 2.6667, E12 = 8·20/30 = 5.3333, E21 = 22·10/30 = 7.3333,
    E22 = 22·20/30 = 14.6667.
    G² = 2 [6 ln(6/2.6667) + 2 ln(2/5.3333) + 4 ln(4/7.3333) + 18 ln(18/14.6667)]
       = 2 [4.8656 − 1.9617 − 2.4246 + 3.6865] = 8.3314.
    Williams: q = 1 + (30/8 + 30/22 − 1)(30/10 + 30/20 − 1) / (6 · 30) = 1 + 4.1136 · 3.5 / 180 = 1.0800,
    so G² = 8.3314 / 1.0800 = 7.7143 (positive: 6 > E11), p = P(χ²₁ ≥ 7.7143) = erfc(√(7.7143/2)) = 0.00548.
    Log ratio: log2((6/10) / (2/20)) = log2 6 = 2.585.
    These are quanteda's formulas for textstat_keyness(measure = "lr"): the four-cell G², Williams's q
    (1 when a cell is 0) and p = 1 − pchisq(|G²|, 1).
    """
    kw = keyness(TARGET, REFERENCE, stopwords=False, min_count=1).set_index("feature")
    war = kw.loc["war"]
    assert (war["n_target"], war["n_reference"]) == (6, 2)
    assert war["G2"] == pytest.approx(7.7143, abs=5e-5)
    assert war["p"] == pytest.approx(0.00548, abs=5e-6)
    assert war["log_ratio"] == pytest.approx(math.log2(6))
    assert g2_williams(6, 2, 10, 20, "none") == pytest.approx(8.3314, abs=5e-5)
    assert kw.index[0] == "war"                                          # the most over-used word first
    # "gas": 0 in the target, 3 of 20 in the reference → negative (under-used); a zero cell: q = 1
    gas = kw.loc["gas"]
    c, d, n = 10, 17, 30
    by_hand = 2 * (3 * math.log(3 / (3 * 20 / n)) + c * math.log(c / (27 * 10 / n)) + d * math.log(d / (27 * 20 / n)))
    assert gas["G2"] == pytest.approx(-by_hand) and gas["log_ratio"] == pytest.approx(math.log2((0.5 / 10) / (3 / 20)))


def test_balanced_words_are_not_key_and_p_is_adjusted():
    kw = keyness("gas talks gas talks", "gas talks gas talks gas talks", stopwords=False, min_count=1)
    assert kw["G2"].abs().max() == pytest.approx(0.0, abs=1e-12) and (kw["p"] == 1.0).all()
    kw = keyness(TARGET, REFERENCE, stopwords=False, min_count=1)
    assert (kw["p_adj"] >= kw["p"] - 1e-12).all()


def test_stopwords_and_min_count_are_configurable(tmp_path):
    text_t, text_r = "The war and the war and the war", "The talks and the talks"
    assert "the" not in set(keyness(text_t, text_r, min_count=1)["feature"])             # newslab's list
    assert "the" in set(keyness(text_t, text_r, stopwords=False, min_count=1)["feature"])
    own = tmp_path / "stop.txt"
    own.write_text("# mine\nwar\n", encoding="utf-8")
    assert "war" not in set(keyness(text_t, text_r, stopwords=own, min_count=1)["feature"])
    assert set(keyness(text_t, text_r, stopwords=["the", "and"], min_count=3)["feature"]) == {"war"}
    with pytest.raises(ParameterError, match="no such file"):
        keyness(text_t, text_r, stopwords=tmp_path / "missing.txt")
    with pytest.raises(ParameterError, match="both sides"):
        keyness("the and", text_r)


def test_word_counts_use_the_tokenizer():
    assert word_counts(["Turkey's S-400 deal, signed."], stopwords=False) == Counter(
        {"turkey": 1, "'s": 1, "s-400": 1, "deal": 1, "signed": 1})


def test_keyness_between_outlets_of_a_corpus_and_a_results_folder(tmp_path):
    arts = []
    for i in range(4):
        arts.append(Article.from_text(f"Brexit {i}\n\nBrussels warned London over the fishing quotas and the "
                                      "border checks.", id=f"eu{i}", source="Outlet A"))
        arts.append(Article.from_text(f"Deal {i}\n\nLondon hailed the trade deal and the fishing deal with "
                                      "Brussels.", id=f"uk{i}", source="Outlet B"))
    mem = keyness_between(analyze_corpus(Corpus(arts), steps=["sentences"], cache=False), "Outlet B")
    analyze_corpus(Corpus(arts), steps=["sentences"], out=tmp_path / "res", shard_size=3)
    disk = keyness_between(str(tmp_path / "res"), "Outlet B", reference="Outlet A")
    pd.testing.assert_frame_equal(mem, disk)
    top = mem.set_index("feature")
    assert mem["feature"].iloc[0] == "deal" and top.loc["deal", "n_target"] == 8
    assert top.loc["warned", "G2"] < 0 and top.loc["fishing", "G2"] == pytest.approx(0.0, abs=1e-9)
    with pytest.raises(ParameterError, match="not a group"):
        keyness_between(str(tmp_path / "res"), "Outlet Z")
