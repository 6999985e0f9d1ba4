"""Unit tests for :mod:`idlibkit.textclean` (exact values on tiny inputs)."""

from __future__ import annotations

import pytest

from idlibkit.model import Image
from idlibkit.textclean import clean_inline, collapse_ws, extract_images, slugify, strip_citations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Victory[1]", "Victory"),
        ("a[12]b", "ab"),
        ("a[1234]b", "ab"),
        ("note[a] here", "note here"),
        ("note[B] here", "note here"),
        ("x[note 3]", "x"),
        ("x[nb 2]", "x"),
        ("x[citation needed]", "x"),
        ("x[clarification needed]", "x"),
        ("x[page needed]", "x"),
        ("x[Citation Needed]", "x"),
        ("x[1][2][a]", "x"),
        ("Rebels[object Object] won[object Object].", "Rebels won."),
        ("a[object Object][3]b", "ab"),
        # not citation markers
        ("[Ariha]", "[Ariha]"),
        ("x[12345]", "x[12345]"),
        ("[[A]] and [[B]]", "[[A]] and [[B]]"),
        ("no markers", "no markers"),
        ("", ""),
    ],
)
def test_strip_citations(text: str, expected: str) -> None:
    assert strip_citations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a\u00a0 b\n c ", "a b c"),
        ("a\t\tb", "a b"),
        ("\n\n", ""),
        ("one", "one"),
    ],
)
def test_collapse_ws(text: str, expected: str) -> None:
    assert collapse_ws(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # citation markers and debris
        ("Rebel victory[2][3]", "Rebel victory"),
        ("Rebels took it.[citation needed] Then", "Rebels took it. Then"),
        ("victory[object Object][object Object]", "victory"),
        # Markdown emphasis and links
        ("The **2014 Idlib offensive** began", "The 2014 Idlib offensive began"),
        ("__bold__ text", "bold text"),
        ("a ** b", "a ** b"),
        ("See [the map](https://example.org/map) now.", "See the map now."),
        ("See [the map](https://example.org/a_(b)) now.", "See the map now."),
        # wiki links, templates, bold/italic, refs
        ("[[Idlib|the city]] and [[Ariha]]", "the city and Ariha"),
        ("[[A]] and [[B]]", "A and B"),
        ("'''Bold''' and ''italic''", "Bold and italic"),
        ("Town{{citation needed|date=May 2015}} fell", "Town fell"),
        ('fell.<ref>Reuters, 2015</ref> Next<ref name="a"/> day', "fell. Next day"),
        ('fell<ref name="x">{{cite web|url=http://x.org}}</ref>.', "fell."),
        ("[http://example.org Example site] text", "Example site text"),
        ("<small>alleged</small> support", "alleged support"),
        ("Rebel victory<br />Rebels capture it", "Rebel victory Rebels capture it"),
        ("a<br>b", "a b"),
        # empty parentheses, white space, space before punctuation
        ("24 March – 5 April 2015 ()", "24 March – 5 April 2015"),
        ("Victory ( ) for them", "Victory for them"),
        ("Victory (, ) for them", "Victory for them"),
        ("a , b .", "a, b."),
        ("  many   spaces\n here ", "many spaces here"),
        # prose punctuation is kept
        ("Ma'arrat al-Nu'man (Idlib) – 3,000+", "Ma'arrat al-Nu'man (Idlib) – 3,000+"),
        ("", ""),
    ],
)
def test_clean_inline(text: str, expected: str) -> None:
    assert clean_inline(text) == expected


def test_clean_inline_docstring_example() -> None:
    got = clean_inline("The **2014 Idlib offensive**[3] was [[Idlib|a]] ''series'' ()")
    assert got == "The 2014 Idlib offensive was a series"


# --- extract_images -----------------------------------------------------------------------


def test_wiki_file_block_spanning_lines_with_nested_links_and_glued_text() -> None:
    text = (
        "Before [[File:Map.svg|thumb|left|Caption with [[Idlib]] and\n"
        "[[Ariha|the town]].\n"
        "]]After text\n"
        "next line"
    )
    out, images = extract_images(text)
    assert out == "Before \n\nAfter text\nnext line"
    assert out.count("\n") == text.count("\n")
    assert images == [Image("Map.svg", "Caption with Idlib and the town.", 1)]


def test_wiki_file_block_docstring_example() -> None:
    out, images = extract_images("[[File:Map.svg|thumb|left|Situation.\n\n]]On 7 May")
    assert out == "\n\nOn 7 May"
    assert images == [Image("Map.svg", "Situation.", 1)]


@pytest.mark.parametrize(
    ("text", "first_line", "out", "images"),
    [
        ("a\nb\n[[Image:X.jpg|thumb|Cap]]c", 1, "a\nb\nc", [Image("X.jpg", "Cap", 3)]),
        ("a\n[[File:X.png]]", 10, "a\n", [Image("X.png", "", 11)]),
        ("[[file: Y.svg |thumb| A ''nice'' map ]]", 1, "", [Image("Y.svg", "A nice map", 1)]),
        # unclosed block: consumed to the end, newlines kept
        ("x [[File:U.svg|thumb|never\nclosed", 1, "x \n", [Image("U.svg", "never closed", 1)]),
        # an ordinary link is not an image
        ("[[Idlib]] city", 1, "[[Idlib]] city", []),
    ],
)
def test_wiki_images(text: str, first_line: int, out: str, images: list[Image]) -> None:
    assert extract_images(text, first_line) == (out, images)


def test_markdown_image_with_parentheses_in_url() -> None:
    url = "https://wikipedia.org/wiki/Special:Redirect/file/Morek_(February_2014).svg?"
    text = f"x\n![Morek (February 2014)]({url})\ny"
    out, images = extract_images(text)
    assert out == "x\n\ny"
    assert images == [Image(url, "Morek (February 2014)", 2)]


def test_images_of_both_kinds_sorted_by_line() -> None:
    text = "![first](a.png)\n[[File:B.svg|thumb|second]]\n![third](c.png) tail"
    out, images = extract_images(text)
    assert out == "\n\n tail"
    assert [(im.target, im.caption, im.line) for im in images] == [
        ("a.png", "first", 1),
        ("B.svg", "second", 2),
        ("c.png", "third", 3),
    ]


def test_markdown_link_is_not_an_image() -> None:
    assert extract_images("[text](http://x.org)") == ("[text](http://x.org)", [])


# --- slugify ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015 Idlib offensive", "2015-idlib-offensive"),
        (
            "Idlib Governorate clashes (June 2012–April 2013)",
            "idlib-governorate-clashes-june-2012-april-2013",
        ),
        ("Ma'arrat al-Nu'man", "ma-arrat-al-nu-man"),
        ("al-Fu’ah", "al-fu-ah"),
        ("Jisr al-Shughur — Ariha", "jisr-al-shughur-ariha"),
        ("Ḥalab Éçà", "halab-eca"),
        ("Raid on X", "raid-on-x"),
        ("  --Raid!!  ", "raid"),
        ("A  _  B", "a-b"),
        ("!!!", ""),
        ("", ""),
        ("إدلب", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected
