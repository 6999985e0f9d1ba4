"""Where an event happened: a point and how much to trust it, the way ACLED codes it.

ACLED gives every event one point and a ``geo_precision``:

1. the event took place at the named place itself (a building, village, town, city, base,
   airbase, checkpoint, crossing or hill);
2. it took place *near* a named place or in a small part of a larger area (``near X``,
   ``the outskirts of X``, ``X countryside``, a mountain or plain), or the place it names
   cannot be located and the point is that of a place named with it;
3. it took place somewhere in a larger region, and the point stands for that region (here:
   the governorate's representative point from ``data/boundaries.geojson``, or the midpoint
   of a long road stretch such as the M-5 highway through Idlib).

The policy, applied by :func:`geocode` to one event:

- **The most specific place wins.** The event's places are ranked by
  :data:`idlibkit.gazetteer.KIND_RANK` (point-like places, then cities, then mountains,
  regions and roads, then governorates), first-named first among equals. Countries are
  never used as a point: ``near the Turkish border`` does not put an event in central
  Turkey.
- **Precision from the place.** A point-like place gives 1, unless its gazetteer
  coordinate is only approximate to more than :data:`POINT_KM` km (``precision_km``), which
  gives 2; a mountain, plain or area gives 2; a road gives 2, or 3 when its point stands
  for a stretch longer than :data:`POINT_KM` km either way (``precision_km``); a governorate
  gives 3.
- **Words that widen it.** ``near``, ``outside``, ``around``, ``the outskirts of``,
  ``north of`` ..., or ``X area``, ``X countryside`` around the chosen place make it at
  least 2.
- **Fall back, never guess.** If the most specific place is not in the gazetteer or has
  no coordinates (``unlocated``), the point is that of the next most specific *located*
  place the event names, with precision at least 2. If none of the event's places is
  located, the offensive's own context (its title and ``Place`` field, see
  :func:`offensive_context`) is used, again with precision at least 2 (3 for a
  governorate). Without any of these the event gets no point (NaN) — never a wrong one.
- **A place the sentence does not name** (the timeline locates a sentence that names no
  place at its offensive's place) gets precision at least 2, unless a definite reference
  (``the town``, ``the base``) points to it.

:func:`unplaced` lists the place names events use that have no coordinates, so an
instructor sees which rows to add to ``data/places.csv``.

Examples
--------
>>> from idlibkit.gazetteer import default_gazetteer
>>> gaz = default_gazetteer()
>>> geocode(["Ariha"], gaz)
Geocode(location='Ariha', latitude=35.8137, longitude=36.6096, geo_precision=1)
>>> geocode(["Ariha"], gaz, notes="Army troops went on the offensive near Ariha.").geo_precision
2
>>> geocode(["Foo", "Ariha"], gaz).location   # Foo is not in the gazetteer
'Ariha'
>>> geocode(["Turkey"], gaz, context=["Idlib Governorate"])
Geocode(location='Idlib Governorate', latitude=35.8528, longitude=36.6829, geo_precision=3)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .gazetteer import KIND_RANK, Gazetteer, Mention, Place, default_gazetteer

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "GEO_AREA",
    "GEO_NEAR",
    "GEO_PLACE",
    "POINT_KINDS",
    "POINT_KM",
    "Geocode",
    "geocode",
    "geocode_events",
    "offensive_context",
    "unplaced",
]

#: ACLED geo_precision codes.
GEO_PLACE, GEO_NEAR, GEO_AREA = 1, 2, 3
#: Kinds of place that are a point on the ground.
POINT_KINDS = frozenset({"building", "village", "town", "city", "base", "airbase",
                         "checkpoint", "crossing", "hill"})
#: A point-like place whose gazetteer coordinate is off by more than this (km) counts as 2.
POINT_KM = 5.0
_NEVER_A_POINT = frozenset({"country"})

# Words just before a place that put the event near it rather than at it.
_NEAR_BEFORE = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?:\s+of)?|\baround|\bclose\s+to|\bnext\s+to|\bby"
    r"|\b(?:outskirts|vicinity|countryside|surroundings|environs|edges?|perimeter|approaches)"
    r"\s+(?:of|to)"
    r"|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+(?:part|side))?\s+of"
    r"|\bkm\s+(?:\w+\s+)?(?:of|from)|\bkilometres?\s+(?:\w+\s+)?(?:of|from)|\bbetween)"
    r"(?:\s+the)?(?:\s+(?:town|village|city|base|hill|crossing|area)\s+of)?\s+$",
    re.IGNORECASE,
)
# ... and just after it ("Mastouma area", "Idlib's countryside").
_NEAR_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:area|countryside|outskirts|surroundings|vicinity|environs|region"
    r"|front|axis|plain)\b",
    re.IGNORECASE,
)
# A definite reference to a place of these kinds ("the town", "the base").
_DEFINITE = re.compile(
    r"\bthe\s+(city|town|village|hill|crossing|airbase|air\s+base|airport|base|camp"
    r"|checkpoint|provincial\s+capital)\b(?!\s+of\b)",
    re.IGNORECASE,
)
_DEFINITE_KINDS = {
    "city": {"city"}, "provincial capital": {"city"}, "town": {"town", "city"},
    "village": {"village", "town"}, "hill": {"hill"}, "crossing": {"crossing"},
    "airbase": {"airbase"}, "air base": {"airbase"}, "airport": {"airbase"},
    "base": {"base", "airbase"}, "camp": {"base"}, "checkpoint": {"checkpoint"},
}


class Geocode(NamedTuple):
    """The point an event is mapped to.

    Attributes
    ----------
    location : str or None
        The gazetteer place whose coordinates are used (or, when there are none, the
        most specific place named; None when the event names no place at all).
    latitude, longitude : float
        WGS84 degrees, NaN when the event cannot be located.
    geo_precision : int or None
        1, 2 or 3 as in ACLED (see the module docstring); None without a point.
    """

    location: str | None
    latitude: float
    longitude: float
    geo_precision: int | None


_NOWHERE = Geocode(None, math.nan, math.nan, None)


def _located(place: Place | None) -> bool:
    return place is not None and place.lat is not None and place.lon is not None


def place_precision(place: Place) -> int:
    """The geo_precision a located gazetteer *place* gives by itself.

    >>> gaz = default_gazetteer()
    >>> [place_precision(gaz.places[n]) for n in ("Ariha", "Al-Tlul", "Jabal al-Zawiya",
    ...                                           "M-5 highway", "Idlib Governorate")]
    [1, 2, 2, 3, 3]
    """
    coarse = place.precision_km is not None and place.precision_km > POINT_KM
    if place.kind in POINT_KINDS:
        return GEO_NEAR if coarse else GEO_PLACE
    if place.kind in ("governorate", "country"):
        return GEO_AREA
    if place.kind == "road":  # a line: its point stands for a stretch of road
        return GEO_AREA if coarse or place.precision_km is None else GEO_NEAR
    return GEO_NEAR


def _guess_kind(name: str) -> str:
    low = name.lower()
    if low.endswith("checkpoint"):
        return "checkpoint"
    if re.search(r"\b(?:highway|motorway|road)$|^m-?\d", low):
        return "road"
    return "unknown"


def _qualified(mention: Mention, notes: str) -> bool:
    """Whether the words around *mention* put the event near the place, not at it."""
    before = notes[max(0, mention.start - 60):mention.start]
    return bool(_NEAR_BEFORE.search(before) or _NEAR_AFTER.match(notes, mention.end))


def geocode(
    locations: Sequence[str] | Sequence[Mention],
    gazetteer: Gazetteer | None = None,
    *,
    notes: str | None = None,
    context: Iterable[str] = (),
) -> Geocode:
    """The point and ACLED ``geo_precision`` of one event (the policy is in the module doc).

    Parameters
    ----------
    locations : sequence of str or of Mention
        The places the event names, in the order named (``corpus.events.locations``, or
        the mentions :meth:`Gazetteer.find` returns for its sentence).
    gazetteer : Gazetteer, optional
        Default: :func:`idlibkit.gazetteer.default_gazetteer`.
    notes : str, optional
        The event's sentence. With it, ``near X`` and ``X countryside`` are recognised,
        as are places the sentence does not name itself.
    context : iterable of str
        Places to fall back on when none of *locations* is located, most specific first
        (see :func:`offensive_context`).

    Returns
    -------
    Geocode
        ``(location, latitude, longitude, geo_precision)``.

    Examples
    --------
    >>> gaz = default_gazetteer()
    >>> geocode(["Sehyan checkpoint", "Khan Shaykhun"], gaz).location
    'Sehyan checkpoint'
    >>> geocode(["M-5 highway", "Khan Shaykhun"], gaz).location   # the town, not the road
    'Khan Shaykhun'
    >>> geocode(["M-5 highway"], gaz)
    Geocode(location='M-5 highway', latitude=35.6483, longitude=36.6769, geo_precision=3)
    >>> geocode(["M4 highway"], gaz)   # not in the gazetteer, nothing else named
    Geocode(location='M4 highway', latitude=nan, longitude=nan, geo_precision=None)
    >>> geocode([], gaz, context=["Idlib"]).geo_precision
    2
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    mentions: list[Mention] = gaz.find(notes) if notes else []
    names = [m.name if isinstance(m, Mention) else str(m) for m in locations]
    if locations and isinstance(locations[0], Mention) and not mentions:
        mentions = [m for m in locations if isinstance(m, Mention)]
    kinds = {m.name: m.kind for m in mentions}
    # With the sentence at hand, the places it names come before those it only refers to
    # ("the town") or that come from the offensive's context.
    unnamed = (lambda name: name not in kinds) if notes else (lambda name: False)

    candidates: list[tuple[tuple[bool, int, int], str, Place | None]] = []
    for i, name in enumerate(dict.fromkeys(names)):
        place = gaz.lookup_exact(name) or gaz.lookup(name)
        kind = place.kind if place is not None else kinds.get(name) or _guess_kind(name)
        if kind in _NEVER_A_POINT:
            continue
        candidates.append(((unnamed(name), KIND_RANK.get(kind, 1), i), name, place))
    candidates.sort(key=lambda c: c[0])

    if candidates:
        first = candidates[0][2]
        for rank_pos, (_, _, place) in enumerate(candidates):
            if not _located(place):
                continue
            assert place is not None and place.lat is not None and place.lon is not None
            precision = place_precision(place)
            if rank_pos > 0 and not _located(first):
                precision = max(precision, GEO_NEAR)  # the most specific place is unknown
            if notes:
                named = [m for m in mentions if m.name == place.name]
                if any(_qualified(m, notes) for m in named):
                    precision = max(precision, GEO_NEAR)
                elif not named and not _refers_to(notes, place):
                    precision = max(precision, GEO_NEAR)  # placed from context
            return Geocode(place.name, place.lat, place.lon, precision)
    for name in context:
        place = gaz.lookup_exact(name) or gaz.lookup(name)
        if _located(place) and place is not None and place.kind not in _NEVER_A_POINT:
            assert place.lat is not None and place.lon is not None
            return Geocode(place.name, place.lat, place.lon,
                           max(place_precision(place), GEO_NEAR))
    if candidates:
        return Geocode(candidates[0][1], math.nan, math.nan, None)
    return _NOWHERE


