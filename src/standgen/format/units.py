"""Format one number in its unit (count, VTE, percent, euro, rank, fraction) the Dutch way."""

from __future__ import annotations

from decimal import Decimal

from standgen.format import dutch
from standgen.model.values import Unit


def format_amount(value: Decimal, unit: Unit, *, of: Decimal | None = None,
                  top: bool = False, signed: bool = False) -> str:
    """The printed form of `value` in `unit`: 79.949; 79,5%; € 26,3 miljard; 7ᵉ plaats;
    Top 10 (`top`, which validation allows only for whole ranks and counts)."""
    kind = unit.kind
    if top:
        text = f"Top{dutch.NBSP}{dutch.integer(value)}"
    elif kind == "percent":
        text = dutch.percent(value, unit.decimals, signed)
    elif kind == "euro":
        text = dutch.euro(value, unit.scale, unit.decimals, signed)
    elif kind == "rank":
        text = f"{dutch.ordinal(int(value))}{dutch.NBSP}plaats"
    elif of is not None:
        text = dutch.fraction(value, of)
    else:
        text = dutch.number(value, unit.decimals, signed)
    if unit.suffix:
        text = f"{text}{dutch.NBSP}{unit.suffix}"
    elif kind == "vte" and not signed and not top:
        text = f"{text}{dutch.NBSP}VTE'n"
    return text


def axis_formatter(unit: Unit) -> str:
    """A short description of the unit for axis titles: "%", "VTE'n", "€ miljard"."""
    if unit.kind == "percent":
        return "%"
    if unit.kind == "vte":
        return "VTE'n"
    if unit.kind == "euro":
        return f"€ {dutch.SCALE_WORDS[unit.scale]}".strip()
    return unit.suffix or ""
