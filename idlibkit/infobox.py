"""Normalise infobox list fields: belligerents, units and commanders.

Every format hands over a field as ``items`` (see :class:`idlibkit.model.Field`):
comma items in wiki text, lines of a YAML block, or a whole pipe-table value. An item
may carry nesting stars (``* Al-Nusra Front``), a parenthesised qualifier or role
(``(alleged)``, ``(Governor of Idlib)``), a glued ``KIA`` marker, flag-image debris, a
``Supported by:`` marker, or several names run together without a separator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .factions import FactionTable
from .textclean import clean_inline, strip_citations

__all__ = ["Commander", "Party", "parse_commanders", "parse_parties"]

_IMAGE_DEBRIS = re.compile(
    r"(?:\bFlag of [^.\n]{1,60}?|[^\s.]{1,80})\.(?:svg|png|jpe?g|gif)\b\s*", re.IGNORECASE
)
_SUPPORTED = re.compile(r"\bsupported\s+by\b\s*:?", re.IGNORECASE)
_KIA = re.compile(r"\s*[(\[]?\s*(?:KIA(?![a-z])|†)\s*[)\]]?")
_EDGE_JUNK = " \t,;:.·•-–—'\"`"


@dataclass(frozen=True)
class Party:
    """A belligerent (or unit) as the infobox lists it."""

    side: int
    name: str
    raw_name: str
    parent: str | None
    level: int
    role: str
    qualifier: str | None


@dataclass(frozen=True)
class Commander:
    """A commander as the infobox lists them."""

    side: int
    name: str
    role: str | None
    kia: bool


def _segments(text: str) -> list[tuple[str, str]]:
    """Split *text* into ``('name', …)`` and ``('paren', …)`` runs.

    >>> _segments("Jund al-Aqsa (alleged) Supported")
    [('name', 'Jund al-Aqsa'), ('paren', 'alleged'), ('name', 'Supported')]
    """
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = text.find(")", i) if ch == "(" else -1
        if close != -1:
            if "".join(buf).strip():
                out.append(("name", "".join(buf).strip()))
            buf = []
            out.append(("paren", text[i + 1 : close].strip()))
            i = close + 1
            continue
        buf.append(ch)
        i += 1
    if "".join(buf).strip():
        out.append(("name", "".join(buf).strip()))
    return out


def _prepare(item: str) -> tuple[int, str]:
    """Nesting level and the item text without stars, citations or image debris."""
    text = _IMAGE_DEBRIS.sub("", strip_citations(item)).strip()
    level = len(text) - len(text.lstrip("*"))
    return level, text.lstrip("*").strip()


def _is_name(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 2


def parse_parties(items: Sequence[str], side: int, factions: FactionTable) -> list[Party]:
    """Belligerents (or units) of one side from an infobox field's items.

    Examples
    --------
    >>> from idlibkit.factions import FactionTable, Faction
    >>> table = FactionTable([Faction("Al-Nusra Front", (), "", None, None, ""),
    ...                       Faction("Jund al-Aqsa", (), "", None, None, "")])
    >>> rows = parse_parties(["al-Nusra Front Jund al-Aqsa[3] (alleged)[4] Supported by:"
    ...                       "Sleeper cells"], 1, table)
    >>> [(p.name, p.qualifier, p.role) for p in rows]
    [('Al-Nusra Front', None, 'combatant'), ('Jund al-Aqsa', 'alleged', 'combatant'), \
('Sleeper cells', None, 'supporter')]
    >>> rows = parse_parties(["Army", "Supported by:", "* Ally"], 1, table)
    >>> [(p.name, p.parent, p.role) for p in rows]
    [('Army', None, 'combatant'), ('Ally', None, 'supporter')]
    >>> rows = parse_parties(["Army", "* Corps", "** Unit", "* Militia", ", '"], 2, table)
    >>> [(p.name, p.level, p.parent) for p in rows]
    [('Army', 0, None), ('Corps', 1, 'Army'), ('Unit', 2, 'Corps'), ('Militia', 1, 'Army')]
    """
    parties: list[Party] = []
    stack: list[tuple[int, str]] = []  # (level, canonical) of the open ancestors
    role = "combatant"
    supporters_start = False
    for item in items:
        level, text = _prepare(item)
        chunks = [(role, text)]
        if m := _SUPPORTED.search(text):
            role = "supporter"
            chunks = [(chunks[0][0], text[: m.start()]), (role, text[m.end() :])]
            supporters_start = True  # supporters form their own list: no combatant parents
        for chunk_role, chunk in chunks:
            for kind, seg in _segments(chunk):
                seg = clean_inline(seg).strip(_EDGE_JUNK)
                if kind == "paren":
                    if parties and seg and factions.canonical(seg) != parties[-1].name:
                        last = parties[-1]
                        qualifier = f"{last.qualifier}; {seg}" if last.qualifier else seg
                        parties[-1] = Party(**{**last.__dict__, "qualifier": qualifier})
                    continue
                if not _is_name(seg):
                    continue
                if chunk_role == "supporter" and supporters_start:
                    stack.clear()
                    supporters_start = False
                for piece in factions.split_run_together(seg):
                    while stack and stack[-1][0] >= level:
                        stack.pop()
                    name = factions.canonical(piece)
                    parent = stack[-1][1] if stack else None
                    parties.append(Party(side, name, piece, parent, level, chunk_role, None))
                    stack.append((level, name))
            level = 0  # text after 'Supported by:' starts a new top-level list
    return parties


def parse_commanders(items: Sequence[str], side: int) -> list[Commander]:
    """Commanders of one side; a parenthesised item is the role of the name before it.

    Examples
    --------
    >>> rows = parse_commanders(["Abu Jamil Yusuf al-QutbKIA", "(Ahrar ash-Sham deputy leader)",
    ...                          "Brig. Gen. Emad Ibrahim"], 1)
    >>> [(c.name, c.role, c.kia) for c in rows]
    [('Abu Jamil Yusuf al-Qutb', 'Ahrar ash-Sham deputy leader', True), \
('Brig. Gen. Emad Ibrahim', None, False)]
    """
    commanders: list[Commander] = []
    for item in items:
        _, text = _prepare(item)
        for kind, seg in _segments(text):
            seg = clean_inline(seg)
            if kind == "paren":
                if not commanders or not seg:
                    continue
                last = commanders[-1]
                if _KIA.fullmatch(seg) or seg.upper() == "KIA":
                    commanders[-1] = Commander(last.side, last.name, last.role, True)
                else:
                    role = f"{last.role}; {seg}" if last.role else seg
                    commanders[-1] = Commander(last.side, last.name, role, last.kia)
                continue
            kia = bool(_KIA.search(seg))
            name = _KIA.sub("", seg).strip(_EDGE_JUNK.replace(".", ""))
            if _is_name(name):
                commanders.append(Commander(side, name, None, kia))
    return commanders
