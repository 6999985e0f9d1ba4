"""Narrative date resolution: every kind of expression, and the anchor rules."""

from __future__ import annotations

import datetime as dt

import pytest

from idlibkit.event_dates import DateResolver, heading_date

D = dt.date
START, END = D(2015, 3, 24), D(2015, 4, 5)


def _run(sentences, start=START, end=END, published=None, sections=None):
    r = DateResolver(start, end, published)
    out = []
    for path, paragraphs in sections or [((), [sentences])]:
        r.enter_section(path)
        for para in paragraphs:
            r.new_paragraph()
            out += [r.resolve(s) for s in para]
    return [(x.date, x.precision) for x in out]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("On 24 March 2015, rebels attacked.", (D(2015, 3, 24), "day")),
    ("On 27 March, the rebels entered.", (D(2015, 3, 27), "day")),
    ("Late on 11 April, troops entered.", (D(2015, 4, 11), "day")),
    ("On March 30, the army shelled the town.", (D(2015, 3, 30), "day")),
    ("Between 28 and 30 March 47 people were killed.", (D(2015, 3, 28), "day")),
    ("In early April, rebels advanced.", (D(2015, 4, 1), "month")),
    ("By September 2012, the base was besieged.", (D(2012, 9, 1), "month")),
    ("During 2014 the front was quiet.", (D(2014, 1, 1), "year")),
    ("Rebels advanced.", (None, "unknown")),
    ("On 30 February, nothing happened.", (None, "unknown")),
    ("On 31 April, nothing happened.", (None, "unknown")),  # no year has that day
    ("On April 31, nothing happened.", (None, "unknown")),
])
def test_single_expressions(sentence, expected) -> None:
    assert _run([sentence]) == [expected]


def test_relative_chain_anchored_on_the_last_date() -> None:
    got = _run(["On 27 March, rebels entered the city.", "The next day, they took it.",
                "Three days later, the army counter-attacked.", "A day later, it stopped.",
                "Two weeks later, rebels attacked again.", "The same day, jets struck.",
                "The previous day, a car bomb exploded."])
    assert [d for d, _ in got] == [D(2015, 3, 27), D(2015, 3, 28), D(2015, 3, 31),
                                   D(2015, 4, 1), D(2015, 4, 15), D(2015, 4, 15),
                                   D(2015, 4, 14)]


def test_month_heading_gives_month_and_year() -> None:
    got = _run([], start=D(2012, 6, 3), end=D(2013, 4, 18), sections=[
        (("Timeline", "January 2013"), [["On 2 January, rebels attacked the airbase."],
                                        ["On the 5th, they claimed progress."]]),
        (("Timeline", "June 2012"), [["Five days later, a bomb exploded."]]),
    ])
    assert got == [(D(2013, 1, 2), "day"), (D(2013, 1, 5), "day"), (D(2012, 6, 1), "month")]


def test_year_of_a_bare_day_is_the_one_nearest_the_anchor() -> None:
    got = _run(["On 30 December 2014, rebels attacked.", "On 2 January, they withdrew."],
               start=D(2014, 12, 1), end=D(2015, 1, 31))
    assert got == [(D(2014, 12, 30), "day"), (D(2015, 1, 2), "day")]


def test_weekdays_resolve_against_the_publication_date() -> None:
    got = _run(["On Tuesday, a coalition launched an attack.", "Reuters said Thursday.",
                "On Friday last week they overran a hospital."],
               start=None, end=None, published=D(2015, 3, 27))
    assert got == [(D(2015, 3, 24), "day"), (D(2015, 3, 26), "day"), (D(2015, 3, 20), "day")]


def test_undated_sentences() -> None:
    # Within a paragraph an undated sentence continues the one before it; past-perfect
    # background does not.
    got = _run([], sections=[((), [["On 2 April, rebels advanced.", "They took the base.",
                                    "Rebels had captured the town months before."],
                                   ["Rebels held the village."]])])
    assert got == [(D(2015, 4, 2), "day"), (D(2015, 4, 2), "day"), (None, "unknown"),
                   (D(2015, 4, 2), "day")]  # prose paragraphs continue (no month heading)


