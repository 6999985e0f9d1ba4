"""The timeline: one ACLED-style row per sentence that reports a datable occurrence.

For every body sentence of every document, in reading order: the date
(:mod:`idlibkit.event_dates`), the places (:mod:`idlibkit.gazetteer`) and actors
(:mod:`idlibkit.actors`) it names, its ACLED event type (:mod:`idlibkit.event_types`;
sentences that report no occurrence are dropped), the deaths and captures it reports
(:mod:`idlibkit.fatalities`) and who it attributes the report to
(:mod:`idlibkit.claims`).

Places: a definite reference (``the city``, ``the hill``, ``the base``, ``the province``)
is resolved to the place of that kind the paragraph named last, else the story's (of the
last three named, the one named most often; the title counts), and added to
``locations``; ``both bases`` / ``the two bases`` to the last two, and ``the
hospital`` / ``the building`` to the named facility told last (``the National
Hospital``), even one the gazetteer does not know. A sentence that names no place at
all is located, as ACLED does, at the nearest named context: where its paragraph last
was (``Local activists put the toll at 20`` after a sentence about Darkush), else the
places of the offensive's title and ``Place`` field (most specific first).

A news report's standfirst only summarises its body, so it gives no rows of its own.
``notes`` keeps the whole cleaned sentence, so every row can be checked against its
source.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

import pandas as pd

from .actors import actor_pair, find_actors
from .claims import claim_source
from .event_dates import DateResolver
from .event_types import GOVERNMENT_REGAINS, NON_STATE_OVERTAKES, EventType, classify_event
from .factions import FactionTable
from .fatalities import extract_casualties
from .gazetteer import KIND_RANK, Gazetteer, Mention, main_location
from .model import Article
from .sentences import split_sentences
from .tables import COLUMNS

__all__ = ["events_table"]
_COUNTS = ["fatalities", "fatalities_low", "fatalities_high", "deaths_rebels",
           "deaths_government", "deaths_civilians", "captured"]
_SKIP_SECTIONS = {("Standfirst",)}
# "the city" -> the kinds of place it can refer to ("the city of X" names X instead);
# "both bases" / "the two bases" -> the two named most recently.
_DEFINITE = re.compile(
    r"\b(?P<det>[Tt]he two|[Bb]oth(?: the)?|[Tt]he) (?P<noun>city|town|village|hill|crossing|"
    r"airbase|air base|airport|military base|base|camp|checkpoint|bases|towns|villages|"
    r"provincial capital|province|governorate|"
    r"hospital|prison|school|mosque|stadium|factory|silos|building)\b(?! of\b)"
)
# Named facilities are remembered by their head noun ("the National Hospital" -> "the
# hospital"), whether or not the gazetteer knows them; "the building" means any of them.
_FACILITIES = ("hospital", "prison", "school", "mosque", "stadium", "factory", "silos")
_REFERENT_KINDS = {
    "city": ("city",), "provincial capital": ("city",), "town": ("town", "city"),
    "village": ("village", "town"), "hill": ("hill",), "crossing": ("crossing",),
    "airbase": ("airbase",), "air base": ("airbase",), "airport": ("airbase",),
    "military base": ("base", "airbase"), "base": ("base", "airbase"),
    "bases": ("base", "airbase"), "camp": ("base",), "checkpoint": ("checkpoint",),
    "towns": ("town", "village"), "villages": ("village", "town"),
    "province": ("governorate",), "governorate": ("governorate",),
    "building": ("building",),
} | {f: (f,) for f in _FACILITIES}


class _Recent:
    """The places of each kind a document named most recently, for definite references."""

    def __init__(self) -> None:
        self._names: dict[str, list[str]] = {}
        self._when: dict[str, int] = {}  # name -> when it was last named
        self._count: dict[str, int] = {}  # name -> how often it was named
        self._clock = itertools.count(1)
        self._now = 0  # the clock's last reading
        self._paragraph_from = 0  # the clock when the current paragraph began

    def new_paragraph(self) -> None:
        self._paragraph_from = self._now

    def remember(self, mentions: Sequence[Mention]) -> None:
        for m in mentions:
            keys = [m.kind] if m.known else []
            if m.kind == "building" or not m.known:
                head = m.name.rsplit(" ", 1)[-1].lower()
                if head in _FACILITIES:
                    keys += [head, "building"]
                elif m.kind == "building":
                    keys.append("building")
            if not keys:
                continue
            for key in keys:
                names = self._names.setdefault(key, [])
                if names and names[-1] == m.name:
                    continue
                if m.name in names:
                    names.remove(m.name)
                names.append(m.name)
            self._when[m.name] = self._now = next(self._clock)
            self._count[m.name] = self._count.get(m.name, 0) + 1

    def referents(self, sentence: str) -> list[str]:
        """Places that definite references in *sentence* point to."""
        out = []
        for m in _DEFINITE.finditer(sentence):
            kinds = _REFERENT_KINDS[m["noun"]]
            if m["noun"] in ("bases", "towns", "villages") or m["det"].lower() != "the":
                # "the two towns": the last two of any of these kinds
                pool = {n for k in kinds for n in self._names.get(k, ())}
                out += sorted(pool, key=lambda n: -self._when[n])[:2]
                continue
            for kind in kinds:
                names = self._names.get(kind)
                if names:
                    # "the city" is the one this paragraph named last; failing that, the
                    # story's city: of the last three named, the one named most often (not
                    # one named in passing before, "supplies from Latakia")
                    if self._when[names[-1]] > self._paragraph_from:
                        out.append(names[-1])
                    else:
                        out.append(max(names[-3:], key=lambda n: (self._count[n],
                                                                  self._when[n])))
                    break
        return list(dict.fromkeys(out))


def _acting_side(kind: EventType, sides: Sequence[str], before: str | None) -> str | None:
    """Who acted in an event: the side that took territory, else the first side named."""
    if kind.sub_event_type == GOVERNMENT_REGAINS:
        return "government"
    if kind.sub_event_type == NON_STATE_OVERTAKES:
        return "opposition"
    return sides[0] if sides else before


def _article_events(
    art: Article,
    oid: str,
    dates: tuple[dt.date | None, dt.date | None, dt.date | None],
    factions: FactionTable,
    gazetteer: Gazetteer,
) -> list[dict]:
    resolver = DateResolver(*dates)
    rows = []
    recent = _Recent()
    context = gazetteer.find(f"{art.title}. {art.field_value('place') or ''}")
    recent.remember(context)
    # The offensive's own places, most specific first, for sentences that name none.
    context_places = [m.name for m in sorted(
        (m for m in context if m.known and m.kind not in ("country", "governorate")),
        key=lambda m: KIND_RANK.get(m.kind, 9))]
    for sec in art.sections:
        if sec.path in _SKIP_SECTIONS:
            continue
        resolver.enter_section(sec.path)
        # Who the last attributed sentence quoted: "He said ..." and "the same site said" in
        # the next paragraph still mean them (news paragraphs are often one sentence long).
        speaker = None
        for para in sec.paragraphs:
            resolver.new_paragraph()
            recent.new_paragraph()
            here: list[str] = []  # the places the paragraph's last sentence naming any named
            last_kind: EventType | None = None  # the paragraph's last event, and its side
            last_side: str | None = None
            for sentence in split_sentences(para.text):
                date = resolver.resolve(sentence)
                speaker = claim_source(sentence, previous=speaker)
                places = gazetteer.find(sentence)
                referred = recent.referents(sentence)
                recent.remember(places)
                actors = find_actors(sentence, factions)
                sides = [a.side for a in actors if a.side]
                kind = classify_event(sentence, sides, previous=last_kind,
                                      previous_side=last_side)
                if places or referred:
                    named = main_location(places)
                    here = [named.name] if named is not None else referred[:1]
                if kind is None:
                    continue
                last_kind, last_side = kind, _acting_side(kind, sides, last_side)
                if not places and not referred:
                    # A sentence naming no place goes on where its paragraph was (``Local
                    # activists put the toll at 20``), else at the offensive's own place.
                    referred = here[:1] or context_places[:1]
                main = main_location(places)
                main_name = main.name if main is not None else (referred[0] if referred else None)
                known = main.known if main is not None else bool(referred)
                # names here are the gazetteer's own (mentions, referents): no fuzzy look-up
                place = gazetteer.lookup_exact(main_name) if known else None
                counts = extract_casualties(sentence)
                actor1, actor2 = actor_pair(actors)
                rows.append({
                    "event_id": f"{oid}-{len(rows) + 1:03d}",
                    "offensive_id": oid,
                    "source_file": art.source_file,
                    "section": sec.name,
                    "event_date": date.date,
                    "date_precision": date.precision,
                    "date_text": date.text,
                    "event_type": kind.event_type,
                    "sub_event_type": kind.sub_event_type,
                    "actor1": actor1,
                    "actor2": actor2,
                    "actors": list(dict.fromkeys(a.name for a in actors)),
                    "location": main_name,
                    "locations": list(dict.fromkeys([p.name for p in places] + referred)),
                    "latitude": place.lat if place is not None else None,
                    "longitude": place.lon if place is not None else None,
                    **{c: getattr(counts, c) for c in _COUNTS},
                    "claim_source": speaker,
                    "notes": sentence,
                    "line": para.line,
                })
    return rows


def events_table(
    articles: Sequence[Article],
    offensive_ids: Sequence[str],
    dates: Sequence[tuple[dt.date | None, dt.date | None, dt.date | None]],
    factions: FactionTable,
    gazetteer: Gazetteer,
) -> pd.DataFrame:
    """Events of every article; ``dates`` gives each article's (start, end, published)."""
    rows = []
    for art, oid, d in zip(articles, offensive_ids, dates, strict=True):
        rows += _article_events(art, oid, d, factions, gazetteer)
    df = pd.DataFrame(rows, columns=COLUMNS["events"])
    df["event_date"] = pd.Series(pd.to_datetime(df["event_date"]), dtype="datetime64[ns]")
    df = df.astype({c: "Int64" for c in _COUNTS} | {"latitude": "float64",
                                                    "longitude": "float64", "line": "int64",
                                                    "geo_precision": "Int64"})
    return df
