"""The prose part every format shares: headings, paragraphs, images."""

from __future__ import annotations

import re

from ..model import Image, Paragraph, Section
from ..textclean import clean_inline, extract_images

__all__ = ["heading", "parse_body"]

_WIKI_HEADING = re.compile(r"^(={2,6})[ \t]*([^=\n].*?)[ \t]*\1[ \t]*$")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def heading(line: str) -> tuple[int, str] | None:
    """``(level, text)`` when *line* is a wiki ``==H==`` or Markdown ``## H`` heading.

    >>> heading("===Battle for Idlib===")
    (3, 'Battle for Idlib')
    >>> heading("## References[object Object]")
    (2, 'References')
    >>> heading("On 2 April, rebels advanced.") is None
    True
    """
    if len(line) > 300 or not line.startswith(("=", "#")):
        return None  # headings are short; this also bounds the regex work on long lines
    m = _WIKI_HEADING.match(line) or _MD_HEADING.match(line)
    if not m:
        return None
    return len(m.group(1)), clean_inline(m.group(2))


def parse_body(
    lines: list[str], first_line: int, *, one_paragraph_per_line: bool = False
) -> tuple[tuple[Section, ...], tuple[Image, ...]]:
    """Split body *lines* into sections of cleaned paragraphs.

    Parameters
    ----------
    lines : list of str
        The body, without the document's header or infobox.
    first_line : int
        1-based line number of ``lines[0]`` in the file.
    one_paragraph_per_line : bool
        Treat each line as a paragraph (pipe-table exports). Otherwise consecutive
        lines form one paragraph, as in Markdown and MediaWiki.

    Returns
    -------
    sections, images
        Sections with at least one non-empty paragraph, in document order, and the
        images removed from the prose.

    Examples
    --------
    >>> secs, _ = parse_body(["Lead text.", "", "==A==", "One.[1]", "", "Two."], 10)
    >>> [(s.name, [p.text for p in s.paragraphs]) for s in secs]
    [('Lead', ['Lead text.']), ('A', ['One.', 'Two.'])]
    >>> secs[1].paragraphs[1].line
    15
    """
    text, images = extract_images("\n".join(lines), first_line)
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    block_line = first_line

    def flush_block() -> None:
        if block:
            cleaned = clean_inline(" ".join(block))
            if cleaned:
                paragraphs.append(Paragraph(cleaned, block_line))
            block.clear()

    def flush_section() -> None:
        flush_block()
        if paragraphs:
            sections.append(Section(tuple(t for _, t in path), tuple(paragraphs)))
            paragraphs.clear()

    for offset, line in enumerate(text.split("\n")):
        lineno = first_line + offset
        h = heading(line)
        if h is not None:
            flush_section()
            level, title = h
            while path and path[-1][0] >= level:
                path.pop()
            if title:
                path.append((level, title))
            continue
        if not line.strip():
            flush_block()
            continue
        if one_paragraph_per_line:
            if cleaned := clean_inline(line):
                paragraphs.append(Paragraph(cleaned, lineno))
            continue
        if _LIST_ITEM.match(line):
            flush_block()
            block_line = lineno
            block.append(_LIST_ITEM.sub("", line))
            flush_block()
            continue
        if not block:
            block_line = lineno
        block.append(line)
    flush_section()
    return tuple(sections), tuple(images)
