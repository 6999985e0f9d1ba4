"""Write a corpus's tables to files researchers can open anywhere."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._paths import data_dir

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Corpus

__all__ = ["export_corpus", "to_csv"]


def _list_cell(value: object) -> object:
    return "; ".join(map(str, value)) if isinstance(value, list | tuple) else value


def to_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write *df* as CSV: lists joined with ``'; '``, dates as ``YYYY-MM-DD``, ``\\n`` line ends.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> df = pd.DataFrame({"d": pd.to_datetime(["2015-03-24"]), "l": [["a", "b"]]})
    >>> p = to_csv(df, pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> p.read_text()
    'd,l\\n2015-03-24,a; b\\n'
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(_list_cell)
    path = Path(path)
    out.to_csv(path, index=False, date_format="%Y-%m-%d", lineterminator="\n")
    return path


def export_corpus(corpus: Corpus, out_dir: str | Path) -> list[Path]:
    """Write every table of *corpus* as CSV, and its graphs as GraphML and GEXF, into *out_dir*.

    Raises
    ------
    ValueError
        If *out_dir* is inside the kit's own ``data/`` folder, which the kit never writes.
    """
    out = Path(out_dir).resolve()
    kit_data = data_dir().resolve()
    if out == kit_data or kit_data in out.parents:
        raise ValueError(f"refusing to write into the kit's data folder ({kit_data})")
    out.mkdir(parents=True, exist_ok=True)
    from .graphs import write_graphs
    from .places_table import events_geodataframe, write_geofile

    paths = [to_csv(getattr(corpus, name), out / f"{name}.csv") for name in corpus.TABLES]
    # Geographic layers for QGIS users: GeoJSON files and one GeoPackage with both layers.
    events = events_geodataframe(corpus.events)
    paths += [write_geofile(corpus.places, out / "places.geojson"),
              write_geofile(events, out / "events.geojson")]
    write_geofile(corpus.places, out / "idlibkit.gpkg", layer="places")
    paths.append(write_geofile(events, out / "idlibkit.gpkg", layer="events"))
    return paths + write_graphs(corpus, out)
