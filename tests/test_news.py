"""The news-page reader: site boilerplate is dropped, the report's own lines are kept."""

from __future__ import annotations

import pytest

from idlibkit.readers.news import read_news

PAGE = ("Skip to main content\n\nRebels raid a town\n\nLast updated: May 20, 2015 16:42 GMT\n\n"
        "{line}\n\nRebels entered the town on Tuesday, a monitor said.\n")


@pytest.mark.parametrize("line", [
    "Share on Facebook", "Share on Twitter", "Share by email", "Share via WhatsApp", "Share",
    "Tweet", "Email this", "Print this", "Accept cookies | Manage cookies",
])
def test_site_boilerplate_is_dropped(line: str) -> None:
    art = read_news(PAGE.format(line=line), "raid.txt")
    body = [p.text for s in art.sections for p in s.paragraphs]
    assert body == ["Rebels entered the town on Tuesday, a monitor said."]


def test_a_report_line_that_starts_like_boilerplate_is_kept() -> None:
    line = "Share prices in Damascus fell as rebels advanced on the city."
    art = read_news(PAGE.format(line=line), "raid.txt")
    assert line in [p.text for s in art.sections for p in s.paragraphs]


@pytest.mark.parametrize("line", ["World | Middle East | Syria", "Home › News › Middle East"])
def test_a_breadcrumb_is_not_the_headline(line: str) -> None:
    page = f"{line}\n\nRebels raid a town\n\nPublished: 2 May 2015\n\nRebels entered it.\n"
    assert read_news(page, "raid.txt").title == "Rebels raid a town"


def test_a_cookie_banner_with_a_link_bar_is_boilerplate() -> None:
    page = ("We use cookies to help our site work. OK, I agree | Change my preferences\n\n"
            "Rebels raid a town\n\nPublished: 2 May 2015\n\nRebels entered it.\n")
    assert read_news(page, "raid.txt").title == "Rebels raid a town"
