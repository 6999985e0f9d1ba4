"""Errors and problem records raised or collected while reading documents."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

__all__ = ["ParseError", "Problem"]


class Problem(NamedTuple):
    """A document that could not be read: where, and what was expected.

    Unpacks as ``(path, line, message)``, the shape the contract promises for
    ``corpus.problems``.
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ParseError(ValueError):
    """A document cannot be parsed.

    Parameters
    ----------
    path : str or Path
        The file the problem is in.
    line : int
        1-based line number where the problem was found.
    message : str
        What was found and what was expected.

    Examples
    --------
    >>> err = ParseError("a.txt", 3, "expected 'Key: | value |'")
    >>> str(err)
    "a.txt:3: expected 'Key: | value |'"
    >>> err.problem.line
    3
    """

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.path = str(path)
        self.line = int(line)
        self.message = message
        super().__init__(f"{self.path}:{self.line}: {message}")

    @property
    def problem(self) -> Problem:
        """The error as a :class:`Problem` record."""
        return Problem(self.path, self.line, self.message)
