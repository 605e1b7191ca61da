"""Draw line, grouped bar, stacked bar and ranked horizontal bar charts on one axes."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from standgen.charts.axes import (
    DASHES,
    category_ticks,
    floats,
    label_size,
    norm_line,
    setup_value_axis,
    value_limits,
    wrap,
    zero_line,
)
from standgen.charts.data import ChartData, ChartSeries, ranked_order
from standgen.charts.labels import value_label
from standgen.charts.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MAX_LABELLED_BARS = 16
MAX_LABELLED_POINTS = 8
GROUP_WIDTH = 0.8


def _labels(series: ChartSeries, data: ChartData, indexes: list[int]) -> list[str]:
    values = [series.values[i] if i < len(series.values) else None for i in indexes]
    return [value_label(v, data.unit) for v in values if v is not None]


def _known(series: ChartSeries, n: int) -> list[int]:
    return [i for i, v in enumerate(series.values[:n]) if v is not None]


def _reference_marks(ax: Axes, data: ChartData, style: ChartStyle, half: float,
                     horizontal: bool = False, order: list[int] | None = None) -> None:
    """Norm, target and plan series on bar charts: a dashed mark across each category."""
    n = len(data.categories)
    for j, series in enumerate(data.reference_series):
        colour = style.reference_colours[j % len(style.reference_colours)]
        idx = _known(series, n)
        pos = [(n - 1 - (order or list(range(n))).index(i)) if horizontal else i for i in idx]
        vals = [float(v) for i in idx if (v := series.values[i]) is not None]
        lines = ax.vlines if horizontal else ax.hlines
        lines(vals, [p - half for p in pos], [p + half for p in pos], colors=colour,
              linestyles=DASHES[series.role], linewidth=1.6, label=series.label, zorder=5)


def draw_line(ax: Axes, data: ChartData, style: ChartStyle) -> None:
    """KPI lines over the categories; targets dashed, gaps left open, values on the points."""
    n = len(data.categories)
    xs = list(range(n))
    data_series = data.data_series
    label_points = len(data_series) <= 2 and n <= MAX_LABELLED_POINTS
    ys_all = [floats(s.values, n) for s in data_series]
    for i, (series, ys) in enumerate(zip(data_series, ys_all, strict=True)):
        colour = style.data_colours[i % len(style.data_colours)]
        ax.plot(xs, ys, color=colour, linewidth=2.0, marker="o", markersize=4.5,
                label=series.label, zorder=3)
        if label_points:
            _point_labels(ax, data, series, ys_all, colour, style)
    for j, series in enumerate(data.reference_series):
        colour = style.reference_colours[j % len(style.reference_colours)]
        ax.plot(xs, floats(series.values, n), color=colour, linewidth=1.6,
                linestyle=DASHES[series.role], marker="s", markersize=3,
                label=series.label, zorder=2)
    zero_line(ax, data)
    norm_line(ax, data, style)
    category_ticks(ax, data)
    ax.set_xlim(-0.5, max(n, 1) - 0.5)
    setup_value_axis(ax.yaxis, data)
    value_limits(ax, data, head=0.15)


def _point_labels(ax: Axes, data: ChartData, series: ChartSeries, ys_all: list[list[float]],
                  colour: str, style: ChartStyle) -> None:
    """Print each value above its point, or below when another line runs higher there."""
    for x, value in enumerate(series.values[: len(data.categories)]):
        if value is None:
            continue
        others = [other[x] for other in ys_all if not math.isnan(other[x])]
        above = float(value) >= max(others)
        ax.annotate(value_label(value, data.unit), (x, float(value)),
                    xytext=(0, 5 if above else -6), textcoords="offset points",
                    ha="center", va="bottom" if above else "top", color=colour,
                    fontsize=label_size(style))


def draw_bar(ax: Axes, data: ChartData, style: ChartStyle) -> None:
    """Grouped vertical bars, one group per category, one colour per series."""
    n = len(data.categories)
    series_list = data.data_series
    k = max(len(series_list), 1)
    width = GROUP_WIDTH / k
    show = n * k <= MAX_LABELLED_BARS
    for i, series in enumerate(series_list):
        idx = _known(series, n)
        colour = style.data_colours[i % len(style.data_colours)]
        offset = (i - (k - 1) / 2) * width
        bars = ax.bar([p + offset for p in idx], [float(v) for v in series.values[:n]
                      if v is not None], width * 0.92, color=colour, label=series.label,
                      zorder=3)
        if show:
            ax.bar_label(bars, labels=_labels(series, data, idx), padding=2,
                         fontsize=label_size(style), color=style.text_colour)
    _reference_marks(ax, data, style, GROUP_WIDTH / 2 + 0.04)
    zero_line(ax, data)
    norm_line(ax, data, style)
    category_ticks(ax, data)
    setup_value_axis(ax.yaxis, data)
    value_limits(ax, data)


def draw_stacked(ax: Axes, data: ChartData, style: ChartStyle) -> None:
    """Stacked vertical bars with the share of each series inside and the total on top."""
    n = len(data.categories)
    up, down = [0.0] * n, [0.0] * n
    totals: list[Decimal | None] = [None] * n
    tallest = max((sum(abs(float(v)) for s in data.data_series
                       if i < len(s.values) and (v := s.values[i]) is not None)
                   for i in range(n)), default=0.0) or 1.0
    for j, series in enumerate(data.data_series):
        colour = style.data_colours[j % len(style.data_colours)]
        idx = _known(series, n)
        heights, bottoms, texts = [], [], []
        for i in idx:
            value = series.values[i]
            assert value is not None
            stack = up if value >= 0 else down
            heights.append(float(value))
            bottoms.append(stack[i])
            stack[i] += float(value)
            totals[i] = (totals[i] or Decimal(0)) + value
            big = abs(float(value)) >= 0.08 * tallest
            texts.append(value_label(value, data.unit) if big else "")
        bars = ax.bar(idx, heights, 0.6, bottom=bottoms, color=colour, label=series.label,
                      zorder=3)
        ax.bar_label(bars, labels=texts, label_type="center", fontsize=label_size(style),
                     color=style.text_on(colour))
    if len(data.data_series) > 1:
        for i, total in enumerate(totals):
            if total is not None:
                ax.annotate(value_label(total, data.unit), (i, up[i]), xytext=(0, 2),
                            textcoords="offset points", ha="center", va="bottom",
                            fontsize=label_size(style), fontweight="bold")
    _reference_marks(ax, data, style, 0.36)
    zero_line(ax, data)
    norm_line(ax, data, style)
    category_ticks(ax, data)
    setup_value_axis(ax.yaxis, data)
    _stack_limits(ax, data, up, down)


def _stack_limits(ax: Axes, data: ChartData, up: list[float], down: list[float]) -> None:
    high = max([0.0, *up] + ([float(data.norm)] if data.norm is not None else []))
    low = min([0.0, *down])
    span = (high - low) or 1.0
    ax.set_ylim(low - (0.1 * span if low < 0 else 0), high + 0.1 * span)


def draw_hbar(ax: Axes, data: ChartData, style: ChartStyle) -> None:
    """Horizontal bars in the author's order (or sorted, as asked), the first on top,
    values at the ends."""
    n = len(data.categories)
    order = ranked_order(data)
    series_list = data.data_series
    k = max(len(series_list), 1)
    height = GROUP_WIDTH / k
    for j, series in enumerate(series_list):
        colour = style.data_colours[j % len(style.data_colours)]
        idx = [i for i in order if i < len(series.values) and series.values[i] is not None]
        pos = [n - 1 - order.index(i) - (j - (k - 1) / 2) * height for i in idx]
        bars = ax.barh(pos, [float(v) for i in idx if (v := series.values[i]) is not None],
                       height * 0.9, color=colour, label=series.label, zorder=3)
        ax.bar_label(bars, labels=_labels(series, data, idx), padding=3,
                     fontsize=label_size(style), color=style.text_colour)
    if len(series_list) == 1:
        _missing_marks(ax, data, order, style)
    _reference_marks(ax, data, style, GROUP_WIDTH / 2 + 0.04, horizontal=True, order=order)
    zero_line(ax, data, vertical=True)
    norm_line(ax, data, style, vertical=True)
    ax.set_yticks(range(n), [wrap(data.categories[i], 38) for i in reversed(order)])
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(-0.6, n - 0.4)
    setup_value_axis(ax.xaxis, data)
    value_limits(ax, data, vertical=False, head=0.14)


def _missing_marks(ax: Axes, data: ChartData, order: list[int], style: ChartStyle) -> None:
    """Say "geen gegevens" where a ranked bar has no value, so a gap never reads as zero."""
    series = data.data_series[0]
    n = len(data.categories)
    for rank, i in enumerate(order):
        if i >= len(series.values) or series.values[i] is None:
            ax.annotate(data.words.no_data, (0, n - 1 - rank), xytext=(3, 0),
                        textcoords="offset points",
                        ha="left", va="center", fontsize=label_size(style), color="#666666",
                        fontstyle="italic")
