"""Timeline plots of ``corpus.events``: each takes an optional Axes and returns it.

Colours are the Okabe–Ito palette (up to eight categories) or Paul Tol's discrete
rainbow (more), both designed to stay distinguishable for the common forms of
colour-blindness; every figure names its source in a caption, and counts are shown as
the sources report them.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import idlibkit as ik
>>> from idlibkit import plots
>>> ax = plots.events_over_time(ik.load_corpus().events, freq="M")
>>> ax.get_ylabel()
'events'
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "OKABE_ITO", "TOL_RAINBOW", "events_over_time", "fatalities_over_time", "offensive_strip",
    "palette",
]

#: Okabe & Ito (2008) colour-blind-safe qualitative palette (black last).
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#999999", "#000000"]
#: Paul Tol's discrete rainbow (14 colours), for more categories than Okabe–Ito has.
TOL_RAINBOW = ["#882E72", "#1965B0", "#7BAFDE", "#4EB265", "#CAE0AB", "#F7F056", "#F6C141",
               "#F1932D", "#E8601C", "#DC050C", "#D1BBD7", "#AE76A3", "#5289C7", "#90C987"]
SOURCE = ("Source: idlibkit corpus (Wikipedia-derived articles and a news report); "
          "counts as reported.")
_FREQ = {"W": ("W-MON", "week"), "M": ("MS", "month")}


def palette(n: int) -> list[str]:
    """*n* colour-blind-safe colours: Okabe–Ito up to 8, else Tol's rainbow (cycled).

    >>> palette(2)
    ['#E69F00', '#56B4E9']
    """
    colours = OKABE_ITO[:8] if n <= 8 else TOL_RAINBOW
    return [colours[i % len(colours)] for i in range(n)]


def _dates_axis(ax: Axes) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _axes(ax: Axes | None, size: tuple[float, float] = (9, 4)) -> Axes:
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _caption(ax: Axes, text: str = SOURCE) -> None:
    ax.annotate(text, xy=(0, 0), xycoords="axes fraction", xytext=(0, -28),
                textcoords="offset points", fontsize=7, color="#555555", va="top")


def _dated(events: pd.DataFrame) -> pd.DataFrame:
    return events[events.event_date.notna()].sort_values(["event_date", "event_id"])


def events_over_time(events: pd.DataFrame, *, freq: str = "M", ax: Axes | None = None) -> Axes:
    """Events per week (``freq="W"``) or month (``"M"``), stacked by ACLED sub-event type.

    Events without a known date are left out (the caption says how many).
    """
    import pandas as pd

    rule, unit = _FREQ[freq]
    ax = _axes(ax)
    dated = _dated(events)
    counts = dated.pivot_table(index=pd.Grouper(key="event_date", freq=rule),
                               columns="sub_event_type", values="event_id", aggfunc="count",
                               fill_value=0)
    counts = counts[sorted(counts.columns)]
    bottom = None
    width = 5 if freq == "W" else 25
    for col, colour in zip(counts.columns, palette(len(counts.columns)), strict=True):
        ax.bar(counts.index, counts[col], width=width, bottom=bottom, label=col,
               color=colour, align="edge", edgecolor="white", linewidth=0.3)
        bottom = counts[col] if bottom is None else bottom + counts[col]
    ax.set_ylabel("events")
    _dates_axis(ax)
    ax.set_title(f"Events per {unit}, by type")
    ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    missing = len(events) - len(dated)
    _caption(ax, SOURCE + (f" {missing} events without a known date not shown." if missing else ""))
    return ax


def offensive_strip(events: pd.DataFrame, offensive_id: str, *, labels: int = 6,
                    ax: Axes | None = None) -> Axes:
    """One offensive's events along time, one row per event type, with short labels.

    The *labels* events with the most reported deaths (then the earliest) get a label:
    the first words of their sentence.
    """
    ax = _axes(ax, (10, 3.5))
    rows = _dated(events[events.offensive_id == offensive_id])
    types = sorted(rows.event_type.unique())
    y = {t: i for i, t in enumerate(types)}
    for t, colour in zip(types, palette(len(types)), strict=True):
        sel = rows[rows.event_type == t]
        ax.scatter(sel.event_date, [y[t]] * len(sel), s=40, color=colour,
                   edgecolor="black", linewidth=0.5, label=t, zorder=3)
    key = rows.assign(_f=rows.fatalities.fillna(-1)).sort_values(
        ["_f", "event_date", "event_id"], ascending=[False, True, True]).head(labels)
    for k, r in enumerate(key.sort_values("event_date").itertuples()):
        # Alternate above and below, and stagger, so neighbouring labels do not collide.
        dy = (14 + 11 * (k // 2 % 2)) * (1 if k % 2 == 0 else -1)
        ax.annotate(textwrap.shorten(r.notes, 38, placeholder="…"),
                    (r.event_date, y[r.event_type]), xytext=(0, dy),
                    textcoords="offset points", fontsize=7, ha="center",
                    va="bottom" if dy > 0 else "top",
                    arrowprops={"arrowstyle": "-", "lw": 0.5, "color": "#555555"})
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.9, len(types) - 0.1)
    _dates_axis(ax)
    ax.set_title(f"Timeline: {offensive_id}")
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    _caption(ax)
    return ax


def fatalities_over_time(events: pd.DataFrame, *, freq: str = "M", ax: Axes | None = None
                         ) -> Axes:
    """Reported deaths per week or month: best estimate as bars, low–high range as a band.

    Sums the per-sentence figures as the sources report them; sentences that give no
    number (``dozens``) add nothing, so the totals are lower bounds of what was reported.
    """
    import pandas as pd

    rule, unit = _FREQ[freq]
    ax = _axes(ax)
    dated = _dated(events)
    g = dated.groupby(pd.Grouper(key="event_date", freq=rule))
    best = g.fatalities.sum(min_count=1).fillna(0)
    low = g.fatalities_low.sum(min_count=1).fillna(0)
    high = g.apply(lambda d: d.fatalities_high.fillna(d.fatalities_low).sum(min_count=1)
                   ).fillna(0)
    width = 5 if freq == "W" else 25
    ax.bar(best.index, best.astype(float), width=width, align="edge", color=OKABE_ITO[4],
           label="best estimate")
    ax.fill_between(low.index, low.astype(float), high.astype(float), step="post",
                    color=OKABE_ITO[0], alpha=0.35, label="low–high range")
    ax.set_ylabel("reported deaths")
    _dates_axis(ax)
    ax.set_title(f"Reported deaths per {unit}")
    ax.legend(fontsize=7, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    _caption(ax)
    return ax
