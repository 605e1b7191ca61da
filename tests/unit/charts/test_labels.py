"""Every number a chart prints is Dutch: decimal comma, grouping dot, % without a space."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import matplotlib
import pytest
from matplotlib.figure import Figure

from standgen.charts.axes import dutch_formatter
from standgen.charts.data import ChartData
from standgen.charts.labels import shares, tick_decimals, tick_label, value_label
from standgen.charts.render import draw_figure, rc_params
from standgen.charts.style import ChartStyle
from standgen.model.values import Unit
from tests.unit.charts.samples import BAR, HBAR, LINE, STACKED

DUTCH_INTEGER = re.compile(r"^-?\d{1,3}(\.\d{3})*$")


@contextmanager
def drawn(data: ChartData) -> Iterator[Figure]:
    style = ChartStyle(dpi=72)
    with matplotlib.rc_context(rc_params(style)):
        fig = draw_figure(data, style)
        fig.canvas.draw()
        yield fig


def test_formatter_groups_thousands() -> None:
    formatter = dutch_formatter(Unit(kind="count"))
    assert formatter.format_ticks([0, 1000, 2500, 1250000]) == ["0", "1.000", "2.500",
                                                                 "1.250.000"]


def test_formatter_uses_decimal_comma_with_one_precision_per_axis() -> None:
    formatter = dutch_formatter(Unit(kind="percent"))
    assert formatter.format_ticks([53.0, 53.5, 54.0]) == ["53,0%", "53,5%", "54,0%"]
    assert formatter.format_ticks([0, 25, 50]) == ["0%", "25%", "50%"]
    assert dutch_formatter(Unit(kind="number")).format_ticks([0.25, 0.5]) == ["0,25", "0,50"]


def test_drawn_count_axis_has_grouping_dots() -> None:
    with drawn(BAR) as fig:
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert all(DUTCH_INTEGER.match(text) for text in labels), labels
    assert "2.000" in labels


def test_drawn_stacked_axis_and_value_labels() -> None:
    with drawn(STACKED) as fig:
        ax = fig.axes[0]
        ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        texts = [t.get_text() for t in ax.texts]
    assert "40.000" in ticks
    assert "44.100" in texts and "78.200" in texts
    assert ax.get_ylabel() == "VTE'n"


def test_drawn_percent_axis_and_point_labels() -> None:
    with drawn(LINE) as fig:
        ax = fig.axes[0]
        ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        texts = [t.get_text() for t in ax.texts]
        legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert all(text.endswith("%") and "." not in text for text in ticks), ticks
    assert {"53,9%", "52,4%", "54,2%"} <= set(texts)
    assert legend == ["Gemiddelde MG", "Norm 100%"]


def test_drawn_hbar_value_axis_is_dutch() -> None:
    with drawn(HBAR) as fig:
        ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks[:2] == ["0%", "10%"]


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (1000.0, 0, "1.000"), (2500.0, 0, "2.500"), (-0.0, 1, "0,0"), (0.30000000000000004, 1, "0,3"),
])
def test_tick_label(value: float, decimals: int, expected: str) -> None:
    assert tick_label(value, Unit(kind="count"), decimals) == expected


def test_tick_decimals() -> None:
    assert tick_decimals([0.0, 0.5, 1.0]) == 1
    assert tick_decimals([0.0, 0.25, 0.5]) == 2
    assert tick_decimals([0.0, 1000.0]) == 0


def test_value_labels_keep_source_precision() -> None:
    assert value_label(Decimal("65.0"), Unit(kind="percent")) == "65,0%"
    assert value_label(Decimal("26.3"), Unit(kind="euro", scale="miljard")) == "26,3"
    assert shares([Decimal(1), None, Decimal(2)]) == (Decimal("33.3"), None, Decimal("66.7"))
