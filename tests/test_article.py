"""The Article model on the seed (values checked by reading the article) and on small texts."""
from __future__ import annotations

import pytest

from newslab import Article, Corpus


def test_seed_metadata(seed):
    assert seed.title == "Putin and Erdogan discuss Syria peace plan"
    assert (seed.source, seed.date, seed.dateline) == ("AFP", "2017-11-13", "Sochi, Russia")
    assert seed.id == "afp-2017-11-13-sochi"


def test_seed_structure(seed):
    st = seed.structure
    assert st.title.text == seed.title and st.title.start == 0
    assert len(st.title_repeats) == 1  # the repeated title line is dropped from the body
    assert [h.text for h in st.headings] == ["Mutual need:", "High opinions of themselves:"]
    assert [b.text for b in st.boilerplate] == ["More from this category"]
    assert seed.text[st.dateline.start:st.dateline.end] == "Sochi, Russia"


def test_seed_counts(seed):
    assert (seed.n_paragraphs, seed.n_sentences) == (23, 25)


def test_seed_sentence_boundaries(seed):
    s = seed.sentences
    # The dateline is kept out of the first sentence; offsets land on the original text.
    assert s[0].text.startswith("Russian President Vladimir Putin and his Turkish counterpart")
    assert s[0].text.endswith("political settlement in Syria.")
    # "... in southwest Russia. the two sides agreed ..." is one sentence (lowercase continuation).
    assert s[2].text.startswith("During four hours of talks") and s[2].text.endswith("Putin said.")
    # A two-sentence quote is split at its inner full stop.
    assert s[12].text == '"Without a ceasefire we cannot talk about a political solution.'
    assert s[13].text.endswith('political process," he said.')
    # Paragraph without a final full stop, and one ending with a comma.
    assert s[8].text == "Turkey, however, has backed the rebels seeking Assad's ouster"
    assert s[19].text.endswith('two leaders," Malashenko added,')
    # Currency and decimals do not split.
    assert s[18].text == "The deal, reportedly worth $2 billion (1.7 billion euros), has shocked Turkey's NATO allies."
    assert s[-1].text.startswith("More than 330,000 people have been killed")
    assert [x.paragraph for x in s[6:8]] == [6, 6]


def test_offsets_slice_back_everywhere(seed):
    for span in list(seed.paragraphs) + list(seed.sentences) + list(seed.tokens):
        assert seed.text[span.start:span.end] == span.text


def test_headings_and_boilerplate_not_in_sentences(seed):
    joined = " ".join(s.text for s in seed.sentences)
    assert "Mutual need:" not in joined and "More from this category" not in joined
    assert "Putin and Erdogan discuss Syria peace plan" not in joined


def test_tokens_and_flags(seed):
    df = seed.tokens_frame()
    assert len(df) == seed.n_tokens == 651
    first = df.iloc[0]
    assert (first.text, first.sentence, bool(first.is_stop)) == ("Russian", 0, False)
    assert bool(df[df.lower == "the"].is_stop.all())
    assert set(df[df.text == "Assad"].index + 1) <= set(df[df.text == "'s"].index) | set(df.index)


def test_sentence_at_and_tokens_of_sentence(seed):
    off = seed.text.index("Moscow's military")
    assert seed.sentence_at(off).i == 7
    assert seed.sentence_tokens(7)[0].text == "Moscow"
    assert seed.sentence_at(0) is None  # the title is not a sentence


def test_text_without_title_line():
    a = Article.from_text("Russia and Turkey met. They agreed.", title_line=False)
    assert a.title == "" and a.n_sentences == 2


def test_date_only_first_paragraph_is_a_dateline():
    a = Article.from_text("Title\n\nFriday, January 4, 2019\n\nA building fell. Many died.")
    assert a.dateline == "Friday, January 4, 2019" and a.n_sentences == 2


def test_agency_dateline():
    a = Article.from_text("T\n\nMOSCOW (Reuters) - Russia said on Monday it would act.")
    assert a.dateline == "MOSCOW (Reuters)"
    assert a.sentences[0].text == "Russia said on Monday it would act."


def test_colon_in_ordinary_sentence_is_not_a_dateline():
    a = Article.from_text("T\n\nThe minister said: we will act.")
    assert a.dateline == "" and a.sentences[0].text == "The minister said: we will act."


