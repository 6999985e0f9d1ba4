"""Reader for news web pages saved as text.

Layout: site boilerplate (``Skip to main content``, share and cookie lines), the
headline, optionally a dateline (``Published: Saturday 28 March 2015``) and a byline,
a standfirst (one or more summary lines without final full stops), then the body in
paragraphs separated by blank lines. Such pages often name no date but weekdays
("On Tuesday"); the dateline, when there is one, anchors them.
"""

from __future__ import annotations

import re
from pathlib import Path

from dateutil import parser as dateparser

from ..errors import ParseError
from ..model import Article, Paragraph, Section
from ..textclean import clean_inline
from .body import parse_body

__all__ = ["find_dateline", "read_news"]

_BOILERPLATE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|advertisement|share(?: this(?: article)?)?"
    r"(?: (?:on|by|via) [\w-]+)?|tweet|e-?mail(?: this)?|print(?: this)?|facebook|twitter|"
    r"whatsapp|linkedin|"
    r"copy link|menu|search|sign in|log in|subscribe(?: now)?|follow us.*|read more.*|"
    r"related(?: articles| stories| topics| content)?|listen to this article.*|"
    r"image (?:caption|source|copyright).*|getty images|close|back to top|most (?:read|popular)|"
    r"(?:we|this site|this website) uses? cookies.*|.*\bcookies? (?:policy|settings).*|"
    r"accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:cookies|preferences)|"
    r"©.*|copyright .*|all rights reserved.*|more on this story|top stories)$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?"
_DATE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE,
)
_DATELINE_CUE = re.compile(
    r"^(?:published|updated|last updated|first published|posted|date)\b", re.IGNORECASE
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?:\s*[,|].{0,80})?$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")


def find_dateline(line: str) -> str | None:
    """ISO date of *line* when it is a dateline, else None.

    >>> find_dateline("Published: Saturday 28 March 2015")
    '2015-03-28'
    >>> find_dateline("28 Mar 2015 14:03 GMT")
    '2015-03-28'
    >>> find_dateline("On 24 March 2015, rebels attacked the city from three sides.") is None
    True
    """
    line = line.strip()
    if not line or len(line) > 120:
        return None
    m = _DATE.search(line)
    if m is None:
        return None
    covers_line = len(m.group(0)) >= 0.5 * len(line)
    if not (_DATELINE_CUE.match(line) or covers_line):
        return None
    try:
        return dateparser.parse(m.group(0), fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _is_chrome(line: str) -> bool:
    s = line.strip()
    if len(s) > 200:
        return False
    if _BOILERPLATE.match(s):
        return True
    # "Accept cookies | Manage cookies", "Facebook · Twitter · Email": a bar of links;
    # "World | Middle East | Syria", "Home › News": a breadcrumb of short section names
    parts = [p for p in re.split(r"\s*[|·•›»]\s*|\s+>\s+", s) if p]
    return len(parts) > 1 and (all(_BOILERPLATE.match(p) for p in parts) or all(
        len(p.split()) <= 3 and not _SENTENCE_END.search(p) for p in parts))


def read_news(text: str, path: str | Path) -> Article:
    """Parse a news page into an :class:`~idlibkit.model.Article`.

    Raises
    ------
    ParseError
        When no headline can be found.

    Examples
    --------
    >>> page = ("Skip to main content\\n\\nRebels raid a town\\nPublished: 2 May 2015\\n\\n"
    ...         "Rebels entered the town on Tuesday, a monitor said.\\n")
    >>> art = read_news(page, "raid.txt")
    >>> art.title, art.metadata["published"], art.sections[0].name
    ('Rebels raid a town', '2015-05-02', 'Body')
    """
    lines = text.split("\n")
    kept = list(lines)  # lines not part of the prose are blanked, keeping line numbers
    meta: dict[str, object] = {"published": None}
    title, title_line = None, 1
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if _is_chrome(s):
            kept[i] = ""
        elif meta["published"] is None and (iso := find_dateline(s)):
            meta.update(published=iso, published_text=s, published_line=i + 1)
            kept[i] = ""
        elif _BYLINE.match(s) and len(s) <= 120:
            meta.setdefault("byline", s)
            kept[i] = ""
        elif title is None:
            title, title_line = clean_inline(s.lstrip("#").strip()), i + 1
            kept[i] = ""
    if not title:
        raise ParseError(path, 1, "no title: expected a headline line before the article's text")

    sections: list[Section] = []
    start = title_line
    # The standfirst: the first block after the headline whose lines are not sentences.
    j = start
    while j < len(kept) and not kept[j].strip():
        j += 1
    block_end = j
    while block_end < len(kept) and kept[block_end].strip():
        block_end += 1
    block = [(k, kept[k].strip()) for k in range(j, block_end)]
    if block and not any(_SENTENCE_END.search(s) for _, s in block):
        paras = tuple(Paragraph(t, k + 1) for k, s in block if (t := clean_inline(s)))
        if paras:
            sections.append(Section(("Standfirst",), paras))
        for k, _ in block:
            kept[k] = ""
    body, images = parse_body(kept[start:], start + 1)
    sections.extend(Section(("Body", *s.path), s.paragraphs) for s in body)
    return Article(
        source_file=Path(path).name,
        path=str(path),
        doc_format="news",
        title=title,
        title_line=title_line,
        metadata=meta,
        sections=tuple(sections),
        images=images,
    )
