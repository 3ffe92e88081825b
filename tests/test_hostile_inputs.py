"""Hostile and careless inputs: every article is analysed or listed in ``skipped`` with a reason,
every user mistake is one sentence with exit status 2, and no input file is changed.

The cases are those of issue 19 ("Nothing lost", "Clear errors, not tracebacks" for inputs and
arguments), on small texts written for these tests. The property-based tests at the end check on
random texts that every span the loaders and the document model make points into the text.
"""
from __future__ import annotations

import builtins
import csv
import json
import os
import pathlib
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslab.article import Article
from newslab.cli import main
from newslab.errors import InputError, ResourceFileError
from newslab.io import (EncodingFallbackWarning, SkippedInputWarning, decode_bytes, load_article,
                        load_corpus)
from newslab.pipeline import analyze_corpus
from newslab.resources import load_word_list, load_yaml

INDIA = "Delhi and Beijing talk\n\nNEW DELHI, India: India and China held border talks. Both sides agreed.\n"
IRAN = "Washington warns Tehran\n\nThe United States warned Iran on Monday. Tehran rejected the warning.\n"
BREXIT = "London and Brussels meet\n\nBritain and the EU resumed talks. A deal is not in sight.\n"


def names(skipped):
    """``[(file name, reason up to the fix)]`` of a skipped list."""
    return [(Path(p).name, r.split(" — ")[0]) for p, r in skipped]


