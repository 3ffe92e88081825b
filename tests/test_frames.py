"""Frames: dictionary matching, scores on the seed, user dictionaries, validation workflow, plots.

Values on the seed were decided by reading it: the AFP piece is about a summit that seeks a
"political settlement" in Syria (diplomacy, responsibility/solutions), set against the Syrian
conflict, the 2015 warplane crisis and an old rivalry (conflict), with Russia–Turkey–NATO
relations in the background (external relations, political).
"""
from __future__ import annotations

import math

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.errors import ParameterError, ResourceFileError
from newslab.jsonout import article_json
from newslab.frames import (SCHEMES, TermMatcher, agreement, coding_sheet, dominant_frames,
                            frame_by_actor, frame_hits, frame_matrix, load_scheme,
                            quote_spans, score_frames)


def art_row(df: pd.DataFrame, frame: str) -> pd.Series:
    return df[(df["level"] == "article") & (df["frame"] == frame)].iloc[0]


def texts(row: pd.Series) -> list[str]:
    return [t["text"] for t in row["terms"]]


# ---------------------------------------------------------------------------------------------
# The seed article
# ---------------------------------------------------------------------------------------------
def test_seed_generic_conflict_and_responsibility_dominate(seed):
    df = score_frames(seed, "generic")
    assert dominant_frames(df)[seed.id] == ["responsibility", "conflict"]
    conflict = art_row(df, "conflict")
    # The Syrian conflict, the warplane crisis and the old rivalry make the conflict frame.
    for term in ("opposing sides", "conflict", "crisis", "shot down", "rivalry", "de-escalation"):
        assert term in texts(conflict)
    assert texts(conflict).count("crisis") == 3
    assert conflict["hits"] == 19 and conflict["matches"] == 20 and conflict["negated"] == 1
    resp = art_row(df, "responsibility")
    assert {"settlement", "solution", "agreed", "efforts", "pledged"} <= set(texts(resp))
    assert resp["present"] and conflict["present"]
    # Morality is absent; the money ($2 billion, 1.7 billion euros) is too little for the
    # economic frame's threshold (9 hits and 20 per 1,000 words).
    assert art_row(df, "morality")["hits"] == 0
    econ = art_row(df, "economic")
    assert texts(econ) == ["worth", "$", "billion", "billion", "euros"] and not econ["present"]


def test_seed_russia_turkey_diplomacy_dominates(seed):
    df = score_frames(seed, "russia_turkey")
    assert dominant_frames(df)[seed.id] == ["diplomacy"]
    dip = art_row(df, "diplomacy")
    assert dip["hits"] == 34
    # Multi-word phrases are single hits, not 'political' + 'settlement'.
    assert texts(dip).count("political settlement") == 2
    assert texts(dip).count("political solution") == 2
    assert {"Astana", "Geneva", "negotiations", "reconciliation", "Cavusoglu"} <= set(texts(dip))
    hist = art_row(df, "historical_rivalry")
    assert texts(hist) == ["rivalry", "Ottoman", "Empire", "Romanov", "dynasty", "worst crisis",
                           "since the end of", "Cold War"]
    minorities = art_row(df, "minorities_rights")
    assert {"Crimean Tatar", "activists", "Turkish-speaking", "minority"} <= set(texts(minorities))
    sec = art_row(df, "security_military")
    assert {"S-400", "air defence", "warplane", "shot down"} <= set(texts(sec))
    # One mention of 330,000 dead is below the two-hit threshold for the humanitarian frame.
    hum = art_row(df, "humanitarian_toll")
    assert hum["hits"] == 1 and not hum["present"]


def test_seed_policy_frames(seed):
    df = score_frames(seed, "policy")
    assert dominant_frames(df)[seed.id] == ["external_regulation", "political"]
    ext = art_row(df, "external_regulation")
    assert {"NATO", "allies", "United Nations", "the West", "Foreign Minister"} <= set(texts(ext))
    # "Crimean" is not a crime: the dictionary lists crime/crimes, not the glob crime*.
    crime = art_row(df, "crime_punishment")
    assert "Crimean" not in texts(crime) and "sentenced" in texts(crime)
    assert art_row(df, "health_safety")["hits"] == 0


