"""Server-rendered SVG charts: geometry computed here, drawn by templates/negotiations/_*_chart.html with CSS classes.

No JavaScript and no inline styles, so they work under the strict Content Security Policy and print well.
"""

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from negotiations.enums import Stance
from negotiations.selectors import StanceHistory, StepSeries

WIDTH = 720
STANCE_LABELS = dict(Stance.choices)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: dt.date) -> str:
    """`1 Feb 2026`, as strftime("%-d %b %Y") writes it in the C locale, without strftime's cost (a chart
    titles hundreds of bands)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


LEFT, RIGHT, TOP, BOTTOM = 58, 12, 10, 26


@dataclass(frozen=True)
class Tick:
    position: float
    label: str

    @property
    def baseline(self) -> float:
        """Where a label centred on the tick sits (11px text)."""
        return round(self.position + 4, 1)


@dataclass
class Band:
    """A stretch of time during which a stance held."""

    x: float
    width: float
    stance: str
    start: dt.date
    end: dt.date

    @cached_property
    def label(self) -> str:
        return f"{STANCE_LABELS[self.stance]} from {day_label(self.start)} to {day_label(self.end)}"


@dataclass
class StripRow:
    label: str
    url: str
    y: float
    bands: list[Band]
    summary: str
    label_y: float = 0
    height: int = 22

    @property
    def bands_svg(self) -> SafeString:
        """The row's bands as SVG: built here because a template per band is slow at hundreds of bands.
        Every interpolated value is a number or escaped."""
        row_label = escape(self.label)
        return mark_safe(
            "".join(
                f'<rect class="band band-{escape(band.stance)}" x="{band.x}" y="{self.y}" width="{band.width}" '
                f'height="{self.height}"><title>{row_label}: {escape(band.label)}</title></rect>'
                for band in self.bands
            )
        )

    @property
    def words(self) -> SafeString:
        """The row in the chart's text alternative: its summary and its last six stances."""
        lately = "; lately" if len(self.bands) > 6 else ""
        latest = "; ".join(escape(band.label.lower()) for band in self.bands[-6:])
        return mark_safe(f"{escape(self.summary)}{lately}{': ' + latest if latest else ''}.")


@dataclass
class StripChart:
    """Stance over time, one horizontal strip per row (issue or actor), coloured and titled by stance."""

    width: int
    height: int
    rows: list[StripRow]
    ticks: list[Tick]
    row_height: int
    plot_left: int
    plot_width: float
    axis_y: float

    @property
    def label_x(self) -> int:
        return self.plot_left - 8

    @property
    def tick_label_y(self) -> float:
        return self.axis_y + 16

    @property
    def plot_right(self) -> float:
        return self.plot_left + self.plot_width

    @property
    def rows_svg(self) -> SafeString:
        """Each row's linked label, track and bands: built here, like the bands (a template per row of a
        twenty-party chart cost milliseconds). Every interpolated value is a number or escaped."""
        return mark_safe(
            "".join(
                f'<a href="{escape(row.url)}"><text class="row-label" x="{self.label_x}" y="{row.label_y}" '
                f'text-anchor="end">{escape(Truncator(row.label).chars(26))}</text></a>'
                f'<rect class="track" x="{self.plot_left}" y="{row.y}" width="{self.plot_width}" '
                f'height="{self.row_height}"></rect>{row.bands_svg}'
                for row in self.rows
            )
        )


@dataclass
class LineChart:
    width: int
    height: int
    paths: list[str]
    points: list[tuple[float, float, str]]
    x_ticks: list[Tick]
    y_ticks: list[Tick] = field(default_factory=list)
    plot_left: int = LEFT
    plot_right: float = WIDTH - RIGHT
    plot_top: int = TOP
    plot_bottom: float = 0

    @property
    def y_label_x(self) -> int:
        return self.plot_left - 6

    @property
    def tick_label_y(self) -> float:
        return self.plot_bottom + 16


STRIP_STEPS = 60  # a strip per row: about a week per step over a year of talks
MAX_STEPS = 150  # a chart is about 550 px wide: finer steps than ~4 px are noise, and page weight
SPARK_STEPS = 60  # a sparkline is 160 px wide


