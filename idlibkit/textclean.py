"""Clean the markup and debris that web and wiki exports leave in prose.

Every function here runs in linear time: the patterns have no nested quantifiers, and
bracketed blocks are matched by a scanner rather than a backtracking regex, so a 5 MB
document with unbalanced brackets is as fast as a clean one.
"""

from __future__ import annotations

import html
import re
import unicodedata

from .model import Image

__all__ = [
    "clean_inline",
    "collapse_ws",
    "extract_images",
    "slugify",
    "strip_citations",
    "strip_wiki",
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
# Caption and link text stop at the next "[": from each "[" the scan then ends where the
# next one starts, so a line of 5 MB of "[" or "![" is read once, not once per bracket.
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")
# Emphasis whose text holds no other delimiter run, for the same reason.
_MD_STRONG = re.compile(
    r"\*\*(?=\S)((?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*|__(?=\S)((?:[^_\n]|_(?!_))+?)(?<=\S)__"
)
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a line break separates words
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]{0,500})?/?>")
# Not "\(\s*[,;]?\s*\)": its two "\s*" split a run of spaces in quadratically many ways.
_EMPTY_PARENS = re.compile(r"\(\s*(?:[,;]\s*)?\)")
_WS = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])(?=\s|$)")
_WIKI_MARKUP = re.compile(r"\[\[|\{\{|''|<|\[http")
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
    text = _CITATION.sub("", text)
    return _OBJECT_DEBRIS.sub("", text) if "[object" in text else text


class _LineCounter:
    """1-based line numbers of increasing offsets in *text*, counted incrementally.

    Counting from the start for each of many images would read the text once per
    image (quadratic in a document of images); this reads it once in all.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line
        self.pos = 0
        self.line = first_line

    def at(self, offset: int) -> int:
        if offset < self.pos:  # not expected (offsets only grow); start again
            self.pos, self.line = 0, self.first_line
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


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
    lines = _LineCounter(text, first_line)
    for m in _FILE_OPEN.finditer(text):
        if m.start() < pos:
            continue  # inside a block already consumed
        end = _matching_close(text, m.start())
        block = text[m.start() : end]
        inner = block[2:-2] if block.endswith("]]") else block[2:]
        parts = [p.strip() for p in _split_top_level(inner)]
        target = parts[0].split(":", 1)[1].strip() if ":" in parts[0] else parts[0]
        caption = collapse_ws(clean_inline(parts[-1])) if len(parts) > 1 else ""
        images.append(Image(target, caption, lines.at(m.start())))
        out.append(text[pos : m.start()])
        out.append("\n" * block.count("\n"))
        pos = end
    out.append(text[pos:])
    text = "".join(out)
    md_lines = _LineCounter(text, first_line)

    def _md(m: re.Match[str]) -> str:
        images.append(Image(m.group(2), collapse_ws(m.group(1)), md_lines.at(m.start())))
        return ""

    text = _MD_IMAGE.sub(_md, text)
    images.sort(key=lambda im: im.line)
    return text, images


_LINK_BRACKET = re.compile(r"\[\[|\]\]")
_WIKI_TOKEN = re.compile(r"\[\[|\]\]|\{\{|\}\}|\|")


def _split_top_level(inner: str) -> list[str]:
    """Split an image block's body on the ``|`` not inside a nested ``[[…]]`` or ``{{…}}``."""
    parts: list[str] = []
    depth = 0
    start = 0
    for m in _WIKI_TOKEN.finditer(inner):
        tok = m.group()
        if tok in ("[[", "{{"):
            depth += 1
        elif tok in ("]]", "}}"):
            depth = max(depth - 1, 0)
        elif depth == 0:
            parts.append(inner[start : m.start()])
            start = m.end()
    parts.append(inner[start:])
    return parts


def _matching_close(text: str, start: int) -> int:
    """Index just past the ``]]`` closing the ``[[`` at *start* (or end of text)."""
    depth = 0
    for m in _LINK_BRACKET.finditer(text, start):
        if m.group() == "[[":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return len(text)


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


