"""Tests for newslab.clauses (clauses, the one negation scope rule, modality, reported speech) and
newslab.packs (resource packs). The texts are written for these tests."""
from __future__ import annotations

import shutil

import pytest
import yaml

from newslab import Article
from newslab.clauses import (clause_spans, load_clause_cues, modality_at, negated, negation_at, negation_cue,
                             reported_nominal_regex, speech_regex)
from newslab.errors import ParameterError, ResourceFileError
from newslab.frames import SCHEMES, frame_hits, score_frames
from newslab.packs import (DEFAULT_PACK, active_pack, frame_schemes, list_packs, load_pack, stance_issue_files,
                           use_pack)
from newslab.relations import extract_relations
from newslab.resources import RESOURCE_DIR, resource_dir
from newslab.stance import load_stance_cues, stance


def at(text: str, word: str) -> int:
    return text.index(word)


def art(body: str) -> Article:
    return Article.from_text("Headline\n\n" + body, date="2021-06-01")


# ---- clauses --------------------------------------------------------------------------------
def test_clauses_split_at_semicolons_dashes_and_subordinate_openers():
    s = "Iran met the EU in Vienna; the talks, which ran late, ended - Oman said - but no deal came"
    parts = [s[a:b].strip() for a, b in clause_spans(s, 0, len(s))]
    assert parts == ["Iran met the EU in Vienna", "the talks", "which ran late, ended", "Oman said",
                     "but no deal came"]


# ---- negation: one rule, its kinds ----------------------------------------------------------
@pytest.mark.parametrize("text, word, kind, cue", [
    ("India has not yet agreed", "agreed", "negator", "not"),
    ("Pakistan would never have signed", "signed", "negator", "never"),
    ("Britain didn’t sanction Iran", "sanction", "suffix", "didn't"),
    ("Egypt no longer trusts Ethiopia", "trusts", "negator", "no longer"),
    ("the EU failed to agree", "agree", "failure", "failed to"),
    ("Seoul refused to join the drills", "join", "failure", "refused to"),
    ("Tokyo cancelled the summit", "summit", "failure", "cancelled"),
    ("Hamas denied attacking Israel", "attacking", "denial", "denied"),
])
def test_negation_kinds(text, word, kind, cue):
    m = negation_at(text, 0, at(text, word))
    assert (m.kind, m.cue) == (kind, cue)


def test_negation_scope_is_three_words_inside_the_clause_without_a_comma():
    s = "Brazil did not, after long talks in Rio, sign"
    assert not negated(s, 0, at(s, "sign"))  # the comma closes the scope
    s = "Chile did not at first really want to sign"
    assert not negated(s, 0, at(s, "sign"))  # "not" is five words before
    s = "Chile did not want to sign"
    assert negated(s, 0, at(s, "want"))
    s = "Peru said no. Bolivia agreed"
    assert not negated(s, at(s, "Bolivia"), at(s, "agreed"))  # the clause starts after "no"
    assert negation_cue(["a", "no-fly", "zone"]) is None  # "no-fly" is one word, not "no"


def test_modality_cues_for_event_status():
    s = "Iran and Oman could sign a deal"
    assert modality_at(s, 0, at(s, "sign")).kind == "modals"
    s = "Azerbaijan threatens to attack"
    assert modality_at(s, 0, at(s, "attack")).cue == "threatens to"
    s = "Armenia signed"
    assert modality_at(s, 0, at(s, "signed")) is None


def test_reported_speech_regexes():
    assert speech_regex().search("the Kremlin said on Monday")
    assert speech_regex().search("according to Tehran")
    assert reported_nominal_regex().search("Ankara said the ")
    assert not reported_nominal_regex().search("Ankara said they ")


def test_the_three_analyzers_share_the_negation_rule():
    a = art("Ethiopia hardly wants a conflict with Egypt. Kenya does not support Somalia.")
    hits = frame_hits(a, "generic")
    assert hits[hits.text == "conflict"].negated.tolist() == [True]
    st = stance(a, ["Somalia"])
    assert st.evidence.str.contains("not support").tolist() == [True] and st.stance.tolist() == ["against"]
    ev = extract_relations(art("Kenya does not support Somalia."))
    assert ev.negated.tolist() == [True]


