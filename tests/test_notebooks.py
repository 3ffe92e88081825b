"""The teaching notebooks: their shape (static checks) and a full render on the seed and on a dated corpus.

The render runs once per session (module-scoped fixture): every notebook executes top to bottom
on a fresh ``python3`` kernel through papermill, and the assertions read the numbers each
notebook wrote to ``figures/<notebook>/results.json`` — the same numbers its narrative quotes.
"""
from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import nbformat
import pytest

from newslab.render import available_notebooks, notebook_parameters, render

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = available_notebooks(ROOT / "notebooks")
SEED = "data/afp_2017-11-13_sochi_putin_erdogan.txt"
EXPECTED = ["01_first_look", "02_sentiment", "03_actors", "04_quotes_and_sources", "05_stance_and_relations",
            "06_frames", "07_report", "08_compare_outlets"]
# Lesson 08 compares outlets: its default corpus is the demonstration outlets, not the seed.
DEFAULT_CORPUS = {"08_compare_outlets": "data/demo_outlets"}
BENCH = Path(os.environ.get("NEWSLAB_BENCH_DIR", ROOT.parent / "shared" / "bench"))
WIKINEWS = BENCH / "wikinews_2019_2020"


# -- static checks: no execution -------------------------------------------------------------
def test_the_eight_notebooks_exist():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_shape(path):
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["kernelspec"]["language"] == "python"
    # No outputs committed, no execution counts: the notebook is a lesson, not a record.
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: outputs committed"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "a title comes first"
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    h1 = [line for line in markdown.splitlines() if line.startswith("# ")]
    assert h1 == [first.source.splitlines()[0]], "exactly one title (level-1 heading)"
    assert "**Learning goals**" in markdown
    assert "## Try it" in markdown
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].cell_type == "code"
    # Narrative is computed: every notebook writes Markdown from results, never typed-in numbers.
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "rp.md(" in code and "rp.record(" in code


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_parameter_is_visible_to_papermill(path):
    """papermill silently skips lines it cannot parse (e.g. two '=' on a line); we must not lose any."""
    nb = nbformat.read(str(path), as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assigned = [t.id for node in ast.parse(cell.source).body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)]
    params = notebook_parameters(path)
    assert list(params) == assigned
    corpus = DEFAULT_CORPUS.get(path.stem, SEED)
    assert params["corpus"] == corpus and (ROOT / corpus).exists()
    assert params["figures_dir"] == f"reports/figures/{path.stem}"