def test_offsets_paragraph_rows_and_shares(seed):
    df = score_frames(seed, "russia_turkey")
    par = df[df["level"] == "paragraph"]
    assert par["paragraph"].nunique() == seed.n_paragraphs == 23
    for f, g in par.groupby("frame"):
        assert g["hits"].sum() == art_row(df, f)["hits"]
    for row in df[df["level"] == "article"].itertuples():
        for t in row.terms:
            assert seed.text[t["start"]:t["end"]] == t["text"]
    art = df[df["level"] == "article"]
    assert art["share"].sum() == pytest.approx(1.0)
    n_words = art["n_words"].iloc[0]
    assert art_row(df, "diplomacy")["per_1000"] == pytest.approx(34 * 1000 / n_words)
    # Paragraph 0 ("... agreed Monday on the need ... lasting political settlement in Syria.")
    p0 = par[(par["paragraph"] == 0) & (par["frame"] == "diplomacy")].iloc[0]
    assert texts(p0) == ["counterpart", "agreed", "political settlement"] and p0["present"]


def test_negated_and_quoted_hits_are_marked_not_hidden(seed):
    hits = frame_hits(seed, "generic")
    ceasefire = hits[hits["text"] == "ceasefire"].iloc[0]
    # "Without a ceasefire we cannot talk about a political solution" — inside a quote.
    assert ceasefire["negated"] and ceasefire["quoted"] and not ceasefire["counted"]
    assert seed.text[ceasefire["start"]:ceasefire["end"]] == "ceasefire"
    # Scare quotes around one word ("de-escalation") are not direct speech.
    deesc = hits[hits["text"] == "de-escalation"]
    assert len(deesc) == 2 and not deesc["quoted"].any()
    with_neg = score_frames(seed, "generic", count_negated=True)
    assert art_row(with_neg, "conflict")["hits"] == 20
    no_quotes = score_frames(seed, "generic", count_quoted=False)
    assert art_row(no_quotes, "responsibility")["hits"] == 29 - 5


def test_small_text_negation_and_quotes():
    a = Article.from_text('T\n\nThere is no crisis, officials said. "The crisis is over and we are '
                          'all relieved," one said.')
    hits = frame_hits(a, "generic")
    crisis = hits[hits["text"] == "crisis"]
    assert crisis["negated"].tolist() == [True, False]
    assert crisis["quoted"].tolist() == [False, True]
    assert art_row(score_frames(a, "generic"), "conflict")["hits"] == 1
    # A negation in an earlier clause, or more than three words back, does not reach the hit.
    b = Article.from_text("T\n\nThey did not agree, and the crisis grew. No one expected the sudden "
                          "new crisis.")
    assert frame_hits(b, "generic").query("text == 'crisis'")["negated"].tolist() == [False, False]


# ---------------------------------------------------------------------------------------------
# Matching rules and user dictionaries
# ---------------------------------------------------------------------------------------------
def test_matcher_globs_phrases_longest_match():
    m = TermMatcher()
    m.add("sanction*", "S")
    m.add("peace talk*", "P")
    m.add("talks", "T")
    toks = ["new", "sanctions", "and", "peace", "talks", "in", "the", "sanctuary"]
    found = [(i, j, p) for i, j, p in m.find(toks)]
    assert found == [(1, 2, ["S"]), (3, 5, ["P"]), (4, 5, ["T"])]
    assert m.keys_for("sanctioned") == ("\x01sanction*",)
    assert m.keys_for("sanctuary") == ()


