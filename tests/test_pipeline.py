"""Corpus pipeline: same output for any n_jobs, cache hits and invalidation, bad files reported."""
from __future__ import annotations

import gc
import os
import shutil
import warnings

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.io import load_corpus
from newslab.pipeline import analyze_corpus

TEXTS = [
    ("Jet downed\n\nANKARA, Turkey: Turkey shot down a Russian warplane near the Syrian border on Tuesday. "
     "Putin called it a stab in the back and Moscow imposed sanctions on Ankara.", "2015-11-24"),
    ("Pipeline opens\n\nRussia and Turkey opened the TurkStream gas pipeline. \"This is a great day for our "
     "nations,\" Erdogan said. Putin praised the cooperation between the two countries.", "2020-01-08"),
    ("Talks in Astana\n\nIran, Russia and Turkey agreed on new de-escalation zones in Syria. "
     "The United Nations welcomed the deal.", "2017-05-04"),
]


@pytest.fixture()
def small_corpus(seed):
    arts = [seed] + [Article.from_text(t, id=f"doc{i}", date=d) for i, (t, d) in enumerate(TEXTS)]
    return Corpus(arts)


def test_same_results_for_one_and_two_jobs(small_corpus, tmp_path):
    one = analyze_corpus(small_corpus, n_jobs=1, cache=False)
    two = analyze_corpus(Corpus(list(small_corpus)), n_jobs=2, cache=False, chunk_size=1)
    for name, df in one.tables().items():
        pd.testing.assert_frame_equal(df, two.tables()[name], check_dtype=False)
    assert list(one.articles.doc_id) == ["afp-2017-11-13-sochi", "doc0", "doc1", "doc2"]
    assert len(one.sentences) == 25 + 2 + 3 + 2
    assert set(one.sentences.columns) >= {"doc_id", "date", "i", "start", "end", "text"}
    assert (one.sentences.doc_id == "afp-2017-11-13-sochi").sum() == 25


def test_tables_have_doc_id_and_date(small_corpus):
    res = analyze_corpus(small_corpus, cache=False)
    for name, df in res.tables().items():
        assert list(df.columns[:2]) == ["doc_id", "date"], name
    assert set(res.articles.date) == {"2017-11-13", "2015-11-24", "2020-01-08", "2017-05-04"}
    assert len(res.mentions) > 0 and len(res.quotes) > 0 and len(res.frames) > 0


def test_cache_hit_and_invalidation(tmp_path, monkeypatch):
    import newslab.resources as res_mod

    # Work on a copy of the resource folder so the test can "edit a dictionary".
    copy = tmp_path / "resources"
    shutil.copytree(res_mod.RESOURCE_DIR, copy)
    monkeypatch.setattr(res_mod, "RESOURCE_DIR", copy)
    corpus = Corpus([Article.from_text(t, id=f"d{i}", date=d) for i, (t, d) in enumerate(TEXTS)])
    cache = tmp_path / "cache"
    first = analyze_corpus(corpus, steps=["sentences"], cache=cache)
    second = analyze_corpus(corpus, steps=["sentences"], cache=cache)
    assert (first.stats["cache_hits"], second.stats["cache_hits"]) == (0, 3)
    pd.testing.assert_frame_equal(first.sentences, second.sentences)
    # A different chunking finds no stored chunk and reads the per-article entries instead.
    third = analyze_corpus(corpus, steps=["sentences"], cache=cache, chunk_size=1)
    assert third.stats["cache_hits"] == 3
    pd.testing.assert_frame_equal(first.sentences, third.sentences)
    with open(copy / "stopwords_en.txt", "a", encoding="utf-8") as fh:
        fh.write("sochi\n")
    edited = analyze_corpus(corpus, steps=["sentences"], cache=cache)
    assert edited.stats["cache_hits"] == 0


