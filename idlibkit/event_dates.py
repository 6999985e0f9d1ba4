"""Resolve the date of each sentence of a narrative, as a careful historian would.

A :class:`DateResolver` walks a document in order and keeps the *anchor*, the last date
the narrative established. Each sentence's date expressions are resolved in order:

=====================================  =============================================
expression                             resolution
=====================================  =============================================
``On 24 March 2015``, ``March 24``     that day; a missing year comes from the
                                       sentence, the section heading (``### January
                                       2013``), else the year that puts it nearest
                                       the anchor (or the offensive's start, or
                                       before publication), within the offensive's
                                       years until the section has set a date
``Between 28 and 30 March``, ``from    the first day
26 to 29 October``, ``on 3 and 4 April``
``In early June``, ``By September      the month (precision ``month``)
2012``, ``During August``
``in 2014``                            the year (precision ``year``)
``The next day``, ``A day later``,     the anchor plus that many days (weeks,
``three days later``, ``13 days        months); from an anchor known only to the
later``, ``two weeks later``           month, the result is known only to the month
``three days earlier``, ``the          the anchor minus that many days
previous night``
``the same day``, ``Later that day``,  the anchor
``Around the same time``
``earlier in the week``                the anchor's month (precision ``month``)
``earlier this month``, ``last month``  the month of the publication date or anchor
``the second half of the month``       the anchor's month
``on the 25th``                        that day of the anchor's month
``On Tuesday``, ``said Friday``        the latest such weekday on or before the
                                       publication date (news) or the anchor
                                       (``Tuesday last week``: in the Monday-to-Sunday
                                       week before the publication's); a
                                       weekday with its date (``On Thursday, 27
                                       August``) is that date
``A week after the first assault``     counted from the offensive's start
``almost four years ago``              back from the publication date (or anchor), at
                                       the precision of the unit
``over the weekend``                   the Saturday before the publication date
``on the third day``                   the offensive's start plus two days
``On the day the offensive was         the start the text told, else the offensive's
launched``
=====================================  =============================================

A sentence's first expression is its date (unless it is a relative phrase late in a
sentence that continues the paragraph: ``…, with 31 more killed in the next two days``);
the latest date it reaches becomes the anchor, except a flashback (``had been captured
… on 10 June``) that neither opens the sentence nor moves forward in time. Within the
sentence:

- a year it states dates its bare days and months (``A second blockade took shape in
  2014: rebels seized Morek on 1 February`` → 1 February 2014), and a year alone gives
  way to the first finer date;
- a month inside a name is not a date (``the April 2012 Idlib Governorate Operation``);
- a report's date gives way to the backward phrase after the reporting verb (``On 12
  January 2013, it was reported that the FSA took Al-Rami earlier in the week`` →
  January 2013, precision ``month``; ``AFP reported on 2 September that rebels entered
  the town the day before`` → 1 September), and the occurrence, not the report, is what
  the next sentences go on from;
- a backward phrase late in the sentence (``… stepped up its attacks the day before``, and
  likewise ``the following day``) counts from the anchor even where the sentence
  continues its paragraph;
- a relative phrase or weekday pinned by an explicit day is that day (``Eleven days
  later, on the morning of 24 March``), and a relative phrase that describes the day
  just named is no date (``On 19 July, a day after a bombing in Damascus``);
- after ``X reported / said that``, a day is the occurrence's (``HRW reported in May that
  troops had killed 95 civilians between 22 March and 6 April`` → 22 March).

A section's first date becomes the anchor even when earlier than the last one: a lead
that summed up the offensive down to its last day does not turn the narrative into
flashbacks.

A sentence without any date expression continues the occurrence of the sentence
before it and takes its date: within a paragraph always; across paragraphs and
undated sections of a story told as continuous prose, or when the paragraph refers back
(``In addition, …``, ``The battle for Idlib left …``). Paragraphs under a month heading
(a chronicle: each entry dated on its own) and a news report's paragraphs do not
continue each other; a news paragraph about ``the fighting`` is about the story's own,
dated by its lede. What the undated sentence says can qualify the continuation:

- past perfect pointing back (``Rebels had captured the town months before``, but not
  reported speech: ``state TV said the defenders had destroyed …``), or no one time
  (``eventually``, ``tried several times``, ``repeatedly``, ``at one point``): ``unknown``,
  and the undated sentences that go on from it too;
- ``in the days after the city fell``: the month of the date before;
- ``during those four days``, ``over the past two days``: the period ending on the date
  before, so its first day;
- a toll for the whole battle (``in the months of fighting for the town``, ``throughout
  the siege``, ``during the offensive``, ``over the month``, ``during the two-day
  attack``): the offensive's start date;
  ``since the campaign began``: the last start the text told (``On 15 July, the Army of
  Conquest opened a campaign …``), else the offensive's.

Outside a continuation, an undated sentence of a one-day offensive takes that day; of a
news report, the date of its lede (the first body sentence), else the publication date;
a sentence saying the offensive started takes its start date; anything else is
``unknown``. Nothing is guessed: what cannot be resolved is None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateResolver", "ResolvedDate", "heading_date"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}

_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
      r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_Y = r"(?:19|20)\d{2}"
_D = r"[0-3]?\d(?:st|nd|rd|th)?"
_N = r"(?i:\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r"|a few|several)"
# Prepositions kept in date_text: "On 27 March", "By 10 April", "Late on 11 August".
_PREP = r"(?:[Oo]n|[Bb]y|[Ll]ate on|[Ee]arly on|[Ss]ince|[Uu]ntil|[Ff]rom|[Aa]s of|[Ii]n)"
_P = rf"(?:{_PREP} )?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# One pass over the sentence; alternatives are tried left to right at each position.
# Every alternative starts at a word start or with a preposition (_P); the lookahead
# says so first, which spares the regex engine trying ~20 alternatives inside every
# word (2.3x faster on the benchmark corpus; the matches are the same).
# "almost four years ago": rare, and costly to try at every word, so the expression list
# holds it only for sentences that say "ago" (a stub that never matches keeps the groups).
_AGO = (rf"\b(?:almost |nearly |about |some |more than )?(?P<an>{_N}) (?P<au>days?|weeks?"
        rf"|months?|years?) ago\b")
_EXPR_SOURCE = (
    rf"(?=\b\w|{_PREP} )(?:"
    rf"\b(?:[Bb]etween|[Ff]rom|[Oo]n) (?P<b1>{_D}) (?:and|to|until|till|[–-]) (?P<b2>{_D}) "
    rf"(?P<bm>{_M})(?:,? (?P<by>{_Y}))?"
    rf"|{_P}\b(?P<d1>{_D}) (?P<m1>{_M})(?:,? (?P<y1>{_Y}))?\b"
    rf"|{_P}\b(?P<m2>{_M}) (?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?!,? ?\d{{3}})(?:,? (?P<y2>{_Y}))?"
    rf"|\b(?P<mcue>(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Uu]ntil|[Ff]rom|[Tt]hroughout|[Oo]f|"
    rf"[Ee]arly|[Ll]ate|[Mm]id|end of|beginning of|middle of|start of)[- ]"
    rf"(?:(?:early|late|mid)[- ])?)(?P<m3>{_M})(?: (?P<y3>{_Y}))?\b"
    rf"|\b(?P<m4>{_M}) (?P<y4>{_Y})\b"
    rf"|\b(?:[Ii]n|[Dd]uring|[Bb]y|[Ss]ince|[Tt]hroughout)[- ](?:(?:early|late|mid)[- ])?"
    rf"(?P<y5>{_Y})\b"
    rf"|\b(?P<rn>{_N}) (?P<ru>days?|weeks?|months?) (?P<rdir>later|after(?:wards)?|earlier"
    rf"|before)\b"
    r"|<AGO>"
    rf"|\b(?:[Tt]he )?(?:next|following) (?:(?:{_N}) )?(?P<nu>day|days|morning|evening|"
    rf"night|week|month)\b"
    rf"|\b(?:[Aa]|[Oo]ne) day (?:later|after)\b|\b[Tt]he day after\b"
    rf"|(?P<prev>\b[Tt]he (?:previous|preceding) (?:day|night|evening|morning)\b"
    rf"|\b[Tt]he (?:day|night|evening) before\b)"
    rf"|(?P<same>\b(?:[Tt]he )?same (?:day|time|night|evening|morning)\b"
    rf"|\b[Ll]ater (?:that|the same) day\b|\b[Ee]arlier that day\b|\b[Tt]hat (?:same )?"
    rf"(?:day|night|evening)\b|\b[Oo]vernight\b|\b[Dd]uring the (?:evening|night)\b"
    rf"|\b[Aa]t nightfall\b|\b[Hh]ours later\b)"
    rf"|(?P<week>\b[Ee]arlier (?:in|that) the week\b|\b[Ee]arlier that week\b"
    rf"|\b(?:first|second) half of the month\b|\b(?:[Ll]ater|[Ee]arlier) (?:in )?the month\b"
    rf"|\b(?:that|the same) month\b)"
    rf"|\b[Oo]n the (?P<od>[0-3]?\d)(?:st|nd|rd|th)\b"
    rf"|\b(?:[Ee]arlier |[Ll]ater )?(?P<tm>[Tt]his|[Ll]ast) month\b"
    rf"|\b(?P<wd>{_WD})(?P<lastweek> last week)?\b"
    rf"|\b(?P<wkend>(?:over|at|during) the weekend|last weekend|this weekend)\b"
    rf"|\b[Oo]n the (?P<nth>first|second|third|fourth|fifth|sixth|seventh|\d{{1,2}}(?:st|nd|rd"
    rf"|th)) day\b(?! of (?:the )?(?:truce|cease))"
    rf"|\b(?P<launch>[Oo]n the day (?:the|its|their) (?:offensive|campaign|assault|operation"
    rf"|attack) (?:was launched|began|started|opened))\b"
    r")"
)
_EXPR_AGO = re.compile(_EXPR_SOURCE.replace("<AGO>", _AGO))
_EXPR = re.compile(_EXPR_SOURCE.replace("<AGO>", r"(?P<an>(?!x)x)(?P<au>(?!x)x)"))
_HEADING_MONTH = re.compile(rf"^(?P<m>{_M}) (?P<y>{_Y})$")
_HEADING_YEAR = re.compile(rf"^(?P<y>{_Y})$")
_OPENING = re.compile(r"^\W*(?:\w+\W+){0,3}$")  # the expression stands in the first words
# Background told in the past perfect and pointing back: "had captured the town months before".
_PAST_PERFECT = re.compile(r"\bhad (?:been |already |previously |once |long )?(?:\w+ed|taken|"
                           r"seized|fallen|held|begun|won|lost|fought|driven|given)\b")
_POINTS_BACK = re.compile(r"\b(?:before|earlier|previously|already|once|ago)\b")
_STARTED = re.compile(r"\b(?:offensive|operation|campaign)\b[^.;]{0,40}?\b(?:started|began|"
                      r"was launched|commenced)\b", re.IGNORECASE)
# A paragraph that opens by referring back continues the previous paragraph's occurrence.
_CONTINUES = re.compile(r"^(?:In addition|Also|Meanwhile|Moreover|Furthermore)\b")
# ... or names "the fighting": in a chronicle the fighting just told, in a news report the
# story's own fighting, which its lede dates.
_THE_FIGHTING = re.compile(r"\b[Tt]he (?:final |initial |main )?(?:battle|fighting|clashes|"
                           r"assault|attack|offensive|operation|raid)\b")
# An undated sentence that says it happened at no one time ("eventually", "tried several
# times") does not take the date of the sentence before it.
# The parts of _QUALIFIERS below, as pattern sources: matched once, on lower-cased text.
_NO_ONE_TIME = (r"\b(?:eventually|several times|repeatedly|time and again|"
                          r"on (?:several|many|numerous) occasions|at (?:one|some) point|"
                          r"at times|at various times)\b")
# "in the days after the city fell": the month of the occurrence before, not its day.
_DAYS_AFTER = (r"\b(?:in|over) the (?:following )?(?:days|weeks) (?:after|following|"
                         r"that followed)\b")
# "during those four days": a period that ends on the date before starts n - 1 days earlier.
_THOSE_DAYS = (rf"\b(?:during|over|in|throughout) (?:those|these|the) "
                         rf"(?:(?:past|last|previous) )?(?P<n>{_N}) days\b")
# A toll for the whole battle ("in the months of fighting for the town", "during the
# offensive", "over the month") is dated to its start ...
_WHOLE_PERIOD = (
    r"\b(?:in|during|over|throughout) the (?:\w+ )?(?:months|weeks) of (?:fighting|clashes|"
    r"siege|battle)|\b(?:over|during) the (?:whole |entire )?course of the (?:battle|offensive|"
    r"siege|fighting|campaign)|\bthroughout the (?:battle|offensive|siege|campaign)\b"
    r"|\bduring the (?:whole |entire )?(?:offensive|campaign)\b(?! (?:of|for|against)\b)"
    r"|\bover the (?:whole |entire )?month\b"
    r"|\b(?:during|in) the (?:\w+)-day (?:attack|assault|offensive|battle|siege|operation)\b")
# ... and "since the campaign began" to the start the narrative told ("On 15 July, the Army
# of Conquest opened a campaign against al-Fu'ah"), else the offensive's.
_SINCE_BEGAN = (r"\bsince the (?:\w+ )?(?:campaign|offensive|assault|siege|operation|"
                          r"fighting|attack) (?:began|started)\b|\bsince the (?:start|beginning)"
                          r" of the (?:\w+ )?(?:campaign|offensive|assault|siege|operation)\b")
_OPENED = re.compile(r"\b(?:launched|opened|began|started|mounted)\b(?: [\w'’-]+){0,3}? "
                     r"(?:campaign|offensive|assault|operation)\b|\b(?:campaign|offensive|"
                     r"assault|operation)\b[^.;]{0,40}?\b(?:started|began|was launched|opened)\b")
# One pass over an undated sentence (lower-cased) for all of the above.
_QUALIFIERS = re.compile("|".join(
    f"(?P<{name}>{pattern})" for name, pattern in (
        ("none", _NO_ONE_TIME), ("since", _SINCE_BEGAN), ("whole", _WHOLE_PERIOD),
        ("after", _DAYS_AFTER), ("those", _THOSE_DAYS))))
_OPENS = re.compile(r"launch|open|bega|start|mount")  # a cheap gate for _OPENED
# Every qualifier holds one of these: most sentences skip the regex (2x faster _undated).
_QUALIFIER_WORDS = ("eventually", "several", "repeatedly", "again", "occasions", "point",
                    "times", "since", "months", "weeks", "course", "throughout", "during",
                    "days", "month", "-day")
# "A week after the first assault": counted from the offensive's start, not the last date.
_AFTER_START = re.compile(r" (?:the )?(?:first|initial|opening) (?:assault|attack|offensive)\b"
                          r"| the (?:offensive|campaign|assault|operation) (?:began|started)\b")
# "On 12 January 2013, it was reported that the FSA took Al-Rami earlier in the week": the
# first date is the report's, a backward phrase after the reporting verb is the occurrence's.
_REPORT_VERBS = (r"\b(?:reported|said|announced|claimed|confirmed|stated|concluded|found"
                 r"|documented|wrote)\b")
_REPORTED = re.compile(_REPORT_VERBS)
# "the April 2012 Idlib Governorate Operation": a date inside a name, not this sentence's date.
_IN_NAME = re.compile(r"\s+[A-Z]")
_ABSOLUTE = ("b1", "d1", "m2", "m3", "m4", "y5", "od", "wd", "tm", "week", "an", "wkend",
             "nth", "launch")
_YEARS = ("by", "y1", "y2", "y3", "y4", "y5")
_ORDINALS = {w: i for i, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh"), 1)}
_RELATIVE_GROUPS = ("rn", "nu", "prev")
# Between a relative phrase (or weekday) and the explicit day that pins it down.
_EXPLICIT_GAP = re.compile(r",?\s*(?:(?:on|in|into|of)\s+)?(?:the\s+(?:morning|afternoon|evening"
                           r"|night)\s+of\s+)?", re.IGNORECASE)
_JUST_AFTER = re.compile(r",?\s*")
_ENDS_PHRASE = re.compile(r"\s*(?:[,;.]|$)")
_REPORTED_THAT = re.compile(_REPORT_VERBS + r"[^.;]{0,40}?\bthat\b")
_HAS_NUMBER = re.compile(rf"\b{_N}\b")


def _is_relative(m: re.Match[str]) -> bool:
    """Whether a match counts days from another date (``a day after``, ``the next day``)."""
    return any(m.group(*_RELATIVE_GROUPS)) or m.group(0).lower().endswith(
        ("day later", "day after"))


def _in_name(sentence: str, m: re.Match[str]) -> bool:
    """Whether a month-and-year match is part of a name: ``the April 2012 Idlib Operation``."""
    return bool(m.group("m4")) and sentence[max(0, m.start() - 4):m.start()].lower() == "the " \
        and bool(_IN_NAME.match(sentence, m.end()))


@dataclass(frozen=True)
class ResolvedDate:
    """A sentence's date: the day (or first day of the month/year), its precision and source."""

    date: dt.date | None
    precision: str  # "day", "month", "year" or "unknown"
    text: str | None

    @classmethod
    def unknown(cls, text: str | None = None) -> ResolvedDate:
        return cls(None, "unknown", text)


