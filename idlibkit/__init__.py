"""idlibkit: read articles about the 2012–2015 Idlib offensives into tables and graphs.

``import idlibkit`` is light: pandas and the readers load when first used, and maps and
widgets import matplotlib, geopandas and ipywidgets only when you call them.

Examples
--------
>>> import idlibkit as ik
>>> corpus = ik.load_corpus()
>>> corpus.belligerents.query("offensive_id == '2015-idlib-offensive' and side == 1").name.iloc[0]
'Army of Conquest'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ParseError, Problem

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Corpus",
    "ParseError",
    "ParseWarning",
    "Problem",
    "__version__",
    "alliance_graph",
    "conflict_graph",
    "event_graph",
    "load_corpus",
    "membership_graph",
    "read_document",
]

# Public name -> module that defines it; imported on first attribute access (PEP 562).
_LAZY = {
    "Article": "idlibkit.model",
    "Corpus": "idlibkit.corpus",
    "ParseWarning": "idlibkit.corpus",
    "load_corpus": "idlibkit.corpus",
    "read_document": "idlibkit.readers",
    "alliance_graph": "idlibkit.graphs",
    "conflict_graph": "idlibkit.graphs",
    "event_graph": "idlibkit.graphs",
    "membership_graph": "idlibkit.graphs",
}

# Submodules reachable as attributes (``ik.maps.offensive_map``) without eager imports.
_SUBMODULES = frozenset({"maps", "plots", "graphs", "basemap", "geocode", "control",
                         "places_table"})

if TYPE_CHECKING:
    from .corpus import Corpus, ParseWarning, load_corpus
    from .graphs import alliance_graph, conflict_graph, event_graph, membership_graph
    from .model import Article
    from .readers import read_document


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:  # ``ik.maps``, ``ik.plots``…: imported on first use
        return import_module(f"idlibkit.{name}")
    raise AttributeError(f"module 'idlibkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
