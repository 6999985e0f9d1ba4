"""Link news reports to the offensive they report on, and date undated reports.

A news page names no offensive; it names factions and places. Each offensive in the
corpus is scored by what the report shares with it: the factions its infobox lists and
the places its title and ``Place`` field name, each weighted by how rare it is across
offensives (an inverse document frequency: the Army of Conquest, in one offensive, says
more than Al-Nusra Front, in all of them). A report dated by a dateline must also fall
within a month of the offensive's dates. A tie links nothing.

A report without a dateline gets its publication date inferred from the offensive it
reports on: its weekday references ("On Tuesday, a new coalition … launched") are laid
on the week that starts with the offensive's first day, and the report is dated the day
after the latest of them, the earliest date consistent with everything it says
happened. The result is flagged ``published_inferred``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .factions import FactionTable
from .model import Article

__all__ = ["NewsLink", "infer_published", "link_news"]

_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = {d: i for i, d in enumerate(calendar.day_name)}
_SLACK = dt.timedelta(days=31)


@dataclass(frozen=True)
class NewsLink:
    """What :func:`link_news` found for one news report."""

    related_offensive: str | None
    published: dt.date | None
    published_inferred: bool


def _text(article: Article) -> str:
    return " ".join(p.text for s in article.sections for p in s.paragraphs)


def infer_published(text: str, start: dt.date) -> dt.date | None:
    """Publication date implied by the weekdays *text* mentions, given the offensive's start.

    Examples
    --------
    >>> infer_published("On Tuesday rebels attacked. On Thursday, Reuters reported.",
    ...                 dt.date(2015, 3, 24))  # a Tuesday
    datetime.date(2015, 3, 27)
    >>> infer_published("Rebels attacked.", dt.date(2015, 3, 24)) is None
    True
    """
    offsets = [(_WEEKDAYS[w] - start.weekday()) % 7 for w in _WEEKDAY.findall(text)]
    if not offsets:
        return None
    return start + dt.timedelta(days=max(offsets) + 1)


def link_news(
    articles: Sequence[Article],
    offensive_ids: Sequence[str],
    dates: Sequence[tuple[dt.date | None, dt.date | None]],
    belligerents: Sequence[set[str]],
    factions: FactionTable,
) -> dict[int, NewsLink]:
    """Link every news article (by index) to an offensive and date it.

    Parameters
    ----------
    articles, offensive_ids : sequences
        The corpus's articles and their ids, in the same order.
    dates : sequence of (start, end)
        Each article's infobox dates (None for news).
    belligerents : sequence of set of str
        Canonical names of each article's infobox parties.
    factions : FactionTable
        Used to find the factions a report names.
    """
    from .actors import find_actors
    from .gazetteer import default_gazetteer

    gazetteer = default_gazetteer()

    def places(text: str) -> set[str]:
        return {f"place:{m.name}" for m in gazetteer.find(text) if m.known}

    # What each offensive is about: its infobox parties and the places of its title and
    # Place field (its prose names many places in passing).
    about = [
        set(belligerents[i]) | places(f"{a.title}. {a.field_value('place') or ''}")
        if a.doc_format != "news" else set()
        for i, a in enumerate(articles)
    ]
    targets = [i for i, a in enumerate(articles) if a.doc_format != "news" and about[i]]
    # Scoring every report against every offensive one by one is quadratic; an inverted
    # index (name -> the targets that have it) and numpy vectors keep it fast at scale.
    postings: dict[str, list[int]] = {}
    for k, j in enumerate(targets):
        for name in about[j]:
            postings.setdefault(name, []).append(k)
    index = {name: np.array(ks) for name, ks in postings.items()}
    weight = {name: math.log(1 + len(targets) / len(ks)) for name, ks in postings.items()}
    has_start = np.array([dates[j][0] is not None for j in targets], dtype=bool)
    first = np.array([dates[j][0].toordinal() if dates[j][0] else 0 for j in targets])
    last = np.array([(dates[j][1] or dates[j][0]).toordinal() if dates[j][0] else 0
                     for j in targets])
    links: dict[int, NewsLink] = {}
    for i, art in enumerate(articles):
        if art.doc_format != "news":
            continue
        text = _text(art)
        whole = f"{art.title}. {text}"
        named = {m.name for m in find_actors(whole, factions) if not m.generic} | places(whole)
        stated = art.metadata.get("published")
        published = dt.date.fromisoformat(stated) if stated else None
        # Each target's score: the summed weights of the names it shares with the report,
        # added in sorted order so that equal sets give equal (tied) scores in any process.
        scores = np.zeros(len(targets))
        for name in sorted(named & index.keys()):
            scores[index[name]] += weight[name]
        eligible = scores > 0
        if published:
            day = published.toordinal()
            eligible &= ~has_start | ((first - _SLACK.days <= day) & (day <= last + _SLACK.days))
        best = None
        if eligible.any():
            top = scores[eligible].max()
            winners = np.flatnonzero(eligible & (scores == top))
            if len(winners) == 1:  # a tie links nothing
                best = targets[winners[0]]
        inferred = False
        if published is None and best is not None and dates[best][0] is not None:
            published = infer_published(text, dates[best][0])
            inferred = published is not None
        links[i] = NewsLink(offensive_ids[best] if best is not None else None, published,
                            inferred)
    return links
