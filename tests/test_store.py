"""Results as a partitioned Parquet dataset: typed, bounded, resumable after a kill, and the same
on Dask as on the local engine."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.errors import ParameterError
from newslab.pipeline import analyze_corpus
from newslab.store import STORE_TABLES, open_results

STORIES = [
    ("Border talks\n\nIndia and China agreed to pull back troops from the Galwan valley. \"We want peace,\" "
     "Modi said. Beijing welcomed the step.", "2020-06-20", "Outlet A"),
    ("Sanctions\n\nThe United States imposed new sanctions on Iran. Tehran condemned the move and "
     "warned of a response. \"This is economic war,\" Rouhani said.", "2020-09-21", "Outlet B"),
    ("Brexit deal\n\nThe European Union and the United Kingdom signed a trade agreement. "
     "Johnson praised the deal as a new start.", "2020-12-24", "Outlet A"),
]


def corpus(n: int) -> Corpus:
    return Corpus([Article.from_text(STORIES[i % 3][0] + f" Day {i}.", id=f"d{i:04d}", date=STORIES[i % 3][1],
                                     source=STORIES[i % 3][2]) for i in range(n)])


def same_tables(a, b) -> None:
    for t in STORE_TABLES:
        pd.testing.assert_frame_equal(a.table(t), b.table(t), check_categorical=False)


def test_store_is_typed_and_matches_the_in_memory_tables(tmp_path):
    res = analyze_corpus(corpus(9), out=tmp_path / "r", shard_size=4)
    mem = analyze_corpus(corpus(9), cache=False)
    assert res.stats["shards"] == 3 and [s["articles"] for s in res.manifest["shards"]] == [4, 4, 1]
    assert sorted(p.name for p in (tmp_path / "r" / "quotes").iterdir()) == [f"part-0000{i}.parquet" for i in range(3)]
    for t in ("sentences", "mentions", "quotes", "relations", "stance"):
        assert len(getattr(res, t)) == len(getattr(mem, t)), t
        assert res.table(t)["start"].tolist() == mem.tables()[t]["start"].tolist(), t
    assert str(res.sentences["date"].dtype).startswith("datetime64")
    assert res.mentions["label"].dtype == "category" and res.quotes["start"].dtype == "int64"
    assert res.frames["paragraph"].dtype == "Int64" and res.frames["present"].dtype == bool
    terms = res.frame_terms
    assert len(terms) == sum(len(json.loads(t)) for t in mem.frames.terms.dropna())
    assert {"doc_id", "scheme", "frame", "term", "start", "end"} <= set(terms.columns)


def test_summaries_are_computed_part_by_part(tmp_path):
    res = analyze_corpus(corpus(6), out=tmp_path / "r", shard_size=2)
    vs = res.voice_share(by="speaker", group="source")
    got = {(r.source, r.speaker): r.quotes for r in vs.itertuples()}
    assert got == {("Outlet A", "Narendra Modi"): 2, ("Outlet B", "Hassan Rouhani"): 2}
    dy = res.dyad_timeseries("United States", "Iran", freq="M")
    assert dy["period"].tolist() == ["2020-09"] and dy["net"].iloc[0] < 0
    ft = res.frames_over_time("generic", freq="M")
    assert set(ft["period"]) == {"2020-06", "2020-09", "2020-12"} and ft["articles"].max() == 2
    sb = res.sentiment_by("source")
    assert sb.set_index("source")["sentences"].to_dict() == {"Outlet A": 14, "Outlet B": 8}


def test_warm_rerun_reads_the_store_and_a_foreign_folder_is_refused(tmp_path):
    first = analyze_corpus(corpus(6), out=tmp_path / "r", shard_size=2)
    again = analyze_corpus(corpus(6), out=tmp_path / "r", shard_size=2)
    assert again.run["shards_computed"] == 0 and again.run["cache_hits"] == 6
    same_tables(first, again)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ParameterError, match="not newslab results"):
        analyze_corpus(corpus(2), out=mine)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_killed_run_resumes_and_computes_only_the_missing_shards(tmp_path):
    out = tmp_path / "r"
    script = tmp_path / "run.py"
    script.write_text(f"import sys\nsys.path.insert(0, {os.path.dirname(__file__)!r})\n"
                      "from test_store import corpus\nfrom newslab.pipeline import analyze_corpus\n"
                      f"analyze_corpus(corpus(240), out={str(out)!r}, shard_size=10)\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script)])
    done = 0
    deadline = time.time() + 120
    while time.time() < deadline and child.poll() is None:
        try:
            done = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["shards"])
        except (OSError, ValueError, KeyError):
            done = 0
        if done >= 2:
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert 2 <= done < 24
    done = len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["shards"])
    resumed = analyze_corpus(corpus(240), out=out, shard_size=10)
    assert resumed.run["shards_computed"] == 24 - done
    fresh = analyze_corpus(corpus(240), out=tmp_path / "fresh", shard_size=10)
    same_tables(resumed, fresh)


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")  # the test extra installs it: CI runs this
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_engine_writes_the_same_dataset(tmp_path, dask_client):
    local = analyze_corpus(corpus(30), out=tmp_path / "local", shard_size=4)
    on_dask = analyze_corpus(corpus(30), out=tmp_path / "dask", shard_size=4, engine="dask", client=dask_client)
    assert on_dask.run["engine"] == "dask" and on_dask.run["shards_computed"] == 8
    same_tables(local, on_dask)
    assert on_dask.manifest["shards"] == local.manifest["shards"]


def test_a_dask_worker_killed_mid_run_is_retried(tmp_path, dask_client):
    import threading

    pids = list(dask_client.run(os.getpid).values())
    box: dict = {}
    run = threading.Thread(target=lambda: box.setdefault("res", analyze_corpus(
        corpus(240), out=tmp_path / "dask", shard_size=10, engine="dask", client=dask_client)))
    run.start()
    manifest = tmp_path / "dask" / "manifest.json"
    deadline = time.time() + 120
    while time.time() < deadline and not (manifest.exists() and json.loads(manifest.read_text())["shards"]):
        time.sleep(0.05)
    os.kill(pids[0], signal.SIGKILL)  # one worker dies with shards in hand; its nanny starts another
    run.join(300)
    res = box["res"]
    assert res.stats["shards"] == 24 and res.stats["analysed"] == 240
    fresh = analyze_corpus(corpus(240), out=tmp_path / "local", shard_size=10)
    same_tables(res, fresh)


def test_dask_engine_needs_a_results_folder():
    with pytest.raises(ParameterError, match="out="):
        analyze_corpus(corpus(1), engine="dask")


def test_a_wrong_scheduler_address_is_named_with_the_fix(tmp_path, seed_path, capsys):
    pytest.importorskip("distributed")  # the newslab[dask] extra, installed by the test extra
    from newslab.cli import main
    from newslab.errors import InputError

    with pytest.raises(InputError, match=r"scheduler='ukraine-talks'.*dask scheduler"):
        analyze_corpus(corpus(2), out=tmp_path / "r", engine="dask", scheduler="ukraine-talks")
    assert main(["analyze", str(seed_path), "--format", "parquet", "--out", str(tmp_path / "c"), "--engine", "dask",
                 "--scheduler", "ukraine-talks"]) == 2
    err = capsys.readouterr().err
    assert "no Dask scheduler could be reached" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_writes_the_dataset_and_resumes(tmp_path, seed_path, capsys):
    from newslab import open_results
    from newslab.cli import main

    out = tmp_path / "r"
    assert main(["analyze", str(seed_path), "--format", "parquet", "--out", str(out), "--steps", "sentences",
                 "quotes"]) == 0
    assert "1 articles" in capsys.readouterr().out
    res = open_results(out)
    assert len(res.sentences) == 25 and len(res.quotes) == 11 and res.manifest["steps"] == ["sentences", "quotes"]
    assert main(["analyze", str(seed_path), "--format", "parquet", "--out", str(out), "--steps", "sentences",
                 "quotes"]) == 0
    assert "(1 kept from an earlier run)" in capsys.readouterr().out
    assert main(["analyze", str(seed_path), "--format", "csv", "--out", str(tmp_path / "c"), "--engine", "dask"]) == 2
    assert "--format parquet" in capsys.readouterr().err


def test_progress_counts_articles_and_shards_done(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("NEWSLAB_PROGRESS")  # the suite switches bars off (conftest)
    res = analyze_corpus(corpus(10), out=tmp_path / "r", shard_size=4, show_progress=True)
    err = capsys.readouterr().err
    assert res.stats["shards"] == 3
    assert "analyzing" in err and "/10 [" in err and "shards done: " in err and "article/s" in err
    analyze_corpus(corpus(10), out=tmp_path / "r", shard_size=4, show_progress=False)
    assert capsys.readouterr().err == ""


def test_dask_progress_shows_the_dashboard(tmp_path, dask_client, capsys, monkeypatch):
    monkeypatch.delenv("NEWSLAB_PROGRESS")
    analyze_corpus(corpus(8), out=tmp_path / "dask", shard_size=4, engine="dask", client=dask_client,
                   show_progress=True)
    err = capsys.readouterr().err
    assert f"Dask dashboard at {dask_client.dashboard_link}" in err and "shards done: " in err and "/8 [" in err
