"""How fast one offensive's map draws: the first call, then the median of 20 more.

    .venv/bin/python benchmarks/bench_maps.py [OFFENSIVE_ID]

The first call pays for importing geopandas/matplotlib, reading the base layer and
building its paths; later calls reuse those caches. Three timings per case:

- ``build``: ``maps.offensive_map(...)`` on a new figure (artists created, labels placed);
- ``build+draw``: the same plus rendering the figure with Agg (what a notebook shows);
- ``redraw``: clearing one Axes and drawing the map again into it, as a widget does on a
  slider move, including the render.

Prints the timings; no asserts (the tests do not time anything).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPEATS = 20


def main(offensive_id: str = "2014-idlib-offensive") -> None:
    t0 = time.perf_counter()
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import idlibkit as ik
    from idlibkit import maps
    from idlibkit.geocode import geocode_events, offensive_context

    corpus = ik.load_corpus()
    events = corpus.events
    if "geo_precision" not in events.columns:
        geo = geocode_events(events, context=offensive_context(corpus.offensives))
        events = events.assign(latitude=geo.latitude, longitude=geo.longitude,
                               geo_precision=geo.geo_precision)
    t_data = time.perf_counter() - t0

    t = time.perf_counter()
    ax = maps.offensive_map(events, offensive_id)
    first_build = time.perf_counter() - t
    ax.figure.canvas.draw()
    first_total = time.perf_counter() - t
    plt.close("all")

    def timed(fn) -> list[float]:
        out = []
        for _ in range(REPEATS):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
        return out

    def build() -> None:
        maps.offensive_map(events, offensive_id)
        plt.close("all")

    def build_draw() -> None:
        a = maps.offensive_map(events, offensive_id)
        a.figure.canvas.draw()
        plt.close("all")

    fig = plt.figure(figsize=(7.0, 7.6))
    widget_ax = fig.add_axes((0.02, 0.13, 0.96, 0.80))

    def redraw() -> None:
        for child in list(widget_ax.child_axes):
            child.remove()
        widget_ax.clear()
        maps.offensive_map(events, offensive_id, ax=widget_ax)
        fig.canvas.draw()

    results = {"build": timed(build), "build+draw": timed(build_draw), "redraw": timed(redraw)}
    plt.close("all")

    print(f"offensive_map({offensive_id!r}) — {len(events)} events in the corpus, "
          f"matplotlib {matplotlib.__version__}, backend Agg")
    print(f"  imports + corpus + geocoding:       {t_data * 1000:8.1f} ms")
    print(f"  first call, build:                  {first_build * 1000:8.1f} ms")
    print(f"  first call, build+draw:             {first_total * 1000:8.1f} ms")
    for name, values in results.items():
        print(f"  median of {REPEATS} later calls, {name + ':':12s} "
              f"{statistics.median(values) * 1000:8.1f} ms "
              f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f})")


if __name__ == "__main__":
    main(*sys.argv[1:2])
