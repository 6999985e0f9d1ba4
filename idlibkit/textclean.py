"""Clean the markup and debris that web and wiki exports leave in prose.

Every function here runs in linear time: the patterns have no nested quantifiers, and
bracketed blocks are matched by a scanner rather than a backtracking regex, so a 5 MB
document with unbalanced brackets is as fast as a clean one.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Image

__all__ = [
    "clean_inline",
    "collapse_ws",
    "extract_images",
    "slugify",
    "strip_citations",
]

# [1], [12], [a], [note 3], [citation needed], [clarification needed], [page needed] ...
# Not inside a wiki link: the "[A]" of "[[A]]" is a link, not a marker.
_CITATION = re.compile(
    r"(?<!\[)\[(?:\d{1,4}|[a-z]|note \d{1,4}|nb \d{1,4}|[a-z]{1,20}(?: [a-z]{1,20})? needed)"
    r"\](?!\])",
    re.IGNORECASE,
)
# Debris of a JavaScript export that stringified reference objects.
_OBJECT_DEBRIS = re.compile(r"\[object Object\]")
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a line break separates words
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>")
_EMPTY_PARENS = re.compile(r"\(\s*[,;]?\s*\)")
_WS = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])(?=\s|$)")
_WIKI_MARKUP = ("[[", "{{", "''", "<", "[http")
_FILE_OPEN = re.compile(r"\[\[\s*(?:File|Image)\s*:", re.IGNORECASE)


def collapse_ws(text: str) -> str:
    """Collapse runs of white space (including newlines and NBSP) to one space.

    >>> collapse_ws("  a\\u00a0 b\\n c ")
    'a b c'
    """
    return _WS.sub(" ", text).strip()


def strip_citations(text: str) -> str:
    """Remove ``[n]``-style citation markers and ``[object Object]`` debris.

    >>> strip_citations("Victory[2] for[citation needed] them[object Object]")
    'Victory for them'
    """
    return _OBJECT_DEBRIS.sub("", _CITATION.sub("", text))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def extract_images(text: str, first_line: int = 1) -> tuple[str, list[Image]]:
    """Remove image markup and return the remaining text and the images found.

    Handles Markdown ``![caption](url)`` and wiki ``[[File:name|thumb|…|caption]]``
    blocks, which may span lines and nest links. A removed block spanning lines is
    replaced by the same number of newlines, so line numbers downstream stay true.

    Examples
    --------
    >>> text, images = extract_images("[[File:Map.svg|thumb|left|Situation.\\n\\n]]On 7 May")
    >>> text
    '\\n\\nOn 7 May'
    >>> images[0].target, images[0].caption
    ('Map.svg', 'Situation.')
    """
    images: list[Image] = []
    out: list[str] = []
    pos = 0
    for m in _FILE_OPEN.finditer(text):
        if m.start() < pos:
            continue  # inside a block already consumed
        end = _matching_close(text, m.start())
        block = text[m.start() : end]
        inner = block[2:-2] if block.endswith("]]") else block[2:]
        parts = [p.strip() for p in _split_top_level(inner)]
        target = parts[0].split(":", 1)[1].strip() if ":" in parts[0] else parts[0]
        caption = collapse_ws(clean_inline(parts[-1])) if len(parts) > 1 else ""
        images.append(Image(target, caption, first_line + _line_of(text, m.start())))
        out.append(text[pos : m.start()])
        out.append("\n" * block.count("\n"))
        pos = end
    out.append(text[pos:])
    text = "".join(out)

    def _md(m: re.Match[str]) -> str:
        images.append(
            Image(m.group(2), collapse_ws(m.group(1)), first_line + _line_of(text, m.start()))
        )
        return ""

    text = _MD_IMAGE.sub(_md, text)
    images.sort(key=lambda im: im.line)
    return text, images


def _split_top_level(inner: str) -> list[str]:
    """Split an image block's body on the ``|`` not inside a nested ``[[…]]`` or ``{{…}}``."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(inner)
    while i < n:
        pair = inner[i : i + 2]
        if pair in ("[[", "{{"):
            depth += 1
            i += 2
            continue
        if pair in ("]]", "}}"):
            depth = max(depth - 1, 0)
            i += 2
            continue
        if inner[i] == "|" and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
        i += 1
    parts.append(inner[start:])
    return parts


def _matching_close(text: str, start: int) -> int:
    """Index just past the ``]]`` closing the ``[[`` at *start* (or end of text)."""
    depth = 0
    i = start
    n = len(text)
    while i < n - 1:
        pair = text[i : i + 2]
        if pair == "[[":
            depth += 1
            i += 2
            continue
        if pair == "]]":
            depth -= 1
            i += 2
            if depth == 0:
                return i
            continue
        i += 1
    return n


def _drop_refs(text: str) -> str:
    """Remove ``<ref …>…</ref>`` and ``<ref …/>`` with str.find (linear, no regex)."""
    out: list[str] = []
    pos = 0
    lower = text.lower()
    while (start := lower.find("<ref", pos)) != -1:
        close = lower.find(">", start)
        if close == -1:
            break
        out.append(text[pos:start])
        if lower[close - 1] == "/":
            pos = close + 1
            continue
        end = lower.find("</ref>", close)
        pos = len(text) if end == -1 else end + len("</ref>")
    out.append(text[pos:])
    return "".join(out)


def _strip_wiki(text: str) -> str:
    import mwparserfromhell  # imported on first use: most prose has no wiki markup

    return mwparserfromhell.parse(_drop_refs(text)).strip_code(normalize=True, collapse=True)


def clean_inline(text: str) -> str:
    """Clean one paragraph or field value to plain text.

    Removes citation markers, ``[object Object]`` debris, Markdown emphasis and links,
    wiki links/templates/bold (via ``mwparserfromhell``), HTML tags and empty
    parentheses, and collapses white space. Words and punctuation of the prose are kept.

    Examples
    --------
    >>> clean_inline("The **2014 Idlib offensive**[3] was [[Idlib|a]] ''series'' ()")
    'The 2014 Idlib offensive was a series'
    """
    text = _BR_TAG.sub(" ", strip_citations(text))
    if any(tok in text for tok in _WIKI_MARKUP):
        text = _strip_wiki(text)
        text = _HTML_TAG.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _EMPTY_PARENS.sub("", text)
    text = collapse_ws(text)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", text)


def slugify(text: str) -> str:
    """A URL- and file-safe identifier: ASCII, lower case, ``-`` between words.

    >>> slugify("Idlib Governorate clashes (June 2012–April 2013)")
    'idlib-governorate-clashes-june-2012-april-2013'
    >>> slugify("Ma'arrat al-Nu'man")
    'ma-arrat-al-nu-man'
    """
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    # Anything that is not an ASCII letter or digit (dashes, quotes, other scripts) separates.
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
