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
GOLD_EVENTS = ROOT / "tests" / "gold"


def gold_event_files(*, new: bool = False) -> list[Path]:
    """The hand-annotated timeline gold files: the seeds', then (``new``) the new documents'."""
    files = sorted(GOLD_EVENTS.glob("*.events.json"))
    return files + sorted(GOLD_EVENTS.glob("new/*.events.json")) if new else files


@pytest.fixture(scope="session")
def corpus():
    """The kit's own corpus, loaded once for the session (tables are read-only)."""
    import idlibkit as ik

    return ik.load_corpus()