def test_bad_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Good\n\nRussia and Turkey met in Sochi.\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00" * 20)
    (tmp_path / "c.txt").write_text("")
    (tmp_path / "d.txt").write_text("Also good\n\nErdogan spoke.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = analyze_corpus(load_corpus(tmp_path), steps=["sentences"], cache=False)
    assert list(res.articles.doc_id) == ["a", "d"]
    assert sorted(p.rsplit("/", 1)[-1] for p, _ in res.skipped) == ["b.txt", "c.txt"]
    assert "binary" in dict((p.rsplit("/", 1)[-1], r) for p, r in res.skipped)["b.txt"]


def test_warm_run_equals_cold_run_for_every_table(small_corpus, tmp_path):
    cold = analyze_corpus(small_corpus, cache=tmp_path / "c")
    warm = analyze_corpus(small_corpus, cache=tmp_path / "c")
    assert warm.stats["cache_hits"] == len(cold.articles) == 4
    for name, df in cold.tables().items():
        pd.testing.assert_frame_equal(df, warm.tables()[name])


def test_export_csv_and_parquet(small_corpus, tmp_path):
    res = analyze_corpus(small_corpus, cache=False)
    names = {p.name for p in res.export(tmp_path / "csv", "csv")}
    assert names == {f"{t}.csv" for t in ("articles", "sentences", "mentions", "quotes", "relations", "stance", "frames")}
    back = pd.read_csv(tmp_path / "csv" / "sentences.csv")
    assert len(back) == len(res.sentences)
    res.export(tmp_path / "pq", "parquet")
    assert len(pd.read_parquet(tmp_path / "pq" / "quotes.parquet")) == len(res.quotes)


def test_unknown_step():
    from newslab.errors import ParameterError

    with pytest.raises(ParameterError, match="unknown step"):
        analyze_corpus(Corpus([]), steps=["vibes"])


def test_cli_tables(tmp_path, seed_path, capsys):
    from newslab.cli import main

    code = main(["analyze", str(seed_path), "--format", "csv", "--out", str(tmp_path), "--no-cache",
                 "--steps", "sentences", "sentiment"])
    assert code == 0
    df = pd.read_csv(tmp_path / "sentences.csv")
    assert len(df) == 25 and {"doc_id", "i", "start", "end", "text"} <= set(df.columns)
    assert "analyzed 1 articles" in capsys.readouterr().out


def test_resources_are_looked_up_once_while_pinned_and_seen_again_after(tmp_path):
    from newslab.resources import load_word_list, pinned_resources

    words = tmp_path / "words.txt"
    words.write_text("alpha\n", encoding="utf-8")
    with pinned_resources():
        assert load_word_list(words) == ("alpha",)
        words.write_text("alpha\nbeta\n", encoding="utf-8")
        os.utime(words, (1e9, 1e9))  # a different mtime, however coarse the file system's clock
        assert load_word_list(words) == ("alpha",)  # fixed for the run, as its cache key is
    assert load_word_list(words) == ("alpha", "beta")


def test_corpus_run_restores_the_garbage_collector_thresholds(small_corpus):
    before = gc.get_threshold()
    analyze_corpus(small_corpus, steps=["sentences"], cache=False)
    assert gc.get_threshold() == before


def test_corpus_frames_list_each_term_once_on_the_article_row(seed):
    import json

    from newslab.frames import score_frames

    frames = analyze_corpus(Corpus([seed]), steps=["frames"], cache=False).frames
    per_article = score_frames(seed, scheme="russia_turkey")
    for level, rows in frames[frames.scheme == "russia_turkey"].groupby("level"):
        if level == "paragraph":
            assert rows.terms.isna().all() and (rows.hits > 0).all()
        else:
            art = per_article[per_article.level == "article"].set_index("frame")
            for r in rows.itertuples():
                terms = json.loads(r.terms)
                assert len(terms) == r.matches == len(art.loc[r.frame, "terms"])
                assert all(seed.text[t["start"]:t["end"]] == t["text"] for t in terms)
    # the seed's paragraph hits add up to its article hits
    para = frames[(frames.level == "paragraph") & (frames.scheme == "russia_turkey")].groupby("frame").hits.sum()
    art = frames[(frames.level == "article") & (frames.scheme == "russia_turkey")].set_index("frame").hits
    assert (para == art[para.index]).all() and para.sum() > 0


def test_a_bug_in_a_step_is_raised_not_swallowed_and_settings_are_restored(small_corpus, monkeypatch):
    import dataclasses

    from newslab import layers

    def broken(article, **params):
        raise RuntimeError(f"bug on {article.id}")

    monkeypatch.setitem(layers.REGISTRY, "quotes", dataclasses.replace(layers.get("quotes"), compute=broken))
    before = gc.get_threshold()
    with pytest.raises(RuntimeError, match="bug on"):
        analyze_corpus(small_corpus, steps=["sentences", "quotes"], cache=False)
    assert gc.get_threshold() == before
    import newslab.resources as res_mod
    assert res_mod._pinned is None


def test_exports_round_trip_text_with_odd_line_breaks(tmp_path):
    # A bare \r, U+2028 and \x85 inside a sentence are text, not row ends, in every export.
    body = "Seoul and Tokyo met. They talked\u2028for hours.\x85Both sides smiled. A \r in the middle."
    res = analyze_corpus(Corpus([Article.from_text("T\n\n" + body, id="k1")]), steps=["sentences"], cache=False)
    res.export(tmp_path / "csv", "csv")
    res.export(tmp_path / "pq", "parquet")
    want = res.sentences[["doc_id", "i", "start", "end", "text"]].astype(str).values.tolist()
    for back in (pd.read_csv(tmp_path / "csv" / "sentences.csv", keep_default_na=False),
                 pd.read_parquet(tmp_path / "pq" / "sentences.parquet")):
        assert back[["doc_id", "i", "start", "end", "text"]].astype(str).values.tolist() == want
    assert any("\r" in t for t in res.sentences.text)


def test_cache_entries_cannot_run_code_and_bad_ones_are_misses(small_corpus, tmp_path):
    import newslab.pipeline as pipeline

    cache = tmp_path / "cache"
    cold = analyze_corpus(small_corpus, cache=cache)
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    assert entries and {p.suffix for p in entries} == {".json", ".arrow"}
    # A planted or damaged entry (here: every stored file overwritten) is a miss, not a crash.
    marker = tmp_path / "ran"
    for p in entries:
        p.write_bytes(b"\x80\x04cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
    warm = analyze_corpus(small_corpus, cache=cache)
    assert not marker.exists() and warm.stats["cache_hits"] == 0
    pd.testing.assert_frame_equal(warm.quotes, cold.quotes)
    assert "pickle" not in open(pipeline.__file__, encoding="utf-8").read()


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_workers_end_when_the_parent_is_killed(tmp_path, signal_name):
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "run.py"
    script.write_text(
        "from newslab import Article, Corpus\nfrom newslab.pipeline import analyze_corpus\n"
        "arts = [Article.from_text('T\\n\\n' + 'Russia and Turkey met in Sochi. ' * 400, id=str(i)) for i in range(4000)]\n"
        "analyze_corpus(Corpus(arts), n_jobs=2, cache=False, chunk_size=4)\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path)
    workers: set[int] = set()
    deadline = time.time() + 60
    while len(workers) < 2 and time.time() < deadline:
        time.sleep(0.2)
        for task in os.listdir(f"/proc/{parent.pid}/task"):
            with open(f"/proc/{parent.pid}/task/{task}/children") as fh:
                workers |= {int(x) for x in fh.read().split()}
    assert len(workers) >= 2
    parent.send_signal(getattr(signal, signal_name))
    parent.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(os.path.exists(f"/proc/{w}") and "Z" not in _state(w) for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}") and "Z" not in _state(w)]


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