# -- one render of all seven notebooks on the seed ---------------------------------------------
@pytest.fixture(scope="module")
def seed_render(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return render(out=out, progress=False)


def test_all_notebooks_render(seed_render):
    failures = {r.name: r.error for r in seed_render.failures}
    assert not failures, failures
    assert [r.name for r in seed_render.runs] == EXPECTED
    index = seed_render.index.read_text(encoding="utf-8")
    for run in seed_render.runs:
        assert run.html.exists() and run.ipynb.exists()
        assert f'href="{run.name}.html"' in index


def test_every_figure_is_png_and_svg(seed_render):
    expected = {
        "01_first_look": {"paragraph_lengths", "word_frequencies"},
        "02_sentiment": {"sentiment_arc", "sentence_explanation"},
        "03_actors": {"mentions_by_side", "cooccurrence_network"},
        "04_quotes_and_sources": {"voice_share"},
        "05_stance_and_relations": {"dyad_events", "stance_heatmap"},
        "06_frames": {"frame_profile_generic", "frame_profile_policy", "frame_profile_russia_turkey",
                      "frame_heatmap_russia_turkey"},
        "07_report": {"sentiment_arc", "mentions_by_side", "cooccurrence_network", "voice_share", "dyad_events",
                      "stance_heatmap", "frame_profile", "frame_heatmap"},
        "08_compare_outlets": {"frames_by_group", "frame_rates_by_group", "voices_by_group", "dyad_by_group",
                               "dyad_by_period", "keyness", "tone_by_group"},
    }
    for run in seed_render.runs:
        assert {p.stem for p in run.figures} == expected[run.name], run.name
        page = run.html.read_text(encoding="utf-8")
        for png in run.figures:
            assert png.stat().st_size > 5000 and png.read_bytes()[:4] == b"\x89PNG", png
            svg = png.with_suffix(".svg")
            assert svg.exists() and svg.stat().st_size > 1000, svg
        # Each chart is embedded in the self-contained HTML.
        assert page.count("data:image/png;base64,") >= len(run.figures), run.name


def test_manifest_lists_every_notebook_and_the_seed(seed_render):
    import json

    m = json.loads(seed_render.manifest.read_text(encoding="utf-8"))
    assert [n["name"] for n in m["notebooks"]] == EXPECTED
    assert all(n["status"] == "ok" and n["seconds"] > 0 and len(n["source_sha256"]) == 64 for n in m["notebooks"])
    inputs = {Path(i["path"]).name for i in m["inputs"]}
    assert {"afp_2017-11-13_sochi_putin_erdogan.txt", "afp_2017-11-13_sochi_putin_erdogan.meta.yml"} <= inputs
    assert "afp_2017-11-13_generic_coder1.csv" in inputs  # notebook 06's human coding is an input too


def test_first_look_numbers(seed_render):
    r = seed_render["01_first_look"].results
    assert (r["n_paragraphs"], r["n_sentences"]) == (23, 25)
    # KWIC counts the word itself only: "Russia" 6 times, "Turkey" 4 (incl. "Turkey's"); the dateline is not body text.
    assert r["kwic_counts"] == {"Russia": 6, "Turkey": 4}
    assert r["top_words"][0] == "syria"


def test_sentiment_numbers(seed_render):
    r = seed_render["02_sentiment"].results
    # The most negative sentence is the one about ties going through their worst crisis (#23).
    assert r["most_negative"] == 23 and r["explained"] == 23
    assert {"worst", "crisis"} <= {w.lower() for w in r["explained_words"]}
    assert -1 <= r["pearson"] <= 1 and r["news_mode_changed"] > 0


def test_actor_numbers(seed_render):
    r = seed_render["03_actors"].results
    assert {"Vladimir Putin", "Recep Tayyip Erdogan", "Mevlut Cavusoglu", "Bashar al-Assad"} <= set(r["actors"])
    assert "the Russian leader -> Vladimir Putin" in r["roles"]
    assert "the Turkish leader -> Recep Tayyip Erdogan" in r["roles"]
    assert "Dialogue of Civilizations institute" in r["discovered"]
    assert r["mentions_by_side"]["Russia"] >= 10 and r["mentions_by_side"]["Turkey"] >= 10
    assert sorted(r["top_pair"]) == ["Russia", "Turkey"]


def test_quote_numbers(seed_render):
    r = seed_render["04_quotes_and_sources"].results
    # Counted by reading the seed: 6 direct, 4 indirect ("the two sides agreed …, Putin said";
    # "adding that he was glad …"; Cavusoglu "told journalists … that"; "Erdogan is dissatisfied …,
    # Malashenko said") and 1 mixed (the clause 'Putin and Erdogan had a "mutual need"').
    assert r["n_quotes"] == 11
    assert r["kinds"] == {"direct": 6, "indirect": 4, "mixed": 1}
    assert r["mixed_quotes"] == 1 and r["example_quote_kinds"] == ["mixed", "indirect", "indirect"]
    assert r["speakers"] == ["Alexei Malashenko", "Mevlut Cavusoglu", "Recep Tayyip Erdogan", "Vladimir Putin"]
    assert r["top_speaker"] == "Vladimir Putin"


def test_relation_numbers(seed_render):
    r = seed_render["05_stance_and_relations"].results
    d = r["dyad"]
    assert d["dyad"] == "Russia|Turkey" and d["label"] == "cooperative"
    assert d["net"] > 0 and d["net_all"] < d["net"]  # the background (2015 crisis) pulls the score down
    assert {"reconciliation", "shot down"} <= set(r["dyad_background_cues"])  # "the shooting down of" names no agent
    assert "Russia|Bashar al-Assad|favor" in r["holder_stance"]
    assert "Turkey|Bashar al-Assad|against" in r["holder_stance"]


def test_frame_numbers(seed_render):
    r = seed_render["06_frames"].results
    assert r["dominant"]["russia_turkey"][0] == "diplomacy"
    assert "conflict" in r["present"]["generic"]
    by_frame = {row["frame"]: row for row in r["agreement"]}
    assert set(by_frame) == {"conflict", "human_interest", "economic", "morality", "responsibility"}
    assert by_frame["morality"]["krippendorff_alpha"] is None  # nobody coded morality: undefined, not a crash
    assert 0 <= by_frame["conflict"]["percent_agreement"] <= 1


def test_report_names_the_frame_and_the_dyad(seed_render):
    run = seed_render["07_report"]
    r = run.results
    assert r["n_articles"] == 1 and r["dated"] is False
    assert r["dyad"]["label"] == "cooperative" and r["n_quotes"] == 11
    assert r["dominant_frames"][0] == "diplomacy"
    page = run.html.read_text(encoding="utf-8")
    assert "Diplomacy and political settlement" in page
    assert re.search(r"Russia–Turkey</strong>: <strong>cooperative</strong>", page)


def test_report_has_no_outlet_section_for_one_source(seed_render):
    r = seed_render["07_report"].results
    assert r["outlets"] == {} and "frames_by_outlet" not in {p.stem for p in seed_render["07_report"].figures}


def test_compare_outlets_finds_the_contrasts_written_into_the_demonstration_corpus(seed_render):
    """The invented outlets were written with these contrasts (data/demo_outlets/README.md)."""
    run = seed_render["08_compare_outlets"]
    r = run.results
    assert r["n_articles"] == 18 and r["groups"] == ["Outlet A", "Outlet B", "Outlet C"] and r["small_groups"] == []
    assert r["top_frame"] == {"Outlet A": "security_military", "Outlet B": "energy_trade", "Outlet C": "alliance_politics"}
    assert {"alliance_politics", "energy_trade"} <= set(r["rate_differs"])
    assert r["top_voice"] == {"Outlet A": "Russia", "Outlet B": "Turkey", "Outlet C": "United States"}
    periods = [net for _, net in r["dyad_by_period"]]
    assert periods[0] < 0 < periods[1] < periods[2]   # jet crisis, reconciliation, S-400 (time order)
    assert r["keyness_target"] == "Outlet C" and "nato" in r["key_words"]
    page = run.html.read_text(encoding="utf-8")
    assert "Benjamini–Hochberg" in page and "Alliance politics (NATO and the West)" in page


def test_every_lesson_renders_on_another_story(tmp_path):
    """Anybody's news, not only the seed: three India–China and EU–UK texts of one source (a group
    too small to compare), then one undated article without a source."""
    three = ROOT / "tests" / "data" / "three_articles"
    result = render(corpus=three, out=tmp_path / "three", progress=False, params={"group_by": "source"})
    assert result.ok, {r.name: r.error for r in result.failures}
    r = result["08_compare_outlets"].results
    assert r["n_articles"] == 3 and r["groups"] == ["newslab tests"] and r["small_groups"] == ["newslab tests"]
    assert r["top_frame"] == {} and r["dyad_by_period"] == []
    page = result["08_compare_outlets"].html.read_text(encoding="utf-8")
    assert "no group has enough articles" in page and "UserWarning" not in page
    # The exercises fall back to this article's own sentences: a word news mode mutes ("crisis"),
    # and the first sentence with a mention (no hyphenated national word here).
    lesson2 = result["02_sentiment"].html.read_text(encoding="utf-8")
    assert "in news mode: India and China blamed each other" in lesson2
    one = tmp_path / "one.txt"
    one.write_text((three / "2020-08-20_eu_uk_trade.txt").read_text(encoding="utf-8"), encoding="utf-8")
    single = render(["02", "03", "08"], corpus=one, out=tmp_path / "one", progress=False)
    assert [r.name for r in single.failures] == ["08_compare_outlets"]  # nothing to compare: said in one sentence
    assert "by='source': no article has a source, so there are no groups to compare" in single.failures[0].error


def narrative(page: Path) -> str:
    """The text of a rendered lesson's Markdown outputs (not its code, which the report shows too)."""
    html = page.read_text(encoding="utf-8")
    parts = re.findall(r'data-mime-type="text/markdown"[^>]*>(.*?)</div>', html, re.S)
    return " ".join(" ".join(re.sub(r"<[^>]+>", "", p).split()) for p in parts)


def test_the_lessons_read_an_article_without_quotes_and_skip_one_without_a_body(tmp_path):
    """A wire brief quotes no one; a file holding only a headline has nothing to read: the lessons
    skip it and say why, and lesson 4 says there is no voice to compare instead of failing."""
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a_headline_only.txt").write_text("Border trade to reopen\n", encoding="utf-8")
    (folder / "b_brief.txt").write_text(
        "Border trade\n\nIndia and China agreed on Monday to reopen border trade at two passes in Sikkim after "
        "three years. Officials from both countries will meet again in March.\n", encoding="utf-8")
    result = render(["01", "03", "04", "06"], corpus=folder, out=tmp_path / "out", progress=False)
    assert result.ok, {r.name: r.error for r in result.failures}
    r = result["04_quotes_and_sources"].results
    assert r["n_quotes"] == 0 and r["top_speaker"] is None and r["top_speaker_share"] is None
    said = narrative(result["04_quotes_and_sources"].html)
    assert "This article quotes no one" in said and "no last word" in said and "Russia speaks" not in said
    assert "no speaker to resolve" in said and "Every quote in this article names its speaker" not in said
    assert "a_headline_only.txt: it has a title but no body text" in result["04_quotes_and_sources"].html.read_text()
    # Another story with quotes: its own sides, not the seed's narrative.
    iran = tmp_path / "iran.txt"
    iran.write_text("Sanctions\n\nThe United States imposed new sanctions on Iran on Tuesday. \"This is economic war,\" "
                    "Iranian President Hassan Rouhani said. Washington said the measures target oil exports.\n",
                    encoding="utf-8")
    lessons = render(["01", "02", "03", "04", "05", "07"], corpus=iran, out=tmp_path / "iran", progress=False)
    assert lessons.ok, lessons.failures
    said = {run.name[:2]: narrative(run.html) for run in lessons.runs}
    # The interpretation written for the Sochi article is not printed over another story's numbers ...
    for seed_claim in ("the summit is reported through the war", "yet the article reports an agreement",
                       "told as a story about a third one", "Russia speaks", "opposite camps in Syria"):
        assert not any(seed_claim in text for text in said.values()), seed_claim
    # ... each lesson says what this story's numbers show instead.
    assert re.search(r"United States speaks \d+\.\d% of the quoted words \(then Iran", said["04"])
    assert "The side mentioned most is Iran (3 mentions)" in said["03"]
    assert "This article codes no event between Russia and Turkey: set side_a and side_b" in said["05"]
    assert "The report finds no event between Russia and Turkey (set side_a and side_b" in said["07"]
    assert lessons["04_quotes_and_sources"].results["speakers"] == ["Hassan Rouhani", "United States"]


def test_report_gains_an_outlet_section_with_more_than_one_source(tmp_path):
    result = render(["07_report"], corpus=ROOT / "data", out=tmp_path, progress=False)
    assert result.ok, result.failures
    run = result["07_report"]
    o = run.results["outlets"]
    assert o["outlets"] == ["AFP", "Outlet A", "Outlet B", "Outlet C"] and o["small"] == ["AFP"]
    assert {"frames_by_outlet", "voices_by_outlet"} <= {p.stem for p in run.figures}


def test_report_accepts_a_results_folder(tmp_path):
    from newslab.io import load_corpus
    from newslab.pipeline import analyze_corpus

    analyze_corpus(load_corpus(ROOT / "data" / "demo_outlets"), out=tmp_path / "results", shard_size=7)
    result = render(["07_report"], corpus=tmp_path / "results", out=tmp_path / "out", progress=False)
    assert result.ok, result.failures
    run = result["07_report"]
    r = run.results
    assert r["n_articles"] == 18 and r["dated"] is True and r["dyad"]["events"] > 0
    assert r["outlets"]["outlets"] == ["Outlet A", "Outlet B", "Outlet C"] and r["outlets"]["small"] == []
    assert "is a results folder" in run.html.read_text(encoding="utf-8")


def test_rerender_gives_identical_figures_and_tables(seed_render, tmp_path):
    again = render(["07_report"], out=tmp_path, progress=False)
    assert again.ok, again.failures
    first, second = seed_render["07_report"].figures_dir, again["07_report"].figures_dir
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()), (second, again["07_report"].parameters)
    assert any(n.endswith(".csv") for n in names) and any(n.endswith(".svg") for n in names)
    different = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert different == []


