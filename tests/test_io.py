"""Loaders and bad input: every case gives an Article/Corpus or one clear NewslabError."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from newslab.errors import InputError, InputNotFoundError
from newslab.io import EncodingFallbackWarning, SkippedInputWarning, load, load_article, load_corpus

ARTICLE = "Ankara and Moscow talk\n\nANKARA, Russia: Turkey and Russia held talks. Both sides agreed.\n"


def test_seed_bytes_are_kept(seed_path, seed):
    assert seed.text == seed_path.read_bytes().decode("utf-8")


def test_txt_utf8_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    a = load_article(p)
    assert a.title == "Ankara and Moscow talk" and a.text == ARTICLE and a.n_sentences == 2


def test_txt_cp1252_falls_back_with_warning(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Erdoğan? No: Erdogan\n\nHe said “yes” at the café.\n".encode("utf-8").replace(
        "“yes”".encode(), "\x93yes\x94".encode("latin-1")).replace("café".encode(), b"caf\xe9"))
    with pytest.warns(EncodingFallbackWarning, match="latin.txt"):
        a = load_article(p)
    assert "café" in a.text and "“yes”" in a.text


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("  \n\n")
    with pytest.raises(InputError, match="empty.txt: the file is empty"):
        load_article(p)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="image.txt: looks like a binary file"):
        load_article(p)


def test_missing_path(tmp_path):
    with pytest.raises(InputNotFoundError, match="nope.txt: no such file"):
        load(tmp_path / "nope.txt")


def test_folder_of_txt_with_sidecar_and_bad_file(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text("First\n\nOne sentence here.\n")
    (tmp_path / "a.meta.yml").write_text("source: Reuters\ndate: '2019-03-01'\n")
    (tmp_path / "z.txt").write_bytes(b"")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    corpus = load_corpus(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = list(corpus)
    assert [a.id for a in arts] == ["a", "b"]
    assert (arts[0].source, arts[0].date) == ("Reuters", "2019-03-01")
    assert [(Path(f).name, r.split(" —")[0]) for f, r in corpus.skipped] == [
        ("notes.docx", "not a .txt, .html, .csv, .tsv or .jsonl file, not read."),
        ("z.txt", "the file is empty")]


def test_folder_without_supported_files(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="no .txt, .html, .csv or .jsonl files"):
        load_corpus(tmp_path)


def test_csv_with_text_and_meta_columns(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text('id,title,date,source,text\n1,T1,2019-01-02,AFP,"Russia and Turkey met. They agreed."\n'
                 '2,T2,2019-02-03,AP,""\n3,T3,2019-03-04,AP,"Ankara protested."\n')
    arts = list(load_corpus(p))
    assert [(a.id, a.title, a.date, a.source, a.n_sentences) for a in arts] == [
        ("1", "T1", "2019-01-02", "AFP", 2), ("3", "T3", "2019-03-04", "AP", 1)]


def test_csv_custom_text_column(tmp_path):
    p = tmp_path / "news.csv"
    p.write_text("headline,body\nH,Erdogan spoke. Putin listened.\n")
    a = next(iter(load_corpus(p, text_column="body")))
    assert a.n_sentences == 2 and a.meta["headline"] == "H"


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("headline,body\nH,B\n")
    with pytest.raises(InputError, match=r"bad.csv: no 'text' column \(columns: 'headline', 'body'\)"):
        load_corpus(p)


def test_jsonl(tmp_path):
    p = tmp_path / "news.jsonl"
    rows = [{"text": "Moscow warned Ankara. Ties froze.", "date": "2015-11-25", "title": "Jet"},
            {"text": "TurkStream opened.", "date": "2020-01-08"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    arts = list(load_corpus(p))
    assert [(a.date, a.n_sentences) for a in arts] == [("2015-11-25", 2), ("2020-01-08", 1)]
    assert arts[0].title == "Jet"


def test_jsonl_bad_line_is_skipped_and_the_rest_kept(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "Delhi spoke."}\nnot json\n{"text": "Beijing replied."}\n')
    corpus = load_corpus(p)
    with pytest.warns(SkippedInputWarning, match="bad.jsonl: line 2: not valid JSON"):
        texts = [a.text for a in corpus]
    assert texts == ["Delhi spoke.", "Beijing replied."]
    assert [(f, r.split(" (")[0]) for f, r in corpus.skipped] == [(str(p), "line 2: not valid JSON")]


HTML = """<!DOCTYPE html><html><head><title>Putin hosts Erdogan | Example News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Putin hosts Erdogan in Sochi</h1>
<p>Russian President Vladimir Putin hosted Turkish President Recep Tayyip Erdogan in Sochi on Monday for talks on Syria that lasted four hours.</p>
<p>The two leaders agreed to step up efforts toward a political settlement, officials in both capitals said after the meeting ended.</p>
<p>Turkey bought S-400 air defence systems from Russia, a deal that worried its NATO allies in Washington and Brussels.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def test_html_page_main_text(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML)
    a = load_article(p)
    assert a.title.startswith("Putin hosts Erdogan")
    assert a.n_sentences == 3
    assert "Home" not in " ".join(s.text for s in a.sentences)
    assert all(a.text[s.start:s.end] == s.text for s in a.sentences)


