"""The command line: JSON shape on the seed and one-sentence errors with exit status 2."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newslab.cli import main

BASE_KEYS = {"article", "sentences", "entities", "actors", "quotes", "stance", "relations", "frames"}


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_shape_on_seed(seed_path, capsys):
    code, out, err = run(["analyze", str(seed_path), "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert BASE_KEYS <= set(doc)
    art = doc["article"]
    assert {k: art[k] for k in ("id", "title", "date", "source", "dateline", "n_paragraphs", "n_sentences")} == {
        "id": "afp-2017-11-13-sochi", "title": "Putin and Erdogan discuss Syria peace plan", "date": "2017-11-13",
        "source": "AFP", "dateline": "Sochi, Russia", "n_paragraphs": 23, "n_sentences": 25}
    text = seed_path.read_text(encoding="utf-8")
    assert len(doc["sentences"]) == 25
    for s in doc["sentences"]:
        assert {"i", "paragraph", "start", "end", "text"} <= set(s)
        assert text[s["start"]:s["end"]] == s["text"]


def test_analyze_corpus_gives_a_list(tmp_path, capsys):
    p = tmp_path / "c.csv"
    p.write_text('text,date\n"Russia and Turkey met.",2019-01-01\n"Ankara protested. Moscow replied.",2019-02-01\n')
    out_file = tmp_path / "out.json"
    code, _, err = run(["analyze", str(p), "--json", "--out", str(out_file)], capsys)
    assert code == 0, err
    docs = json.loads(out_file.read_text())
    assert [d["article"]["n_sentences"] for d in docs] == [1, 2]


def test_analyze_summary_text(seed_path, capsys):
    code, out, _ = run(["analyze", str(seed_path)], capsys)
    assert code == 0 and "25 sentences" in out and "Putin and Erdogan discuss Syria peace plan" in out


def _write(name, data):
    def make(d):
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            p.write_bytes(data)
        else:
            p.write_text(data)
        return p.parent if name.startswith("sub/") else p
    return make


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "missing.txt: no such file"),
    (_write("empty.txt", ""), "empty.txt: the file is empty"),
    (_write("bin.txt", b"\x00\x01\x02" * 50), "bin.txt: looks like a binary file"),
    (_write("t.csv", "a,b\n1,2\n"), "t.csv: no 'text' column"),
    (_write("sub/x.doc", "x"), "sub: the folder has no"),
])
def test_user_errors_exit_2_with_one_sentence(tmp_path, capsys, make, message):
    code, out, err = run(["analyze", str(make(tmp_path))], capsys)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_unknown_option_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["analyze", "x.txt", "--bogus"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "--bogus" in err and "--help" in err and err.count("\n") == 1


def test_help_and_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "newslab", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for word in ("analyze", "render", "data"):
        assert word in proc.stdout


def test_data_status_lists_packages(capsys):
    code, out, _ = run(["data", "status"], capsys)
    assert code == 0 and "punkt_tab" in out and "averaged_perceptron_tagger_eng" in out


def test_one_article_json_never_imports_pandas(tmp_path):
    # Fixed cost: pandas takes ~0.5 s to import and a one-article --json run needs no DataFrame.
    p = tmp_path / "one.txt"
    p.write_text("India and China agree to pull back\n\nNEW DELHI: India said on Monday it welcomed "
                 "China's offer. \"We will talk,\" the minister said. China criticised India's army.\n",
                 encoding="utf-8")
    code = ("import sys, io, contextlib, json\nfrom newslab.cli import main\nbuf = io.StringIO()\n"
            "with contextlib.redirect_stdout(buf):\n    rc = main(['analyze', sys.argv[1], '--json'])\n"
            "doc = json.loads(buf.getvalue())\n"
            "heavy = [m for m in ('pandas', 'nltk', 'textblob') if m in sys.modules]\n"
            "print(rc, ','.join(heavy) or '-', doc['article']['sentiment']['label'], sorted(doc['article']['dyads']))")
    proc = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    rc, heavy, label, dyads = proc.stdout.split(maxsplit=3)
    # NLTK (~0.3 s) came in through textblob/__init__; newslab reads only Pattern's lexicon.
    assert (rc, heavy) == ("0", "-")
    assert label in ("pos", "neg", "neu") and "China|India" in dyads


def test_textblob_imported_after_newslab_gives_the_same_numbers():
    # newslab loads textblob._text and textblob.en without textblob/__init__; TextBlob imported
    # later must reuse those modules and score exactly as newslab does.
    code = ("import sys\nfrom newslab.sentiment import textblob_polarity\n"
            "first = [textblob_polarity(s) for s in sys.argv[1:]]\n"
            "from textblob import TextBlob\nimport textblob.en.sentiments as tbs\n"
            "same_module = tbs.pattern_sentiment is sys.modules['textblob.en'].sentiment\n"
            "print(same_module, first == [tuple(TextBlob(s).sentiment) for s in sys.argv[1:]], first[0][0] < 0)")
    sentences = ["Brazil's president was not very happy with Argentina's tariffs!",
                 "The EU and the UK reached a good, fair deal on fishing.",
                 "Iran called the new US sanctions cruel and illegal.",
                 "India and China held talks in Moscow :-) on Thursday."]
    proc = subprocess.run([sys.executable, "-c", code, *sentences], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "True", "True"]


@pytest.mark.parametrize("fmt,resumable", [("parquet", True), ("csv", False)])
def test_interrupt_says_whether_a_rerun_goes_on(seed_path, tmp_path, capsys, monkeypatch, fmt, resumable):
    import newslab.pipeline

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(newslab.pipeline, "analyze_corpus", stop)
    code, _, err = run(["analyze", str(seed_path), "--format", fmt, "--out", str(tmp_path / "r")], capsys)
    assert code == 130 and err.startswith("newslab: interrupted.") and err.count("\n") == 1
    assert ("Run the same command again to go on" in err) is resumable
