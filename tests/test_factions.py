"""Unit tests for :mod:`idlibkit.factions` and the shipped ``data/factions.csv``."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

import idlibkit as ik
from idlibkit.factions import Faction, FactionTable, default_factions, name_key

FACTIONS_CSV = ROOT / "data" / "factions.csv"
KINDS = {
    "state", "armed forces", "armed forces branch", "intelligence agency", "militia",
    "coalition", "rebel group", "jihadist group", "foreign group", "unit", "other",
}


def _f(name: str, *aliases: str) -> Faction:
    return Faction(name, aliases, "rebel group", None, None, "test")


TABLE = FactionTable([
    _f("Ahrar ash-Sham", "Ahrar al-Sham"),
    _f("Al-Nusra Front", "Jabhat al-Nusra"),
    _f("Jund al-Aqsa"),
    _f("Sham Legion", "Faylaq al-Sham"),
    _f("Islamic Front"),
    _f("Liwaa al-Umma"),
    _f("People's committees"),
    _f("Army of Conquest", "Jaysh al-Fatah"),
])


# --- name_key -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ahrar ash-Sham", "ahrar ash sham"),
        ("AHRAR  ASH–SHAM", "ahrar ash sham"),
        ("Ahrar_ash.Sham/x", "ahrar ash sham x"),
        ("The Army of Conquest", "army of conquest"),
        ("the army of conquest", "army of conquest"),
        ("Thessaloniki", "thessaloniki"),
        ("Fu’ah", "fuah"),
        ("Fu'ah", "fuah"),
        ("al-Qaʻida", "al qaida"),
        ("Ḥay’at Taḥrīr al-Shām", "hayat tahrir al sham"),
        ("  Jund al-Aqsa  ", "jund al aqsa"),
        ("", ""),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


# --- look-ups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Ahrar ash-Sham", "Ahrar ash-Sham"),
        ("AHRAR AL-SHAM", "Ahrar ash-Sham"),        # case, alias
        ("Ahrar al Sham", "Ahrar ash-Sham"),        # missing hyphen
        ("Ahrar al–Sham", "Ahrar ash-Sham"),        # en dash for hyphen
        ("jabhat al‑nusra", "Al-Nusra Front"),      # non-breaking hyphen
        ("People’s Committees", "People's committees"),  # curly apostrophe
        ("Peoples committees", "People's committees"),   # no apostrophe
        ("Jund al-Aqṣa", "Jund al-Aqsa"),           # diacritic
        ("The Army of Conquest", "Army of Conquest"),
        ("Liwa al-Umma", "Liwaa al-Umma"),          # close spelling (fuzzy)
        ("Faylaq al-Sham", "Sham Legion"),
        ("Liwa Unknown", "Liwa Unknown"),           # not in the table: kept as written
    ],
)
def test_canonical(written: str, canonical: str) -> None:
    assert TABLE.canonical(written) == canonical


@pytest.mark.parametrize(
    ("known", "written"),
    [
        ("Jaysh al-Sham", "Jaysh al-Sunna"),
        ("Jaysh al-Sham", "Ajnad al-Sham"),
        ("Jaysh al-Sunna", "Jaysh al-Sham"),
        ("Islamic Front", "Islamic State"),
        ("Jund al-Aqsa", "Jund al-Sham"),
        ("Nusra", "Nusr"),  # too short for a fuzzy match
    ],
)
def test_no_fuzzy_match_between_different_groups(known: str, written: str) -> None:
    table = FactionTable([_f(known)])
    assert table.lookup(written) is None
    assert table.canonical(written) == written


def test_lookup_returns_the_row() -> None:
    row = TABLE.lookup("jaysh al fatah")
    assert row is not None
    assert row.name == "Army of Conquest"
    assert row.aliases == ("Jaysh al-Fatah",)


@pytest.mark.parametrize(
    ("name", "known"),
    [("Jabhat al-Nusra", True), ("JABHAT AL NUSRA", True), ("Liwa al-Umma", False), ("X", False)],
)
def test_is_known_is_exact_up_to_name_key(name: str, known: bool) -> None:
    assert TABLE.is_known(name) is known


def test_first_row_wins_a_shared_spelling() -> None:
    table = FactionTable([_f("A Group", "Shared"), _f("B Group", "Shared")])
    assert table.canonical("shared") == "A Group"


def test_empty_table() -> None:
    table = FactionTable([])
    assert table.lookup("Al-Nusra Front") is None
    assert table.split_run_together("Al-Nusra Front Jund al-Aqsa") == [
        "Al-Nusra Front Jund al-Aqsa"
    ]


# --- split_run_together -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Sham Legion Jund al-Aqsa", ["Sham Legion", "Jund al-Aqsa"]),
        ("Ahrar ash-Sham Jund al-Aqsa", ["Ahrar ash-Sham", "Jund al-Aqsa"]),
        ("Al-Nusra Front Turkistan Islamic Party Jund al-Aqsa",
         ["Al-Nusra Front", "Turkistan Islamic Party", "Jund al-Aqsa"]),
        ("Jund al-Aqsa Turkistan Islamic Party", ["Jund al-Aqsa", "Turkistan Islamic Party"]),
        # an unknown group that contains a known name stays whole
        ("Syrian Islamic Front", ["Syrian Islamic Front"]),
        ("Islamic Front of Idlib", ["Islamic Front of Idlib"]),
        # a single unknown word or a lower-case run is not a group
        ("Al-Nusra Front and Jund al-Aqsa", ["Al-Nusra Front and Jund al-Aqsa"]),
        ("Jund al-Aqsa fighters", ["Jund al-Aqsa fighters"]),
        # a known spelling, or too short, is never split
        ("Jabhat al-Nusra", ["Jabhat al-Nusra"]),
        ("Islamic Front", ["Islamic Front"]),
        ("Nothing known here", ["Nothing known here"]),
    ],
)
def test_split_run_together(text: str, pieces: list[str]) -> None:
    assert TABLE.split_run_together(text) == pieces


# --- from_csv -----------------------------------------------------------------------------


def test_from_csv(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text(
        "name,aliases,kind,parent,side,source\n"
        "Al-Nusra Front, Nusra ; Jabhat al-Nusra ;,jihadist group,Army of Conquest,opposition,x\n"
        "Army of Conquest,,coalition,,,y\n"
        ",ignored,other,,,z\n",
        encoding="utf-8",
    )
    table = FactionTable.from_csv(path)
    assert list(table.factions) == ["Al-Nusra Front", "Army of Conquest"]
    assert table.factions["Al-Nusra Front"] == Faction(
        "Al-Nusra Front", ("Nusra", "Jabhat al-Nusra"), "jihadist group", "Army of Conquest",
        "opposition", "x",
    )
    assert table.factions["Army of Conquest"] == Faction(
        "Army of Conquest", (), "coalition", None, None, "y"
    )
    assert table.canonical("jabhat al-nusra") == "Al-Nusra Front"


# --- the shipped table --------------------------------------------------------------------


def _shipped_rows() -> list[dict[str, str]]:
    with open(FACTIONS_CSV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_shipped_table_columns() -> None:
    with open(FACTIONS_CSV, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == ["name", "aliases", "kind", "parent", "side", "source"]


def test_shipped_table_names_are_unique() -> None:
    keys = Counter(name_key(r["name"]) for r in _shipped_rows())
    assert [k for k, n in keys.items() if n > 1] == []


def test_shipped_table_has_no_alias_shared_by_two_rows() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for r in _shipped_rows():
        spellings = {name_key(r["name"])}
        spellings |= {name_key(a) for a in r["aliases"].split(";") if a.strip()}
        for key in spellings:
            if key in owner and owner[key] != r["name"]:
                clashes.append((key, owner[key], r["name"]))
            owner[key] = r["name"]
    assert clashes == []


def test_shipped_table_parents_name_rows() -> None:
    rows = _shipped_rows()
    names = {r["name"] for r in rows}
    dangling = [(r["name"], r["parent"]) for r in rows if r["parent"] and r["parent"] not in names]
    assert dangling == []
    assert [r["name"] for r in rows if r["parent"] == r["name"]] == []


def test_shipped_table_kinds_sides_and_sources() -> None:
    rows = _shipped_rows()
    assert [(r["name"], r["kind"]) for r in rows if r["kind"] not in KINDS] == []
    assert [(r["name"], r["side"]) for r in rows
            if r["side"] not in {"", "government", "opposition"}] == []
    assert [r["name"] for r in rows if not r["source"].strip()] == []


def test_default_factions_is_the_shipped_table_read_once() -> None:
    table = default_factions()
    assert table is default_factions()
    assert set(table.factions) == {r["name"] for r in _shipped_rows()}
    assert table.canonical("Jabhat al-Nusra") == "Al-Nusra Front"
    assert table.canonical("Jaysh al-Sunna") == "Jaysh al-Sunna"
    assert table.canonical("Ajnad al-Sham") == "Ajnad al-Sham"


def test_new_document_naming_jabhat_al_nusra(tmp_path: Path) -> None:
    (tmp_path / "raid.txt").write_text(
        "Conflict: | Raid on Ariha |\n"
        "Date: | 1 May 2015 |\n"
        "Combatant1: | Jabhat al-Nusra[1] |\n"
        "Rebels attacked the town.\n",
        encoding="utf-8",
    )
    corpus = ik.load_corpus(tmp_path, strict=True)
    bel = corpus.belligerents
    assert bel[["name", "raw_name"]].values.tolist() == [["Al-Nusra Front", "Jabhat al-Nusra"]]
