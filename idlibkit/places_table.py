"""``corpus.places`` and the GeoDataFrames the exports write (geopandas imported on use).

:func:`places_table` has one row for every gazetteer place the events name (plus any
other names you pass), with its point and where the point comes from.
:func:`events_geodataframe` turns an events table into points, and :func:`write_geofile`
writes either as GeoJSON or GeoPackage for QGIS, with list cells joined by ``; `` and
dates as ``YYYY-MM-DD``.

Examples
--------
>>> import idlibkit as ik
>>> from idlibkit.gazetteer import default_gazetteer
>>> places = places_table(ik.load_corpus().events, default_gazetteer())
>>> places.crs.to_epsg(), places.set_index("name").loc["Idlib", "mentions"] > 10
(4326, np.True_)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, default_gazetteer

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = ["PLACE_COLUMNS", "events_geodataframe", "places_table", "write_geofile"]

#: The columns of :func:`places_table`, in order.
PLACE_COLUMNS = ["name", "aliases", "kind", "admin1", "precision_km", "provenance", "mentions",
                 "geometry"]


def _geopandas():
    try:
        import geopandas as gpd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "idlibkit's places and maps need geopandas: pip install 'idlibkit[maps]'"
        ) from exc
    return gpd


def _points(gpd, lon: pd.Series, lat: pd.Series) -> list:
    """Points from coordinate columns; None where either is missing."""
    points = gpd.points_from_xy(lon, lat)
    ok = (lon.notna() & lat.notna()).to_numpy()
    return [p if keep else None for p, keep in zip(points, ok, strict=True)]


def places_table(
    events: pd.DataFrame,
    gazetteer: Gazetteer | None = None,
    *,
    also: Iterable[str] = (),
) -> gpd.GeoDataFrame:
    """Every gazetteer place the events name, as points (EPSG:4326).

    Parameters
    ----------
    events : DataFrame
        ``corpus.events`` (its ``locations`` lists).
    gazetteer : Gazetteer, optional
        Default: :func:`idlibkit.gazetteer.default_gazetteer`.
    also : iterable of str
        Other place names to include even if no event names them (e.g. the places of the
        offensives' titles); their ``mentions`` may be 0.

    Returns
    -------
    GeoDataFrame
        Columns :data:`PLACE_COLUMNS`: ``name`` (canonical), ``aliases`` (list),
        ``kind``, ``admin1``, ``precision_km``, ``provenance``, ``mentions`` (number of
        events whose locations name the place) and ``geometry`` (a Point, or None for a
        row without coordinates); sorted by name. Names the gazetteer does not know
        are not rows: see :func:`idlibkit.geocode.unplaced`.

    Examples
    --------
    >>> import idlibkit as ik
    >>> places = places_table(ik.load_corpus().events, also=["Syria"])
    >>> row = places.set_index("name").loc["Khan Shaykhun"]
    >>> row.kind, row.geometry.y, "Khan Sheikhoun" in row.aliases
    ('city', 35.4421, True)
    """
    import pandas as pd

    gpd = _geopandas()
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    counts: Counter[str] = Counter()
    for locs in events["locations"]:
        if not isinstance(locs, list | tuple):
            continue
        named = {p.name for n in locs if (p := gaz.lookup_exact(n) or gaz.lookup(n))}
        counts.update(named)
    for name in also:
        place = gaz.lookup_exact(name) or gaz.lookup(name)
        if place is not None:
            counts.update({place.name: 0})
    rows = []
    for name in sorted(counts, key=lambda n: (n.casefold(), n)):
        p = gaz.places[name]
        rows.append({
            "name": p.name, "aliases": list(p.aliases), "kind": p.kind, "admin1": p.admin1,
            "precision_km": p.precision_km, "provenance": p.provenance,
            "mentions": counts[name], "lon": p.lon, "lat": p.lat,
        })
    frame = pd.DataFrame(rows, columns=[*PLACE_COLUMNS[:-1], "lon", "lat"])
    frame = frame.astype({"precision_km": "float64", "mentions": "int64", "lon": "float64",
                          "lat": "float64"})
    geometry = _points(gpd, frame.pop("lon"), frame.pop("lat"))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, crs="EPSG:4326"),
                            crs="EPSG:4326")


def events_geodataframe(events: pd.DataFrame) -> gpd.GeoDataFrame:
    """The events as points (EPSG:4326); rows without coordinates get no geometry (None).

    Examples
    --------
    >>> import idlibkit as ik
    >>> ev = ik.load_corpus().events
    >>> gdf = events_geodataframe(ev)
    >>> len(gdf) == len(ev), int(gdf.geometry.notna().sum()) == int(ev.latitude.notna().sum())
    (True, True)
    """
    gpd = _geopandas()
    geometry = gpd.GeoSeries(_points(gpd, events["longitude"], events["latitude"]),
                             index=events.index, crs="EPSG:4326")
    return gpd.GeoDataFrame(events.copy(), geometry=geometry, crs="EPSG:4326")


def write_geofile(gdf: gpd.GeoDataFrame, path: str | Path, *, layer: str | None = None
                  ) -> Path:
    """Write *gdf* as GeoJSON (``.geojson``/``.json``) or GeoPackage (``.gpkg``).

    List cells become ``; ``-joined text and dates ``YYYY-MM-DD`` text, so QGIS and
    other GIS read every column; missing numbers are written as NULL.

    Parameters
    ----------
    gdf : GeoDataFrame
    path : str or Path
    layer : str, optional
        The GeoPackage layer name (default: the file's stem). Several layers can share
        one ``.gpkg``.

    Examples
    --------
    >>> import tempfile, pathlib, geopandas as gpd, idlibkit as ik
    >>> places = places_table(ik.load_corpus().events)
    >>> out = write_geofile(places, pathlib.Path(tempfile.mkdtemp()) / "places.geojson")
    >>> back = gpd.read_file(out)
    >>> len(back) == len(places), back.aliases.str.contains("; ").any()
    (True, np.True_)
    """
    import pandas as pd

    path = Path(path)
    out = gdf.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        series = out[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[col] = series.dt.strftime("%Y-%m-%d").astype(object).where(series.notna(), None)
        elif series.dtype == object:
            out[col] = series.map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        out.to_file(path, driver="GPKG", layer=layer or path.stem, engine="pyogrio")
    elif suffix in (".geojson", ".json"):
        if path.exists():
            path.unlink()
        out.to_file(path, driver="GeoJSON", engine="pyogrio")
    else:
        raise ValueError(f"write_geofile: use a .geojson or .gpkg path, not {path.name!r}")
    return path
