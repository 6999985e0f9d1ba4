"""Date ranges as infoboxes write them.

For example ``24 March – 5 April 2015`` or ``3 June 2012 – 18 April 2013``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil import parser as dateparser

from .textclean import clean_inline

__all__ = ["parse_date_range"]

_PARENS = re.compile(r"\([^()]*\)")
# "24-26 March" splits on its hyphen; the hyphens of an ISO date ("2015-03-24 ") do not.
_RANGE_SEP = re.compile(
    r"\s*[–—]\s*|\s+-\s+|(?<!\d{4}-\d\d)(?<=\d)-(?=\d{1,2}\s)|\s+(?:to|until|till)\s+"
)
_OPEN_END = re.compile(r"^\s*(?:present|ongoing|now|today)\b", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Two defaults, both leap years, differing in every field: a component the text does
# not give comes out different in the two parses.
_DEFAULTS = (dt.datetime(1112, 1, 1), dt.datetime(2224, 3, 3))


def _components(part: str) -> tuple[int | None, int | None, int | None]:
    """``(year, month, day)`` of one date expression; None for what it does not say."""
    part = part.strip(" ,.;")
    if not re.search(r"\d|[A-Za-z]{3}", part):
        return None, None, None
    try:
        a, b = (dateparser.parse(part, default=d, fuzzy=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None, None, None
    return (
        a.year if a.year == b.year else None,
        a.month if a.month == b.month else None,
        a.day if a.day == b.day else None,
    )


def _make(y: int | None, m: int | None, d: int | None, *, end: bool) -> dt.date | None:
    if y is None:
        return None
    if m is None:
        return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
    if d is None:
        d = calendar.monthrange(y, m)[1] if end else 1
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date_range(text: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Start and end dates of an infobox date.

    A missing year or month on one end comes from the other; a month-only start is
    the 1st and a month-only end the last day of the month; an open end
    (``present``) is None.

    Examples
    --------
    >>> parse_date_range("24 March – 5 April 2015 ()")
    (datetime.date(2015, 3, 24), datetime.date(2015, 4, 5))
    >>> parse_date_range("27 October 2014[1]")
    (datetime.date(2014, 10, 27), datetime.date(2014, 10, 27))
    >>> parse_date_range("24–26 March 2015")
    (datetime.date(2015, 3, 24), datetime.date(2015, 3, 26))
    >>> parse_date_range("March – April 2015")
    (datetime.date(2015, 3, 1), datetime.date(2015, 4, 30))
    >>> parse_date_range("28 April 2015 – present")
    (datetime.date(2015, 4, 28), None)
    """
    if not text:
        return None, None
    text = _PARENS.sub(" ", clean_inline(text)).strip()
    if _ISO.match(text):
        day = dt.date.fromisoformat(text)
        return day, day
    parts = _RANGE_SEP.split(text, maxsplit=1)
    left = _components(parts[0])
    if len(parts) == 1:
        return _make(*left, end=False), _make(*left, end=True)
    if _OPEN_END.match(parts[1]):
        return _make(*left, end=False), None
    right = _components(parts[1])
    y1, m1, d1 = left
    y2, m2, d2 = right
    shift = 0  # a year borrowed from the other end may be one too late/early
    if y1 is None and y2 is not None:
        y1, shift = y2, -1
        if m1 is None and d1 is not None:
            m1 = m2
    elif y2 is None and y1 is not None and (m2 is not None or d2 is not None):
        y2, shift = y1, 1  # "30 December 2014 – 2 January", "24 March 2015 – 26"
        if m2 is None:
            m2 = m1
    start, end = _make(y1, m1, d1, end=False), _make(y2, m2, d2, end=True)
    if shift and start is not None and end is not None and start > end:
        if shift < 0:  # "December – January 2015" started in 2014
            start = _make(y1 - 1, m1, d1, end=False)
        else:
            end = _make(y2 + 1, m2, d2, end=True)
    return start, end
