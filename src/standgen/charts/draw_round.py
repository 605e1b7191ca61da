"""Draw pie and donut charts: one slice per category, each labelled with its Dutch share."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from standgen.charts.axes import label_size
from standgen.charts.data import ChartData
from standgen.charts.labels import share_label, shares
from standgen.charts.style import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

DONUT_WIDTH = 0.42
SMALL_SHARE = 5  # percent; smaller slices get their label outside


def draw_pie(ax: Axes, data: ChartData, style: ChartStyle) -> None:
    """A full pie of the first data series."""
    _draw_round(ax, data, style, donut=False)


def draw_donut(ax: Axes, data: ChartData, style: ChartStyle) -> None:
    """A ring of the first data series."""
    _draw_round(ax, data, style, donut=True)


def _draw_round(ax: Axes, data: ChartData, style: ChartStyle, donut: bool) -> None:
    series = data.data_series[0] if data.data_series else None
    parts = shares(series.values) if series is not None else ()
    items = [(cat, float(v), s, style.slice_colours[i % len(style.slice_colours)])
             for i, (cat, v, s) in enumerate(zip(data.categories, series.values, parts,
                                                 strict=False))
             if v is not None and s is not None and v > 0] if series is not None else []
    if not items:
        ax.set_axis_off()
        ax.text(0.5, 0.5, data.words.no_data, ha="center", va="center",
                transform=ax.transAxes, color="#666666", fontstyle="italic")
        return
    wedge_props = {"edgecolor": "white", "linewidth": 1.2}
    if donut:
        wedge_props["width"] = DONUT_WIDTH
    wedges, _texts = ax.pie([v for _, v, _, _ in items], colors=[c for *_, c in items],
                            labels=[cat for cat, *_ in items], labeldistance=None,
                            startangle=90, counterclock=False, wedgeprops=wedge_props)
    inner = 1 - DONUT_WIDTH / 2 if donut else 0.62
    for wedge, (_, _, share, colour) in zip(wedges, items, strict=True):
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        outside = share < SMALL_SHARE
        radius = 1.14 if outside else inner
        ax.text(radius * math.cos(angle), radius * math.sin(angle), share_label(share),
                ha="center", va="center", fontsize=label_size(style),
                color=style.text_colour if outside else style.text_on(colour))
    ax.set_aspect("equal")
    ax.set_xlim(-1.3, 1.3)
    ax.set_ylim(-1.2, 1.2)
