"""Optional NLTK data: status, clear errors when missing, install from a local folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslab import nltkdata
from newslab.errors import MissingResourceError

SHARED_NLTK = Path(__file__).resolve().parents[2] / "shared" / "nltk_data"


def test_missing_resource_message(monkeypatch):
    monkeypatch.setattr(nltkdata, "is_available", lambda name: False)
    with pytest.raises(MissingResourceError, match="newslab data install punkt_tab"):
        nltkdata.require("punkt_tab", "the Punkt splitter")


def test_status_table_has_every_package():
    df = nltkdata.data_status()
    assert set(df.package) == {p.name for p in nltkdata.OPTIONAL_PACKAGES}
    assert df.present.map(type).eq(bool).all()


def test_install_from_local_folder(tmp_path):
    src = tmp_path / "src"
    (src / "corpora" / "stopwords").mkdir(parents=True)
    (src / "corpora" / "stopwords" / "english").write_text("the\na\n")
    done = nltkdata.install(["stopwords", "wordnet"], source=src, target=tmp_path / "dst")
    copied = tmp_path / "dst" / "corpora" / "stopwords" / "english"
    assert done == ["stopwords"] and copied.read_text() == "the\na\n"
    assert oct(copied.stat().st_mode & 0o777) == "0o644"


def test_unknown_package_name():
    with pytest.raises(MissingResourceError, match="unknown NLTK package"):
        nltkdata.install(["no_such_pkg"], source=".")


@pytest.mark.skipif(not SHARED_NLTK.is_dir(), reason="optional NLTK data folder not beside the project")
def test_punkt_backend_with_shared_data(monkeypatch, seed_path):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(SHARED_NLTK)] + list(nltk.data.path))
    from newslab import Article

    a = Article.from_text(seed_path.read_text(), splitter="punkt")
    # Punkt splits at "southwest Russia. the two sides", which the rule-based splitter keeps whole.
    assert a.n_sentences == 26
    assert a.sentences[3].text.startswith("the two sides agreed")
