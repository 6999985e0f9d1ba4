"""Linking news reports to offensives and inferring their publication dates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
from conftest import CORPUS

import idlibkit as ik
from idlibkit.linking import infer_published


def test_seed_news_report_links_to_the_2015_offensive(corpus) -> None:
    news = corpus.offensives.set_index("source_file").loc["003_6614ec51c61cc8c4.txt"]
    assert news.related_offensive == "2015-idlib-offensive"
    # Weekdays laid on the week from Tuesday 24 March; "On Thursday" is the latest.
    assert news.published == pd.Timestamp("2015-03-27")
    assert bool(news.published_inferred)


def test_other_documents_are_not_linked(corpus) -> None:
    others = corpus.offensives[corpus.offensives.doc_format != "news"]
    assert others.related_offensive.isna().all()
    assert not others.published_inferred.any()


def test_a_report_alone_is_neither_linked_nor_dated(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "003_6614ec51c61cc8c4.txt", tmp_path)
    row = ik.load_corpus(tmp_path).offensives.iloc[0]
    assert row.related_offensive is None or pd.isna(row.related_offensive)
    assert pd.isna(row.published)


def test_a_stated_dateline_is_kept_and_not_flagged(tmp_path: Path) -> None:
    page = tmp_path / "news.txt"
    page.write_text("Skip to main content\n\nRebels raid Idlib\nPublished: 27 March 2015\n\n"
                    "Army of Conquest fighters entered Idlib on Tuesday, a monitor said.\n")
    for seed in ("000_ab56abd815f8b83b.txt", "002_88d707cef1f5dffc.txt"):
        shutil.copy(CORPUS / seed, tmp_path)
    off = ik.load_corpus(tmp_path).offensives.set_index("source_file")
    assert off.loc["news.txt", "published"] == pd.Timestamp("2015-03-27")
    assert not off.loc["news.txt", "published_inferred"]
    assert off.loc["news.txt", "related_offensive"] == "2015-idlib-offensive"


def test_infer_published() -> None:
    start = dt.date(2015, 3, 24)  # Tuesday
    assert infer_published("On Tuesday they attacked.", start) == dt.date(2015, 3, 25)
    assert infer_published("Since Monday, fighting.", start) == dt.date(2015, 3, 31)
    assert infer_published("No weekday here.", start) is None
