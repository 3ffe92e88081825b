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
