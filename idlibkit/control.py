"""Who held which place when, from the timeline's territorial events.

:func:`control_table` reads the events whose ACLED sub-event type transfers territory:

- ``Government regains territory`` -> the place is held by the ``government`` from then on;
- ``Non-state actor overtakes territory`` -> by the ``opposition``;
- ``Non-violent transfer of territory`` -> by the side that gains it: the side other than
  the one the sentence says withdrew, pulled out, abandoned or evacuated, or else the
  acting side (the first side the sentence names, as for ``actor1``).

The places are the ones the sentence says changed hands, not every place it names:
the objects of a capture verb (``captured the villages of X and Y``, ``seized control of
the X crossing``, ``the capture of X``, ``withdrew from X``), the subjects of a passive
one (``X and Y were captured by``, ``X fell to``, ``X was declared a secure area``), the
antecedent of ``..., which they later took control of``, and a definite reference after
such a verb (``recaptured the hill``), resolved to the place the sentence names of that
kind or else to the referent the timeline gave it. A place named only as the setting
(``near Ariha``, ``checkpoints around X``, ``at the base in Idlib province``) is not
taken; countries and governorates never are. Events from which no place can be read
this way add no row, so the table is a list of *reported* transfers, traceable by
``event_id`` — not a complete front line.

Examples
--------
>>> import idlibkit as ik
>>> control = control_table(ik.load_corpus().events)
>>> ariha = control.query("place == 'Ariha'")
>>> [(str(d)[:10], h) for d, h in zip(ariha.date, ariha.holder)]
[('2012-08-11', 'government'), ('NaT', 'opposition')]
>>> holder_at(control, "2013-02-01")["Taftanaz military airport"]
'opposition'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, Mention, default_gazetteer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HOLDERS", "TERRITORIAL", "control_table", "holder_at", "transferred_places"]

#: ACLED sub-event types that transfer territory, and who holds the place afterwards
#: (None: the gaining side, read from the sentence).
TERRITORIAL: dict[str, str | None] = {
    "Government regains territory": "government",
    "Non-state actor overtakes territory": "opposition",
    "Non-violent transfer of territory": None,
}
#: The two holders.
HOLDERS = ("government", "opposition")
_OTHER = {"government": "opposition", "opposition": "government"}
_NOT_TERRITORY = frozenset({"country", "governorate"})

_ADV = r"(?:(?:also|later|then|soon|fully|reportedly|completely|finally|subsequently)\s+)*"
# Active verbs: the places after them changed hands.
_FORWARD = re.compile(
    r"\b(?:(?:re)?captur(?:ed|ing|e\s+of)|seiz(?:ed|ing)|(?:re)?took|(?:re)?taken|retak(?:e|ing)"
    r"|overr(?:an|un)|storm(?:ed|ing)|secur(?:ed|ing)|regain(?:ed|ing)|liberat(?:ed|ing)"
    r"|takeover\s+of|fall\s+of"
    r"|withdr(?:ew|awn?|awing)\s+from|pull(?:ed|ing)\s+out\s+(?:of|from)"
    r"|retreat(?:ed|ing)\s+from|abandon(?:ed|ing)|evacuat(?:ed|ing))"
    r"(?:\s+(?:full\s+|complete\s+)?control\s+(?:of|over)|\s+over)?",
    re.IGNORECASE,
)
# Passive verbs: the places before them changed hands.
_BACKWARD = re.compile(
    rf"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+{_ADV}"
    r"(?:(?:re)?captured|seized|(?:re)?taken|overrun|stormed|secured|liberated|abandoned"
    r"|evacuated|declared\s+(?:as\s+)?(?:a\s+)?secure|(?:as\s+)?a\s+secure\s+area)"
    rf"|\b{_ADV}fell\s+(?:in)?to",
    re.IGNORECASE,
)
_WITHDRAW = re.compile(
    r"\b(?:withdr(?:ew|awn?|awing)|pull(?:ed|ing)\s+out|retreat(?:ed|ing)|abandon(?:ed|ing)"
    r"|evacuat(?:ed|ing)|fled)\b",
    re.IGNORECASE,
)
# Words allowed between a verb and its object, or between the places of a list.
_KIND_NOUN = r"(?:town|village|city|hill|base|airbase|air\s+base|crossing|checkpoint|camp)s?"
_GAP = re.compile(
    r"(?:\s|,|\b(?:the|a|an|and|of|parts?|all|most|much|large|control|over|strategic"
    rf"|nearby|{_KIND_NOUN}|[A-Z]\w+(?=\s+{_KIND_NOUN}\b))\b)*",
)
_CONTAINER = re.compile(r"\s+(?:town|village|area|district|suburb|countryside|region)\s+of\s+"
                        r"(?:the\s+)?")
# "the X crossing with Turkey was taken": the country does not end the list.
_WITH_COUNTRY = re.compile(r"\s+(?:border\s+)?(?:crossing\s+)?(?:with|on\s+the\s+border\s+with)"
                           r"\s+(?:the\s+)?")
_WHICH = re.compile(r",\s*which\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_DEFINITE = re.compile(
    r"\s*(?:(?:the|a|an|parts?|of|all|most|large|part)\s+)*the\s+"
    r"(city|town|village|hill|crossing|airbase|air\s+base|airport|base|camp|checkpoint)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
_DEFINITE_KINDS = {
    "city": ("city",), "town": ("town", "city"), "village": ("village", "town"),
    "hill": ("hill",), "crossing": ("crossing",), "airbase": ("airbase",),
    "air base": ("airbase",), "airport": ("airbase",), "base": ("base", "airbase"),
    "camp": ("base",), "checkpoint": ("checkpoint",),
}


def _gap_ok(text: str) -> bool:
    return _GAP.fullmatch(text) is not None


def transferred_places(
    notes: str,
    locations: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> list[str]:
    """The places a sentence says changed hands (see the module docstring).

    Parameters
    ----------
    notes : str
        The sentence.
    locations : sequence of str
        The event's ``locations`` (to resolve ``the town`` when the sentence does not
        name it).
    gazetteer : Gazetteer, optional

    Examples
    --------
    >>> transferred_places("On 15 April, Army troops went on the offensive near Ariha and "
    ...                    "captured the villages of Kafr Najd and Nahlaya.")
    ['Kafr Najd', 'Nahlaya']
    >>> transferred_places("Baboulin town and al-Salhiya village were captured by the rebels, "
    ...                    "cutting off the supply route to the Wadi Deif base.")
    ['Baboulin', 'al-Salhiya']
    >>> transferred_places("The Army later recaptured the hill.", ["Tell al-Mastouma"])
    ['Tell al-Mastouma']
    """
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    mentions = [m for m in gaz.find(notes) if m.known]
    # "X town of Y": Y only locates X.
    containers = {j for j in range(1, len(mentions))
                  if _CONTAINER.fullmatch(notes, mentions[j - 1].end, mentions[j].start)}
    found: list[Mention | _Ref] = []

    def take(m: Mention, j: int) -> None:
        if j not in containers and m.kind not in _NOT_TERRITORY and m not in found:
            found.append(m)

    for verb in _FORWARD.finditer(notes):
        pos = verb.end()
        took = False
        for j, m in enumerate(mentions):
            if m.start < pos:
                continue
            if not _gap_ok(notes[pos:m.start]):
                break
            take(m, j)
            took = True
            pos = m.end
        if not took:
            ref = _definite(notes, verb.end(), mentions, locations, gaz)
            if ref is not None:
                found.append(ref)
            elif _WHICH.search(notes, 0, verb.start()):
                comma = notes.rfind(",", 0, verb.start())
                before = [(j, m) for j, m in enumerate(mentions) if m.end <= comma]
                if before and len(notes[before[-1][1].end:comma].split()) <= 1:
                    take(before[-1][1], before[-1][0])
    for verb in _BACKWARD.finditer(notes):
        pos, after_country = verb.start(), False
        for j in range(len(mentions) - 1, -1, -1):
            m = mentions[j]
            if m.end > pos:
                continue
            gap = notes[m.end:pos]
            if not (_gap_ok(gap) or (after_country and _WITH_COUNTRY.fullmatch(gap))):
                break
            take(m, j)
            pos, after_country = m.start, m.kind == "country"
    names = [m.name for m in sorted(found, key=lambda m: m.start)]
    return list(dict.fromkeys(names))


class _Ref:
    """A place a definite reference points to (it has no span in the sentence)."""

    __slots__ = ("kind", "name", "start")

    def __init__(self, name: str, kind: str, start: int) -> None:
        self.name, self.kind, self.start = name, kind, start


def _definite(notes: str, pos: int, mentions: list[Mention], locations: Sequence[str],
              gaz: Gazetteer):
    m = _DEFINITE.match(notes, pos)
    if m is None:
        return None
    kinds = _DEFINITE_KINDS[" ".join(m.group(1).lower().split())]
    for mention in reversed([x for x in mentions if x.end <= pos]):
        if mention.kind in kinds:
            return _Ref(mention.name, mention.kind, m.start(1))
    named = {x.name for x in mentions}
    for name in locations:
        place = gaz.lookup_exact(name)
        if name not in named and place is not None and place.kind in kinds:
            return _Ref(place.name, place.kind, m.start(1))
    return None


def _gaining_side(notes: str, base: str | None) -> str | None:
    """The side that holds the place after the event."""
    if base is not None:
        return base
    from .actors import find_actors

    actors = [a for a in find_actors(notes) if a.side in HOLDERS]
    w = _WITHDRAW.search(notes)
    if w is not None:
        before = [a for a in actors if a.end <= w.start()]
        if before:
            return _OTHER[before[-1].side]  # type: ignore[index]
    return actors[0].side if actors else None


def control_table(events: pd.DataFrame, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Who held which place when, from territorial events.

    Parameters
    ----------
    events : DataFrame
        ``corpus.events`` (uses event_id, event_date, sub_event_type, locations, notes).
    gazetteer : Gazetteer, optional

    Returns
    -------
    DataFrame
        Columns ``place`` (canonical gazetteer name), ``date`` (``datetime64``; NaT when
        the event's date is unknown), ``holder`` (``government`` or ``opposition``) and
        ``event_id``; one row per place and event, sorted by place (ignoring case), then
        date (unknown last), then event_id.

    Examples
    --------
    >>> import idlibkit as ik
    >>> control = control_table(ik.load_corpus().events)
    >>> list(control.columns), sorted(control.holder.unique())
    (['place', 'date', 'holder', 'event_id'], ['government', 'opposition'])
    """
    import pandas as pd

    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    rows = []
    territorial = events[events["sub_event_type"].isin(list(TERRITORIAL))]
    for r in territorial.itertuples(index=False):
        notes = r.notes if isinstance(r.notes, str) else ""
        holder = _gaining_side(notes, TERRITORIAL[r.sub_event_type])
        if holder is None:
            continue
        locations = list(r.locations) if isinstance(r.locations, list | tuple) else []
        for place in transferred_places(notes, locations, gaz):
            rows.append({"place": place, "date": r.event_date, "holder": holder,
                         "event_id": r.event_id})
    table = pd.DataFrame(rows, columns=["place", "date", "holder", "event_id"])
    table["date"] = pd.to_datetime(table["date"]).astype("datetime64[ns]")
    return table.sort_values(["place", "date", "event_id"], na_position="last",
                             ignore_index=True, key=_casefold)


def _casefold(col: pd.Series) -> pd.Series:
    return col.str.casefold() if col.name == "place" else col


def holder_at(control: pd.DataFrame, date: object) -> dict[str, str]:
    """The last reported holder of each place on *date* (inclusive).

    Rows with an unknown date are ignored; a place with no reported transfer on or
    before *date* is absent.

    Parameters
    ----------
    control : DataFrame
        :func:`control_table`'s output (or ``corpus.control``).
    date : str, date or Timestamp

    Returns
    -------
    dict
        place -> ``government`` / ``opposition``, in place order.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"place": ["A", "A", "B"], "holder": ["opposition", "government",
    ...                   "opposition"], "event_id": ["e1", "e2", "e3"],
    ...                   "date": pd.to_datetime(["2012-01-01", "2013-01-01", "2014-01-01"])})
    >>> holder_at(c, "2013-06-01")
    {'A': 'government'}
    """
    import pandas as pd

    when = pd.Timestamp(date)
    dated = control[control["date"].notna() & (control["date"] <= when)]
    dated = dated.sort_values(["place", "date", "event_id"], kind="stable")
    last = dated.groupby("place", sort=True).tail(1)
    return dict(zip(last["place"], last["holder"], strict=True))
