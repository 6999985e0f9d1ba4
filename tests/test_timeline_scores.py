"""The timeline against the hand-annotated gold files: scores must not regress.

The figures come from ``benchmarks/score_events.py`` (rerun it for the full table). The
floors sit just under what the kit measured when they were set; raise them as it improves.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("score_events",
                                              ROOT / "benchmarks" / "score_events.py")
score_events = importlib.util.module_from_spec(spec)
sys.modules["score_events"] = score_events  # dataclasses look their module up there
spec.loader.exec_module(score_events)

FLOORS = {
    # The targets: recall .95, date .95, place .9, type .85, fatalities .9, claim .9.
    # measured: seeds recall .996 date .951 place .979 type .965 fatalities 1.0 claim 1.0
    "seeds": {"recall": 0.99, "date": 0.95, "place": 0.97, "type": 0.96, "fatalities": 0.98,
              "claim": 0.99},
    # measured: new recall .976 date .963 place .959 type .912 fatalities 1.0 claim .975
    "new": {"recall": 0.95, "date": 0.95, "place": 0.95, "type": 0.9, "fatalities": 0.95,
            "claim": 0.95},
    # first score .805 / .833 / .674 / .750 / .925 / .833 before any rule was changed;
    # measured now: recall .993 date .959 place .869 type .905 fatalities .993 claim .966
    "held-out": {"recall": 0.98, "date": 0.95, "place": 0.86, "type": 0.9, "fatalities": 0.98,
                 "claim": 0.95},
    # first score .870 / .300 / .814 / .633 / .933 / .933 (two bugs, fixed since);
    # measured now: recall 1.0 date .783 place .906 type .768 fatalities .942 claim .957
    "held-out 2": {"recall": 0.97, "date": 0.77, "place": 0.88, "type": 0.75,
                   "fatalities": 0.92, "claim": 0.94},
    # first score .844 / .877 / .823 / .585 / .954 / .862;
    # measured now: recall .948 date .932 place .832 type .836 fatalities .959 claim .973
    "held-out 3": {"recall": 0.93, "date": 0.92, "place": 0.83, "type": 0.82,
                   "fatalities": 0.94, "claim": 0.95},
    # first score .896 / .650 / .901 / .800 / .933 / .933;
    # measured now: recall .925 date .839 place .904 type .919 fatalities .935 claim .935
    "held-out 4": {"recall": 0.91, "date": 0.82, "place": 0.89, "type": 0.9,
                   "fatalities": 0.92, "claim": 0.92},
    # first score (the closing estimate) .871 / .754 / .800 / .820 / .967 / .951;
    # measured now: recall .871 date .852 place .842 type .820 fatalities .967 claim .951
    "held-out 5": {"recall": 0.85, "date": 0.83, "place": 0.82, "type": 0.8,
                   "fatalities": 0.95, "claim": 0.93},
}


@pytest.mark.parametrize("name", FLOORS)
def test_scores_hold(name: str) -> None:
    gold_dir, docs = score_events.SETS[name]
    overall = score_events.score_set(gold_dir, docs)[-1]
    for metric, floor in FLOORS[name].items():
        assert overall[metric] >= floor, (metric, overall[metric])
    # The kit beats an off-the-shelf date search by a wide margin on the same sentences.
    assert overall["date"] > 3 * overall["dateparser"]
