"""Maps of the corpus: each function takes an optional matplotlib Axes and returns it.

All maps draw offline, from the base layer that ships with the kit
(:mod:`idlibkit.basemap`), in longitude/latitude (EPSG:4326) with the aspect set for the
map's latitude, so you can add your own ``ax.scatter(lon, lat)``. Every map has a scale
bar (a geodesic distance), a legend, place labels placed without overlaps where possible
(a label that would overlap an earlier one, the legend or the inset is left out; places
with more events are labelled first) and a caption naming its sources. Sides are drawn in
neutral, colour-blind-safe colours (Okabe–Ito blue for the government side, orange for
the opposition, grey for events that name no side) and with different marker shapes, so
the map also reads in grey-scale; no flag colours.

Where an event is comes from :mod:`idlibkit.geocode` (ACLED's ``geo_precision``): events
located only to a governorate or a long road stretch (precision 3) are left out of point
maps by default (``show_imprecise=True`` draws them) and counted in the caption, as are
events outside the map window (e.g. Damascus).

Functions
---------
- :func:`governorate` — the governorate in context, with a locator inset of Syria;
- :func:`offensive_map` — one offensive's events, coloured by side or event type, sized
  by reported deaths;
- :func:`events_until` — every event up to a date, recent ones emphasised;
- :func:`control_map` — who held each place on a date (from ``corpus.control``);
- :func:`monthly_small_multiples` — one small map per month (returns the Figure).

Drawing is fast enough for a widget: the base layers, their matplotlib paths, the
neighbour labels and the event sides are cached after the first call (see
``benchmarks/bench_maps.py``).

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import idlibkit as ik
>>> from idlibkit import maps
>>> corpus = ik.load_corpus()
>>> ax = maps.offensive_map(corpus, "2015-idlib-offensive")
>>> ax.get_title().startswith("2015 Idlib offensive")
True
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from . import basemap
from .plots import OKABE_ITO
from .plots import SOURCE as TEXT_SOURCE

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Bbox

__all__ = [
    "AROUND",
    "CAPTION_GID",
    "CENTRED",
    "EVENTS_GID",
    "EVENT_TYPE_COLOURS",
    "INSET_GID",
    "LABEL_GID",
    "REFERENCE_GID",
    "REGION_GID",
    "SCALEBAR_GID",
    "SIDE_COLOURS",
    "SIDE_MARKERS",
    "control_map",
    "event_sides",
    "events_until",
    "governorate",
    "monthly_small_multiples",
    "offensive_map",
    "place_labels",
]

#: Neutral, colour-blind-safe side colours (Okabe–Ito): no flag colours.
SIDE_COLOURS = {"government": OKABE_ITO[4], "opposition": OKABE_ITO[0],
                "unattributed": OKABE_ITO[7]}
#: A marker shape per side, so sides differ without colour too.
SIDE_MARKERS = {"government": "s", "opposition": "o", "unattributed": "D"}
_SIDE_LABELS = {"government": "government side", "opposition": "opposition side",
                "unattributed": "no side named"}
#: Fixed colours for ACLED event types (Okabe–Ito), the same on every map.
EVENT_TYPE_COLOURS = {
    "Battles": OKABE_ITO[5], "Explosions/Remote violence": OKABE_ITO[1],
    "Violence against civilians": OKABE_ITO[6], "Strategic developments": OKABE_ITO[2],
    "Protests": OKABE_ITO[3], "Riots": OKABE_ITO[8],
}
_OTHER_COLOUR = OKABE_ITO[7]

#: ``gid`` of the artists a map draws, to find them again (tests, widgets).
EVENTS_GID = "idlibkit-events"
LABEL_GID = "idlibkit-label"
REFERENCE_GID = "idlibkit-reference"
SCALEBAR_GID = "idlibkit-scalebar"
CAPTION_GID = "idlibkit-caption"
INSET_GID = "idlibkit-inset"
REGION_GID = "idlibkit-region"

_MAP_SOURCE = ("Places: idlibkit gazetteer (GeoNames CC BY 4.0, Wikipedia coordinates, "
               f"approximations); {basemap.SOURCE}.")
CAPTION = f"{TEXT_SOURCE} {_MAP_SOURCE}"
_REACH_KM = 25.0  # events this far outside the governorate still widen the map
_PAD_KM = 5.0
_MIN_SPAN_KM = 40.0  # a map zoomed to its events is at least this wide and tall
_LAND, _FOCUS, _EDGE, _BORDER = "#ebebeb", "#ffffff", "#3a3a3a", "#8c8c8c"


# --- data ---------------------------------------------------------------------------------


@cache
def _side_of_actor(actor: str) -> str:
    from .actors import GOVERNMENT_FORCES, REBELS
    from .factions import default_factions

    if actor == REBELS:
        return "opposition"
    if actor == GOVERNMENT_FORCES:
        return "government"
    faction = default_factions().lookup(actor)
    side = faction.side if faction is not None else None
    return side if side in ("government", "opposition") else "unattributed"


def event_sides(events: pd.DataFrame) -> pd.Series:
    """The side of each event's ``actor1`` (``government``, ``opposition`` or
    ``unattributed``), as the maps colour it.

    Examples
    --------
    >>> import idlibkit as ik
    >>> sides = event_sides(ik.load_corpus().events)
    >>> sorted(sides.unique())
    ['government', 'opposition', 'unattributed']
    """
    return events["actor1"].map(
        lambda a: _side_of_actor(a) if isinstance(a, str) else "unattributed")


def _geo(events: pd.DataFrame) -> pd.DataFrame:
    """lon, lat and geo_precision of every event (computed when the table lacks them)."""
    import pandas as pd

    if "geo_precision" in events.columns:
        return pd.DataFrame({"lon": events["longitude"].astype("float64"),
                             "lat": events["latitude"].astype("float64"),
                             "precision": events["geo_precision"]}, index=events.index)
    from .gazetteer import default_gazetteer
    from .geocode import geocode

    gaz = default_gazetteer()
    rows = [geocode(locs if isinstance(locs, list | tuple) else [], gaz)
            for locs in events["locations"]]
    return pd.DataFrame({"lon": [r.longitude for r in rows], "lat": [r.latitude for r in rows],
                         "precision": pd.array([r.geo_precision for r in rows], dtype="Int64")},
                        index=events.index)


@dataclass
class _Points:
    """Events split into what a map draws and what it leaves out."""

    shown: pd.DataFrame
    imprecise: int
    outside: list[str]
    unlocated: int


def _select(events: pd.DataFrame, window_of: tuple[float, float, float, float],
            show_imprecise: bool) -> _Points:
    geo = _geo(events)
    located = geo["lon"].notna() & geo["lat"].notna()
    precise = geo["precision"].fillna(1).astype("int64") < 3
    keep = located & (precise if not show_imprecise else True)
    minx, miny, maxx, maxy = window_of
    inside = geo["lon"].between(minx, maxx) & geo["lat"].between(miny, maxy)
    shown = events.loc[keep & inside].assign(_lon=geo["lon"], _lat=geo["lat"],
                                             _precision=geo["precision"])
    outside_rows = events.loc[keep & ~inside]
    out_names = list(dict.fromkeys(str(x) for x in outside_rows["location"].dropna()))
    return _Points(shown, int((located & ~precise).sum()) if not show_imprecise else 0,
                   out_names, int((~located).sum()))


def _reach(name: str) -> tuple[float, float, float, float]:
    """The governorate's bounds widened by :data:`_REACH_KM`: events in it widen the map."""
    minx, miny, maxx, maxy = basemap.bounds(name)
    return _grow((minx, miny, maxx, maxy), _REACH_KM)


