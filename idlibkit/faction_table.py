"""``corpus.factions``: one row per canonical faction the corpus names.

The table joins what the curated reference table (``data/factions.csv``) says about a
faction (aliases, kind, parent) with what the corpus shows of it: the infobox side it was
listed on, the offensives it appears in (infobox or timeline) and the first and last dates it
is seen. Generic side-level actors of the timeline (``Rebels``, ``Government forces``,
``Unidentified armed group``) are not factions and are left out.

Examples
--------
>>> import idlibkit as ik
>>> corpus = ik.load_corpus()
>>> df = factions_table(corpus.belligerents, corpus.units, corpus.events,
...                     corpus.offensives, corpus.faction_table)
>>> row = df.set_index("name").loc["Al-Nusra Front"]
>>> row.side_in_corpus, row.kind, len(row.offensives)
('opposition', 'jihadist group', 4)
>>> str(row.first_seen.date()), str(row.last_seen.date())
('2012-06-03', '2015-04-05')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .factions import FactionTable
from .tables import COLUMNS as TABLE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "GENERIC_ACTORS", "event_offensives", "factions_table", "side_labels"]

#: Columns of :func:`factions_table`, in order (defined with the other tables' columns).
COLUMNS = tuple(TABLE_COLUMNS["factions"])
#: Timeline actors that stand for a whole side (or nobody in particular), not a faction.
GENERIC_ACTORS = frozenset({"Rebels", "Government forces", "Unidentified armed group"})

_SIDES = ("government", "opposition")


def _blank(value: object) -> bool:
    """True for None, NaN and NaT."""
    import pandas as pd

    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def _rows(*tables: pd.DataFrame | None) -> Iterable[tuple]:
    """``(offensive_id, side, name, parent, role)`` of every row of the party tables."""
    for df in tables:
        if df is None or len(df) == 0:
            continue
        roles = df["role"] if "role" in df else ["combatant"] * len(df)
        parents = df["parent"] if "parent" in df else [None] * len(df)
        yield from zip(df["offensive_id"], df["side"], df["name"], parents, roles, strict=True)


def side_labels(
    belligerents: pd.DataFrame, units: pd.DataFrame | None, factions: FactionTable
) -> dict[tuple[str, int], str | None]:
    """Which camp each numbered infobox side stands for.

    A side is ``government`` or ``opposition`` by the majority of the reference-table sides
    of the parties listed on it (units included); a side with no known party, or a tie,
    takes the opposite of the other side of the same offensive when that one is known,
    else None.

    Parameters
    ----------
    belligerents, units : DataFrame
        The party tables (``offensive_id``, ``side``, ``name``); *units* may be None.
    factions : FactionTable
        The reference table whose ``side`` column decides.

    Returns
    -------
    dict
        ``(offensive_id, side number) -> 'government' | 'opposition' | None``.

    Examples
    --------
    >>> import pandas as pd
    >>> from idlibkit.factions import Faction, FactionTable
    >>> table = FactionTable([Faction("Gov", (), "state", None, "government", "t")])
    >>> bel = pd.DataFrame({"offensive_id": ["a", "a"], "side": [1, 2],
    ...                     "name": ["Somebody", "Gov"]})
    >>> side_labels(bel, None, table)
    {('a', 1): 'opposition', ('a', 2): 'government'}
    """
    votes: dict[tuple[str, int], Counter] = defaultdict(Counter)
    for oid, side, name, _parent, _role in _rows(belligerents, units):
        row = factions.factions.get(name) or factions.lookup(name)
        votes[(oid, int(side))][row.side if row is not None else None] += 1
    labels: dict[tuple[str, int], str | None] = {}
    for key in sorted(votes):
        gov, opp = votes[key]["government"], votes[key]["opposition"]
        labels[key] = "government" if gov > opp else "opposition" if opp > gov else None
    for (oid, side), label in list(labels.items()):
        if label is None:
            others = {labels[k] for k in labels if k[0] == oid and k[1] != side} - {None}
            if len(others) == 1:
                labels[(oid, side)] = _SIDES[1 - _SIDES.index(others.pop())]
    return labels


def event_offensives(events: pd.DataFrame, offensives: pd.DataFrame) -> list[str]:
    """The offensive each timeline event belongs to.

    An event of a news report counts for the offensive the report is linked to
    (``related_offensive``); every other event for its own document's offensive.

    Examples
    --------
    >>> import pandas as pd
    >>> off = pd.DataFrame({"offensive_id": ["war", "news"],
    ...                     "related_offensive": [None, "war"]})
    >>> event_offensives(pd.DataFrame({"offensive_id": ["news", "war"]}), off)
    ['war', 'war']
    """
    related: dict[str, str] = {}
    if offensives is not None and "related_offensive" in offensives:
        related = {oid: rel for oid, rel in zip(offensives["offensive_id"],
                                                offensives["related_offensive"], strict=True)
                   if not _blank(rel)}
    if events is None or len(events) == 0:
        return []
    return [related.get(oid, oid) for oid in events["offensive_id"]]


def offensive_periods(offensives: pd.DataFrame) -> dict[str, tuple[object, object]]:
    """``offensive_id -> (start, end)`` as Timestamps (NaT where unknown).

    A missing end is the start; a document without dates (a news report) is dated by its
    publication date.
    """
    import pandas as pd

    periods: dict[str, tuple[object, object]] = {}
    if offensives is None or len(offensives) == 0:
        return periods
    published = offensives["published"] if "published" in offensives else [pd.NaT] * len(
        offensives)
    for oid, start, end, pub in zip(offensives["offensive_id"], offensives["start_date"],
                                    offensives["end_date"], published, strict=True):
        start = pd.Timestamp(start) if not _blank(start) else pd.NaT
        end = pd.Timestamp(end) if not _blank(end) else start
        if _blank(start) and not _blank(pub):
            start = end = pd.Timestamp(pub)
        periods[oid] = (start, end)
    return periods


def chronological(ids: Iterable[str], periods: Mapping[str, tuple[object, object]]) -> list[str]:
    """*ids* without repeats, by start date (undated last), then by id."""
    import pandas as pd

    def key(oid: str) -> tuple:
        start = periods.get(oid, (pd.NaT, pd.NaT))[0]
        return (_blank(start), pd.Timestamp(0) if _blank(start) else start, oid)

    return sorted(set(ids), key=key)


def factions_table(
    belligerents: pd.DataFrame,
    units: pd.DataFrame | None,
    events: pd.DataFrame | None,
    offensives: pd.DataFrame,
    factions: FactionTable,
) -> pd.DataFrame:
    """The canonical factions of a corpus, one row each.

    Parameters
    ----------
    belligerents, units : DataFrame
        ``corpus.belligerents`` and ``corpus.units`` (*units* may be None).
    events : DataFrame or None
        ``corpus.events``; its named ``actors`` count as sightings.
    offensives : DataFrame
        ``corpus.offensives``, for the dates and the news links.
    factions : FactionTable
        The reference table (``corpus.faction_table``).

    Returns
    -------
    DataFrame
        Sorted by name (case-insensitively), with the columns

        - ``name``: the canonical name;
        - ``aliases``: list of the other spellings in the reference table (``[]`` for a
          faction the table does not know);
        - ``kind``: from the reference table, or None;
        - ``side_in_corpus``: ``government`` or ``opposition`` when every infobox that
          lists the faction puts it in that camp (see :func:`side_labels`), ``mixed`` when
          infoboxes put it in both, and the reference table's side (possibly None) for a
          faction named only in the timeline;
        - ``parent``: the reference table's parent, or else the infobox parent it is
          listed under most often, or None;
        - ``first_seen`` / ``last_seen``: datetime64, the earliest start and latest end of
          the offensives whose infobox lists it and the dates of the timeline events that
          name it (NaT when none is dated);
        - ``offensives``: list of offensive_ids, chronological; events of a news report
          count for the offensive it is linked to (:func:`event_offensives`).

    Examples
    --------
    >>> import pandas as pd
    >>> from idlibkit.factions import Faction, FactionTable
    >>> table = FactionTable([Faction("Gov", ("Government",), "state", None, "government",
    ...                               "t")])
    >>> off = pd.DataFrame({"offensive_id": ["a"], "start_date": [pd.Timestamp("2014-03-05")],
    ...                     "end_date": [pd.Timestamp("2014-05-25")]})
    >>> bel = pd.DataFrame({"offensive_id": ["a", "a"], "side": [1, 2],
    ...                     "name": ["Band", "Gov"], "parent": [None, None],
    ...                     "role": ["combatant", "combatant"]})
    >>> factions_table(bel, None, None, off, table)[["name", "aliases", "side_in_corpus"]]
       name       aliases side_in_corpus
    0  Band            []     opposition
    1   Gov  [Government]     government
    """
    import pandas as pd

    periods = offensive_periods(offensives)
    labels = side_labels(belligerents, units, factions)
    seen_in: dict[str, set[str]] = defaultdict(set)
    sides: dict[str, set[str]] = defaultdict(set)
    parents: dict[str, Counter] = defaultdict(Counter)
    dates: dict[str, list] = defaultdict(list)

    for oid, side, name, parent, _role in _rows(belligerents, units):
        seen_in[name].add(oid)
        label = labels.get((oid, int(side)))
        if label is not None:
            sides[name].add(label)
        if not _blank(parent):
            parents[name][parent] += 1
        dates[name].extend(periods.get(oid, (pd.NaT, pd.NaT)))

    if events is not None and len(events) and "actors" in events:
        for oid, when, actors in zip(event_offensives(events, offensives), events["event_date"],
                                     events["actors"], strict=True):
            for name in actors if isinstance(actors, list | tuple) else ():
                if name in GENERIC_ACTORS:
                    continue
                seen_in[name].add(oid)
                dates[name].append(when)

    records = []
    for name in seen_in:
        ref = factions.factions.get(name) or factions.lookup(name)
        camp = sides[name]
        if len(camp) > 1:
            side = "mixed"
        elif camp:
            side = next(iter(camp))
        else:
            side = ref.side if ref is not None else None
        parent = ref.parent if ref is not None and ref.parent else None
        if parent is None and parents[name]:
            parent = min(parents[name].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        known = [pd.Timestamp(d) for d in dates[name] if not _blank(d)]
        records.append({
            "name": name,
            "aliases": list(ref.aliases) if ref is not None else [],
            "kind": ref.kind if ref is not None and ref.kind else None,
            "side_in_corpus": side,
            "parent": parent,
            "first_seen": min(known) if known else pd.NaT,
            "last_seen": max(known) if known else pd.NaT,
            "offensives": chronological(seen_in[name], periods),
        })
    records.sort(key=lambda r: (r["name"].casefold(), r["name"]))
    df = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for col in ("first_seen", "last_seen"):
        df[col] = pd.to_datetime(df[col]).astype("datetime64[ns]")
    for col in ("kind", "side_in_corpus", "parent"):
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    return df