def test_html_saved_as_txt_is_detected(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(HTML)
    assert load_article(p).n_sentences == 3


def test_html_without_article_text(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("<html><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match="blank.html: no article text found"):
        load_article(p)


def test_dates_in_other_forms_become_iso_and_reach_the_results_folder(tmp_path):
    """Metadata dates come as CSV exports, feeds and GDELT write them; an ambiguous one is kept as given."""
    from newslab.pipeline import analyze_corpus
    from newslab.store import open_results

    dates = ["June 17, 2020", 20200618, "Fri, 19 Jun 2020 08:00:00 GMT", "20200620T101500Z", "06/07/2020",
             "2020-06-22T09:30:00Z"]
    path = tmp_path / "ladakh.jsonl"
    path.write_text("".join(json.dumps({"id": f"l{k}", "date": d, "text": f"Ladakh\n\nIndia and China held talks, day {k}."})
                            + "\n" for k, d in enumerate(dates)), encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.date for a in corpus] == ["2020-06-17", "2020-06-18", "2020-06-19", "2020-06-20", "06/07/2020",
                                        "2020-06-22T09:30:00Z"]
    res = analyze_corpus(corpus, out=tmp_path / "results", steps=["sentences"])
    got = open_results(tmp_path / "results").articles.sort_values("doc_id")["date"]
    assert [d.isoformat() if d == d else None for d in got.dt.date] == [
        "2020-06-17", "2020-06-18", "2020-06-19", "2020-06-20", None, "2020-06-22"]
    assert res.run["articles"] == 6


def test_a_spreadsheet_csv_with_semicolons_is_read(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("\ufeffid;date;source;text\n"
                     "b1;2020-06-17;Daily A;\"India and China held talks; both sides, officials said, want calm.\"\n"
                     "b2;2020-06-18;Daily B;Iran and Oman met in Muscat.\n".encode("utf-8"))
    corpus = load_corpus(path)
    assert [(a.id, a.date, a.source) for a in corpus] == [("b1", "2020-06-17", "Daily A"), ("b2", "2020-06-18", "Daily B")]
    assert corpus[0].text == "India and China held talks; both sides, officials said, want calm."


def test_a_repeated_id_is_renamed_with_a_warning_so_rows_do_not_merge(tmp_path):
    from newslab.io import DuplicateIdWarning

    path = tmp_path / "wires.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in [
        ("w1", "India and China held talks."), ("w1", "Iran and Oman met in Muscat."), ("w3", "The EU and the UK met.")]),
        encoding="utf-8")
    with pytest.warns(DuplicateIdWarning, match=r"the id 'w1' is taken by an earlier article, so this one is 'w1-2'"):
        assert [a.id for a in load_corpus(path)] == ["w1", "w1-2", "w3"]
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "talks.txt").write_text("Talks\n\nIndia and China held talks.", encoding="utf-8")
    (folder / "talks.html").write_text("<html><body><article><h1>Talks</h1><p>Iran and Oman met in Muscat on "
                                       "Tuesday to discuss shipping in the Gulf.</p></article></body></html>",
                                       encoding="utf-8")
    with pytest.warns(DuplicateIdWarning):
        ids = sorted(a.id for a in load_corpus(folder))
    assert ids == ["talks", "talks-2"]
