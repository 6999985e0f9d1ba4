"""Unit tests for :func:`idlibkit.dates.parse_date_range`."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibkit.dates import parse_date_range


def _d(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the forms of the golden README
        ("24 March – 5 April 2015", "2015-03-24", "2015-04-05"),
        ("24 March – 5 April 2015 ()", "2015-03-24", "2015-04-05"),
        ("27 October 2014[1]", "2014-10-27", "2014-10-27"),
        ("27 October 2014", "2014-10-27", "2014-10-27"),
        ("3 June 2012 – 18 April 2013", "2012-06-03", "2013-04-18"),
        ("1 February – 23 October 2014", "2014-02-01", "2014-10-23"),
        ("23 September 2012 – 9 September 2015[1]", "2012-09-23", "2015-09-09"),
        ("28 April 2015 – present", "2015-04-28", None),
        ("28 April 2015 – Present", "2015-04-28", None),
        ("28 April 2015 – ongoing", "2015-04-28", None),
        ("March 2015 – present", "2015-03-01", None),
        # a missing year/month comes from the other end
        ("24–26 March 2015", "2015-03-24", "2015-03-26"),
        ("24-26 March 2015", "2015-03-24", "2015-03-26"),
        ("24 - 26 March 2015", "2015-03-24", "2015-03-26"),
        ("1–3 May 2015 (3 days)", "2015-05-01", "2015-05-03"),
        ("24 March—5 April 2015", "2015-03-24", "2015-04-05"),
        ("March 24 – April 5, 2015", "2015-03-24", "2015-04-05"),
        ("30 December 2014 – 2 January", "2014-12-30", "2015-01-02"),
        ("24 March 2015 – 26", "2015-03-24", "2015-03-26"),
        ("December – January 2015", "2014-12-01", "2015-01-31"),
        # month-only: start is the 1st, end the last day of the month
        ("March – April 2015", "2015-03-01", "2015-04-30"),
        ("March 2015", "2015-03-01", "2015-03-31"),
        ("February 2015", "2015-02-01", "2015-02-28"),
        ("February 2016", "2016-02-01", "2016-02-29"),
        ("January – February 2016", "2016-01-01", "2016-02-29"),
        ("December 2014 – January 2015", "2014-12-01", "2015-01-31"),
        ("May 2015 – June 2015", "2015-05-01", "2015-06-30"),
        # year only
        ("2014", "2014-01-01", "2014-12-31"),
        ("2013 – 2014", "2013-01-01", "2014-12-31"),
        # written-out separators
        ("1 May 2015 to 3 May 2015", "2015-05-01", "2015-05-03"),
        ("1 May 2015 until 3 May 2015", "2015-05-01", "2015-05-03"),
        # ISO
        ("2015-03-24", "2015-03-24", "2015-03-24"),
        ("2015-03-24 – 2015-04-05", "2015-03-24", "2015-04-05"),
        ("2015-03-24 to 2015-04-05", "2015-03-24", "2015-04-05"),
        ("2015-03-24 – present", "2015-03-24", None),
        # junk and nothing
        ("junk", None, None),
        ("hello world", None, None),
        ("Unknown", None, None),
        ("()", None, None),
        ("", None, None),
        (None, None, None),
        ("31 February 2015", None, None),
        ("24 – 26 March", None, None),  # no year anywhere
        ("1 May – ongoing", None, None),
    ],
)
def test_parse_date_range(text: str | None, start: str | None, end: str | None) -> None:
    assert parse_date_range(text) == (_d(start), _d(end))


def test_returns_plain_dates() -> None:
    start, end = parse_date_range("24 March – 5 April 2015")
    assert type(start) is dt.date
    assert type(end) is dt.date
