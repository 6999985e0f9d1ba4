"""read_all: the process pool gives what the serial loop gives, in the same order."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from conftest import ROOT

from idlibkit.corpus import SUFFIXES, Corpus
from idlibkit.errors import ParseError
from idlibkit.model import Article
from idlibkit.parallel import PROGRESS_THRESHOLD, read_all
from idlibkit.readers import read_document


def _documents() -> list:
    docs = sorted((ROOT / "data" / "corpus").glob("*.txt"))
    docs += sorted(p for p in (ROOT / "tests" / "golden" / "new").iterdir()
                   if p.suffix in SUFFIXES)
    return docs


@pytest.fixture(scope="module")
def paths(tmp_path_factory) -> list:
    """Seeds and golden documents with unreadable ones in between."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (bad / "latin1.txt").write_bytes(b"Title\n\nSome prose \xe9 here.\n")
    docs = _documents()
    return [bad / "empty.txt", *docs[:3], bad / "image.txt", *docs[3:],
            bad / "latin1.txt", bad / "missing.txt"]


@pytest.fixture(scope="module")
def serial(paths) -> list:
    return read_all(paths, workers=1, progress=False)


@pytest.fixture(scope="module")
def pooled(paths) -> list:
    return read_all(paths, workers=2, progress=False)


def _corpus(results: list) -> Corpus:
    return Corpus([r for r in results if isinstance(r, Article)],
                  [r.problem for r in results if isinstance(r, ParseError)])


def test_pool_gives_the_same_results_in_input_order(paths, serial, pooled) -> None:
    assert len(pooled) == len(serial) == len(paths)
    for path, a, b in zip(paths, serial, pooled, strict=True):
        assert type(a) is type(b)
        if isinstance(a, Article):
            assert a == b
            assert b.source_file == path.name
        else:
            assert b.problem == a.problem
            assert b.path == str(path)


def test_parse_errors_are_kept_with_their_line_and_message(paths, pooled) -> None:
    errors = [r for r in pooled if isinstance(r, ParseError)]
    assert [e.path for e in errors] == [str(p) for p in paths if p.parent.name.startswith("bad")]
    for err in errors:
        with pytest.raises(ParseError) as direct:
            read_document(err.path)
        assert err.problem == direct.value.problem
        assert str(err) == str(direct.value)
    assert errors[-1].message.startswith("cannot read the file")


def test_tables_are_identical_serial_and_pooled(serial, pooled) -> None:
    a, b = _corpus(serial), _corpus(pooled)
    assert a.problems == b.problems
    names = list(Corpus.TABLES) + (["places"] if hasattr(Corpus, "places")
                                   and "places" not in Corpus.TABLES else [])
    for name in names:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)
    assert len(a.events) > 200  # the comparison covered a real timeline


def test_workers_none_and_more_workers_than_documents() -> None:
    docs = _documents()[:2]
    assert read_all(docs, workers=None, progress=False) == read_all(docs, workers=8,
                                                                    progress=False)
    assert read_all([], workers=2) == []
    with pytest.raises(ValueError, match="at least 1"):
        read_all(docs, workers=0)


def test_progress_bar_when_asked_or_many_documents(capsys) -> None:
    pytest.importorskip("tqdm")
    docs = _documents()[:2]
    read_all(docs, progress=True)
    assert "reading documents" in capsys.readouterr().err
    read_all(docs)  # progress=None: a bar only above the threshold
    assert "reading documents" not in capsys.readouterr().err
    assert PROGRESS_THRESHOLD == 300


def test_no_tqdm_no_bar(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # import fails as if not installed
    results = read_all(_documents()[:2], progress=True)
    assert all(isinstance(r, Article) for r in results)
    assert "reading documents" not in capsys.readouterr().err
