"""Unit tests for :mod:`idlibkit.source`: bytes to text, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from idlibkit.errors import ParseError
from idlibkit.source import decode_document, read_source

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"Title\nBody\n", "Title\nBody\n"),
        (b"\xef\xbb\xbfTitle\nBody", "Title\nBody"),  # the BOM goes
        (b"Title\r\nBody\r\n", "Title\nBody\n"),  # CRLF
        (b"Title\rBody\r", "Title\nBody\n"),  # old Mac CR
        (b"a\r\nb\rc\nd", "a\nb\nc\nd"),  # mixed
        (b"\xef\xbb\xbfa\r\n\r\nb", "a\n\nb"),
        (b"tab\tand\x0cform feed", "tab\tand\x0cform feed"),  # prose control characters
        ("إدلب – Ma’arrat\u00a0al-Nu’man".encode(), "إدلب – Ma’arrat\u00a0al-Nu’man"),
        (b"x\xef\xbb\xbfy", "x\ufeffy"),  # only a leading BOM is one
    ],
)
def test_decode_normalises_bom_and_line_ends(data: bytes, text: str) -> None:
    """BOM dropped, every line end becomes \\n, the rest is kept as it is."""
    assert decode_document(data) == text


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", 1, ["empty"]),
        (b" \n\t\n  \r\n", 1, ["empty", "white space"]),
        (b"\xef\xbb\xbf\n\n", 1, ["empty"]),
        (b"\x00", 1, ["binary", "nul"]),
        (b"a\nb\nc\x00d\n", 3, ["binary", "nul"]),
        (b"a\r\nb\r\n\x00", 3, ["binary", "nul"]),  # CRLF counts once
        (b"a\rb\r\x00", 3, ["binary", "nul"]),  # CR alone ends a line too
        (b"a\nb\n\xff\n", 3, ["utf-8", "0xff"]),
        (b"a\r\nb\r\nthe rebels \xc3( took it\r\n", 3, ["utf-8", "0xc3"]),
        (b"ok\n\xe2\x80", 2, ["utf-8"]),  # truncated multi-byte character at the end
        (bytes(range(1, 9)) * 10, 1, ["binary", "control"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, ["binary", "png"]),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", 1, ["binary", "jpeg"]),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 1, ["binary", "pdf"]),
        (b"PK\x03\x04\x14\x00", 1, ["binary", "zip"]),
        (b"\x1f\x8b\x08\x00", 1, ["binary", "gzip"]),
        ("Title\nBody".encode("utf-16"), 1, ["utf-16"]),
    ],
)
def test_decode_refuses_with_line_and_reason(data: bytes, line: int, words: list[str]) -> None:
    """Empty, binary and non-UTF-8 input: a ParseError at the right line, saying why."""
    with pytest.raises(ParseError) as info:
        decode_document(data, "doc.txt")
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.path, err.line) == ("doc.txt", line)
    assert str(err) == f"doc.txt:{line}: {err.message}"
    assert "expected" in err.message
    for word in words:
        assert word in err.message.lower()


def test_read_source_reads_a_file(tmp_path: Path) -> None:
    """read_source = read the bytes + decode_document."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\nBody\r\n")
    assert read_source(path) == "Title\nBody\n"
    assert read_source(str(path)) == "Title\nBody\n"


def test_read_source_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    """A file that cannot be read is a ParseError naming it, not an OSError."""
    missing = tmp_path / "nope.txt"
    with pytest.raises(ParseError, match=r"nope\.txt:1: cannot read the file") as info:
        read_source(missing)
    assert info.value.path == str(missing)


def test_read_source_error_names_the_path(tmp_path: Path) -> None:
    """The error of a bad file names that file."""
    path = tmp_path / "bad.txt"
    path.write_bytes(b"one\ntwo\n\x00")
    with pytest.raises(ParseError) as info:
        read_source(path)
    assert str(info.value).startswith(f"{path}:3: binary content")


@pytest.mark.parametrize("seed", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds_decode_unchanged(seed: Path) -> None:
    """The corpus is plain UTF-8 with \\n line ends: decoding changes nothing."""
    data = seed.read_bytes()
    assert read_source(seed) == data.decode("utf-8")