def _grow(b: tuple[float, float, float, float], km: float) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = b
    dlat = km / 111.2
    dlon = km / (111.32 * math.cos(math.radians((miny + maxy) / 2)))
    return minx - dlon, miny - dlat, maxx + dlon, maxy + dlat


def _window(name: str, lon: Iterable[float] = (), lat: Iterable[float] = (), *,
            extent: str = "governorate") -> tuple[float, float, float, float]:
    """The map's extent, padded: the governorate and the points (``extent="governorate"``)
    or the points alone, at least :data:`_MIN_SPAN_KM` across (``"events"``)."""
    xs, ys = list(lon), list(lat)
    if extent == "events" and xs:
        minx, miny, maxx, maxy = min(xs), min(ys), max(xs), max(ys)
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        half_lat = _MIN_SPAN_KM / 2 / 111.2
        half_lon = _MIN_SPAN_KM / 2 / (111.32 * math.cos(math.radians(cy)))
        minx, maxx = min(minx, cx - half_lon), max(maxx, cx + half_lon)
        miny, maxy = min(miny, cy - half_lat), max(maxy, cy + half_lat)
    elif extent in ("events", "governorate"):
        minx, miny, maxx, maxy = basemap.bounds(name)
        for x, y in zip(xs, ys, strict=True):
            minx, maxx = min(minx, x), max(maxx, x)
            miny, maxy = min(miny, y), max(maxy, y)
    else:
        raise ValueError(f"extent must be 'events' or 'governorate', not {extent!r}")
    return _grow((minx, miny, maxx, maxy), _PAD_KM)


#: Corner boxes (axes fractions) and the order corners are preferred in.
_CORNERS = {
    "upper right": (0.64, 0.64, 1.0, 1.0), "lower right": (0.64, 0.0, 1.0, 0.36),
    "upper left": (0.0, 0.64, 0.36, 1.0), "lower left": (0.0, 0.0, 0.36, 0.36),
}


def _corners(window: tuple[float, float, float, float], lon: Iterable[float],
             lat: Iterable[float]) -> list[str]:
    """The four corners, those with the fewest points first (for inset, legend, scale)."""
    minx, miny, maxx, maxy = window
    fx = [(x - minx) / (maxx - minx) for x in lon]
    fy = [(y - miny) / (maxy - miny) for y in lat]
    order = list(_CORNERS)

    def crowd(corner: str) -> int:
        x0, y0, x1, y1 = _CORNERS[corner]
        return sum(x0 <= x <= x1 and y0 <= y <= y1 for x, y in zip(fx, fy, strict=True))

    return sorted(order, key=lambda c: (crowd(c), order.index(c)))


# --- drawing helpers -------------------------------------------------------------------------


def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("idlibkit.maps needs matplotlib: pip install 'idlibkit[maps]'"
                          ) from exc
    return plt


def _new_axes(size: tuple[float, float] = (7.0, 7.6)) -> Axes:
    plt = _pyplot()
    fig = plt.figure(figsize=size)
    return fig.add_axes((0.02, 0.13, 0.96, 0.80))


def _renderer(fig: Any) -> Any:
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


@cache
def _extents(layer: str) -> dict[str, tuple[float, float, float, float]]:
    return {n: tuple(p.get_extents().extents) for n, p in basemap.paths(layer).items()}


def _intersecting(layer: str, window: tuple[float, float, float, float]) -> list[str]:
    minx, miny, maxx, maxy = window
    return [n for n, (x0, y0, x1, y1) in _extents(layer).items()
            if x0 <= maxx and x1 >= minx and y0 <= maxy and y1 >= miny]


@cache
def _region_labels(name: str, window: tuple[float, float, float, float]
                   ) -> list[tuple[float, float, str]]:
    """Where to write the neighbouring units' names: a point of each inside the window."""
    from shapely.geometry import box

    frame = basemap.boundaries()
    view = box(*_grow(window, -8.0))
    out = []
    for row in frame[frame["layer"] == "admin1"].itertuples():
        if row.name == name or not row.geometry.intersects(view):
            continue
        part = row.geometry.intersection(view)
        if part.is_empty or part.area < 0.02 * view.area:
            continue
        pt = part.representative_point()
        text = f"{row.name} ({row.admin0})" if row.admin0 != "Syria" else row.name
        out.append((float(pt.x), float(pt.y), text.upper()))
    return out


def _fit(ax: Axes, window: tuple[float, float, float, float]
         ) -> tuple[float, float, float, float]:
    """Widen *window* (in one direction) to the shape of the Axes, so the map fills it."""
    minx, miny, maxx, maxy = window
    fig_w, fig_h = ax.figure.get_size_inches()
    pos = ax.get_position()
    box = (pos.width * fig_w) / max(pos.height * fig_h, 1e-9)
    coslat = math.cos(math.radians((miny + maxy) / 2))
    shape = (maxx - minx) * coslat / (maxy - miny)
    if shape < box:
        grow = ((maxy - miny) * box / coslat - (maxx - minx)) / 2
        return minx - grow, miny, maxx + grow, maxy
    grow = ((maxx - minx) * coslat / box - (maxy - miny)) / 2
    return minx, miny - grow, maxx, maxy + grow


