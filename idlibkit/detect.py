"""Recognise which of the corpus formats a document is written in."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ParseError

__all__ = ["FORMATS", "detect_format"]

#: Every ``doc_format`` the kit reads, in the order detection tries them.
FORMATS = ("markdown-frontmatter", "wikitext", "wiki-text", "pipe-infobox", "news")

_INFOBOX_LINE = re.compile(r"^Infobox\s*$", re.MULTILINE)
_DASH_FIELD = re.compile(r"^- [A-Za-z][A-Za-z0-9 _]{0,40}:", re.MULTILINE)
_PIPE_FIELD = re.compile(r"^[A-Za-z][A-Za-z0-9 _]{0,40}:[ \t]*\|", re.MULTILINE)
_MW_INFOBOX = re.compile(r"\{\{\s*Infobox", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s*$")
_HEAD = 20_000  # the markers all sit near the top; don't scan 5 MB for them

EXPECTED = (
    "expected one of: YAML front matter opening with '---', a wiki 'Infobox' block of "
    "'- Key: value' rows, a MediaWiki '{{Infobox …}}' template, 'Key: | value |' infobox rows, "
    "or a news page (a headline followed by paragraphs of prose)"
)


def detect_format(text: str, path: str | Path = "<text>") -> str:
    """Name the format of *text*, one of :data:`FORMATS`.

    Raises
    ------
    ParseError
        If the text matches none of them.

    Examples
    --------
    >>> detect_format("Conflict: | Raid |\\nDate: | 2014 |\\nText.")
    'pipe-infobox'
    >>> detect_format("---\\nsubject: X\\n---\\nBody")
    'markdown-frontmatter'
    """
    stripped = text.lstrip()
    if stripped.startswith("---") and stripped.split("\n", 1)[0].strip() == "---":
        return "markdown-frontmatter"
    head = text[:_HEAD]
    if _MW_INFOBOX.search(head):
        return "wikitext"
    if _INFOBOX_LINE.search(head) and _DASH_FIELD.search(head):
        return "wiki-text"
    if len(_PIPE_FIELD.findall(head)) >= 2:
        return "pipe-infobox"
    if _looks_like_news(head):
        return "news"
    raise ParseError(path, 1, f"cannot recognise the document's format; {EXPECTED}")


def _looks_like_news(text: str) -> bool:
    """A headline-like line, then at least one paragraph of real sentences."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    prose = [ln for ln in lines[1:] if len(ln.split()) >= 8 and _SENTENCE_END.search(ln)]
    return bool(prose)
