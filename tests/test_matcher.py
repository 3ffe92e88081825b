"""newslab.matcher: the one phrase/glob matcher (words, phrases, globs, alternatives, gaps, case)."""
from __future__ import annotations

import pytest

from newslab import Article
from newslab.discovery import fold
from newslab.matcher import CaseRule, Matcher, glob_regex


def _hits(m: Matcher, text: str) -> list[tuple[str, object]]:
    """(matched words, payload) of the longest matches over a whitespace-split text."""
    words = text.split()
    return [(" ".join(words[i:j]), p) for i, j, p in m.longest(m.keys_of(words), words)]


def test_globs_classes_and_alternatives_over_one_token():
    m = Matcher()
    m.add("critici[sz]*", "criticism")
    m.add("mend* (ties|relations)", "mend")
    m.add("str(ike|ikes|uck) ... deal*", "deal")
    text = "Delhi criticised Beijing , then Beijing criticized Delhi ; they mended ties and struck a trade deal"
    assert _hits(m, text) == [("criticised", "criticism"), ("criticized", "criticism"),
                              ("mended ties", "mend"), ("struck a trade deal", "deal")]
    assert _hits(m, "the critic mended fences") == []


def test_gap_skips_up_to_three_tokens_and_no_more():
    m = Matcher()
    m.add("impose* ... sanctions", "S")
    assert _hits(m, "Washington imposed sanctions on Tehran") == [("imposed sanctions", "S")]
    assert _hits(m, "Washington imposed tough new oil sanctions") == [("imposed tough new oil sanctions", "S")]
    assert _hits(m, "Washington imposed a long list of new sanctions") == []
    # find() reports every gap width; the same start twice when the phrase can end twice.
    words = "they impose sanctions and sanctions".split()
    assert [(i, j) for i, j, _ in m.find(m.keys_of(words))] == [(1, 3), (1, 5)]


def test_gap_must_stand_between_words():
    m = Matcher()
    for bad in ("... sanctions", "impose* ...", "impose ... ... sanctions"):
        with pytest.raises(ValueError, match="between two words"):
            m.add(bad, "x")
    with pytest.raises(ValueError, match="without its"):
        m.add("str(ike", "x")


def test_longest_match_per_start_and_no_overlap():
    m = Matcher()
    m.add("European Union", "EU")
    m.add("European", "adj")
    m.add("Union Jack", "flag")
    assert _hits(m, "the European Union Jack") == [("European Union", "EU")]
    assert _hits(m, "a European summit") == [("European", "adj")]


def test_case_rules_capitals_and_acronyms():
    m = Matcher(normalise=fold)
    m.add("US", "United States", case="auto")
    m.add("Turkey", "Turkey", case="auto")
    m.add("MIT", "MIT", case="exact")
    text = "us and the US ate turkey in Turkey and met MIT staff , not mit"
    assert _hits(m, text) == [("US", "United States"), ("Turkey", "Turkey"), ("MIT", "MIT")]
    assert CaseRule.of(["UN", "Security", "council"]).levels == (2, 1, 0)
    # Exact case binds short words; a longer one is taken in another case unless told otherwise.
    rule = CaseRule.of(["NATO"], "exact")
    assert rule.accepts(["Nato"], 0) and not rule.accepts(["Nato"], 0, long_words_any_case=False)
    assert not CaseRule.of(["MIT"], "exact").accepts(["Mit"], 0)


def test_accept_callback_refuses_a_payload_in_context():
    m = Matcher()
    m.add("West", "the West")
    words = "the West and West Bengal".split()
    keys = m.keys_of(words)
    after_the = m.longest(keys, words, accept=lambda p, i, j: i > 0 and keys[i - 1] == "the")
    assert after_the == [(1, 2, "the West")]


