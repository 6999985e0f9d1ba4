"""Unit tests for :func:`idlibkit.casualties.parse_casualties`."""

from __future__ import annotations

import pytest

from idlibkit.casualties import CATEGORIES, Casualty, parse_casualties


def _rows(text: str | None) -> list[tuple]:
    return [(c.category, c.low, c.high, c.qualifier) for c in parse_casualties(text, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # single numbers and ranges
        ("12 killed", [("killed", 12, 12, None)]),
        ("35–70 killed", [("killed", 35, 70, None)]),
        ("35—70 killed", [("killed", 35, 70, None)]),
        ("35-70 killed", [("killed", 35, 70, None)]),
        ("35 – 70 killed", [("killed", 35, 70, None)]),
        ("35 to 70 killed", [("killed", 35, 70, None)]),
        # thousands separators
        ("1,200 killed", [("killed", 1200, 1200, None)]),
        ("1,200–1,500 killed", [("killed", 1200, 1500, None)]),
        ("12,345 dead", [("killed", 12345, 12345, None)]),
        # open and bounded ends
        ("at least 20 killed", [("killed", 20, None, None)]),
        ("At least 20 killed", [("killed", 20, None, None)]),
        ("more than 100 dead", [("killed", 100, None, None)]),
        ("over 300 killed", [("killed", 300, None, None)]),
        ("no less than 9 killed", [("killed", 9, None, None)]),
        ("20+ killed", [("killed", 20, None, None)]),
        ("up to 40 wounded", [("wounded", None, 40, None)]),
        ("about 50 killed", [("killed", 50, 50, None)]),
        # category words
        ("10 deaths", [("killed", 10, 10, None)]),
        ("45 soldiers killed", [("killed", 45, 45, None)]),
        ("100+ prisoners", [("captured", 100, None, None)]),
        ("7 arrested", [("captured", 7, 7, None)]),
        ("200 POWs", [("captured", 200, 200, None)]),
        ("3 injured", [("wounded", 3, 3, None)]),
        ("5 missing", [("missing", 5, 5, None)]),
        ("4 executed", [("executed", 4, 4, None)]),
        # several categories in one field
        (
            "At least 52 killed, 200+ captured",
            [("killed", 52, None, None), ("captured", 200, None, None)],
        ),
        (
            "12 killed, 30 wounded, 5 missing",
            [("killed", 12, 12, None), ("wounded", 30, 30, None), ("missing", 5, 5, None)],
        ),
        (
            "56+ killed 71 captured (all executed) 40+ missing",
            [("killed", 56, None, None), ("captured", 71, 71, "all executed"),
             ("missing", 40, None, None)],
        ),
        # captured & executed: two rows with the same numbers
        ("70 captured & executed", [("captured", 70, 70, None), ("executed", 70, 70, None)]),
        (
            "21 killed 70 captured & executed (rebel claim)",
            [("killed", 21, 21, None), ("captured", 70, 70, "rebel claim"),
             ("executed", 70, 70, "rebel claim")],
        ),
        # qualifier after the number
        ("20 killed (SOHR)", [("killed", 20, 20, "SOHR")]),
        ("20 (SOHR) killed", [("killed", 20, 20, "SOHR")]),
        (
            "20 killed (SOHR) 35 killed (rebel claim)",
            [("killed", 20, 20, "SOHR"), ("killed", 35, 35, "rebel claim")],
        ),
        (
            "35 killed and 12 wounded (per SOHR)",
            [("killed", 35, 35, None), ("wounded", 12, 12, "per SOHR")],
        ),
        # numbers inside parentheses are not figures
        ("At least 20 killed (25 April strikes)", [("killed", 20, None, "25 April strikes")]),
        ("At least 52 killed (2 executed)", [("killed", 52, None, "2 executed")]),
        ("14 killed (8 on 25 April)", [("killed", 14, 14, "8 on 25 April")]),
        # citation markers are not numbers
        ("5 killed[3]", [("killed", 5, 5, None)]),
        ("5[3] killed[4]", [("killed", 5, 5, None)]),
        # a number without a category word gives nothing
        ("3 helicopters shot down, 20 killed", [("killed", 20, 20, None)]),
    ],
)
def test_parse_casualties(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "Unknown",
        "Hundreds",
        "Hundreds killed",
        "Dozens killed",
        "Dozens killed (final assault)",
        "Heavy",
        # strength figures
        "3,000 fighters",
        "al-Nusra Front: 3,000 fighters",
        "1,000+ fighters",
        "250–700 soldiers",
        "2 tanks destroyed",
    ],
)
def test_no_rows(text: str | None) -> None:
    assert parse_casualties(text, 1) == []


def test_row_carries_side_and_whole_cleaned_text() -> None:
    rows = parse_casualties("21 killed[1] 70 captured & executed (rebel claim)[2]", 3)
    text = "21 killed 70 captured & executed (rebel claim)"
    assert rows == [
        Casualty(3, "killed", 21, 21, None, text),
        Casualty(3, "captured", 70, 70, "rebel claim", text),
        Casualty(3, "executed", 70, 70, "rebel claim", text),
    ]


def test_categories_are_the_contract_set() -> None:
    assert list(CATEGORIES) == ["killed", "captured", "wounded", "missing", "executed"]
