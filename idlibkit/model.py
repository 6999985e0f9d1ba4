"""The parsed form of one document, shared by every reader.

Readers turn text into an :class:`Article`; everything downstream (tables, graphs,
maps) starts from these records and never looks at the raw text again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "Field", "Image", "Paragraph", "Section"]


@dataclass(frozen=True)
class Field:
    """One infobox field.

    ``items`` is the value split into list items the way its format writes lists
    (comma items in wiki text, lines in a YAML block, one item in a pipe table);
    nesting markers (``*``) stay on the items for the normaliser to read.
    """

    key: str
    value: str
    items: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of prose, cleaned, with the 1-based line it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class Section:
    """A run of paragraphs under one heading path (``()`` for the lead)."""

    path: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]

    @property
    def name(self) -> str:
        """The heading path joined with ``' > '``; ``'Lead'`` before any heading."""
        return " > ".join(self.path) if self.path else "Lead"


@dataclass(frozen=True)
class Image:
    """An image reference found in the document (removed from the prose)."""

    target: str
    caption: str
    line: int


@dataclass(frozen=True)
class Article:
    """One parsed document.

    Attributes
    ----------
    source_file : str
        File name (no directory), the key that ties table rows to files.
    path : str
        The path the document was read from.
    doc_format : str
        ``wiki-text``, ``markdown-frontmatter``, ``pipe-infobox``, ``news`` or ``wikitext``.
    title : str
        The document's title (headline for news).
    metadata : dict
        Format-specific metadata (YAML front matter, news dateline, ...).
    infobox : dict of str to Field
        Raw infobox fields keyed by normalised key (``combatant1``, ``partof``, ...).
    sections : tuple of Section
        The prose, in document order.
    images : tuple of Image
        Images referenced by the document.
    """

    source_file: str
    path: str
    doc_format: str
    title: str
    title_line: int = 1
    metadata: dict[str, Any] = field(default_factory=dict)
    infobox: dict[str, Field] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    images: tuple[Image, ...] = ()

    def field_value(self, key: str) -> str | None:
        """The cleaned value of infobox field ``key``, or None when absent or empty."""
        f = self.infobox.get(key)
        return f.value if f is not None and f.value else None