def test_matcher_bounded_scan_keeps_article_positions():
    m = TermMatcher()
    m.add("peace talk*", "P")
    m.add("sanction*", "S")
    toks = ["sanctions", "and", "peace", ".", "peace", "talks", "sanctioned"]
    # Only tokens[2:4] are scanned: "peace" alone is no entry, and the phrase may not run on
    # into the next sentence's "peace talks"; positions are those of the full list.
    assert list(m.find(toks, 2, 4)) == []
    assert [(i, j, p) for i, j, p in m.find(toks, 4, 7)] == [(4, 6, ["P"]), (6, 7, ["S"])]
    assert m.starts(toks) == [0, 2, 4, 6]
    assert [(j, p) for j, p in m.matches_at(toks, 2, 4)] == []
    assert [(j, p) for j, p in m.matches_at(toks, 4, 7)] == [(6, ["P"])]


def test_phrase_never_crosses_a_sentence_end():
    a = Article.from_text("T\n\nThey wanted peace. Talks began. Peace talks resumed.")
    hits = frame_hits(a, "russia_turkey")
    # "peace. Talks" is two hits in two sentences; "Peace talks" in one sentence is one phrase.
    assert hits[["pattern", "text", "sentence"]].values.tolist() == [
        ["peace", "peace", 0], ["talks", "Talks", 1], ["peace talk*", "Peace talks", 2]]


def test_several_schemes_in_one_call_equal_one_call_each(seed):
    names = ["generic", "policy", "russia_turkey"]
    both = score_frames(seed, names)
    one_by_one = pd.concat([score_frames(seed, n) for n in names], ignore_index=True)
    pd.testing.assert_frame_equal(both, one_by_one)
    assert len(both) == (seed.n_paragraphs + 1) * (5 + 14 + 7) == 24 * 26
    assert both.attrs["scheme"] == names
    assert both["scheme"].unique().tolist() == names
    with pytest.raises(ParameterError, match="at least one frame scheme"):
        score_frames(seed, [])


def test_schemes_read_together_keep_their_own_terms_and_exclusions(tmp_path):
    # Scored together, two schemes share one scan of the tokens: a term both list, a glob in one
    # and a phrase in the other starting on the same word, and an exclusion only one of them has
    # must give each scheme exactly its hits alone.
    trade = write(tmp_path, "trade.yml", "economy: [trade*, border trade]\nsecurity: [border clash*]\n")
    border = write(tmp_path, "border.yml",
                   "frames:\n  territory:\n    terms: [border*, trade route*]\n    exclude: [border trade]\n")
    a = Article.from_text("T\n\nIndia and China reopened border trade after the border clashes. "
                          "Traders welcomed the old trade route.")
    together = score_frames(a, [str(trade), str(border)])
    alone = pd.concat([score_frames(a, str(trade)), score_frames(a, str(border))], ignore_index=True)
    pd.testing.assert_frame_equal(together, alone)
    rows = together[together["level"] == "article"].set_index(["scheme", "frame"])
    assert texts(rows.loc[("trade", "economy")]) == ["border trade", "Traders", "trade"]
    assert texts(rows.loc[("trade", "security")]) == ["border clashes"]
    assert texts(rows.loc[("border", "territory")]) == ["border", "trade route"]  # "border trade" excluded


def test_frame_layer_rows(seed):
    rows = seed.layer("frames")  # all three packaged schemes
    assert len(rows) == len(score_frames(seed, list(SCHEMES)))
    dip = [r for r in rows if r["level"] == "article" and r["frame"] == "diplomacy"]
    assert len(dip) == 1 and dip[0]["hits"] == 34 and dip[0]["dominant"] and dip[0]["rank"] == 1
    assert dip[0]["paragraph"] is None and type(dip[0]["per_1000"]) is float
    p0 = [r for r in rows if r["paragraph"] == 0 and r["frame"] == "diplomacy"][0]
    assert [t["text"] for t in p0["terms"]] == ["counterpart", "agreed", "political settlement"]
    # Options and levels behave as in score_frames.
    neg = seed.layer("frames", scheme=("generic",), levels=("article",), count_negated=True)
    assert [r["hits"] for r in neg if r["frame"] == "conflict"] == [20]


