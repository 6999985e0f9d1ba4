"""Reader for pipe-table infobox exports: ``Key: | value |`` rows, then prose lines.

A value may continue on the following lines until one ends with ``|``::

    Result: | Syrian Army Victory[2]
    |
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ParseError
from ..model import Article
from .body import parse_body
from .common import make_field

__all__ = ["read_pipe_table"]

_ROW = re.compile(r"^([A-Za-z][A-Za-z0-9 _]{0,40}):[ \t]*\|(.*)$")
# A line of real prose ends an unterminated value instead of being swallowed by it.
_PROSE = re.compile(r"^\S.{80,}[.!?][\"'”’)]?$")


def read_pipe_table(text: str, path: str | Path) -> Article:
    """Parse a pipe-table document into an :class:`~idlibkit.model.Article`.

    Raises
    ------
    ParseError
        When no ``Conflict:`` row gives the title.

    Examples
    --------
    >>> doc = "Conflict: | Raid |\\nResult: | Victory[2]\\n|\\nRebels attacked.[1]\\n"
    >>> art = read_pipe_table(doc, "raid.txt")
    >>> art.title, art.field_value("result"), art.sections[0].paragraphs[0].text
    ('Raid', 'Victory', 'Rebels attacked.')
    """
    lines = text.split("\n")
    n = len(lines)
    fields = {}
    i = 0
    while i < n and not lines[i].strip():
        i += 1
    while i < n:
        m = _ROW.match(lines[i])
        if not m:
            break
        key, parts, start = m.group(1), [m.group(2)], i
        i += 1
        # Continue the value over following lines until one closes it with '|'.
        while not parts[-1].rstrip().endswith("|") and i < n:
            nxt = lines[i]
            if _ROW.match(nxt) or _PROSE.match(nxt.strip()):
                break
            parts.append(nxt)
            i += 1
        value = " ".join(p.strip() for p in parts).strip()
        value = value[:-1].rstrip() if value.endswith("|") else value
        f = make_field(key, value, (value,), start + 1)
        fields.setdefault(f.key, f)
        while i < n and not lines[i].strip():
            i += 1
    title_field = fields.get("conflict")
    if title_field is None or not title_field.value:
        raise ParseError(path, 1, "no title: expected a 'Conflict: | title |' row")
    sections, images = parse_body(lines[i:], i + 1, one_paragraph_per_line=True)
    return Article(
        source_file=Path(path).name,
        path=str(path),
        doc_format="pipe-infobox",
        title=title_field.value,
        title_line=title_field.line,
        infobox=fields,
        sections=sections,
        images=images,
    )
