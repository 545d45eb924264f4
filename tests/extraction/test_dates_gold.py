"""Regression guard for said_on: the engine keeps the date accuracy it reached on the gold files, less 0.03.

Floors were set at the end of the dates round (issue #5) from the engine's figures: per file on the development
files; the held-out files only together, as their per-file figures are not looked at (``holdout-7``, ``holdout-8``
and ``holdout-9`` alone, from their aggregate figures on the engine's first run). Raised by the second dates round
(dev, dev-mine, dev-4 and the held-out aggregate, which its rules lifted well above them).
"""

from pathlib import Path

import pytest

from tests.extraction.gold_runs import score_gold

GOLD = Path(__file__).resolve().parent / "gold"
MARGIN = 0.03
# files read together -> said_on accuracy measured when the floor was set
FLOORS = {
    ("dev",): 0.95,
    ("dev-mine",): 0.91,
    ("holdout",): 0.96,
    ("dev-3",): 0.95,
    ("dev-4",): 0.97,
    ("dev-5",): 0.88,
    ("dev-6",): 0.99,
    ("holdout-mine", "holdout-2", "holdout-3", "holdout-4", "holdout-5", "holdout-6"): 0.87,
    ("dev-7",): 0.99,
    ("holdout-7",): 0.93,  # held out: only its aggregate figure was printed, on the engine's first run on it
    ("dev-8",): 0.92,
    ("holdout-8",): 0.79,  # held out likewise
    ("holdout-9",): 0.86,  # held out likewise
    ("holdout-10",): 0.87,  # held out likewise (written blind; first run 0.898)
    ("holdout-11",): 0.88,  # held out likewise (written blind; first run 0.904)
}


@pytest.mark.parametrize("names", list(FLOORS), ids=lambda names: "+".join(names))
def test_said_on_stays_above_its_floor(names, demo_registry):
    said_on = score_gold([GOLD / f"{name}.jsonl" for name in names], demo_registry)["said_on"]["accuracy"]

    assert said_on >= FLOORS[names] - MARGIN
