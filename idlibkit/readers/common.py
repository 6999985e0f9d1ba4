"""Small helpers shared by the readers."""

from __future__ import annotations

import re

from ..model import Field
from ..textclean import clean_inline

__all__ = ["make_field", "norm_key", "split_commas"]

_KEY_CHARS = re.compile(r"[^a-z0-9]+")


def norm_key(key: str) -> str:
    """Infobox keys compared without case, spaces or punctuation.

    >>> norm_key("Part of"), norm_key("Casualties_1"), norm_key("Combatant1")
    ('partof', 'casualties1', 'combatant1')
    """
    return _KEY_CHARS.sub("", key.lower())


def split_commas(value: str) -> tuple[str, ...]:
    """Split a wiki-text list on commas that are not inside parentheses.

    >>> split_commas("Abu Kamal, (Central Area Commander, Idlib), * Nusra")
    ('Abu Kamal', '(Central Area Commander, Idlib)', '* Nusra')
    """
    items: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(value):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0:
            items.append(value[start:i].strip())
            start = i + 1
    items.append(value[start:].strip())
    return tuple(items)


def make_field(key: str, value: str, items: tuple[str, ...], line: int) -> Field:
    """A :class:`Field` whose ``value`` is the cleaned text of the raw value."""
    return Field(norm_key(key), clean_inline(value), items, line)