def test_payload_order_and_lookup():
    m = Matcher(normalise=fold)
    m.add("Ankara", "capital of Turkey", case="auto")
    m.add("ankara", "any case")
    assert [p for p, _ in m.lookup(["ankara"])] == ["capital of Turkey", "any case"]
    assert m.lookup(["ankara", "university"]) == []
    assert "ankara" in m.first_words
    # The first payload that passes wins at a length: lower case only passes the second.
    assert m.longest(["ankara"], ["ankara"]) == [(0, 1, "any case")]
    assert m.longest(["ankara"], ["Ankara"]) == [(0, 1, "capital of Turkey")]


def test_patterns_split_like_article_tokens():
    # "Iran's" is two tokens in an article; the pattern is split the same way, accents folded.
    m = Matcher(normalise=fold)
    m.add("Iran's nuclear deal", "deal")
    m.add("Erdoğan", "Erdogan")
    a = Article.from_text("T\n\nIran's nuclear deal worried Erdogan.")
    words = [t.text for t in a.tokens]
    found = [(a.text[a.tokens[i].start:a.tokens[j - 1].end], p) for i, j, p in m.longest(m.keys_of(words), words)]
    assert found == [("Iran's nuclear deal", "deal"), ("Erdogan", "Erdogan")]


def test_bounded_search_keeps_positions():
    m = Matcher()
    m.add("peace talk*", "P")
    toks = ["peace", ".", "peace", "talks"]
    assert list(m.find(toks, 0, 2)) == []
    assert m.longest(toks, start=2) == [(2, 4, "P")]


def test_literal_patterns_read_special_characters_plainly():
    m = Matcher()
    m.add(["Islamic", "State", "(", "IS", ")"], "IS", literal=True)
    assert m.longest(m.keys_of(["Islamic", "State", "(", "IS", ")"])) == [(0, 5, "IS")]


def test_glob_regex_matches_fnmatch_on_the_frame_globs():
    import fnmatch

    for pat in ("sanction*", "defen?e", "a[!b]c", "x[]]y", "[abc", "war*"):
        ours, theirs = glob_regex(pat), fnmatch.translate(pat)
        for w in ("sanctions", "defence", "defense", "axc", "abc", "x]y", "[abc", "warfare", "war"):
            assert bool(ours.match(w)) == bool(__import__("re").match(theirs, w)), (pat, w)


# -- PhraseSet: the cue phrases of relations, stance and time ------------------------------------
from newslab.matcher import PhraseSet, TokenKeys, check_phrase, expand_alternatives  # noqa: E402


def _found(ps: PhraseSet, text: str) -> list[tuple[str, int]]:
    tk = TokenKeys.of_text(text)
    return [(text[slice(*tk.chars(i, j))], g) for i, j, g in ps.find(tk)]


def test_phrase_set_takes_the_first_form_written_and_the_shortest_gap():
    # like one regex of the forms joined by |: "talks" is written first, so "talks with" is not taken
    ps = PhraseSet([["talks", "talks with"], ["lift* ... sanctions"], ["with Oman"]])
    assert _found(ps, "Delhi held talks with Oman and lifted some sanctions on sanctions.") == [
        ("talks", 0), ("with Oman", 2), ("lifted some sanctions", 1)]
    # a group's matches do not overlap; other groups' may
    ps = PhraseSet([["border talks"], ["talks ... border"]])
    assert _found(ps, "India and China held border talks on the border.") == [
        ("border talks", 0), ("talks on the border", 1)]


def test_phrase_set_stays_inside_a_sentence_and_a_window():
    ps = PhraseSet([["impose* ... sanctions"]])
    assert _found(ps, "Washington imposed. Sanctions followed.") == []
    tk = TokenKeys.of_text("The EU imposed sanctions; the UK imposed sanctions too.")
    i, j = tk.span(26, 55)
    assert [tk.chars(a, b) for a, b, _ in ps.find(tk, i, j)] == [(33, 50)]
    assert ps.search(tk, i, j) and not ps.search(tk, 0, 2)


