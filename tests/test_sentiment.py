"""Tests for newslab.sentiment: real values on the seed article and on small texts.

Values for the seed were verified by reading the sentences (see comments) and by running the
published vaderSentiment / TextBlob functions on the same sentence text.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, normalize

from newslab import Article, Corpus
from newslab import sentiment as S
from newslab.errors import ParameterError, ResourceFileError
from newslab.io import load_article

SEED = Path(__file__).resolve().parents[1] / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"


@pytest.fixture(scope="module")
def wheel() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article(SEED)


@pytest.fixture(scope="module")
def seed_df(seed) -> pd.DataFrame:
    return S.score_sentiment(seed)


# --- the engines equal the published packages --------------------------------------------------
ENGINE_CASES = [
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "At least it isn't a horrible book.",
    "Today only kinda sux! But I'll get by, lol",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Make sure you :) or :D today!",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Sentiment analysis has never been this good!",
    "Not such a badass after all.",
    "This was kind of good, sort of.",
    "It is a really not good idea (!) and very, very bad.",
    "First paragraph is fine.\n\nSecond one is terrible.",
    "Mr. Putin said the U.S. was \u201cdeeply wrong\u201d \u2014 not \u2018helpful\u2019.",
    "",
]


@pytest.mark.parametrize("text", ENGINE_CASES)
def test_engines_equal_published_packages(text, wheel):
    assert S.vader_polarity(text) == wheel.polarity_scores(text)
    blob = TextBlob(text).sentiment
    assert S.textblob_polarity(text) == (blob.polarity, blob.subjectivity)


def test_engines_equal_on_every_seed_sentence(seed, wheel):
    for s in seed.sentences:
        assert S.vader_polarity(s.text) == wheel.polarity_scores(s.text), s.text
        blob = TextBlob(s.text).sentiment
        assert S.textblob_polarity(s.text) == (blob.polarity, blob.subjectivity), s.text


# --- the seed article ---------------------------------------------------------------------------
def test_seed_table_shape_and_offsets(seed, seed_df):
    assert len(seed_df) == 25
    assert list(seed_df.columns) == S.SENTENCE_COLUMNS
    for r in seed_df.itertuples():
        assert seed.text[r.start:r.end] == r.text
    assert set(seed_df["mode"]) == {"news"}


def test_seed_most_negative_sentence(seed_df):
    # "Ties between the two countries went through their worst crisis since the end of the Cold
    # War when the Turkish air force shot down a Russian warplane ..." — read as the bleakest line.
    low = seed_df.loc[seed_df["vader"].idxmin()]
    assert low["i"] == 23 and low["text"].startswith("Ties between the two countries")
    assert low["vader"] == -0.9201
    assert low["textblob"] == pytest.approx(-0.4389, abs=1e-4)
    assert seed_df.loc[seed_df["score"].idxmin(), "i"] == 23
    assert low["label"] == "neg" and low["vader_label"] == "neg" and low["textblob_label"] == "neg"


def test_seed_most_positive_sentences(seed_df):
    # VADER: '"We are united in the need to increase efforts ..."' (united, ensure, stabilisation).
    top_v = seed_df.loc[seed_df["vader"].idxmax()]
    assert top_v["i"] == 3 and top_v["vader"] == 0.7717
    # Recommended score: '"Our relationship has been restored almost to its full capacity," Putin
    # said ... he was glad to see the Turkish leader.' — both methods positive (glad, full).
    top = seed_df.loc[seed_df["score"].idxmax()]
    assert top["i"] == 9 and top["text"].startswith('"Our relationship has been restored')
    assert top["vader"] == 0.6597 and top["textblob"] == pytest.approx(0.425)
    assert top["score"] == pytest.approx(0.5893, abs=1e-4) and top["label"] == "pos"


def test_news_mode_on_seed_topic_sentences(seed_df):
    # "Turkish Foreign Minister ... was seeking a political solution to the crisis."
    row = seed_df.loc[11]
    assert row["vader"] == -0.4215 and row["vader_label"] == "neg"   # "crisis" makes plain VADER negative
    assert row["vader_news"] == 0.3182 and row["label"] == "pos"     # "solution" is what remains
    # "Despite being on opposing sides of the Syrian conflict, ... ended a crisis ...": conflict and
    # crisis no longer count; what is left is the negation cue of "Despite" (-1.0 -> -0.25).
    assert seed_df.loc[1, "vader"] == -0.7506 and seed_df.loc[1, "vader_news"] == -0.25


def test_standard_mode_score_is_plain_blend(seed):
    df = S.score_sentiment(seed, mode="standard")
    assert (df["vader_news"] == df["vader"]).all()
    expected = (0.7 * df["vader"] + 0.3 * df["textblob"]).round(4)
    assert (df["score"] - expected).abs().max() <= 1.01e-4  # both sides rounded to 4 places


def test_rollups(seed, seed_df):
    art = S.sentiment_rollup(seed_df, "article")
    assert len(art) == 1 and art.loc[0, "n_sentences"] == 25
    assert art.loc[0, "vader"] == pytest.approx(seed_df["vader"].mean(), abs=1e-4)
    assert art.loc[0, "vader"] == pytest.approx(-0.0113, abs=1e-4)
    par = S.sentiment_rollup(seed_df, "paragraph")
    assert len(par) == seed.n_paragraphs == 23
    assert par["n_sentences"].sum() == 25
    # paragraph 12 holds the two quoted sentences of Cavusoglu (sentences 12 and 13)
    p12 = par[par["paragraph"] == seed_df.loc[12, "paragraph"]].iloc[0]
    assert p12["n_sentences"] == 2
    assert p12["score"] == pytest.approx((seed_df.loc[12, "score"] + seed_df.loc[13, "score"]) / 2, abs=1e-4)
    with pytest.raises(ParameterError):
        S.sentiment_rollup(seed_df, "sentence")


def test_corpus_adds_doc_id(seed):
    other = Article.from_text("Second\n\nThe summit was a great success. Nobody was happy.", id="b2")
    df = S.score_sentiment(Corpus([seed, other]))
    assert list(df.columns[:2]) == ["doc_id", "date"]
    assert df["doc_id"].value_counts().to_dict() == {seed.id: 25, "b2": 2}
    roll = S.sentiment_rollup(df, "article")
    assert list(roll["doc_id"]) == [seed.id, "b2"]
    assert roll.loc[1, "label"] == "pos"


# --- explanations -------------------------------------------------------------------------------
def test_explain_worst_crisis_sentence(seed):
    sent = seed.sentences[23]
    ex = S.explain_sentiment(sent, seed, mode="standard")
    vader = ex[ex["method"] == "vader"].set_index("word")
    assert {"worst", "crisis"} <= set(vader.index)
    assert vader.loc["worst", "lexicon"] == -3.1 and vader.loc["crisis", "lexicon"] == -3.1
    assert "worst" in set(ex.loc[ex["method"] == "textblob", "word"])
    # offsets point at the words, in the sentence and in the article
    for r in ex.itertuples():
        assert sent.text[int(r.start):int(r.end)].lower() == r.word.lower()
        assert seed.text[int(r.article_start):int(r.article_end)].lower() == r.word.lower()
    # the traced valences add up to VADER's compound
    assert round(normalize(vader["valence"].sum()), 4) == ex.attrs["vader"] == -0.9201


def test_explain_news_mode_names_the_rule(seed):
    ex = S.explain_sentiment(seed.sentences[23], seed)  # default: news mode
    crisis = ex[(ex["method"] == "vader") & (ex["word"] == "crisis")].iloc[0]
    assert crisis["valence"] == 0.0 and crisis["news_keep"] == 0.0
    assert "news mode" in crisis["rules"]
    worst = ex[(ex["method"] == "vader") & (ex["word"] == "worst")].iloc[0]
    assert worst["valence"] == pytest.approx(-3.1 * 1.75)  # negativity weight of news mode
    assert "negative words count x1.75" in worst["rules"]
    # only "worst" is left: -5.425 / sqrt(5.425² + 15)
    assert ex.attrs["vader"] == -0.8139 == S.score_text(seed.sentences[23].text)["vader_news"]


def test_news_mode_cues_and_trace():
    text = "Despite the deal, Ankara did not lift its sanctions, but talks continue!"
    ex = S.explain_sentiment(text)
    v = ex[ex["method"] == "vader"]
    cues = v[v["rules"].str.startswith("news mode: negation cue")]
    assert list(cues["word"]) == ["Despite", "not"] and (cues["valence"] == -1.0).all()
    assert list(v.loc[v["rules"] == "news mode: contrast cue", "word"]) == ["but"]
    # the rows add up to the news-mode compound, punctuation included
    assert round(normalize(v["valence"].sum()), 4) == ex.attrs["vader"] == S.score_text(text)["vader_news"]
    # no cue in standard mode
    assert not S.explain_sentiment(text, mode="standard")["rules"].str.contains("cue").any()


def test_recommended_label_band():
    assert S.label_score(0.004) == "neu" and S.label_score(0.006) == "pos" and S.label_score(-0.02) == "neg"
    assert S.label_score(0.0) == "neu"
    assert S.score_text("Nothing was said.")["label"] == "neg"  # "nothing" is a negation cue in news mode
    assert S.score_text("Nothing was said.", mode="standard")["label"] == "neu"


def test_explain_rules_negation_booster_but_caps_exclamation():
    ex = S.explain_sentiment("The deal is VERY good, but the talks were not helpful!", mode="standard")
    v = ex[ex["method"] == "vader"].set_index("word")
    assert "ALL CAPS" not in v.loc["good", "rules"]          # 'good' itself is lower case
    assert "booster 'very'" in v.loc["good", "rules"] and "before 'but' x0.5" in v.loc["good", "rules"]
    assert "negation ('not')" in v.loc["helpful", "rules"] and "after 'but' x1.5" in v.loc["helpful", "rules"]
    assert v.loc["helpful", "valence"] < 0 < v.loc["good", "valence"]
    assert "punctuation emphasis" in v.loc["!", "rules"]
    # TextBlob does not know "helpful"; its "!" boosts the last word it assessed ("good").
    t = ex[ex["method"] == "textblob"].set_index("word")
    assert list(t.index) == ["good"] and t.loc["good", "rules"] == "intensifier 'very' x1.3; exclamation x1.25"
    tb = S.explain_sentiment("The talks were not good!", mode="standard")
    t = tb[tb["method"] == "textblob"].set_index("word")
    assert t.loc["good", "rules"] == "exclamation x1.25; negation 'not' x-0.5"
    assert t.loc["good", "valence"] == pytest.approx(-0.4375)  # 0.7 x 1.25 x -0.5
    caps = S.explain_sentiment("The summit was GOOD for both sides.", mode="standard")
    caps_v = caps[caps["method"] == "vader"].set_index("word")
    assert caps_v.loc["GOOD", "rules"] == "ALL CAPS"
    assert caps_v.loc["GOOD", "valence"] == pytest.approx(1.9 + 0.733)


def test_explain_trace_reproduces_compound(wheel):
    texts = ENGINE_CASES[:-1] + ["Ties improved greatly, but the war is not over and no peace is near!"]
    for text in texts:
        ex = S.explain_sentiment(text, mode="standard")
        total = ex.loc[ex["method"] == "vader", "valence"].sum()
        expected = wheel.polarity_scores(text)["compound"]
        got = round(normalize(total), 4) if total else 0.0
        assert abs(got - expected) <= 2e-4, text


def test_negation_flips_score():
    pos = S.score_text("The talks were good.")
    neg = S.score_text("The talks were not good.")
    assert pos["vader"] == 0.4404 and neg["vader"] == -0.3412
    assert pos["textblob"] == 0.7 and neg["textblob"] == -0.35
    assert pos["label"] == "pos" and neg["label"] == "neg"


def test_empty_text():
    r = S.score_text("")
    assert (r["vader"], r["textblob"], r["score"], r["label"]) == (0.0, 0.0, 0.0, "neu")
    ex = S.explain_sentiment("")
    assert len(ex) == 0 and list(ex.columns) == S.EXPLAIN_COLUMNS
    empty = Article.from_text("Only a title", title_line=True)
    df = S.score_sentiment(empty)
    assert len(df) == 0 and list(df.columns) == S.SENTENCE_COLUMNS
    assert len(S.sentiment_rollup(df)) == 0
    from newslab.jsonout import article_json

    doc = article_json(empty)
    assert doc["sentences"] == [] and doc["article"]["sentiment"] == {"vader": None, "textblob": None, "score": None, "label": None}


def test_sentence_without_lexicon_words():
    text = "Russia and Turkey met in Sochi on Monday."
    r = S.score_text(text)
    assert (r["vader"], r["vader_neu"], r["textblob"], r["score"]) == (0.0, 1.0, 0.0, 0.0)
    assert r["vader_label"] == r["textblob_label"] == r["label"] == "neu"
    assert len(S.explain_sentiment(text)) == 0


def test_issue_example_topic_word():
    text = "Putin hosted Erdogan in Sochi for talks on the Syrian conflict"
    r = S.score_text(text)
    assert r["vader"] == -0.3182 and r["vader_news"] == 0.0 and r["label"] == "neu"
    assert S.score_text(text, mode="standard")["label"] == "neg"


# --- agreement, actors, JSON --------------------------------------------------------------------
def test_method_agreement_on_seed(seed_df):
    ag = S.method_agreement(seed_df)
    assert ag.n == 25 and int(ag.confusion.values.sum()) == 25
    assert list(ag.confusion.index) == ["neg", "neu", "pos"] == list(ag.confusion.columns)
    assert ag.confusion.loc["neg", "neg"] == 6 and ag.confusion.loc["pos", "neu"] == 6
    assert ag.label_agreement == pytest.approx(11 / 25)
    assert 0.2 < ag.pearson < 0.35 and 0.25 < ag.spearman < 0.45
    with pytest.raises(ParameterError):
        S.method_agreement(seed_df.drop(columns=["textblob"]))


def test_actor_sentiment_from_spans(seed, seed_df):
    text = seed.text
    spans = [seed.span(m.start(), m.end()) for m in __import__("re").finditer("Erdogan", text)]
    out = S.actor_sentiment(seed, spans)
    idx = sorted({seed.sentence_at(s.start).i for s in spans if seed.sentence_at(s.start)})
    assert out.loc[0, "sentences"] == idx
    assert out.loc[0, "score"] == pytest.approx(seed_df.loc[idx, "score"].mean(), abs=1e-4)
    putin = text.index("Putin", seed.sentences[0].start)  # the first "Putin" in the body
    frame = pd.DataFrame({"start": [s.start for s in spans] + [putin],
                          "end": [s.end for s in spans] + [putin + 5],
                          "actor": ["Erdogan"] * len(spans) + ["Putin"]})
    by = S.actor_sentiment(seed, frame, by="actor").set_index("actor")
    assert by.loc["Erdogan", "sentences"] == idx and by.loc["Putin", "n_sentences"] == 1
    with pytest.raises(ParameterError):
        S.actor_sentiment(seed, [object()])


def test_add_json_fields(seed):
    from newslab.jsonout import article_json

    doc = article_json(seed)
    sent = doc["sentences"][23]["sentiment"]
    assert set(sent) == {"vader", "textblob", "score", "label"}
    assert sent["vader"] == -0.9201 and sent["label"] == "neg"
    assert set(doc["article"]["sentiment"]) == {"vader", "textblob", "score", "label"}
    assert doc["article"]["sentiment"]["vader"] == pytest.approx(-0.0113, abs=1e-4)


# --- resource and parameters --------------------------------------------------------------------
def test_news_resource_is_editable(tmp_path):
    own = tmp_path / "my_news.yml"
    own.write_text("blend: {vader: 1.0, textblob: 0.0}\ntopic_words:\n  mine: {keep: 0.0, words: [glad]}\n",
                   encoding="utf-8")
    r = S.score_text("Both leaders were glad.", news=own)
    assert r["vader"] > 0.4 and r["vader_news"] == 0.0 and r["score"] == 0.0
    lex = S.news_lexicon(own)
    assert list(lex["word"]) == ["glad"] and lex.loc[0, "vader"] == 2.0
    bad = tmp_path / "bad.yml"
    bad.write_text("topic_words: [war, crisis]\n", encoding="utf-8")
    with pytest.raises(ResourceFileError, match="topic_words"):
        S.score_text("war", news=bad)


def test_packaged_news_lexicon_has_the_issue_words():
    lex = S.news_lexicon().set_index("word")
    for w in ("conflict", "crisis", "war"):
        assert lex.loc[w, "keep"] == 0.0
    assert lex.loc["killed", "keep"] == 0.5 and lex.loc["killed", "vader_news"] == pytest.approx(-1.75)


def test_bad_parameters(seed):
    with pytest.raises(ParameterError, match="mode"):
        S.score_sentiment(seed, mode="tweets")
    with pytest.raises(ParameterError):
        S.explain_sentiment(3.5)
    with pytest.raises(ParameterError):
        S.explain_sentiment(99, seed)


# --- plots ----------------------------------------------------------------------------------------
def test_plots_return_titled_figures(seed, seed_df):
    import matplotlib.pyplot as plt

    from newslab.plots.sentiment import sentence_explanation, sentiment_arc

    fig = sentiment_arc(seed_df)
    ax = fig.axes[0]
    assert "Sentiment arc" in ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.get_lines()) >= 3
    ex = S.explain_sentiment(seed.sentences[23], seed)
    fig2 = sentence_explanation(ex, seed.sentences[23].text)
    assert fig2._suptitle is not None and "words" in fig2._suptitle.get_text()
    bars = fig2.axes[1]
    assert len(bars.patches) == len(ex)
    plt.close("all")
