"""Unit tests for :mod:`idlibkit.detect`: which reader a document goes to."""

from __future__ import annotations

from pathlib import Path

import pytest

from idlibkit.detect import FORMATS, detect_format
from idlibkit.errors import ParseError
from idlibkit.readers import READERS

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def test_every_format_has_a_reader() -> None:
    """FORMATS and READERS name the same formats."""
    assert set(FORMATS) == set(READERS)


@pytest.mark.parametrize(
    ("seed", "doc_format"),
    [
        ("000_ab56abd815f8b83b.txt", "wiki-text"),
        ("001_9d7bebba12a9dbdf.txt", "markdown-frontmatter"),
        ("002_88d707cef1f5dffc.txt", "pipe-infobox"),
        ("003_6614ec51c61cc8c4.txt", "news"),
        ("004_475e68448c0becbd.txt", "markdown-frontmatter"),
    ],
)
def test_seeds_are_detected_as_their_format(seed: str, doc_format: str) -> None:
    """The five seeds, by hand: 000 wiki text, 001/004 Markdown, 002 pipe table, 003 news."""
    assert detect_format((CORPUS / seed).read_text(encoding="utf-8")) == doc_format


@pytest.mark.parametrize(
    ("text", "doc_format"),
    [
        ("---\nsubject: X\n---\nBody", "markdown-frontmatter"),
        ("\n\n---\ntitle: X\n---\n", "markdown-frontmatter"),  # blank lines before it
        ("---   \nsubject: X\n...\n", "markdown-frontmatter"),
        ("{{Infobox military conflict\n| conflict = X\n}}\nText.", "wikitext"),
        ("Intro.\n{{ infobox military conflict | conflict = X }}", "wikitext"),
        ("= X =\n\nInfobox\n- Conflict: X\n", "wiki-text"),
        ("Infobox\n- Date: 2015\n\nText.", "wiki-text"),
        ("Conflict: | Raid |\nDate: | 2014 |\nText.", "pipe-infobox"),
        ("Date:| 2014\n|\nPlace: |Idlib|\n", "pipe-infobox"),
        (
            "Rebels raid a town\n\nRebels entered the town on Tuesday, a monitor said.\n",
            "news",
        ),
        (
            "Skip to main content\nHeadline\nThe army shelled the town for the third day, "
            "activists said!\n",
            "news",
        ),
    ],
)
def test_minimal_documents(text: str, doc_format: str) -> None:
    """The smallest document of each format is recognised."""
    assert detect_format(text) == doc_format


@pytest.mark.parametrize(
    "text",
    [
        "Idlib",  # a single word
        "name,date,place\nRaid,2015,Idlib\nSiege,2014,Ariha\n",  # a CSV table
        "Conflict: | Raid |\nRebels attacked.",  # one pipe row is not a pipe infobox
        "Infobox\nno rows here\n",  # an Infobox line without '- Key:' rows
        "- Conflict: Raid\n- Date: 2015\n",  # rows without the Infobox line
        "Headline\nshort line\nanother short line\n",  # no sentence of prose
        "Headline only, which is a long sentence of more than eight words.",
        "---x\nsubject: y\n",  # front matter opens with a line that is just '---'
    ],
)
def test_unrecognised_documents(text: str) -> None:
    """What matches no format is a ParseError at line 1 listing what was expected."""
    with pytest.raises(ParseError) as info:
        detect_format(text, "doc.txt")
    err = info.value
    assert (err.path, err.line) == ("doc.txt", 1)
    assert "cannot recognise the document's format" in err.message
    assert "expected one of" in err.message
    for name in ("front matter", "Infobox", "Key: | value |", "news"):
        assert name in err.message


def test_markers_past_the_head_are_not_searched() -> None:
    """Detection reads only the top of a document: a marker 1 MB down does not count."""
    text = "Just a word\n" + "x" * 1_000_000 + "\n{{Infobox military conflict}}\n"
    with pytest.raises(ParseError):
        detect_format(text)
