"""Unit tests for :mod:`idlibkit.infobox` (belligerents and commanders of one side)."""

from __future__ import annotations

import pytest

from idlibkit.factions import Faction, FactionTable
from idlibkit.infobox import Commander, Party, parse_commanders, parse_parties


def _f(name: str, *aliases: str) -> Faction:
    return Faction(name, aliases, "rebel group", None, None, "test")


TABLE = FactionTable([
    _f("Army of Conquest", "Jaysh al-Fatah"),
    _f("Al-Nusra Front", "Jabhat al-Nusra", "Nusra"),
    _f("Jund al-Aqsa"),
    _f("Sham Legion", "Faylaq al-Sham"),
    _f("Islamic Front"),
    _f("Free Syrian Army", "FSA"),
    _f("Syrian Government", "Syrian Arab Republic"),
    _f("Syrian Army", "Syrian Arab Army"),
    _f("Tiger Forces"),
    _f("National Defense Forces", "National Defence Forces"),
    _f("Hezbollah"),
])


def _rows(items: list[str], side: int = 1) -> list[tuple]:
    """(name, raw_name, parent, level, role, qualifier) of every party."""
    return [(p.name, p.raw_name, p.parent, p.level, p.role, p.qualifier)
            for p in parse_parties(items, side, TABLE)]


C, S = "combatant", "supporter"


# --- nesting ------------------------------------------------------------------------------


def test_nesting_levels_and_parents_over_three_levels_with_resets() -> None:
    items = [
        "Syrian Arab Republic",
        "* Syrian Arab Army",
        "** Tiger Forces",
        "*** 155th Brigade",
        "** Republican Guard",
        "* National Defence Forces",
        "Hezbollah",
        "* Local militia",
    ]
    assert _rows(items) == [
        ("Syrian Government", "Syrian Arab Republic", None, 0, C, None),
        ("Syrian Army", "Syrian Arab Army", "Syrian Government", 1, C, None),
        ("Tiger Forces", "Tiger Forces", "Syrian Army", 2, C, None),
        ("155th Brigade", "155th Brigade", "Tiger Forces", 3, C, None),
        ("Republican Guard", "Republican Guard", "Syrian Army", 2, C, None),
        ("National Defense Forces", "National Defence Forces", "Syrian Government", 1, C, None),
        ("Hezbollah", "Hezbollah", None, 0, C, None),
        ("Local militia", "Local militia", "Hezbollah", 1, C, None),
    ]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # a skipped level: the parent is the nearest row with a smaller level
        (["Free Syrian Army", "** Orphan Brigade"],
         [("Free Syrian Army", "Free Syrian Army", None, 0, C, None),
          ("Orphan Brigade", "Orphan Brigade", "Free Syrian Army", 2, C, None)]),
        # stars glued to the name
        (["Free Syrian Army", "*Idlib Brigade"],
         [("Free Syrian Army", "Free Syrian Army", None, 0, C, None),
          ("Idlib Brigade", "Idlib Brigade", "Free Syrian Army", 1, C, None)]),
        # a nested first item has no parent
        (["* Lonely Brigade"], [("Lonely Brigade", "Lonely Brigade", None, 1, C, None)]),
        # the parent is the canonical name
        (["Jaysh al-Fatah", "* Jabhat al-Nusra"],
         [("Army of Conquest", "Jaysh al-Fatah", None, 0, C, None),
          ("Al-Nusra Front", "Jabhat al-Nusra", "Army of Conquest", 1, C, None)]),
    ],
)
def test_nesting_cases(items: list[str], expected: list[tuple]) -> None:
    assert _rows(items) == expected


def test_side_is_passed_through() -> None:
    rows = parse_parties(["Hezbollah"], 2, TABLE)
    assert rows == [Party(2, "Hezbollah", "Hezbollah", None, 0, "combatant", None)]


# --- Supported by -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["Army of Conquest Supported by: Free Syrian Army"],
         [("Army of Conquest", "Army of Conquest", None, 0, C, None),
          ("Free Syrian Army", "Free Syrian Army", None, 0, S, None)]),
        (["Syrian Arab Republic Supported by:Iran (alleged)"],
         [("Syrian Government", "Syrian Arab Republic", None, 0, C, None),
          ("Iran", "Iran", None, 0, S, "alleged")]),
        (["Army of Conquest", "* Al-Nusra Front", "Supported by:", "Turkey", "Qatar"],
         [("Army of Conquest", "Army of Conquest", None, 0, C, None),
          ("Al-Nusra Front", "Al-Nusra Front", "Army of Conquest", 1, C, None),
          ("Turkey", "Turkey", None, 0, S, None),
          ("Qatar", "Qatar", None, 0, S, None)]),
        (["Army of Conquest", "Supported by", "Turkey"],
         [("Army of Conquest", "Army of Conquest", None, 0, C, None),
          ("Turkey", "Turkey", None, 0, S, None)]),
        # text after the marker starts a new top-level list
        (["Army of Conquest", "* Al-Nusra Front Supported by: Turkey", "Qatar"],
         [("Army of Conquest", "Army of Conquest", None, 0, C, None),
          ("Al-Nusra Front", "Al-Nusra Front", "Army of Conquest", 1, C, None),
          ("Turkey", "Turkey", None, 0, S, None),
          ("Qatar", "Qatar", None, 0, S, None)]),
        (["Al-Nusra Front Jund al-Aqsa[3] (alleged)[4] Supported by:Sleeper cells"],
         [("Al-Nusra Front", "Al-Nusra Front", None, 0, C, None),
          ("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, "alleged"),
          ("Sleeper cells", "Sleeper cells", None, 0, S, None)]),
    ],
)
def test_supported_by(items: list[str], expected: list[tuple]) -> None:
    assert _rows(items) == expected


