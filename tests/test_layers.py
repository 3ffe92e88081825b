"""The analyzer contract: layers computed once per Article, every face generated from the rows,
and an edited resource file seen by the next call on the *same* Article, for every analyzer."""
from __future__ import annotations

import shutil

import pytest
import yaml

from newslab import Article, layers
from newslab.entities import find_mentions
from newslab.frames import score_frames
from newslab.jsonout import article_json
from newslab.pipeline import ALL_STEPS, analyze_article
from newslab.quotes import extract_quotes
from newslab.relations import extract_relations
from newslab.resources import RESOURCE_DIR, resource_dir
from newslab.sentiment import score_sentiment
from newslab.stance import stance

TEXT = ("Border talks\n\nIndian Prime Minister Narendra Modi met Chinese President Xi Jinping in Kazan. "
        "\"We want calm on the border,\" Modi said. China and India agreed to resume patrols, "
        "but Beijing rejected new sanctions. The two sides hugged warmly.")


@pytest.fixture()
def resources(tmp_path):
    """A classroom's editable copy of every packaged resource file, in use for the test."""
    folder = tmp_path / "resources"
    shutil.copytree(RESOURCE_DIR, folder)
    with resource_dir(folder):
        yield folder


def edit_yaml(path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_layers_are_computed_once_and_shared():
    a = Article.from_text(TEXT)
    assert a.layer("quotes") is a.layer("quotes")
    assert a.layer("mentions") is a.layer("mentions", actors=None, discover=True, backend="rules")


def test_every_table_face_is_generated_from_the_rows():
    a = Article.from_text(TEXT)
    for step, spec in layers.step_layers().items():
        rows = a.layer(spec.name)
        df = layers.frame(a, spec.name)
        assert list(df.columns) == list(spec.columns), step
        assert len(df) == len(rows), step
        for col in spec.columns:
            assert [r[col] for r in rows] == [None if v != v else v for v in df[col].tolist()] or \
                spec.dtypes.get(col) == "Int64", (step, col)
    tables = analyze_article(a, ALL_STEPS)
    assert tables["quotes"] is a.layer("quotes")  # the pipeline reads the same rows
    assert {"sentences", "mentions", "quotes", "relations", "stance", "frames", "articles"} == set(tables)


def test_json_sections_come_from_the_layers():
    a = Article.from_text(TEXT)
    doc = article_json(a)
    assert [q["text"] for q in doc["quotes"]] == ["We want calm on the border"]
    assert doc["quotes"][0]["speaker"] == "Narendra Modi"
    assert {e["text"] for e in doc["entities"]} >= {"Narendra Modi", "Xi Jinping", "China", "India"}
    assert {"vader", "textblob", "score", "label"} == set(doc["sentences"][0]["sentiment"])
    assert "China|India" in doc["article"]["dyads"]


def test_edited_actor_dictionary_reaches_mentions_quotes_and_relations(resources):
    a = Article.from_text("Summit\n\nZoran Vukic met Edi Rama. \"Borders stay,\" Vukic said.")
    assert "Zoran Vukic" not in set(find_mentions(a).actor)
    assert extract_quotes(a)[["speaker", "side"]].values.tolist() == [["Zoran Vukic", ""]]  # a discovered name
    assert extract_relations(a).empty  # discovered names are no actors
    edit_yaml(resources / "actors.yml", lambda d: d["people"].extend(
        [{"name": "Zoran Vukic", "side": "Serbia"}, {"name": "Edi Rama", "side": "Albania"}]))
    assert {"Zoran Vukic", "Edi Rama"} <= set(find_mentions(a).actor)
    assert extract_quotes(a)[["speaker", "side"]].values.tolist() == [["Zoran Vukic", "Serbia"]]
    ev = extract_relations(a)  # relations require the mentions too
    assert set(zip(ev.source_side, ev.target_side)) == {("Serbia", "Albania"), ("Albania", "Serbia")}


def test_edited_quote_cues_are_seen_on_the_same_article(resources):
    a = Article.from_text("T\n\nThe Iranian minister mumbled that the deal was dead.")
    assert extract_quotes(a).empty
    edit_yaml(resources / "quote_cues.yml",
              lambda d: d["verbs"].setdefault("mumble", {"forms": ["mumbled"], "indirect": "clause"}))
    assert extract_quotes(a).text.tolist() == ["the deal was dead"]


def test_edited_relation_cues_are_seen_on_the_same_article(resources):
    a = Article.from_text(TEXT)
    assert "hugged" not in set(extract_relations(a).cue)
    edit_yaml(resources / "relation_cues.yml", lambda d: d["cues"].setdefault("hug", {
        "forms": ["hugged"], "type": "verbal_cooperation", "intensity": 2.0, "symmetric": True, "note": "test"}))
    assert "hugged" in set(extract_relations(a).cue)


def test_edited_time_cues_are_seen_on_the_same_article(resources):
    a = Article.from_text("T\n\nIn better days the United States sanctioned Iran.")
    assert set(extract_relations(a).time) == {"current"}
    edit_yaml(resources / "time_cues.yml", lambda d: d["background_markers"].append("in better days"))
    assert set(extract_relations(a).time) == {"background"}


def test_edited_stance_cues_are_seen_on_the_same_article(resources):
    a = Article.from_text("T\n\nThe United Kingdom garlanded the European Union.")
    before = stance(a, ["European Union"])
    assert set(before.stance) == {"neutral"}
    edit_yaml(resources / "stance_cues.yml", lambda d: d["governing"]["support"]["phrases"].append("garlanded"))
    assert set(stance(a, ["European Union"]).stance) == {"favor"}


def test_edited_frame_dictionary_is_seen_on_the_same_article(resources):
    a = Article.from_text("T\n\nEthiopia and Egypt are locked in a tussle over the dam.")

    def conflict_terms() -> list[str]:
        df = score_frames(a, "generic", levels=("article",))
        return [t["text"] for t in df[df.frame == "conflict"].iloc[0].terms]

    assert conflict_terms() == []
    edit_yaml(resources / "frames_generic.yml", lambda d: d["frames"]["conflict"]["terms"].append("tussle"))
    assert conflict_terms() == ["tussle"]
    assert "tussle" in {t["term"] for f in article_json(a)["frames"] for t in f["terms"]}


def test_edited_news_mode_is_seen_on_the_same_article(resources):
    a = Article.from_text("T\n\nThe talks between Armenia and Azerbaijan were a success.")
    before = score_sentiment(a).score.iloc[0]
    edit_yaml(resources / "sentiment_news.yml", lambda d: d["blend"].update(vader=1.0, textblob=0.0))
    after = score_sentiment(a)
    assert after.score.iloc[0] != before and after.score.iloc[0] == after.vader_news.iloc[0]


def test_unknown_layer_names_the_known_ones():
    from newslab.errors import ParameterError

    with pytest.raises(ParameterError, match="known layers: .*quotes"):
        Article.from_text(TEXT).layer("quotez")


def test_architecture_page_lists_the_layer_graph_as_registered():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "ARCHITECTURE.md").read_text(encoding="utf-8")
    block = page.split("<!-- layers:start -->\n", 1)[1].split("<!-- layers:end -->", 1)[0].strip()
    assert block == layers.describe(), "ARCHITECTURE.md is stale: paste `python -m newslab.layers` between the markers"
