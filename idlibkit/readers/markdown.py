"""Reader for Markdown with YAML front matter (a static-site export of an article).

The belligerents live only in the ``tags`` list: after the title and the war it is
part of come one multi-line block per side, then the article's categories::

    tags:
      - 2014 Idlib offensive
      - the Syrian Civil War
      - |-
        al-Nusra Front
         Free Syrian Army
      - |-
        Syrian Arab Republic
        * Syrian Armed Forces
      - Military operations of the Syrian civil war in 2014
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import ParseError
from ..model import Article, Field
from .body import parse_body
from .common import make_field, norm_key

__all__ = ["read_markdown"]

_CLOSE = {"---", "..."}
_CATEGORY = re.compile(
    r"^(?:military operations|battles|conflicts|sieges|massacres|attacks|wars|operations)\b"
    r"|\bin the syrian civil war\b|\binvolving\b|\bin \d{4}\s*$",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"^the\b|\b(?:war|conflict|escalation|campaign|crisis|uprising|insurgency|intervention)\b",
    re.IGNORECASE,
)
# Front-matter keys that are infobox fields under another name.
_ALIASES = {"location": "place", "partof": "partof", "part": "partof"}
_INFOBOX_KEY = re.compile(
    r"^(?:partof|date|place|location|result|territory|status|"
    r"(?:combatant|commander|units|strength|casualties)\d)$"
)
# A top-level "key:" line of the front matter, for the line numbers of fields.
_TOP_KEY = re.compile(r"^([^\s#:'\"\-?][^:]{0,200}?)\s*:(?:\s|$)")


class _SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's is 15x faster
    """yaml's safe loader, whose impossible dates (``2014-13-45``) name their line."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a date: {node.value!r} ({exc})", node.start_mark
        ) from None


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def read_markdown(text: str, path: str | Path) -> Article:
    """Parse a Markdown document with YAML front matter.

    Raises
    ------
    ParseError
        For unterminated or invalid YAML, front matter that is not a mapping, YAML
        tags that would build Python objects (never executed: the safe loader
        refuses them), a ``tags`` value that is not a list, or no title.

    Examples
    --------
    >>> doc = "---\\nsubject: Raid\\ndate: [1 May 2015]\\n---\\n## Events\\nRebels attacked.\\n"
    >>> art = read_markdown(doc, "raid.md")
    >>> art.title, art.field_value("date"), art.sections[0].name
    ('Raid', '1 May 2015', 'Events')
    """
    lines = text.split("\n")
    open_idx = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if open_idx is None:
        raise ParseError(path, 1, "the document is empty; expected YAML front matter")
    if lines[open_idx].strip() != "---":
        raise ParseError(
            path,
            open_idx + 1,
            f"expected YAML front matter opening with a '---' line, found "
            f"{lines[open_idx].strip()[:60]!r}",
        )
    close_idx = next(
        (i for i in range(open_idx + 1, len(lines)) if lines[i].strip() in _CLOSE), None
    )
    if close_idx is None:
        raise ParseError(
            path,
            open_idx + 1,
            f"front matter opened with '---' on line {open_idx + 1} is never closed; "
            "expected a closing '---' line",
        )
    fm_first = open_idx + 2  # 1-based line of the first YAML line
    fm_lines = lines[open_idx + 1 : close_idx]
    meta = _load_yaml("\n".join(fm_lines), path, fm_first)

    title = meta.get("subject") or meta.get("title")
    if not isinstance(title, str | int | float) or not str(title).strip():
        raise ParseError(
            path,
            open_idx + 1,
            "no title: expected a 'subject:' or 'title:' key in the front matter",
        )

    key_lines: dict[str, int] = {}  # each top-level key's first line, in one pass
    for j, ln in enumerate(fm_lines):
        if m := _TOP_KEY.match(ln):
            key_lines.setdefault(m.group(1).rstrip(), fm_first + j)

    def line_of(key: str) -> int:
        return key_lines.get(key, fm_first)

    fields: dict[str, Field] = {}
    for key, value in meta.items():
        k = _ALIASES.get(norm_key(str(key)), norm_key(str(key)))
        if _INFOBOX_KEY.match(k):
            flat = _flatten(value, path, line_of(str(key)), str(key))
            fields.setdefault(k, make_field(k, flat, (flat,), line_of(str(key))))
    _fields_from_tags(meta.get("tags"), fields, path, line_of("tags"))
    sections, images = parse_body(lines[close_idx + 1 :], close_idx + 2)
    return Article(
        source_file=Path(path).name,
        path=str(path),
        doc_format="markdown-frontmatter",
        title=str(title).strip(),
        title_line=line_of("subject" if "subject" in meta else "title"),
        metadata={str(k): _plain(v) for k, v in meta.items()},
        infobox=fields,
        sections=sections,
        images=images,
    )


