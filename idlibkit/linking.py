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
    n_with: dict[str, int] = {}
    for names in about:
        for name in names:
            n_with[name] = n_with.get(name, 0) + 1
    targets = [i for i, a in enumerate(articles) if a.doc_format != "news" and about[i]]
    links: dict[int, NewsLink] = {}
    for i, art in enumerate(articles):
        if art.doc_format != "news":
            continue
        text = _text(art)
        whole = f"{art.title}. {text}"
        named = {m.name for m in find_actors(whole, factions) if not m.generic} | places(whole)
        stated = art.metadata.get("published")
        published = dt.date.fromisoformat(stated) if stated else None
        scores = []
        for j in targets:
            start, end = dates[j]
            if published and start and not (
                start - _SLACK <= published <= (end or start) + _SLACK
            ):
                continue
            idf = sum(math.log(1 + len(targets) / n_with[f]) for f in named & about[j])
            if idf > 0:
                scores.append((idf, j))
        scores.sort(key=lambda s: (-s[0], s[1]))
        best = scores[0][1] if scores and (len(scores) == 1 or scores[0][0] > scores[1][0]) \
            else None
        inferred = False
        if published is None and best is not None and dates[best][0] is not None:
            published = infer_published(text, dates[best][0])
            inferred = published is not None
        links[i] = NewsLink(offensive_ids[best] if best is not None else None, published,
                            inferred)
    return links