def _draw_base(ax: Axes, name: str, window: tuple[float, float, float, float], *,
               region_names: bool = True, linewidth: float = 1.2) -> None:
    """Neighbours, the governorate, borders; limits and aspect set to *window*."""
    from matplotlib.collections import PathCollection

    p1, p0 = basemap.paths("admin1"), basemap.paths("admin0")
    others = [p1[n] for n in _intersecting("admin1", window) if n != name]
    ax.add_collection(PathCollection(others, facecolors=_LAND, edgecolors="#ffffff",
                                     linewidths=0.9, zorder=0), autolim=False)
    ax.add_collection(PathCollection([p1[name]], facecolors=_FOCUS, edgecolors=_EDGE,
                                     linewidths=linewidth, zorder=1), autolim=False)
    borders = [p0[n] for n in _intersecting("admin0", window)]
    ax.add_collection(PathCollection(borders, facecolors="none", edgecolors=_BORDER,
                                     linewidths=0.9, linestyles="--", zorder=1.5),
                      autolim=False)
    minx, miny, maxx, maxy = window
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    ax.set_aspect(1.0 / math.cos(math.radians((miny + maxy) / 2)), adjustable="box")
    ax.set_facecolor("#f7f7f7")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#999999")
        spine.set_linewidth(0.6)
    ax._idlibkit_regions = _region_labels(name, window) if region_names else ()  # type: ignore[attr-defined]


def _nice_length(km: float) -> float:
    """The longest of 1, 2, 5, 10, 20, 50 ... km not longer than *km* (at least 1)."""
    best = 1.0
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if step <= km:
            best = float(step)
    return best


def _scale_bar(ax: Axes, window: tuple[float, float, float, float], *,
               loc: str = "lower left", fontsize: float = 7) -> float:
    """A two-segment bar whose length is a geodesic distance, in a corner; returns km."""
    from matplotlib.patches import Rectangle

    minx, miny, maxx, maxy = window
    mid = (miny + maxy) / 2
    width_km = basemap.distance_km(minx, mid, maxx, mid)
    length = _nice_length(width_km / 5)
    height = (maxy - miny) * 0.008
    top = loc.startswith("upper")
    y = maxy - (maxy - miny) * 0.07 if top else miny + (maxy - miny) * 0.035
    x0 = minx + (maxx - minx) * 0.04
    x_end, _ = basemap.destination(x0, y, 90.0, length)
    if loc.endswith("right"):
        span = x_end - x0
        x0 = maxx - (maxx - minx) * 0.06 - span
        x_end = x0 + span
    half = (x0 + x_end) / 2
    for a, b, colour in ((x0, half, "#222222"), (half, x_end, "#ffffff")):
        ax.add_patch(Rectangle((a, y), b - a, height, facecolor=colour, edgecolor="#222222",
                               linewidth=0.6, zorder=7, gid=SCALEBAR_GID))
    ticks = ((x0, "0"), (x_end, f"{length:g} km"))
    for x, text in ticks:
        ax.text(x, y + height * 1.6, text, fontsize=fontsize, ha="center", va="bottom",
                color="#222222", zorder=7, gid=SCALEBAR_GID)
    return length


def _caption(ax: Axes, extra: str = "", *, width: int = 118) -> None:
    text = textwrap.fill(f"{CAPTION}{(' ' + extra) if extra else ''}", width)
    ax.annotate(text, xy=(0, 0), xycoords="axes fraction", xytext=(0, -5),
                textcoords="offset points", fontsize=6.5, color="#555555", va="top",
                gid=CAPTION_GID, annotation_clip=False)


def _inset(ax: Axes, name: str, window: tuple[float, float, float, float], *,
           loc: str = "upper right") -> Axes:
    """A locator map of Syria in a corner: the governorate filled, the map's window boxed."""
    from matplotlib.collections import PathCollection
    from matplotlib.patches import Rectangle

    sy_minx, sy_miny, sy_maxx, sy_maxy = basemap.bounds("Syria", "admin0")
    view = (sy_minx - 0.3, sy_miny - 0.3, sy_maxx + 0.3, sy_maxy + 0.3)
    x0, y0, x1, y1 = _CORNERS[loc]
    size = 0.27
    slot = [x0 + 0.01 if x0 == 0 else x1 - size - 0.01,
            y0 + 0.01 if y0 == 0 else y1 - size - 0.01, size, size]
    inset = ax.inset_axes(slot, zorder=9)
    inset._idlibkit_bounds = tuple(slot)  # type: ignore[attr-defined]
    inset.set_gid(INSET_GID)
    p0, p1 = basemap.paths("admin0"), basemap.paths("admin1")
    around = [p0[n] for n in _intersecting("admin0", view) if n != "Syria"]
    inset.add_collection(PathCollection(around, facecolors="#f3f3f3", edgecolors="#b0b0b0",
                                        linewidths=0.4), autolim=False)
    inset.add_collection(PathCollection([p0["Syria"]], facecolors="#d6d6d6",
                                        edgecolors="#555555", linewidths=0.6), autolim=False)
    inset.add_collection(PathCollection([p1[name]], facecolors="#4d4d4d",
                                        edgecolors="#4d4d4d", linewidths=0.4), autolim=False)
    minx, miny, maxx, maxy = window
    inset.add_patch(Rectangle((minx, miny), maxx - minx, maxy - miny, facecolor="none",
                              edgecolor="#000000", linewidth=0.8))
    inset.text(0.5 * (sy_minx + sy_maxx) + 0.8, 0.5 * (sy_miny + sy_maxy) - 0.6, "SYRIA",
               fontsize=6, color="#555555", ha="center", va="center")
    inset.set_xlim(view[0], view[2])
    inset.set_ylim(view[1], view[3])
    inset.set_aspect(1.0 / math.cos(math.radians((view[1] + view[3]) / 2)), adjustable="box")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_facecolor("#e9eef2")
    for spine in inset.spines.values():
        spine.set_edgecolor("#777777")
        spine.set_linewidth(0.6)
    return inset