def test_frame_layer_without_empty_paragraphs_keeps_the_hit_rows():
    text = ("Border talks\n\nIndia and China agreed to resume talks on the disputed border.\n\n"
            "The weather in Delhi was mild.\n\n"
            "Analysts warned of a military crisis and rising trade costs if the talks fail.")
    art = Article.from_text(text)
    dense = art.layer("frames", scheme=("generic",))
    sparse = art.layer("frames", scheme=("generic",), empty_paragraphs=False)
    hit = [r for r in dense if r["level"] == "article" or r["terms"]]
    assert sparse == hit  # same rows, values and order; the empty paragraph rows are left out
    assert {r["paragraph"] for r in sparse if r["level"] == "paragraph"} == {0, 2}
    assert len(dense) == 4 * len([r for r in dense if r["level"] == "article"])
    conflict = [r for r in sparse if r["paragraph"] == 2 and r["frame"] == "conflict"][0]
    assert [t["text"] for t in conflict["terms"]] == ["crisis"] and conflict["hits"] == 1


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_yaml_full_form_with_exclusion(tmp_path):
    path = write(tmp_path, "my_frames.yml", """
scheme: classroom
defaults: {threshold_per_1000: 0, min_hits: 1}
frames:
  money:
    definition: Talk of money.
    terms: [pay, paid, sanction*, gas price*]
    exclude: [pay attention]
  peace:
    terms: [peace talk*, ceasefire]
""")
    a = Article.from_text("T\n\nThey paid for gas prices but did not pay attention to peace talks. "
                          "New sanctions came. Pay attention!")
    df = score_frames(a, path)
    assert set(df["scheme"]) == {"classroom"}
    money = art_row(df, "money")
    assert texts(money) == ["paid", "gas prices", "sanctions"]
    assert texts(art_row(df, "peace")) == ["peace talks"]
    hits = frame_hits(a, path)
    excluded = hits[hits["excluded"]]
    assert excluded["text"].tolist() == ["pay", "Pay"] and not excluded["counted"].any()


def test_user_yaml_quanteda_short_form_and_thresholds(tmp_path):
    path = write(tmp_path, "short.yaml", "conflict: [war*, clash*]\neconomy: [trade]\n")
    a = Article.from_text("T\n\nThe warring sides clashed. Trade resumed.")
    df = score_frames(a, str(path))
    assert art_row(df, "conflict")["hits"] == 2 and art_row(df, "economy")["hits"] == 1
    assert dominant_frames(df)[a.id] == ["conflict", "economy"]  # 1 >= 0.5 * 2
    wide = frame_matrix(df, "hits")
    assert wide.loc[a.id].tolist() == [2, 1]
    strict = write(tmp_path, "strict.yml",
                   "frames:\n  conflict:\n    min_hits: 3\n    terms: [war*, clash*]\n")
    assert not art_row(score_frames(a, strict), "conflict")["present"]


def test_user_yaml_alternatives_classes_and_gaps(tmp_path):
    # The package's one matcher: (a|b) alternatives, [sz] classes and '...' gaps in frame terms.
    path = write(tmp_path, "ties.yml", "relations: ['mend* (ties|fences)', 'normali[sz]*', 'restor* ... ties']\n")
    a = Article.from_text("T\n\nIndia and China mended ties. Talks normalized trade and restored their old ties.")
    terms = [t["text"] for t in art_row(score_frames(a, str(path)), "relations")["terms"]]
    assert terms == ["mended ties", "normalized", "restored their old ties"]
    unbalanced = write(tmp_path, "unbalanced.yml", "relations: ['str(ike|uck deal']\n")
    with pytest.raises(ResourceFileError, match="unbalanced.yml: .*without its"):
        load_scheme(unbalanced)


