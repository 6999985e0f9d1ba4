"""The geocoding policy (ACLED's geo_precision) and the list of unplaced names."""

from __future__ import annotations

import math
from pathlib import Path

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
GOLDEN_NEW = Path(__file__).parent / "golden" / "new"


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


def test_a_road_stretch_is_coarse_and_never_beats_a_town() -> None:
    # the M-5's Idlib stretch (about 50 km) is placed at its midpoint, Maarrat al-Nu'man
    assert geocode(["M-5 highway"], GAZ) == Geocode("M-5 highway", 35.6483, 36.6769, GEO_AREA)
    notes = "On 12 March, the rebels cut the M-5 highway at Khan Shaykhun."
    mentions = GAZ.find(notes)
    assert [m.name for m in mentions] == ["M-5 highway", "Khan Shaykhun"]
    g = geocode(mentions, GAZ, notes=notes)
    assert g == Geocode("Khan Shaykhun", 35.4421, 36.6510, GEO_PLACE)
    # a short, well-placed stretch of road would only be "near"
    gaz = Gazetteer([Place("Foo road", (), "road", "Idlib", 35.0, 36.0, 2.0, "x")])
    assert geocode(["Foo road"], gaz).geo_precision == GEO_NEAR
    # a numbered highway the gazetteer lacks is not snapped to the M-5
    assert GAZ.lookup("M4 highway") is None
    assert geocode(["M4 highway", "Jisr al-Shughur"], GAZ).location == "Jisr al-Shughur"


def test_a_building_is_the_place_itself() -> None:
    notes = "During the takeover, rebels captured a government detention facility at the " \
            "Arabic Cultural Center."
    g = geocode(["Arabic Cultural Center"], GAZ, notes=notes)
    assert g == Geocode("Arabic Cultural Center", 35.6483, 36.6769, GEO_PLACE)
    # it beats the city it stands in
    assert geocode(["Maarrat al-Nu'man", "Arabic Cultural Center"],
                   GAZ).location == "Arabic Cultural Center"


def test_unknown_place_falls_back_to_the_next_located_one() -> None:
    g = geocode(["Foo", "Ariha"], GAZ, notes="Rebels captured the village of Foo near Ariha.")
    assert (g.location, g.geo_precision) == ("Ariha", GEO_NEAR)


def test_unlocated_row_falls_back_never_to_a_wrong_point() -> None:
    gaz = Gazetteer([Place("Foo", (), "town", "Idlib", None, None, None, "unlocated: x"),
                     *GAZ.places.values()])
    g = geocode(["Foo", "Jisr al-Shughur"], gaz)
    assert (g.location, g.latitude, g.geo_precision) == ("Jisr al-Shughur", 35.8142, GEO_NEAR)
    assert geocode(["Foo"], gaz).geo_precision is None


def test_a_district_level_placement_is_near() -> None:
    # Sararif, "town of Jisr al-Shughur": placed at the district seat, precision_km 25
    place = GAZ.places["Sararif"]
    assert (place.lat, place.lon, place.precision_km) == (35.8142, 36.3198, 25.0)
    assert place.provenance.startswith("approximate: ")
    assert place.provenance.endswith("relative to Jisr al-Shughur")
    g = geocode(["Sararif", "Jisr al-Shughur"], GAZ)
    assert g == Geocode("Sararif", 35.8142, 36.3198, GEO_NEAR)


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


def _events(*rows: tuple[str, list[str], str]) -> pd.DataFrame:
    """A small events table: (offensive_id, locations, notes) per row."""
    return pd.DataFrame({
        "event_id": [f"e{i + 1}" for i in range(len(rows))],
        "offensive_id": [r[0] for r in rows],
        "locations": [r[1] for r in rows],
        "notes": [r[2] for r in rows],
    })


