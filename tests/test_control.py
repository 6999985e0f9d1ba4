"""corpus.control: who held which place when, read from the territorial events."""

from __future__ import annotations

import pandas as pd
import pytest

from idlibkit.control import TERRITORIAL, control_table, holder_at, transferred_places
from idlibkit.gazetteer import default_gazetteer

GAZ = default_gazetteer()


@pytest.fixture(scope="module")
def control(corpus) -> pd.DataFrame:
    return control_table(corpus.events, GAZ)


def test_columns_types_and_order(control) -> None:
    assert list(control.columns) == ["place", "date", "holder", "event_id"]
    assert str(control.date.dtype) == "datetime64[ns]"
    assert set(control.holder) == {"government", "opposition"}
    keyed = control.assign(p=control.place.str.casefold())
    for _, group in keyed.groupby("p"):
        dates = group.date.dropna()
        assert dates.is_monotonic_increasing
        assert group.date.isna().cumsum().is_monotonic_increasing  # unknown dates last
    assert list(keyed.p) == sorted(keyed.p)


def test_every_row_comes_from_a_territorial_event(corpus, control) -> None:
    ev = corpus.events.set_index("event_id")
    assert set(control.event_id) <= set(ev.index)
    types = ev.loc[control.event_id, "sub_event_type"]
    assert set(types) <= set(TERRITORIAL)
    dates = ev.loc[control.event_id, "event_date"].to_numpy()
    assert (pd.isna(dates) == control.date.isna().to_numpy()).all()
    assert set(control.place) <= set(GAZ.places)
    kinds = {GAZ.places[p].kind for p in control.place}
    assert not kinds & {"country", "governorate"}


@pytest.mark.parametrize(("event_id", "expected"), [
    # "captured the villages of Kafr Najd and Nahlaya" (near Ariha: not taken)
    ("2015-idlib-offensive-023", {("Kafr Najd", "government"), ("Nahlaya", "government")}),
    # "rebels captured the city" -> the definite reference, Idlib
    ("2015-idlib-offensive-005", {("Idlib", "opposition")}),
    # non-violent: the rebels withdrew from Kurin -> the government holds it
    ("2015-idlib-offensive-028", {("Kurin", "government")}),
    # passive: "Baboulin town and al-Salhiya village were captured by the rebels"
    ("2014-idlib-offensive-008", {("Baboulin", "opposition"), ("al-Salhiya", "opposition")}),
    # "...after Assad's forces abandoned the town" -> Jarabulus to the opposition
    ("idlib-governorate-clashes-june-2012-april-2013-046", {("Jarabulus", "opposition")}),
    # "the army recaptured the hill"
    ("2014-raid-on-idlib-city-003", {("Tell al-Mastouma", "government")}),
    # "the Bab al-Salam crossing, which they later took control of"
    ("idlib-governorate-clashes-june-2012-april-2013-052", {("Bab al-Salam", "opposition")}),
])
def test_sentences(control, event_id: str, expected: set) -> None:
    rows = control[control.event_id == event_id]
    assert set(zip(rows.place, rows.holder, strict=True)) == expected


def test_setting_places_are_not_taken(control) -> None:
    # "seized all of the government checkpoints around Maarrat al-Nu'man"
    assert "idlib-governorate-clashes-june-2012-april-2013-084" not in set(control.event_id)
    # "secured the approaches to Mastouma"
    assert "2015-idlib-offensive-020" not in set(control.event_id)


def test_transferred_places_examples() -> None:
    s = ("On 13 November the Syrian Army announced that Sararif town of Jisr al-Shughur "
         "was as a secure area.")
    assert transferred_places(s, ["Sararif", "Jisr al-Shughur"], GAZ) == ["Sararif"]
    s = "It was also reported that Bab al-Salam crossing with Turkey was also taken by the FSA."
    assert transferred_places(s, [], GAZ) == ["Bab al-Salam"]
    assert transferred_places("Rebels shelled Ariha.", ["Ariha"], GAZ) == []


def test_holder_at(control) -> None:
    early = holder_at(control, "2012-07-10")
    assert early["Saraqib"] == "government"
    assert "Taftanaz military airport" not in early
    assert holder_at(control, "2013-02-01")["Taftanaz military airport"] == "opposition"
    # Idlib city: taken by the rebels in March 2015
    assert holder_at(control, "2015-03-27")["Idlib"] == "government"
    assert holder_at(control, "2015-03-28")["Idlib"] == "opposition"
    # undated rows never count
    assert all(control.loc[control.date.isna(), "place"].map(
        lambda p: p in holder_at(control, "2030-01-01") or True))
    assert holder_at(control.iloc[0:0], "2015-01-01") == {}


def test_holder_at_on_a_tiny_table() -> None:
    c = pd.DataFrame({"place": ["A", "A", "A", "B"],
                      "date": pd.to_datetime(["2012-01-01", "2013-01-01", None, "2013-01-01"]),
                      "holder": ["opposition", "government", "opposition", "opposition"],
                      "event_id": ["e1", "e2", "e3", "e4"]})
    assert holder_at(c, "2012-06-01") == {"A": "opposition"}
    assert holder_at(c, pd.Timestamp("2013-01-01")) == {"A": "government", "B": "opposition"}


def test_empty_events_give_an_empty_table(corpus) -> None:
    empty = control_table(corpus.events.iloc[0:0], GAZ)
    assert empty.empty and list(empty.columns) == ["place", "date", "holder", "event_id"]