def _obstacles(ax: Axes, renderer: Any) -> list[Bbox]:
    """Display boxes labels must not cover: the legend, the inset and the scale bar."""
    from matplotlib.transforms import Bbox, TransformedBbox

    boxes = []
    legend = ax.get_legend()
    if legend is not None:
        boxes.append(legend.get_window_extent(renderer))
    for child in ax.child_axes:
        bounds = getattr(child, "_idlibkit_bounds", None)
        if bounds is not None:  # the inset's slot, in the parent's axes fraction
            x0, y0, w, h = bounds
            boxes.append(TransformedBbox(Bbox.from_bounds(x0, y0, w, h), ax.transAxes))
        else:
            boxes.append(child.get_window_extent(renderer))
    for artist in (*ax.patches, *ax.texts):
        if artist.get_gid() == SCALEBAR_GID:
            boxes.append(artist.get_window_extent(renderer))
    return boxes


#: Where a label may go around its point: offset in points and alignment, in order.
AROUND = (
    (5, 2, "left", "bottom"), (5, -2, "left", "top"), (-5, 2, "right", "bottom"),
    (-5, -2, "right", "top"), (0, 6, "center", "bottom"), (0, -6, "center", "top"),
    (7, 0, "left", "center"), (-7, 0, "right", "center"),
)
#: A label centred on its point (area names).
CENTRED = ((0, 0, "center", "center"),)


def place_labels(
    ax: Axes,
    lon: Sequence[float],
    lat: Sequence[float],
    texts: Sequence[str],
    *,
    fontsize: float = 7.5,
    color: str = "#1a1a1a",
    avoid: Iterable[Bbox] = (),
    gid: str = LABEL_GID,
    weight: str = "normal",
    style: str = "normal",
    candidates: Sequence[tuple[float, float, str, str]] = AROUND,
    halo_width: float = 2.2,
) -> list[Any]:
    """Label points, in the order given, skipping a label that would overlap.

    Each label tries the positions of *candidates* around its point (by default
    :data:`AROUND`: right, left, above, below ...); the first whose box stays inside the
    Axes and overlaps no earlier label (of this call or an earlier one on the same Axes)
    and none of *avoid* is kept; if none fits, the label is left out (greedy, so give the
    most important places first).

    Parameters
    ----------
    ax : Axes
        An Axes whose limits and aspect are final.
    lon, lat : sequence of float
        Data coordinates of the points.
    texts : sequence of str
    fontsize, color, weight, style
        Text style.
    halo_width : float
        Width in points of the white halo around the letters (0: none, faster to draw).
    avoid : iterable of Bbox
        Display-space boxes to keep clear (legend, inset ...).
    gid : str
        The ``gid`` given to every label (:data:`LABEL_GID`).
    candidates : sequence of (dx, dy, ha, va)
        Positions to try: offsets in points and text alignment.

    Returns
    -------
    list of Annotation
        The labels drawn.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax.set_xlim(0, 10); ax.set_ylim(0, 10)  # doctest: +ELLIPSIS
    (...)
    >>> [t.get_text() for t in place_labels(ax, [5, 5.01], [5, 5], ["first", "second"])]
    ['first', 'second']
    >>> len(place_labels(ax, [5] * 9, [5] * 9, ["x"] * 9)) < 9   # no room for them all
    True
    """
    from matplotlib import patheffects

    fig = ax.figure
    renderer = _renderer(fig)
    ax.apply_aspect()
    fx0, fy0, fx1, fy1 = ax.get_window_extent(renderer).extents
    # boxes as (x0, y0, x1, y1) tuples: plain comparisons are far cheaper than Bbox.overlaps
    placed: list[tuple[float, float, float, float]] = [
        *(tuple(b.extents) for b in avoid), *getattr(ax, "_idlibkit_label_boxes", [])]
    n_avoid = len(placed) - len(getattr(ax, "_idlibkit_label_boxes", []))
    scale = fig.dpi / 72.0
    halo = ([patheffects.withStroke(linewidth=halo_width, foreground="white")]
            if halo_width else None)
    drawn = []
    xy = ax.transData.transform(list(zip(lon, lat, strict=True))) if len(texts) else []
    for (px, py), x, y, text in zip(xy, lon, lat, texts, strict=True):
        if not (fx0 <= px <= fx1 and fy0 <= py <= fy1):
            continue
        dx0, dy0, ha0, va0 = candidates[0]
        ann = ax.annotate(text, (x, y), xytext=(dx0, dy0), textcoords="offset points",
                          fontsize=fontsize, color=color, ha=ha0, va=va0, zorder=8,
                          gid=gid, path_effects=halo, fontweight=weight, fontstyle=style,
                          annotation_clip=True)
        box = ann.get_window_extent(renderer)
        w, h = box.width, box.height
        chosen = None
        for dx, dy, ha, va in candidates:
            x0 = px + dx * scale - {"left": 0.0, "right": w, "center": w / 2}[ha]
            y0 = py + dy * scale - {"bottom": 0.0, "top": h, "center": h / 2}[va]
            x1, y1 = x0 + w, y0 + h
            if x0 < fx0 or x1 > fx1 or y0 < fy0 or y1 > fy1:
                continue
            if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in placed):
                continue
            chosen = (dx, dy, ha, va, (x0, y0, x1, y1))
            break
        if chosen is None:
            ann.remove()
            continue
        dx, dy, ha, va, cand = chosen
        ann.xyann = (dx, dy)
        ann.set_horizontalalignment(ha)
        ann.set_verticalalignment(va)
        placed.append(cand)
        drawn.append(ann)
    ax._idlibkit_label_boxes = placed[n_avoid:]  # type: ignore[attr-defined]
    return drawn


def _fatality_size(values: Any) -> Any:
    import numpy as np

    f = np.asarray(values, dtype="float64")
    return np.where(np.isnan(f), 14.0, 14.0 + 10.0 * np.sqrt(np.clip(f, 0, 250)))


def _size_handles() -> list[Any]:
    from matplotlib.lines import Line2D

    out = []
    for deaths, label in ((None, "no death toll"), (1, "1 reported death"),
                          (10, "10"), (100, "100")):
        s = float(_fatality_size([math.nan if deaths is None else deaths])[0])
        out.append(Line2D([], [], linestyle="none", marker="o", markersize=math.sqrt(s),
                          markerfacecolor="#ffffff", markeredgecolor="#555555",
                          markeredgewidth=0.7, label=label))
    return out


