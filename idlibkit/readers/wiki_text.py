"""Reader for wiki text exports: ``= Title =``, an ``Infobox`` block, ``==Sections==``.

::

    = 2015 Idlib offensive =

    Infobox
    - Conflict: 2015 Idlib offensive
    - Combatant1: Army of Conquest, * Al-Nusra Front, * Ahrar al-Sham
    ...

    Lead paragraph.

    ==The offensive==
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ParseError
from ..model import Article
from .body import parse_body
from .common import make_field, split_commas

__all__ = ["read_wiki_text"]

_TITLE = re.compile(r"^=[ \t]*([^=].*?)[ \t]*=[ \t]*$")
_ROW = re.compile(r"^- ?([A-Za-z][A-Za-z0-9 _]{0,40}):[ \t]?(.*)$")


def read_wiki_text(text: str, path: str | Path) -> Article:
    """Parse a wiki-text document into an :class:`~idlibkit.model.Article`.

    Raises
    ------
    ParseError
        On an infobox row that is not ``- Key: value``, or a missing title.

    Examples
    --------
    >>> doc = "= Raid =\\n\\nInfobox\\n- Date: 1 May 2015\\n\\nRebels attacked.[1]\\n"
    >>> art = read_wiki_text(doc, "raid.txt")
    >>> art.title, art.field_value("date"), art.sections[0].paragraphs[0].text
    ('Raid', '1 May 2015', 'Rebels attacked.')
    """
    lines = text.split("\n")
    title, title_line = None, 1
    fields = {}
    i = 0
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    if i < n and (m := _TITLE.match(lines[i].strip()[:500])):
        title, title_line = m.group(1).strip(), i + 1
        i += 1
    while i < n and not lines[i].strip():
        i += 1
    if i < n and lines[i].strip() == "Infobox":
        i += 1
        while i < n and lines[i].strip():
            line = lines[i]
            m = _ROW.match(line.strip())
            if not m:
                raise ParseError(
                    path, i + 1, f"expected an infobox row '- Key: value', found {line[:60]!r}"
                )
            key, value = m.group(1), m.group(2)
            f = make_field(key, value, split_commas(value), i + 1)
            fields.setdefault(f.key, f)
            i += 1
    if title is None and "conflict" in fields and fields["conflict"].value:
        title, title_line = fields["conflict"].value, fields["conflict"].line
    if not title:
        raise ParseError(
            path, 1, "no title: expected a '= Title =' line or a '- Conflict:' infobox row"
        )
    sections, images = parse_body(lines[i:], i + 1)
    return Article(
        source_file=Path(path).name,
        path=str(path),
        doc_format="wiki-text",
        title=title,
        title_line=title_line,
        infobox=fields,
        sections=sections,
        images=images,
    )