def test_bad_schemes_give_clear_errors(tmp_path):
    with pytest.raises(ParameterError, match="unknown frame scheme"):
        score_frames(Article.from_text("T\n\nx."), "genric")
    bad = write(tmp_path, "bad.yml", "frames:\n  conflict:\n    terms: []\n")
    with pytest.raises(ResourceFileError, match="has no terms"):
        load_scheme(bad)
    broken = write(tmp_path, "broken.yml", "frames: [unclosed\n")
    with pytest.raises(ResourceFileError, match="not valid YAML"):
        load_scheme(broken)
    with pytest.raises(ParameterError, match="levels"):
        score_frames(Article.from_text("T\n\nx."), "generic", levels=("sentence",))


def test_quote_spans():
    t = 'He said: “We will not give up on peace.” Then a "short" word.'
    assert [t[s:e] for s, e in quote_spans(t, 0, len(t))] == ["“We will not give up on peace.”"]
    t2 = '"This quote runs on to the next paragraph'
    assert quote_spans(t2, 0, len(t2)) == [(0, len(t2))]


# ---------------------------------------------------------------------------------------------
# Corpus, actors, JSON
# ---------------------------------------------------------------------------------------------
def test_corpus_has_doc_id_and_date():
    c = Corpus([Article.from_text("A\n\nThe war went on.", id="a", date="2020-01-02"),
                Article.from_text("B\n\nTalks and a ceasefire.", id="b", date="2020-02-03")])
    df = score_frames(c, "russia_turkey", levels=("article",))
    assert df["doc_id"].unique().tolist() == ["a", "b"] and set(df["level"]) == {"article"}
    assert df[df["doc_id"] == "b"]["date"].iloc[0] == "2020-02-03"
    dip = df[(df["frame"] == "diplomacy")].set_index("doc_id")["hits"]
    assert dip.to_dict() == {"a": 0, "b": 2}


def test_frame_by_actor_with_given_mentions():
    a = Article.from_text("T\n\nPutin met Erdogan for talks. Erdogan ordered a military strike.")
    mentions = pd.DataFrame({"actor": ["Vladimir Putin", "Recep Tayyip Erdogan", "Recep Tayyip Erdogan"],
                             "side": ["Russia", "Turkey", "Turkey"], "sentence": [0, 0, 1],
                             "paragraph": [0, 0, 0]})
    df = frame_by_actor(a, "russia_turkey", mentions=mentions)
    got = {(r.actor, r.frame): (r.units, r.hits) for r in df.itertuples()}
    assert got[("Vladimir Putin", "diplomacy")] == (1, 2)  # met, talks
    assert got[("Recep Tayyip Erdogan", "diplomacy")] == (1, 2)
    assert got[("Recep Tayyip Erdogan", "security_military")] == (1, 2)  # military, strike
    assert ("Vladimir Putin", "security_military") not in got
    by_para = frame_by_actor(a, "russia_turkey", mentions=mentions, unit="paragraph")
    assert ("Vladimir Putin", "security_military") in {(r.actor, r.frame) for r in by_para.itertuples()}


def test_frame_by_actor_on_seed_uses_entities(seed):
    df = frame_by_actor(seed, "russia_turkey")
    top = df[df["actor"] == "Vladimir Putin"].iloc[0]
    assert top["frame"] == "diplomacy" and top["side"] == "Russia" and top["units"] >= 5
    tatars = df[(df["actor"] == "Crimean Tatars") & (df["frame"] == "minorities_rights")]
    assert len(tatars) == 1 and tatars["units"].iloc[0] >= 1