def _draw_events(ax: Axes, shown: pd.DataFrame, color_by: str, *, alpha: float = 0.85,
                 size: bool = True, faded: pd.Series | None = None) -> list[Any]:
    """Scatter the events, one collection per group; returns legend handles."""
    from matplotlib.lines import Line2D

    if color_by not in ("side", "event_type"):
        raise ValueError(f"color_by must be 'side' or 'event_type', not {color_by!r}")
    handles = []
    if color_by == "side":
        keys = event_sides(shown)
        order = [k for k in SIDE_COLOURS if (keys == k).any()]
        style = {k: (SIDE_COLOURS[k], SIDE_MARKERS[k], _SIDE_LABELS[k]) for k in order}
    else:
        keys = shown["event_type"].fillna("other")
        order = [k for k in EVENT_TYPE_COLOURS if (keys == k).any()]
        order += sorted(set(keys) - set(order))
        style = {k: (EVENT_TYPE_COLOURS.get(k, _OTHER_COLOUR), "o", k) for k in order}
    sizes = _fatality_size(shown["fatalities"]) if size else [22.0] * len(shown)
    shown = shown.assign(_size=sizes, _key=keys.to_numpy())
    for k in order:
        colour, marker, label = style[k]
        group = shown[shown["_key"] == k].sort_values("_size", ascending=False)
        if faded is not None:
            old = faded.reindex(group.index).fillna(False).to_numpy(dtype=bool)
            parts = ((group[old], 0.3), (group[~old], alpha))
        else:
            parts = ((group, alpha),)
        for part, a in parts:
            if part.empty:
                continue
            ax.scatter(part["_lon"], part["_lat"], s=part["_size"], c=colour, marker=marker,
                       alpha=a, edgecolors="#262626", linewidths=0.5, zorder=4,
                       gid=EVENTS_GID)
        handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=6.5,
                              markerfacecolor=colour, markeredgecolor="#262626",
                              markeredgewidth=0.5, label=f"{label} ({len(group)})"))
    return handles


def _place_order(shown: pd.DataFrame) -> list[tuple[float, float, str]]:
    """One (lon, lat, label) per drawn point, the points with most events first.

    The name is the gazetteer place at that point the events name most often (ties: the
    most precisely located, then by name), written by :func:`_label`."""
    from collections import Counter

    from .gazetteer import default_gazetteer

    gaz = default_gazetteer()
    groups: dict[tuple[float, float], list[Any]] = {}
    for lon, lat, locs, loc in zip(shown["_lon"], shown["_lat"], shown["locations"],
                                   shown["location"], strict=True):
        names = list(locs) if isinstance(locs, list | tuple) else []
        if isinstance(loc, str):
            names.append(loc)
        groups.setdefault((lon, lat), []).append(names)
    out = []
    for (lon, lat), lists in groups.items():
        counts: Counter[str] = Counter()
        for names in lists:
            for n in dict.fromkeys(names):
                p = gaz.places.get(n) or gaz.lookup_exact(n)
                if p is not None and p.lon == lon and p.lat == lat:
                    counts[p.name] += 1
        if counts:
            best = min(counts, key=lambda n: (-counts[n], gaz.places[n].precision_km or 0, n))
        else:
            best = next((p.name for p in gaz.places.values()
                         if p.lon == lon and p.lat == lat), "")
        out.append((len(lists), lon, lat, best))
    out.sort(key=lambda t: (-t[0], t[3]))
    return [(lon, lat, _label(gaz, name, n)) for n, lon, lat, name in out if name]


def _label(gaz: Any, name: str, n: int = 1) -> str:
    """A place label: ``~`` marks an approximate point, ``(n)`` the number of events."""
    from .geocode import POINT_KINDS, POINT_KM

    place = gaz.places.get(name)
    approx = (place is not None and place.kind in POINT_KINDS
              and (place.precision_km or 0) > POINT_KM)
    return f"{'~' if approx else ''}{name}{f' ({n})' if n > 1 else ''}"


@cache
def _reference_places(name: str) -> tuple[tuple[float, float, str], ...]:
    """The gazetteer's cities in and around the governorate, for orientation."""
    from .gazetteer import default_gazetteer

    minx, miny, maxx, maxy = _reach(name)
    out = [(p.lon, p.lat, p.name) for p in default_gazetteer().places.values()
           if p.kind == "city" and p.lon is not None and p.lat is not None
           and minx <= p.lon <= maxx and miny <= p.lat <= maxy]
    return tuple(sorted(out, key=lambda t: t[2]))


def _draw_reference(ax: Axes, name: str, skip: Iterable[tuple[float, float]] = ()
                    ) -> list[tuple]:
    """Draw the governorate's cities except those at the points in *skip*."""
    taken = {(round(x, 4), round(y, 4)) for x, y in skip}
    refs = [r for r in _reference_places(name) if (round(r[0], 4), round(r[1], 4)) not in taken]
    if refs:
        ax.scatter([r[0] for r in refs], [r[1] for r in refs], s=12, marker="s",
                   c="#ffffff", edgecolors="#4d4d4d", linewidths=0.8, zorder=3,
                   gid=REFERENCE_GID)
    return refs


def _finish(ax: Axes, handles: list[Any], *, title: str, caption: str = "",
            legend_loc: str = "lower right", labels: Sequence[tuple[float, float, str]] = (),
            reference: Sequence[tuple[float, float, str]] = (), legend_title: str | None = None
            ) -> None:
    ax.set_title(textwrap.fill(title, 75), fontsize=10)
    if handles:
        ax.legend(handles=handles, loc=legend_loc, fontsize=6.5, title=legend_title,
                  title_fontsize=7, frameon=True, framealpha=0.92, edgecolor="#cccccc",
                  borderpad=0.5, labelspacing=0.4, handletextpad=0.4)
    renderer = _renderer(ax.figure)
    ax.apply_aspect()
    avoid = _obstacles(ax, renderer)
    if labels:
        place_labels(ax, [x for x, _, _ in labels], [y for _, y, _ in labels],
                     [t for _, _, t in labels], avoid=avoid, weight="bold", fontsize=7.5)
    if reference:
        place_labels(ax, [x for x, _, _ in reference], [y for _, y, _ in reference],
                     [t for _, _, t in reference], avoid=avoid, color="#4d4d4d",
                     fontsize=7, gid=REFERENCE_GID)
    drawn = [t.get_text() for t in ax.texts if t.get_gid() in (LABEL_GID, REFERENCE_GID)]
    keys = []
    if any(t.startswith("~") for t in drawn):
        keys.append("~: approximate location")
    if any(t.endswith(")") for t in drawn):
        keys.append("(n): number of events at the place")
    if keys:
        caption = f"Labels: {'; '.join(keys)}. {caption}".strip()
    regions = getattr(ax, "_idlibkit_regions", ())
    if regions:
        place_labels(ax, [x for x, _, _ in regions], [y for _, y, _ in regions],
                     [t for _, _, t in regions], avoid=avoid, color="#9a9a9a", fontsize=7,
                     gid=REGION_GID, style="italic", candidates=CENTRED)
    _caption(ax, caption)