def test_edited_clause_cues_reach_relations_stance_and_frames_on_the_same_article(tmp_path):
    folder = tmp_path / "resources"
    shutil.copytree(RESOURCE_DIR, folder)
    a = art("Chad seldom supported Niger. Mali seldom wants a conflict.")
    with resource_dir(folder):
        assert extract_relations(a).negated.tolist() == [False]
        assert stance(a, ["Niger"]).stance.tolist() == ["favor"]
        hits = frame_hits(a, "generic")
        assert hits[hits.text == "conflict"].negated.tolist() == [False]
        path = folder / "clause_cues.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["negation"]["negators"].append("seldom")
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert extract_relations(a).negated.tolist() == [True]
        assert stance(a, ["Niger"]).stance.tolist() == ["against"]
        hits = frame_hits(a, "generic")
        assert hits[hits.text == "conflict"].negated.tolist() == [True]


def test_a_bare_no_in_the_cue_file_is_a_clear_error(tmp_path):
    p = tmp_path / "clause_cues.yml"
    text = (RESOURCE_DIR / "clause_cues.yml").read_text(encoding="utf-8").replace('"no", never', "no, never")
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceFileError, match="quotes"):
        load_clause_cues(p)


# ---- packs ----------------------------------------------------------------------------------
def test_the_worked_example_pack_is_the_default():
    assert list_packs() == ["russia_turkey"] and DEFAULT_PACK == "russia_turkey"
    pack = active_pack()
    assert pack.name == "russia_turkey" and "S-400" in pack.description
    assert list(SCHEMES) == ["generic", "policy", "russia_turkey"]
    assert {"S-400 deal", "TurkStream", "sanctions"} <= set(load_stance_cues().issues)


def test_no_pack_leaves_only_the_core(monkeypatch):
    a = art("India signed the S-400 deal and welcomed the ceasefire.")
    assert {"S-400 deal", "ceasefire"} <= set(stance(a).target)
    with use_pack("none"):
        assert active_pack() is None and frame_schemes() == {} and stance_issue_files() == []
        assert list(SCHEMES) == ["generic", "policy"]
        assert set(stance(a).target) == {"India", "ceasefire"}  # recomputed: the pack's target is gone
        assert "S-400 deal" not in load_stance_cues().issues
        # a pack's scheme asked for by name is still found
        assert not score_frames(a, "russia_turkey", levels=("article",)).empty
    monkeypatch.setenv("NEWSLAB_PACK", "none")
    assert active_pack() is None and "TurkStream" not in load_stance_cues().issues
    monkeypatch.setenv("NEWSLAB_PACK", "russia_turkey")
    assert active_pack().name == "russia_turkey"


def test_an_unknown_pack_is_a_clear_error():
    with pytest.raises(ParameterError, match="no such resource pack"):
        load_pack("india_china")
    with pytest.raises(ParameterError, match="russia_turkey"):
        with use_pack("india_china"):
            pass


def test_an_edited_pack_target_is_seen_on_the_same_article(tmp_path):
    folder = tmp_path / "resources"
    shutil.copytree(RESOURCE_DIR, folder)
    a = art("Kenya backed the Blue Nile dam.")
    with resource_dir(folder):
        assert "Blue Nile dam" not in set(stance(a).target)
        path = folder / "packs" / "russia_turkey" / "stance_issues.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["issues"]["Blue Nile dam"] = ["Blue Nile dam"]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        got = stance(a)
        assert got[got.target == "Blue Nile dam"][["holder", "stance"]].values.tolist() == [["Kenya", "favor"]]


def test_cue_set_finds_the_cue_ending_nearest_whatever_its_last_word():
    from newslab.clauses import CueSet, Marking

    cues = CueSet.of([("failure", (("refus", True), ("to", False))), ("negator", (("not", False),)),
                      ("failure", (("fail", True),)), ("doubt", (("highly", False), ("unlik", True)))])
    assert cues.find("india refused to".split()) == Marking("failure", "refused to")
    assert cues.find("not refusing to".split()) == Marking("failure", "refusing to")  # ends nearest
    assert cues.find("the eu failed".split()) == Marking("failure", "failed")
    assert cues.find("a deal is highly unlikely".split()) == Marking("doubt", "highly unlikely")
    assert cues.find("not quite".split()) == Marking("negator", "not")
    assert cues.find("tehran and washington talked".split()) is None
