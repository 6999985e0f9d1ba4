"""Read many documents, in a pool of processes when asked, with a progress bar.

:func:`read_all` is what ``load_corpus(..., workers=N)`` uses: each document is parsed
independently (one document per task), results come back in input order, and a
document that cannot be parsed comes back as its :class:`~idlibkit.errors.ParseError`
instead of stopping the others. Only parsing runs in the pool; the tables are built
afterwards, in the calling process, from the parsed articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ParseError, Problem

if TYPE_CHECKING:
    from .model import Article

__all__ = ["PROGRESS_THRESHOLD", "read_all"]

#: With ``progress=None``, a bar is shown when more documents than this are read.
PROGRESS_THRESHOLD = 300


def _read_one(path: str | Path) -> Article | Problem:
    """Parse one document; a ParseError travels back as its Problem.

    ``ParseError`` does not survive pickling (its constructor takes three arguments), so
    workers return the plain ``Problem`` record and the caller rebuilds the error.
    """
    from .readers import read_document

    try:
        return read_document(path)
    except ParseError as exc:
        return exc.problem


def _chunksize(n: int, workers: int) -> int:
    """Tasks handed to a worker at a time: enough to amortise the pipe, small enough
    that the workers finish together (about eight chunks a worker, at most 32 documents)."""
    return max(1, min(32, n // (workers * 8)))


@contextmanager
def _bar(total: int, progress: bool | None) -> Iterator[Any]:
    """A ``tqdm.auto`` bar, or None when not wanted or tqdm is not installed."""
    show = progress if progress is not None else total > PROGRESS_THRESHOLD
    bar = None
    if show:
        try:
            from tqdm.auto import tqdm  # imported on use: tqdm is optional
        except ImportError:
            tqdm = None
        if tqdm is not None:
            bar = tqdm(total=total, unit="doc", desc="reading documents")
    try:
        yield bar
    finally:
        if bar is not None:
            bar.close()


def read_all(
    paths: Iterable[str | Path],
    *,
    workers: int | None = 1,
    progress: bool | None = None,
) -> list[Article | ParseError]:
    """Parse every document in *paths*; the results in the same order.

    Parameters
    ----------
    paths : iterable of path
        Document files.
    workers : int or None
        1 (the default) reads in this process; more uses a
        :class:`~concurrent.futures.ProcessPoolExecutor` of that many processes;
        None uses one per CPU.
    progress : bool or None
        Show a ``tqdm.auto`` progress bar (a widget in Jupyter, text in a terminal);
        None shows one for more than :data:`PROGRESS_THRESHOLD` documents. Nothing is
        shown when tqdm is not installed.

    Returns
    -------
    list of Article or ParseError
        One item per path, in input order: the parsed article, or the error that says
        why the document could not be read.

    Examples
    --------
    >>> from idlibkit._paths import corpus_dir
    >>> paths = sorted(corpus_dir().glob("*.txt"))[:2] + ["no/such/file.txt"]
    >>> [type(r).__name__ for r in read_all(paths)]
    ['Article', 'Article', 'ParseError']
    """
    paths = list(paths)
    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    workers = min(workers, len(paths)) or 1
    results: list[Article | Problem] = []
    with _bar(len(paths), progress) as bar:
        if workers == 1:
            for path in paths:
                results.append(_read_one(path))
                if bar is not None:
                    bar.update()
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=workers) as pool:
                # map keeps input order; results arrive as each chunk completes
                for item in pool.map(_read_one, paths,
                                     chunksize=_chunksize(len(paths), workers)):
                    results.append(item)
                    if bar is not None:
                        bar.update()
    return [ParseError(*r) if isinstance(r, Problem) else r for r in results]
