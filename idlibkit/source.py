"""Read a document's bytes into text, refusing what is not UTF-8 prose."""

from __future__ import annotations

from pathlib import Path

from .errors import ParseError

__all__ = ["decode_document", "read_source"]

# Bytes that never occur in prose; their presence means an image, an archive, a PDF...
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def read_source(path: str | Path) -> str:
    """Read a document as text with ``\\n`` line ends.

    Raises
    ------
    ParseError
        If the file cannot be read, is empty, is binary or is not valid UTF-8.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfTitle\\r\\nBody\\r\\n")
    >>> read_source(p)
    'Title\\nBody\\n'
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParseError(path, 1, f"cannot read the file ({exc.strerror or exc})") from None
    return decode_document(data, path)


def decode_document(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode *data* as a UTF-8 document; see :func:`read_source`."""
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise ParseError(path, line, "binary content (a NUL byte); expected UTF-8 text")
    head = data[:4096]
    if head and sum(head.count(bytes([b])) for b in _CONTROL) > len(head) // 20:
        raise ParseError(path, 1, "binary content (control bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ParseError(
            path, line, f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "expected UTF-8 text"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ParseError(path, 1, "the document is empty; expected an article's text")
    return text