def _load_yaml(fm: str, path: str | Path, first_line: int) -> dict[str, Any]:
    try:
        # A safe loader: '!!python/object' tags raise a ConstructorError instead of
        # building (or running) anything.
        data = yaml.load(fm, Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        line = first_line + _yaml_error_line(exc, fm)
        problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
        raise ParseError(path, line, f"invalid YAML front matter ({problem})") from None
    except (ValueError, OverflowError, TypeError) as exc:
        # The constructors' own errors, e.g. 'date: 2014-13-45' (month must be in 1..12).
        raise ParseError(path, first_line, f"invalid YAML front matter ({exc})") from None
    except RecursionError:
        raise ParseError(
            path, first_line, "invalid YAML front matter (nested too deeply)"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParseError(
            path,
            first_line,
            f"front matter must be a YAML mapping of 'key: value' lines, found a "
            f"{type(data).__name__}",
        )
    return data


def _yaml_error_line(exc: yaml.YAMLError, fm: str) -> int:
    """0-based line of *fm* that a YAML error points at."""
    position = getattr(exc, "position", None)  # a ReaderError: a character it refuses
    if position is not None:
        return fm.count("\n", 0, position)
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if problem is not None and context is not None and problem.index >= len(fm):
        return context.line  # "end of stream": where the unclosed thing began is more use
    mark = problem or context
    return mark.line if mark is not None else 0


def _flatten(value: Any, path: str | Path, line: int, key: str) -> str:
    """A front-matter field as text: lists are joined (``date: [5 March – 25 May 2014]``)."""
    if value is None:
        return ""
    if isinstance(value, list):
        if not all(isinstance(v, str | int | float | dt.date) or v is None for v in value):
            raise ParseError(path, line, f"expected '{key}' to be a list of plain values")
        texts = [_plain(v) for v in value if v is not None]
        sep = " – " if norm_key(key) == "date" else ", "
        return sep.join(str(t) for t in texts)
    if isinstance(value, str | int | float | dt.date):
        return str(_plain(value))
    raise ParseError(path, line, f"expected '{key}' to be text or a list of text")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _fields_from_tags(tags: Any, fields: dict[str, Field], path: str | Path, line: int) -> None:
    if tags is None:
        return
    if not isinstance(tags, list):
        raise ParseError(path, line, "expected 'tags' to be a YAML list")
    if not all(isinstance(t, str | int | float) or t is None for t in tags):
        raise ParseError(path, line, "expected every item of 'tags' to be text")
    items = [str(t) for t in tags if t is not None and str(t).strip()]
    i = 1 if items and "\n" not in items[0].strip() else 0  # the article's own title
    if i < len(items) and "\n" not in items[i].strip() and _PART_OF.search(items[i]):
        fields.setdefault("partof", make_field("partof", items[i], (items[i],), line))
        i += 1
    blocks = []
    for item in items[i:]:
        block = item.strip("\n")
        if "\n" not in block.strip() and _CATEGORY.search(block):
            break  # the categories start: no more belligerents
        blocks.append(block)
    for side, block in enumerate(blocks[:3], start=1):
        key = f"combatant{side}"
        block_lines = tuple(ln for ln in block.split("\n") if ln.strip())
        fields.setdefault(key, make_field(key, "\n".join(block_lines), block_lines, line))
