"""newslab.compare and newslab.stats on constructed corpora whose answers are known.

Most tests build a corpus analysis table by table (so every count is chosen by hand); the
end-to-end tests analyse short texts written for them (India–China, EU–UK, US–Iran) and compare
the in-memory result with a results folder.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.compare import SmallGroupWarning, bootstrap_interval, compare, group_articles
from newslab.errors import ParameterError
from newslab.pipeline import CorpusAnalysis, analyze_corpus
from newslab.stats import benjamini_hochberg, chi2_sf, chi_square, fisher_exact

FRAME_COLS = ["doc_id", "date", "scheme", "level", "paragraph", "frame", "label", "hits", "matches", "negated",
              "quoted", "n_words", "per_1000", "share", "present", "dominant", "rank", "terms"]


def build(groups: dict[str, list[dict]], frames: tuple[str, ...] = ("conflict",)) -> CorpusAnalysis:
    """A corpus analysis from per-article specs: {"present": {frame: bool}, "hits": {frame: n},
    "words": n, "date": str, "quotes": [(side, n_words)], "events": [(weight, time)], "tone": x}."""
    arts, fr, quotes, rel, sents = [], [], [], [], []
    for g, specs in groups.items():
        for i, s in enumerate(specs):
            doc = f"{g}-{i}"
            words = s.get("words", 100)
            arts.append({"doc_id": doc, "date": s.get("date", "2020-01-01"), "title": doc, "source": g,
                         "dateline": "", "n_paragraphs": 1, "n_sentences": 1, "n_tokens": words, "url": ""})
            for f in frames:
                hits = s.get("hits", {}).get(f, 3 if s.get("present", {}).get(f) else 0)
                fr.append({"doc_id": doc, "date": arts[-1]["date"], "scheme": "test", "level": "article",
                           "paragraph": None, "frame": f, "label": f.title(), "hits": hits, "matches": hits,
                           "negated": 0, "quoted": 0, "n_words": words, "per_1000": 1000 * hits / words,
                           "share": 0.0, "present": bool(s.get("present", {}).get(f, False)), "dominant": False,
                           "rank": 0, "terms": "[]"})
            for side, n in s.get("quotes", []):
                quotes.append({"doc_id": doc, "date": "", "text": " ".join(["word"] * n), "side": side,
                               "speaker": side})
            for w, t in s.get("events", []):
                rel.append({"doc_id": doc, "date": "", "source_side": "India", "target_side": "China",
                            "time": t, "weight": w})
            if "tone" in s:
                sents.append({"doc_id": doc, "date": "", "score": s["tone"], "label": "neg" if s["tone"] < 0 else "pos"})
    empty = pd.DataFrame(columns=["doc_id", "date"])
    return CorpusAnalysis(articles=pd.DataFrame(arts), sentences=pd.DataFrame(sents) if sents else empty,
                          mentions=pd.DataFrame(columns=["doc_id", "date", "actor", "side"]),
                          quotes=pd.DataFrame(quotes) if quotes else pd.DataFrame(columns=["doc_id", "text", "side"]),
                          relations=pd.DataFrame(rel) if rel else pd.DataFrame(
                              columns=["doc_id", "source_side", "target_side", "time", "weight"]),
                          stance=empty, frames=pd.DataFrame(fr, columns=FRAME_COLS))


def presence(k: int, n: int = 10, frame: str = "conflict") -> list[dict]:
    return [{"present": {frame: i < k}} for i in range(n)]


# -- the small statistics, against values computed by hand or read from printed tables ---------------
def test_chi2_upper_tail_matches_printed_critical_values():
    # 95th percentiles of the chi-square distribution (any printed table): df 1, 2, 3, 4, 10
    for x, df in [(3.841459, 1), (5.991465, 2), (7.814728, 3), (9.487729, 4), (18.307038, 10)]:
        assert chi2_sf(x, df) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf(6.634897, 1) == pytest.approx(0.01, abs=1e-6)
    assert chi2_sf(23.209251, 10) == pytest.approx(0.01, abs=1e-6)   # continued-fraction branch
    assert chi2_sf(0.0, 2) == 1.0


def test_chi_square_and_fisher_by_hand():
    # [[9, 1], [1, 9]]: every expected count is 5, so X² = 4 · (4² / 5) = 12.8 on 1 df
    x2, df, p = chi_square([[9, 1], [1, 9]])
    assert (x2, df) == (pytest.approx(12.8), 1) and p == pytest.approx(math.erfc(math.sqrt(6.4)))
    # [[4, 1], [0, 5]]: margins 5/5 and 4/6, C(10, 4) = 210 tables; P(k=4) = C(5,4)·C(5,0)/210 = 5/210 and
    # P(k=0) = 5/210 are the only ones no more likely than the observed: p = 10/210
    assert fisher_exact(4, 1, 0, 5) == pytest.approx(10 / 210)
    assert fisher_exact(5, 5, 5, 5) == pytest.approx(1.0)


def test_benjamini_hochberg_by_hand():
    # sorted p 0.001, 0.01, 0.03, 0.2 with m = 4: 0.004, 0.02, 0.04, 0.2
    assert benjamini_hochberg([0.2, 0.01, 0.001, 0.03]) == pytest.approx([0.2, 0.02, 0.004, 0.04])
    # monotone: 0.04·3/2 = 0.06 would exceed the next one's 0.05·3/3 = 0.05, so it becomes 0.05
    assert benjamini_hochberg([0.01, 0.04, 0.05]) == pytest.approx([0.03, 0.05, 0.05])


# -- frames ----------------------------------------------------------------------------------------
def test_nine_in_ten_against_one_in_ten_is_significant():
    res = build({"Outlet A": presence(9), "Outlet B": presence(1)})
    cmp = compare(res, n_boot=500, n_perm=500)
    f = cmp.frames.set_index("group")
    assert f.loc["Outlet A", "share"] == pytest.approx(0.9) and f.loc["Outlet B", "share"] == pytest.approx(0.1)
    assert f.loc["Outlet A", "share_low"] <= 0.9 <= f.loc["Outlet A", "share_high"]
    assert f.loc["Outlet A", "share_low"] > f.loc["Outlet B", "share_high"]   # intervals apart
    t = cmp.frame_tests.iloc[0]
    assert t["comparison"] == "Outlet A vs Outlet B" and t["test"] == "chi-square"
    assert t["p_presence"] == pytest.approx(math.erfc(math.sqrt(6.4)))      # X² = 12.8, as by hand
    assert t["significant"] and t["highest"] == "Outlet A" and t["share_diff"] == pytest.approx(0.8)
    assert t["p_rate"] < 0.01 and t["rate_significant"]                      # 27 vs 3 hits per 1,000 words


def test_unanimous_groups_get_a_wilson_interval_not_a_zero_width_one():
    """6 of 6 articles: the bootstrap cannot vary. Wilson, z = 1.96: centre (6 + 1.92) / 9.84 = 0.805,
    half-width 1.96 / 9.84 · √(0 + 0.96) = 0.195, so 0.610 … 1; 0 of 6 mirrors it: 0 … 0.390."""
    f = compare(build({"A": presence(6, 6), "B": presence(0, 6)}), n_boot=200, n_perm=100).frames.set_index("group")
    assert f.loc["A", "share"] == 1.0 and f.loc["A", "share_low"] == pytest.approx(0.6097, abs=1e-3)
    assert f.loc["A", "share_high"] == pytest.approx(1.0)
    assert f.loc["B", "share_low"] == 0.0 and f.loc["B", "share_high"] == pytest.approx(0.3903, abs=1e-3)


def test_equal_groups_are_not_significant():
    res = build({"Outlet A": presence(5), "Outlet B": presence(5)})
    t = compare(res, n_boot=200, n_perm=500).frame_tests.iloc[0]
    assert t["p_presence"] == pytest.approx(1.0) and not t["significant"]
    assert t["p_rate"] == 1.0 and not t["rate_significant"]


def test_benjamini_hochberg_across_frames_keeps_only_the_real_difference():
    frames = ("conflict", "economic", "morality", "human_interest", "responsibility")
    rng = np.random.default_rng(3)
    groups = {}
    for g in ("Outlet A", "Outlet B"):
        specs = []
        for i in range(20):
            pres = {f: bool(rng.random() < 0.4) for f in frames[1:]}
            pres["conflict"] = (i < 18) if g == "Outlet A" else (i < 3)
            specs.append({"present": pres})
        groups[g] = specs
    t = compare(build(groups, frames), n_boot=200, n_perm=300).frame_tests.set_index("frame")
    assert t.loc["conflict", "significant"]
    assert not t.drop("conflict")["significant"].any()
    # the adjusted p is never below the raw p, and it is the raw one times m / rank at the smallest
    assert (t["p_presence_adj"] >= t["p_presence"] - 1e-12).all()
    assert t.loc["conflict", "p_presence_adj"] == pytest.approx(min(1.0, 5 * t.loc["conflict", "p_presence"]))


def test_fisher_when_expected_counts_are_small():
    res = build({"Outlet A": presence(4, 5), "Outlet B": presence(0, 5)})
    t = compare(res, n_boot=200, n_perm=200).frame_tests.iloc[0]
    assert t["test"] == "fisher" and t["p_presence"] == pytest.approx(10 / 210)


def test_small_group_warns_and_gets_no_number():
    res = build({"Outlet A": presence(9), "Outlet B": presence(1), "Outlet C": presence(2, 3)})
    with pytest.warns(SmallGroupWarning, match="Outlet C"):
        cmp = compare(res, n_boot=200, n_perm=200)
    c = cmp.frames.set_index("group").loc["Outlet C"]
    assert c["small"] and c["present"] == 2 and c["articles"] == 3
    assert math.isnan(c["share"]) and math.isnan(c["share_low"]) and math.isnan(c["per_1000"])
    assert cmp.small_groups == ["Outlet C"]
    assert not cmp.frame_tests["comparison"].str.contains("Outlet C").any()   # left out of the tests
    assert "3 article" in cmp.groups.set_index("group").loc["Outlet C", "note"]


def test_three_groups_have_an_omnibus_test_and_pairs():
    res = build({"A": presence(9), "B": presence(5), "C": presence(1)})
    t = compare(res, n_boot=200, n_perm=300).frame_tests.set_index("comparison")
    assert list(t.index) == ["all groups", "A vs B", "A vs C", "B vs C"]
    # 3 × 2 table [[9,1],[5,5],[1,9]]: expected 5 everywhere, X² = (16+16+0+0+16+16)/5 = 12.8 on 2 df
    assert t.loc["all groups", "statistic"] == pytest.approx(12.8)
    assert t.loc["all groups", "p_presence"] == pytest.approx(math.exp(-6.4))   # chi² 2 df: e^(−x/2)
    assert t.loc["A vs C", "significant"] and not t.loc["A vs B", "significant"]


def test_intervals_are_seeded():
    res = build({"A": presence(6, 15), "B": presence(3, 15)})
    one = compare(res, n_boot=300, n_perm=200, seed=1).frames
    again = compare(res, n_boot=300, n_perm=200, seed=1).frames
    other = compare(res, n_boot=300, n_perm=200, seed=2).frames
    pd.testing.assert_frame_equal(one, again)
    assert not np.allclose(one["per_1000_low"], other["per_1000_low"]) or \
        not np.allclose(one["share_low"], other["share_low"])


# -- voices, dyad, tone, periods ---------------------------------------------------------------------
def test_voice_share_by_side():
    a = [{"quotes": [("India", 30), ("China", 10)]} for _ in range(6)]
    b = [{"quotes": [("China", 20)]} for _ in range(6)]
    v = compare(build({"A": a, "B": b}), n_boot=200, n_perm=100).voices.set_index(["group", "side"])
    assert v.loc[("A", "India"), "share"] == pytest.approx(0.75) and v.loc[("A", "India"), "quotes"] == 6
    assert v.loc[("A", "China"), "share"] == pytest.approx(0.25)
    assert v.loc[("B", "China"), "share"] == pytest.approx(1.0)
    # every article quotes both sides in the same proportion: resampling articles cannot move it
    assert v.loc[("A", "India"), "low"] == pytest.approx(0.75) and v.loc[("A", "India"), "high"] == pytest.approx(0.75)
    assert ("B", "India") not in v.index


def test_dyad_net_per_group_counts_current_events_only():
    a = [{"events": [(4.0, "current"), (-8.0, "background")]}, {"events": [(2.0, "current")]}] * 3
    b = [{"events": [(-6.0, "current")]}] * 6
    d = compare(build({"A": a, "B": b}), n_boot=200, n_perm=100, side_a="India", side_b="China").dyad.set_index("group")
    assert d.loc["A", "net"] == pytest.approx(3.0) and d.loc["A", "n_current"] == 6 and d.loc["A", "n_events"] == 9
    assert d.loc["A", "net_all"] == pytest.approx((6 * 3 - 24) / 9)
    assert d.loc["A", "low"] >= 2.0 and d.loc["A", "high"] <= 4.0
    assert d.loc["B", "net"] == pytest.approx(-6.0)


def test_dyad_with_too_few_articles_with_events_is_small():
    a = [{"events": [(4.0, "current")]}] * 2 + [{}] * 8
    d = compare(build({"A": a, "B": a}), n_boot=200, n_perm=100, side_a="China", side_b="India").dyad.set_index("group")
    assert d.loc["A", "small"] and math.isnan(d.loc["A", "net"]) and d.loc["A", "n_current"] == 2


def test_tone_is_the_mean_of_article_means():
    a = [{"tone": 0.5}] * 5 + [{"tone": -0.5}] * 5
    b = [{"tone": -0.2}] * 10
    s = compare(build({"A": a, "B": b}), n_boot=300, n_perm=100).sentiment.set_index("group")
    assert s.loc["A", "tone"] == pytest.approx(0.0) and s.loc["A", "negative_share"] == pytest.approx(0.5)
    assert s.loc["A", "low"] < 0 < s.loc["A", "high"] and s.loc["B", "tone"] == pytest.approx(-0.2)


def test_periods_by_breaks_and_by_year():
    dates = ["2015-11-30", "2016-01-10", "2016-08-09", "2017-03-01", "2019-07-12", "2019-09-01"]
    res = build({"X": [{"date": d} for d in dates]})
    lab = group_articles(res, "period", breaks=["2016-06-27", "2019-07-12"])
    assert list(lab) == ["before 2016-06-27"] * 2 + ["2016-06-27 – 2019-07-11"] * 2 + ["from 2019-07-12"] * 2
    periods = compare(build({"X": [{"date": d} for d in dates * 3]}), by="period", breaks=["2016-06-27", "2019-07-12"],
                      n_boot=100, n_perm=0).groups
    assert list(periods["group"]) == ["before 2016-06-27", "2016-06-27 – 2019-07-11", "from 2019-07-12"]
    assert list(group_articles(res, "period", freq="Y")) == ["2015", "2016", "2016", "2017", "2019", "2019"]


def test_mistakes_are_one_sentence_errors():
    res = build({"A": presence(3)})
    with pytest.raises(ParameterError, match="not a column"):
        compare(res, by="outlet")
    with pytest.raises(ParameterError, match="none is in the corpus"):
        compare(res, groups=["Outlet Z"])
    with pytest.raises(ParameterError, match="period_breaks"):
        group_articles(res, "period", breaks=["not a date"])
    with pytest.raises(ParameterError, match="analyze_corpus"):
        compare([1, 2, 3])


# -- coverage: a small version of benchmarks/compare_coverage.py ----------------------------------------
def test_intervals_cover_the_truth_near_their_nominal_rate_in_simulated_corpora():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from compare_coverage import simulate

    r = simulate(sims=100, n=40, p=0.3, rate=8.0, n_boot=300, n_perm=100, seed=7)
    # 200 intervals each: a wide band around 95 % (the benchmark prints the 1,000-corpus figure)
    assert 0.88 <= r["share_coverage"] <= 0.99 and 0.88 <= r["rate_coverage"] <= 0.99
    assert r["presence_false_positive"] <= 0.12 and r["rate_false_positive"] <= 0.12


def test_bootstrap_interval_of_a_mean():
    rng = np.random.default_rng(11)
    x = (rng.random(60) < 0.3).astype(float)
    lo, hi = bootstrap_interval(60, lambda idx: x[idx].mean(axis=1), 400, rng)
    assert lo < x.mean() < hi and hi - lo < 0.3


# -- end to end: texts written for the tests, in memory and as a results folder ---------------------------
HOSTILE = ("Border clash", "India and China clashed again on the border. The rivals traded attacks and the "
                           "dispute deepened as the feud over the ridge went on.")
CALM = ("Trade fair", "India and China opened a trade fair in Delhi. Exporters from both countries met buyers.")


def corpus() -> Corpus:
    arts = []
    for i in range(6):
        title, body = HOSTILE if i < 5 else CALM
        arts.append(Article.from_text(f"{title} {i}\n\n{body}", id=f"a{i}", source="Outlet A", date=f"2020-0{i + 1}-01"))
        title, body = CALM if i < 5 else HOSTILE
        arts.append(Article.from_text(f"{title} {i}\n\n{body}", id=f"b{i}", source="Outlet B", date=f"2020-0{i + 1}-02"))
    return Corpus(arts)


def test_end_to_end_in_memory_and_from_a_results_folder_agree(tmp_path):
    steps = ["sentences", "sentiment", "mentions", "quotes", "relations", "frames"]
    mem = compare(analyze_corpus(corpus(), steps=steps, cache=False), scheme="generic", n_boot=200, n_perm=200,
                  side_a="India", side_b="China")
    analyze_corpus(corpus(), steps=steps, out=tmp_path / "res", shard_size=4)
    disk = compare(str(tmp_path / "res"), scheme="generic", n_boot=200, n_perm=200, side_a="India", side_b="China")
    for name, df in mem.tables().items():
        pd.testing.assert_frame_equal(df.reset_index(drop=True), getattr(disk, name).reset_index(drop=True),
                                      check_dtype=False, obj=name)
    f = mem.frames.set_index(["frame", "group"])
    assert f.loc[("conflict", "Outlet A"), "present"] == 5 and f.loc[("conflict", "Outlet B"), "present"] == 1
    assert mem.actors.set_index(["group", "actor"]).loc[("Outlet A", "India"), "share"] == pytest.approx(1.0)


def test_a_results_folder_without_some_steps_gives_empty_tables(tmp_path):
    analyze_corpus(corpus(), steps=["sentences"], out=tmp_path / "res")
    cmp = compare(tmp_path / "res", n_boot=100, n_perm=0)
    assert list(cmp.groups["articles"]) == [6, 6]
    assert cmp.frames.empty and cmp.voices.empty and cmp.sentiment.empty and cmp.actors.empty
    assert list(cmp.dyad["n_events"]) == [0, 0] and cmp.dyad["small"].all()


def test_group_warning_is_not_raised_for_large_groups():
    res = build({"A": presence(5), "B": presence(5)})
    with warnings.catch_warnings():
        warnings.simplefilter("error", SmallGroupWarning)
        compare(res, n_boot=200, n_perm=100)


# -- charts: they draw the intervals and leave small groups out, saying so ---------------------------
def test_charts_show_intervals_and_name_the_groups_left_out(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    from newslab.keyness import keyness
    from newslab.plots.compare import dyad_by_group, frames_by_group, keyness_bars, voice_share_by_group
    from newslab.plots.style import save_figure

    specs = {"Outlet A": [{"present": {"conflict": i < 9}, "quotes": [("India", 10)],
                           "events": [(-4.0, "current")]} for i in range(10)],
             "Outlet B": [{"present": {"conflict": i < 1}, "quotes": [("China", 10)],
                           "events": [(3.0, "current")]} for i in range(10)],
             "Outlet C": presence(1, 2)}
    with pytest.warns(SmallGroupWarning):
        cmp = compare(build(specs), n_boot=200, n_perm=200, side_a="India", side_b="China")
    fig = frames_by_group(cmp.frames, tests=cmp.frame_tests)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["* Conflict"]
    assert "not shown, too few articles: Outlet C (2)" in ax.get_title(loc="left")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Outlet A", "Outlet B"]
    assert [round(p.get_width(), 2) for p in ax.patches] == [0.9, 0.1]
    fig2 = voice_share_by_group(cmp.voices)
    assert [t.get_text() for t in fig2.axes[0].get_yticklabels()] == ["Outlet A", "Outlet B"]
    fig3 = dyad_by_group(cmp.dyad, "India", "China")
    assert "too few articles (2)" in " ".join(t.get_text() for t in fig3.axes[0].texts)
    fig4 = keyness_bars(keyness("war war war talks", "talks talks trade trade", stopwords=False, min_count=1),
                        target="Outlet A", reference="Outlet B")
    # war: 3 of 4 words against 0 (0.5) of 4 → log2(6) = +2.6; talks: 1/4 against 2/4 → log2(0.5) = −1
    assert {"war (+2.6)", "(-1.0) talks"} <= {t.get_text().strip() for t in fig4.axes[0].texts}
    for i, f in enumerate((fig, fig2, fig3, fig4)):
        assert all(p.stat().st_size > 1000 for p in save_figure(f, tmp_path, f"c{i}"))
