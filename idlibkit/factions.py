"""Canonical faction names from the curated ``data/factions.csv``.

Matching is case-insensitive and tolerant of the transliteration noise the corpus is
full of (hyphens, apostrophes, diacritics, a leading "the"); a close spelling
(``Liwaa al-Umma`` for ``Liwa al-Umma``) is matched with RapidFuzz above a strict
threshold. Names that are not in the table keep their written form.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ._paths import data_dir

__all__ = ["Faction", "FactionTable", "default_factions", "name_key"]

_APOSTROPHES = re.compile(r"[’‘`´ʼʻ']")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./]+")
_FUZZY_CUTOFF = 90.0


def name_key(name: str) -> str:
    """The form names are compared in.

    >>> name_key("Ahrar ash-Sham"), name_key("The Army of Conquest"), name_key("Fu’ah")
    ('ahrar ash sham', 'army of conquest', 'fuah')
    """
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
    )
    key = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", folded.lower())).strip()
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Faction:
    """One row of ``factions.csv``."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    parent: str | None
    side: str | None
    source: str


class FactionTable:
    """Look-ups over a faction reference table.

    Parameters
    ----------
    factions : iterable of Faction
        The rows; aliases must not be shared between rows.

    Examples
    --------
    >>> table = FactionTable([Faction("Ahrar al-Sham", ("Ahrar ash-Sham",), "rebel group",
    ...                                None, "opposition", "test"),
    ...                       Faction("Jund al-Aqsa", (), "jihadist group", None, None, "test")])
    >>> table.canonical("AHRAR ASH-SHAM"), table.canonical("Liwa Unknown")
    ('Ahrar al-Sham', 'Liwa Unknown')
    >>> table.split_run_together("Ahrar ash-Sham Jund al-Aqsa")
    ['Ahrar ash-Sham', 'Jund al-Aqsa']
    """

    def __init__(self, factions: list[Faction] | tuple[Faction, ...]) -> None:
        self.factions = {f.name: f for f in factions}
        self._by_key: dict[str, str] = {}
        for f in factions:
            for spelling in (f.name, *f.aliases):
                self._by_key.setdefault(name_key(spelling), f.name)
        self._keys = sorted(self._by_key)
        # Token tuples of every spelling, longest first, for splitting run-together names.
        self._max_tokens = max((len(k.split()) for k in self._keys), default=0)

    @classmethod
    def from_csv(cls, path: str | Path) -> FactionTable:
        """Read a table with columns ``name, aliases, kind, parent, side, source``."""
        with open(path, encoding="utf-8", newline="") as fh:
            rows = [
                Faction(
                    name=r["name"].strip(),
                    aliases=tuple(a.strip() for a in (r.get("aliases") or "").split(";")
                                  if a.strip()),
                    kind=(r.get("kind") or "").strip(),
                    parent=(r.get("parent") or "").strip() or None,
                    side=(r.get("side") or "").strip() or None,
                    source=(r.get("source") or "").strip(),
                )
                for r in csv.DictReader(fh)
                if (r.get("name") or "").strip()
            ]
        return cls(rows)

    def lookup(self, name: str) -> Faction | None:
        """The table row for *name* (exact, then fuzzy), or None."""
        key = name_key(name)
        canonical = self._by_key.get(key)
        if canonical is None and len(key) >= 6:
            from rapidfuzz import fuzz, process

            hit = process.extractOne(key, self._keys, scorer=fuzz.ratio,
                                     score_cutoff=_FUZZY_CUTOFF)
            canonical = self._by_key[hit[0]] if hit else None
        return self.factions.get(canonical) if canonical else None

    def canonical(self, name: str) -> str:
        """The canonical name of *name*, or *name* itself when it is not in the table."""
        row = self.lookup(name)
        return row.name if row else name

    def is_known(self, name: str) -> bool:
        """Whether *name* is a spelling in the table (exactly, up to :func:`name_key`)."""
        return name_key(name) in self._by_key

    def split_run_together(self, text: str) -> list[str]:
        """Split names written without a separator into the groups they name.

        The text is split only when every piece is a known spelling or a capitalised
        multi-word name next to one, so a single unknown group that merely contains a
        known name stays whole. Returns ``[text]`` when there is nothing to split.
        """
        words = text.split()
        if len(words) < 3 or self.is_known(text):
            return [text]
        keys = [name_key(w) for w in words]
        pieces: list[tuple[str, bool]] = []  # (text, known)
        pending: list[str] = []
        i = 0
        while i < len(words):
            match = 0
            for j in range(min(len(words), i + self._max_tokens), i, -1):
                joined = " ".join(k for k in keys[i:j] if k)
                if joined and joined in self._by_key:
                    match = j
                    break
            if match:
                if pending:
                    pieces.append((" ".join(pending), False))
                    pending = []
                pieces.append((" ".join(words[i:match]), True))
                i = match
            else:
                pending.append(words[i])
                i += 1
        if pending:
            pieces.append((" ".join(pending), False))
        if len(pieces) < 2 or not any(known for _, known in pieces):
            return [text]
        for piece, known in pieces:
            if not known and not (len(piece.split()) >= 2 and piece[:1].isupper()):
                return [text]
        return [piece for piece, _ in pieces]


@cache
def default_factions() -> FactionTable:
    """The kit's curated table, ``data/factions.csv`` (read once)."""
    path = data_dir() / "factions.csv"
    return FactionTable.from_csv(path) if path.exists() else FactionTable([])
