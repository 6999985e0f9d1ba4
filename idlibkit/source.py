"""Read a document's bytes into text, refusing what is not UTF-8 prose."""

from __future__ import annotations

from pathlib import Path

from .errors import ParseError

__all__ = ["decode_document", "read_source"]

# Bytes that never occur in prose; their presence means an image, an archive, a PDF...
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# The openings of common binary files, named in the error (UTF-16 text also has NULs).
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)


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
    """Decode *data* as a UTF-8 document; see :func:`read_source`.

    Examples
    --------
    >>> decode_document(b"Title\\r\\nBody")
    'Title\\nBody'
    >>> decode_document(b"Title\\nBody\\n\\xff\\n", "a.txt")
    Traceback (most recent call last):
    ...
    idlibkit.errors.ParseError: a.txt:3: invalid UTF-8 (byte 0xff at offset 11); expected UTF-8 text
    """
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise ParseError(path, 1, f"binary content ({kind}); expected UTF-8 text")
    nul = data.find(b"\x00")
    if nul != -1:
        line = _line_at(data, nul)
        raise ParseError(path, line, "binary content (a NUL byte); expected UTF-8 text")
    head = data[:4096]
    if head and sum(head.count(bytes([b])) for b in _CONTROL) > len(head) // 20:
        raise ParseError(path, 1, "binary content (control bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_at(data, exc.start)
        raise ParseError(
            path, line, f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "expected UTF-8 text"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        what = "empty" if not text else "empty (only white space)"
        raise ParseError(path, 1, f"the document is {what}; expected an article's text")
    return text


def _line_at(data: bytes, offset: int) -> int:
    """1-based line of byte *offset*, with ``\\r\\n``, ``\\r`` and ``\\n`` all ending lines."""
    crlf = data.count(b"\r\n", 0, offset)
    return data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset) - crlf + 1
