"""Load a folder of documents into a :class:`Corpus` of lazily built tables."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ._paths import corpus_dir
from .errors import ParseError, Problem
from .factions import FactionTable, default_factions
from .model import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SUFFIXES", "Corpus", "ParseWarning", "load_corpus"]


def pd_isna(value: object) -> bool:
    """``pandas.isna`` for one value, imported on use."""
    import pandas as pd

    return bool(pd.isna(value))


def pd_timestamp(value: object) -> object:
    """A date as a pandas Timestamp (NaT for None), imported on use."""
    import pandas as pd

    return pd.Timestamp(value) if value is not None else pd.NaT

#: File endings :func:`load_corpus` picks up in a folder.
SUFFIXES = (".txt", ".md", ".wiki")


class ParseWarning(UserWarning):
    """A document was skipped because it could not be parsed (see ``corpus.problems``)."""


class Corpus:
    """Parsed documents and the tables built from them.

    Tables are computed on first access and cached; treat them as read-only (take a
    ``.copy()`` to modify one).

    Attributes
    ----------
    articles : list of Article
        The documents that parsed, in file-name order.
    problems : list of Problem
        ``(path, line, message)`` for every document that could not be read.
    faction_table : FactionTable
        The reference table names are canonicalised through (``data/factions.csv``).
    """

    #: The tables a corpus offers, in export order.
    TABLES = (
        "offensives", "belligerents", "units", "commanders", "casualties", "sections", "events",
        "factions",
    )

    def __init__(
        self,
        articles: Iterable[Article],
        problems: Iterable[Problem] = (),
        *,
        factions: FactionTable | None = None,
    ) -> None:
        self.articles = list(articles)
        self.problems = list(problems)
        self.faction_table = factions if factions is not None else default_factions()

    def __repr__(self) -> str:
        return f"<Corpus: {len(self.articles)} documents, {len(self.problems)} problems>"

    def __len__(self) -> int:
        return len(self.articles)

    @cached_property
    def offensive_ids(self) -> list[str]:
        """The ``offensive_id`` of each article, in the order of :attr:`articles`."""
        from .tables import assign_offensive_ids

        return assign_offensive_ids(self.articles)

    @cached_property
    def offensives(self) -> pd.DataFrame:
        """One row per document (see the contract for the columns).

        News reports are linked to the offensive they report on (``related_offensive``)
        and, without a dateline, dated from it (``published_inferred`` is then True).
        """
        from .linking import link_news
        from .tables import offensives_table

        df = offensives_table(self.articles, self.offensive_ids)
        names = self.belligerents.groupby("offensive_id")["name"].agg(set)
        dates = [(None if pd_isna(s) else s.date(), None if pd_isna(e) else e.date())
                 for s, e in zip(df.start_date, df.end_date, strict=True)]
        links = link_news(self.articles, self.offensive_ids, dates,
                          [names.get(oid, set()) for oid in self.offensive_ids],
                          self.faction_table)
        for i, link in links.items():
            df.loc[i, "related_offensive"] = link.related_offensive
            df.loc[i, "published"] = pd_timestamp(link.published)
            df.loc[i, "published_inferred"] = link.published_inferred
        return df

    @cached_property
    def events(self) -> pd.DataFrame:
        """The timeline: one row per event sentence (see :mod:`idlibkit.events`)."""
        from .events import events_table
        from .gazetteer import default_gazetteer

        off = self.offensives

        def day(value: object):
            return None if pd_isna(value) else value.date()

        from .geocode import geocode_events, offensive_context

        dates = [(day(r.start_date), day(r.end_date), day(r.published))
                 for r in off.itertuples()]
        gazetteer = default_gazetteer()
        df = events_table(self.articles, self.offensive_ids, dates, self.faction_table, gazetteer)
        # Coordinates and ACLED geo_precision follow the geocoding policy (idlibkit.geocode);
        # `location` stays the place the text names.
        geo = geocode_events(df, gazetteer, context=offensive_context(off, gazetteer))
        df["latitude"], df["longitude"] = geo["latitude"], geo["longitude"]
        df["geo_precision"] = geo["geo_precision"]
        return df

    @cached_property
    def places(self):
        """Every place the corpus mentions, as a GeoDataFrame (EPSG:4326)."""
        from .gazetteer import default_gazetteer
        from .places_table import places_table

        gazetteer = default_gazetteer()
        texts = [f"{r.title}. {r.place if isinstance(r.place, str) else ''}"
                 for r in self.offensives.itertuples()]
        also = [m.name for t in texts for m in gazetteer.find(t) if m.known]
        return places_table(self.events, gazetteer, also=also)

    @cached_property
    def control(self) -> pd.DataFrame:
        """Who held which place when, from territorial events (see :mod:`idlibkit.control`)."""
        from .control import control_table

        return control_table(self.events)

    @cached_property
    def unplaced(self) -> pd.DataFrame:
        """Place names the events use that have no coordinates: what to add to places.csv."""
        from .geocode import unplaced

        return unplaced(self.events)

    @cached_property
    def factions(self) -> pd.DataFrame:
        """Canonical factions seen in the corpus (see :mod:`idlibkit.faction_table`)."""
        from .faction_table import factions_table

        return factions_table(self.belligerents, self.units, self.events, self.offensives,
                              self.faction_table)

    @cached_property
    def belligerents(self) -> pd.DataFrame:
        """One row per party named in an infobox's Combatant fields."""
        from .tables import belligerents_table

        return belligerents_table(self.articles, self.offensive_ids, self.faction_table)

    @cached_property
    def units(self) -> pd.DataFrame:
        """One row per unit named in an infobox's Units fields."""
        from .tables import units_table

        return units_table(self.articles, self.offensive_ids, self.faction_table)

    @cached_property
    def commanders(self) -> pd.DataFrame:
        """One row per commander named in an infobox."""
        from .tables import commanders_table

        return commanders_table(self.articles, self.offensive_ids)

    @cached_property
    def casualties(self) -> pd.DataFrame:
        """Casualty figures parsed from the Strength and Casualties fields."""
        from .tables import casualties_table

        return casualties_table(self.articles, self.offensive_ids)

    @cached_property
    def sections(self) -> pd.DataFrame:
        """Every body paragraph of every document, cleaned."""
        from .tables import sections_table

        return sections_table(self.articles, self.offensive_ids)


