"""Where the kit's own data lives, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["corpus_dir", "data_dir"]


@cache
def data_dir() -> Path:
    """The kit's data folder (corpus, curated tables, base layers).

    A wheel carries it as ``idlibkit/_data``; in a source checkout or an editable
    install it is the repository's top-level ``data/``.

    Examples
    --------
    >>> (data_dir() / "corpus").is_dir()
    True
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data", here.parent / "data"):
        if (candidate / "corpus").is_dir():
            return candidate
    raise FileNotFoundError(
        "idlibkit cannot find its data folder (looked for idlibkit/_data and ../data); "
        "reinstall the package or run from a complete checkout"
    )


def corpus_dir() -> Path:
    """The folder of the kit's own corpus documents."""
    return data_dir() / "corpus"