def quietly(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [a for a in corpus]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to show that nothing was changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


def run(args, capsys):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# -- CSV and JSONL: nothing lost ----------------------------------------------------------------
def test_csv_cells_keep_line_separator_form_feed_and_nel(tmp_path):
    texts = ["Delhi spoke.\u2028Beijing listened. Talks went on.",
             "Page one ends here.\x0cPage two starts. Iran replied.",
             "Brussels waited.\x85London answered."]
    p = tmp_path / "news.csv"
    pd.DataFrame({"id": ["in", "ir", "eu"], "text": texts}).to_csv(p, index=False)
    before = p.read_bytes()
    arts = list(load_corpus(p))
    assert [(a.id, a.text) for a in arts] == list(zip(["in", "ir", "eu"], texts))
    assert [a.n_sentences for a in arts] == [3, 3, 2]
    assert p.read_bytes() == before


def test_csv_empty_cells_and_ragged_rows_are_reported_with_row_and_line(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text("id,title,date,text\n"
                 "1,Border talks,2020-06-01,\"India and China met. They agreed.\"\n"
                 "2,Delhi, Beijing agree,2020-06-02,\"Troops pull back.\"\n"   # unquoted comma
                 "3,Empty,2020-06-03,\n"
                 "4,Blank,2020-06-04,\"   \"\n"
                 "5,Short,2020-06-05\n"
                 "6,Iran,2020-06-06,\"Tehran rejected the warning.\"\n", encoding="utf-8")
    corpus = load_corpus(p)
    with pytest.warns(SkippedInputWarning) as caught:
        arts = [a for a in corpus]
    assert [(a.id, a.title, a.text) for a in arts] == [
        ("1", "Border talks", "India and China met. They agreed."), ("6", "Iran", "Tehran rejected the warning.")]
    assert [r for _, r in corpus.skipped] == [
        "row 2 (line 3): 5 cells but the header has 4 — put a cell that holds a comma, a tab or a "
        "quotation mark in double quotes, and double the quotation marks inside it.",
        "row 3 (line 4): the 'text' cell is empty.",
        "row 4 (line 5): the 'text' cell is empty.",
        "row 5 (line 6): 3 cells but the header has 4 — put a cell that holds a comma, a tab or a "
        "quotation mark in double quotes, and double the quotation marks inside it."]
    assert {p for p, _ in corpus.skipped} == {str(p)}
    assert len(caught) == 4 and "news.csv: row 3 (line 4)" in str(caught[1].message)


def test_csv_multiline_cells_report_the_line_a_row_starts_on(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text('id,text\n1,"Line one.\nLine two."\n2,\n3,"A ""stray"" quote" here\n4,"EU talks."\n')
    corpus = load_corpus(p)
    assert [a.id for a in quietly(corpus)] == ["1", "4"]
    assert names(corpus.skipped) == [("news.csv", "row 2 (line 4): the 'text' cell is empty."),
                                     ("news.csv", "row 3 (line 5): not valid CSV (',' expected after '\"')")]


def test_csv_unclosed_quote_is_reported_not_swallowed(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text('id,text\n1,"Iran spoke."\n2,"Tehran replied.\n3,EU waited.\n')
    corpus = load_corpus(p)
    assert [a.id for a in quietly(corpus)] == ["1"]
    assert names(corpus.skipped) == [("news.csv", "row 2 (line 3): a quotation mark is never closed, so "
                                      "the rest of the file was read as one cell")]


def test_jsonl_rows_without_text_null_text_and_bad_lines(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "in", "text": "India and China met."}),
        json.dumps({"id": "no-key", "title": "Missing"}),
        json.dumps({"id": "null", "text": None}),
        "{\"id\": \"broken\", \"text\": \"unterminated",
        json.dumps(["a", "list"]),
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "ir", "text": "Iran replied.\u2028Washington waited."}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    corpus = load_corpus(p)
    arts = quietly(corpus)
    assert [(a.id, a.text) for a in arts] == [("in", "India and China met."),
                                               ("ir", "Iran replied.\u2028Washington waited.")]
    assert [r.split(" (")[0] if "JSON (" in r else r for _, r in corpus.skipped] == [
        "line 2: no 'text' field.", "line 3: 'text' is null.", "line 4: not valid JSON",
        "line 5: a JSON list, not an object such as {\"text\": \"...\"}.", "line 6: 'text' is a int, not a string."]


def test_jsonl_first_lines_without_the_field_are_reported_once_it_appears(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text('{"body": "x"}\n{"text": "EU and UK met."}\n')
    corpus = load_corpus(p)
    assert [a.text for a in quietly(corpus)] == ["EU and UK met."]
    assert names(corpus.skipped) == [("news.jsonl", "line 1: no 'text' field.")]


def test_jsonl_without_the_field_anywhere_is_a_wrong_text_column(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text('{"body": "India spoke."}\n{"body": "China replied."}\n')
    with pytest.raises(InputError, match=r"news.jsonl: no 'text' column \(columns: 'body'\) — .*--text-column"):
        load_corpus(p)


def test_jsonl_with_a_bad_line_in_a_folder_keeps_the_lines_after_it(tmp_path):
    (tmp_path / "a.txt").write_text(INDIA)
    (tmp_path / "b.jsonl").write_text('{"id": "b1", "text": "Iran spoke."}\n{oops}\n'
                                      '{"id": "b3", "text": "Tehran replied."}\n')
    corpus = load_corpus(tmp_path)
    assert [a.id for a in quietly(corpus)] == ["a", "b1", "b3"]
    assert names(corpus.skipped) == [("b.jsonl", "line 2: not valid JSON (Expecting property name "
                                      "enclosed in double quotes, column 2)")]
    res = analyze_corpus(load_corpus(tmp_path), steps=["sentences"], cache=False)
    assert sorted(res.sentences["doc_id"].unique()) == ["a", "b1", "b3"]
    assert names(res.skipped) == names(corpus.skipped)


def test_table_skips_reach_the_pipeline_and_the_cli(tmp_path, capsys):
    p = tmp_path / "news.csv"
    p.write_text('id,text\nin,"India and China met."\nempty,\nir,"Iran replied."\n')
    res = analyze_corpus(load_corpus(p), steps=["sentences"], cache=False)
    assert list(res.sentences["doc_id"]) == ["in", "ir"]
    assert res.skipped == [(str(p), "row 2 (line 3): the 'text' cell is empty.")]
    code, out, err = run(["analyze", p, "--json"], capsys)
    assert code == 0 and [d["article"]["id"] for d in json.loads(out)] == ["in", "ir"]
    assert err == f"newslab: skipped {p}: row 2 (line 3): the 'text' cell is empty.\n"
    out_dir = tmp_path / "tables"
    code, out, err = run(["analyze", p, "--format", "csv", "--out", out_dir, "--no-cache"], capsys)
    assert code == 0 and err == f"newslab: skipped {p}: row 2 (line 3): the 'text' cell is empty.\n"
    assert list(pd.read_csv(out_dir / "articles.csv")["doc_id"]) == ["in", "ir"]


# -- line endings and encodings -----------------------------------------------------------------
@pytest.mark.parametrize("eol", ["\r", "\r\n", "\n"])
def test_line_endings_give_the_same_article(tmp_path, eol):
    text = ("US and Iran trade warnings  \n\nWASHINGTON (Reuters) - The United States warned Iran. "
            "Tehran replied.\n\nOil Markets React\n\nPrices rose.\n").replace("\n", eol)
    p = tmp_path / "us_iran.txt"
    p.write_bytes(text.encode("utf-8"))
    a = load_article(p)
    assert a.text == text  # the decoded original, line endings kept
    assert (a.title, a.dateline) == ("US and Iran trade warnings", "WASHINGTON (Reuters)")
    assert [s.text for s in a.sentences] == ["The United States warned Iran.", "Tehran replied.", "Prices rose."]
    assert [(r.kind, r.text) for r in a.structure.to_frame().itertuples()] == [
        ("title", "US and Iran trade warnings"), ("dateline", "WASHINGTON (Reuters)"),
        ("heading", "Oil Markets React")]
    for r in a.structure.to_frame().itertuples():
        assert text[r.start:r.end] == r.text
    for span in a.sentences + a.tokens + a.paragraphs:
        assert text[span.start:span.end] == span.text


def test_cp1252_file_with_a_byte_cp1252_does_not_define(tmp_path):
    p = tmp_path / "eu_uk.txt"
    data = b"EU and UK \x93reset\x94 ties\n\nThe minister said \x93no deal\x94 at the caf\xe9 \x81 in Brussels.\n"
    p.write_bytes(data)
    with pytest.warns(EncodingFallbackWarning, match=r"eu_uk.txt: not valid UTF-8; decoded as cp1252 \(1 byte "):
        a = load_article(p)
    assert a.title == "EU and UK “reset” ties"
    assert a.sentences[0].text == "The minister said “no deal” at the café \x81 in Brussels."
    assert p.read_bytes() == data


def test_latin1_file_is_decoded_and_the_warning_names_the_encoding(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Brexit: Londres et Bruxelles\n\nLe négociateur a parlé. Rien n'a changé.\n".encode("latin-1"))
    with pytest.warns(EncodingFallbackWarning, match=r"latin.txt: not valid UTF-8; decoded as cp1252\. Save"):
        a = load_article(p)
    assert [s.text for s in a.sentences] == ["Le négociateur a parlé.", "Rien n'a changé."]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text_not_binary(tmp_path, encoding):
    p = tmp_path / "india.txt"
    p.write_bytes(INDIA.encode(encoding))
    with pytest.warns(EncodingFallbackWarning, match=f"UTF-16 without a byte-order mark; decoded as {encoding.upper()}"):
        a = load_article(p)
    assert a.text == INDIA and a.n_sentences == 2


def test_binary_is_still_binary():
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_bytes(bytes(range(256)) * 8, "photo.txt")


# -- folders ------------------------------------------------------------------------------------
class Unreadable:
    """Make paths unreadable: chmod 000, and (running as root, which ignores permissions) make the
    calls the loaders read with raise the PermissionError a normal user would get."""

    def __init__(self, monkeypatch):
        self.paths: set[str] = set()
        self.chmodded: list[Path] = []
        real_open, real_scandir, real_read = builtins.open, os.scandir, pathlib.Path.read_bytes

        def check(path):
            if os.path.abspath(os.fspath(path)) in self.paths:
                raise PermissionError(13, "Permission denied", os.fspath(path))

        def fake_open(file, *a, **k):
            if isinstance(file, (str, os.PathLike)):
                check(file)
            return real_open(file, *a, **k)

        def fake_scandir(path="."):
            check(path)
            return real_scandir(path)

        def fake_read(self_):
            check(self_)
            return real_read(self_)

        if os.geteuid() == 0:
            monkeypatch.setattr(builtins, "open", fake_open)
            monkeypatch.setattr(os, "scandir", fake_scandir)
            monkeypatch.setattr(pathlib.Path, "read_bytes", fake_read)

    def __call__(self, path: Path) -> Path:
        path.chmod(0)
        self.chmodded.append(path)
        self.paths.add(os.path.abspath(path))
        return path

    def restore(self):
        for p in self.chmodded:
            p.chmod(0o755)
        self.paths.clear()


@pytest.fixture()
def unreadable(monkeypatch):
    u = Unreadable(monkeypatch)
    yield u
    u.restore()


def test_folder_lists_everything_it_does_not_read(tmp_path, unreadable):
    (tmp_path / "india.txt").write_text(INDIA)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts" / "draft.txt").write_text(IRAN)
    (tmp_path / "README.md").write_text("# My corpus\n")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "elsewhere").symlink_to(tmp_path / ".drafts", target_is_directory=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "brexit.txt").write_text(BREXIT)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(IRAN)
    (tmp_path / "private.txt").write_text(IRAN)
    before = snapshot(tmp_path)
    unreadable(locked)
    unreadable(tmp_path / "private.txt")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in quietly(corpus)] == ["india", "brexit"]
    assert names(corpus.skipped) == [
        (".DS_Store", "a hidden file, not read."),
        (".drafts", "a hidden folder, not read."),
        ("README.md", "a Markdown file, not read"),
        ("elsewhere", "a link to a folder, not followed"),
        ("gone.txt", "a link to a file that does not exist."),
        ("locked", "the folder cannot be read (Permission denied)"),
        ("private.txt", "cannot be read (Permission denied)"),
    ]
    unreadable.restore()
    assert snapshot(tmp_path) == before


def test_unreadable_file_and_folder_given_directly(tmp_path, capsys, unreadable):
    f = tmp_path / "iran.txt"
    f.write_text(IRAN)
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(INDIA)
    unreadable(f)
    unreadable(d)
    for path, message in ((f, f"newslab: {f}: cannot be read (Permission denied) — check that you may read it"),
                          (d, f"newslab: {d}: the folder cannot be read (Permission denied) — check")):
        code, out, err = run(["analyze", path], capsys)
        assert code == 2 and out == "" and err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize("sidecar, content, reason", [
    ("india.meta.json", b'{"source": "PTI", }', "india.meta.json: not valid JSON (line 1)"),
    ("india.meta.yml", b"source: [PTI\n", "india.meta.yml: not valid YAML (line 2)"),
    ("india.meta.yml", b"source: Agence France-Presse \xe0 Delhi\n", "india.meta.yml: the metadata file is not UTF-8"),
    ("india.meta.yml", b"- PTI\n- 2020-06-01\n", "india.meta.yml: holds a list, not 'field: value' lines"),
])
def test_bad_sidecar_skips_that_article_only(tmp_path, sidecar, content, reason):
    (tmp_path / "india.txt").write_text(INDIA)
    (tmp_path / sidecar).write_bytes(content)
    (tmp_path / "iran.txt").write_text(IRAN)
    (tmp_path / "iran.meta.yml").write_text("source: Reuters\n")
    corpus = load_corpus(tmp_path)
    arts = quietly(corpus)
    assert [(a.id, a.source) for a in arts] == [("iran", "Reuters")]
    assert len(corpus.skipped) == 1 and corpus.skipped[0][0] == str(tmp_path / "india.txt")
    assert corpus.skipped[0][1].startswith(str(tmp_path / reason))
    with pytest.raises(InputError, match="fix it, or delete it|save it as UTF-8"):
        load_article(tmp_path / "india.txt")


# -- user resource files ------------------------------------------------------------------------
def test_user_yaml_not_utf8(tmp_path):
    p = tmp_path / "actors.yml"
    p.write_bytes(b"Erdo\xf0an:\n  side: Turkey\n")
    with pytest.raises(ResourceFileError) as exc:
        load_yaml(p)
    assert str(exc.value) == (f"{p}: not UTF-8 (byte 5 cannot be read) — save the file as UTF-8 in "
                              "your editor and re-run.")


def test_user_word_list_not_utf8(tmp_path):
    p = tmp_path / "abbrevs.txt"
    p.write_bytes(b"Mr.\nSe\xf1or.\n")
    with pytest.raises(ResourceFileError, match=r"abbrevs.txt: not UTF-8 \(byte 7 cannot be read\)"):
        load_word_list(p)


def test_python_tags_are_refused_with_the_right_sentence(tmp_path):
    marker = tmp_path / "ran"
    p = tmp_path / "frames.yml"
    p.write_text(f"conflict:\n  - !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ResourceFileError) as exc:
        load_yaml(p)
    assert str(exc.value) == (f"{p}: the tag '!!python/object/apply:os.system' (line 2) is not allowed "
                              "(newslab reads plain YAML and never runs code from a file) — write the "
                              "value as a plain list or mapping.")
    assert not marker.exists()


def test_bad_indentation_still_says_so(tmp_path):
    p = tmp_path / "frames.yml"
    p.write_text("conflict:\n  - war\n bad: x\n")
    with pytest.raises(ResourceFileError, match=r"not valid YAML \(line 3\) — fix the indentation"):
        load_yaml(p)


# -- command-line arguments, checked before any work --------------------------------------------
@pytest.fixture()
def no_work(monkeypatch):
    """Fail the test if the CLI starts loading or analysing."""
    import newslab.io
    import newslab.pipeline

    def boom(*a, **k):
        raise AssertionError("work started before the arguments were checked")

    for mod, name in ((newslab.io, "load"), (newslab.io, "load_corpus"), (newslab.pipeline, "analyze_corpus")):
        monkeypatch.setattr(mod, name, boom)


def test_out_that_is_a_file_with_format(tmp_path, capsys, no_work, seed_path):
    out = tmp_path / "results.csv"
    out.write_text("keep me\n")
    code, stdout, err = run(["analyze", seed_path, "--format", "csv", "--out", out], capsys)
    assert code == 2 and stdout == ""
    assert err == (f"newslab: --out {out}: {out} is a file, and --format csv writes one table per analyzer "
                   "into a folder — pass a folder name.\n")
    assert out.read_text() == "keep me\n"
    code, _, err = run(["analyze", seed_path, "--format", "csv", "--out", out / "tables"], capsys)
    assert code == 2 and f"{out} is a file" in err and err.count("\n") == 1


def test_json_out_that_is_a_folder(tmp_path, capsys, no_work, seed_path):
    (tmp_path / "mine.txt").write_text("keep me\n")
    before = snapshot(tmp_path)
    code, stdout, err = run(["analyze", seed_path, "--json", "--out", tmp_path], capsys)
    assert code == 2 and stdout == "" and err.count("\n") == 1
    assert err.startswith(f"newslab: --out {tmp_path} is a folder, and --json is one file — pass a file name")
    assert snapshot(tmp_path) == before


def test_out_in_a_missing_folder(tmp_path, capsys, no_work, seed_path):
    code, _, err = run(["analyze", seed_path, "--out", tmp_path / "nope" / "a.json"], capsys)
    assert code == 2 and f"the folder {tmp_path / 'nope'} does not exist" in err and err.count("\n") == 1


@pytest.mark.parametrize("jobs", ["-5", "-2"])
def test_negative_jobs(capsys, no_work, seed_path, jobs):
    code, stdout, err = run(["analyze", seed_path, "--format", "csv", "--out", "x", "--jobs", jobs], capsys)
    assert code == 2 and stdout == ""
    assert err == f"newslab: --jobs {jobs}: give a number of worker processes (1, 2, ...) or -1 for all cores.\n"


# -- property-based: offsets ----------------------------------------------------------------------
PIECES = ["India", "China", "Modi", "met", "Xi", "Mr.", "U.S.", "Iran", "said", "the", "EU", "5.5",
          "$80", ".", ",", ":", "!", "?", ";", "“", "”", '"', "'", "’", "(", ")", "—", " - ",
          " ", "  ", "\t", "\n", "\n\n", "\r", "\r\r", "\r\n", "\r\n\r\n", "\x0c", "\x85", "\u2028",
          "NEW DELHI, India:", "TEHRAN (AFP) -", "Border talks:", "Oil Markets React",
          "More from this category", "Friday, January 4, 2019"]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(alphabet="ab .,:\"“”'\n\r\t\x0c\x85\u2028Aé—", max_size=120),
)


def assert_spans_point_into(a: Article) -> None:
    text = a.text
    for span in a.paragraphs + a.sentences + a.tokens:
        assert text[span.start:span.end] == span.text
    for s in a.sentences:
        assert s.text == s.text.strip() and s.text
    starts = [s.start for s in a.sentences]
    assert starts == sorted(starts)
    st_ = a.structure
    spans = [st_.title, st_.dateline] + st_.title_repeats + st_.headings + st_.boilerplate
    for span in filter(None, spans):
        assert text[span.start:span.end] == span.text and span.text == span.text.strip() and span.text
    if st_.title:
        assert a.title == st_.title.text


@settings(max_examples=80, deadline=None)
@given(texts, st.booleans())
def test_property_article_spans_are_exact(text, title_line):
    assert_spans_point_into(Article.from_text(text, title_line=title_line))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts.filter(lambda t: t.strip()))
def test_property_loaders_keep_the_text_and_its_offsets(text):
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        folder = Path(tmp)
        (folder / "a.txt").write_bytes(text.encode("utf-8"))
        with open(folder / "t.csv", "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows([["id", "text"], ["c", text]])
        (folder / "t.jsonl").write_text(json.dumps({"id": "j", "text": text}, ensure_ascii=False) + "\n",
                                        encoding="utf-8")
        arts = list(load_corpus(folder))
        assert [(a.id, a.text) for a in arts] == [("a", text), ("c", text), ("j", text)]
        for a in arts:
            assert_spans_point_into(a)


# -- resources a user broke, caches that cannot be written ----------------------------------------
def test_an_invalid_phrase_in_a_stance_cue_file_names_the_file_and_the_phrase(tmp_path, capsys):
    from newslab.stance import load_stance_cues, stance

    bad = tmp_path / "my_stance.yml"
    text = (Path(__file__).resolve().parents[1] / "newslab" / "resources" / "stance_cues.yml").read_text(encoding="utf-8")
    bad.write_text(text.replace('"backs",', '"back(s",', 1), encoding="utf-8")
    with pytest.raises(ResourceFileError, match=r"my_stance\.yml: governing: class 'support': the phrase 'back\(s'"):
        load_stance_cues(bad)
    with pytest.raises(ResourceFileError, match=r"targets: 'Kashmir \(dispute'"):
        stance(Article.from_text("T\n\nIndia opposed the Kashmir dispute talks."), ["Kashmir (dispute"])


def test_a_cache_that_cannot_be_written_warns_once_and_the_run_goes_on(tmp_path, monkeypatch):
    from newslab import Corpus

    arts = [Article.from_text(f"T\n\nJapan and South Korea met in Seoul. Day {i}.", id=f"k{i}") for i in range(3)]
    cache = tmp_path / "cache"
    cache.mkdir()
    real_replace = os.replace

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.warns(UserWarning, match="cache cannot be written .*No space left") as caught:
        res = analyze_corpus(Corpus(arts), steps=["sentences"], cache=cache)
    monkeypatch.setattr(os, "replace", real_replace)
    assert len(res.sentences) == 6 and len([w for w in caught if "cache" in str(w.message)]) == 1
    assert not [p for p in cache.rglob("*") if p.is_file()]  # no .tmp files left behind
    again = analyze_corpus(Corpus(arts), steps=["sentences"], cache=cache)
    assert again.stats["cache_hits"] == 0 and again.sentences.equals(res.sentences)


# Words the analyzers react to (actors, reporting and relation cues, frame terms, negation), so
# random texts reach every table, not only the sentence splitter.
NEWS_PIECES = PIECES + ["Britain", "Brussels", "Tehran", "Washington", "Beijing", "warned",
                        "criticised", "agreed", "told reporters", "according to", "denied that",
                        "will not", "would", "talks", "sanctions", "crisis", "economy", "He", "she",
                        '"We will not agree,"', "Modi said.", "China warned India.",
                        "Britain criticised Iran", 'Xi said: "Talks failed."', "the ministry said"]
news_texts = st.lists(st.sampled_from(NEWS_PIECES), min_size=1, max_size=80).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(news_texts)
def test_property_every_table_points_into_the_text(text):
    """Every offset any analyzer table gives is a slice of the article's text."""
    result = analyze_corpus([Article.from_text(text)], cache=False, show_progress=False)
    for row in result.sentences.itertuples():
        assert text[row.start:row.end] == row.text
    for row in result.mentions.itertuples():
        assert text[row.start:row.end] == row.text
    for row in result.quotes.itertuples():
        assert text[row.start:row.end] == row.text
        if row.cue_start >= 0:  # a continuation's cue is the earlier quote's, with no span here
            assert text[row.cue_start:row.cue_end].lower().startswith(row.cue.split()[0].lower()[:3])
        if row.speaker_start >= 0:
            assert text[row.speaker_start:row.speaker_end] == row.speaker_text
    for row in result.relations.itertuples():
        assert row.start < row.end and text[row.start:row.end] in row.evidence
    for row in result.stance.itertuples():
        assert text[row.start:row.end] == row.target_text
    for terms in result.frames.terms.dropna():
        for hit in json.loads(terms):
            assert text[hit["start"]:hit["end"]] == hit["text"]
