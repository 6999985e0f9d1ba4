"""Golden files: every document's tables against a hand-written expectation.

See ``tests/golden/README.md`` for the schema and conventions. A document without an
expectation fails, so a new document cannot slip in untested.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS, GOLDEN

import idlibkit as ik

DOC_SUFFIXES = {".txt", ".md", ".wiki"}


def _documents() -> list[tuple[Path, Path]]:
    seeds = [(p, GOLDEN / "seeds" / f"{p.name}.result.json") for p in sorted(CORPUS.iterdir())]
    new = [
        (p, p.with_name(p.stem + ".result.json"))
        for p in sorted((GOLDEN / "new").iterdir())
        if p.suffix in DOC_SUFFIXES
    ]
    return seeds + new


def _plain(value: object) -> object:
    """A table cell as the JSON expectation writes it."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or value is pd.NaT or (not isinstance(value, list) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _rows(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    return [{c: _plain(v) for c, v in zip(columns, row, strict=True)}
            for row in df[columns].itertuples(index=False)]


@pytest.mark.parametrize(
    ("document", "expectation"), _documents(), ids=lambda p: p.name if p.suffix != ".json" else ""
)
def test_document_matches_expectation(document: Path, expectation: Path) -> None:
    """Parsed offensives row, belligerents, commanders, casualties, sections = expectation."""
    assert expectation.exists(), f"no expectation for {document.name}: write {expectation}"
    expected = json.loads(expectation.read_text(encoding="utf-8"))
    corpus = ik.load_corpus([document], strict=True)

    if "offensive" in expected:
        keys = list(expected["offensive"])
        (row,) = _rows(corpus.offensives, keys)
        assert row == expected["offensive"]
    for table in ("belligerents", "commanders", "casualties"):
        if table in expected:
            df = getattr(corpus, table)
            columns = [c for c in df.columns if c != "offensive_id"]
            assert _rows(df, columns) == expected[table], table
    if "sections" in expected:
        sec = corpus.sections
        got = [[name, int(n)] for name, n in sec.groupby("section", sort=False).size().items()]
        assert got == expected["sections"]


def test_every_new_format_is_covered() -> None:
    """The generalisation set has at least one unseen document per corpus format."""
    formats = set()
    for document, _ in _documents():
        if document.parent.name == "new":
            formats.add(ik.read_document(document).doc_format)
    assert {"wiki-text", "markdown-frontmatter", "pipe-infobox", "news"} <= formats