def _left_out(points: _Points) -> str:
    bits = []
    if points.imprecise:
        bits.append(f"{points.imprecise} located only to a governorate or road stretch "
                    "(geo_precision 3)")
    if points.outside:
        names = ", ".join(points.outside[:4]) + (" ..." if len(points.outside) > 4 else "")
        n = len(points.outside)
        bits.append(f"events at {n} place{'s' if n > 1 else ''} beyond the map ({names})")
    if points.unlocated:
        bits.append(f"{points.unlocated} without a known place")
    return ("Not shown: " + "; ".join(bits) + ".") if bits else ""


def _events_of(corpus_or_events: Any) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    if hasattr(corpus_or_events, "events") and hasattr(corpus_or_events, "offensives"):
        return corpus_or_events.events, corpus_or_events.offensives
    return corpus_or_events, None


# --- the maps ----------------------------------------------------------------------------------


def _layout(ax: Axes, name: str, window: tuple[float, float, float, float],
            lon: Sequence[float], lat: Sequence[float], *, inset: bool,
            scale_fontsize: float = 7) -> str:
    """Inset, scale bar and legend in the corners with the fewest points; returns the
    legend's corner."""
    corners = _corners(window, lon, lat)
    if inset:
        _inset(ax, name, window, loc=corners.pop(0))
    legend_loc = corners.pop(0)
    _scale_bar(ax, window, loc=corners[0], fontsize=scale_fontsize)
    return legend_loc


def governorate(ax: Axes | None = None, *, name: str = "Idlib", inset: bool = True) -> Axes:
    """The governorate in context: its neighbours, borders, cities and towns, and a
    locator inset of Syria.

    Parameters
    ----------
    ax : Axes, optional
        Where to draw (default: a new figure).
    name : str
        An ``admin1`` name of ``data/boundaries.geojson`` (``Idlib``, ``Hama`` ...).
    inset : bool
        Add a locator map of Syria (in the emptiest corner).

    Returns
    -------
    Axes
        Towns and cities are ``ax.collections`` with ``gid == REFERENCE_GID``.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> ax = governorate()
    >>> ax.get_title()
    'Idlib Governorate in north-west Syria'
    >>> "Maarrat al-Nu'man" in [t.get_text() for t in ax.texts]
    True
    """
    from matplotlib.lines import Line2D

    from .gazetteer import default_gazetteer

    ax = ax if ax is not None else _new_axes()
    window = _window(name)
    window = _fit(ax, window)
    _draw_base(ax, name, window, linewidth=1.6)
    gaz = default_gazetteer()
    minx, miny, maxx, maxy = window
    rank = {"city": 0, "town": 1}
    towns = sorted((p for p in gaz.places.values()
                    if p.kind in rank and p.lon is not None and p.lat is not None
                    and minx <= p.lon <= maxx and miny <= p.lat <= maxy),
                   key=lambda p: (rank[p.kind], p.name))
    legend_loc = _layout(ax, name, window, [p.lon for p in towns],  # type: ignore[misc]
                         [p.lat for p in towns], inset=inset)  # type: ignore[misc]
    for kind, size in (("city", 26), ("town", 10)):
        sel = [p for p in towns if p.kind == kind]
        if sel:
            ax.scatter([p.lon for p in sel], [p.lat for p in sel], s=size, marker="s",
                       c="#ffffff" if kind == "town" else "#4d4d4d", edgecolors="#262626",
                       linewidths=0.7, zorder=4, gid=REFERENCE_GID)
    handles = [
        Line2D([], [], linestyle="none", marker="s", markersize=5, markerfacecolor="#4d4d4d",
               markeredgecolor="#262626", label="city"),
        Line2D([], [], linestyle="none", marker="s", markersize=3.2,
               markerfacecolor="#ffffff", markeredgecolor="#262626", label="town"),
        Line2D([], [], color=_EDGE, linewidth=1.6, label=f"{name} Governorate"),
        Line2D([], [], color=_BORDER, linewidth=0.9, linestyle="--",
               label="international border"),
    ]
    labels = [(p.lon, p.lat, _label(gaz, p.name)) for p in towns]
    _finish(ax, handles, title=f"{name} Governorate in north-west Syria",
            legend_loc=legend_loc, labels=labels)  # type: ignore[arg-type]
    return ax