# -- a dated multi-article corpus (only where the benchmark data is present) -------------------
@pytest.mark.skipif(not WIKINEWS.is_dir(), reason=f"{WIKINEWS} not present")
def test_report_on_a_dated_corpus(tmp_path):
    # Wikinews 2019–2020 has almost no Russia–Turkey events, so the dyad followed over time here is
    # China–Hong Kong (events in five different months); the point is corpus mode and time series.
    result = render(["07_report"], corpus=WIKINEWS, out=tmp_path, progress=False,
                    params={"match": "Hong Kong", "max_articles": "8", "side_a": "China", "side_b": "Hong Kong"})
    assert result.ok, result.failures
    run = result["07_report"]
    r = run.results
    assert r["n_articles"] == 8 and r["dated"] is True
    assert r["dyad"]["events"] > 0 and r["dyad_months"] >= 2
    names = {p.stem for p in run.figures}
    assert {"frames_over_time", "dyad_over_time", "frame_profile", "mentions_by_side"} <= names
    assert "sentiment_arc" not in names and "frame_heatmap" not in names  # single-article charts


def test_article_markup_shows_as_text_in_real_reports(tmp_path):
    """An article carrying HTML must appear as text in the reports (KWIC, tables, highlights, quotes)."""
    article = tmp_path / "evil.txt"
    article.write_text(
        'Putin <script>alert("title")</script> meets Erdogan\n\n'
        'Sochi, Russia: Russian President Vladimir Putin said "<script>alert(1)</script> we agree on <b>talks</b>" '
        "to reporters.\n\n"
        "Turkey and Russia <img src=x onerror=alert(2)> agreed to keep talking, Erdogan said.\n", encoding="utf-8")
    result = render(["01_first_look", "04_quotes_and_sources"], corpus=article, out=tmp_path / "out", progress=False)
    assert result.ok, result.failures
    assert result["04"].results["n_quotes"] >= 1
    for run in result.runs:
        page = run.html.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>talks</b>" not in page, run.name
        assert "&lt;script&gt;alert" in page, run.name


def test_no_output_leaks_an_absolute_path(seed_render):
    """Cell outputs (tables, narrative, Out[..]) never show a folder of the machine that rendered them."""
    import nbformat

    out = seed_render.index.parent
    for run in seed_render.runs:
        nb = nbformat.read(str(run.ipynb), as_version=4)
        shown = "\n".join(str(o.get("data", o.get("text", ""))) for c in nb.cells if c.cell_type == "code"
                          for o in c.outputs)
        assert "PosixPath" not in shown, run.name
        assert str(out) not in shown and str(ROOT) not in shown, run.name
        page = run.html.read_text(encoding="utf-8")  # the injected parameters too: relative to the report
        assert str(out) not in page and str(ROOT) not in page, run.name
        injected = [c.source for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and f'figures_dir = "figures/{run.name}"' in injected[0], run.name