def test_empty_article_has_no_spans():
    a = Article.from_text("", title_line=True)
    assert (a.n_paragraphs, a.n_sentences, a.n_tokens) == (0, 0, 0)


def test_crlf_text_offsets():
    text = "Title\r\n\r\nFirst one. Second one.\r\n\r\nThird one.\r\n"
    a = Article.from_text(text)
    assert [s.text for s in a.sentences] == ["First one.", "Second one.", "Third one."]
    assert all(text[s.start:s.end] == s.text for s in a.sentences)


def test_corpus_metadata_and_iteration():
    c = Corpus([Article.from_text("A\n\nB met C.", id="a1"), Article.from_text("D\n\nEd met Fred. Gus left.", id="a2")])
    md = c.metadata()
    assert list(md["id"]) == ["a1", "a2"] and list(md["n_sentences"]) == [1, 2]
    assert [a.id for a in c] == ["a1", "a2"]


def test_speaker_line_ending_in_colon_is_not_a_heading():
    a = Article.from_text('T\n\nThe talks ended late.\n\nKremlin spokesman Dmitry Peskov told reporters:\n\n'
                          '"We are satisfied."\n\nBackground:\n\nTies were tense in 2015.')
    assert [h.text for h in a.structure.headings] == ["Background:"]
    assert a.sentences[1].text == "Kremlin spokesman Dmitry Peskov told reporters:"


def test_reporting_verbs_for_heads_come_from_the_quote_cue_file(tmp_path):
    import shutil

    import yaml

    from newslab.resources import RESOURCE_DIR, resource_dir

    text = ('T\n\nThe summit in Brasilia ended.\n\nFinance minister Ana Duarte grumbled to reporters:\n\n'
            '"We expected more from Washington."')
    assert [h.text for h in Article.from_text(text).structure.headings] == \
        ["Finance minister Ana Duarte grumbled to reporters:"]  # 'grumbled' is no cue verb yet
    folder = tmp_path / "res"
    shutil.copytree(RESOURCE_DIR, folder)
    cues = yaml.safe_load((folder / "quote_cues.yml").read_text(encoding="utf-8"))
    cues["verbs"]["grumble"] = {"forms": ["grumbled"], "indirect": "that"}
    (folder / "quote_cues.yml").write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    with resource_dir(folder):
        a = Article.from_text(text)
    assert a.structure.headings == []
    assert a.sentences[1].text == "Finance minister Ana Duarte grumbled to reporters:"


def test_long_paragraph_is_never_a_heading():
    from newslab.article import _is_heading

    assert _is_heading("Border Talks Resume\n") is True
    assert _is_heading("Washington Tehran Riyadh Doha Muscat Baghdad Ankara Cairo Amman") is False  # 9 words
    assert _is_heading("What Brussels Wants From London:") is True
    assert _is_heading("Britain's negotiator told reporters:") is False  # introduces a quote


def test_what_is_not_text_is_named_in_one_sentence():
    from newslab.errors import ParameterError
    from newslab.sentiment import score_sentiment

    with pytest.raises(ParameterError, match=r"text=NoneType: an Article is made from the article's text as a string"):
        Article.from_text(None)
    with pytest.raises(ParameterError, match=r"text=bytes"):
        Article(b"India and China met.")
    with pytest.raises(ParameterError, match=r"sentiment: got NoneType; pass an Article or a Corpus"):
        score_sentiment(None)
    with pytest.raises(ParameterError, match=r"the corpus holds a str, not an Article"):
        score_sentiment(["India and China met.", "EU and UK talks stalled."])


def test_an_article_number_beyond_the_corpus_names_the_range():
    from newslab.errors import ArticleIndexError

    corpus = Corpus([Article.from_text("Ladakh\n\nIndia and China held talks."),
                     Article.from_text("Gulf\n\nIran and Oman met in Muscat.")])
    assert corpus[-1].title == "Gulf"
    with pytest.raises(ArticleIndexError, match=r"article 7: the corpus holds 2 article\(s\) — pass a number from 0 to 1"):
        corpus[7]
    with pytest.raises(IndexError):  # still an IndexError for code that catches one
        corpus[2]