def heading_date(heading: str) -> ResolvedDate | None:
    """The month or year a section heading names (``June 2012``, ``2013``), else None.

    >>> heading_date("January 2013")
    ResolvedDate(date=datetime.date(2013, 1, 1), precision='month', text='January 2013')
    >>> heading_date("Rebel offensive") is None
    True
    """
    h = heading.strip()
    if m := _HEADING_MONTH.match(h):
        return ResolvedDate(dt.date(int(m["y"]), _month(m["m"]), 1), "month", h)
    if m := _HEADING_YEAR.match(h):
        return ResolvedDate(dt.date(int(m["y"]), 1, 1), "year", h)
    return None


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _number(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else _WORDS.get(text)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


class DateResolver:
    """Resolve sentence dates through one document, in reading order.

    Parameters
    ----------
    start, end : date, optional
        The offensive's dates from the infobox: the years of dates written without one.
    published : date, optional
        The publication date of a news report: what weekdays refer to.

    Examples
    --------
    >>> r = DateResolver(dt.date(2015, 3, 24), dt.date(2015, 4, 5))
    >>> [(x.date.isoformat(), x.precision, x.text) for x in map(r.resolve, [
    ...     "On 27 March, the rebels managed to penetrate the city.",
    ...     "The next day, after four days of fighting, rebels captured the city.",
    ...     "By 10 April, they had secured the approaches.",
    ...     "Four days later, the Tiger Forces entered Qameenas."])]
    [('2015-03-27', 'day', 'On 27 March'), ('2015-03-28', 'day', 'The next day'), \
('2015-04-10', 'day', 'By 10 April'), ('2015-04-14', 'day', 'Four days later')]
    """

    def __init__(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        published: dt.date | None = None,
    ) -> None:
        self.start, self.end, self.published = start, end, published
        self.anchor: ResolvedDate | None = None
        # What an undated sentence outside a continuing paragraph falls back to.
        self.default: ResolvedDate | None = None
        if start is not None and start == end:
            self.default = self.anchor = ResolvedDate(start, "day", None)
        elif published is not None:
            self.default = ResolvedDate(published, "day", None)
        self.heading: ResolvedDate | None = None
        self._paragraph_date: ResolvedDate | None = None
        self._previous_paragraph_date: ResolvedDate | None = None
        self._first_in_paragraph = True
        self._lede_seen = False
        self._sentence_year: int | None = None
        self._began: dt.date | None = None  # the last start of a campaign the text told
        self._fresh_section = False  # no date resolved yet in the current section

    # -- document structure --------------------------------------------------------
    def enter_section(self, path: tuple[str, ...]) -> None:
        """Start a section: its headings may name a month or year."""
        self.heading = None
        for h in path:
            self.heading = heading_date(h) or self.heading
        self._fresh_section = True
        if self.heading is not None:
            self.anchor = self.heading
            self._previous_paragraph_date = None
        else:
            # A section of a story told as continuous prose ("Siege of the hospital") goes on
            # from where the last one ended.
            self._previous_paragraph_date = self._paragraph_date or self._previous_paragraph_date
        self._paragraph_date = None
        self._first_in_paragraph = True

    def new_paragraph(self) -> None:
        """Start a paragraph: undated sentences no longer continue the previous one."""
        self._previous_paragraph_date = self._paragraph_date or self._previous_paragraph_date
        self._paragraph_date = None
        self._first_in_paragraph = True

    # -- resolution ----------------------------------------------------------------
    def resolve(self, sentence: str) -> ResolvedDate:
        """The date of *sentence*; updates the anchor for the sentences after it."""
        first, self._first_in_paragraph = self._first_in_paragraph, False
        if first and self.published is not None and self._lede_seen and (
            _THE_FIGHTING.search(sentence)
        ):
            self._paragraph_date = self.default
        elif first and self._previous_paragraph_date and (
            _CONTINUES.search(sentence) or _THE_FIGHTING.search(sentence)
            or (self.heading is None and self.published is None)
        ):
            self._paragraph_date = self._previous_paragraph_date
        found: list[tuple[re.Match[str], ResolvedDate]] = []
        self._sentence_year = None
        for m in (_EXPR_AGO if " ago" in sentence else _EXPR).finditer(sentence):
            base = found[-1][1] if found and found[-1][1].date else self.anchor
            found.append((m, self._resolve_one(m, base)))
            if found[-1][1].date is not None and any(m.group(*_YEARS)):
                # "in 2014 … until the army retook it in late October": that year.
                self._sentence_year = found[-1][1].date.year
        if not found:
            self._lede_seen = True
            return self._undated(sentence)
        if len(found) > 1 and _in_name(sentence, found[0][0]):
            found = found[1:]
        # "On the evening of 19 July, a day after a bombing in Damascus": the relative phrase
        # describes the day just named; it is not another date.
        if len(found) > 1:
            found = [f for i, f in enumerate(found) if not (
                i and _is_relative(f[0]) and any(found[i - 1][0].group(*_ABSOLUTE))
                and _JUST_AFTER.fullmatch(sentence, found[i - 1][0].end(), f[0].start()))]
        first_match, main = found[0]
        reported = False
        if any(first_match.group(*_ABSOLUTE)) and main.precision == "day":
            for m, r in found[1:]:
                backward = m.group("prev") or (m.group("week") and m.group(0)[:1] in "Ee") or (
                    m.group("rdir") in ("earlier", "before"))
                if backward and r.date is not None and _REPORTED.search(sentence, 0, m.start()):
                    first_match, main, reported = m, r, True
                    break
        if not reported and (first_match.group("wd") or not any(
                first_match.group(k) for k in _ABSOLUTE)):
            # "Overnight into 1 February", "On Thursday, 27 August", "Eleven days later, on
            # the morning of 24 March": the explicit day says which day is meant.
            explicit = [(m, r) for m, r in found[1:2]
                        if r.date is not None and r.precision == "day"
                        and any(m.group(*_ABSOLUTE)) and not m.group("wd")
                        and _EXPLICIT_GAP.fullmatch(sentence, first_match.end(), m.start())]
            if not explicit and first_match.group("rdir") in ("before", "after") and not (
                    _ENDS_PHRASE.match(sentence, first_match.end())):
                # "Ten days before the rebels entered the town, on 22 August, ...": counted
                # from an event the sentence names, so the day it states is the one
                explicit = [(m, r) for m, r in found[1:] if r.date is not None
                            and r.precision == "day" and any(m.group(*_ABSOLUTE))]
            if explicit:
                first_match, main = explicit[0]
        if not reported and len(found) > 1 and (that := _REPORTED_THAT.search(sentence)) and (
                first_match.start() < that.start()):
            # "HRW, whose researchers visited in late April, reported in May that the army
            # had killed 95 civilians between 22 March and 6 April": the occurrence's date
            later = [(m, r) for m, r in found if m.start() >= that.end() and r.date is not None
                     and r.precision == "day" and any(m.group(*_ABSOLUTE))]
            if later:
                first_match, main = later[0]
                reported = True
        if main.precision == "year":
            # "A second blockade took shape in 2014: rebels seized Morek on 1 February":
            # the year is context, the first more precise date is the occurrence.
            finer = [(m, r) for m, r in found[1:] if r.precision in ("day", "month")]
            if finer:
                first_match, main = finer[0]
        opening = bool(_OPENING.match(sentence[: first_match.start()]))
        is_absolute = any(first_match.group(*_ABSOLUTE))
        counts_on = first_match.group("prev") or (
            first_match.group("nu") in ("day", "morning", "evening", "night")
            and not _HAS_NUMBER.search(first_match.group(0)))
        if not (opening or is_absolute or reported or counts_on) and (
                self._paragraph_date is not None):
            main = ResolvedDate(self._paragraph_date.date, self._paragraph_date.precision,
                                first_match.group(0))
        if main.date is not None:
            # The sentence's latest date, not counting backward references within it (nor
            # the date of a report about an earlier occurrence).
            latest = main
            for _, r in ([] if reported else found[1:]):
                if r.date is not None and r.date >= latest.date:
                    latest = r
            moves_forward = self.anchor is None or self.anchor.date is None or (
                latest.date >= self.anchor.date
            )
            if opening or moves_forward or self._fresh_section:
                # (a section's first date restarts the story: a lead that summed up the
                # whole offensive does not make its first events flashbacks)
                self.anchor = latest
            self._paragraph_date = latest
            self._fresh_section = False
        if main.date is not None and main.precision == "day" and _OPENS.search(sentence) and (
                _OPENED.search(sentence)):
            self._began = main.date
        if self.published is not None and not self._lede_seen and main.date is not None:
            # A news report's lede dates the news: its undated sentences share that day.
            self.default = main
        self._lede_seen = True
        return main

    def _undated(self, sentence: str) -> ResolvedDate:
        """The date of a sentence that has no date expression of its own."""
        if (pp := _PAST_PERFECT.search(sentence)) and _POINTS_BACK.search(sentence) and not (
                _REPORTED.search(sentence, 0, pp.start())):
            # "Rebels had captured the town months before" is background; "state TV said the
            # defenders had destroyed five vehicles before ..." is reported speech.
            return ResolvedDate.unknown()
        said: dict[str, re.Match[str]] = {}  # what the sentence says about its time
        low = sentence.lower()
        if any(word in low for word in _QUALIFIER_WORDS):
            for m in _QUALIFIERS.finditer(low):
                said.setdefault(m.lastgroup, m)
        if "none" in said:
            # ... nor do the undated sentences that go on from it
            self._paragraph_date = ResolvedDate.unknown()
            return ResolvedDate.unknown()
        if (m := said.get("since")) and (self._began or self.start):
            return ResolvedDate(self._began or self.start, "day", m.group(0))
        if self.start is not None and (m := said.get("whole")):
            return ResolvedDate(self.start, "day", m.group(0))
        last = self._paragraph_date
        if last is not None and last.date is not None and last.precision == "day":
            if m := said.get("after"):
                return ResolvedDate(last.date.replace(day=1), "month", m.group(0))
            if (m := said.get("those")) and (n := _number(m["n"])):
                return ResolvedDate(last.date - dt.timedelta(days=n - 1), "day", m.group(0))
        if self._paragraph_date is not None:
            return ResolvedDate(self._paragraph_date.date, self._paragraph_date.precision, None)
        if self.start is not None and _STARTED.search(sentence):
            return ResolvedDate(self.start, "day", None)
        return self.default or ResolvedDate.unknown()

    def _year_for(self, month: int, day: int) -> int | None:
        """The year of a day written without one."""
        if self._sentence_year is not None:
            return self._sentence_year
        if self.heading is not None and self.heading.precision == "month" and (
            self.heading.date.month == month
        ):
            return self.heading.date.year
        if self.heading is not None and self.heading.precision == "year":
            return self.heading.date.year
        ref = None
        if self.anchor is not None and self.anchor.date is not None:
            ref = self.anchor.date
        elif self.start is not None:
            ref = self.start
        elif self.published is not None:
            ref = self.published
        if ref is None:
            return None
        candidates = [
            d for y in (ref.year - 1, ref.year, ref.year + 1)
            if (d := _safe_date(y, month, min(day, 28) if month == 2 else day)) is not None
        ]
        if self.start is not None and self.end is not None and self._fresh_section:
            # The offensive's own years first when this section has set no date yet: "on 13
            # March" after a lead that ended "until 2 November 2012" is March 2012, not the
            # March 2013 nearer to that anchor. (A flashback section that has said "in October
            # 2012" keeps its own year.)
            inside = [d for d in candidates if self.start.year <= d.year <= self.end.year]
            candidates = inside or candidates
        if self.published is not None and self.anchor is None:
            before = [d for d in candidates if d <= self.published]
            candidates = before or candidates
        if not candidates:  # "31 April": no year has that day
            return None
        return min(candidates, key=lambda d: abs((d - ref).days)).year

    def _resolve_one(self, m: re.Match[str], base: ResolvedDate | None) -> ResolvedDate:
        text = m.group(0)
        g = m.groupdict()
        if g["b1"]:
            return self._day_month(_day(g["b1"]), g["bm"], g["by"], text)
        if g["d1"]:
            return self._day_month(_day(g["d1"]), g["m1"], g["y1"], text)
        if g["m2"]:
            return self._day_month(_day(g["d2"]), g["m2"], g["y2"], text)
        if g["m3"] or g["m4"]:
            month = _month(g["m3"] or g["m4"])
            year_text = g["y3"] or g["y4"]
            year = int(year_text) if year_text else self._year_for(month, 1)
            if year is None:
                return ResolvedDate.unknown(text)
            cue = (g["mcue"] or "").strip(" -").lower()
            if self.start and self.end and cue in ("", "in", "during") and (
                    self.start.year, self.start.month) == (self.end.year, self.end.month) == (
                    year, month):
                # The month of an offensive that lasted days within it: its first day.
                return ResolvedDate(self.start, "day", text)
            return ResolvedDate(dt.date(year, month, 1), "month", text)
        if g["y5"]:
            return ResolvedDate(dt.date(int(g["y5"]), 1, 1), "year", text)
        if g["wd"]:
            return self._weekday(g["wd"], bool(g["lastweek"]), base, text)
        if g["wkend"]:  # the Saturday before publication (or the anchor)
            ref = self.published or (base.date if base is not None and base.precision == "day"
                                     else None)
            if ref is None:
                return ResolvedDate.unknown(text)
            return ResolvedDate(ref - dt.timedelta(days=(ref.weekday() - 5) % 7), "day", text)
        if g["nth"]:  # "on the third day": of the offensive
            n = _ORDINALS.get(g["nth"].lower()) or int(re.match(r"\d+", g["nth"]).group(0))
            if self.start is None:
                return ResolvedDate.unknown(text)
            return ResolvedDate(self.start + dt.timedelta(days=n - 1), "day", text)
        if g["launch"]:
            start = self._began or self.start
            return ResolvedDate(start, "day", text) if start else ResolvedDate.unknown(text)
        if g["an"]:
            # "almost four years ago": back from the publication date (or the anchor)
            n = _number(g["an"])
            ref = self.published or (base.date if base is not None else None)
            if n is None or ref is None:
                return ResolvedDate.unknown(text)
            unit = g["au"].rstrip("s")
            if unit == "year":
                return ResolvedDate(dt.date(ref.year - n, 1, 1), "year", text)
            if unit == "month":
                return ResolvedDate(_add_months(ref, -n), "month", text)
            return ResolvedDate(ref - dt.timedelta(days=n * (7 if unit == "week" else 1)),
                                "day", text)
        if g["tm"]:
            ref = self.published or (base.date if base is not None else None)
            if ref is None:
                return ResolvedDate.unknown(text)
            month = ref.replace(day=1)
            if g["tm"].lower() == "last":
                month = (month - dt.timedelta(days=1)).replace(day=1)
            return ResolvedDate(month, "month", text)
        if base is None or base.date is None:
            return ResolvedDate.unknown(text)
        if g["same"]:
            return ResolvedDate(base.date, base.precision, text)
        if g["week"]:
            return ResolvedDate(base.date.replace(day=1), "month", text)
        if g["od"]:
            if base.precision not in ("day", "month"):
                return ResolvedDate.unknown(text)
            day = _safe_date(base.date.year, base.date.month, int(g["od"]))
            return ResolvedDate(day, "day", text) if day else ResolvedDate.unknown(text)
        # Relative offsets.
        if g["prev"]:
            days, months = -1, 0
        elif g["rn"]:
            n = _number(g["rn"])
            if n is None:
                return ResolvedDate.unknown(text)
            if self.start is not None and text.endswith("after") and _AFTER_START.match(
                    m.string, m.end()):
                base = ResolvedDate(self.start, "day", None)
            unit = g["ru"].rstrip("s")
            if g["rdir"] in ("earlier", "before"):  # "three days earlier"
                n = -n
            days, months = {"day": (n, 0), "week": (7 * n, 0), "month": (0, n)}[unit]
        elif g["nu"]:
            days, months = {"week": (7, 0), "month": (0, 1)}.get(g["nu"], (1, 0))
        else:  # "a day later", "the day after"
            days, months = 1, 0
        if months:
            return ResolvedDate(_add_months(base.date, months), "month", text)
        if base.precision != "day":
            return ResolvedDate(base.date, base.precision, text)
        return ResolvedDate(base.date + dt.timedelta(days=days), "day", text)

    def _day_month(self, day: int, month_name: str, year_text: str | None, text: str
                   ) -> ResolvedDate:
        month = _month(month_name)
        year = int(year_text) if year_text else self._year_for(month, day)
        date = _safe_date(year, month, day) if year else None
        return ResolvedDate(date, "day", text) if date else ResolvedDate.unknown(text)

    def _weekday(self, name: str, last_week: bool, base: ResolvedDate | None, text: str
                 ) -> ResolvedDate:
        ref = self.published or (base.date if base is not None and base.precision == "day"
                                 else None)
        if ref is None:
            return ResolvedDate.unknown(text)
        day = _WEEKDAYS[name.lower()]
        # "Tuesday last week": in the week (Monday to Sunday) before this one
        back = ref.weekday() + 7 - day if last_week else (ref.weekday() - day) % 7
        return ResolvedDate(ref - dt.timedelta(days=back), "day", text)
