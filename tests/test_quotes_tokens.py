"""Quote tokens built from the article's tokens equal a fresh NAME_TOKEN_RE pass over the
paragraph (newslab.quotes.tokens), and the cue scan looks only at possible cue words."""
from __future__ import annotations

import pytest

from newslab import Article
from newslab.quotes.cues import cue_first_words, load_cues
from newslab.quotes.tokens import Paragraph, _from_article_tokens, _from_text

PARAGRAPHS = [
    # titles and possessives (straight and curly, upper-case 'S)
    "Sen. Maria Lopez's aide said the U.S. and India’s envoy met Gen. Naravane on Friday.",
    "IRAN'S foreign minister told Dr. Ahmadi's students that talks would resume.",
    # a middle initial between a lowercase word and a name, and initials that are not one
    "Indian defence chief Rajnath K. Singh told reporters the border was calm.",
    "On Monday J. Borrell of the E.U. met officials in Brussels, said A. N. Other.",
    # '' as one quotation mark, a backtick pair and a lone apostrophe
    "''We will not back down,'' said Wang Yi, adding that ``dialogue'' had 'limits'.",
    "Rock 'n' roll diplomacy, the minister's aides joked, was over.",
    # a title closing a sentence, and a title or an initial closing the paragraph
    "The treaty was signed by Boris Johnson Jr. The next day Brussels replied.",
    "London said it would send its envoy, Mr.",
    "The statement was signed by Keir R.",
]


def _paragraph_pairs(text: str):
    art = Article.from_text("Title\n\n" + text)
    for p in art.paragraphs:
        sents = [s for s in art.sentences if s.paragraph == p.i]
        yield art, p, sents


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_article_tokens_give_the_paragraph_tokenizer_tokens(text):
    for art, p, sents in _paragraph_pairs(text):
        assert _from_article_tokens(art, p.end, sents, {}) == _from_text(art.text, p.start, p.end, sents)


def test_joined_tokens_are_the_name_tokens():
    art = Article.from_text("Title\n\n" + " ".join(PARAGRAPHS[:5]))
    texts = [t.text for t in Paragraph(art, 0, [], [], list(art.sentences)).toks]
    for tok in ("Sen.", "Lopez's", "India’s", "Gen.", "IRAN'S", "Dr.", "Ahmadi's", "K.", "''", "``"):
        assert tok in texts
    assert "U.S." in texts and "E.U." in texts
    assert "J." in texts  # 'Monday J. Borrell': a lowercase letter, a space, the initial, a name
    assert "A." not in texts and "N." not in texts  # 'A. N. Other': no name right after either
    assert texts.count("''") == 3  # the two around the quote and the one closing ``dialogue''


def test_title_at_a_paragraph_end_keeps_its_dot_apart():
    art = Article.from_text("Title\n\n" + PARAGRAPHS[7])
    texts = [t.text for t in Paragraph(art, 0, [], [], list(art.sentences)).toks]
    assert texts[-2:] == ["Mr", "."]


def test_tokens_know_their_sentence():
    art = Article.from_text("Title\n\n" + PARAGRAPHS[6])
    toks = Paragraph(art, 0, [], [], list(art.sentences)).toks
    by_text = {t.text: t.sentence for t in toks}
    assert by_text["Jr."] == 0 and by_text["Brussels"] == 1


def test_other_splitter_tokenizes_the_paragraph(monkeypatch):
    import newslab.quotes.tokens as qt

    art = Article("Title\n\nTokyo and Seoul's envoys met. Mr. Kim said so.", title_line=True)
    sents = list(art.sentences)
    art.splitter = "punkt"  # as if Punkt had split it: the paragraph is tokenized afresh
    monkeypatch.setattr(qt, "_from_article_tokens", None)
    texts = [t.text for t in qt.Paragraph(art, 0, [], [], sents).toks]
    assert texts == ["Tokyo", "and", "Seoul's", "envoys", "met", ".", "Mr.", "Kim", "said", "so", "."]
    assert [t.sentence for t in qt.Paragraph(art, 0, [], [], sents).toks].count(1) == 5


def test_cue_first_words():
    first = cue_first_words(load_cues())
    assert {"said", "told", "according", "pointed"} <= first
    assert "minister" not in first and "salad" not in first
    assert cue_first_words(load_cues()) is first  # worked out once per lexicon


def test_cue_word_check_is_a_whole_word_lookup():
    import re

    from newslab.quotes.cues import has_cue_word

    lex = load_cues()
    first = cue_first_words(lex)
    texts = ["the envoy said talks with ankara would resume", "a salad of sayings and tellers",
             "beijing's foreign ministry, according to state media, warned delhi",
             "brussels insists; london says no", "unsaid, untold: nothing was reported", "told", "", "x-said"]
    for text in texts:
        expected = not first.isdisjoint(re.findall(r"\w+", text))
        assert has_cue_word(lex, text, 0, len(text)) == expected, text
    assert has_cue_word(lex, texts[0], 10, 14) and not has_cue_word(lex, texts[0], 10, 13)  # 'said' / 'sai'
