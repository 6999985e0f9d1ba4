"""Offline base layers for the maps: ``data/boundaries.geojson``, read once and cached.

Everything here works without a network: the boundaries ship with the kit (see
``data/places.md``). geopandas, pyproj and matplotlib are imported when a function is first
called, never at ``import idlibkit``.

- :func:`boundaries` — the layer as a GeoDataFrame, in EPSG:4326 or any projected CRS
  (each CRS is projected once and cached; :data:`METRIC_CRS` is the metric one the kit
  uses for distances);
- :func:`geometry`, :func:`bounds` — one unit's shape and its (lon, lat) bounding box;
- :func:`paths` — matplotlib Paths of every unit, built once, so maps draw base layers
  without going through geopandas' plotting each time;
- :func:`destination`, :func:`distance_km` — geodesic helpers for scale bars and margins.

Examples
--------
>>> b = boundaries()
>>> sorted(b.layer.unique()), b.crs.to_epsg()
(['admin0', 'admin1'], 4326)
>>> [round(v, 2) for v in bounds("Idlib")]
[36.15, 35.32, 37.22, 36.33]
>>> boundaries(METRIC_CRS).crs.to_epsg()
32637
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ._paths import data_dir

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.path import Path as MplPath
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "BOUNDARIES_FILE",
    "METRIC_CRS",
    "SOURCE",
    "boundaries",
    "bounds",
    "destination",
    "distance_km",
    "geometry",
    "paths",
]

#: The base-layer file inside the kit's data folder.
BOUNDARIES_FILE = "boundaries.geojson"
#: UTM zone 37N: metres, true enough across north-west Syria for scale bars and buffers.
METRIC_CRS = "EPSG:32637"
#: How a figure cites the base layer.
SOURCE = "boundaries: Natural Earth (public domain)"


def _require():
    try:
        import geopandas as gpd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "idlibkit.maps needs geopandas, pyogrio and matplotlib: "
            "pip install 'idlibkit[maps]'"
        ) from exc
    return gpd


@cache
def _read(crs: str | None) -> gpd.GeoDataFrame:
    gpd = _require()
    if crs is None:
        frame = gpd.read_file(data_dir() / BOUNDARIES_FILE, engine="pyogrio")
        return frame.set_crs("EPSG:4326", allow_override=True) if frame.crs is None else frame
    return _read(None).to_crs(crs)


def boundaries(crs: str | None = None) -> gpd.GeoDataFrame:
    """The base layer: Syria's and Lebanon's governorates, the Turkish border provinces
    (``layer == "admin1"``) and the national outlines around them (``"admin0"``).

    Parameters
    ----------
    crs : str, optional
        A CRS to project to (e.g. :data:`METRIC_CRS`); default EPSG:4326. Each CRS is
        read or projected once per session.

    Returns
    -------
    GeoDataFrame
        A copy: change it freely.

    Examples
    --------
    >>> idlib = boundaries(METRIC_CRS).query("name == 'Idlib'")
    >>> round(float(idlib.area.iloc[0]) / 1e6, -2)   # km²
    5600.0
    """
    return _read(crs).copy()


@cache
def geometry(name: str, layer: str = "admin1") -> BaseGeometry:
    """The (lon, lat) shape of the unit called *name* in *layer*.

    Raises
    ------
    KeyError
        If there is no such unit (the message lists the names there are).

    Examples
    --------
    >>> geometry("Idlib").geom_type
    'Polygon'
    """
    frame = _read(None)
    hit = frame[(frame["layer"] == layer) & (frame["name"] == name)]
    if hit.empty:
        names = ", ".join(sorted(frame.loc[frame["layer"] == layer, "name"]))
        raise KeyError(f"no {layer} unit called {name!r} in {BOUNDARIES_FILE}; "
                       f"there are: {names}")
    return hit.geometry.iloc[0]


def bounds(name: str, layer: str = "admin1") -> tuple[float, float, float, float]:
    """``(min_lon, min_lat, max_lon, max_lat)`` of one unit.

    >>> bounds("Idlib")[1] < 35.5 < bounds("Idlib")[3]
    True
    """
    minx, miny, maxx, maxy = geometry(name, layer).bounds
    return float(minx), float(miny), float(maxx), float(maxy)


def _polygon_path(geom: BaseGeometry) -> MplPath:
    import numpy as np
    from matplotlib.path import Path as MplPath

    polygons = getattr(geom, "geoms", [geom])
    rings = []
    for poly in polygons:
        for ring in (poly.exterior, *poly.interiors):
            rings.append(MplPath(np.asarray(ring.coords)[:, :2], closed=True))
    return MplPath.make_compound_path(*rings)


@cache
def paths(layer: str = "admin1") -> dict[str, MplPath]:
    """matplotlib Paths of every unit in *layer*, in (lon, lat), keyed by name.

    Built once per session; maps add them to an Axes as one collection.

    Examples
    --------
    >>> p = paths("admin1")["Idlib"]
    >>> bool(p.contains_point((36.63, 35.93)))   # Idlib city
    True
    """
    frame = _read(None)
    sel = frame[frame["layer"] == layer]
    return {name: _polygon_path(geom) for name, geom in zip(sel["name"], sel.geometry,
                                                              strict=True)}


@cache
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def destination(lon: float, lat: float, azimuth_deg: float, km: float) -> tuple[float, float]:
    """The point *km* kilometres from (lon, lat) along a geodesic at *azimuth_deg* (0 = north).

    >>> lon, lat = destination(36.0, 35.5, 90, 10)
    >>> round(lon, 3), round(lat, 3)
    (36.11, 35.5)
    """
    lon2, lat2, _ = _geod().fwd(lon, lat, azimuth_deg, km * 1000.0)
    return float(lon2), float(lat2)


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Geodesic distance in km.

    >>> round(distance_km(36.6339, 35.9306, 36.6096, 35.8137), 1)   # Idlib - Ariha
    13.2
    """
    _, _, metres = _geod().inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0
