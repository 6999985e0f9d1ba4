"""Casualty figures from infobox Strength and Casualties fields.

``21 killed 70 captured & executed (rebel claim)`` gives three rows: 21 killed; 70
captured and 70 executed, both qualified as a rebel claim. Counts follow UCDP's
low/high convention: a range gives both ends, ``at least 20`` a low only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .textclean import clean_inline

__all__ = ["CATEGORIES", "Casualty", "parse_casualties"]

#: Categories and the words that signal them.
CATEGORIES: dict[str, re.Pattern[str]] = {
    "killed": re.compile(r"\b(?:killed|dead|deaths?|fatalities|died)\b", re.IGNORECASE),
    "captured": re.compile(r"\b(?:captured|prisoners?|arrested|taken prisoner|POWs?)\b",
                           re.IGNORECASE),
    "wounded": re.compile(r"\b(?:wounded|injured)\b", re.IGNORECASE),
    "missing": re.compile(r"\bmissing\b", re.IGNORECASE),
    "executed": re.compile(r"\bexecuted\b", re.IGNORECASE),
}
_NUMBER = re.compile(
    r"(?P<prefix>\b(?:at least|more than|over|no less than|up to|about|around|approximately|"
    r"c\.|ca\.)\s+|~\s*)?"
    r"(?<![\d,])(?P<low>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\s*(?:–|—|-|to)\s*(?P<high>\d{1,3}(?:,\d{3})+|\d+))?(?P<plus>\+)?",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class Casualty:
    """One reported figure."""

    side: int
    category: str
    low: int | None
    high: int | None
    qualifier: str | None
    text: str


def _int(s: str | None) -> int | None:
    return int(s.replace(",", "")) if s else None


def parse_casualties(text: str | None, side: int) -> list[Casualty]:
    """Casualty rows of one infobox field.

    Examples
    --------
    >>> [(c.category, c.low, c.high, c.qualifier) for c in
    ...  parse_casualties("21 killed 70 captured & executed (rebel claim)", 2)]
    [('killed', 21, 21, None), ('captured', 70, 70, 'rebel claim'), \
('executed', 70, 70, 'rebel claim')]
    >>> [(c.low, c.high) for c in parse_casualties("35–70 killed", 1)]
    [(35, 70)]
    >>> rows = parse_casualties("At least 52 killed, 200+ captured", 1)
    >>> [(c.category, c.low, c.high) for c in rows]
    [('killed', 52, None), ('captured', 200, None)]
    >>> parse_casualties("al-Nusra Front: 3,000 fighters", 1)
    []
    >>> [(c.low, c.qualifier) for c in parse_casualties("At least 20 killed (25 April strikes)", 1)]
    [(20, '25 April strikes')]
    """
    if not text:
        return []
    text = clean_inline(text)
    # Numbers inside a parenthesised note ("(25 April air strikes)") are not figures.
    in_parens = [m.span() for m in _PAREN.finditer(text)]
    matches = [m for m in _NUMBER.finditer(text)
               if not any(a < m.start() < b for a, b in in_parens)]
    rows: list[Casualty] = []
    for k, m in enumerate(matches):
        # The words that belong to this number run up to the next number.
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        tail = text[m.end() : end]
        paren = _PAREN.search(tail)
        qualifier = clean_inline(paren.group(1)) or None if paren else None
        words = _PAREN.sub(" ", tail)
        low, high = _int(m.group("low")), _int(m.group("high"))
        prefix = (m.group("prefix") or "").strip().lower()
        if m.group("plus") or prefix in {"at least", "more than", "over", "no less than"}:
            high = None
        elif prefix == "up to":
            low, high = None, low
        elif high is None:
            high = low
        for category, pattern in CATEGORIES.items():
            if pattern.search(words):
                rows.append(Casualty(side, category, low, high, qualifier, text))
    return rows
