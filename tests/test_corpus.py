"""Unit tests for :mod:`idlibkit.corpus`: which files load, in which order, and caching."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS, GOLDEN

import idlibkit as ik
from idlibkit.corpus import SUFFIXES, Corpus, ParseWarning
from idlibkit.tables import COLUMNS


def _doc(title: str) -> str:
    return (
        f"Conflict: | {title} |\n"
        "Date: | 1 May 2015 |\n"
        "Combatant1: | Al-Nusra Front |\n"
        "Rebels attacked the town.\n"
    )


def _write(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(_doc(title), encoding="utf-8")
    return path


def _names(corpus: Corpus) -> list[str]:
    return [a.source_file for a in corpus.articles]


# --- sources ------------------------------------------------------------------------------


def test_folder_picks_up_document_suffixes_only(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", "Raid B")
    _write(tmp_path, "a.md", "Raid A")  # a pipe document in a .md file is still read
    _write(tmp_path, "c.wiki", "Raid C")
    _write(tmp_path, "d.TXT", "Raid D")  # suffixes match in any case
    _write(tmp_path, "notes.json", "not a document")
    _write(tmp_path, "README", "not a document")
    _write(tmp_path / "sub", "e.txt", "in a subfolder")
    corpus = ik.load_corpus(tmp_path)
    assert _names(corpus) == ["a.md", "b.txt", "c.wiki", "d.TXT"]
    assert corpus.problems == []
    assert set(SUFFIXES) == {".txt", ".md", ".wiki"}


def test_folder_as_string(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Raid A")
    assert _names(ik.load_corpus(str(tmp_path))) == ["a.txt"]


def test_single_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "b.txt", "Raid B")
    _write(tmp_path, "a.txt", "Raid A")
    corpus = ik.load_corpus(path)
    assert _names(corpus) == ["b.txt"]
    assert corpus.articles[0].title == "Raid B"


def test_list_of_folders_is_in_file_name_order(tmp_path: Path) -> None:
    _write(tmp_path / "one", "b.txt", "Raid B")
    _write(tmp_path / "one", "d.txt", "Raid D")
    _write(tmp_path / "two", "a.txt", "Raid A")
    _write(tmp_path / "two", "c.txt", "Raid C")
    corpus = ik.load_corpus([tmp_path / "one", tmp_path / "two"])
    assert _names(corpus) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert corpus.offensives["offensive_id"].tolist() == ["raid-a", "raid-b", "raid-c", "raid-d"]


def test_same_file_name_in_two_folders(tmp_path: Path) -> None:
    _write(tmp_path / "one", "a.txt", "Raid")
    _write(tmp_path / "two", "a.txt", "Raid")
    corpus = ik.load_corpus([tmp_path / "two", tmp_path / "one"])
    assert [Path(a.path).parent.name for a in corpus.articles] == ["one", "two"]
    assert corpus.offensives["offensive_id"].tolist() == ["raid", "raid-2"]


def test_a_file_listed_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Raid A")
    assert _names(ik.load_corpus([tmp_path, path, tmp_path])) == ["a.txt"]


def test_mixed_list_of_file_and_folder(tmp_path: Path) -> None:
    _write(tmp_path / "folder", "b.txt", "Raid B")
    path = _write(tmp_path / "elsewhere", "a.txt", "Raid A")
    assert _names(ik.load_corpus([tmp_path / "folder", str(path)])) == ["a.txt", "b.txt"]


@pytest.mark.parametrize("as_list", [False, True])
def test_missing_path(tmp_path: Path, as_list: bool) -> None:
    _write(tmp_path, "a.txt", "Raid A")
    missing = tmp_path / "nope"
    with pytest.raises(FileNotFoundError, match="nope"):
        ik.load_corpus([tmp_path, missing] if as_list else missing)


def test_empty_folder(tmp_path: Path) -> None:
    corpus = ik.load_corpus(tmp_path)
    assert len(corpus) == 0
    assert corpus.problems == []
    for name in Corpus.TABLES:
        df = getattr(corpus, name)
        assert list(df.columns) == COLUMNS[name]
        assert len(df) == 0


def test_default_corpus_from_any_working_directory(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = ik.load_corpus()
    assert _names(corpus) == sorted(p.name for p in CORPUS.iterdir() if p.suffix in SUFFIXES)
    assert corpus.problems == []


# --- problems -----------------------------------------------------------------------------


def test_bad_document_is_reported_not_fatal(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Raid A")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    with pytest.warns(ParseWarning, match=r"b\.txt"):
        corpus = ik.load_corpus(tmp_path)
    assert _names(corpus) == ["a.txt"]
    [(path, line, message)] = corpus.problems
    assert Path(path).name == "b.txt"
    assert line == 1
    assert message


def test_strict_raises_parse_error(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Raid A")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    with pytest.raises(ik.ParseError, match=r"b\.txt") as info:
        ik.load_corpus(tmp_path, strict=True)
    assert isinstance(info.value, ValueError)


# --- tables -------------------------------------------------------------------------------


def test_news_document_has_nat_dates() -> None:
    corpus = ik.load_corpus(GOLDEN / "new" / "news_ariha.txt")
    row = corpus.offensives.iloc[0]
    assert row["doc_format"] == "news"
    assert row["start_date"] is pd.NaT
    assert row["end_date"] is pd.NaT
    assert row["published"] == pd.Timestamp("2015-05-29")
    assert len(corpus.belligerents) == 0
    assert len(corpus.commanders) == 0
    assert len(corpus.casualties) == 0


@pytest.mark.parametrize("name", [*Corpus.TABLES, "offensive_ids"])
def test_tables_are_cached(corpus: Corpus, name: str) -> None:
    assert getattr(corpus, name) is getattr(corpus, name)


def test_seed_corpus_tables(corpus: Corpus) -> None:
    assert repr(corpus) == "<Corpus: 5 documents, 0 problems>"
    off = corpus.offensives
    assert list(off.columns) == COLUMNS["offensives"]
    assert off["offensive_id"].is_unique
    assert off["source_file"].tolist() == sorted(off["source_file"])
    assert str(off["start_date"].dtype) == "datetime64[ns]"
    assert str(corpus.casualties["low"].dtype) == "Int64"
    assert str(corpus.commanders["kia"].dtype) == "bool"
    for name in ("belligerents", "commanders", "casualties", "sections"):
        assert set(getattr(corpus, name)["offensive_id"]) <= set(off["offensive_id"])


def test_custom_faction_table(tmp_path: Path) -> None:
    from idlibkit.factions import Faction, FactionTable

    _write(tmp_path, "a.txt", "Raid A")
    table = FactionTable([Faction("Nusra Renamed", ("Al-Nusra Front",), "other", None, None, "t")])
    corpus = ik.load_corpus(tmp_path, factions=table)
    assert corpus.faction_table is table
    assert corpus.belligerents["name"].tolist() == ["Nusra Renamed"]