def test_one_day_offensive_and_news_lede() -> None:
    assert _run(["Rebels attacked overnight."], start=D(2014, 10, 27), end=D(2014, 10, 27)) \
        == [(D(2014, 10, 27), "day")]
    got = _run(["Rebels captured Ariha late on Thursday.", "The monitor said 20 died."],
               start=None, end=None, published=D(2015, 5, 29),
               sections=[(("Body",), [["Rebels captured Ariha late on Thursday."],
                                      ["The monitor said 20 died."]])])
    assert got == [(D(2015, 5, 28), "day"), (D(2015, 5, 28), "day")]


def test_flashback_does_not_move_the_anchor() -> None:
    got = _run(["On 8 April, rebels attacked.",
                "The town had been captured once before, on 10 March.",
                "The next day, jets struck."])
    assert [d for d, _ in got] == [D(2015, 4, 8), D(2015, 3, 10), D(2015, 4, 9)]


def test_heading_date() -> None:
    assert heading_date("June 2012").date == D(2012, 6, 1)
    assert heading_date("2013").precision == "year"
    assert heading_date("Aftermath") is None


def test_a_year_in_the_sentence_dates_its_bare_days_and_months() -> None:
    # The anchor (2015) would otherwise give 2015: the sentence itself says 2014.
    got = _run(["On 27 March, rebels entered the city.",
                "A second blockade took shape in 2014: rebels seized Morek on 1 February.",
                "Rebels held the town in 2014 until the army retook it in late October."])
    assert got[1:] == [(D(2014, 2, 1), "day"), (D(2014, 10, 1), "month")]


def test_a_month_inside_a_name_is_not_the_sentence_date() -> None:
    got = _run(["The events followed the April 2012 Idlib Governorate Operation, which had "
                "lasted from 14 April to 2 June 2012."], start=D(2012, 6, 3), end=D(2013, 4, 18))
    assert got == [(D(2012, 4, 14), "day")]
    # Not a name: an ordinary month-and-year date stays the date.
    assert _run(["The siege began in April 2012 near the town."]) == [(D(2012, 4, 1), "month")]


def test_reported_then_earlier_dates_the_occurrence_not_the_report() -> None:
    got = _run(["On 12 January 2013, it was reported that the FSA took over the town of "
                "Al-Rami earlier in the week.",
                "On 14 January 2013, state media said the army had shelled the town the day "
                "before."])
    assert got == [(D(2013, 1, 1), "month"), (D(2013, 1, 13), "day")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # Said to have happened at no one time: not the date before it.
    ("Sixty-three soldiers eventually reached government lines.", (None, "unknown")),
    ("Rebels tried several times to break into the hospital.", (None, "unknown")),
    # A period after the date before: its month.
    ("Air strikes killed 34 people in the days after the city fell.", (D(2015, 4, 1), "month")),
    # A period ending on the date before: its first day.
    ("The air force carried out 70 strikes during those four days.", (D(2015, 4, 7), "day")),
    ("Jets struck the town 40 times over the past two days.", (D(2015, 4, 9), "day")),
    # A toll for the whole battle: its start.
    ("Hundreds of rebels were killed in the months of fighting for the town.",
     (START, "day")),
    ("Plain continuation.", (D(2015, 4, 10), "day")),
])
def test_undated_sentences_that_say_when_they_are_not(sentence, expected) -> None:
    got = _run(["On 10 April, rebels entered the city.", sentence])
    assert got[1] == expected


def test_news_paragraph_about_the_fighting_takes_the_ledes_date() -> None:
    r = DateResolver(None, None, D(2015, 5, 29))
    paragraphs = [["Rebels captured the town late on Thursday, a monitoring group said."],
                  ["On Friday morning, clashes continued around the town."],
                  ["Civilians were killed in the fighting, the observatory said."]]
    got = []
    for para in paragraphs:
        r.new_paragraph()
        got += [r.resolve(s).date for s in para]
    assert got == [D(2015, 5, 28), D(2015, 5, 29), D(2015, 5, 28)]