def test_frame_by_actor_reads_the_mentions_layer_or_a_given_table():
    from newslab.entities import find_mentions

    a = Article.from_text("T\n\nModi's India and Xi Jinping's China clashed over trade. Xi later praised "
                          "the trade talks. India imposed sanctions.")
    df = frame_by_actor(a, "generic")
    # India: sentences 1 ('trade') and 3 ('sanctions'); Xi: sentences 1 and 2 ('trade', 'talks').
    assert df[["actor", "frame", "units", "hits"]].values.tolist()[:3] == [
        ["India", "economic", 2, 2], ["Xi Jinping", "economic", 2, 2], ["China", "conflict", 1, 1]]
    assert df[df.actor == "Xi Jinping"].frame.tolist() == ["economic", "conflict", "responsibility"]
    given = frame_by_actor(a, "generic", mentions=find_mentions(a))
    pd.testing.assert_frame_equal(df, given)
    only_xi = find_mentions(a).query("actor == 'Xi Jinping'")
    assert set(frame_by_actor(a, "generic", mentions=only_xi).actor) == {"Xi Jinping"}


def test_json_sections(seed):
    doc = article_json(seed)
    assert doc["article"]["dominant_frames"] == {"generic": ["responsibility", "conflict"],
                                                 "policy": ["external_regulation", "political"],
                                                 "russia_turkey": ["diplomacy"]}
    rows = {(f["scheme"], f["frame"]): f for f in doc["frames"]}
    assert len(rows) == 5 + 14 + 7
    dip = rows[("russia_turkey", "diplomacy")]
    assert dip["hits"] == 34 and dip["present"] is True
    t = dip["terms"][0]
    assert set(t) >= {"term", "start", "end"} and seed.text[t["start"]:t["end"]] == t["term"]


# ---------------------------------------------------------------------------------------------
# Validation workflow
# ---------------------------------------------------------------------------------------------
def codes(values: dict[str, list]) -> pd.DataFrame:
    n = len(next(iter(values.values())))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "unit": ["article"] * n, **values})


def test_agreement_hand_computed():
    human = codes({"conflict": [1, 1, 0, 0, 1, 0]})
    machine = codes({"conflict": [1, 0, 0, 0, 1, 1]})
    r = agreement(human, machine).iloc[0]
    # Ao = 4/6; Ae = .5*.5 + .5*.5 = .5 -> kappa = (2/3 - 1/2) / (1/2) = 1/3.
    assert r["percent_agreement"] == pytest.approx(4 / 6)
    assert r["cohen_kappa"] == pytest.approx(1 / 3)
    # Krippendorff nominal: 1 - (n-1) * o_01 / (n_0 * n_1) = 1 - 11 * 2 / 36.
    assert r["krippendorff_alpha"] == pytest.approx(1 - 22 / 36)
    assert r["n_units"] == 6 and r["n_coders"] == 2 and r["note"] == ""


def test_agreement_degenerate_cases():
    # No variation at all: alpha and kappa are undefined (0/0), percent agreement is 1.
    same = codes({"conflict": [1, 1, 1, 1]})
    r = agreement(same, same).iloc[0]
    assert math.isnan(r["krippendorff_alpha"]) and math.isnan(r["cohen_kappa"])
    assert r["percent_agreement"] == 1.0 and r["note"].startswith("undefined: no variation")
    # None / blank labels are dropped, never counted as a category.
    human = codes({"conflict": [1, None, 0, 1, ""], "economic": [None, None, None, None, None]})
    machine = codes({"conflict": [1, 1, 0, 0, 0], "economic": [0, 1, 0, 0, 1]})
    res = agreement(human, machine).set_index("frame")
    assert res.loc["conflict", "n_units"] == 3
    assert "2 unit(s) dropped" in res.loc["conflict", "note"]
    assert res.loc["conflict", "percent_agreement"] == pytest.approx(2 / 3)
    assert res.loc["economic", "n_units"] == 0 and res.loc["economic", "note"].startswith("undefined")
    # Each coder constant but on opposite codes: defined (kappa 0, alpha below 0), no crash.
    r = agreement(codes({"x": [1, 1, 1]}), codes({"x": [0, 0, 0]})).iloc[0]
    assert r["percent_agreement"] == 0.0 and r["cohen_kappa"] == 0.0
    assert r["krippendorff_alpha"] == pytest.approx(1 - 5 * 3 / 9)
    # A single unit: too little data, reported as undefined.
    r = agreement(codes({"x": [1]}), codes({"x": [0]})).iloc[0]
    assert r["n_units"] == 1 and math.isnan(r["percent_agreement"]) and r["note"].startswith("undefined")