def _refers_to(notes: str, place: Place) -> bool:
    """Whether *notes* has a definite reference (``the town``) that can mean *place*."""
    return any(place.kind in _DEFINITE_KINDS[" ".join(m.group(1).lower().split())]
               for m in _DEFINITE.finditer(notes))


def offensive_context(offensives: pd.DataFrame, gazetteer: Gazetteer | None = None
                      ) -> dict[str, list[str]]:
    """The located places each offensive's title and ``place`` field name, most specific
    first (countries left out): what an event that names no place falls back on.

    Parameters
    ----------
    offensives : DataFrame
        ``corpus.offensives`` (columns offensive_id, title, place).
    gazetteer : Gazetteer, optional

    Examples
    --------
    >>> import idlibkit as ik
    >>> ctx = offensive_context(ik.load_corpus().offensives)
    >>> ctx["idlib-governorate-clashes-june-2012-april-2013"]
    ['Idlib Governorate']
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    out: dict[str, list[str]] = {}
    for row in offensives.itertuples(index=False):
        place = row.place if isinstance(row.place, str) else ""
        title = row.title if isinstance(row.title, str) else ""
        found = [m for m in gaz.find(f"{title}. {place}")
                 if m.known and m.kind not in _NEVER_A_POINT and _located(gaz.places[m.name])]
        ranked = sorted(enumerate(found), key=lambda im: (KIND_RANK.get(im[1].kind, 1), im[0]))
        out[row.offensive_id] = list(dict.fromkeys(m.name for _, m in ranked))
    return out


def geocode_events(
    events: pd.DataFrame,
    gazetteer: Gazetteer | None = None,
    *,
    context: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """:func:`geocode` every row of an events table.

    Parameters
    ----------
    events : DataFrame
        ``corpus.events`` (uses locations, notes and offensive_id).
    gazetteer : Gazetteer, optional
    context : mapping offensive_id -> list of str, optional
        Fallback places per offensive (:func:`offensive_context`); without it an event
        that names no located place gets no point.

    Returns
    -------
    DataFrame
        Indexed like *events*, columns ``location`` (the place whose point is used),
        ``latitude``, ``longitude`` (float, NaN where unknown) and ``geo_precision``
        (``Int64``, <NA> where unknown).

    Examples
    --------
    >>> import idlibkit as ik
    >>> corpus = ik.load_corpus()
    >>> geo = geocode_events(corpus.events, context=offensive_context(corpus.offensives))
    >>> sorted(geo.geo_precision.dropna().unique().tolist())
    [1, 2, 3]
    >>> int(geo.latitude.isna().sum())
    0
    """
    import pandas as pd

    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    ctx = context or {}
    rows = [
        geocode(list(locs) if isinstance(locs, list | tuple) else [], gaz,
                notes=notes if isinstance(notes, str) else None, context=ctx.get(oid, ()))
        for locs, notes, oid in zip(events["locations"], events["notes"],
                                    events["offensive_id"], strict=True)
    ]
    out = pd.DataFrame(rows, columns=list(Geocode._fields), index=events.index)
    out = out.astype({"latitude": "float64", "longitude": "float64"})
    out["geo_precision"] = pd.array(
        [None if p is None or p != p else int(p) for p in out["geo_precision"]], dtype="Int64")
    return out


def unplaced(events: pd.DataFrame, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Place names the events use that have no coordinates, with counts.

    A name is unplaced when it is not a gazetteer row, or is one whose ``lat``/``lon`` are
    empty (``unlocated: ...`` provenance). Add a row (or coordinates) to
    ``data/places.csv`` to place it.

    Parameters
    ----------
    events : DataFrame
        ``corpus.events``.
    gazetteer : Gazetteer, optional

    Returns
    -------
    DataFrame
        One row per name, most used first: ``name``, ``kind`` (the gazetteer's, else what
        the text calls it, else ``unknown``), ``in_gazetteer`` (bool), ``events`` (number
        of events naming it), ``offensives`` (list of offensive_id), ``example_event_id``
        and ``example`` (the first sentence that names it).

    Examples
    --------
    >>> import idlibkit as ik
    >>> len(unplaced(ik.load_corpus().events))   # every place the seeds name is located
    0
    >>> import pandas as pd
    >>> events = pd.DataFrame({"locations": [["Kafr Foo", "Ariha"]], "event_id": ["e1"],
    ...                        "offensive_id": ["o1"],
    ...                        "notes": ["Rebels captured the village of Kafr Foo near Ariha."]})
    >>> unplaced(events)[["name", "kind", "in_gazetteer", "events"]].to_dict("records")
    [{'name': 'Kafr Foo', 'kind': 'village', 'in_gazetteer': False, 'events': 1}]
    """
    import pandas as pd

    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    found: dict[str, dict] = {}
    for locs, eid, oid, notes in zip(events["locations"], events["event_id"],
                                     events["offensive_id"], events["notes"], strict=True):
        if not isinstance(locs, list | tuple):
            continue
        for name in dict.fromkeys(locs):
            place = gaz.lookup_exact(name) or gaz.lookup(name)
            if _located(place):
                continue
            row = found.get(name)
            if row is None:
                kind = place.kind if place is not None else None
                if kind is None and isinstance(notes, str):
                    kind = next((m.kind for m in gaz.find(notes) if m.name == name), None)
                row = found[name] = {
                    "name": name, "kind": kind or _guess_kind(name),
                    "in_gazetteer": place is not None, "events": 0, "offensives": [],
                    "example_event_id": eid, "example": notes,
                }
            row["events"] += 1
            if oid not in row["offensives"]:
                row["offensives"].append(oid)
    columns = ["name", "kind", "in_gazetteer", "events", "offensives", "example_event_id",
               "example"]
    table = pd.DataFrame(list(found.values()), columns=columns)
    table = table.astype({"in_gazetteer": bool, "events": "int64"})
    return table.sort_values(["events", "name"], ascending=[False, True],
                             ignore_index=True)
