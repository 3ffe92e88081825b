"""JupyterLab: a real Jupyter server lists the notebooks and a python3 session imports newslab."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newslab.lab import JupyterServer, free_port, lab_command

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def server():
    with JupyterServer(root_dir=ROOT) as srv:
        yield srv


def test_server_is_on_loopback_with_token(server):
    assert server.url.startswith("http://127.0.0.1:")
    status = server.get("/api/status")
    assert "started" in status
    # Without the token the API refuses (the token is what protects the kernel).
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(server.url + "/api/contents/notebooks", timeout=10)
    assert err.value.code in (401, 403)


def test_notebooks_are_listed(server):
    listing = server.get("/api/contents/notebooks")
    names = {f["name"] for f in listing["content"] if f["type"] == "notebook"}
    expected = {p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert expected and expected <= names
    assert "01_first_look.ipynb" in names


def test_python3_session_imports_newslab(server):
    session = server.start_session("notebooks/01_first_look.ipynb", kernel_name="python3")
    assert session["kernel"]["name"] == "python3"
    kernel_id = session["kernel"]["id"]
    result = server.execute(kernel_id, "import newslab, sys\nprint(newslab.__version__)\nprint(sys.executable)")
    assert result["status"] == "ok", result
    version, executable = result["stdout"].split()
    import newslab

    assert version == newslab.__version__
    # The kernel runs this project's interpreter (the .venv), not some other Python.
    assert Path(executable).resolve() == Path(sys.executable).resolve()
    # Errors come back as errors, not as silence.
    bad = server.execute(kernel_id, "import newslab_does_not_exist")
    assert bad["status"] == "error" and "ModuleNotFoundError" in bad["error"]
    server.request("DELETE", f"/api/sessions/{session['id']}")
    assert all(s["id"] != session["id"] for s in server.get("/api/sessions"))


def test_server_stops(tmp_path):
    srv = JupyterServer(root_dir=tmp_path).start()
    proc = srv.proc
    srv.stop()
    assert proc.poll() is not None


def test_lab_is_rooted_where_lessons_data_dictionaries_and_reports_are():
    cmd = lab_command()
    assert cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ROOT}" in cmd  # the clone's root, not notebooks/
    assert "--LabApp.default_url=/lab/tree/notebooks" in cmd  # but the browser opens on the lessons
    for folder in ("notebooks", "data", "newslab/resources"):
        assert (ROOT / folder).is_dir()
    assert 1024 < free_port() < 65536


def test_a_student_copy_is_its_own_root(tmp_path, monkeypatch):
    from newslab.classroom import copy_lessons

    copy_lessons(tmp_path / "mine")
    monkeypatch.chdir(tmp_path / "mine")
    cmd = lab_command()
    assert f"--ServerApp.root_dir={(tmp_path / 'mine').resolve()}" in cmd
    assert not any(a.startswith("--LabApp.default_url") for a in cmd)


def test_lab_options_pass_through(monkeypatch, tmp_path):
    import newslab.lab as lab

    seen = {}
    monkeypatch.setattr(lab.os, "execv", lambda exe, argv: seen.setdefault("argv", argv))
    monkeypatch.setattr(lab.subprocess, "call", lambda argv: seen.setdefault("argv", argv) and 0)
    assert lab.main(["--root", str(tmp_path), "--port", "8890", "--ip", "0.0.0.0", "--no-browser"]) in (0, None)
    argv = seen["argv"]
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in argv
    assert argv[-5:] == ["--port", "8890", "--ip", "0.0.0.0", "--no-browser"]
    assert "--root" not in argv
    seen.clear()
    assert lab.main([f"--root={tmp_path}", "--no-browser"]) in (0, None)
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in seen["argv"] and seen["argv"][-1] == "--no-browser"


def test_lab_root_that_is_not_a_folder_exits_2(tmp_path, capsys):
    from newslab.lab import main

    assert main(["--root", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope: not a folder" in err and "newslab notebooks copy" in err


def test_make_lab_passes_lab_args():
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.fail("make is needed: the README's commands are make targets")
    out = subprocess.run(["make", "-n", "lab", 'LAB_ARGS=--port 8890 --ip 0.0.0.0 --no-browser'], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "-m newslab.lab --port 8890 --ip 0.0.0.0 --no-browser" in out


def test_make_lab_refuses_a_kernel_that_cannot_import_newslab(tmp_path, monkeypatch, capsys):
    import json

    from newslab.lab import main

    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({"argv": [str(tmp_path / "missing-python"), "-m", "ipykernel_launcher",
                                                           "-f", "{connection_file}"], "display_name": "x",
                                                  "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    assert main([]) == 2  # returns before starting JupyterLab
    assert "ipykernel install --sys-prefix" in capsys.readouterr().err
