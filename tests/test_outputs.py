"""Writers never replace a user's file: exports, ``analyze --out``, coding sheets, re-renders."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from newslab import Article, Corpus
from newslab.cli import main
from newslab.frames import coding_sheet, unit_codes
from newslab.outputs import OutputExistsError, is_analysis_output, is_table_export
from newslab.pipeline import analyze_corpus
from newslab.render import _claim_out_folder, _remove_previous, _write_manifest

TEXTS = {
    "delhi": "Border talks\n\nIndia and China agreed to pull back troops, the Indian foreign ministry said.",
    "vienna": "Nuclear talks\n\nIran rejected new US sanctions and warned of retaliation.",
}


@pytest.fixture()
def corpus():
    return Corpus([Article.from_text(t, id=k, date="2020-06-01") for k, t in TEXTS.items()])


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_export_replaces_its_own_files_only(corpus, tmp_path, fmt):
    res = analyze_corpus(corpus, cache=False)
    first = res.export(tmp_path / "t", fmt)
    assert all(is_table_export(p) for p in first)
    again = res.export(tmp_path / "t", fmt)  # an earlier export is newslab's: replaced
    assert again == first
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / f"quotes.{fmt}").write_text("my own notes\n")
    with pytest.raises(OutputExistsError, match=rf"quotes\.{fmt}: the file exists and newslab did not write it"):
        res.export(mine, fmt)
    assert (mine / f"quotes.{fmt}").read_text() == "my own notes\n"
    assert sorted(p.name for p in mine.iterdir()) == [f"quotes.{fmt}"]  # nothing else written either


def test_cli_keeps_a_users_table_and_json(corpus, tmp_path, capsys):
    src = tmp_path / "in.csv"
    pd.DataFrame({"text": list(TEXTS.values()), "date": ["2020-06-01"] * 2}).to_csv(src, index=False)
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "articles.csv").write_text("id,my column\n1,2\n")
    assert main(["analyze", str(src), "--format", "csv", "--out", str(folder), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "articles.csv: the file exists and newslab did not write it" in err
    assert (folder / "articles.csv").read_text() == "id,my column\n1,2\n"
    assert sorted(p.name for p in folder.iterdir()) == ["articles.csv"]

    out = tmp_path / "analysis.json"
    assert main(["analyze", str(src), "--json", "--out", str(out)]) == 0
    assert is_analysis_output(out) and len(json.loads(out.read_text())) == 2
    assert main(["analyze", str(src), "--json", "--out", str(out)]) == 0  # its own output: replaced
    summary = tmp_path / "summary.txt"
    assert main(["analyze", str(src), "--out", str(summary)]) == 0 and is_analysis_output(summary)
    assert main(["analyze", str(src), "--json", "--out", str(summary)]) == 0  # the summary is newslab's too
    notes = tmp_path / "notes.txt"
    notes.write_text("Interview with the ambassador, 3 June.\n")
    capsys.readouterr()
    assert main(["analyze", str(src), "--out", str(notes)]) == 2
    assert "notes.txt: the file exists and newslab did not write it" in capsys.readouterr().err
    assert notes.read_text() == "Interview with the ambassador, 3 June.\n"


def test_a_coded_sheet_is_never_replaced(corpus, tmp_path):
    sheet = tmp_path / "sheet.csv"
    codes = coding_sheet(corpus, "generic", sheet)
    assert coding_sheet(corpus, "generic", sheet).equals(codes)  # still blank: newslab's to replace
    coded = pd.read_csv(sheet, encoding="utf-8-sig", dtype=str)
    coded.loc[1, "conflict"] = "1"  # a coder's first code
    coded.to_csv(sheet, index=False, encoding="utf-8-sig")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(OutputExistsError, match="sheet.csv: the file exists"):
        coding_sheet(corpus, "generic", sheet)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    # The codes to compare the coded sheet with, without writing anything.
    assert unit_codes(corpus, "generic").equals(codes)
    assert codes.set_index("doc_id").loc["vienna", "conflict"] == 1  # 'rejected ... retaliation'


def test_rerender_keeps_a_file_changed_since_it_was_written(tmp_path):
    out = tmp_path / "reports"
    figs = out / "lesson_files"
    figs.mkdir(parents=True)
    chart, sheet = figs / "chart.svg", figs / "coding_sheet.csv"
    chart.write_text("<svg/>")
    sheet.write_text("doc_id,unit,date,title,text,conflict,notes\n")
    _write_manifest(out, [], {}, [], "2026-01-01T00:00:00+00:00", 1.0,
                    {chart.resolve(): None, sheet.resolve(): None, (out / "manifest.json").resolve(): None})
    doc = json.loads((out / "manifest.json").read_text())
    assert set(doc["written_sha256"]) == {"lesson_files/chart.svg", "lesson_files/coding_sheet.csv"}
    previous = _claim_out_folder(out, force=False)
    assert previous[chart.resolve()] == doc["written_sha256"]["lesson_files/chart.svg"]
    sheet.write_text("doc_id,unit,date,title,text,conflict,notes\nx,p0,,,Talks,1,\n")  # a student coded it
    _remove_previous(figs, previous)
    assert not chart.exists()  # newslab's, unchanged: removed so that no stale chart lingers
    assert sheet.read_text().endswith("Talks,1,\n")  # changed since: the student's, kept
