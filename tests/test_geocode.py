"""The geocoding policy (ACLED's geo_precision) and the list of unplaced names."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from idlibkit.gazetteer import Gazetteer, Place, default_gazetteer
from idlibkit.geocode import (
    GEO_AREA,
    GEO_NEAR,
    GEO_PLACE,
    Geocode,
    geocode,
    geocode_events,
    offensive_context,
    place_precision,
    unplaced,
)

GAZ = default_gazetteer()


@pytest.fixture(scope="module")
def geo(corpus) -> pd.DataFrame:
    return geocode_events(corpus.events, GAZ, context=offensive_context(corpus.offensives, GAZ))


# --- the policy, one rule at a time -------------------------------------------------------------


def test_a_named_town_is_the_place_itself() -> None:
    g = geocode(["Ariha"], GAZ)
    assert g == Geocode("Ariha", 35.8137, 36.6096, GEO_PLACE)


def test_the_most_specific_place_wins() -> None:
    assert geocode(["Idlib Governorate", "Khan Shaykhun", "Sehyan checkpoint"],
                   GAZ).location == "Sehyan checkpoint"
    # among equally specific places, the first named
    assert geocode(["Baboulin", "al-Salhiya"], GAZ).location == "Baboulin"


@pytest.mark.parametrize("sentence", [
    "Army troops went on the offensive near Ariha.",
    "Fighting on the outskirts of Ariha.",
    "Shelling in the Ariha countryside.",
    "Clashes 5 km north of Ariha.",
    "Rebels attacked positions around Ariha.",
])
def test_near_words_make_it_precision_2(sentence: str) -> None:
    g = geocode(["Ariha"], GAZ, notes=sentence)
    assert (g.location, g.geo_precision) == ("Ariha", GEO_NEAR)


def test_in_a_place_stays_precision_1() -> None:
    assert geocode(["Ariha"], GAZ, notes="Clashes in Ariha killed 5.").geo_precision == 1


def test_an_approximate_point_is_precision_2() -> None:
    # Al-Tlul's coordinate is approximate to 8 km (places.csv precision_km)
    assert GAZ.places["Al-Tlul"].precision_km > 5
    assert geocode(["Al-Tlul"], GAZ).geo_precision == GEO_NEAR


def test_regions_and_governorates() -> None:
    assert geocode(["Jabal al-Zawiya"], GAZ).geo_precision == GEO_NEAR
    assert geocode(["Idlib Governorate"], GAZ).geo_precision == GEO_AREA
    assert [place_precision(GAZ.places[n]) for n in ("Khan Shaykhun", "al-Ghab plain")] == [1, 2]


def test_unknown_place_falls_back_to_the_next_located_one() -> None:
    g = geocode(["Foo", "Ariha"], GAZ, notes="Rebels captured the village of Foo near Ariha.")
    assert (g.location, g.geo_precision) == ("Ariha", GEO_NEAR)


def test_unlocated_row_falls_back_never_to_a_wrong_point() -> None:
    assert GAZ.places["Sararif"].lat is None  # 'unlocated:' row
    g = geocode(["Sararif", "Jisr al-Shughur"], GAZ)
    assert (g.location, g.latitude, g.geo_precision) == ("Jisr al-Shughur", 35.8142, GEO_NEAR)


def test_countries_are_never_a_point() -> None:
    g = geocode(["Turkey"], GAZ)
    assert g.location is None and math.isnan(g.latitude) and g.geo_precision is None
    g = geocode(["Turkey"], GAZ, context=["Idlib Governorate"])
    assert (g.location, g.geo_precision) == ("Idlib Governorate", GEO_AREA)


def test_context_fallback_is_coarser() -> None:
    assert geocode([], GAZ, context=["Idlib"]) == Geocode("Idlib", 35.9306, 36.6339, GEO_NEAR)
    assert geocode([], GAZ) == Geocode(None, math.nan, math.nan, None) or \
        geocode([], GAZ).location is None


def test_a_place_the_sentence_only_gets_from_context_is_coarser() -> None:
    # the timeline puts a sentence that names no place at its offensive's place
    g = geocode(["Idlib"], GAZ, notes="Between 50 and 450 rebels were killed.")
    assert g.geo_precision == GEO_NEAR
    # ... but a definite reference ("the city") means the place itself
    g = geocode(["Idlib"], GAZ, notes="Rebels captured the city.")
    assert g.geo_precision == GEO_PLACE


def test_named_places_beat_ones_the_sentence_only_refers_to() -> None:
    notes = ("By the next day, rebels seized all of the government checkpoints around "
             "Maarrat al-Nu'man, except one at the entrance to the town.")
    g = geocode(["Maarrat al-Nu'man", "Khirbet al-Joz"], GAZ, notes=notes)
    assert (g.location, g.geo_precision) == ("Maarrat al-Nu'man", GEO_NEAR)


def test_mentions_work_as_input() -> None:
    mentions = GAZ.find("Rebels captured the village of Foo near Ariha.")
    assert geocode(mentions, GAZ).location == "Ariha"


def test_a_small_gazetteer() -> None:
    gaz = Gazetteer([Place("Foo", (), "village", "Idlib", 35.0, 36.0, 1.0, "x"),
                     Place("Bar", (), "region", "Idlib", 35.5, 36.5, 30.0, "x")])
    assert geocode(["Bar", "Foo"], gaz) == Geocode("Foo", 35.0, 36.0, 1)
    assert geocode(["Bar"], gaz).geo_precision == 2


# --- the corpus ---------------------------------------------------------------------------------


def test_every_event_that_names_a_located_place_has_coordinates(corpus, geo) -> None:
    ev = corpus.events
    names_place = ev["locations"].map(
        lambda locs: any((p := GAZ.lookup_exact(n)) is not None and p.lat is not None
                         and p.kind != "country" for n in locs))
    assert names_place.sum() > 150
    assert geo.loc[names_place, "latitude"].notna().all()
    assert geo.loc[names_place, "geo_precision"].isin([1, 2, 3]).all()


def test_geocode_events_shape_and_context(corpus, geo) -> None:
    assert list(geo.columns) == ["location", "latitude", "longitude", "geo_precision"]
    assert geo.index.equals(corpus.events.index)
    assert str(geo.geo_precision.dtype) == "Int64"
    # with each offensive's context, every event of the seeds gets a point
    assert geo.latitude.notna().all()
    # events of the 2012-13 clashes that name no place sit at the governorate, precision 3
    placeless = corpus.events["locations"].str.len() == 0
    assert (geo.loc[placeless, "location"] == "Idlib Governorate").all()
    assert (geo.loc[placeless, "geo_precision"] == GEO_AREA).all()
    # where the timeline already had a point for a precise event, it is the same one
    ev = corpus.events
    same = ev.latitude.notna() & (geo.geo_precision == 1) & (ev.location == geo.location)
    assert (ev.loc[same, "latitude"] == geo.loc[same, "latitude"]).all()


def test_without_context_placeless_events_get_no_point(corpus) -> None:
    geo = geocode_events(corpus.events, GAZ)
    placeless = corpus.events["locations"].str.len() == 0
    assert geo.loc[placeless, "latitude"].isna().all()
    assert geo.loc[placeless, "geo_precision"].isna().all()


def test_offensive_context(corpus) -> None:
    ctx = offensive_context(corpus.offensives, GAZ)
    assert set(ctx) == set(corpus.offensives.offensive_id)
    assert ctx["2014-raid-on-idlib-city"][0] == "Idlib"  # the city before its governorate
    assert all("Syria" not in v for v in ctx.values())


def test_unplaced_lists_what_an_instructor_should_add(corpus) -> None:
    table = unplaced(corpus.events, GAZ)
    assert list(table.columns) == ["name", "kind", "in_gazetteer", "events", "offensives",
                                   "example_event_id", "example"]
    names = set(table.name)
    assert {"M-5 highway", "Arabic Cultural Center", "Sararif"} <= names
    row = table.set_index("name").loc["Sararif"]
    assert bool(row.in_gazetteer) and row.kind == "town" and row.events == 1
    assert "Sararif" in row.example
    assert table.set_index("name").loc["M-5 highway", "kind"] == "road"
    # nothing located is listed
    assert not any(GAZ.lookup_exact(n) is not None and GAZ.lookup_exact(n).lat is not None
                   for n in names)
    assert table.events.is_monotonic_decreasing