# --- qualifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # as separate items
        (["Jund al-Aqsa", "(alleged)", "Free Syrian Army", "(until late 2014)"],
         [("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, "alleged"),
          ("Free Syrian Army", "Free Syrian Army", None, 0, C, "until late 2014")]),
        # inline
        (["Jund al-Aqsa (alleged)", "Free Syrian Army (until late 2014)"],
         [("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, "alleged"),
          ("Free Syrian Army", "Free Syrian Army", None, 0, C, "until late 2014")]),
        # two qualifiers are joined
        (["Jund al-Aqsa (alleged) (until 2015)"],
         [("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, "alleged; until 2015")]),
        # a paren naming the same faction is dropped, not a qualifier
        (["Al-Nusra Front (Jabhat al-Nusra)"],
         [("Al-Nusra Front", "Al-Nusra Front", None, 0, C, None)]),
        (["Sham Legion (Faylaq al-Sham)"],
         [("Sham Legion", "Sham Legion", None, 0, C, None)]),
        (["Al-Nusra Front (Nusra) (alleged)"],
         [("Al-Nusra Front", "Al-Nusra Front", None, 0, C, "alleged")]),
        # a paren before any name has nothing to qualify
        (["(alleged)", "Jund al-Aqsa"], [("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, None)]),
        # citations around the qualifier
        (["Free Syrian Army[7] (until late 2014)[8]"],
         [("Free Syrian Army", "Free Syrian Army", None, 0, C, "until late 2014")]),
    ],
)
def test_qualifiers(items: list[str], expected: list[tuple]) -> None:
    assert _rows(items) == expected


# --- debris and junk ----------------------------------------------------------------------


def test_image_debris_is_dropped() -> None:
    items = [
        "Flag of Syria.svg Syrian Arab Republic",
        "Flag of the Islamic Front (Syria).svg Islamic Front",
        "Flag of Syria.svg ",
        "Hezbollah_flag.png Hezbollah",
    ]
    assert _rows(items) == [
        ("Syrian Government", "Syrian Arab Republic", None, 0, C, None),
        ("Islamic Front", "Islamic Front", None, 0, C, None),
        ("Hezbollah", "Hezbollah", None, 0, C, None),
    ]


def test_leading_white_space_is_not_nesting() -> None:
    assert _rows(["Islamic Front", " Al-Nusra Front"]) == [
        ("Islamic Front", "Islamic Front", None, 0, C, None),
        ("Al-Nusra Front", "Al-Nusra Front", None, 0, C, None),
    ]


def test_junk_items_are_dropped() -> None:
    items = ["", "   ", ", '", "—", "[3]", "*", "**", "...", "X", "()", "Army of Conquest[4]"]
    assert _rows(items) == [("Army of Conquest", "Army of Conquest", None, 0, C, None)]


def test_edge_punctuation_is_trimmed() -> None:
    assert _rows(["Hezbollah,", "– Jund al-Aqsa;"]) == [
        ("Hezbollah", "Hezbollah", None, 0, C, None),
        ("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, None),
    ]


# --- run-together names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # both known
        (["Sham Legion Jund al-Aqsa"],
         [("Sham Legion", "Sham Legion", None, 0, C, None),
          ("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, None)]),
        (["Faylaq al-Sham Jund al-Aqsa (alleged)"],
         [("Sham Legion", "Faylaq al-Sham", None, 0, C, None),
          ("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, "alleged")]),
        # an unknown multi-word name between known ones
        (["Al-Nusra Front Turkistan Islamic Party Jund al-Aqsa"],
         [("Al-Nusra Front", "Al-Nusra Front", None, 0, C, None),
          ("Turkistan Islamic Party", "Turkistan Islamic Party", None, 0, C, None),
          ("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, None)]),
        # an unknown group that contains a known name is not split
        (["Syrian Islamic Front"],
         [("Syrian Islamic Front", "Syrian Islamic Front", None, 0, C, None)]),
        # the pieces share the item's level and parent
        (["Army of Conquest", "* Sham Legion Jund al-Aqsa"],
         [("Army of Conquest", "Army of Conquest", None, 0, C, None),
          ("Sham Legion", "Sham Legion", "Army of Conquest", 1, C, None),
          ("Jund al-Aqsa", "Jund al-Aqsa", "Army of Conquest", 1, C, None)]),
    ],
)
def test_run_together_names(items: list[str], expected: list[tuple]) -> None:
    assert _rows(items) == expected


def test_pipe_table_combatant_value() -> None:
    value = ("Army of Conquest[4] Al-Nusra Front Jund al-Aqsa[5] Faylaq al-Sham (alleged)[6] "
             "Turkistan Islamic Party in Syria Free Syrian Army[7] (until late 2014)")
    assert _rows([value]) == [
        ("Army of Conquest", "Army of Conquest", None, 0, C, None),
        ("Al-Nusra Front", "Al-Nusra Front", None, 0, C, None),
        ("Jund al-Aqsa", "Jund al-Aqsa", None, 0, C, None),
        ("Sham Legion", "Faylaq al-Sham", None, 0, C, "alleged"),
        ("Turkistan Islamic Party in Syria", "Turkistan Islamic Party in Syria", None, 0, C, None),
        ("Free Syrian Army", "Free Syrian Army", None, 0, C, "until late 2014"),
    ]


def test_no_items() -> None:
    assert parse_parties([], 1, TABLE) == []


# --- commanders ---------------------------------------------------------------------------


def _cmd(items: list[str]) -> list[tuple]:
    return [(c.name, c.role, c.kia) for c in parse_commanders(items, 1)]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # KIA glued, spaced, parenthesised, dagger
        (["Abu Jamil Yusuf al-QutbKIA"], [("Abu Jamil Yusuf al-Qutb", None, True)]),
        (["Abu Jamil KIA"], [("Abu Jamil", None, True)]),
        (["Abu Jamil (KIA)"], [("Abu Jamil", None, True)]),
        (["Abu Jamil", "(KIA)"], [("Abu Jamil", None, True)]),
        (["Col. Hussein al-Yousif †"], [("Col. Hussein al-Yousif", None, True)]),
        (["Col. Hussein al-Yousif†"], [("Col. Hussein al-Yousif", None, True)]),
        (["Abu Kamal (KIA) (Emir)"], [("Abu Kamal", "Emir", True)]),
        # "KIA" must be the marker, not part of a word
        (["Ali Kiani"], [("Ali Kiani", None, False)]),
        # role as the next item, or inline
        (["Abu Jamil Yusuf al-QutbKIA", "(Ahrar ash-Sham deputy leader)"],
         [("Abu Jamil Yusuf al-Qutb", "Ahrar ash-Sham deputy leader", True)]),
        (["Abu Kamal (Ahrar ash-Sham Central Area Commander)"],
         [("Abu Kamal", "Ahrar ash-Sham Central Area Commander", False)]),
        (["Maj. Gen. Wahib Haidar", "(Idlib commander)", "(replaced 27 May)"],
         [("Maj. Gen. Wahib Haidar", "Idlib commander; replaced 27 May", False)]),
        # ranks kept
        (["Brig. Gen. Emad Ibrahim", "Suheil al-Hassan[3]"],
         [("Brig. Gen. Emad Ibrahim", None, False), ("Suheil al-Hassan", None, False)]),
        # several commanders in one pipe value
        (["Jamal Maarouf (until late 2014) "
          "Abdallah al-Muhaysini (Army of Conquest Sharia official)"],
         [("Jamal Maarouf", "until late 2014", False),
          ("Abdallah al-Muhaysini", "Army of Conquest Sharia official", False)]),
        (["Brig. Gen. Ihsan al-Zuhouri (Abu al-Duhur commander) Abu al-Jarrah[10] "
          "(Liwaa Suqour al-Daher leader) Col. Hussein al-Yousif † (678 Squadron commander)[11]"],
         [("Brig. Gen. Ihsan al-Zuhouri", "Abu al-Duhur commander", False),
          ("Abu al-Jarrah", "Liwaa Suqour al-Daher leader", False),
          ("Col. Hussein al-Yousif", "678 Squadron commander", True)]),
        # a role before any name, junk and nesting stars
        (["(orphan role)", "Abu Issa"], [("Abu Issa", None, False)]),
        (["", ", ", "[2]", "* Abu Issa"], [("Abu Issa", None, False)]),
    ],
)
def test_parse_commanders(items: list[str], expected: list[tuple]) -> None:
    assert _cmd(items) == expected


def test_commander_side_is_passed_through() -> None:
    assert parse_commanders(["Abu Issa KIA"], 2) == [Commander(2, "Abu Issa", None, True)]
