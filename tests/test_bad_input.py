"""Bad documents: a clear ParseError from one read, a listed problem in a folder.

Every case below was written by hand with the line its error must name. Each is checked
twice: ``read_document`` raises ``ParseError`` (``FILE:LINE: message``, saying what was
expected), and ``load_corpus`` on a folder of the five seeds plus the bad file loads the
seeds, lists the bad file in ``corpus.problems`` and warns with a ``ParseWarning``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

import idlibkit as ik
from idlibkit.corpus import ParseWarning
from idlibkit.errors import ParseError
from idlibkit.readers import READERS, parse_text, read_document

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
SEED_NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))


class Bad(NamedTuple):
    id: str
    data: bytes
    line: int
    words: tuple[str, ...]  # each must be in the message (case-insensitive)


def _t(text: str) -> bytes:
    return text.encode("utf-8")


# (The YAML tags that would run code write into a marker path; see the test below.)
MARKER = "{marker}"

BAD = [
    # --- not text at all
    Bad("empty", b"", 1, ("empty", "expected")),
    Bad("whitespace-only", b"  \n\t\n\n   \n", 1, ("empty", "expected")),
    Bad("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", 1, ("binary", "png")),
    Bad("nul-byte", b"Rebels raid a town\nIt fell.\nabc\x00def\n", 3, ("binary", "nul")),
    Bad(
        "invalid-utf8-line-3",
        b"Rebels raid a town\n\nThe rebels \xff\xfe took the town, a monitor said.\nMore.\n",
        3,
        ("utf-8", "expected utf-8"),
    ),
    # --- front matter
    Bad(
        "unterminated-front-matter",
        _t("---\nsubject: Raid\ndate: 2014\n\nRebels attacked the town.\n"),
        1,
        ("never closed", "expected a closing '---'"),
    ),
    Bad(
        "front-matter-list",
        _t("---\n- Raid\n- 2014\n---\nRebels attacked the town.\n"),
        2,
        ("mapping", "list"),
    ),
    Bad(
        "front-matter-scalar",
        _t("---\nJust a sentence about a raid.\n---\nRebels attacked the town.\n"),
        2,
        ("mapping", "str"),
    ),
    Bad(
        "yaml-bad-indentation",  # the list item on line 6 is out of line
        _t("---\nsubject: Raid\ntags:\n  - Raid\n  - the Syrian Civil War\n - Rebels\n---\nBody\n"),
        6,
        ("invalid yaml",),
    ),
    Bad(
        "yaml-bad-indentation-after-blank-lines",  # lines 1-2 blank: 'place' is on line 6
        _t("\n\n---\nsubject: Raid\ndate: 2014\n  place: Idlib\n---\nBody\n"),
        6,
        ("invalid yaml",),
    ),
    Bad(
        "yaml-impossible-date",
        _t("---\nsubject: Raid\nplace: Idlib\ndate: 2014-13-45\n---\nBody\n"),
        4,
        ("invalid yaml", "not a date"),
    ),
    Bad(
        "yaml-unclosed-quote",
        _t('---\nsubject: Raid\nplace: "Idlib\ndate: 2014\n---\nBody\n'),
        3,
        ("invalid yaml",),
    ),
    Bad(
        "yaml-python-apply",
        _t(
            "---\nsubject: Raid\n"
            f'run: !!python/object/apply:os.system ["touch {MARKER}"]\n---\nBody\n'
        ),
        3,
        ("invalid yaml", "python/object/apply"),
    ),
    Bad(
        "yaml-python-object",
        _t("---\nsubject: Raid\nthing: !!python/object:__main__.X {}\n---\nBody\n"),
        3,
        ("invalid yaml", "python/object"),
    ),
    Bad(
        "yaml-python-apply-as-title",
        _t(f'---\nsubject: !!python/object/apply:os.system ["touch {MARKER}"]\n---\nBody\n'),
        2,
        ("invalid yaml",),
    ),
    # --- no recognisable format
    Bad(
        "csv-table",
        _t("name,date,place\nRaid,2015,Idlib\nSiege,2014,Ariha\n"),
        1,
        ("cannot recognise", "expected one of"),
    ),
    Bad("single-word", _t("Idlib\n"), 1, ("cannot recognise", "expected one of")),
    # --- no title, in each format
    Bad(
        "wiki-text-no-title",
        _t("Infobox\n- Date: 1 May 2015\n- Place: Idlib\n\nRebels attacked the town.\n"),
        1,
        ("no title", "'= Title ='", "'- Conflict:'"),
    ),
    Bad(
        "front-matter-no-title",
        _t("---\ndate: 2014\nplace: Idlib\n---\nRebels attacked the town.\n"),
        1,
        ("no title", "subject:", "title:"),
    ),
    Bad(
        "pipe-table-no-conflict",
        _t("Date: | 1 May 2015 |\nPlace: | Idlib |\nRebels attacked the town.\n"),
        1,
        ("no title", "'Conflict: | title |'"),
    ),
    Bad(
        "news-only-boilerplate",  # the cookie banner reads like prose, but is boilerplate
        _t(
            "Skip to main content\n\nShare\n\n"
            "We use cookies to give you the best experience on our website.\n\nAdvertisement\n"
        ),
        1,
        ("no title", "headline"),
    ),
    Bad(
        "mediawiki-no-conflict",
        _t("{{Infobox military conflict\n| date = 2015\n| place = Idlib\n}}\nRebels attacked.\n"),
        1,
        ("no title", "conflict"),
    ),
    # --- a malformed infobox row
    Bad(
        "wiki-text-row-without-colon",
        _t(
            "= Raid =\n\nInfobox\n- Conflict: Raid\n- Combatant1 no colon\n- Date: 2015\n\n"
            "Rebels attacked the town.\n"
        ),
        5,
        ("expected an infobox row '- Key: value'", "combatant1 no colon"),
    ),
]


@pytest.fixture
def marker(tmp_path: Path) -> Path:
    """A file that only code run from YAML would create."""
    return tmp_path / "pwned"


def _write(folder: Path, case: Bad, marker: Path) -> Path:
    path = folder / f"{case.id}.txt"
    path.write_bytes(case.data.replace(MARKER.encode(), str(marker).encode()))
    return path


def _check(err: ParseError, path: Path, case: Bad) -> None:
    assert isinstance(err, ValueError)
    assert (err.path, err.line) == (str(path), case.line), str(err)
    assert str(err) == f"{path}:{case.line}: {err.message}"
    for word in case.words:
        assert word.lower() in err.message.lower(), (word, err.message)


@pytest.mark.parametrize("case", BAD, ids=lambda c: c.id)
def test_single_read_raises_parse_error(tmp_path: Path, marker: Path, case: Bad) -> None:
    """read_document: a ParseError naming the file, the line and what was expected."""
    path = _write(tmp_path, case, marker)
    with pytest.raises(ParseError) as info:
        read_document(path)
    _check(info.value, path, case)
    assert not marker.exists()


@pytest.mark.parametrize("case", BAD, ids=lambda c: c.id)
def test_folder_lists_the_problem_and_loads_the_rest(
    tmp_path: Path, marker: Path, case: Bad
) -> None:
    """load_corpus: the seeds load, the bad file is a problem and a ParseWarning."""
    for name in SEED_NAMES:
        shutil.copy(CORPUS / name, tmp_path / name)
    path = _write(tmp_path, case, marker)
    with pytest.warns(ParseWarning, match=case.id) as warned:
        corpus = ik.load_corpus(tmp_path)
    assert [art.source_file for art in corpus.articles] == SEED_NAMES
    assert corpus.problems == [(str(path), case.line, corpus.problems[0].message)]
    problem = corpus.problems[0]
    assert str(problem) == f"{path}:{case.line}: {problem.message}"
    assert len(warned) == 1 and str(problem) in str(warned[0].message)
    assert not marker.exists()


def test_yaml_tags_never_run_code(marker: Path) -> None:
    """!!python tags are refused by the safe loader: the command never runs."""
    for tag in (
        f'!!python/object/apply:os.system ["touch {marker}"]',
        f'!!python/object/new:os.system ["touch {marker}"]',
        f'!!python/object/apply:subprocess.call [["touch", "{marker}"]]',
        "!!python/name:os.system",
        "!!python/module:os",
    ):
        for doc in (f"---\nsubject: {tag}\n---\nBody\n", f"---\nsubject: X\ndate: {tag}\n---\n"):
            with pytest.raises(ParseError, match="invalid YAML front matter"):
                parse_text(doc, "x.md")
    assert not marker.exists()


def test_strict_raises_the_first_bad_file(tmp_path: Path) -> None:
    """strict=True: the ParseError of the first bad file in file-name order."""
    for name in SEED_NAMES:
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "005_empty.txt").write_bytes(b"")
    (tmp_path / "006_word.txt").write_bytes(b"Idlib\n")
    with pytest.raises(ParseError) as info:
        ik.load_corpus(tmp_path, strict=True)
    assert info.value.path == str(tmp_path / "005_empty.txt")
    assert info.value.line == 1
    assert "empty" in info.value.message


def test_same_title_twice_gets_unique_ids(tmp_path: Path) -> None:
    """Two documents with one title: two rows, two different offensive_ids."""
    seed = CORPUS / "002_88d707cef1f5dffc.txt"
    shutil.copy(seed, tmp_path / "a.txt")
    shutil.copy(seed, tmp_path / "b.txt")
    corpus = ik.load_corpus(tmp_path)
    assert corpus.problems == []
    ids = corpus.offensives.offensive_id
    assert ids.is_unique
    assert ids.tolist() == ["2014-raid-on-idlib-city", "2014-raid-on-idlib-city-2"]


@pytest.mark.parametrize(
    ("doc_format", "text", "line"),
    [
        ("wiki-text", "", 1),
        ("wiki-text", "= Raid =\n\nInfobox\n- Conflict: Raid\nDate 2015\n", 5),
        ("markdown-frontmatter", "", 1),
        ("markdown-frontmatter", "\n\nNot front matter\n---\n", 3),
        ("pipe-infobox", "Rebels attacked.\n", 1),
        ("news", "Share\nAdvertisement\n", 1),
        ("wikitext", "{{Infobox military conflict\n| conflict = Raid\n", 1),  # never closed
        ("wikitext", "'''Raid''' text.\n", 1),
    ],
)
def test_readers_called_directly(doc_format: str, text: str, line: int) -> None:
    """Each reader raises ParseError itself, without detection to screen its input."""
    with pytest.raises(ParseError) as info:
        READERS[doc_format](text, "x.txt")
    assert info.value.line == line
    assert "expected" in info.value.message


@pytest.mark.parametrize(
    ("text", "title", "fields"),
    [
        (  # links and templates inside values
            "{{Infobox military conflict\n| conflict = Raid [[on|at]] X\n"
            "| date = {{start date|2015|3|24}} 2015\n}}\nText.\n",
            "Raid at X",
            {"date": ("2015", 3)},
        ),
        (  # an unclosed template before the infobox is text
            "{{unclosed\n{{Infobox military conflict\n| conflict = Raid\n}}\nText.\n",
            "Raid",
            {"conflict": ("Raid", 3)},
        ),
        (  # an unclosed link inside a value does not swallow the next parameters
            "{{Infobox military conflict\n| conflict = Raid\n| combatant1 = [[Free Syrian Army\n"
            "| combatant2 = {{flag|Syria}}\n}}\nText.\n",
            "Raid",
            {"combatant1": ("[[Free Syrian Army", 3), "combatant2": ("", 4)},
        ),
        (  # another template first; positional parameters
            "{{Use dmy dates}}\n{{Infobox military conflict|Raid|conflict=Raid}}\nText.\n",
            "Raid",
            {"1": ("Raid", 2)},
        ),
    ],
)
def test_mediawiki_infobox_among_unbalanced_markup(
    text: str, title: str, fields: dict[str, tuple[str, int]]
) -> None:
    """The MediaWiki reader finds the infobox's parameters and lines despite broken markup."""
    art = READERS["wikitext"](text, "x.wiki")
    assert art.title == title
    for key, (value, line) in fields.items():
        assert (art.infobox[key].value, art.infobox[key].line) == (value, line)