@lru_cache(maxsize=64)
def _buckets(start: dt.date, end: dt.date, buckets: int) -> tuple[tuple[dt.date, dt.date], ...]:
    """The first and last day of `buckets` equal slices of [start, end]. Kept: every row and sparkline of
    a chart slices the same span, and making the dates costs more than reading the steps."""
    span = max((end - start).days, 1)
    width = span / buckets
    return tuple(
        (
            start + dt.timedelta(days=round(bucket * width)),
            start + dt.timedelta(days=round((bucket + 1) * width)),
        )
        for bucket in range(buckets)
    )


def resample(steps: list[tuple[dt.date, object]], *, start: dt.date, end: dt.date, buckets: int = MAX_STEPS):
    """At most `buckets` steps: the value in effect at the end of each equal slice of [start, end], equal
    neighbours merged. Steps are (day the value took effect, value) in day order; a step before `start`
    carries into the first slice. Short series come back unchanged."""
    return resample_history(
        [day for day, _ in steps], [value for _, value in steps], start=start, end=end, buckets=buckets
    )


def resample_history(
    days: Sequence[dt.date], values: Sequence, *, start: dt.date, end: dt.date, buckets: int = MAX_STEPS
) -> list[tuple[dt.date, object]]:
    """`resample` of the steps given as two lists (the days in order, the value taken each day), as the
    selectors load stance histories: one bisection per slice instead of a walk through every step."""
    count = bisect_right(days, end)
    if count <= buckets:
        return list(zip(days[:count], values[:count], strict=True))
    resampled: list[tuple[dt.date, object]] = []
    for bucket_start, bucket_end in _buckets(start, end, buckets):
        index = bisect_right(days, bucket_end, 0, count)
        if index and (not resampled or resampled[-1][1] != values[index - 1]):
            resampled.append((max(bucket_start, days[0]), values[index - 1]))
    return resampled


