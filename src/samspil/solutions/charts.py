"""A tiny server-side SVG chart kit: plain geometry that templates draw.

No JavaScript and no network: the statistics page draws these with
`solutions/_bar_chart.html` and `solutions/_stacked_chart.html`. Colours come from
CSS classes (`chart-series-<n>`), so the strict CSP needs no inline style.
"""

from dataclasses import dataclass, field

BAR_HEIGHT = 26
BAR_GAP = 10
LABEL_WIDTH = 250
PLOT_WIDTH = 330
VALUE_WIDTH = 60


@dataclass
class Bar:
    label: str
    value: int
    x: int
    y: int
    width: int
    height: int
    series: int = 0
    # Where the label and the value are written.
    text_y: int = 0
    value_x: int = 0


@dataclass
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_x: int


def _scale(value: int, largest: int, length: int) -> int:
    if largest <= 0 or value <= 0:
        return 0
    return max(1, round(length * value / largest))


def bar_chart(rows: list[tuple[str, int]], *, series: int = 0) -> BarChart:
    """Horizontal bars, one per (label, value), longest = largest value."""
    largest = max((value for _label, value in rows), default=0)
    bars = []
    for n, (label, value) in enumerate(rows):
        y = n * (BAR_HEIGHT + BAR_GAP)
        width = _scale(value, largest, PLOT_WIDTH)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=LABEL_WIDTH,
                y=y,
                width=width,
                height=BAR_HEIGHT,
                series=series,
                text_y=y + BAR_HEIGHT // 2 + 5,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    height = max(1, len(rows) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP)
    return BarChart(
        bars=bars,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=height,
        label_x=LABEL_WIDTH - 8,
    )


COLUMN_WIDTH = 34
COLUMN_GAP = 14
STACK_HEIGHT = 240
AXIS_SPACE = 28
TOP_SPACE = 22


@dataclass
class Column:
    label: str
    total: int
    x: int
    label_x: int
    total_y: int
    segments: list[Bar] = field(default_factory=list)


@dataclass
class StackedChart:
    columns: list[Column]
    width: int
    height: int
    axis_y: int
    label_y: int


def stacked_chart(labels: list[str], series: list[list[int]]) -> StackedChart:
    """Vertical stacked columns: `series[s][c]` is series s's value in column c."""
    totals = [sum(values) for values in zip(*series, strict=True)] if series else []
    largest = max(totals, default=0)
    columns = []
    for c, label in enumerate(labels):
        x = c * (COLUMN_WIDTH + COLUMN_GAP)
        top = TOP_SPACE + STACK_HEIGHT
        column = Column(
            label=label,
            total=totals[c],
            x=x,
            label_x=x + COLUMN_WIDTH // 2,
            total_y=0,
        )
        for s, values in enumerate(series):
            height = _scale(values[c], largest, STACK_HEIGHT)
            if not height:
                continue
            top -= height
            column.segments.append(
                Bar(
                    label="",
                    value=values[c],
                    x=x,
                    y=top,
                    width=COLUMN_WIDTH,
                    height=height,
                    series=s,
                )
            )
        column.total_y = top - 6
        columns.append(column)
    width = max(1, len(labels) * (COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP)
    axis_y = TOP_SPACE + STACK_HEIGHT
    return StackedChart(
        columns=columns,
        width=width,
        height=axis_y + AXIS_SPACE,
        axis_y=axis_y,
        label_y=axis_y + 18,
    )
