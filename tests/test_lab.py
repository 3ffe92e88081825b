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


def test_lab_command_opens_notebooks_folder():
    cmd = lab_command()
    assert cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ROOT / 'notebooks'}" in cmd
    assert 1024 < free_port() < 65536


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
