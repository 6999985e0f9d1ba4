"""One reader per document format, and :func:`read_document` to pick the right one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..detect import detect_format
from ..model import Article
from ..source import read_source
from .markdown import read_markdown
from .mediawiki import read_mediawiki
from .news import read_news
from .pipe_table import read_pipe_table
from .wiki_text import read_wiki_text

__all__ = ["READERS", "parse_text", "read_document"]

#: The reader for each ``doc_format``.
READERS: dict[str, Callable[[str, str | Path], Article]] = {
    "markdown-frontmatter": read_markdown,
    "wikitext": read_mediawiki,
    "wiki-text": read_wiki_text,
    "pipe-infobox": read_pipe_table,
    "news": read_news,
}


def parse_text(text: str, path: str | Path = "<text>") -> Article:
    """Detect the format of *text* and parse it.

    Raises
    ------
    ParseError
        If the format is not recognised or the document is malformed.
    """
    return READERS[detect_format(text, path)](text, path)


def read_document(path: str | Path) -> Article:
    """Read and parse one document file.

    Raises
    ------
    ParseError
        With the file, the line and what was expected, for any document that cannot be
        read: empty, binary, not UTF-8, unrecognised format, malformed, or untitled.

    Examples
    --------
    >>> from idlibkit._paths import corpus_dir
    >>> art = read_document(corpus_dir() / "002_88d707cef1f5dffc.txt")
    >>> art.doc_format, art.title
    ('pipe-infobox', '2014 raid on Idlib city')
    """
    return parse_text(read_source(path), path)
