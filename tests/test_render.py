"""The render engine on small notebooks written here: parameters, failures, escaping, provenance, reproducibility."""
from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newslab.errors import ParameterError
from newslab.render import (KernelSetupError, OutputFolderError, check_kernel, coerce_parameter,
                            notebook_parameters, render, select_notebooks)

ROOT = Path(__file__).resolve().parents[1]
EVIL = "Putin said <script>alert('x')</script> & *left*"


def _nb(cells: list, params: str) -> nbformat.NotebookNode:
    p = new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[new_markdown_cell("# Tiny report\n\nA notebook written by the test."), p, *cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nbs")
    article = folder / "evil.txt"
    article.write_text(f"A headline\n\n{EVIL}\n\nRussia and Turkey agreed.\n", encoding="utf-8")
    ok = _nb([
        new_code_cell("import matplotlib.pyplot as plt\nimport pandas as pd\nfrom newslab import reporting as rp\n"
                      "from newslab.plots.style import new_figure, add_source_line\n"
                      "from newslab.textutils import kwic\n"
                      "figures_dir = rp.output_dir(figures_dir)\ndocs = rp.open_corpus(corpus)"),
        new_code_cell("fig, ax = new_figure()\nax.plot(range(n), [i * i for i in range(n)])\nax.set_title('squares')\n"
                      "add_source_line(fig, 'test')\nrp.show_figure(fig, 'squares', figures_dir)"),
        new_code_cell("table = pd.DataFrame({'i': range(n), 'sq': [i * i / 3 for i in range(n)]})\n"
                      "rp.save_table(table, figures_dir, 'squares')\n"
                      "rp.show_table(table, caption='Squares (all columns: squares.csv; not saved: cubes.csv)')\n"
                      "rp.show_kwic(kwic(docs, 'putin', window=6))\n"
                      "rp.show_table(pd.DataFrame({'text': [docs[0].paragraphs[0].text]}))\n"
                      "rp.md('First paragraph: “{t}”', t=docs[0].paragraphs[0].text)"),
        new_code_cell("rp.record(figures_dir, n=n, label=label, total=float(table['sq'].sum()), words=words)"),
    ], params=f"corpus = {str(article)!r}\nn = 5\nlabel = 'squares'\nwords = ['a', 'b']\n"
              f"figures_dir = 'reports/figures/tiny'")
    nbformat.write(ok, str(folder / "01_ok.ipynb"))
    bad = _nb([new_code_cell("x = 1"), new_code_cell("y = x / 0  # boom")], params="n = 1")
    nbformat.write(bad, str(folder / "02_fails.ipynb"))
    return folder


@pytest.fixture(scope="module")
def rendered(tiny_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = render(notebook_dir=tiny_dir, out=out, params={"n": "4"}, progress=False, jobs=2)  # two kernels at once
    return result


def test_select_notebooks_by_number_name_or_stem():
    assert [p.stem for p in select_notebooks(["01", "first_look", "01_first_look.ipynb"])] == ["01_first_look"] * 3
    with pytest.raises(ParameterError, match=r"unknown notebook 'nope' — choose from: 01_first_look"):
        select_notebooks(["nope"])


def test_unknown_parameter_names_the_valid_ones(tiny_dir, tmp_path):
    with pytest.raises(ParameterError) as err:
        render(notebook_dir=tiny_dir, out=tmp_path, params={"colour": "red"}, progress=False)
    msg = str(err.value)
    assert "unknown notebook parameter 'colour'" in msg
    assert "corpus, figures_dir, label, n, words" in msg
    assert not (tmp_path / "index.html").exists()  # nothing ran


def test_misspelt_parameter_suggests_the_closest_name(tiny_dir, tmp_path):
    with pytest.raises(ParameterError, match=r"unknown notebook parameter 'lable' — did you mean 'label'\?"):
        render(notebook_dir=tiny_dir, out=tmp_path, params={"lable": "x"}, progress=False)
    # The seven lessons: the classroom typo from the issue.
    with pytest.raises(ParameterError, match=r"'max_articels' — did you mean 'max_articles'\?"):
        render(out=tmp_path, params={"max_articels": "5"}, progress=False)
    with pytest.raises(ParameterError) as err:  # nothing close: no guess, just the list
        render(notebook_dir=tiny_dir, out=tmp_path, params={"zzz": "1"}, progress=False)
    assert "did you mean" not in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_parameters_are_read_like_papermill_reads_them(tiny_dir):
    assert notebook_parameters(tiny_dir / "01_ok.ipynb") == {
        "corpus": str(tiny_dir / "evil.txt"), "n": 5, "label": "squares", "words": ["a", "b"],
        "figures_dir": "reports/figures/tiny"}


def test_coerce_parameter_from_command_line_strings():
    assert coerce_parameter("n", "12", 5) == 12
    assert coerce_parameter("x", "0.5", 1.0) == 0.5 and coerce_parameter("x", "2", 1.0) == 2.0
    assert coerce_parameter("flag", "false", True) is False
    assert coerce_parameter("actors", "Russia, Turkey", ["Iran"]) == ["Russia", "Turkey"]
    assert coerce_parameter("actors", "[Russia]", ["Iran"]) == ["Russia"]
    assert coerce_parameter("max_articles", "20", None) == 20
    assert coerce_parameter("max_articles", "null", None) is None
    assert coerce_parameter("scheme", "123", "generic") == "123"  # a str default keeps the string
    assert coerce_parameter("n", 7, 5) == 7
    with pytest.raises(ParameterError, match="parameter 'n' expects int"):
        coerce_parameter("n", "many", 5)


def test_failure_is_reported_and_others_still_render(rendered):
    assert rendered.exit_code == 1 and not rendered.ok
    ok, bad = rendered["01"], rendered["02"]
    assert ok.status == "ok" and ok.html.exists() and ok.ipynb.exists()
    assert [r.name for r in rendered.failures] == ["02_fails"]
    # Cell numbers count the source notebook's cells: title, parameters, x = 1, then the failing cell 4.
    assert bad.cell == 4
    assert bad.error.startswith("cell 4 (`y = x / 0  # boom`): ZeroDivisionError")
    assert bad.html.exists()  # the failed notebook is still rendered, showing the traceback
    assert "ZeroDivisionError" in bad.html.read_text(encoding="utf-8")


def test_parameters_reach_the_notebook_with_their_types(rendered):
    results = rendered["01_ok"].results
    # -p n 4 arrived as the int 4 (the default's type): 0 + 1/3 + 4/3 + 9/3 = 14/3.
    assert results == {"n": 4, "label": "squares", "total": round(14 / 3, 6), "words": ["a", "b"]}
    # figures_dir was pointed at the report folder, not the notebook's default.
    assert rendered["01_ok"].figures_dir == (rendered.out / "figures" / "01_ok").resolve()


def test_figures_are_png_and_svg_and_embedded(rendered):
    run = rendered["01_ok"]
    png, svg = run.figures_dir / "squares.png", run.figures_dir / "squares.svg"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 1000
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    page = run.html.read_text(encoding="utf-8")
    assert re.search(r'<img alt="squares" src="data:image/png;base64,[^"]+"', page)  # embedded, with alt text


def test_html_is_self_contained(rendered):
    page = rendered["01_ok"].html.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page), "no script may be loaded from elsewhere"
    assert "cdnjs" not in page and "unpkg" not in page


def test_article_text_is_escaped_everywhere(rendered):
    page = rendered["01_ok"].html.read_text(encoding="utf-8")
    assert "<script>alert" not in page
    # The escaped table and the Markdown narrative show the text as text ...
    assert page.count("&lt;script&gt;alert") == 2
    # ... and so does the KWIC table (whose context is tokens joined by spaces).
    assert re.search(r"<strong>Putin</strong></td><td[^>]*>said &lt; script &gt; alert", page)


def test_index_links_every_notebook_and_shows_failures(rendered):
    index = rendered.index.read_text(encoding="utf-8")
    assert 'href="01_ok.html"' in index and 'href="02_fails.html"' in index
    assert "Tiny report" in index and "failed" in index and "ZeroDivisionError" in index
    assert 'href="manifest.json"' in index


def test_manifest_records_provenance(rendered, tiny_dir):
    import hashlib
    import sys

    m = json.loads(rendered.manifest.read_text(encoding="utf-8"))
    assert m["python"] == sys.version.split()[0]
    assert m["newslab"] and m["dependencies"]["papermill"] and m["dependencies"]["pandas"]
    assert m["parameters"] == {"n": "4"}
    by_name = {n["name"]: n for n in m["notebooks"]}
    assert by_name["01_ok"]["status"] == "ok" and by_name["02_fails"]["status"] == "failed"
    assert by_name["01_ok"]["parameters"]["n"] == 4
    assert by_name["01_ok"]["seconds"] > 0
    nb_bytes = (tiny_dir / "01_ok.ipynb").read_bytes()
    assert by_name["01_ok"]["source_sha256"] == hashlib.sha256(nb_bytes).hexdigest()
    inputs = {Path(i["path"]).name: i["sha256"] for i in m["inputs"]}
    assert inputs["evil.txt"] == hashlib.sha256((tiny_dir / "evil.txt").read_bytes()).hexdigest()
    figs = {f["path"] for f in by_name["01_ok"]["figures"]}
    assert figs == {"figures/01_ok/squares.png"}
    assert "created" in m and len(m["resources_sha256"]) == 64


def test_table_captions_link_the_csv_files_the_notebook_saved(rendered):
    run = rendered["01_ok"]
    for page in (run.html.read_text(encoding="utf-8"), run.ipynb.read_text(encoding="utf-8")):
        assert "figures/01_ok/squares.csv" in page and page.count("squares.csv</a>") == 1
        assert "cubes.csv</a>" not in page and "cubes.csv" in page  # a name with no file stays text
    assert (run.html.parent / "figures" / "01_ok" / "squares.csv").is_file()


def test_rerender_is_byte_identical(rendered, tiny_dir, tmp_path):
    again = render(["01_ok"], notebook_dir=tiny_dir, out=tmp_path, params={"n": "4"}, progress=False)
    assert again.ok
    first, second = rendered["01_ok"], again["01_ok"]
    names = sorted(p.name for p in first.figures_dir.iterdir())
    assert names == ["results.json", "squares.csv", "squares.png", "squares.svg"]
    for name in names:
        assert (first.figures_dir / name).read_bytes() == (second.figures_dir / name).read_bytes(), name
    # The executed notebook carries no timestamps (papermill's are stripped); only paths differ.
    nb1 = first.ipynb.read_text(encoding="utf-8").replace(str(first.figures_dir), "FIG")
    nb2 = second.ipynb.read_text(encoding="utf-8").replace(str(second.figures_dir), "FIG")
    assert nb1 == nb2
    assert '"start_time"' not in nb1 and '"duration"' not in nb1
    # A second render into the same folder: the index is the same bytes (timings live in the manifest).
    index, page = again.index.read_bytes(), again["01_ok"].html.read_bytes()
    third = render(["01_ok"], notebook_dir=tiny_dir, out=tmp_path, params={"n": "4"}, progress=False)
    assert third.ok and third.index.read_bytes() == index and third["01_ok"].html.read_bytes() == page
    assert b" s<" not in index and b"&nbsp;s" not in index
    m = json.loads(third.manifest.read_text(encoding="utf-8"))
    assert m["notebooks"][0]["seconds"] > 0 and m["total_seconds"] > 0


def test_two_at_once_into_a_relative_folder_keep_this_process_folder(tiny_dir, tmp_path, monkeypatch):
    import os

    monkeypatch.chdir(tmp_path)
    res = render(notebook_dir=tiny_dir, out="rel", params={"n": "3"}, progress=False, jobs=2)
    assert os.getcwd() == str(tmp_path)  # no notebook's folder left as this process's folder
    assert res["01_ok"].ok, res["01_ok"].error
    assert (tmp_path / "rel" / "01_ok.html").is_file()
    assert (tmp_path / "rel" / "02_fails.html").is_file() and (tmp_path / "rel" / "index.html").is_file()


def test_jobs_below_one_is_refused_before_any_work(tiny_dir, tmp_path):
    with pytest.raises(ParameterError, match=r"jobs=0: give how many notebooks to run at once"):
        render(notebook_dir=tiny_dir, out=tmp_path / "r", jobs=0)
    assert not (tmp_path / "r").exists()


def test_one_kernel_at_a_time_gives_the_same_reports(rendered, tiny_dir, tmp_path, capsys):
    # `rendered` ran both notebooks at once (two kernels); one at a time must give the same files.
    assert rendered.manifest and [r.name for r in rendered.runs] == ["01_ok", "02_fails"]
    alone = render(notebook_dir=tiny_dir, out=tmp_path, params={"n": "4"}, jobs=1)
    assert "[1/2] 01_ok ok (" in capsys.readouterr().err
    for name in ("01_ok", "02_fails"):
        a, b = rendered[name], alone[name]
        assert a.html.read_bytes().replace(str(a.figures_dir).encode(), b"FIG") == \
            b.html.read_bytes().replace(str(b.figures_dir).encode(), b"FIG"), name
        assert a.ipynb.read_text(encoding="utf-8").replace(str(a.figures_dir), "FIG") == \
            b.ipynb.read_text(encoding="utf-8").replace(str(b.figures_dir), "FIG"), name
    assert rendered.index.read_bytes() == alone.index.read_bytes()
    assert (rendered["01_ok"].figures_dir / "squares.png").read_bytes() == \
        (alone["01_ok"].figures_dir / "squares.png").read_bytes()


# -- nothing of the user's is deleted or overwritten ------------------------------------------
def test_a_foreign_folder_is_refused_before_any_work(tiny_dir, tmp_path):
    (tmp_path / "thesis.docx").write_bytes(b"my thesis")
    with pytest.raises(OutputFolderError, match=r"holds files newslab did not write — .* --force"):
        render(notebook_dir=tiny_dir, out=tmp_path, progress=False)
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.docx"]
    afile = tmp_path / "thesis.docx"
    with pytest.raises(OutputFolderError, match="thesis.docx: is a file"):
        render(notebook_dir=tiny_dir, out=afile, progress=False)
    assert afile.read_bytes() == b"my thesis"


def test_force_and_a_user_figures_dir_keep_the_users_files(tiny_dir, tmp_path):
    out, mine = tmp_path / "out", tmp_path / "my_figures"
    out.mkdir()
    mine.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    (mine / "holiday.png").write_bytes(b"\x89PNG my photo")
    (mine / "draft.csv").write_text("a,b\n", encoding="utf-8")
    first = render(["01_ok"], notebook_dir=tiny_dir, out=out, params={"figures_dir": str(mine)},
                   progress=False, force=True)
    assert first.ok and first["01_ok"].figures == [mine / "squares.png"]  # not the user's PNG
    written = json.loads(first.manifest.read_text(encoding="utf-8"))["written"]
    assert str(mine / "squares.png") in written and "01_ok.html" in written and "index.html" in written
    assert str(mine / "holiday.png") not in written and "notes.txt" not in written
    # A chart newslab wrote last time and no longer writes is removed; the user's files are not.
    (mine / "old_chart.png").write_bytes(b"stale")
    doc = json.loads(first.manifest.read_text(encoding="utf-8"))
    doc["written"].append(str(mine / "old_chart.png"))
    first.manifest.write_text(json.dumps(doc), encoding="utf-8")
    second = render(["01_ok"], notebook_dir=tiny_dir, out=out, params={"figures_dir": str(mine)}, progress=False)
    assert second.ok  # the folder is newslab's now: no --force needed
    assert not (mine / "old_chart.png").exists()
    assert (mine / "holiday.png").read_bytes() == b"\x89PNG my photo"
    assert (mine / "draft.csv").read_text(encoding="utf-8") == "a,b\n"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert "holiday" not in second.index.read_text(encoding="utf-8")


def test_a_student_copy_reads_its_own_dictionaries_in_the_kernel(tmp_path):
    from newslab.classroom import copy_lessons

    copy = tmp_path / "lessons"
    copy_lessons(copy)
    probe = _nb([new_code_cell("from newslab import reporting as rp\nfrom newslab.resources import resource_path\n"
                               "rp.record(rp.output_dir(figures_dir), cues=str(resource_path('stance_cues.yml')),\n"
                               "          seed=str(rp.resolve_path('data/afp_2017-11-13_sochi_putin_erdogan.txt')))")],
                params="figures_dir = 'reports/figures/probe'")
    nbformat.write(probe, str(copy / "99_probe.ipynb"))
    result = render([str(copy / "99_probe.ipynb")], out=tmp_path / "out", progress=False)
    assert result.ok, result.failures
    assert result["99_probe"].results == {
        "cues": str((copy / "resources" / "stance_cues.yml").resolve()),
        "seed": str((copy / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt").resolve())}


def test_kernel_pinned_to_another_python_fails_clearly(tmp_path, monkeypatch):
    spec_dir = tmp_path / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [str(tmp_path / "no-such-python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    with pytest.raises(KernelSetupError, match="ipykernel install --sys-prefix") as err:
        check_kernel()
    # Only removing the shadowing kernelspec helps, so that fix comes first.
    msg = str(err.value)
    assert msg.index("jupyter kernelspec remove python3") < msg.index("ipykernel install")
    assert str(tmp_path / "no-such-python") in msg


def test_default_kernel_runs_this_interpreter():
    import sys

    assert Path(check_kernel()).resolve() == Path(sys.executable).resolve()


def test_missing_corpus_is_a_clear_error(tmp_path):
    from newslab.errors import InputNotFoundError

    with pytest.raises(InputNotFoundError, match="no-such-folder: no such file or folder"):
        render(corpus=tmp_path / "no-such-folder", out=tmp_path, progress=False)


# -- the helpers notebooks use (no kernel needed) ----------------------------------------------
def test_highlight_html_escapes_and_marks_spans():
    from newslab.plots.text import highlight_html

    text = "Ties hit <b>their</b> worst crisis"
    html_out = highlight_html(text, [(22, 27, "neg", "vader -3.1"), (28, 34, "neg"), (24, 30, "pos")])
    assert "<b>" not in html_out and "&lt;b&gt;their&lt;/b&gt;" in html_out
    assert html_out.count("<mark") == 2  # the overlapping third span is not marked twice
    assert '<mark class="nl-neg" style="background:#F5C6A5" title="vader -3.1">worst</mark>' in html_out
    # Article offsets with a sentence slice: offset shifts the spans.
    assert ">worst</mark>" in highlight_html(text[9:], [(22, 27, "neg")], offset=9)


def test_kwic_and_table_html_escape_everything():
    import pandas as pd

    from newslab.plots.text import kwic_html, table_html

    kw = pd.DataFrame({"doc_id": ["a", "b"], "left": ["<i>x", "y"], "keyword": ["Russia", "<u>Turkey</u>"],
                       "right": ["&", "z"]})
    out = kwic_html(kw, caption="<caption>")
    assert "<i>" not in out and "<u>" not in out and "&amp;" in out and "&lt;caption&gt;" in out
    assert "<th>doc</th>" in out  # several documents: the doc column is shown
    table = table_html(pd.DataFrame({"x": [0.123456, float("nan")], "y": [["a", "<b>"], "t"]}), max_rows=1)
    assert "0.123" in table and "a, &lt;b&gt;" in table and "1 more rows" in table


def test_markdown_escaping():
    from newslab.reporting import esc

    assert esc("<script>") == "&lt;script&gt;"
    assert esc("*bold* _it_ [link](x) `code` # h | t") == r"\*bold\* \_it\_ \[link\](x) \`code\` \# h \| t"


def test_resolve_path_from_the_notebooks_folder(monkeypatch):
    from newslab.reporting import resolve_path

    monkeypatch.chdir(ROOT / "notebooks")  # where JupyterLab runs a notebook
    assert resolve_path("data/afp_2017-11-13_sochi_putin_erdogan.txt") == ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"
    from newslab.errors import InputNotFoundError

    with pytest.raises(InputNotFoundError, match="nope.txt: no such file or folder"):
        resolve_path("nope.txt")


def test_open_corpus_match_and_max_articles(tmp_path):
    from newslab.errors import InputNotFoundError
    from newslab.reporting import corpus_label, has_dates, open_corpus

    table = tmp_path / "c.csv"
    table.write_text("title,date,text\nA,2020-01-02,Russia and Turkey met.\nB,2020-02-03,Rain in Paris.\n"
                     "C,2020-03-04,Turkey agreed.\n", encoding="utf-8")
    docs = open_corpus(table, match="turkey")
    assert [a.title for a in docs] == ["A", "C"] and has_dates(docs)
    assert [a.title for a in open_corpus(table, max_articles=1)] == ["A"]
    assert corpus_label(docs) == "c (2 articles)"
    with pytest.raises(InputNotFoundError, match="no articles matching 'Ankara'"):
        open_corpus(table, match="Ankara")
    with pytest.raises(ParameterError, match="max_articles=0"):
        open_corpus(table, max_articles=0)
    seed = open_corpus(ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt")
    assert len(seed) == 1 and not has_dates(seed)
    assert corpus_label(seed) == "AFP, 2017-11-13: Putin and Erdogan discuss Syria peace plan"


def test_record_and_save_table_are_deterministic(tmp_path):
    import pandas as pd

    from newslab.reporting import read_results, record, save_table

    record(tmp_path, b=1 / 3, a=pd.DataFrame({"x": [1, 2]}))
    record(tmp_path, c=None)
    first = (tmp_path / "results.json").read_bytes()
    assert read_results(tmp_path) == {"a": [{"x": 1}, {"x": 2}], "b": 0.333333, "c": None}
    assert first.index(b'"a"') < first.index(b'"b"') < first.index(b'"c"')  # sorted keys
    path = save_table(pd.DataFrame({"v": [1 / 3, 2.0]}), tmp_path, "t")
    assert path.read_bytes() == b"v\n0.333333\n2\n"


def test_a_kernel_that_fails_to_start_is_tried_once_more(tiny_dir, tmp_path, monkeypatch):
    """Two kernels started at once can race for a port: a failure before any cell ran is retried
    in a fresh kernel; a notebook whose own cell fails is not run twice."""
    import papermill as pm

    real, calls = pm.execute_notebook, []

    def flaky(source, *args, **kwargs):
        calls.append(Path(source).name)
        if calls.count(Path(source).name) == 1 and Path(source).name == "01_ok.ipynb":
            raise RuntimeError("Kernel died before replying to kernel_info")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(pm, "execute_notebook", flaky)
    res = render(notebook_dir=tiny_dir, out=tmp_path / "r", params={"n": "3"}, progress=False, jobs=1)
    assert res["01_ok"].ok and res["01_ok"].error is None
    assert sorted(calls) == ["01_ok.ipynb", "01_ok.ipynb", "02_fails.ipynb"]
    assert not res["02_fails"].ok and "ZeroDivisionError" in res["02_fails"].error