def strip_steps(history: StanceHistory, *, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """A stance history (two lists) as the steps one strip of `strip_chart` draws: at most STRIP_STEPS."""
    days, stances = history
    return resample_history(days, stances, start=start, end=end, buckets=STRIP_STEPS)


def sample(series: StepSeries, *, start: dt.date, end: dt.date, buckets: int = MAX_STEPS):
    """What `resample` makes of the steps of `series` between start and end, reading the series only at
    the ends of the slices (a step series knows its value on any day): the same steps, without computing
    the hundreds of values in between."""
    days = series.days[bisect_left(series.days, start) : bisect_right(series.days, end)]
    if len(days) <= buckets:
        return [(day, series.at(day)) for day in days]
    resampled: list[tuple[dt.date, object]] = []
    for bucket_start, bucket_end in _buckets(start, end, buckets):
        if bucket_end < days[0]:
            continue
        current = series.at(min(bucket_end, end))
        if not resampled or resampled[-1][1] != current:
            resampled.append((max(bucket_start, days[0]), current))
    return resampled


def _with_next(items: list) -> list[tuple]:
    """Each item with the one after it (None after the last); empty for no items."""
    return list(zip(items, [*items[1:], None], strict=False))


def _scale(start: dt.date, end: dt.date, left: float, width: float):
    span = max((end - start).days, 1)
    return lambda day: left + width * max(0, min((day - start).days, span)) / span


def time_ticks(start: dt.date, end: dt.date, *, left: float, width: float, most: int = 8) -> list[Tick]:
    """Month starts between start and end, thinned to at most `most` labels."""
    x = _scale(start, end, left, width)
    months = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            months.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    step = max(1, -(-len(months) // most))
    shown = months[::step]
    return [
        Tick(position=round(x(month), 1), label=month_label(month, previous=previous))
        for month, previous in zip(shown, [None, *shown[:-1]], strict=True)
    ]


def month_label(month: dt.date, *, previous: dt.date | None) -> str:
    """`Mar 2026` on the first tick and wherever the year turns (thinned ticks may skip January itself),
    `Mar` otherwise: a reader can place every tick in its year without the axis repeating it."""
    if previous is None or previous.year != month.year:
        return f"{MONTHS[month.month - 1]} {month.year}"
    return MONTHS[month.month - 1]


def strip_chart(
    rows: list[tuple[str, str, list[tuple[dt.date, str]]]],
    *,
    start: dt.date,
    end: dt.date,
    label_width: int = 170,
) -> StripChart:
    """`rows` are (label, url, [(day the stance changed, stance), ...]) with days in order."""
    row_height, gap = 22, 8
    plot_width = WIDTH - label_width - RIGHT
    x = _scale(start, end, label_width, plot_width)
    strip_rows = []
    for index, (label, url, changes) in enumerate(rows):
        changes = resample(changes, start=start, end=end, buckets=STRIP_STEPS)
        bands = []
        for (day, stance), following in _with_next(changes):
            until = following[0] if following else end
            left, right = x(max(day, start)), x(until)
            if right - left > 0 or following is None:
                bands.append(
                    Band(
                        x=round(left, 1),
                        width=round(max(right - left, 2), 1),
                        stance=stance,
                        start=day,
                        end=until,
                    )
                )
        current = Stance(changes[-1][1]).label.lower() if changes else "no statement yet"
        strip_rows.append(
            StripRow(
                label=label,
                url=url,
                y=TOP + index * (row_height + gap),
                bands=bands,
                summary=f"{label}: {current}, {len(changes)} change{'s' if len(changes) != 1 else ''} of stance",
                label_y=TOP + index * (row_height + gap) + row_height / 2 + 4,
                height=row_height,
            )
        )
    axis_y = TOP + len(rows) * (row_height + gap)
    return StripChart(
        width=WIDTH,
        height=int(axis_y + BOTTOM),
        rows=strip_rows,
        ticks=time_ticks(start, end, left=label_width, width=plot_width),
        row_height=row_height,
        plot_left=label_width,
        plot_width=plot_width,
        axis_y=axis_y,
    )


def step_line_chart(
    series: list[tuple[dt.date, float | None]],
    *,
    start: dt.date,
    end: dt.date,
    y_max: float = 2.0,
    height: int = 180,
    y_labels: tuple[tuple[float, str], ...] = ((0, "agree"), (1, "apart"), (2, "opposed")),
) -> LineChart:
    """A value that holds until it changes (a step line); None breaks the line."""
    plot_bottom = height - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT
    x = _scale(start, end, LEFT, plot_width)

    def y(value: float) -> float:
        return round(plot_bottom - (plot_bottom - TOP) * value / y_max, 1)

    paths, points, segment = [], [], []
    steps = resample([(day, value) for day, value in series if start <= day <= end], start=start, end=end)
    for (day, value), following in _with_next(steps):
        until = following[0] if following else end
        if value is None:
            if segment:
                paths.append(" ".join(segment))
            segment = []
            continue
        x0, x1, y0 = round(x(day), 1), round(x(until), 1), y(value)
        segment.append(f"{'M' if not segment else 'L'}{x0},{y0}")
        segment.append(f"L{x1},{y0}")
        points.append((x0, y0, f"{day_label(day)}: {value:.1f}"))
    if segment:
        paths.append(" ".join(segment))
    if len(points) > 40:  # dots help read a few steps; on a dense line they are clutter
        points = []
    return LineChart(
        width=WIDTH,
        height=height,
        paths=paths,
        points=points,
        x_ticks=time_ticks(start, end, left=LEFT, width=plot_width),
        y_ticks=[Tick(position=y(value), label=label) for value, label in y_labels],
        plot_bottom=plot_bottom,
    )


def sparkline(
    series: list[tuple[dt.date, float | None]],
    *,
    start: dt.date,
    end: dt.date,
    width: int = 160,
    height: int = 28,
) -> str:
    """A tiny step line of a distance (0 to 2) as an SVG path, for tables."""
    x = _scale(start, end, 1, width - 2)
    parts, pen_down = [], False
    steps = resample(
        [(day, value) for day, value in series if start <= day <= end],
        start=start,
        end=end,
        buckets=SPARK_STEPS,
    )
    for (day, value), following in _with_next(steps):
        until = following[0] if following else end
        if value is None:
            pen_down = False
            continue
        y = round(height - 2 - (height - 4) * value / 2, 1)
        parts.append(f"{'L' if pen_down else 'M'}{x(day):.1f},{y} L{x(until):.1f},{y}")
        pen_down = True
    return " ".join(parts)