def offensive_map(
    corpus_or_events: Any,
    offensive_id: str,
    ax: Axes | None = None,
    *,
    color_by: Literal["side", "event_type"] = "side",
    until: Any = None,
    name: str = "Idlib",
    extent: Literal["events", "governorate"] = "events",
    inset: bool = True,
    show_imprecise: bool = False,
) -> Axes:
    """One offensive's places and events.

    Points are at each event's geocoded place, coloured (and shaped) by the side of
    ``actor1`` or coloured by ACLED event type, and sized by reported deaths. The places
    with the most events are labelled first (``Idlib (14)``: 14 events there); the
    governorate's cities are drawn for orientation.

    Parameters
    ----------
    corpus_or_events : Corpus or DataFrame
        A corpus (its title is used) or ``corpus.events``.
    offensive_id : str
    ax : Axes, optional
    color_by : {"side", "event_type"}
    until : date-like, optional
        Only events dated on or before it (undated events are then left out).
    name : str
        The governorate the offensive is in (``Idlib``).
    extent : {"events", "governorate"}
        Zoom to the events (at least 40 km across; default) or show the whole
        governorate.
    inset : bool
        Add the locator inset of Syria.
    show_imprecise : bool
        Also draw events located only to a governorate or a long road stretch
        (geo_precision 3).

    Returns
    -------
    Axes
        Events are the ``ax.collections`` with ``gid == EVENTS_GID``, place labels the
        texts with ``gid == LABEL_GID``.

    Raises
    ------
    KeyError
        If no event belongs to *offensive_id*.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import idlibkit as ik
    >>> ax = offensive_map(ik.load_corpus().events, "2014-idlib-offensive",
    ...                    color_by="event_type")
    >>> sum(len(c.get_offsets()) for c in ax.collections if c.get_gid() == EVENTS_GID) > 20
    True
    """
    import pandas as pd

    events, offensives = _events_of(corpus_or_events)
    rows = events[events["offensive_id"] == offensive_id]
    if rows.empty:
        known = ", ".join(sorted(events["offensive_id"].unique()))
        raise KeyError(f"no events for offensive {offensive_id!r}; offensives: {known}")
    if until is not None:
        rows = rows[rows["event_date"].notna() & (rows["event_date"] <= pd.Timestamp(until))]
    title = offensive_id
    if offensives is not None:
        hit = offensives.loc[offensives["offensive_id"] == offensive_id, "title"]
        title = str(hit.iloc[0]) if len(hit) else offensive_id
    ax = ax if ax is not None else _new_axes()
    points = _select(rows, _reach(name), show_imprecise)
    shown = points.shown
    window = _window(name, shown["_lon"], shown["_lat"], extent=extent)
    window = _fit(ax, window)
    _draw_base(ax, name, window)
    legend_loc = _layout(ax, name, window, shown["_lon"].tolist(), shown["_lat"].tolist(),
                         inset=inset)
    handles = _draw_events(ax, shown, color_by)
    handles += _size_handles()
    labels = _place_order(shown)
    reference = _draw_reference(ax, name, skip=[(x, y) for x, y, _ in labels])
    what = "side of the first actor" if color_by == "side" else "event type"
    upto = f" up to {pd.Timestamp(until):%Y-%m-%d}" if until is not None else ""
    _finish(ax, handles, title=f"{title}{upto}: {len(shown)} events by {what}",
            caption=_left_out(points), labels=labels, reference=reference,
            legend_loc=legend_loc, legend_title="events (size: reported deaths)")
    return ax


def events_until(events: pd.DataFrame, date: Any, ax: Axes | None = None, *,
                 name: str = "Idlib", color_by: Literal["side", "event_type"] = "side",
                 recent_days: int = 30, inset: bool = False,
                 show_imprecise: bool = False) -> Axes:
    """Every dated event up to *date* (inclusive), on the governorate map; the last
    *recent_days* are solid, older ones faded.

    Parameters
    ----------
    events : DataFrame
        ``corpus.events`` (all offensives).
    date : date-like
    ax : Axes, optional
    name, color_by, inset, show_imprecise
        As for :func:`offensive_map`.
    recent_days : int
        Events this close to *date* are drawn solid.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import idlibkit as ik
    >>> ax = events_until(ik.load_corpus().events, "2012-12-31")
    >>> ax.get_title()[:27]
    'Events up to 2012-12-31 (n='
    """
    import pandas as pd

    when = pd.Timestamp(date)
    rows = events[events["event_date"].notna() & (events["event_date"] <= when)]
    ax = ax if ax is not None else _new_axes()
    points = _select(rows, _reach(name), show_imprecise)
    shown = points.shown
    window = _window(name, shown["_lon"], shown["_lat"])
    window = _fit(ax, window)
    _draw_base(ax, name, window)
    legend_loc = _layout(ax, name, window, shown["_lon"].tolist(), shown["_lat"].tolist(),
                         inset=inset)
    old = shown["event_date"] < when - pd.Timedelta(days=recent_days)
    handles = _draw_events(ax, shown, color_by, faded=old)
    handles += _size_handles()
    labels = _place_order(shown)
    reference = _draw_reference(ax, name, skip=[(x, y) for x, y, _ in labels])
    n_recent = int((~old).sum())
    _finish(ax, handles, title=f"Events up to {when:%Y-%m-%d} (n={len(shown)}; "
                               f"{n_recent} in the last {recent_days} days drawn solid)",
            caption=_left_out(points), labels=labels, reference=reference,
            legend_loc=legend_loc, legend_title="events (size: reported deaths)")
    return ax


