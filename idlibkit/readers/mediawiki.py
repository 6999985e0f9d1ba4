"""Reader for raw MediaWiki source with an ``{{Infobox military conflict …}}`` template.

The template is found by a one-pass bracket scanner, not by ``mwparserfromhell``, whose
tokenizer takes quadratic time on unclosed ``{{``, ``[[`` or tags (minutes for a few
hundred kilobytes of them).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ..errors import ParseError
from ..model import Article, Field
from ..textclean import collapse_ws, strip_wiki
from .body import parse_body
from .common import make_field

__all__ = ["read_mediawiki"]

_BR = re.compile(r"<br\s*/?>|\n", re.IGNORECASE)
_TOKEN = re.compile(r"\{\{|\}\}|\[\[|\]\]|\|")
_MAX_NESTING = 40  # deeper openers are left as text


def read_mediawiki(text: str, path: str | Path) -> Article:
    """Parse raw MediaWiki text; the infobox template's parameters become fields.

    Raises
    ------
    ParseError
        When no ``{{Infobox …}}`` template gives a ``conflict`` (or ``name``) title.

    Examples
    --------
    >>> src = ("{{Infobox military conflict\\n| conflict = Raid on X\\n"
    ...        "| combatant1 = [[Al-Nusra Front]]<br>{{flagicon|Syria}} Rebels\\n}}\\n"
    ...        "'''Raid''' text.<ref>x</ref>\\n")
    >>> art = read_mediawiki(src, "x.wiki")
    >>> art.title, art.infobox["combatant1"].items, art.sections[0].paragraphs[0].text
    ('Raid on X', ('Al-Nusra Front', 'Rebels'), 'Raid text.')
    """
    fields: dict[str, Field] = {}
    body_text = text
    infobox = _find_infobox(text)
    if infobox is not None:
        start, end, pipes = infobox
        line, counted = 1, 0
        positional = 0
        bounds = [*pipes, end - 2]
        for a, b in itertools.pairwise(bounds):
            seg = text[a + 1 : b]
            line += text.count("\n", counted, a + 1)
            counted = a + 1
            eq = seg.find("=")
            if eq != -1 and "{{" not in seg[:eq] and "[[" not in seg[:eq]:
                name, value = seg[:eq].strip(), seg[eq + 1 :]
            else:
                positional += 1
                name, value = str(positional), seg
            items = tuple(s for part in _BR.split(value) if (s := _item_text(part)))
            f = make_field(name, value, items, line)
            fields.setdefault(f.key, f)
        # Blank the template out but keep its newlines, so body line numbers stay true.
        body_text = text[:start] + "\n" * text.count("\n", start, end) + text[end:]
    title_field = fields.get("conflict") or fields.get("name")
    if title_field is None or not title_field.value:
        raise ParseError(path, 1, "no title: expected a '| conflict = …' infobox parameter")
    sections, images = parse_body(body_text.split("\n"), 1)
    return Article(
        source_file=Path(path).name,
        path=str(path),
        doc_format="wikitext",
        title=title_field.value,
        title_line=title_field.line,
        infobox=fields,
        sections=sections,
        images=images,
    )


def _find_infobox(text: str) -> tuple[int, int, list[int]] | None:
    """``(start, end, offsets of its own "|")`` of the first top-level ``{{Infobox …}}``.

    A closer closes the nearest opener of its kind; openers never closed are plain text
    (their ``|`` go to the enclosing template), as in MediaWiki. Linear time.
    """
    stack: list[list] = []  # [opener, start, pipes]
    closed: list[tuple[int, int, str, list[int]]] = []
    nested_infobox = False  # one closed inside an opener that may never close
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok == "|":
            if stack:
                stack[-1][2].append(m.start())
            continue
        if tok in ("{{", "[["):
            if len(stack) < _MAX_NESTING:
                stack.append([tok, m.start(), []])
            continue
        want = "{{" if tok == "}}" else "[["
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == want), None)
        if depth is None:
            continue
        while len(stack) > depth + 1:  # unclosed openers inside: text, pipes and all
            child_pipes = stack.pop()[2]  # all after the parent's own: the list stays sorted
            stack[-1][2].extend(child_pipes)
        opener, start, pipes = stack.pop()
        if opener == "{{" and _is_infobox(text, start, m.end(), pipes):
            if not stack and not nested_infobox:
                return start, m.end(), pipes  # at top level for good: nothing encloses it
            nested_infobox = True
        closed.append((start, m.end(), opener, pipes))
    reach = 0
    for start, end, opener, pipes in sorted(closed):
        if start < reach:
            continue  # nested in a closed template or link
        reach = end
        if opener == "{{" and _is_infobox(text, start, end, pipes):
            return start, end, pipes
    return None


def _is_infobox(text: str, start: int, end: int, pipes: list[int]) -> bool:
    name = text[start + 2 : pipes[0] if pipes else end - 2]
    return name.strip().lower().startswith("infobox")


#: Flag templates that render as their country's name (``{{flag|Syria}}`` → "Syria");
#: other templates, ``{{flagicon|…}}`` among them, render no text in an infobox list.
_NAMED_FLAG = re.compile(
    r"\{\{\s*(?:flag|flagcountry|flagu|flag country)\s*\|([^{}|]*)[^{}]*\}\}", re.IGNORECASE
)


def _item_text(part: str) -> str:
    """One list item of a template value as plain text, keeping its ``*`` nesting."""
    part = part.strip()
    stars = re.match(r"\**", part).group(0)
    body = _NAMED_FLAG.sub(lambda m: m.group(1).split("=", 1)[-1].strip(), part[len(stars) :])
    plain = collapse_ws(strip_wiki(body))
    return f"{stars} {plain}".strip() if stars and plain else plain
