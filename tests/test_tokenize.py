"""Sentence splitting and tokenizing edge cases, on texts written for these tests."""
from __future__ import annotations

import pytest

from newslab.tokenize import iter_tokens, split_sentences


def sents(text: str) -> list[str]:
    return [t for _, _, t in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Gen. Jones. They talked.", ["Mr. Smith met Gen. Jones.", "They talked."]),
    ("The U.S. Army left. Then it rained.", ["The U.S. Army left.", "Then it rained."]),
    ("He flew to the U.S. The talks began.", ["He flew to the U.S.", "The talks began."]),
    ("It happened on Jan. 5 in Ankara. Nobody came.", ["It happened on Jan. 5 in Ankara.", "Nobody came."]),
    ("The deal is worth $2.5 billion. It was signed.", ["The deal is worth $2.5 billion.", "It was signed."]),
    ("Sales rose 1.7 percent. Prices fell.", ["Sales rose 1.7 percent.", "Prices fell."]),
    ('"We agreed," he said. "Now we act."', ['"We agreed," he said.', '"Now we act."']),
    ('"Is it over?" he asked. No one replied.', ['"Is it over?" he asked.', "No one replied."]),
    ('"It is over." Then he left.', ['"It is over."', "Then he left."]),
    ("The talks (held in Sochi.) ended. Both left.", ["The talks (held in Sochi.) ended.", "Both left."]),
    ("He said so (see above). Then he left.", ["He said so (see above).", "Then he left."]),
    ("J. R. Smith spoke first. Others followed.", ["J. R. Smith spoke first.", "Others followed."]),
    ("Wait! Who is there? Nobody.", ["Wait!", "Who is there?", "Nobody."]),
    ("They met in southwest Russia. the sides agreed.", ["They met in southwest Russia. the sides agreed."]),
    ("No final stop here", ["No final stop here"]),
])
def test_sentence_edge_cases(text, expected):
    assert sents(text) == expected


def test_sentence_offsets_slice_back():
    text = '  Dr. Ay said "we agreed."  Prices rose 3.5%.  '
    for s, e, t in split_sentences(text):
        assert text[s:e] == t and not t[0].isspace() and not t[-1].isspace()
    assert len(split_sentences(text)) == 2


def test_split_inside_range():
    text = "Ignore this. Keep this one. And this."
    start = text.index("Keep")
    assert [t for _, _, t in split_sentences(text, start)] == ["Keep this one.", "And this."]


def test_tokens_offsets_and_possessive():
    text = "Assad's ouster, the U.S. and 330,000 people ($2 billion) -- can't stop."
    toks = list(iter_tokens(text))
    assert [t for _, _, t in toks] == ["Assad", "'s", "ouster", ",", "the", "U.S.", "and", "330,000",
                                        "people", "(", "$", "2", "billion", ")", "--", "can't", "stop", "."]
    assert all(text[s:e] == t for s, e, t in toks)


def test_hyphenated_word_is_one_token():
    assert [t for _, _, t in iter_tokens("Turkish-speaking de-escalation")] == ["Turkish-speaking", "de-escalation"]


def test_unknown_backend_is_a_clear_error():
    from newslab.errors import ParameterError

    with pytest.raises(ParameterError, match="'rules' or 'punkt'"):
        split_sentences("A. B.", backend="spacy")
