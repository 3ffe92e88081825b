"""A student's own copy of the lessons (`newslab notebooks copy`), where the lessons are found, and
the small rough edges a class meets first (a renamed .docx, a progress bar in a redirected log)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from newslab.classroom import (MARKER, clone_root, copy_lessons, lesson_files, lessons_dir, project_dir,
                               student_copy)
from newslab.cli import main
from newslab.io import find_data_dir, seed_path
from newslab.resources import RESOURCE_DIR

ROOT = Path(__file__).resolve().parents[1]
SEED = "afp_2017-11-13_sochi_putin_erdogan"


def test_in_a_clone_the_lessons_are_the_repository_folders(monkeypatch, tmp_path):
    assert clone_root() == ROOT
    monkeypatch.chdir(tmp_path)  # anywhere that is not a student copy
    assert lessons_dir() == ROOT / "notebooks" and project_dir() == ROOT
    assert find_data_dir() == ROOT / "data" and seed_path().is_file()
    rels = {rel for _, rel in lesson_files()}
    assert {"01_first_look.ipynb", "07_report.ipynb", "coding/afp_2017-11-13_generic_coder1.csv",
            f"data/{SEED}.txt", f"data/{SEED}.meta.yml", "08_compare_outlets.ipynb",
            "data/demo_outlets/README.md", "data/demo_outlets/c_2019-07-12_s400.meta.yml"} <= rels
    assert not any(part.startswith(".") for rel in rels for part in rel.split("/"))


def test_copy_holds_lessons_seed_coding_sheet_and_dictionaries(tmp_path, monkeypatch, capsys):
    dest = tmp_path / "my lessons"
    assert main(["notebooks", "copy", str(dest)]) == 0
    out = capsys.readouterr().out
    packaged = [p for p in RESOURCE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert "copied 8 lessons" in out and f"{len(packaged)} dictionaries" in out
    for source, rel in lesson_files():
        if rel.startswith("solutions/"):  # the teachers' solutions stay out of a student copy
            assert not (dest / rel).exists(), rel
            continue
        assert (dest / rel).read_bytes() == source.read_bytes(), rel
    assert (dest / "data" / f"{SEED}.txt").read_bytes() == (ROOT / "data" / f"{SEED}.txt").read_bytes()
    for f in packaged:  # the story packs too (packs/russia_turkey/...)
        rel = f.relative_to(RESOURCE_DIR)
        assert (dest / "resources" / rel).read_bytes() == f.read_bytes(), rel
    assert "resources/" in (dest / MARKER).read_text(encoding="utf-8")
    # Inside the copy, the copy is the lessons folder and the project folder.
    monkeypatch.chdir(dest)
    assert student_copy() == dest.resolve() and lessons_dir() == dest.resolve() and project_dir() == dest.resolve()
    from newslab.render import available_notebooks, notebooks_dir

    assert notebooks_dir() == dest.resolve() and len(available_notebooks()) == 8


def test_copy_never_overwrites_and_writes_nothing_when_it_would(tmp_path, capsys):
    dest = tmp_path / "lessons"
    dest.mkdir()
    (dest / "02_sentiment.ipynb").write_text("my edited lesson", encoding="utf-8")
    (dest / "notes.md").write_text("mine", encoding="utf-8")
    assert main(["notebooks", "copy", str(dest)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "02_sentiment.ipynb already exists" in err and "new or empty folder" in err
    assert sorted(p.name for p in dest.iterdir()) == ["02_sentiment.ipynb", "notes.md"]
    assert (dest / "02_sentiment.ipynb").read_text(encoding="utf-8") == "my edited lesson"
    # A folder holding only other files is fine: they stay.
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.md").write_text("mine", encoding="utf-8")
    written = copy_lessons(other)
    assert (other / "notes.md").read_text(encoding="utf-8") == "mine" and other / "notes.md" not in written
    # A second copy into the same folder is refused (every file would be overwritten).
    assert main(["notebooks", "copy", str(other)]) == 2
    assert "and " in capsys.readouterr().err  # "... and N more files already exist"


def test_a_docx_renamed_txt_says_save_it_as_plain_text(tmp_path, capsys):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # the shape of a .docx: a zip with word/document.xml
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>India and China agreed to talks.</w:document>")
    path = tmp_path / "india_china.txt"
    path.write_bytes(buf.getvalue())
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "india_china.txt" in err and "save it as plain text" in err


def _analyze_folder(tmp_path: Path, *extra: str) -> str:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("EU and UK talk\n\nThe EU and the UK agreed on fishing rights.\n", encoding="utf-8")
    (folder / "b.txt").write_text("US and Iran\n\nThe US warned Iran on Monday.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NEWSLAB_PROGRESS"}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-m", "newslab", "analyze", str(folder), *extra], capture_output=True,
                          env=env, stdin=subprocess.DEVNULL)  # bytes: text mode would turn \r into \n
    assert proc.returncode == 0, proc.stderr
    assert b"EU and UK talk" in proc.stdout
    return proc.stderr.decode("utf-8")


def test_no_progress_bar_in_a_redirected_log_unless_asked(tmp_path):
    assert "\r" not in _analyze_folder(tmp_path)  # stderr is a pipe, not a terminal
    forced = _analyze_folder(tmp_path, "--progress")
    assert "\r" in forced and "analyzing" in forced