def test_an_undated_section_of_continuous_prose_goes_on_from_the_last() -> None:
    got = _run([], sections=[
        (("Offensive",), [["On 25 April, rebels took the city."]]),
        (("Siege of the hospital",), [["Soldiers held out in the hospital."]]),
        # A chronicle's month section dates its entries one by one: no continuation.
        (("Timeline", "May 2015"), [["Soldiers held out in the hospital."]]),
    ])
    assert got == [(D(2015, 4, 25), "day"), (D(2015, 4, 25), "day"), (None, "unknown")]


def test_the_report_verb_may_come_before_the_reports_date() -> None:
    got = _run(["AFP reported on 2 April that rebels had entered the town at dawn the day "
                "before.",
                "By then, the army had fallen back to the castle."])
    assert got == [(D(2015, 4, 1), "day"), (D(2015, 4, 1), "day")]


def test_a_backward_phrase_late_in_a_sentence_counts_from_the_anchor() -> None:
    got = _run(["On 10 April, talks broke down.",
                "The rebels had stepped up their attacks on the towns the day before."])
    assert got[1] == (D(2015, 4, 9), "day")


def test_a_weekday_with_its_date_is_that_date() -> None:
    assert _run(["On 26 March, rebels attacked.", "On Thursday, 2 April, a truce took effect."]
                )[1] == (D(2015, 4, 2), "day")


def test_capitalised_last_month_against_the_publication_date() -> None:
    r = DateResolver(None, None, D(2015, 5, 20))
    assert r.resolve("Last month, activists reported 34 deaths.").date == D(2015, 4, 1)


def test_at_one_point_and_what_follows_it_have_no_date() -> None:
    got = _run(["On 10 April, rebels attacked.",
                "At one point, an attack on the security branch was beaten back.",
                "Dozens of people were killed."])
    assert got[1:] == [(None, "unknown"), (None, "unknown")]


def test_reported_speech_in_the_past_perfect_is_not_background() -> None:
    got = _run(["On 10 April, rebels attacked.",
                "State TV said the defenders had destroyed five car bombs before they could "
                "reach their targets."])
    assert got[1] == (D(2015, 4, 10), "day")


def test_periods_counted_from_a_start() -> None:
    got = _run(["On 28 March, rebels took the city.",
                "On 2 April, the alliance opened a campaign against the two towns.",
                "On 4 April, jets struck the plain.",
                "Mortar shells had killed 12 civilians since the campaign began.",
                "A week after the first assault, the rebels struck back.",
                "At least 22 civilians were killed during the offensive."])
    assert got[3:] == [(D(2015, 4, 2), "day"), (D(2015, 3, 31), "day"), (START, "day")]


def test_a_day_written_without_year_falls_in_the_offensives_years() -> None:
    # The lead's end date (2 November 2012) is the anchor; 13 March 2013 would be nearer,
    # but the offensive ran in 2012.
    got = _run([], start=D(2012, 3, 24), end=D(2012, 11, 2), sections=[
        ((), [["The battles lasted until 2 November 2012."]]),
        (("March",), [["Government forces retook Idlib on 13 March."]]),
    ])
    assert got[1] == (D(2012, 3, 13), "day")


def test_a_flashback_section_keeps_the_year_it_set() -> None:
    # An offensive of April 2013 whose background section tells the 2012 siege.
    got = _run([], start=D(2013, 4, 10), end=D(2013, 4, 20), sections=[
        (("Background",), [["Rebels laid siege to the bases in October 2012.",
                            "On 13 October, they turned back an army convoy."]]),
    ])
    assert got[1] == (D(2012, 10, 13), "day")


def test_on_two_days_is_the_first() -> None:
    assert _run(["Activists said 65 people were killed during an attack on 3 and 4 April."]
                ) == [(D(2015, 4, 3), "day")]