def _drop_comments(text: str) -> str:
    """Remove closed ``<!-- … -->`` comments; an unclosed ``<!--`` stays as text."""
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


# Deeper nesting than this is garbage, not an article; it is left as text, which also
# bounds the copying of nested link labels to a constant times the text's length.
_MAX_NESTING = 24


def _resolve_brackets(text: str) -> str:
    """Replace ``[[target|label]]`` by its label (or target) and drop ``{{templates}}``.

    One pass with a stack, so unbalanced brackets cost no more than balanced ones. A
    closer closes the nearest opener of its kind; openers left unclosed stay as text.
    """
    stack: list[list] = []  # frames: [opener, parts, index in parts of the first "|"]
    out: list[str] = []
    cur = out
    pos = 0
    for m in _WIKI_TOKEN.finditer(text):
        tok = m.group()
        if tok == "|":
            if stack and stack[-1][2] is None:
                cur.append(text[pos : m.start()])
                pos = m.end()
                stack[-1][2] = len(cur)
            continue
        cur.append(text[pos : m.start()])
        pos = m.end()
        if tok in ("[[", "{{"):
            if len(stack) >= _MAX_NESTING:
                cur.append(tok)
            else:
                stack.append([tok, [], None])
                cur = stack[-1][1]
            continue
        want = "[[" if tok == "]]" else "{{"
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == want), None)
        if depth is None:
            cur.append(tok)
            continue
        while len(stack) > depth + 1:
            _unwind(stack, out)
        opener, parts, pipe = stack.pop()
        cur = stack[-1][1] if stack else out
        if opener == "[[":  # a template renders no text
            label = "".join(parts if pipe is None else parts[pipe:])
            cur.append(_strip_quotes(label) if "''" in label else label)
    cur.append(text[pos:])
    while stack:
        _unwind(stack, out)
    return "".join(out)


def _unwind(stack: list[list], out: list[str]) -> None:
    """Put the unclosed frame on top of *stack* back into its parent as plain text."""
    opener, parts, pipe = stack.pop()
    parent = stack[-1][1] if stack else out
    parent.append(opener)
    if pipe is None:
        parent.extend(parts)
    else:
        parent.extend(parts[:pipe])
        parent.append("|")
        parent.extend(parts[pipe:])


