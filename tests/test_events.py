"""The events table: schema, traceability, determinism, hand-checked rows."""

from __future__ import annotations

import pandas as pd
import pytest

import idlibkit as ik
from idlibkit.tables import COLUMNS


def test_schema(corpus) -> None:
    ev = corpus.events
    assert list(ev.columns) == COLUMNS["events"]
    assert str(ev.event_date.dtype).startswith("datetime64")
    assert set(ev.date_precision) <= {"day", "month", "year", "unknown"}
    assert ev.event_id.is_unique
    assert (ev.event_date.isna() == (ev.date_precision == "unknown")).all()
    for col in ("actors", "locations"):
        assert ev[col].map(lambda v: isinstance(v, list)).all()


def test_every_row_carries_its_sentence(corpus) -> None:
    """``notes`` is a sentence of the section the row names, so a reader can check it."""
    ev, sec = corpus.events, corpus.sections
    for row in ev.itertuples():
        texts = sec[(sec.offensive_id == row.offensive_id) & (sec.section == row.section)].text
        assert any(row.notes in t for t in texts), row.notes


def test_deterministic() -> None:
    a, b = ik.load_corpus().events, ik.load_corpus().events
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize(("start", "date", "precision", "sub_type", "low", "high", "claim"), [
    ("On 27 March, the rebels managed", "2015-03-27", "day", "Armed clash", None, None, None),
    ("The battle for Idlib left at least 132", "2015-03-28", "day", "Armed clash", 219, None,
     None),
    ("On 15 April, Army troops went on the offensive near Ariha", "2015-04-15", "day",
     "Government regains territory", None, None, None),
    ("According to the SOHR, 10 soldiers and nine rebels", "2014-10-27", "day", "Armed clash",
     19, 19, "SOHR"),
    ("On Tuesday, a new coalition of rebels launched", "2015-03-24", "day", "Armed clash", None,
     None, None),
])
def test_hand_checked_rows(corpus, start, date, precision, sub_type, low, high, claim) -> None:
    row = corpus.events[corpus.events.notes.str.startswith(start)].iloc[0]
    assert row.event_date == pd.Timestamp(date)
    assert row.date_precision == precision
    assert row.sub_event_type == sub_type

    def num(v):
        return None if pd.isna(v) else int(v)

    assert (num(row.fatalities_low), num(row.fatalities_high)) == (low, high)
    assert (None if pd.isna(row.claim_source) else row.claim_source) == claim


def test_places_and_actors_are_canonical(corpus) -> None:
    row = corpus.events[corpus.events.notes.str.startswith("A day later, the SOHR reported")]
    row = row.iloc[0]
    assert "Khan Shaykhun" in row.locations  # written "Khan Shaykhoun"
    assert row.location == "Khan Shaykhun"
    assert row.latitude == pytest.approx(35.44, abs=0.05)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("They stormed the hospital.", ["National Hospital"]),
    ("They stormed the building.", ["National Hospital"]),
    ("Both bases fell.", ["Hamidiyah", "Wadi al-Deif"]),
    ("The base fell.", ["Hamidiyah"]),
    ("The city fell.", ["Jisr al-Shughur"]),
    ("The city of Foo fell.", []),  # names its own city
    ("Shells hit the two towns.", ["Kafarya", "Al-Fu'ah"]),  # any of the kinds, latest first
])
def test_definite_references_point_to_the_places_named_last(sentence, expected) -> None:
    from idlibkit.events import _Recent
    from idlibkit.gazetteer import default_gazetteer

    recent = _Recent()
    gaz = default_gazetteer()
    recent.remember(gaz.find("The siege of al-Fu'ah and Kafarya tightened."))
    recent.remember(gaz.find(
        "Rebels attacked Wadi al-Deif and Hamidiyah near Jisr al-Shughur and the National "
        "Hospital."))
    assert recent.referents(sentence) == expected


def test_news_standfirst_gives_no_rows(corpus) -> None:
    assert not (corpus.events.section == "Standfirst").any()


def test_a_sentence_naming_no_place_stays_where_its_paragraph_was(tmp_path) -> None:
    doc = tmp_path / "raid.txt"
    doc.write_text(
        "= Raid on Foo =\n\nInfobox\n- Conflict: Raid on Foo\n- Date: 3 May 2015\n"
        "- Place: Ariha, Idlib Governorate, Syria\n- Result: Rebel victory\n\n"
        "On 3 May 2015, government aircraft struck the town of Darkush.\n"
        "Local activists said at least 20 civilians were killed.\n\n"
        "Rebels attacked checkpoints the same day.\n", encoding="utf-8")
    ev = ik.load_corpus(doc).events
    assert ev.location.tolist() == ["Darkush", "Darkush", "Ariha"]


def test_the_city_is_the_paragraphs_else_the_storys() -> None:
    from idlibkit.events import _Recent
    from idlibkit.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    recent = _Recent()
    for sentence in ("Rebels attacked Jisr al-Shughur.", "Jisr al-Shughur was shelled.",
                     "They cut the road to Latakia."):
        recent.remember(gaz.find(sentence))
    # the same paragraph: the city named last
    assert recent.referents("The city was quiet.") == ["Latakia"]
    # a new paragraph: the story's city, not the one named in passing
    recent.new_paragraph()
    assert recent.referents("Rebels streamed into the city.") == ["Jisr al-Shughur"]
    assert recent.referents("Jets struck across the province.") == []  # none named yet


# -- robustness ------------------------------------------------------------------------------

_FRAGMENTS = [
    "On 31 April", "April 31", "on the 0th day", "on the 99th day", "three days earlier",
    "almost a few years ago", "99 years ago", "Tuesday last week", "over the weekend",
    "from 31 to 2 February", "on 3 and 40 April", "Between 30 and 31 February", "the two towns",
    "both bases", "the hospital", "the city", "Regiment 46", "between Foo and Bar",
    ", the village", "villages, including", "the Taftanaz base", "Maarat al-Nuaman",
    "since the campaign began", "during those zero days", "in the 0-day attack",
    "A week after the first assault", "the previous night", "it was reported that", "that",
    "rebels captured", "the army shelled", "killing 20 civilians", "between 5 and 3",
    "according to", "the SOHR said", "He said", "\u200b", "’s", "(", ")", ";", ",", ".", "",
]


@pytest.mark.filterwarnings("ignore")
def test_the_sentence_stages_never_raise() -> None:
    """Random sentences from awkward fragments through every stage of a timeline row."""
    import datetime as dt
    import random

    from idlibkit.claims import claim_source
    from idlibkit.event_dates import DateResolver
    from idlibkit.event_types import classify_event
    from idlibkit.fatalities import extract_casualties
    from idlibkit.gazetteer import default_gazetteer

    rng = random.Random(2015)  # seeded: the same sentences on every run
    gaz = default_gazetteer()
    for start, end, published in [(dt.date(2015, 3, 24), dt.date(2015, 4, 5), None),
                                  (None, None, dt.date(2015, 3, 30)), (None, None, None)]:
        resolver = DateResolver(start, end, published)
        for _ in range(400):
            sentence = " ".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 8)))
            got = resolver.resolve(sentence)
            assert got.precision in ("day", "month", "year", "unknown")
            assert (got.date is None) == (got.precision == "unknown")
            gaz.find(sentence)
            classify_event(sentence, ["opposition"])
            extract_casualties(sentence)
            claim_source(sentence, previous="SOHR")
