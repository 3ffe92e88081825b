"""Shared fixtures: the seed article and small hand-written texts."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "afp_2017-11-13_sochi_putin_erdogan.txt"
SHARED = ROOT.parent / "shared"

# Progress bars off in tests so output stays readable.
os.environ.setdefault("NEWSLAB_PROGRESS", "0")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture()
def seed():
    """A fresh seed Article (fresh so per-article caches never leak between tests)."""
    from newslab.io import load_article

    return load_article(SEED)