_EXT_LINK = re.compile(
    r"\[(?:(?:https?|ftps?|sftp|irc|ircs|git|svn|ssh|telnet|nntp|gopher|mms):)?//"
    r"[^\s\[\]<>\"]+(?:[ \t]+([^\[\]\n]*))?\]",
    re.IGNORECASE,
)
_QUOTE_RUN = re.compile(r"'{2,}|\n")
_LIST_MARK = re.compile(r"^[*#:;]+", re.MULTILINE)
_LIST_CHARS = frozenset("*#:;")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Tags that style a run of text inside a word or sentence: removed without a space.
_INLINE_TAGS = frozenset(
    {"abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "mark", "q"}
    | {"s", "samp", "small", "span", "strong", "sub", "sup", "tt", "u", "var"}
)


def _strip_quotes(text: str) -> str:
    """Remove paired ``''italic''`` / ``'''bold'''`` runs, line by line; unpaired stay."""
    drop: list[tuple[int, int]] = []
    runs: dict[int, list[tuple[int, int]]] = {}

    def end_line() -> None:
        for spans in runs.values():
            drop.extend(spans[: len(spans) - len(spans) % 2])
        runs.clear()

    for m in _QUOTE_RUN.finditer(text):
        if m.group() == "\n":
            end_line()
            continue
        n = len(m.group())
        kind = 3 if n == 4 else min(n, 5)  # four: an apostrophe, then a bold run
        runs.setdefault(kind, []).append((m.end() - kind, m.end()))
    end_line()
    if not drop:
        return text
    drop.sort()
    out: list[str] = []
    pos = 0
    for start, end in drop:
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _tag_space(m: re.Match[str]) -> str:
    return "" if m.group(1).lower() in _INLINE_TAGS else " "


def strip_wiki(text: str) -> str:
    """Reduce MediaWiki markup to its text, in linear time.

    Drops comments, ``<ref>`` notes and ``{{templates}}``; keeps the label (or target) of
    ``[[links]]`` and ``[http://… labels]``; removes paired ``''``/``'''`` emphasis,
    line-start list markers and HTML tags; decodes entities. Unbalanced markup stays as
    text. (``mwparserfromhell`` does the same but takes quadratic time on unclosed
    ``{{``, ``[[``, ``<tag>`` or ``<!--``: minutes for a few hundred kB.)

    Examples
    --------
    >>> strip_wiki("'''Raid''' on [[Idlib|the city]]{{cn}}<ref>x</ref> &amp; [http://x.org more]")
    'Raid on the city & more'
    >>> strip_wiki("[[unclosed {{ and '' stay")
    "[[unclosed {{ and '' stay"
    """
    # Each step only when its markup can be there: most lines have little or none.
    if "<" in text:
        text = _drop_refs(_drop_comments(text))
    if "]]" in text or "}}" in text:  # without a closer, nothing changes
        text = _resolve_brackets(text)
    if "//" in text:
        text = _EXT_LINK.sub(lambda m: m.group(1) or "", text)
    if "''" in text:
        text = _strip_quotes(text)
    if text[:1] in _LIST_CHARS or "\n" in text:
        text = _LIST_MARK.sub("", text)
    if "<" in text:
        text = _HTML_TAG.sub(_tag_space, text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return text


_MARKER = (
    r"\[(?:\d{1,4}|[a-z]|note \d{1,4}|nb \d{1,4}|[a-z]{1,20}(?: [a-z]{1,20})? needed"
    r"|object Object)\]"
)
_ANY_MARKER = re.compile(_MARKER, re.IGNORECASE)
_MARKER_AT_END = re.compile(_MARKER + r"\Z", re.IGNORECASE)
_MARKER_MAX = 64  # longer than any marker
_AFTER_CLOSE = re.compile(r"(?<=\])")


def _drop_markers(text: str) -> str:
    """Remove citation markers that the cleaning glued together (``[1[2]]`` → ``[1]``).

    *text* has single spaces. Markers are removed as soon as their ``]`` is appended to
    the output, and the output is kept free of double spaces, so none is left at the
    end and none can appear later by collapsing white space; linear time.
    """
    if not _ANY_MARKER.search(text):
        return text
    out: list[str] = []
    for piece in _AFTER_CLOSE.split(text):
        if piece.startswith(" ") and (not out or out[-1] == " "):
            piece = piece[1:]
        out.extend(piece)
        if piece.endswith("]"):
            tail = "".join(out[-_MARKER_MAX:])
            if m := _MARKER_AT_END.search(tail):
                del out[len(out) - (len(tail) - m.start()) :]
    return "".join(out)


def clean_inline(text: str) -> str:
    """Clean one paragraph or field value to plain text.

    Removes citation markers, ``[object Object]`` debris, Markdown emphasis and links,
    wiki links/templates/bold (see :func:`strip_wiki`), HTML tags and empty
    parentheses, and collapses white space. Words and punctuation of the prose are kept.
    Runs in linear time, and leaves no citation marker or debris, not even one that
    removing markup put together.

    Examples
    --------
    >>> clean_inline("The **2014 Idlib offensive**[3] was [[Idlib|a]] ''series'' ()")
    'The 2014 Idlib offensive was a series'
    """
    if "[" in text:
        text = strip_citations(text)
    if "<" in text:
        text = _BR_TAG.sub(" ", text)
    if _WIKI_MARKUP.search(text):
        text = strip_wiki(text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    if "(" in text:
        text = _EMPTY_PARENS.sub("", text)
    text = collapse_ws(text)
    if "]" in text:
        text = collapse_ws(_drop_markers(text))
    return _SPACE_BEFORE_PUNCT.sub(_first_group, text) if " " in text else text


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)


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
