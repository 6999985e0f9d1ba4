"""Unit tests for :mod:`idlibkit.tables` on hand-built articles."""

from __future__ import annotations

import pandas as pd
import pytest

from idlibkit.factions import Faction, FactionTable
from idlibkit.model import Article, Field, Paragraph, Section
from idlibkit.tables import (
    COLUMNS,
    assign_offensive_ids,
    belligerents_table,
    casualties_table,
    commanders_table,
    offensives_table,
    sections_table,
    units_table,
)

TABLE = FactionTable([
    Faction("Al-Nusra Front", ("Jabhat al-Nusra",), "jihadist group", None, None, "test"),
    Faction("Army of Conquest", (), "coalition", None, None, "test"),
    Faction("Syrian Army", ("Syrian Arab Army",), "armed forces branch", None, None, "test"),
])


def _field(key: str, value: str, *items: str) -> Field:
    return Field(key, value, items or (value,), 1)


def _article(title: str, source_file: str = "a.txt", doc_format: str = "pipe-infobox",
             fields: tuple[Field, ...] = (), sections: tuple[Section, ...] = (),
             metadata: dict | None = None) -> Article:
    return Article(source_file, source_file, doc_format, title, metadata=metadata or {},
                   infobox={f.key: f for f in fields}, sections=sections)


def _section(path: tuple[str, ...], *texts: str) -> Section:
    return Section(path, tuple(Paragraph(t, i + 1) for i, t in enumerate(texts)))