def control_map(control: pd.DataFrame, date: Any, ax: Axes | None = None, *,
                name: str = "Idlib", recent_days: int = 30, inset: bool = False,
                gazetteer: Any = None) -> Axes:
    """Who held each place on *date*, as last reported by the territorial events.

    Places come from ``corpus.control`` (:func:`idlibkit.control.control_table`); a place
    whose holder changed in the last *recent_days* gets a thick outline. Places never
    reported as changing hands are not drawn: this is not a front line.

    Parameters
    ----------
    control : DataFrame
        Columns place, date, holder, event_id.
    date : date-like
    ax : Axes, optional
    name : str
        The governorate to frame.
    recent_days : int
    inset : bool
        Add the locator inset.
    gazetteer : Gazetteer, optional

    Returns
    -------
    Axes
        Places are the ``ax.collections`` with ``gid == EVENTS_GID``.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import idlibkit as ik
    >>> from idlibkit.control import control_table
    >>> ax = control_map(control_table(ik.load_corpus().events), "2013-02-01")
    >>> ax.get_title()  # doctest: +ELLIPSIS
    'Reported control on 2013-02-01: ... places'
    """
    import pandas as pd
    from matplotlib.lines import Line2D

    from .control import holder_at
    from .gazetteer import default_gazetteer

    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    when = pd.Timestamp(date)
    held = holder_at(control, when)
    last = (control[control["date"].notna() & (control["date"] <= when)]
            .groupby("place")["date"].max())
    reach = _reach(name)
    rows, outside, unlocated = [], [], []
    for place, holder in held.items():
        p = gaz.places.get(place) or gaz.lookup(place)
        if p is None or p.lon is None or p.lat is None:
            unlocated.append(place)
            continue
        if not (reach[0] <= p.lon <= reach[2] and reach[1] <= p.lat <= reach[3]):
            outside.append(place)
            continue
        recent = last.get(place, when) >= when - pd.Timedelta(days=recent_days)
        rows.append((p.lon, p.lat, p.name, holder, recent))
    ax = ax if ax is not None else _new_axes()
    window = _window(name, [r[0] for r in rows], [r[1] for r in rows])
    window = _fit(ax, window)
    _draw_base(ax, name, window)
    legend_loc = _layout(ax, name, window, [r[0] for r in rows], [r[1] for r in rows],
                         inset=inset)
    handles = []
    for holder in ("government", "opposition"):
        sel = [r for r in rows if r[3] == holder]
        if not sel:
            continue
        ax.scatter([r[0] for r in sel], [r[1] for r in sel], s=46,
                   c=SIDE_COLOURS[holder], marker=SIDE_MARKERS[holder],
                   edgecolors="#1a1a1a", linewidths=[1.8 if r[4] else 0.5 for r in sel],
                   zorder=4, gid=EVENTS_GID)
        handles.append(Line2D([], [], linestyle="none", marker=SIDE_MARKERS[holder],
                              markersize=7, markerfacecolor=SIDE_COLOURS[holder],
                              markeredgecolor="#1a1a1a", markeredgewidth=0.5,
                              label=f"held by the {holder} ({len(sel)})"))
    if rows:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7,
                              markerfacecolor="#ffffff", markeredgecolor="#1a1a1a",
                              markeredgewidth=1.8,
                              label=f"changed hands in the last {recent_days} days"))
    labels = [(r[0], r[1], _label(gaz, r[2]))
              for r in sorted(rows, key=lambda r: (not r[4], r[2]))]
    reference = _draw_reference(ax, name, skip=[(r[0], r[1]) for r in rows])
    extra = ("Last reported holder of each place named in a capture, recapture or "
             "withdrawal up to this date (corpus.control); other places are not shown.")
    if outside:
        extra += f" Beyond the map: {', '.join(outside)}."
    if unlocated:
        extra += f" Without coordinates: {', '.join(unlocated)}."
    _finish(ax, handles, title=f"Reported control on {when:%Y-%m-%d}: {len(rows)} places",
            caption=extra, labels=labels, reference=reference, legend_loc=legend_loc,
            legend_title="last report")
    return ax


def monthly_small_multiples(
    events: pd.DataFrame,
    offensive_id: str | None = None,
    ncols: int = 4,
    *,
    name: str = "Idlib",
    color_by: Literal["side", "event_type"] = "side",
    months: Literal["active", "all"] = "active",
    show_imprecise: bool = False,
) -> Figure:
    """One small map per month of events, side by side on a shared extent.

    Parameters
    ----------
    events : DataFrame
        ``corpus.events``.
    offensive_id : str, optional
        Only this offensive's events (default: all).
    ncols : int
        Maps per row.
    name, color_by, show_imprecise
        As for :func:`offensive_map`.
    months : {"active", "all"}
        Only months with at least one dated event (default), or every month from the
        first to the last.

    Returns
    -------
    Figure
        Not an Axes: ``fig.axes`` are the month panels in order, each titled
        ``Mon YYYY · n`` (``n/m`` when m - n of the month's events are not drawn);
        unused grid cells are removed. One legend, the title and the caption are on the
        figure.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> import idlibkit as ik
    >>> fig = monthly_small_multiples(ik.load_corpus().events, "2015-idlib-offensive")
    >>> [ax.get_title().split(" · ")[0] for ax in fig.axes]
    ['Mar 2015', 'Apr 2015']
    """
    import pandas as pd

    plt = _pyplot()
    rows = events if offensive_id is None else events[events["offensive_id"] == offensive_id]
    rows = rows[rows["event_date"].notna()]
    if rows.empty:
        raise ValueError("no dated events to map")
    points = _select(rows, _reach(name), show_imprecise)
    shown = points.shown
    window = _window(name, shown["_lon"], shown["_lat"])
    period = rows["event_date"].dt.to_period("M")
    if months == "all":
        periods = list(pd.period_range(period.min(), period.max(), freq="M"))
    else:
        periods = sorted(period.unique())
    n = len(periods)
    ncols = max(1, min(ncols, n))
    nrows = math.ceil(n / ncols)
    minx, miny, maxx, maxy = window
    aspect = (maxy - miny) / ((maxx - minx) * math.cos(math.radians((miny + maxy) / 2)))
    panel_w, top_in, bottom_in = 2.3, 0.55, 1.0
    height = panel_w * aspect * nrows * 1.08 + top_in + bottom_in
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_w * ncols, height), squeeze=False)
    fig.subplots_adjust(left=0.01, right=0.99, top=1 - top_in / height,
                        bottom=bottom_in / height, wspace=0.04, hspace=0.12)
    shown_period = shown["event_date"].dt.to_period("M")
    handles: list[Any] = []
    seen: set[str] = set()
    for i, ax in enumerate(axes.flat):
        if i >= n:
            ax.remove()
            continue
        _draw_base(ax, name, window, region_names=False, linewidth=0.9)
        month = shown[shown_period == periods[i]]
        total = int((period == periods[i]).sum())
        for h in (_draw_events(ax, month, color_by) if len(month) else []):
            key = h.get_label().rsplit(" (", 1)[0]
            if key not in seen:
                seen.add(key)
                h.set_label(key)
                handles.append(h)
        count = f"{len(month)}" if len(month) == total else f"{len(month)}/{total}"
        ax.set_title(f"{periods[i].strftime('%b %Y')} · {count}", fontsize=8, pad=2)
        if i == 0:
            _scale_bar(ax, window, fontsize=5.5)
    what = "side of the first actor" if color_by == "side" else "event type"
    scope = offensive_id or "all offensives"
    fig.suptitle(f"Events per month, {scope}, by {what} (size: reported deaths)",
                 fontsize=10, x=0.01, y=1 - 0.12 / height, ha="left", va="top")
    if handles:
        fig.legend(handles=handles + _size_handles(), loc="lower left", ncols=4,
                   fontsize=6.5, frameon=False, bbox_to_anchor=(0.01, 0.45 / height))
    text = textwrap.fill(f"{CAPTION} {_left_out(points)}".strip(), 36 * ncols)
    fig.text(0.01, 0.05 / height, text, fontsize=6, color="#555555", va="bottom",
             gid=CAPTION_GID)
    return fig
