"""Dutch text for everything a chart prints: tick labels, value labels, shares, axis titles."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from standgen.charts.data import ChartData
from standgen.format import dutch
from standgen.format.units import NumberWords, axis_formatter, format_amount
from standgen.model.values import Unit

MAX_TICK_DECIMALS = 4
SHARE_DECIMALS = 1


def to_decimal(value: float, decimals: int) -> Decimal:
    """A float from matplotlib as a Decimal rounded to `decimals`, without a negative zero."""
    result = dutch.quantize(Decimal(repr(float(value))), decimals)
    return Decimal(0).quantize(result) if result == 0 else result


def tick_decimals(locs: Sequence[float]) -> int:
    """The fewest decimals that print every tick location exactly (0 for 1.000, 2.500)."""
    for places in range(MAX_TICK_DECIMALS + 1):
        if all(abs(float(to_decimal(x, places)) - x) < 1e-9 * max(1.0, abs(x)) for x in locs):
            return places
    return MAX_TICK_DECIMALS


def tick_label(value: float, unit: Unit, decimals: int) -> str:
    """One axis tick: 1.000; 2.500; 53,5%; never a locale-dependent matplotlib string."""
    number = to_decimal(value, decimals)
    if unit.kind == "percent":
        return dutch.percent(number, decimals)
    return dutch.number(number, decimals)


def value_label(value: Decimal, unit: Unit) -> str:
    """A short label on a bar or point: the number, with % for percentages; the axis
    title carries any other unit."""
    if unit.kind == "percent":
        return dutch.percent(value, unit.decimals)
    return dutch.number(value, unit.decimals)


def data_amount(data: ChartData, value: Decimal) -> str:
    """A value of a chart in full words of its unit, in the chart's words."""
    return amount_text(value, data.unit, data.words.numbers)


def amount_text(value: Decimal, unit: Unit, words: NumberWords) -> str:
    """A value in full words of its unit, for alt text and data tables: 54,2%; € 26,3 miljard."""
    return format_amount(value, unit, words=words)


def shares(values: Sequence[Decimal | None]) -> tuple[Decimal | None, ...]:
    """Each value as a percentage of the total of the known values (None stays None)."""
    total = sum((v for v in values if v is not None), Decimal(0))
    if total == 0:
        return tuple(None for _ in values)
    return tuple(None if v is None else dutch.quantize(v * 100 / total, SHARE_DECIMALS)
                 for v in values)


def share_label(share: Decimal) -> str:
    """A slice's share in percent with one decimal: 85,3%."""
    return dutch.percent(share, SHARE_DECIMALS)


def axis_title(data: ChartData) -> str:
    """The value axis title: the author's y label, else the unit ("VTE'n", "€ miljard");
    empty for percentages, whose ticks carry the % sign."""
    if data.y_label:
        return data.y_label
    if data.unit.kind == "percent":
        return ""
    return axis_formatter(data.unit, data.words.numbers)
