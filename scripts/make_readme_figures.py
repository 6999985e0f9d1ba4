"""Draw the map the README shows: ``docs/img/offensive_map.png``.

    .venv/bin/python scripts/make_readme_figures.py

Offline and deterministic (Agg, fixed size and dpi, no timestamps in the PNG); the file
stays under 300 KB. Rerun it after changing the maps, the gazetteer or the corpus.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "img"
MAX_BYTES = 300 * 1024


def main() -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import idlibkit as ik
    from idlibkit import maps
    from idlibkit.geocode import geocode_events, offensive_context

    corpus = ik.load_corpus()
    events = corpus.events
    if "geo_precision" not in events.columns:  # until corpus.events carries it
        geo = geocode_events(events, context=offensive_context(corpus.offensives))
        events = events.assign(latitude=geo.latitude, longitude=geo.longitude,
                               geo_precision=geo.geo_precision)
    titles = corpus.offensives.set_index("offensive_id")["title"]
    oid = "2014-idlib-offensive"
    ax = maps.offensive_map(events, oid)
    ax.set_title(ax.get_title().replace(oid, titles[oid]), fontsize=10)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "offensive_map.png"
    ax.figure.savefig(path, dpi=100, bbox_inches="tight", pad_inches=0.08,
                      metadata={"Software": None}, pil_kwargs={"optimize": True})
    plt.close("all")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{path} is {size} bytes, over {MAX_BYTES}")
    print(f"wrote {path.relative_to(ROOT)} ({size // 1024} KB)")
    return [path]


if __name__ == "__main__":
    main()
