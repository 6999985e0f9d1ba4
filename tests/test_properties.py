"""Property-based robustness of the reading layer (hypothesis).

Whatever text or bytes come in, every reader, :func:`~idlibkit.readers.parse_text` and
:func:`~idlibkit.source.decode_document` either return a sound result or raise
:class:`~idlibkit.ParseError`; nothing else escapes, and no input takes more than a second.
Inputs: random text (biased towards the markup characters the readers react to), random
bytes, documents of each format with random bodies, and the five seeds (and a MediaWiki
sample) mutated line by line and character by character. Examples are derandomised, so CI
runs the same ones each time; ``--hypothesis-show-statistics`` shows how many parsed.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from idlibkit.errors import ParseError
from idlibkit.model import Article
from idlibkit.readers import READERS, parse_text
from idlibkit.source import decode_document

CORPUS = Path(__file__).parents[1] / "data" / "corpus"

# A small MediaWiki document: the corpus has none, but the kit reads them.
MEDIAWIKI = "\n".join(
    [
        "{{Infobox military conflict",
        "| conflict    = Siege of Taftanaz Air Base",
        "| partof      = the [[Syrian civil war]]",
        "| image       = [[File:Taftanaz airbase.jpg|250px]]",
        "| date        = 3 November 2012 – 11 January 2013",
        '| result      = Rebel capture<ref name="aj">{{cite news|title=Rebels}}</ref>',
        "| combatant1  = {{flagicon image|Flag.svg}} [[Free Syrian Army]]<br>[[Al-Nusra Front]]",
        "* [[Liwa Dawud|Dawood]]",
        "| combatant2  = {{flag|Syria}}",
        "** [[Syrian Air Force|Air Force]]",
        "}}",
        "The '''siege''' was a series of attacks on the [[Taftanaz Airbase|airport]].<ref>x</ref>",
        "",
        "== Siege ==",
        "=== November 2012 ===",
        "On 3 November 2012, the [[Free Syrian Army|FSA]] attacked the airport.<!-- a note -->",
        "[[File:Map.svg|thumb|The front, [[Idlib|near Idlib]].]]",
        "On 11 January, rebels overran the base; ''100 soldiers'' were killed.[3]",
        "",
        "== References ==",
        "{{reflist}}",
        "",
    ]
)
# The documents the mutations start from, each with its format (by hand).
DOCS = {
    "000_ab56abd815f8b83b.txt": "wiki-text",
    "001_9d7bebba12a9dbdf.txt": "markdown-frontmatter",
    "002_88d707cef1f5dffc.txt": "pipe-infobox",
    "003_6614ec51c61cc8c4.txt": "news",
    "004_475e68448c0becbd.txt": "markdown-frontmatter",
    "mediawiki": "wikitext",
}
DOC_LINES = {
    name: (MEDIAWIKI if name == "mediawiki" else (CORPUS / name).read_text("utf-8")).split("\n")
    for name in DOCS
}

LIMIT = 1.0  # seconds, for any one input
CITATION = re.compile(r"\[\d{1,4}\]")

# The characters and tokens the readers and the cleaner react to.
MARKUP_CHARS = "[]{}()|=*#:-_'\"<>!/&;.,?\n\t  aZ09"
TOKENS = [
    "[[", "]]", "{{", "}}", "[", "]", "(", ")", "|", ":", "---", "*", "**", "''", "'''",
    "==", "= ", "#", "- ", "\n", "\n\n", "<ref>", "</ref>", "<ref name=a/>", "<br>", "<!--",
    "-->", "[1]", "[object Object]", "![", "](", "[[File:", "{{Infobox", "Infobox\n",
    "- Conflict: ", "Conflict: | ", "subject: ", "&amp;", "[http://x ", "\u00a0", "\u2028",
    "\r", "\ufeff", "Skip to main content\n", "Published: 2 May 2015\n", "2014-13-45",
]  # fmt: skip

fast = settings(
    deadline=int(LIMIT * 1000),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

markup_text = st.text(alphabet=st.sampled_from(MARKUP_CHARS), max_size=400)
token_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=12), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), markup_text, token_soup)

# The opening of a document of each format, for random bodies.
HEADS = {
    "wiki-text": "= Raid =\n\nInfobox\n- Conflict: Raid\n- Date: 1 May 2015\n\n",
    "markdown-frontmatter": "---\nsubject: Raid\ndate: [1 May 2015]\n---\n",
    "pipe-infobox": "Conflict: | Raid |\nDate: | 1 May 2015 |\n",
    "news": "Skip to main content\n\nRebels raid a town\n\nRebels entered the town on Tuesday.\n",
    "wikitext": "{{Infobox military conflict\n| conflict = Raid\n}}\n",
}


def shaped_docs(formats: list[str]) -> st.SearchStrategy[str]:
    """The opening of a document of one of *formats*, then random text."""
    return st.tuples(st.sampled_from(formats), any_text).map(lambda p: HEADS[p[0]] + p[1])


@st.composite
def mutated_docs(draw: st.DrawFn, names: list[str]) -> str:
    """One of the documents *names* after a few random line and character edits."""
    lines = list(DOC_LINES[draw(st.sampled_from(names))])
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            junk = draw(st.sampled_from(TOKENS) | markup_text.filter(bool))
            lines[i] = lines[i][:at] + junk + lines[i][at:]
        elif op == "truncate":
            text = "\n".join(lines)
            cut = draw(st.integers(0, len(text)))
            lines = text[:cut].split("\n")
    return "\n".join(lines)


def inputs(doc_format: str | None = None) -> st.SearchStrategy[str]:
    """Random text, shaped documents and mutated documents, a third each.

    With *doc_format*, shaped and mutated documents are mostly of that format, so that
    its reader gets past its first checks more often than not.
    """
    all_names = sorted(DOCS)
    if doc_format is None:
        return st.one_of(any_text, shaped_docs(sorted(HEADS)), mutated_docs(all_names))
    names = [name for name in all_names if DOCS[name] == doc_format]
    own = st.one_of(shaped_docs([doc_format]), mutated_docs(names))
    others = st.one_of(shaped_docs(sorted(HEADS)), mutated_docs(all_names))
    return st.one_of(any_text, own, own, others)


# Inputs that once broke a reader (or would have), checked every time.
REGRESSIONS = [
    "",  # StopIteration from the Markdown reader called directly
    " \n\t\n",
    "---\nsubject: Raid\ndate: 2014-13-45\n---\nBody\n",  # ValueError from the YAML loader
    # removing markup glued new citation markers and debris together
    HEADS["wiki-text"] + "Rebels[a[1]] won[obj[object Object]ect Object] it.\n",
    HEADS["news"] + "It [<ref name=a/>object Object] fell [[[1]]] [1<!-- -->2] too.\n",
    # a few kB that took mwparserfromhell and backtracking regexes seconds (quadratic)
    HEADS["wikitext"] + "{{a|" * 2500 + "\n",
    HEADS["news"] + "<a " * 3000 + "\n",
    HEADS["markdown-frontmatter"] + "(" + " " * 60_000 + "x\n",
    HEADS["pipe-infobox"] + "**a " * 3000 + "![" * 5000 + "[" * 10_000 + "\n",
]


def check_article(art: Article, text: str, doc_format: str | None = None) -> None:
    """The invariants every parsed article keeps."""
    n_lines = text.count("\n") + 1
    assert isinstance(art.title, str) and art.title.strip()
    if doc_format is not None:
        assert art.doc_format == doc_format
    assert 1 <= art.title_line <= n_lines
    for section in art.sections:
        assert section.paragraphs
        for para in section.paragraphs:
            assert isinstance(para.text, str) and para.text.strip(), para
            assert "[object Object]" not in para.text, para
            assert not CITATION.search(para.text), para
            assert 1 <= para.line <= n_lines, (para, n_lines)
    for field in art.infobox.values():
        assert 1 <= field.line <= n_lines, (field, n_lines)
    for image in art.images:
        assert 1 <= image.line <= n_lines, (image, n_lines)


def run(fn, *args):
    """Call *fn*; a ParseError is a fine answer, anything else fails. Also time it."""
    start = time.perf_counter()
    try:
        result = fn(*args)
    except ParseError as err:
        result = err
        assert err.line >= 1 and str(err).startswith(f"{err.path}:{err.line}: ")
    elapsed = time.perf_counter() - start
    assert elapsed < LIMIT, f"{elapsed:.2f} s for {args[0]!r:.200}"
    return result


@pytest.mark.parametrize("doc_format", sorted(READERS))
@settings(fast, max_examples=1500)
@given(data=st.data())
def test_every_reader_raises_only_parse_error(doc_format: str, data: st.DataObject) -> None:
    """Each reader, on any text: an Article that keeps the invariants, or a ParseError."""
    text = data.draw(inputs(doc_format), label="text")
    result = run(READERS[doc_format], text, "x.txt")
    event(type(result).__name__)  # --hypothesis-show-statistics: how many parsed
    if isinstance(result, Article):
        check_article(result, text, doc_format)


@settings(fast, max_examples=3000)
@given(text=inputs())
def test_parse_text_raises_only_parse_error(text: str) -> None:
    """Detection plus reading, on any text: an Article or a ParseError."""
    result = run(parse_text, text, "x.txt")
    event(type(result).__name__)
    if isinstance(result, Article):
        check_article(result, text)


@pytest.mark.parametrize("fn", [*sorted(READERS), "parse_text"])
@pytest.mark.parametrize("text", REGRESSIONS, ids=[str(i) for i in range(len(REGRESSIONS))])
def test_regressions(fn: str, text: str) -> None:
    """Inputs that once made a reader raise something else or break an invariant."""
    result = run(parse_text if fn == "parse_text" else READERS[fn], text, "x.txt")
    if isinstance(result, Article):
        check_article(result, text, None if fn == "parse_text" else fn)


@settings(fast, max_examples=1500)
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda t: t.encode("utf-8"))))
def test_decode_document_raises_only_parse_error(data: bytes) -> None:
    """Any bytes decode to non-blank text without CR, or raise a ParseError."""
    result = run(decode_document, data, "x.txt")
    event(type(result).__name__)
    if isinstance(result, str):
        assert result.strip() and "\r" not in result


@settings(fast, max_examples=1500)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        mutated_docs(sorted(DOCS)).map(lambda t: t.encode("utf-8")),
        st.tuples(mutated_docs(sorted(DOCS)), st.binary(max_size=8), st.integers(0, 10_000)).map(
            lambda x: x[0].encode("utf-8")[: x[2]] + x[1] + x[0].encode("utf-8")[x[2] :]
        ),
    )
)
def test_bytes_to_article_raises_only_parse_error(data: bytes) -> None:
    """The whole path a file takes (bytes → text → Article), on corrupted documents too."""
    start = time.perf_counter()
    try:
        art = parse_text(decode_document(data, "x.txt"), "x.txt")
    except ParseError:
        art = None
    assert time.perf_counter() - start < LIMIT
    event("Article" if art is not None else "ParseError")
    if art is not None:
        check_article(art, data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"))
