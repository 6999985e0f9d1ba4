"""Timeline plots draw what they should (counted on the Axes, not just 'no exception')."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pytest

from idlibkit import plots

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_events_over_time_stacks_every_dated_event(corpus) -> None:
    ev = corpus.events
    ax = plots.events_over_time(ev, freq="M")
    heights = sum(p.get_height() for p in ax.patches)
    assert heights == ev.event_date.notna().sum()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == sorted(ev.loc[ev.event_date.notna(), "sub_event_type"].unique())


def test_offensive_strip_draws_one_point_per_dated_event(corpus) -> None:
    ev = corpus.events
    oid = "2015-idlib-offensive"
    ax = plots.offensive_strip(ev, oid, labels=4)
    points = sum(len(c.get_offsets()) for c in ax.collections)
    sel = ev[(ev.offensive_id == oid) & ev.event_date.notna()]
    assert points == len(sel)
    captions = [t for t in ax.texts if t.get_text().startswith("Source:")]
    assert len(captions) == 1  # every figure names its source
    assert len(ax.texts) - len(captions) == 4  # the short labels of the key events
    assert oid in ax.get_title()


def test_fatalities_over_time_uses_the_given_axes(corpus) -> None:
    _, ax = plt.subplots()
    out = plots.fatalities_over_time(corpus.events, freq="W", ax=ax)
    assert out is ax
    dated = corpus.events[corpus.events.event_date.notna()]
    assert sum(p.get_height() for p in ax.patches) == dated.fatalities.sum()
    assert ax.get_ylabel() == "reported deaths"
