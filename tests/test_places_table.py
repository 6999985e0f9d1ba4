"""corpus.places and the geodata exports (GeoJSON, GeoPackage)."""

from __future__ import annotations

import geopandas as gpd
import pytest

from idlibkit.gazetteer import default_gazetteer
from idlibkit.places_table import (
    PLACE_COLUMNS,
    events_geodataframe,
    places_table,
    write_geofile,
)

GAZ = default_gazetteer()


@pytest.fixture(scope="module")
def places(corpus) -> gpd.GeoDataFrame:
    return places_table(corpus.events, GAZ)


def test_columns_crs_and_order(places) -> None:
    assert list(places.columns) == PLACE_COLUMNS
    assert places.crs.to_epsg() == 4326
    assert list(places.name) == sorted(places.name, key=lambda n: (n.casefold(), n))
    assert places.name.is_unique
    assert all(isinstance(a, list) for a in places.aliases)


def test_every_named_gazetteer_place_is_a_row_with_its_count(corpus, places) -> None:
    ev = corpus.events
    named = {GAZ.lookup_exact(n).name for locs in ev.locations for n in locs
             if GAZ.lookup_exact(n) is not None}
    assert set(places.name) == named
    counts = places.set_index("name").mentions
    expected = sum("Ariha" in locs for locs in ev.locations)
    assert counts["Ariha"] == expected
    assert (counts >= 1).all()


def test_points_and_provenance_come_from_the_gazetteer(places) -> None:
    for row in places.itertuples():
        p = GAZ.places[row.name]
        if p.lat is None:
            assert row.geometry is None
            assert row.provenance.startswith("unlocated: ")
        else:
            assert (row.geometry.x, row.geometry.y) == (p.lon, p.lat)
            assert row.provenance and row.precision_km == p.precision_km
        admin1 = row.admin1 if isinstance(row.admin1, str) else None  # missing: NaN
        assert (row.kind, admin1) == (p.kind, p.admin1)


def test_also_adds_places_without_events(corpus) -> None:
    table = places_table(corpus.events, GAZ, also=["Syria", "Atlantis"])
    row = table.set_index("name").loc["Syria"]
    assert row.mentions == sum("Syria" in locs for locs in corpus.events.locations)
    assert "Atlantis" not in set(table.name)


def test_events_geodataframe(corpus) -> None:
    gdf = events_geodataframe(corpus.events)
    assert len(gdf) == len(corpus.events) and gdf.crs.to_epsg() == 4326
    has_point = gdf.geometry.notna()
    assert (has_point == corpus.events.latitude.notna()).all()
    assert (gdf.geometry[has_point].y == corpus.events.latitude[has_point]).all()


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg"])
def test_exports_read_back(corpus, places, tmp_path, suffix) -> None:
    out = write_geofile(places, tmp_path / f"places{suffix}")
    back = gpd.read_file(out)
    assert len(back) == len(places)
    assert set(PLACE_COLUMNS) - {"geometry"} <= set(back.columns)
    assert back.loc[back.name == "Khan Shaykhun", "aliases"].iloc[0].startswith("Khan ")
    events = write_geofile(events_geodataframe(corpus.events), tmp_path / f"events{suffix}")
    ev_back = gpd.read_file(events)
    assert len(ev_back) == len(corpus.events)
    dated = ev_back.event_date.dropna().astype(str)
    assert dated.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_export_refuses_other_formats(places, tmp_path) -> None:
    with pytest.raises(ValueError, match=r"geojson or \.gpkg"):
        write_geofile(places, tmp_path / "places.shp")
