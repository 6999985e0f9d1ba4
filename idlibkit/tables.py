"""Build the contract's pandas tables from parsed articles.

Each ``*_table`` function takes the articles (and their offensive ids) and returns a
DataFrame whose columns and order are fixed, so exports and notebooks can rely on them.
Rows follow the corpus's file-name order, then the order of the document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict

import pandas as pd

from .casualties import parse_casualties
from .dates import parse_date_range
from .factions import FactionTable
from .infobox import parse_commanders, parse_parties
from .model import Article
from .textclean import slugify

__all__ = [
    "COLUMNS",
    "assign_offensive_ids",
    "belligerents_table",
    "casualties_table",
    "commanders_table",
    "offensives_table",
    "sections_table",
    "units_table",
]

#: Column order of every table.
COLUMNS: dict[str, list[str]] = {
    "offensives": [
        "offensive_id", "title", "doc_format", "source_file", "part_of", "start_date",
        "end_date", "place", "result", "strength_1", "strength_2", "casualties_1",
        "casualties_2", "casualties_3", "published", "related_offensive", "published_inferred",
    ],
    "belligerents": [
        "offensive_id", "side", "name", "raw_name", "parent", "level", "role", "qualifier",
    ],
    "units": ["offensive_id", "side", "name", "raw_name", "parent", "level", "role", "qualifier"],
    "commanders": ["offensive_id", "side", "name", "role", "kia"],
    "casualties": ["offensive_id", "side", "category", "low", "high", "qualifier", "text"],
    "sections": ["offensive_id", "section", "paragraph", "text", "line"],
    # built by idlibkit.faction_table
    "factions": ["name", "aliases", "kind", "side_in_corpus", "parent", "first_seen",
                 "last_seen", "offensives"],
    # ACLED's names where ACLED has one; built by idlibkit.events
    "events": [
        "event_id", "offensive_id", "source_file", "section", "event_date", "date_precision",
        "date_text", "event_type", "sub_event_type", "actor1", "actor2", "actors", "location",
        "locations", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
        "fatalities_high",
        "deaths_rebels", "deaths_government", "deaths_civilians", "captured", "claim_source",
        "notes", "line",
    ],
}
_SIDES = (1, 2, 3)


def assign_offensive_ids(articles: Sequence[Article]) -> list[str]:
    """Slug of each title, made unique with ``-2``, ``-3``… in corpus order.

    >>> from idlibkit.model import Article
    >>> arts = [Article("a", "a", "news", "Raid on X"), Article("b", "b", "news", "Raid on X")]
    >>> assign_offensive_ids(arts)
    ['raid-on-x', 'raid-on-x-2']
    """
    seen: Counter[str] = Counter()
    ids = []
    taken: set[str] = set()  # ids as a set: a list look-up made this quadratic
    for art in articles:
        base = slugify(art.title) or "offensive"
        seen[base] += 1
        candidate = base if seen[base] == 1 else f"{base}-{seen[base]}"
        while candidate in taken:  # a title that itself ends in "-2"
            seen[base] += 1
            candidate = f"{base}-{seen[base]}"
        ids.append(candidate)
        taken.add(candidate)
    return ids


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS[name])


def _dates(values: list) -> pd.Series:
    return pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")


def offensives_table(articles: Sequence[Article], ids: Sequence[str]) -> pd.DataFrame:
    """One row per document: title, format, dates and the infobox's text fields."""
    rows, starts, ends, published = [], [], [], []
    for art, oid in zip(articles, ids, strict=True):
        start, end = parse_date_range(art.field_value("date"))
        starts.append(start)
        ends.append(end)
        published.append(art.metadata.get("published") if art.doc_format == "news" else None)
        rows.append({
            "offensive_id": oid,
            "title": art.title,
            "doc_format": art.doc_format,
            "source_file": art.source_file,
            "part_of": art.field_value("partof"),
            "place": art.field_value("place") or art.field_value("location"),
            "result": art.field_value("result"),
            **{f"strength_{s}": art.field_value(f"strength{s}") for s in (1, 2)},
            **{f"casualties_{s}": art.field_value(f"casualties{s}") for s in _SIDES},
            "related_offensive": None,
        })
    df = _frame(rows, "offensives")
    df["start_date"] = _dates(starts)
    df["end_date"] = _dates(ends)
    df["published"] = _dates(published)
    df["published_inferred"] = False  # set by the news linker (idlibkit.linking)
    return df


def _party_rows(articles, ids, factions, field: str, name: str) -> pd.DataFrame:
    rows = []
    for art, oid in zip(articles, ids, strict=True):
        for side in _SIDES:
            f = art.infobox.get(f"{field}{side}")
            if f is not None:
                rows += [{"offensive_id": oid, **asdict(p)}
                         for p in parse_parties(f.items, side, factions)]
    df = _frame(rows, name)
    return df.astype({"side": "int64", "level": "int64"})


def belligerents_table(articles, ids, factions: FactionTable) -> pd.DataFrame:
    """Parties of the Combatant fields, with canonical names, parents and roles."""
    return _party_rows(articles, ids, factions, "combatant", "belligerents")


def units_table(articles, ids, factions: FactionTable) -> pd.DataFrame:
    """Units of the Units fields, in the same shape as :func:`belligerents_table`."""
    return _party_rows(articles, ids, factions, "units", "units")


def commanders_table(articles, ids) -> pd.DataFrame:
    """Commanders of the Commander fields; ``KIA`` markers become ``kia=True``."""
    rows = []
    for art, oid in zip(articles, ids, strict=True):
        for side in _SIDES:
            f = art.infobox.get(f"commander{side}")
            if f is not None:
                rows += [{"offensive_id": oid, **asdict(c)}
                         for c in parse_commanders(f.items, side)]
    return _frame(rows, "commanders").astype({"side": "int64", "kia": "bool"})


def casualties_table(articles, ids) -> pd.DataFrame:
    """Casualty figures from the Strength and Casualties fields (low/high as ``Int64``)."""
    rows = []
    for art, oid in zip(articles, ids, strict=True):
        for field in ("strength", "casualties"):
            for side in _SIDES:
                for c in parse_casualties(art.field_value(f"{field}{side}"), side):
                    rows.append({"offensive_id": oid, **asdict(c)})
    return _frame(rows, "casualties").astype({"side": "int64", "low": "Int64", "high": "Int64"})


def sections_table(articles, ids) -> pd.DataFrame:
    """Every body paragraph: section path, 0-based index within the section, text, line."""
    rows = []
    for art, oid in zip(articles, ids, strict=True):
        counter: Counter[str] = Counter()
        for sec in art.sections:
            for para in sec.paragraphs:
                rows.append({
                    "offensive_id": oid,
                    "section": sec.name,
                    "paragraph": counter[sec.name],
                    "text": para.text,
                    "line": para.line,
                })
                counter[sec.name] += 1
    return _frame(rows, "sections").astype({"paragraph": "int64", "line": "int64"})
