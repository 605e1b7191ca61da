"""Shared axis work for bar and line charts: Dutch tick formatters, category ticks, norm lines."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from standgen.charts.data import ChartData
from standgen.charts.labels import tick_decimals, tick_label, value_label
from standgen.charts.style import ChartStyle
from standgen.model.values import Unit

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.ticker import FuncFormatter

DASHES = {"norm": (0, (5, 2.5)), "streefwaarde": (0, (5, 2.5)), "plan": (0, (1.5, 1.5))}
LABEL_SIZE = 0.9  # value labels relative to the base font size


def dutch_formatter(unit: Unit) -> FuncFormatter:
    """A tick formatter that prints 1.000, 2.500 or 53,5% with one precision per axis."""
    from matplotlib.ticker import FuncFormatter

    seen: list[float] = []

    class DutchFormatter(FuncFormatter):
        """Remembers the axis's tick locations so that all ticks share their decimals."""

        def set_locs(self, locs: Any) -> None:
            seen[:] = [float(x) for x in locs]
            super().set_locs(locs)

    def fmt(x: float, pos: int | None = None) -> str:
        return tick_label(x, unit, tick_decimals(seen or [x]))

    return DutchFormatter(fmt)


def setup_value_axis(axis: Axis, data: ChartData) -> None:
    """Dutch ticks at round steps on the value axis; whole numbers only for counts."""
    from matplotlib.ticker import MaxNLocator

    whole = data.unit.kind in ("count", "rank") and all(
        v is None or v == v.to_integral_value() for s in data.series for v in s.values)
    axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10], integer=whole))
    axis.set_major_formatter(dutch_formatter(data.unit))


def floats(values: Sequence[Decimal | None], n: int) -> list[float]:
    """Values as floats for matplotlib, gaps as NaN (never zero), padded to `n` categories."""
    out = [math.nan if v is None else float(v) for v in values[:n]]
    return out + [math.nan] * (n - len(out))


def wrap(label: str, width: int) -> str:
    """Break a long category label over lines so neighbours do not collide."""
    return textwrap.fill(label, width=width, break_long_words=False) or label


def category_ticks(ax: Axes, data: ChartData) -> None:
    """Category labels under the x positions, wrapped to the room each one has."""
    n = len(data.categories)
    room = max(6, int(90 / max(n, 1)))
    ax.set_xticks(range(n), [wrap(c, room) for c in data.categories])
    ax.tick_params(axis="x", length=0)


def norm_line(ax: Axes, data: ChartData, style: ChartStyle, vertical: bool = False) -> None:
    """The norm as a dashed orange reference line; its name and value go in the legend,
    where they can never collide with the data."""
    if data.norm is None:
        return
    label = f"{data.norm_label or data.words.norm} {value_label(data.norm, data.unit)}"
    kwargs: dict[str, Any] = {"color": style.oranje, "linestyle": DASHES["norm"],
                              "linewidth": 1.3, "zorder": 4, "label": label}
    if vertical:
        ax.axvline(float(data.norm), **kwargs)
    else:
        ax.axhline(float(data.norm), **kwargs)


def zero_line(ax: Axes, data: ChartData, vertical: bool = False) -> None:
    """A firm line at zero when some values are negative, so bars have a visible base."""
    if any(v is not None and v < 0 for s in data.series for v in s.values):
        (ax.axvline if vertical else ax.axhline)(0, color="#808080", linewidth=0.8, zorder=2)


def value_limits(ax: Axes, data: ChartData, vertical: bool = True, head: float = 0.1) -> None:
    """Start the value axis at zero for positive data and leave headroom for labels."""
    known = [float(v) for s in data.series for v in s.values if v is not None]
    if data.norm is not None:
        known.append(float(data.norm))
    if not known:
        return
    low, high = min(0.0, min(known)), max(0.0, max(known))
    span = (high - low) or 1.0
    limits = (low - (head * span if low < 0 else 0), high + head * span)
    if vertical:
        ax.set_ylim(*limits)
    else:
        ax.set_xlim(*limits)


def label_size(style: ChartStyle) -> float:
    """The font size of value labels on bars and points."""
    return style.font_size * LABEL_SIZE
