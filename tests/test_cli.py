"""The ``idlibkit`` command line: summary, check, export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS

from idlibkit.cli import main


def test_summary_prints_one_line_a_document(capsys: pytest.CaptureFixture) -> None:
    assert main(["summary"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 6
    assert out[0].startswith("000_ab56abd815f8b83b.txt  wiki-text")
    assert "2015-03-24..2015-04-05  2015 Idlib offensive" in out[0]
    assert "[14 belligerents, 12 paragraphs]" in out[0]
    # The news page states no date: it is inferred from the offensive it reports on.
    assert "published 2015-03-27 (inferred)" in out[3]
    assert out[-1] == "5 documents, 0 problems"


def test_check_passes_good_files(capsys: pytest.CaptureFixture) -> None:
    assert main(["check", *map(str, sorted(CORPUS.iterdir()))]) == 0
    assert capsys.readouterr().out == ""


def test_check_reports_file_line_message_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    bad_yaml = tmp_path / "bad.md"
    bad_yaml.write_text("---\nsubject: X\ntags: [a\n---\nBody text here.\n")
    good = CORPUS / "002_88d707cef1f5dffc.txt"
    assert main(["check", str(empty), str(good), str(bad_yaml)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{empty}:1: the document is empty")
    assert lines[1].startswith(f"{bad_yaml}:3: invalid YAML front matter")
    assert len(lines) == 2


def test_check_accepts_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["check", str(tmp_path)]) == 1
    assert "binary content" in capsys.readouterr().out


def test_export_writes_csv_with_iso_dates(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--out", str(tmp_path)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        ["belligerents.csv", "casualties.csv", "commanders.csv", "events.csv", "factions.csv",
         "offensives.csv", "sections.csv", "units.csv", "places.geojson", "events.geojson",
         "idlibkit.gpkg"]
        + [f"{g}.{ext}" for g in ("alliances", "conflicts", "events", "membership")
           for ext in ("gexf", "graphml")])
    off = pd.read_csv(tmp_path / "offensives.csv", dtype=str)
    assert off.loc[0, "start_date"] == "2015-03-24"
    assert off.loc[0, "end_date"] == "2015-04-05"
    bell = pd.read_csv(tmp_path / "belligerents.csv")
    assert len(bell) == 36


def test_export_is_deterministic(tmp_path: Path) -> None:
    """Same corpus, same files; a GeoPackage (SQLite, with timestamps) has the same layers."""
    import geopandas as gpd

    assert main(["export", "--out", str(tmp_path / "a")]) == 0
    assert main(["export", "--out", str(tmp_path / "b")]) == 0
    for a in sorted((tmp_path / "a").iterdir()):
        b = tmp_path / "b" / a.name
        if a.suffix == ".gpkg":
            for layer in ("places", "events"):
                pd.testing.assert_frame_equal(gpd.read_file(a, layer=layer),
                                              gpd.read_file(b, layer=layer))
        else:
            assert a.read_bytes() == b.read_bytes(), a.name


def test_console_script_and_module_entry_point() -> None:
    """``python -m idlibkit`` works the same as the installed ``idlibkit`` script."""
    done = subprocess.run([sys.executable, "-m", "idlibkit", "--version"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("idlibkit ")
