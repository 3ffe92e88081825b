"""pyproject.toml and environment.yml list the same dependencies; README commands exist."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_deps = {_name(d) for d in project["dependencies"]} | {_name(d) for d in project["optional-dependencies"]["test"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda_deps = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert conda_deps == pip_deps


def test_readme_names_the_two_commands_and_ci_calls_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert "make report" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_no_runtime_downloads_in_package():
    offenders = []
    for py in (ROOT / "newslab").rglob("*.py"):
        text = py.read_text()
        if re.search(r"urlopen\(|requests\.get\(|download_corpora", text):
            offenders.append(py.name)
        if "nltk.download(" in text and py.name != "nltkdata.py":  # only the explicit install command
            offenders.append(py.name)
    assert offenders == []


# -- licences and what the wheel ships --------------------------------------------------------
def test_licence_files_and_attribution():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "newslab developers" in (ROOT / "LICENSE").read_text()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["project"]["license"] == "MIT"
    assert set(pyproject["project"]["license-files"]) == {"LICENSE", "NOTICE"}
    # A string licence (PEP 639) needs setuptools 77 or later to build.
    assert any(re.fullmatch(r"setuptools>=(\d+)", r) and int(r.split(">=")[1]) >= 77
               for r in pyproject["build-system"]["requires"])
    notice = (ROOT / "NOTICE").read_text()
    assert "countries.yml" in notice and "pycountry" in notice and "iso-codes" in notice
    header = (ROOT / "newslab" / "resources" / "countries.yml").read_text().split("countries:")[0]
    assert "pycountry" in header and "NOTICE" in header
    assert (ROOT / "newslab" / "py.typed").exists()


def test_trafilatura_pinned_to_its_permissive_releases():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "trafilatura>=1.8" in project["dependencies"] and "trafilatura>=1.8" in env["dependencies"]


def _build_wheel(dest: Path) -> Path:
    """Build newslab's wheel from a copy of the source tree (so no build/ folder is left in it)."""
    import shutil
    import subprocess
    import sys
    from importlib import metadata

    src = dest / "src"
    skip = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "reports", ".newslab_cache",
                                  ".pytest_cache", "__pycache__", ".ipynb_checkpoints")
    shutil.copytree(ROOT, src, ignore=skip)
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dest / "wheels"), str(src)]
    try:  # offline with the test extra's setuptools; otherwise pip fetches the build backend
        if int(metadata.version("setuptools").split(".")[0]) >= 77:
            cmd.insert(4, "--no-build-isolation")
    except metadata.PackageNotFoundError:
        pass
    subprocess.run(cmd, check=True, capture_output=True)
    return next((dest / "wheels").glob("newslab-*.whl"))


def test_pip_install_then_render_from_an_empty_folder(tmp_path):
    """The classroom path: `pip install`, then `newslab render --out r` in an empty folder renders
    every lesson from the notebooks and the seed shipped in the package."""
    import json
    import os
    import subprocess
    import sys
    import zipfile

    from newslab.classroom import lesson_files

    wheel = _build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"newslab/lessons/{rel}" for _, rel in lesson_files()}
    assert expected <= names, expected - names
    assert {"newslab/py.typed", "newslab/resources/frames_generic.yml"} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    # Only the installed copy is importable: not this clone (the kernels inherit the same path).
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import newslab; print(newslab.__file__)"], cwd=empty, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(site)
    proc = subprocess.run([sys.executable, "-m", "newslab", "render", "--out", "r"], cwd=empty, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    manifest = json.loads((empty / "r" / "manifest.json").read_text(encoding="utf-8"))
    lessons = site / "newslab" / "lessons"
    assert [n["name"] for n in manifest["notebooks"]] == [p.stem for p in sorted(lessons.glob("[0-9][0-9]_*.ipynb"))]
    assert len(manifest["notebooks"]) >= 7 and all(n["status"] == "ok" for n in manifest["notebooks"])
    assert all(Path(n["source"]).parent == lessons for n in manifest["notebooks"])
    inputs = {Path(i["path"]) for i in manifest["inputs"]}
    assert lessons / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt" in inputs
    assert lessons / "coding" / "afp_2017-11-13_generic_coder1.csv" in inputs
    for n in manifest["notebooks"]:
        assert (empty / "r" / n["html"]).stat().st_size > 10_000
    first = json.loads((empty / "r" / "figures" / "01_first_look" / "results.json").read_text(encoding="utf-8"))
    assert (first["n_paragraphs"], first["n_sentences"]) == (23, 25)
    # Nothing was written into the installed package, and the empty folder holds only the report.
    assert {p.relative_to(site).as_posix() for p in lessons.rglob("*") if p.is_file()} == \
        {n for n in names if n.startswith("newslab/lessons/")}
    assert [p.name for p in empty.iterdir()] == ["r"]
    # The installed package makes a student copy too.
    copy = subprocess.run([sys.executable, "-m", "newslab", "notebooks", "copy", "mine"], cwd=empty, env=env,
                          capture_output=True, text=True)
    assert copy.returncode == 0, copy.stderr
    assert (empty / "mine" / "06_frames.ipynb").read_bytes() == (lessons / "06_frames.ipynb").read_bytes()
    assert (empty / "mine" / "data" / "afp_2017-11-13_sochi_putin_erdogan.meta.yml").is_file()
