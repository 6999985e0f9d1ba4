"""Reader for raw MediaWiki source with an ``{{Infobox military conflict …}}`` template."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ParseError
from ..model import Article, Field
from .body import parse_body
from .common import make_field

__all__ = ["read_mediawiki"]

_BR = re.compile(r"<br\s*/?>|\n", re.IGNORECASE)


def read_mediawiki(text: str, path: str | Path) -> Article:
    """Parse raw MediaWiki text; the infobox template's parameters become fields.

    Examples
    --------
    >>> src = ("{{Infobox military conflict\\n| conflict = Raid on X\\n"
    ...        "| combatant1 = [[Al-Nusra Front]]<br>{{flagicon|Syria}} Rebels\\n}}\\n"
    ...        "'''Raid''' text.<ref>x</ref>\\n")
    >>> art = read_mediawiki(src, "x.wiki")
    >>> art.title, art.infobox["combatant1"].items, art.sections[0].paragraphs[0].text
    ('Raid on X', ('Al-Nusra Front', 'Rebels'), 'Raid text.')
    """
    import mwparserfromhell

    try:
        code = mwparserfromhell.parse(text)
    except Exception as exc:  # the tokenizer's own errors carry no position
        raise ParseError(path, 1, f"cannot parse the MediaWiki markup ({exc})") from None
    infobox = next(
        (t for t in code.filter_templates(recursive=False)
         if str(t.name).strip().lower().startswith("infobox")),
        None,
    )
    fields: dict[str, Field] = {}
    body_text = text
    if infobox is not None:
        raw = str(infobox)
        offset = text.find(raw)
        first = text.count("\n", 0, offset) + 1
        for param in infobox.params:
            value = str(param.value)
            line = first + text.count("\n", offset, offset + raw.find(str(param)))
            items = tuple(
                s for part in _BR.split(value)
                if (s := _item_text(part))
            )
            f = make_field(str(param.name).strip(), value, items, line)
            fields.setdefault(f.key, f)
        # Blank the template out but keep its newlines, so body line numbers stay true.
        body_text = text[:offset] + "\n" * raw.count("\n") + text[offset + len(raw):]
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


#: Flag templates that render as their country's name (``{{flag|Syria}}`` → "Syria");
#: other templates, ``{{flagicon|…}}`` among them, render no text in an infobox list.
_NAMED_FLAGS = {"flag", "flagcountry", "flagu", "flag country"}


def _item_text(part: str) -> str:
    """One list item of a template value as plain text, keeping its ``*`` nesting."""
    import mwparserfromhell

    part = part.strip()
    stars = re.match(r"\**", part).group(0)
    code = mwparserfromhell.parse(part[len(stars):])
    for tpl in code.filter_templates(recursive=False):
        if str(tpl.name).strip().lower() in _NAMED_FLAGS and tpl.params:
            code.replace(tpl, str(tpl.params[0].value).strip())
    plain = code.strip_code().strip()
    plain = re.sub(r"\s+", " ", plain)
    return f"{stars} {plain}".strip() if stars and plain else plain
