"""Maps draw what they should, offline: points, labels, extent, legend, scale bar, caption.

Every test here runs with sockets blocked (an autouse fixture), and one test redraws a map
in a subprocess inside a network-less namespace (``unshare -rn``) when the machine allows
it. Timings are in ``benchmarks/bench_maps.py``, not here.
"""

from __future__ import annotations

import itertools
import math
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from idlibkit import basemap, maps
from idlibkit.control import control_table, holder_at
from idlibkit.gazetteer import default_gazetteer
from idlibkit.geocode import geocode_events, offensive_context

matplotlib.use("Agg")
ROOT = Path(__file__).resolve().parents[1]
GAZ = default_gazetteer()
LABEL_GIDS = (maps.LABEL_GID, maps.REFERENCE_GID, maps.REGION_GID)


class NetworkUsed(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""

    def refuse(*args, **kwargs):
        raise NetworkUsed("a map test tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def events(corpus) -> pd.DataFrame:
    """corpus.events with the geocoded columns (as ``corpus.events`` has once wired)."""
    ev = corpus.events
    if "geo_precision" in ev.columns:
        return ev
    geo = geocode_events(ev, GAZ, context=offensive_context(corpus.offensives, GAZ))
    return ev.assign(latitude=geo.latitude, longitude=geo.longitude,
                     geo_precision=geo.geo_precision)


# --- what an Axes shows ----------------------------------------------------------------------


def n_points(ax) -> int:
    return sum(len(c.get_offsets()) for c in ax.collections if c.get_gid() == maps.EVENTS_GID)


def point_coords(ax) -> list[tuple[float, float]]:
    return [tuple(xy) for c in ax.collections if c.get_gid() == maps.EVENTS_GID
            for xy in c.get_offsets()]


def texts(ax, *gids: str) -> list:
    return [t for t in ax.texts if t.get_gid() in gids]


def caption(ax) -> str:
    found = texts(ax, maps.CAPTION_GID)
    assert len(found) == 1, "every map has exactly one caption"
    return found[0].get_text().replace("\n", " ")


def reach(name: str = "Idlib", km: float = maps._REACH_KM) -> tuple[float, ...]:
    minx, miny, maxx, maxy = basemap.bounds(name)
    dlat = km / 111.2
    dlon = km / (111.32 * math.cos(math.radians((miny + maxy) / 2)))
    return minx - dlon, miny - dlat, maxx + dlon, maxy + dlat


def check_labels_do_not_overlap(ax) -> list[str]:
    """Draw, then check label boxes pairwise, and against the legend and inset."""
    ax.figure.canvas.draw()
    labels = texts(ax, *LABEL_GIDS)
    boxes = [t.get_window_extent().expanded(0.98, 0.9) for t in labels]
    for (a, ta), (b, tb) in itertools.combinations(zip(boxes, labels, strict=True), 2):
        assert not a.overlaps(b), f"labels overlap: {ta.get_text()!r} / {tb.get_text()!r}"
    frame = ax.get_window_extent()
    blockers = [c.get_window_extent() for c in ax.child_axes]
    if ax.get_legend() is not None:
        blockers.append(ax.get_legend().get_window_extent())
    for box, t in zip(boxes, labels, strict=True):
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, t.get_text()
        assert not any(box.overlaps(b) for b in blockers), f"{t.get_text()!r} is covered"
    return [t.get_text() for t in labels]


def check_extent(ax, *, margin_lon: float = 0.5, margin_lat: float = 0.4) -> None:
    """Within the governorate's bounds plus a margin, and every point inside."""
    minx, miny, maxx, maxy = basemap.bounds("Idlib")
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert minx - margin_lon <= x0 < x1 <= maxx + margin_lon
    assert miny - margin_lat <= y0 < y1 <= maxy + margin_lat
    for x, y in point_coords(ax):
        assert x0 <= x <= x1 and y0 <= y <= y1


def check_scale_bar(ax) -> None:
    """The bar's drawn length is the geodesic distance its label says."""
    bars = [p for p in ax.patches if p.get_gid() == maps.SCALEBAR_GID]
    assert len(bars) == 2
    left = min(p.get_x() for p in bars)
    right = max(p.get_x() + p.get_width() for p in bars)
    y = bars[0].get_y()
    label = next(t.get_text() for t in texts(ax, maps.SCALEBAR_GID) if t.get_text().endswith("km"))
    km = float(label.split()[0])
    assert basemap.distance_km(left, y, right, y) == pytest.approx(km, rel=0.01)


def expected_offensive_points(events: pd.DataFrame, oid: str) -> pd.DataFrame:
    minx, miny, maxx, maxy = reach()
    sel = events[(events.offensive_id == oid) & events.latitude.notna()
                 & (events.geo_precision.fillna(1) < 3)]
    inside = sel.longitude.between(minx, maxx) & sel.latitude.between(miny, maxy)
    return sel[inside]


# --- the maps --------------------------------------------------------------------------------


def test_governorate_in_context() -> None:
    ax = maps.governorate()
    assert ax.get_title() == "Idlib Governorate in north-west Syria"
    minx, miny, maxx, maxy = basemap.bounds("Idlib")
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    assert x0 < minx and maxx < x1 and y0 < miny and maxy < y1  # all of it is shown
    check_extent(ax)
    towns = [c for c in ax.collections if c.get_gid() == maps.REFERENCE_GID]
    n_towns = sum(len(c.get_offsets()) for c in towns)
    expected = [p for p in GAZ.places.values() if p.kind in ("city", "town") and p.lon
                and x0 <= p.lon <= x1 and y0 <= p.lat <= y1]
    assert n_towns == len(expected)
    labels = check_labels_do_not_overlap(ax)
    assert {"Idlib", "Jisr al-Shughur", "Maarrat al-Nu'man", "Khan Shaykhun"} <= set(labels)
    assert len(texts(ax, maps.LABEL_GID)) >= 0.7 * len(expected)
    assert [c.get_gid() for c in ax.child_axes] == [maps.INSET_GID]
    assert "HATAY (TURKEY)" in [t.get_text() for t in texts(ax, maps.REGION_GID)]
    assert ax.get_legend() is not None
    check_scale_bar(ax)
    assert "Natural Earth" in caption(ax) and "GeoNames" in caption(ax)


def test_governorate_without_inset_on_given_axes() -> None:
    _, ax = plt.subplots(figsize=(5, 5))
    assert maps.governorate(ax, inset=False) is ax
    assert ax.child_axes == []
    with pytest.raises(KeyError, match="no admin1 unit called 'Atlantis'"):
        maps.governorate(name="Atlantis")


@pytest.mark.parametrize("oid", [
    "2015-idlib-offensive", "2014-idlib-offensive", "2014-raid-on-idlib-city",
    "rebels-raid-idlib-in-northwest-syria", "idlib-governorate-clashes-june-2012-april-2013",
])
def test_offensive_map_draws_one_point_per_located_event(events, oid: str) -> None:
    ax = maps.offensive_map(events, oid)
    expected = expected_offensive_points(events, oid)
    assert n_points(ax) == len(expected) > 0
    assert sorted(point_coords(ax)) == sorted(zip(expected.longitude, expected.latitude,
                                                  strict=True))
    check_extent(ax)
    labels = check_labels_do_not_overlap(ax)
    drawn = [t for t in texts(ax, maps.LABEL_GID)]
    assert drawn, "places are labelled"
    # the place with the most events is labelled first, with its count
    top = expected.groupby(["longitude", "latitude"]).size().sort_values(ascending=False)
    if top.iloc[0] > 1:
        assert drawn[0].get_text().endswith(f"({top.iloc[0]})")
    assert all(t.lstrip("~").split(" (")[0] in GAZ.places or t.isupper() for t in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sum(int(t.rsplit("(", 1)[1][:-1]) for t in legend if t.endswith(")")) == len(expected)
    check_scale_bar(ax)
    cap = caption(ax)
    imprecise = ((events.offensive_id == oid) & (events.geo_precision == 3)).sum()
    if imprecise:
        assert f"{imprecise} located only to a governorate" in cap
    assert cap.startswith("Source: idlibkit corpus")


def test_offensive_map_from_a_corpus_uses_its_title(corpus) -> None:
    ax = maps.offensive_map(corpus, "2015-idlib-offensive", inset=False)
    assert ax.get_title().startswith("2015 Idlib offensive: ")
    assert ax.child_axes == []


def test_offensive_map_by_event_type_until_a_date(events) -> None:
    oid = "2014-idlib-offensive"
    ax = maps.offensive_map(events, oid, color_by="event_type", until="2014-04-10")
    expected = expected_offensive_points(events, oid)
    expected = expected[expected.event_date <= "2014-04-10"]
    assert n_points(ax) == len(expected)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    for event_type, n in expected.event_type.value_counts().items():
        assert f"{event_type} ({n})" in legend
    colours = {tuple(c.get_facecolor()[0][:3]) for c in ax.collections
               if c.get_gid() == maps.EVENTS_GID}
    expected_colours = {matplotlib.colors.to_rgb(maps.EVENT_TYPE_COLOURS[t])
                        for t in expected.event_type.unique()}
    assert colours == expected_colours
    assert "up to 2014-04-10" in ax.get_title()


def test_offensive_map_can_show_imprecise_events(events) -> None:
    oid = "idlib-governorate-clashes-june-2012-april-2013"
    ax = maps.offensive_map(events, oid, show_imprecise=True, extent="governorate")
    minx, miny, maxx, maxy = reach()
    sel = events[(events.offensive_id == oid) & events.latitude.notna()]
    inside = sel.longitude.between(minx, maxx) & sel.latitude.between(miny, maxy)
    assert n_points(ax) == inside.sum() > len(expected_offensive_points(events, oid))


def test_offensive_map_errors(events) -> None:
    with pytest.raises(KeyError, match="no events for offensive 'nope'"):
        maps.offensive_map(events, "nope")
    with pytest.raises(ValueError, match="color_by"):
        maps.offensive_map(events, "2015-idlib-offensive", color_by="colour")  # type: ignore[arg-type]


def test_sides_are_neutral_and_shaped(events) -> None:
    flags = {"#ce1126", "#007a3d", "#000000", "#ffffff", "#ff0000", "#00ff00"}
    assert not {c.lower() for c in maps.SIDE_COLOURS.values()} & flags
    assert len(set(maps.SIDE_MARKERS.values())) == 3
    ax = maps.offensive_map(events, "2015-idlib-offensive")
    sides = maps.event_sides(expected_offensive_points(events, "2015-idlib-offensive"))
    drawn = {tuple(c.get_facecolor()[0][:3]): len(c.get_offsets()) for c in ax.collections
             if c.get_gid() == maps.EVENTS_GID}
    for side, n in sides.value_counts().items():
        assert drawn[matplotlib.colors.to_rgb(maps.SIDE_COLOURS[side])] == n


def test_events_until(events) -> None:
    date = pd.Timestamp("2012-10-31")
    ax = maps.events_until(events, date)
    minx, miny, maxx, maxy = reach()
    sel = events[events.event_date.notna() & (events.event_date <= date)
                 & events.latitude.notna() & (events.geo_precision.fillna(1) < 3)]
    sel = sel[sel.longitude.between(minx, maxx) & sel.latitude.between(miny, maxy)]
    assert n_points(ax) == len(sel)
    alphas = sorted({c.get_alpha() for c in ax.collections if c.get_gid() == maps.EVENTS_GID})
    assert alphas[0] < 0.5 < alphas[-1]  # older events faded, recent ones solid
    check_extent(ax)
    check_labels_do_not_overlap(ax)
    check_scale_bar(ax)
    assert "2012-10-31" in ax.get_title()
    assert "Natural Earth" in caption(ax)


def test_control_map(corpus, events) -> None:
    control = control_table(events, GAZ)
    date = "2014-06-01"
    ax = maps.control_map(control, date)
    held = holder_at(control, date)
    minx, miny, maxx, maxy = reach()
    located = {p: h for p, h in held.items() if GAZ.places[p].lat is not None
               and minx <= GAZ.places[p].lon <= maxx and miny <= GAZ.places[p].lat <= maxy}
    assert n_points(ax) == len(located)
    by_colour = {tuple(c.get_facecolor()[0][:3]): len(c.get_offsets()) for c in ax.collections
                 if c.get_gid() == maps.EVENTS_GID}
    for holder in ("government", "opposition"):
        n = sum(h == holder for h in located.values())
        assert by_colour.get(matplotlib.colors.to_rgb(maps.SIDE_COLOURS[holder]), 0) == n
    labels = check_labels_do_not_overlap(ax)
    assert len([t for t in labels if t.lstrip("~") in located]) >= 0.7 * len(located)
    check_extent(ax)
    check_scale_bar(ax)
    assert "corpus.control" in caption(ax)
    assert "Bab al-Salam" in caption(ax)  # beyond the map, said so


def test_monthly_small_multiples(events) -> None:
    fig = maps.monthly_small_multiples(events, "2014-idlib-offensive", ncols=2)
    sel = expected_offensive_points(events, "2014-idlib-offensive")
    sel = sel[sel.event_date.notna()]
    months = sorted(events.loc[(events.offensive_id == "2014-idlib-offensive")
                               & events.event_date.notna(), "event_date"]
                    .dt.to_period("M").unique())
    assert len(fig.axes) == len(months)
    assert [ax.get_title().split(" · ")[0] for ax in fig.axes] == \
        [m.strftime("%b %Y") for m in months]
    assert sum(n_points(ax) for ax in fig.axes) == len(sel)
    for ax, month in zip(fig.axes, months, strict=True):
        assert n_points(ax) == (sel.event_date.dt.to_period("M") == month).sum()
        assert ax.get_xlim() == fig.axes[0].get_xlim()  # one shared extent
    assert fig.legends and any(t.get_gid() == maps.CAPTION_GID for t in fig.texts)
    every = maps.monthly_small_multiples(events, "2014-idlib-offensive", months="all")
    assert [ax.get_title().split(" · ")[0] for ax in every.axes] == \
        [m.strftime("%b %Y") for m in pd.period_range(months[0], months[-1], freq="M")]


def test_place_labels_skips_overlaps_greedily() -> None:
    _, ax = plt.subplots(figsize=(3, 3))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    drawn = maps.place_labels(ax, [5] * 12 + [1], [5] * 12 + [9], [f"p{i}" for i in range(13)])
    texts_ = [t.get_text() for t in drawn]
    assert texts_[0] == "p0" and "p12" in texts_
    assert len(texts_) < 13  # some of the twelve stacked labels had no room
    check_labels_do_not_overlap(ax)


def test_png_written_offline(events, tmp_path) -> None:
    ax = maps.offensive_map(events, "2014-idlib-offensive")
    out = tmp_path / "map.png"
    ax.figure.savefig(out, dpi=80)
    assert out.stat().st_size > 20_000


def test_import_stays_light() -> None:
    code = ("import sys, idlibkit, idlibkit.maps, idlibkit.basemap, idlibkit.geocode, "
            "idlibkit.control, idlibkit.places_table; "
            "print(sorted(m for m in ('geopandas', 'matplotlib', 'shapely', 'pyproj', "
            "'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="unshare -rn is not allowed here")
def test_maps_draw_in_a_network_less_namespace(tmp_path) -> None:
    script = tmp_path / "draw.py"
    script.write_text(textwrap.dedent(f"""
        import socket, matplotlib
        matplotlib.use("Agg")
        try:
            socket.create_connection(("1.1.1.1", 53), timeout=1)
            raise SystemExit("the namespace has a network")
        except OSError:
            pass
        import idlibkit as ik
        from idlibkit import maps
        ax = maps.offensive_map(ik.load_corpus(), "2014-idlib-offensive")
        ax.figure.savefig({str(tmp_path / "ns.png")!r}, dpi=60)
        print(sum(len(c.get_offsets()) for c in ax.collections
                  if c.get_gid() == maps.EVENTS_GID))
    """))
    env = {**os.environ, "MPLBACKEND": "Agg", "MPLCONFIGDIR": str(tmp_path / "mpl")}
    out = subprocess.run(["unshare", "-rn", sys.executable, str(script)], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.strip().splitlines()[-1]) > 20
    assert (tmp_path / "ns.png").stat().st_size > 10_000
