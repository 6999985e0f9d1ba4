"""Shared fixtures: paths to the corpus and the golden documents."""

from __future__ import annotations

import os
from pathlib import Path

# Tests draw off-screen, whatever machine they run on.
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session")
def corpus():
    """The kit's own corpus, loaded once for the session (tables are read-only)."""
    import idlibkit as ik

    return ik.load_corpus()