def test_phrase_set_alternatives_with_spaces_are_spelled_out():
    assert expand_alternatives("is (wrong|a mistake|a threat)") == ["is wrong", "is a mistake", "is a threat"]
    assert expand_alternatives("must (go|step (down|aside))") == ["must go", "must step (down|aside)"]
    ps = PhraseSet([["is (wrong|a mistake)"]])
    assert _found(ps, "Brexit is a mistake, and the deal is wrong.") == [("is a mistake", 0), ("is wrong", 0)]


def test_match_at_and_fullmatch():
    ps = PhraseSet([["ouster", "stepping down"]])
    tk = TokenKeys.of_text("seeking Maduro's ouster and his stepping down")
    assert ps.match_at(tk, 3) == 4 and ps.match_at(tk, 2) is None and ps.match_at(tk, 6) == 8
    assert ps.fullmatch("stepping down") and ps.fullmatch("Ouster") and not ps.fullmatch("ouster now")


@pytest.mark.parametrize("phrase, why", [
    ("back(s", "a '(' without its ')'"), ("backs)", "a ')' without its '('"), ("normali[sz*", "a '[' without its ']'"),
    ("... sanctions", "'...' stands between two words"), ("impose* ... ... sanctions", "'...' stands between two words"),
    ("mend* (ties|relations)", None), ("critici[sz]*", None),
])
def test_check_phrase_says_what_is_wrong(phrase, why):
    assert check_phrase(phrase) == why
    if why:
        with pytest.raises(ValueError, match=r"my\.yml: the phrase .* cannot be read"):
            PhraseSet([[phrase]], "my.yml")


def test_token_keys_of_an_article_follow_its_sentences():
    a = Article.from_text("T\n\nPakistan’s envoy met Indian officials. Talks resumed.")
    tk = TokenKeys.of_tokens(a.tokens, a.sentence_token_ranges)
    assert tk.keys[:3] == ["pakistan", "'s", "envoy"]
    first, second = a.sentence_token_ranges
    assert tk.sent_end[0] == first[1] and tk.sent_end[second[0]] == second[1]
    assert tk.chars(*tk.span(a.sentences[1].start, a.sentences[1].end)) == (a.sentences[1].start, a.sentences[1].end)


def test_starts_the_same_whether_types_are_new_or_known_and_globs_added_later():
    # A plain-word list, a list with a glob first word, and a glob added after matching began:
    # each window gives the same starts on its first scan (new types) and on a rescan (known).
    words = "the eu and the uk resumed trade talks while brussels criticised london".split()
    plain = Matcher()
    plain.add("trade talks", "T")
    plain.add("brussels", "B")
    globbed = Matcher()
    globbed.add("critici[sz]*", "C")
    globbed.add("trade talk*", "T")
    for m, want in ((plain, [6, 9]), (globbed, [6, 10])):
        assert m.starts(words, 5, 12) == want
        assert m.starts(words, 5, 12) == want
        assert m.starts(words) == want
    globbed.add("resum(e|ed)", "R")  # a new glob: the one-regex pre-test must see it too
    assert globbed.starts(words) == [5, 6, 10]
    assert [(i, j, p) for i, j, p in globbed.find(words)] == [(5, 6, ["R"]), (6, 8, ["T"]), (10, 11, ["C"])]


def test_prefix_globs_of_any_length_in_any_order():
    # Prefixes are pre-tested by their first letters (cut to the shortest prefix length): a shorter
    # prefix added after longer ones, and a word shorter than every prefix, must still be read.
    m = Matcher()
    m.add("sanction*", "S")
    m.add("negotiat*", "N")
    m.add("tar*", "T")  # shorter than both: every prefix is cut again
    m.add("sanctioning regime*", "R")
    words = "india weighed sanctions on tariffs while negotiators in delhi and the sanctioning regimes ta".split()
    assert [(i, j, p) for i, j, p in m.find(words)] == [
        (2, 3, ["S"]), (4, 5, ["T"]), (6, 7, ["N"]), (11, 12, ["S"]), (11, 13, ["R"])]
    assert m.keys_for("ta") == () and m.keys_for("tariff") == ("\x01tar*",)