def test_unplaced_lists_what_an_instructor_should_add() -> None:
    gaz = Gazetteer([Place("Barville", (), "village", "Idlib", None, None, None,
                           "unlocated: x"), *GAZ.places.values()])
    events = _events(
        ("o1", ["Kafr Foo", "Ariha"], "Rebels captured the village of Kafr Foo near Ariha."),
        ("o2", ["Kafr Foo"], "The army shelled the village of Kafr Foo."),
        ("o1", ["M4 highway", "Jisr al-Shughur"],
         "Rebels cut the M4 highway at Jisr al-Shughur."),
        ("o2", ["Barville"], "Clashes in Barville."),
        ("o2", ["M-5 highway", "Khan Shaykhun"], "Rebels cut the M-5 highway at Khan Shaykhun."),
    )
    table = unplaced(events, gaz)
    assert list(table.columns) == ["name", "kind", "in_gazetteer", "events", "offensives",
                                   "example_event_id", "example"]
    assert list(table.name) == ["Kafr Foo", "Barville", "M4 highway"]  # most used first
    rows = table.set_index("name")
    assert (rows.loc["Kafr Foo", "kind"], rows.loc["Kafr Foo", "events"]) == ("village", 2)
    assert rows.loc["Kafr Foo", "offensives"] == ["o1", "o2"]
    assert rows.loc["Kafr Foo", "example_event_id"] == "e1"
    assert not rows.loc["Kafr Foo", "in_gazetteer"]
    assert rows.loc["M4 highway", "kind"] == "road"
    assert bool(rows.loc["Barville", "in_gazetteer"]) and rows.loc["Barville", "kind"] == "village"
    assert table.events.is_monotonic_decreasing


def test_unplaced_finds_the_new_documents_unknown_villages() -> None:
    """The golden new documents name villages the gazetteer does not hold."""
    import idlibkit as ik

    docs = sorted(p for p in GOLDEN_NEW.iterdir() if p.suffix in {".txt", ".md", ".wiki"})
    table = unplaced(ik.load_corpus(docs).events, GAZ).set_index("name")
    # "the villages of Orum al-Joz and Mhambal", "the nearby town of Kafr Zita"
    assert table.loc["Mhambal", "kind"] == "village"
    assert table.loc["Kafr Zita", "kind"] == "town"
    assert not table.in_gazetteer.any()  # every gazetteer row is located
    assert all(GAZ.lookup_exact(n) is None for n in table.index)


# --- acceptance: every place the seeds name has a cited coordinate --------------------------


def test_every_place_the_seeds_name_is_located(corpus, geo) -> None:
    ev = corpus.events
    # corpus.unplaced is empty for the seeds: nothing named lacks a coordinate
    assert corpus.unplaced.empty
    assert unplaced(ev, GAZ).empty
    # every place mention of every seed event is a gazetteer row with lat/lon
    for locs, notes in zip(ev["locations"], ev["notes"], strict=True):
        for name in [*locs, *(m.name for m in GAZ.find(notes))]:
            place = GAZ.lookup_exact(name)
            assert place is not None, (name, notes)
            assert place.lat is not None and place.lon is not None, name
            assert math.isfinite(place.lat) and math.isfinite(place.lon), name
            assert place.provenance and not place.provenance.startswith("unlocated"), name
    # ... so every event that names a place has finite coordinates, from a place it names
    names_place = ev["locations"].str.len() > 0
    assert names_place.sum() > 150
    assert ev.loc[names_place, ["latitude", "longitude"]].map(math.isfinite).all().all()
    assert geo.loc[names_place, "latitude"].notna().all()
    # an event naming a place other than a country sits at one of its own places (only
    # "near the Turkish border" falls back to the offensive's governorate)
    own = ev["locations"].map(lambda locs: any(GAZ.lookup_exact(n).kind != "country"
                                               for n in locs))
    assert own.sum() > 150
    assert all(loc in locs for loc, locs in zip(geo.loc[own, "location"],
                                                ev.loc[own, "locations"], strict=True))