def _expand(source: str | Path | Iterable[str | Path] | None) -> list[Path]:
    if source is None:
        source = corpus_dir()
    sources = [source] if isinstance(source, str | Path) else list(source)
    paths: list[Path] = []
    for s in sources:
        p = Path(s)
        if p.is_dir():
            paths += [c for c in p.iterdir() if c.is_file() and c.suffix.lower() in SUFFIXES]
        elif p.exists():
            paths.append(p)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return sorted(set(paths), key=lambda p: (p.name, str(p)))


def load_corpus(
    source: str | Path | Iterable[str | Path] | None = None,
    *,
    strict: bool = False,
    factions: FactionTable | None = None,
    workers: int | None = 1,
    progress: bool | None = None,
) -> Corpus:
    """Read documents into a :class:`Corpus`.

    Parameters
    ----------
    source : path, list of paths, or None
        A folder (every ``*.txt``, ``*.md`` and ``*.wiki`` in it), a file, or a list of
        either. None reads the kit's own corpus, from any working directory.
    strict : bool
        Raise on the first document that cannot be parsed instead of recording it.
    factions : FactionTable, optional
        The faction reference table; the kit's ``data/factions.csv`` by default.
    workers : int or None
        Processes to parse the documents in, one document per task (1, the default,
        parses in this process; None, one per CPU). The tables are built afterwards in
        this process and are the same whatever the number of workers.
    progress : bool or None
        Show a ``tqdm.auto`` progress bar while parsing; None (the default) shows one
        for more than 300 documents.

    Returns
    -------
    Corpus
        Parsed articles in file-name order, and the problems met.

    Raises
    ------
    ParseError
        With ``strict=True``, for the first document that cannot be parsed.
    FileNotFoundError
        If *source* names a path that does not exist.

    Warns
    -----
    ParseWarning
        For each document skipped (without ``strict``).

    Examples
    --------
    >>> import idlibkit as ik
    >>> corpus = ik.load_corpus()
    >>> len(corpus.articles), corpus.problems
    (5, [])
    >>> corpus.offensives.loc[0, ["offensive_id", "doc_format"]].tolist()
    ['2015-idlib-offensive', 'wiki-text']
    """
    from .parallel import read_all

    articles: list[Article] = []
    problems: list[Problem] = []
    for result in read_all(_expand(source), workers=workers, progress=progress):
        if isinstance(result, ParseError):
            if strict:
                raise result
            problems.append(result.problem)
            warnings.warn(f"skipped {result}", ParseWarning, stacklevel=2)
        else:
            articles.append(result)
    return Corpus(articles, problems, factions=factions)