def test_coding_sheet_round_trip(seed, tmp_path):
    path = tmp_path / "sheet.csv"
    machine = coding_sheet(seed, "generic", path, unit="paragraph")
    sheet = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert len(sheet) == 23 and sheet["unit"].tolist()[:2] == ["p0", "p1"]
    assert list(sheet.columns) == ["doc_id", "unit", "date", "title", "text", "conflict",
                                   "human_interest", "economic", "morality", "responsibility", "notes"]
    assert sheet[["conflict", "morality"]].isna().all().all()  # blank for the coders
    instructions = (tmp_path / "sheet.instructions.md").read_text(encoding="utf-8")
    assert "winners and losers" in instructions and "crisis" not in instructions  # no dictionary terms
    assert (tmp_path / "sheet.newslab.csv").exists()
    # A coder agrees with newslab everywhere except on the conflict code of paragraph 1.
    filled = sheet.copy()
    for f in ["conflict", "human_interest", "economic", "morality", "responsibility"]:
        filled[f] = machine[f].astype(str)
    filled.loc[1, "conflict"] = str(1 - int(machine.loc[1, "conflict"]))
    res = agreement(filled, tmp_path / "sheet.newslab.csv").set_index("frame")
    assert res.loc["conflict", "percent_agreement"] == pytest.approx(22 / 23)
    assert res.loc["responsibility", "krippendorff_alpha"] == pytest.approx(1.0)
    assert res.loc["morality", "note"].startswith("undefined: no variation")  # no morality at all
    # The same comparison straight from a score_frames table.
    res2 = agreement(filled, score_frames(seed, "generic")).set_index("frame")
    assert res2.loc["conflict", "percent_agreement"] == pytest.approx(22 / 23)


# ---------------------------------------------------------------------------------------------
# Plots
# ---------------------------------------------------------------------------------------------
def test_plots(seed):
    from newslab.plots.frames import frame_heatmap, frame_profile, frames_over_time

    df = score_frames(seed, "russia_turkey")
    fig = frame_profile(df)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() == "hits per 1,000 words"
    assert len(ax.patches) == 7
    heat = frame_heatmap(df).axes[0]
    assert heat.get_xlabel().startswith("paragraph") and len(heat.get_yticklabels()) == 7
    c = Corpus([Article.from_text("A\n\nThe war went on.", id="a", date="2020-01-02"),
                Article.from_text("B\n\nTalks and a ceasefire.", id="b", date="2020-03-03")])
    over = frames_over_time(score_frames(c, "generic", levels=("article",)))
    assert len(over.axes) == 6 and sum(ax.get_visible() for ax in over.axes) == 5  # one panel per frame
    assert over.get_supylabel().startswith("share of articles")
    with pytest.raises(ParameterError):
        frame_profile(pd.DataFrame({"x": [1]}))
    import matplotlib.pyplot as plt

    plt.close("all")


def test_the_default_schemes_follow_the_pack_chosen_after_import():
    from newslab.frames import default_schemes
    from newslab.packs import use_pack

    text = "Trade talks\n\nIndia and China clashed over the border and then agreed to hold trade talks."
    with use_pack(None):
        assert default_schemes() == ("generic", "policy")
        a = Article.from_text(text)
        assert {r["scheme"] for r in a.layer("frames")} == {"generic", "policy"}
        assert {f["scheme"] for f in article_json(a)["frames"]} <= {"generic", "policy"}
    with use_pack("russia_turkey"):
        assert default_schemes() == ("generic", "policy", "russia_turkey")
        # the same Article: the pack's scheme is a resource of the layer, so it is scored now
        assert {r["scheme"] for r in a.layer("frames")} == {"generic", "policy", "russia_turkey"}