def _plain(value: object) -> object:
    """A cell as a plain Python value (None for every kind of missing)."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _records(df: pd.DataFrame) -> list[tuple]:
    return [tuple(_plain(v) for v in row) for row in df.itertuples(index=False)]


OFFENSIVE = _article(
    "2015 Idlib offensive",
    "000.txt",
    "wiki-text",
    fields=(
        _field("partof", "the Syrian Civil War"),
        _field("date", "24 March – 5 April 2015"),
        _field("place", "Idlib Governorate, Syria"),
        _field("result", "Rebel victory"),
        _field("strength1", "3,000 fighters"),
        _field("casualties1", "35–70 killed"),
        _field("casualties2", "At least 20 killed (SOHR), 12 captured"),
        _field("casualties3", "15 civilians killed"),
        _field("combatant1", "", "Army of Conquest", "* Jabhat al-Nusra", "(alleged)"),
        _field("combatant2", "", "Syrian Arab Army"),
        _field("units1", "", "Omar Brigade"),
        _field("commander1", "", "Abu Jamil KIA", "(deputy leader)", "Abu Issa"),
        _field("commander2", "", "Brig. Gen. Emad Ibrahim"),
    ),
    sections=(
        _section((), "Lead one.", "Lead two."),
        _section(("Background",), "Before."),
        _section(("The offensive", "Idlib"), "Day one.", "Day two."),
        _section(("Background",), "More background."),
    ),
)
NEWS = _article(
    "Rebels seize Ariha", "news.txt", "news",
    sections=(_section(("Body",), "Rebels took Ariha."),),
    metadata={"published": "2015-05-29"},
)
IDS = ["2015-idlib-offensive", "rebels-seize-ariha"]


# --- assign_offensive_ids -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("titles", "ids"),
    [
        (["Raid on X"], ["raid-on-x"]),
        (["Raid on X", "Raid on X"], ["raid-on-x", "raid-on-x-2"]),
        (["Raid", "Raid", "Raid"], ["raid", "raid-2", "raid-3"]),
        (["Raid", "RAID!"], ["raid", "raid-2"]),
        # a title that already ends in -2
        (["Raid 2", "Raid", "Raid"], ["raid-2", "raid", "raid-3"]),
        (["Raid", "Raid-2", "Raid"], ["raid", "raid-2", "raid-3"]),
        (["Raid", "Raid", "Raid 2"], ["raid", "raid-2", "raid-2-2"]),
        # nothing to slug
        (["", "!!"], ["offensive", "offensive-2"]),
        (["Ma'arrat al-Nu'man raid"], ["ma-arrat-al-nu-man-raid"]),
        ([], []),
    ],
)
def test_assign_offensive_ids(titles: list[str], ids: list[str]) -> None:
    got = assign_offensive_ids([_article(t, f"{i}.txt") for i, t in enumerate(titles)])
    assert got == ids
    assert len(set(got)) == len(got)


# --- columns and dtypes -------------------------------------------------------------------


TABLES = {
    "offensives": lambda arts, ids: offensives_table(arts, ids),
    "belligerents": lambda arts, ids: belligerents_table(arts, ids, TABLE),
    "units": lambda arts, ids: units_table(arts, ids, TABLE),
    "commanders": lambda arts, ids: commanders_table(arts, ids),
    "casualties": lambda arts, ids: casualties_table(arts, ids),
    "sections": lambda arts, ids: sections_table(arts, ids),
}
DTYPES = {
    "offensives": {"start_date": "datetime64[ns]", "end_date": "datetime64[ns]",
                   "published": "datetime64[ns]"},
    "belligerents": {"side": "int64", "level": "int64"},
    "units": {"side": "int64", "level": "int64"},
    "commanders": {"side": "int64", "kia": "bool"},
    "casualties": {"side": "int64", "low": "Int64", "high": "Int64"},
    "sections": {"paragraph": "int64", "line": "int64"},
}


@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("empty", [False, True], ids=["full", "empty"])
def test_columns_and_dtypes(name: str, empty: bool) -> None:
    arts, ids = ([], []) if empty else ([OFFENSIVE, NEWS], IDS)
    df = TABLES[name](arts, ids)
    assert list(df.columns) == COLUMNS[name]
    assert {c: str(df[c].dtype) for c in DTYPES[name]} == DTYPES[name]
    assert isinstance(df.index, pd.RangeIndex)
    if empty:
        assert len(df) == 0


def test_contract_columns_come_first() -> None:
    assert COLUMNS["offensives"][:16] == [
        "offensive_id", "title", "doc_format", "source_file", "part_of", "start_date",
        "end_date", "place", "result", "strength_1", "strength_2", "casualties_1",
        "casualties_2", "casualties_3", "published", "related_offensive",
    ]
    assert COLUMNS["offensives"][16:] == ["published_inferred"]
    assert COLUMNS["belligerents"] == [
        "offensive_id", "side", "name", "raw_name", "parent", "level", "role", "qualifier",
    ]
    assert COLUMNS["commanders"] == ["offensive_id", "side", "name", "role", "kia"]
    assert COLUMNS["sections"][:4] == ["offensive_id", "section", "paragraph", "text"]


def test_mismatched_ids_raise() -> None:
    with pytest.raises(ValueError, match=r"shorter|longer"):
        offensives_table([OFFENSIVE, NEWS], IDS[:1])


# --- contents -----------------------------------------------------------------------------


def test_offensives_table() -> None:
    df = offensives_table([OFFENSIVE, NEWS], IDS)
    assert _records(df) == [
        ("2015-idlib-offensive", "2015 Idlib offensive", "wiki-text", "000.txt",
         "the Syrian Civil War", "2015-03-24", "2015-04-05", "Idlib Governorate, Syria",
         "Rebel victory", "3,000 fighters", None, "35–70 killed",
         "At least 20 killed (SOHR), 12 captured", "15 civilians killed", None, None, False),
        ("rebels-seize-ariha", "Rebels seize Ariha", "news", "news.txt", None, None, None,
         None, None, None, None, None, None, None, "2015-05-29", None, False),
    ]
    assert df.loc[1, "start_date"] is pd.NaT
    assert df.loc[1, "end_date"] is pd.NaT


def test_offensives_place_falls_back_to_location_and_published_is_news_only() -> None:
    art = _article("Raid", fields=(_field("location", "Ariha"), _field("date", "2014")),
                   metadata={"published": "2015-05-29"})
    df = offensives_table([art], ["raid"])
    assert _records(df[["place", "start_date", "end_date", "published"]]) == [
        ("Ariha", "2014-01-01", "2014-12-31", None)
    ]


def test_offensives_open_end_is_nat() -> None:
    art = _article("Raid", fields=(_field("date", "28 April 2015 – present"),))
    df = offensives_table([art], ["raid"])
    assert df.loc[0, "start_date"] == pd.Timestamp("2015-04-28")
    assert df.loc[0, "end_date"] is pd.NaT


def test_belligerents_table() -> None:
    df = belligerents_table([OFFENSIVE, NEWS], IDS, TABLE)
    assert _records(df) == [
        ("2015-idlib-offensive", 1, "Army of Conquest", "Army of Conquest", None, 0,
         "combatant", None),
        ("2015-idlib-offensive", 1, "Al-Nusra Front", "Jabhat al-Nusra", "Army of Conquest", 1,
         "combatant", "alleged"),
        ("2015-idlib-offensive", 2, "Syrian Army", "Syrian Arab Army", None, 0, "combatant",
         None),
    ]


def test_units_table() -> None:
    df = units_table([OFFENSIVE, NEWS], IDS, TABLE)
    assert _records(df) == [
        ("2015-idlib-offensive", 1, "Omar Brigade", "Omar Brigade", None, 0, "combatant", None),
    ]


def test_commanders_table() -> None:
    df = commanders_table([OFFENSIVE, NEWS], IDS)
    assert _records(df) == [
        ("2015-idlib-offensive", 1, "Abu Jamil", "deputy leader", True),
        ("2015-idlib-offensive", 1, "Abu Issa", None, False),
        ("2015-idlib-offensive", 2, "Brig. Gen. Emad Ibrahim", None, False),
    ]
    assert df["kia"].tolist() == [True, False, False]


def test_casualties_table() -> None:
    df = casualties_table([OFFENSIVE, NEWS], IDS)
    oid = "2015-idlib-offensive"
    c2 = "At least 20 killed (SOHR), 12 captured"
    assert _records(df) == [
        (oid, 1, "killed", 35, 70, None, "35–70 killed"),
        (oid, 2, "killed", 20, None, "SOHR", c2),
        (oid, 2, "captured", 12, 12, None, c2),
        (oid, 3, "killed", 15, 15, None, "15 civilians killed"),
    ]
    assert df.loc[1, "high"] is pd.NA


def test_sections_numbering_restarts_per_section_and_continues_on_repeat() -> None:
    df = sections_table([OFFENSIVE, NEWS], IDS)
    assert _records(df[["offensive_id", "section", "paragraph", "text"]]) == [
        ("2015-idlib-offensive", "Lead", 0, "Lead one."),
        ("2015-idlib-offensive", "Lead", 1, "Lead two."),
        ("2015-idlib-offensive", "Background", 0, "Before."),
        ("2015-idlib-offensive", "The offensive > Idlib", 0, "Day one."),
        ("2015-idlib-offensive", "The offensive > Idlib", 1, "Day two."),
        ("2015-idlib-offensive", "Background", 1, "More background."),
        ("rebels-seize-ariha", "Body", 0, "Rebels took Ariha."),
    ]
    assert df["line"].tolist() == [1, 2, 1, 1, 2, 1, 1]


def test_sections_numbering_restarts_per_document() -> None:
    a = _article("A", "a.txt", sections=(_section((), "x", "y"),))
    b = _article("B", "b.txt", sections=(_section((), "z"),))
    df = sections_table([a, b], ["a", "b"])
    assert df["paragraph"].tolist() == [0, 1, 0]
