"""Shared fixtures: paths to the corpus and the golden documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="session")
def corpus():
    """The kit's own corpus, loaded once for the session (tables are read-only)."""
    import idlibkit as ik

    return ik.load_corpus()
