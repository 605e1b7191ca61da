"""Format one number in its unit (count, VTE, percent, euro, rank, fraction) the Dutch way,
with the words around it from the templates (`NumberWords`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from standgen.format import dutch
from standgen.model.values import Unit


@dataclass(frozen=True)
class NumberWords:
    """The words around numbers and dates, from the templates (`getallen`), spaces already
    no-break: each scale's word, and the texts cut around the number they surround."""

    scales: tuple[tuple[str, str], ...]
    ordinal_words: tuple[str, str]
    place: tuple[str, str]
    top: tuple[str, str]
    of: tuple[str, str, str]
    vte: str
    points: str
    months: tuple[str, ...]
    date: tuple[str, str, str, str]
    date_order: tuple[str, ...] = ("dag", "maand", "jaar")

    def scale(self, name: str) -> str:
        """The word of a scale ("miljard"); none for `een`."""
        return dict(self.scales).get(name, "")

    def ordinal(self, value: int) -> str:
        """An ordinal number: 7ᵉ."""
        before, after = self.ordinal_words
        return f"{before}{dutch.integer(value)}{after}"

    def long_date(self, value: dt.date) -> str:
        """A long date: 3 juli 2025."""
        parts = {"dag": str(value.day), "maand": self.months[value.month - 1],
                 "jaar": str(value.year)}
        a, b, c, d = self.date
        first, second, third = (parts[name] for name in self.date_order)
        return f"{a}{first}{b}{second}{c}{third}{d}"


def format_amount(value: Decimal, unit: Unit, *, words: NumberWords, of: Decimal | None = None,
                  top: bool = False, signed: bool = False) -> str:
    """The printed form of `value` in `unit`: 79.949; 79,5%; € 26,3 miljard; 7ᵉ plaats;
    Top 10 (`top`, which validation allows only for whole ranks and counts)."""
    kind = unit.kind
    if top:
        text = f"Top{dutch.NBSP}{dutch.integer(value)}"
    elif kind == "percent":
        text = dutch.percent(value, unit.decimals, signed)
    elif kind == "euro":
        text = dutch.euro(value, words.scale(unit.scale), unit.decimals, signed)
    elif kind == "rank":
        before, after = words.place
        text = f"{before}{words.ordinal(int(value))}{after}"
    elif of is not None:
        a, b, c = words.of
        text = f"{a}{dutch.number(value)}{b}{dutch.number(of)}{c}"
    else:
        text = dutch.number(value, unit.decimals, signed)
    if unit.suffix:
        text = f"{text}{dutch.NBSP}{unit.suffix}"
    elif kind == "vte" and not signed and not top:
        text = f"{text}{dutch.NBSP}{words.vte}"
    return text


def axis_formatter(unit: Unit, words: NumberWords) -> str:
    """A short description of the unit for axis titles: "%", "VTE'n", "€ miljard"."""
    if unit.kind == "percent":
        return "%"
    if unit.kind == "vte":
        return words.vte.replace(dutch.NBSP, " ")
    if unit.kind == "euro":
        return f"€ {words.scale(unit.scale)}".replace(dutch.NBSP, " ").strip()
    return unit.suffix or ""
