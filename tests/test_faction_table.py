"""Tests for :mod:`idlibkit.faction_table` (``corpus.factions``): tiny hand-made tables
with hand-checked rows, then the seed corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from idlibkit.faction_table import (
    COLUMNS,
    GENERIC_ACTORS,
    event_offensives,
    factions_table,
    side_labels,
)
from idlibkit.factions import Faction, FactionTable

T = pd.Timestamp


def _f(name: str, side: str | None, kind: str = "rebel group", parent: str | None = None,
       *aliases: str) -> Faction:
    return Faction(name, aliases, kind, parent, side, "test")


TABLE = FactionTable([
    _f("Gov", "government", "state"),
    _f("Army", "government", "armed forces branch", "Gov", "Regular Army"),
    _f("Air Force", "government", "armed forces branch", "Gov"),
    _f("Nusra", "opposition", "jihadist group", None, "Jabhat al-Nusra"),
    _f("FSA", "opposition", "coalition"),
    _f("Turncoat", "opposition"),
])

OFFENSIVES = pd.DataFrame({
    "offensive_id": ["late", "early", "news"],
    "start_date": [T("2015-03-24"), T("2012-06-01"), pd.NaT],
    "end_date": [T("2015-04-05"), T("2013-02-01"), pd.NaT],
    "published": [pd.NaT, pd.NaT, T("2015-03-27")],
    "related_offensive": [None, None, "late"],
})


def _bel(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["offensive_id", "side", "name", "parent", "role"])


BELLIGERENTS = _bel([
    ("early", 1, "FSA", None, "combatant"),
    ("early", 1, "Brigade X", "FSA", "combatant"),   # not in the table
    ("early", 1, "Nusra", None, "combatant"),
    ("early", 1, "Turncoat", None, "combatant"),
    ("early", 2, "Gov", None, "combatant"),
    ("early", 2, "Army", "Gov", "combatant"),
    ("late", 1, "Nusra", None, "combatant"),
    ("late", 1, "Helpers", None, "supporter"),       # not in the table
    ("late", 2, "Gov", None, "combatant"),
    ("late", 2, "Turncoat", None, "combatant"),      # the other camp this time
])

EVENTS = pd.DataFrame({
    "offensive_id": ["early", "late", "news", "late"],
    "event_date": [T("2012-05-20"), T("2015-03-28"), T("2015-04-20"), pd.NaT],
    "actors": [["Rebels", "Nusra"], ["Air Force", "Government forces"], ["Nusra"],
               ["Unidentified armed group"]],
})


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return factions_table(BELLIGERENTS, None, EVENTS, OFFENSIVES, TABLE)


def _row(df: pd.DataFrame, name: str) -> pd.Series:
    (i,) = df.index[df.name == name]
    return df.loc[i]


# --- tiny tables ------------------------------------------------------------------------------


def test_columns_order_and_types(table: pd.DataFrame) -> None:
    assert tuple(table.columns) == COLUMNS
    assert str(table.first_seen.dtype) == "datetime64[ns]"
    assert str(table.last_seen.dtype) == "datetime64[ns]"
    assert all(isinstance(v, list) for v in table.aliases)
    assert all(isinstance(v, list) for v in table.offensives)


def test_rows_are_the_named_factions_sorted_by_name(table: pd.DataFrame) -> None:
    assert table.name.tolist() == [
        "Air Force", "Army", "Brigade X", "FSA", "Gov", "Helpers", "Nusra", "Turncoat",
    ]
    assert not set(table.name) & GENERIC_ACTORS


def test_a_faction_seen_in_infoboxes_and_events(table: pd.DataFrame) -> None:
    row = _row(table, "Nusra")
    assert row.aliases == ["Jabhat al-Nusra"]
    assert row.kind == "jihadist group"
    assert row.side_in_corpus == "opposition"
    assert row.parent is None
    # the news report's event counts for the offensive it is linked to
    assert row.offensives == ["early", "late"]
    assert row.first_seen == T("2012-05-20")   # an event before the offensive's start
    assert row.last_seen == T("2015-04-20")    # the news report's event


def test_infobox_only_faction_takes_the_offensive_dates(table: pd.DataFrame) -> None:
    row = _row(table, "FSA")
    assert (row.first_seen, row.last_seen) == (T("2012-06-01"), T("2013-02-01"))
    assert row.offensives == ["early"]


def test_both_camps_make_mixed(table: pd.DataFrame) -> None:
    assert _row(table, "Turncoat").side_in_corpus == "mixed"


def test_unknown_factions_get_the_infobox_side_and_parent(table: pd.DataFrame) -> None:
    brigade = _row(table, "Brigade X")
    assert (brigade.kind, brigade.aliases, brigade.parent) == (None, [], "FSA")
    assert brigade.side_in_corpus == "opposition"
    helpers = _row(table, "Helpers")
    assert helpers.side_in_corpus == "opposition"
    assert (helpers.first_seen, helpers.last_seen) == (T("2015-03-24"), T("2015-04-05"))


def test_event_only_faction_uses_the_reference_side(table: pd.DataFrame) -> None:
    row = _row(table, "Air Force")
    assert row.side_in_corpus == "government"
    assert row.parent == "Gov"
    assert row.offensives == ["late"]
    assert row.first_seen == row.last_seen == T("2015-03-28")


def test_reference_parent_wins_over_the_infobox() -> None:
    bel = _bel([("early", 2, "Army", "Somebody", "combatant"),
                ("early", 1, "FSA", None, "combatant")])
    df = factions_table(bel, None, None, OFFENSIVES, TABLE)
    assert _row(df, "Army").parent == "Gov"


def test_units_count_as_sightings() -> None:
    units = _bel([("late", 2, "Tigers", None, "combatant")])
    df = factions_table(BELLIGERENTS, units, None, OFFENSIVES, TABLE)
    row = _row(df, "Tigers")
    assert (row.side_in_corpus, row.offensives) == ("government", ["late"])


def test_empty_inputs_give_an_empty_table() -> None:
    df = factions_table(_bel([]), None, None, OFFENSIVES, TABLE)
    assert df.empty and tuple(df.columns) == COLUMNS


def test_side_labels_by_majority_and_by_the_other_side() -> None:
    bel = _bel([
        ("x", 1, "Gov", None, "combatant"), ("x", 1, "Army", None, "combatant"),
        ("x", 1, "Nusra", None, "combatant"),   # outvoted 2:1
        ("x", 2, "Nobody", None, "combatant"),  # unknown: the opposite of side 1
        ("y", 1, "Nusra", None, "combatant"), ("y", 1, "Gov", None, "combatant"),  # a tie
    ])
    assert side_labels(bel, None, TABLE) == {
        ("x", 1): "government", ("x", 2): "opposition", ("y", 1): None,
    }


def test_event_offensives_follow_news_links() -> None:
    events = pd.DataFrame({"offensive_id": ["news", "early", "unlinked"]})
    assert event_offensives(events, OFFENSIVES) == ["late", "early", "unlinked"]
    assert event_offensives(events.iloc[:0], OFFENSIVES) == []


# --- the seed corpus -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_table(corpus) -> pd.DataFrame:
    return factions_table(corpus.belligerents, corpus.units, corpus.events,
                          corpus.offensives, corpus.faction_table)


def test_seed_every_party_is_a_row_once(corpus, seed_table: pd.DataFrame) -> None:
    assert seed_table.name.is_unique
    assert set(corpus.belligerents.name) | set(corpus.units.name) <= set(seed_table.name)
    named = {a for actors in corpus.events.actors for a in actors} - GENERIC_ACTORS
    assert named <= set(seed_table.name)


def test_seed_al_nusra_front(corpus, seed_table: pd.DataFrame) -> None:
    # hand-checked: listed in the 2012-13, 2014 and 2014-raid infoboxes and the 2015 one;
    # the news report is linked to the 2015 offensive
    row = _row(seed_table, corpus.faction_table.canonical("Jabhat al-Nusra"))
    assert row.offensives == [
        "idlib-governorate-clashes-june-2012-april-2013", "2014-idlib-offensive",
        "2014-raid-on-idlib-city", "2015-idlib-offensive",
    ]
    assert "Jabhat al-Nusra" in row.aliases and "HTS" in row.aliases
    assert (row.side_in_corpus, row.kind) == ("opposition", "jihadist group")
    assert row.first_seen == T("2012-06-03")
    assert row.last_seen == T("2015-04-05")


def test_seed_sides(corpus, seed_table: pd.DataFrame) -> None:
    side = dict(zip(seed_table.name, seed_table.side_in_corpus, strict=True))
    canon = corpus.faction_table.canonical
    assert side[canon("Syrian Arab Army")] == "government"
    assert side[canon("Syrian Arab Republic")] == "government"
    assert side[canon("Ahrar al-Sham")] == "opposition"
    assert side["Army of Conquest"] == "opposition"
    assert set(side.values()) <= {"government", "opposition", "mixed", None}


def test_seed_kinds_come_from_the_reference_table(seed_table: pd.DataFrame) -> None:
    # every faction the seeds name is in factions.csv, so none lacks a kind
    assert seed_table.kind.notna().all()