def test_a_sections_first_date_restarts_the_story() -> None:
    got = _run([], start=D(2012, 3, 24), end=D(2012, 11, 2), sections=[
        ((), [["The fighting ended on 2 November 2012."]]),
        (("March",), [["Government forces retook Idlib on 13 March.",
                       "Eleven days later, tanks entered the town."]]),
    ])
    assert got[2] == (D(2012, 3, 24), "day")


def test_a_relative_phrase_pinned_by_an_explicit_day() -> None:
    got = _run(["On 13 March, the army retook the city.",
                "Twelve days later, on the morning of 24 March, tanks entered the town."])
    assert got[1] == (D(2015, 3, 24), "day")


def test_a_day_after_that_describes_the_day_just_named() -> None:
    got = _run(["On the evening of 19 March, a day after a bombing in Damascus, rebels "
                "attacked.", "Within hours the army hit back."])
    assert got == [(D(2015, 3, 19), "day"), (D(2015, 3, 19), "day")]


def test_the_date_after_reported_that_is_the_occurrences() -> None:
    got = _run(["Researchers who visited in late April reported in May that troops had killed "
                "95 civilians between 22 March and 6 April."])
    assert got == [(D(2015, 3, 22), "day")]


def test_from_day_to_day_is_its_first_day() -> None:
    assert _run(["The truce, from 26 to 29 March, was ignored."]) == [(D(2015, 3, 26), "day")]


def test_the_following_day_late_in_a_sentence_still_counts() -> None:
    got = _run(["On 11 April, rebels attacked.",
                "Sixteen soldiers were killed across the province the following day."])
    assert got[1] == (D(2015, 4, 12), "day")


def test_years_ago_against_the_publication_date() -> None:
    r = DateResolver(None, None, D(2015, 4, 27))
    assert r.resolve("The town rose up almost four years ago.").date == D(2011, 1, 1)


def test_backward_offsets() -> None:
    got = _run(["On 26 March, the army counter-attacked.",
                "Three days earlier, an officer had told Reuters that 400 soldiers held out.",
                "On 28 March, a fighter said that on the previous night the commander had fled."])
    assert got == [(D(2015, 3, 26), "day"), (D(2015, 3, 23), "day"), (D(2015, 3, 27), "day")]


def test_an_offset_from_a_named_event_gives_way_to_the_stated_day() -> None:
    got = _run(["On 2 April, rebels entered the town.",
                "Ten days before the rebels entered the town, on 23 March, state TV said the "
                "army had cleared it."])
    assert got[1] == (D(2015, 3, 23), "day")


def test_news_week_phrases_against_a_monday_publication() -> None:
    r = DateResolver(None, None, D(2015, 3, 30))  # a Monday
    assert r.resolve("The offensive began on Tuesday last week.").date == D(2015, 3, 24)
    r = DateResolver(None, None, D(2015, 3, 30))
    assert r.resolve("Troops pulled out over the weekend.").date == D(2015, 3, 28)


def test_days_of_the_offensive() -> None:
    got = _run(["On 25 March, rebels entered the town.",
                "By the time the soldiers withdrew on the third day, 62 people had died.",
                "Activists said 65 people were killed during the two-day attack.",
                "On the day the offensive was launched, fifty soldiers defected."])
    assert got[1:] == [(D(2015, 3, 26), "day"), (START, "day"), (START, "day")]


def test_a_month_of_a_short_offensive_said_loosely_stays_a_month() -> None:
    got = _run(["Troops stormed the town in the first days of April 2012.",
                "Over the course of April, 26 civilians were killed."],
               start=D(2012, 4, 3), end=D(2012, 4, 5))
    assert got == [(D(2012, 4, 1), "month"), (D(2012, 4, 1), "month")]
    assert _run(["In April 2012 the army attacked."], start=D(2012, 4, 3), end=D(2012, 4, 5)
                ) == [(D(2012, 4, 3), "day")]


def test_a_report_that_concluded_dates_the_occurrence() -> None:
    got = _run(["Its report, published on 2 May, concluded that troops had killed 95 civilians "
                "between 22 March and 6 April."])
    assert got == [(D(2015, 3, 22), "day")]
