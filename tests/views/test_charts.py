import datetime as dt
import random

import pytest

from negotiations import selectors
from negotiations.views import charts

START = dt.date(2025, 1, 1)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_short_series_are_kept_as_they_are():
    steps = [(day(0), "supports"), (day(10), "opposes")]

    assert charts.resample(steps, start=START, end=day(100)) == steps


def test_a_dense_series_is_cut_to_at_most_the_bucket_count_and_keeps_the_last_value():
    steps = [(day(n), ("supports", "opposes")[n % 2]) for n in range(700)] + [(day(700), "neutral")]

    resampled = charts.resample(steps, start=START, end=day(720), buckets=50)

    assert len(resampled) <= 50
    assert resampled[-1][1] == "neutral"
    assert [d for d, _ in resampled] == sorted(d for d, _ in resampled)


def test_strip_chart_of_a_noisy_history_stays_small():
    changes = [(day(n), ("supports", "opposes", "neutral")[n % 3]) for n in range(600)]

    chart = charts.strip_chart([("Russia", "/actors/russia/", changes)], start=START, end=day(640))

    assert 1 <= len(chart.rows[0].bands) <= charts.MAX_STEPS


def test_empty_rows_and_series_draw_nothing():
    chart = charts.strip_chart([("Nobody", "/", [])], start=START, end=day(10))
    assert chart.rows[0].bands == []
    assert charts.sparkline([], start=START, end=day(10)) == ""
    assert charts.step_line_chart([], start=START, end=day(10)).paths == []


def exact_distance_series(histories, *, start, end):
    """Every day's distance, computed the slow, obvious way: what `sample` must agree with."""
    days = sorted({d for history in histories for d, _ in history if d <= end} | {start, end})
    series = []
    for when in days:
        stances = [[s for d, s in history if d <= when] for history in histories]
        series.append((when, selectors.stance_distance(s[-1] for s in stances if s)))
    return series


@pytest.mark.parametrize("seed", range(6))
def test_sampling_a_gap_series_draws_what_resampling_every_day_drew(seed):
    rng = random.Random(seed)
    stances = ["supports", "conditional", "neutral", "opposes"]
    histories = [
        sorted(
            {
                day(rng.randrange(1, 600)): rng.choice(stances) for _ in range(rng.choice([0, 3, 40, 300]))
            }.items()
        )
        for _ in range(rng.choice([2, 3]))
    ]
    end = day(rng.choice([200, 650]))
    series = selectors.gap_series([_two_lists(history) for history in histories], start=START, end=end)
    exact = exact_distance_series(histories, start=START, end=end)

    for buckets in (charts.SPARK_STEPS, charts.MAX_STEPS):
        assert charts.sample(series, start=START, end=end, buckets=buckets) == charts.resample(
            exact, start=START, end=end, buckets=buckets
        )
    alone = selectors.gap_series([_two_lists(histories[0])], start=START, end=end)  # never a distance
    average = selectors.average_gap_series([series, alone])
    assert [(d, average.at(d)) for d in average.days] == [(d, v) for d, v in exact]


def _two_lists(history):
    return [d for d, _ in history], [s for _, s in history]


def walked_resample(steps, *, start, end, buckets):
    """Resampling by walking every step, as `resample` did before it bisected: what it must agree with."""
    steps = [(d, v) for d, v in steps if d <= end]
    if len(steps) <= buckets:
        return steps
    span = max((end - start).days, 1)
    resampled, index, current = [], 0, None
    for bucket in range(buckets):
        bucket_start = start + dt.timedelta(days=round(bucket * span / buckets))
        bucket_end = start + dt.timedelta(days=round((bucket + 1) * span / buckets))
        while index < len(steps) and steps[index][0] <= bucket_end:
            current = steps[index][1]
            index += 1
        if index and (not resampled or resampled[-1][1] != current):
            resampled.append((max(bucket_start, steps[0][0]), current))
    return resampled


@pytest.mark.parametrize("seed", range(8))
def test_resampling_two_lists_draws_what_walking_every_step_drew(seed):
    rng = random.Random(seed)
    history = sorted(
        {
            day(rng.randrange(-30, 700)): rng.choice(["supports", "neutral", "opposes"]) for _ in range(400)
        }.items()
    )
    days, stances = [d for d, _ in history], [s for _, s in history]
    end = day(rng.choice([5, 90, 400, 720]))

    for buckets in (charts.STRIP_STEPS, charts.MAX_STEPS):
        expected = walked_resample(history, start=START, end=end, buckets=buckets)
        assert charts.resample_history(days, stances, start=START, end=end, buckets=buckets) == expected
        assert charts.resample(history, start=START, end=end, buckets=buckets) == expected
    assert charts.strip_steps((days, stances), start=START, end=end) == walked_resample(
        history, start=START, end=end, buckets=charts.STRIP_STEPS
    )


def test_month_ticks_name_the_year_where_it_turns_even_when_thinning_skips_january():
    # Twenty-one months thinned to every third: Mar 2025, Jun, Sep, Dec, Mar 2026, ... (no January shown)
    ticks = charts.time_ticks(dt.date(2025, 3, 1), dt.date(2026, 11, 30), left=0, width=600)

    labels = [tick.label for tick in ticks]
    assert labels[:5] == ["Mar 2025", "Jun", "Sep", "Dec", "Mar 2026"]
    assert sum("2026" in label for label in labels) == 1


def test_month_ticks_within_one_year_name_it_once():
    ticks = charts.time_ticks(dt.date(2026, 2, 10), dt.date(2026, 6, 1), left=0, width=600)

    assert [tick.label for tick in ticks] == ["Mar 2026", "Apr", "May", "Jun"]
