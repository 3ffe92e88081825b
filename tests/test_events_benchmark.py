"""Integrity of the hand-coded event benchmark (benchmarks/events/) and of its scorer's matching.

The data checks fail when a text or gold.yml is edited carelessly: a `sentence` that no longer
occurs once in its text, a cue outside its sentence, a value outside the coding guide, an actor
name newslab's dictionary does not know. The matching checks run the scorer's functions on rows
written here.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from newslab.entities import canonical_actor
from newslab.io import load_article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "events"
ALLOWED = {"polarity": {"cooperation", "conflict"}, "mode": {"verbal", "material"},
           "time": {"current", "background"},
           "status": {"asserted", "negated", "hypothetical", "denied", "claimed"},
           "symmetric": {True, False}}
FIELDS = {"sentence", "cue", "source", "target", *ALLOWED}
# Coded actors that newslab's actor dictionary does not list (yet); every other name must be
# canonical there, which catches typos such as "USA" or "Untied States".
NOT_IN_DICTIONARY = {"African Union"}


def scorer():
    spec = importlib.util.spec_from_file_location("events_bench", DATA.parent / "events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load((DATA / "gold.yml").read_text(encoding="utf-8"))["texts"]


def test_every_text_has_gold_and_metadata(gold):
    stems = sorted(p.stem for p in (DATA / "texts").glob("*.txt"))
    assert stems == sorted(gold)
    for stem in stems:
        article = load_article(DATA / "texts" / f"{stem}.txt")
        meta = yaml.safe_load((DATA / "texts" / f"{stem}.meta.yml").read_text(encoding="utf-8"))
        assert meta["title"] == article.text.split("\n", 1)[0], stem
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]) and article.date == meta["date"], stem
        assert meta["source"] == "newslab benchmark (invented text)", stem
        assert 120 <= len(article.text.split()) <= 300, stem


def test_every_event_is_located_and_coded_with_allowed_values(gold):
    for stem, events in gold.items():
        text = load_article(DATA / "texts" / f"{stem}.txt").text
        for ev in events:
            where = f"{stem}: {ev.get('sentence')!r}"
            assert FIELDS <= set(ev) <= FIELDS | {"note"}, where
            assert text.count(ev["sentence"]) == 1, where
            assert ev["cue"] and ev["cue"] in ev["sentence"], where
            for field, values in ALLOWED.items():
                assert ev[field] in values, f"{where}: {field}={ev[field]!r}"
            assert ev["source"] != ev["target"], where
            for actor in (ev["source"], ev["target"]):
                assert actor in NOT_IN_DICTIONARY or canonical_actor(actor) == actor, f"{where}: {actor}"


def test_the_set_is_as_large_as_issue_15_asks(gold):
    events = [ev for evs in gold.values() for ev in evs]
    assert len(gold) >= 14 and len(events) >= 130
    assert sum(ev["status"] != "asserted" for ev in events) >= 30
    assert {ev["status"] for ev in events} == ALLOWED["status"]


def _row(src, tgt, start, end, cue="met", typ="verbal_cooperation", negated=False, symmetric=True):
    return {"source_side": src, "target_side": tgt, "start": start, "end": end, "cue": cue,
            "type": typ, "negated": negated, "time": "current", "symmetric": symmetric}


def test_mirrored_rows_count_once_and_the_nearest_cue_wins():
    bench = scorer()
    text = "India and China met and signed a deal."
    df = pd.DataFrame([_row("India", "China", 16, 19), _row("China", "India", 16, 19),
                       _row("India", "China", 24, 30, cue="signed", negated=True, symmetric=False)])
    preds = bench.predictions(df, text)
    assert [(p["cue"], p["sym"], p["status"]) for p in preds] == [("met", True, "asserted"),
                                                                    ("signed", False, "negated")]
    golds = [{"sentence": text, "cue": "signed", "source": "China", "target": "India", "symmetric": True},
             {"sentence": text, "cue": "met", "source": "China", "target": "India", "symmetric": True}]
    bench.locate(text, golds, "test")
    assert sorted(bench.match(preds, golds)) == [(0, 1), (1, 0)]


def test_direction_matters_unless_symmetric():
    bench = scorer()
    text = "Iran condemned the move."
    preds = bench.predictions(pd.DataFrame([_row("United States", "Iran", 5, 14, cue="condemned",
                                                 typ="verbal_conflict", symmetric=False)]), text)
    golds = [{"sentence": text, "cue": "condemned", "source": "Iran", "target": "United States",
              "symmetric": False}]
    bench.locate(text, golds, "test")
    assert bench.match(preds, golds) == []
    golds[0]["symmetric"] = True
    assert bench.match(preds, golds) == [(0, 0)]


def test_a_status_column_is_used_when_newslab_has_one():
    bench = scorer()
    df = pd.DataFrame([{**_row("India", "China", 0, 5, symmetric=False), "status": "hypothetical"}])
    assert bench.predictions(df, "India may meet China.")[0]["status"] == "hypothetical"
