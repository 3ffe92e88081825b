"""Tests for newslab.stance: cues, removal inversion, negation, target-local sentiment, speakers.

Short texts are written for these tests; the seed article checks the Russia–Turkey–Assad case.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.io import load_article
from newslab.jsonout import article_json
from newslab.stance import STANCE_COLUMNS, load_stance_cues, speaker_stance, stance, text_cues

SEED = Path(__file__).resolve().parents[1] / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"


def art(body: str) -> Article:
    return Article.from_text("Headline\n\n" + body, date="2019-05-02")


def rows(df: pd.DataFrame) -> set[tuple[str, str, str]]:
    return set(zip(df.holder, df.target, df.stance))


@pytest.fixture(scope="module")
def seed_stance() -> pd.DataFrame:
    return stance(load_article(SEED))


def test_seed_russia_backs_assad_turkey_opposes_him(seed_stance):
    assad = seed_stance[seed_stance.target == "Bashar al-Assad"]
    got = rows(assad)
    assert ("Russia", "Bashar al-Assad", "favor") in got      # "the key backer of ... Assad"
    assert ("Iran", "Bashar al-Assad", "favor") in got        # "Russia, along with Iran,"
    assert ("Turkey", "Bashar al-Assad", "against") in got    # backed rebels seeking Assad's ouster
    assert ("Syrian rebels", "Bashar al-Assad", "against") in got
    assert ("Turkey", "Syrian rebels", "favor") in rows(seed_stance)
    ev = assad[assad.holder == "Turkey"].evidence.iloc[0]
    assert "backed" in ev and "ouster" in ev


def test_seed_other_stances(seed_stance):
    got = rows(seed_stance)
    assert ("Recep Tayyip Erdogan", "the West", "against") in got           # "dissatisfied with the West"
    assert ("Turkey", "political settlement", "favor") in got               # "Ankara was seeking a political solution"
    west = seed_stance[seed_stance.target == "the West"].iloc[0]
    assert west.speaker == "Alexei Malashenko"                               # indirect speech
    assert not seed_stance.stance.isin(["favor", "against"]).all()           # most mentions are neutral


def test_seed_speaker_stance(seed_stance):
    sp = speaker_stance(seed_stance)
    table = {(r.speaker, r.target): r.stance for r in sp.itertuples()}
    assert table[("Vladimir Putin", "the relationship")] == "favor"         # "Our relationship has been restored"
    assert table[("Vladimir Putin", "political settlement")] == "favor"
    assert table[("Recep Tayyip Erdogan", "political settlement")] == "favor"
    by_holder = speaker_stance(seed_stance, by="holder")
    assert set(by_holder.columns) == {"holder", "target", "n", "score", "stance", "evidence"}


@pytest.mark.parametrize("body, holder, target, expected", [
    ("Turkey opposed the YPG.", "Turkey", "YPG", "against"),
    ("Moscow is a close ally of Damascus.", "Russia", "Syria", "favor"),
    ("Erdogan is dissatisfied with Washington.", "Recep Tayyip Erdogan", "United States", "against"),
    ("Erdogan is a fierce critic of Putin.", "Recep Tayyip Erdogan", "Vladimir Putin", "against"),
    ("The United States called for Assad's removal.", "United States", "Bashar al-Assad", "against"),
    ("Iran opposed the overthrow of Assad.", "Iran", "Bashar al-Assad", "favor"),
    ("Russia backed militias seeking the downfall of Assad.", "Russia", "Bashar al-Assad", "against"),
])
def test_cue_rules(body, holder, target, expected):
    assert (holder, target, expected) in rows(stance(art(body)))


def test_negation_flips_at_half_weight():
    df = stance(art("Turkey did not oppose NATO."), ["NATO"])
    r = df.iloc[0]
    assert (r.holder, r.stance, r.score) == ("Turkey", "favor", 0.5) and "not oppose" in r.evidence
    df = stance(art("Russia never supported the YPG."), ["YPG"])
    r = df.iloc[0]
    assert r.stance == "against" and r.cue_score == -0.5 and r.local_sentiment < 0  # VADER also reads "never"
    assert r.score == pytest.approx(-0.5 + 0.5 * r.local_sentiment, abs=1e-3)


def test_target_local_sentiment_reads_the_clause_not_the_sentence():
    df = stance(art("The talks were a great success for Turkey, while Syria suffered a terrible, deadly week."))
    by_target = dict(zip(df.target, df.stance))
    assert by_target["Turkey"] == "favor" and by_target["Syria"] == "against"
    assert df.set_index("target").loc["Syria", "local_sentiment"] < -0.5


def test_quoted_speaker_is_holder_for_we():
    df = stance(art('"We strongly support a political settlement," Erdogan said.'))
    r = df[df.target == "political settlement"].iloc[0]
    assert (r.holder, r.speaker, r.stance) == ("Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "favor")
    assert "Recep Tayyip Erdogan" not in set(df.target)  # the attribution is not a stance target


def test_targets_argument_forms():
    a = art("Turkey opposed NATO plans, but Russia praised the ceasefire in Idlib.")
    assert set(stance(a, "NATO").target) == {"NATO"}
    assert dict(zip(*stance(a, ["ceasefire"])[["target", "stance"]].values.T)) == {"ceasefire": "favor"}
    d = stance(a, {"truce": ["ceasefire", "truce"]})
    assert list(d.target) == ["truce"] and d.stance.iloc[0] == "favor"
    assert list(stance(a, ["nonexistent phrase"]).columns) == STANCE_COLUMNS


def test_empty_article_and_corpus():
    empty = Article.from_text("", title_line=False)
    df = stance(empty)
    assert df.empty and list(df.columns) == STANCE_COLUMNS
    c = Corpus([art("Turkey opposed the YPG."), art("Moscow is a close ally of Damascus.")])
    cd = stance(c)
    assert set(cd.doc_id) == {x.id for x in c} and {"doc_id", "date"} <= set(cd.columns)


def test_json_section():
    doc = article_json(load_article(SEED))
    json.dumps(doc)
    assert doc["stance"] and {"sentence", "target", "stance", "score", "evidence", "speaker"} <= set(doc["stance"][0])
    assert {"favor", "against"} >= {d["stance"] for d in doc["stance"]}


def test_lexicon_loads_and_bad_file(tmp_path):
    lex = load_stance_cues()
    assert "political settlement" in lex.issues and lex.max_gap == 6
    bad = tmp_path / "bad.yml"
    bad.write_text("issues: {}\n", encoding="utf-8")
    with pytest.raises(Exception, match="governing"):
        load_stance_cues(bad)


def test_stance_layer_rows(seed_stance):
    rows = load_article(SEED).layer("stance")
    assert len(rows) == len(seed_stance) > 10
    assert all(list(r) == STANCE_COLUMNS for r in rows)
    assert art("Nothing to see.").layer("stance") == []


def test_issue_targets_found_in_every_sentence_that_names_them():
    # issue phrases are searched only in sentences that contain a literal part of a phrase;
    # capitals, a hyphen and an accent must not hide a mention
    a = art("The CEASE-FIRE held. Moscow backed a political settlement; Ankara opposed the Sanctions. "
            "Turkey's détente aside, the S-400 deal angered Washington. Nothing else here.")
    df = stance(a)
    issues = df[df.kind == "issue"]
    assert sorted(set(zip(issues.sentence, issues.target))) == [
        (0, "ceasefire"), (1, "political settlement"), (1, "sanctions"), (2, "S-400 deal")]
    assert rows(df) >= {("Russia", "political settlement", "favor"), ("Turkey", "sanctions", "against")}


def test_in_favour_of_is_a_support_cue_in_both_spellings():
    from newslab import Article
    from newslab.stance import stance

    a = Article.from_text("T\n\nAnkara spoke in favour of the political settlement. Moscow is in favor of NATO talks.")
    df = stance(a)
    rows = {(r.target, r.stance): r.evidence for r in df.itertuples()}
    assert rows[("political settlement", "favor")].startswith("in favour of")
    assert rows[("NATO", "favor")].startswith("in favor of")


def test_local_sentiment_equals_the_vader_wheel_with_the_same_lexicon():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from newslab.sentiment import news_settings
    from newslab.stance import local_sentiment

    texts = ["a war that killed many", "Moscow was not happy with the deal at all!",
             "Erdogan called the sanctions a very serious mistake", "hardly a great success :)"]
    wheel = SentimentIntensityAnalyzer()
    for text in texts:
        assert local_sentiment(text, mode="standard")[0] == wheel.polarity_scores(text)["compound"]
    wheel.lexicon = dict(news_settings().vader_lexicon)
    for text in texts:
        assert local_sentiment(text, mode="news")[0] == wheel.polarity_scores(text)["compound"]
    assert local_sentiment("a war that killed many", mode="news")[0] != local_sentiment(
        "a war that killed many", mode="standard")[0]  # news mode tones "war" down


def test_defiance_and_snubs_are_opposition():
    df = stance(art("Ankara snubbed Moscow at the summit. Turkey went ahead, defying warnings from Washington."))
    got = {(r.holder, r.target): r.stance for r in df.itertuples()}
    assert got[("Turkey", "Russia")] == "against"
    assert df[df.target == "United States"].stance.tolist() == ["against"]


def test_lexical_negation_flips_a_support_cue_like_not():
    # "refused to help" is not helping, "a lack of trust" is no trust (clause_cues.yml `failure`),
    # in text_cues (tweets, headlines) as in target-bound stance; three words of scope, as for "not".
    assert text_cues("Beijing refused to help the flood-hit villages across the border.") == (-0.5, ["not help"])
    assert text_cues("The lack of trust between Washington and Tehran deepened.") == (-0.5, ["not trust"])
    assert text_cues("Ankara refuses to financially support the project.") == (-0.5, ["not support"])
    assert text_cues("Delhi declined to comment on the talks and offered to help.") == (1.0, ["help"])
    df = stance(art("India refused to support China at the Security Council."))
    r = df.set_index(["holder", "target"]).loc[("India", "China")]
    assert (r.stance, r.cue_score) == ("against", -0.5) and r.evidence.startswith("not support")
    df = stance(art("Iran refused to endorse the United States plan."))
    r = df.set_index(["holder", "target"]).loc[("Iran", "United States")]
    assert (r.stance, r.cue_score) == ("against", -0.5) and r.evidence.startswith("not endorse")


def test_a_bare_for_counts_only_right_before_its_target():
    df = stance(art("Putin warned of serious consequences for relations with Ankara."))
    assert set(df.stance) == {"neutral"}
    df = stance(art("Erdogan voted for Putin."))
    assert df.set_index(["holder", "target"]).loc[("Recep Tayyip Erdogan", "Vladimir Putin"), "stance"] == "favor"


def test_span_index_finds_the_span_of_an_offset_by_bisection():
    from newslab.stance import SpanIndex

    idx = SpanIndex([(50, 80, "Sharif"), (10, 40, "Modi"), (12, 20, "inner")])
    assert idx.starts == [10, 12, 50]  # sorted once, looked up by bisection
    assert idx.containing(15) == (10, 40, "Modi")  # the first span given that holds it
    assert idx.containing(30) == (10, 40, "Modi") and idx.containing(45) is None
    assert idx.containing(79) == (50, 80, "Sharif") and idx.containing(80) is None


def test_stance_looks_quotes_up_in_an_index():
    from newslab.stance import SpanIndex, _StanceRun, load_stance_cues

    a = Article.from_text('T\n\n"We back the ceasefire," Modi said. Pakistan opposed India.')
    run = _StanceRun.of(a, load_stance_cues(), [], 0.25, 6, "news")
    assert isinstance(run.quotes, SpanIndex) and isinstance(run.attributions, SpanIndex)
    assert run.quotes.containing(a.text.index("ceasefire"))[2] == "Narendra Modi"
    assert run.quotes.containing(a.text.index("Pakistan")) is None


def test_barrier_words_live_in_stance_cues_and_an_edit_is_seen(tmp_path):
    import shutil

    import yaml

    from newslab.resources import RESOURCE_DIR, resource_dir

    a = Article.from_text("T\n\nPakistan backed observers noted the Taliban")
    got = stance(a, ["Taliban"])
    assert got[["holder", "stance"]].values.tolist() == [["Pakistan", "favor"]]
    folder = tmp_path / "resources"
    shutil.copytree(RESOURCE_DIR, folder)
    data = yaml.safe_load((folder / "stance_cues.yml").read_text(encoding="utf-8"))
    assert "according to" in data["barrier_words"]
    data["barrier_words"].append("noted")  # a speech verb: what follows is what was said
    (folder / "stance_cues.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with resource_dir(folder):
        assert stance(a, ["Taliban"])[["holder", "stance"]].values.tolist() == [["", "neutral"]]


def test_the_subject_of_a_stance_verb_is_not_its_target() -> None:
    # "welcomed the agreement" is the subject's stance towards the deal, not one towards the
    # subject (nor towards the organisation in its title)
    df = stance(art("European Commission President Ursula von der Leyen welcomed the agreement. "
                    "Egypt has strongly condemned the attack."))
    assert rows(df[df.stance != "neutral"]) == set()
    # ... and its object keeps the cue: the subject holds the stance
    df = stance(art("Pakistan praised China as a reliable friend."))
    assert rows(df[df.stance != "neutral"]) == {("Pakistan", "China", "favor")}


def test_the_agent_of_a_passive_cue_is_not_its_target() -> None:
    # "backed by Turkey": Turkey backs someone; nothing here is for or against Turkey
    df = stance(art("The rebels, backed by Turkey, attacked the town. The plan was welcomed by Kenya."))
    assert not (df.stance != "neutral").any(), df[["holder", "target", "stance", "evidence"]]
