"""Deterministic synthetic corpora for the benchmarks, grown from the kit's seed documents.

    python benchmarks/synth.py 1000 /tmp/synth     # writes 1,000 documents, prints a summary

The seeds are the five corpus documents (``data/corpus/``) and the documents under
``tests/golden/new/``, so every format the kit reads is represented (the corpus itself
has no raw MediaWiki page). Document *i* is a variant of seed ``i % len(seeds)``, in
which, consistently within the document,

- every faction named in ``data/factions.csv`` (canonical name or alias) is replaced by
  another faction *of the same side* (a random permutation, so distinct groups stay
  distinct); an alias becomes one of the new faction's aliases;
- every place named in ``data/places.csv`` is replaced by another place *of the same
  kind* (towns by towns, checkpoints by checkpoints; countries and governorates stay);
- dates are shifted: every year 2010–2016 by the same -1…+1 years, every day of a month
  by the same 0…2 days (capped at 28, so no 30 February and ranges keep their order).

The same ``seed`` always gives byte-identical files. Documents keep their seed's size
and format, so throughput figures are per *seed-sized* document. Nothing is written
under ``data/``: the output goes to a folder the caller names (a temporary one by
default).
"""

from __future__ import annotations

import csv
import random
import re
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED_DIRS = (DATA / "corpus", ROOT / "tests" / "golden" / "new")
SUFFIXES = (".txt", ".md", ".wiki")
# Kinds of place that are not swapped (a Syrian offensive stays in Syria and Idlib).
_FIXED_KINDS = {"country", "governorate"}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December")
_DAY_MONTH = re.compile(rf"\b([1-9]|[12]\d|3[01])(?=(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b)")
_MONTH_DAY = re.compile(rf"\b(?:{_MONTHS}) ([1-9]|[12]\d|3[01])\b(?![:\d])")
_YEAR = re.compile(r"(?<![\d.,])(201[0-6])(?![\d,]\d)")

__all__ = ["seed_paths", "write_corpus"]


def seed_paths() -> list[Path]:
    """The seed documents, corpus first, in file-name order."""
    out: list[Path] = []
    for d in SEED_DIRS:
        out += sorted(p for p in d.iterdir() if p.suffix in SUFFIXES)
    return out


@dataclass(frozen=True)
class _Name:
    """A surface form found in the reference tables: which entity, which group."""

    entity: str      # canonical name
    group: str       # faction side or place kind; entities swap within a group
    alias: bool      # an alias rather than the canonical name


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def _vocabulary() -> tuple[dict[str, _Name], dict[str, list[str]], dict[str, list[str]]]:
    """Surface form -> entity; group -> entities; entity -> aliases."""
    forms: dict[str, _Name] = {}
    groups: dict[str, list[str]] = {}
    aliases: dict[str, list[str]] = {}
    tables = [(r, "faction:" + (r["side"] or "none")) for r in _rows(DATA / "factions.csv")]
    tables += [(r, "place:" + r["kind"]) for r in _rows(DATA / "places.csv")]
    for row, group in tables:
        name = row["name"].strip()
        fixed = group.removeprefix("place:") in _FIXED_KINDS or group == "faction:none"
        grp = f"fixed:{name}" if fixed else group
        groups.setdefault(grp, []).append(name)
        alts = [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]
        aliases[name] = alts
        for form, is_alias in [(name, False), *((a, True) for a in alts)]:
            # Skip forms that would hit ordinary words ("Air Force"-like acronyms stay).
            if len(form) < 4 and not form.isupper():
                continue
            forms.setdefault(form, _Name(name, grp, is_alias))
    return forms, {g: sorted(set(v)) for g, v in groups.items()}, aliases


@cache
def _name_pattern() -> re.Pattern[str]:
    forms, _, _ = _vocabulary()
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w-])")


# A template is the seed text cut into literal pieces and slots: ("name", form),
# ("year", "2015"), ("day", "24"). Cutting once per seed keeps generation fast.
Slot = tuple[str, str]


@cache
def _template(path: Path) -> tuple[str, tuple[str | Slot, ...]]:
    text = path.read_text(encoding="utf-8")
    spans: list[tuple[int, int, str]] = []
    for m in _name_pattern().finditer(text):
        spans.append((m.start(), m.end(), "name"))
    for kind, rx in (("year", _YEAR), ("day", _DAY_MONTH), ("day", _MONTH_DAY)):
        for m in rx.finditer(text):
            spans.append((m.start(1), m.end(1), kind))
    spans.sort()
    pieces: list[str | Slot] = []
    pos = 0
    for start, end, kind in spans:
        if start < pos:  # a year inside a name ("2015 Idlib offensive" is not a name)
            continue
        pieces.append(text[pos:start])
        pieces.append((kind, text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return path.suffix, tuple(pieces)


def _variant(pieces: tuple[str | Slot, ...], rng: random.Random) -> str:
    forms, groups, aliases = _vocabulary()
    mapping: dict[str, str] = {}
    for group, members in groups.items():
        shuffled = members[:]
        if not group.startswith("fixed:"):
            rng.shuffle(shuffled)
        mapping.update(zip(members, shuffled, strict=True))
    years = rng.choice((-1, 0, 1))
    days = rng.choice((0, 1, 2))
    out: list[str] = []
    chosen_alias: dict[str, str] = {}
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        kind, value = piece
        if kind == "year":
            out.append(str(int(value) + years))
        elif kind == "day":
            day = int(value)
            out.append(str(day if day > 28 else min(day + days, 28)))
        else:
            name = forms[value]
            target = mapping[name.entity]
            if target == name.entity:
                out.append(value)
            elif name.alias and aliases[target]:
                if target not in chosen_alias:
                    chosen_alias[target] = rng.choice(aliases[target])
                out.append(chosen_alias[target])
            else:
                out.append(target)
    return "".join(out)


def write_corpus(n: int, folder: str | Path | None = None, *, seed: int = 2015) -> Path:
    """Write *n* synthetic documents into *folder* (a new temporary folder by default).

    File names are ``{i:05d}_{seed-stem}{suffix}``, so file-name order interleaves the
    formats. Returns the folder.
    """
    out = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="idlibkit-synth-"))
    if out.resolve().is_relative_to(DATA.resolve()):
        raise ValueError(f"refusing to write synthetic documents under {DATA}")
    out.mkdir(parents=True, exist_ok=True)
    seeds = seed_paths()
    templates = [_template(p) for p in seeds]
    for i in range(n):
        k = i % len(seeds)
        suffix, pieces = templates[k]
        rng = random.Random(seed * 1_000_003 + i)
        text = _variant(pieces, rng)
        (out / f"{i:05d}_{seeds[k].stem}{suffix}").write_text(text, encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 100
    folder = write_corpus(n, argv[1] if len(argv) > 1 else None)
    files = sorted(folder.iterdir())
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} documents, {size / 1e6:.1f} MB, in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
