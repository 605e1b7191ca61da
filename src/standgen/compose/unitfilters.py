"""Filters given a `waarde(...)` directly: the value's unit decides what a filter may print.

A filter that would print less than the value says (a bare 584,9 for "€ 584,9 miljoen", 10
for "Top 10", 25 for "minder dan 25%") or print it in another unit (`procent` on an
amount, `euro('miljard')` on millions) would publish a different figure, so it is refused
with a pointer to `.getal`, the bare number, for an author who means it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any

from standgen.format import dutch
from standgen.format.units import NumberWords, format_amount
from standgen.model.values import Unit


class PrintedValue:
    """A table value as filters see it once it may reach the text: number, unit, print."""

    def __init__(self, number: Decimal | None, unit: Unit, printed: str,
                 origin: str = "waarde(...)") -> None:
        self.getal = number
        self.unit = unit
        self._printed = printed
        self.origin = origin

    def __str__(self) -> str:
        return self._printed


Args = tuple[Any, ...]
Filter = Callable[..., Any]


def unit_aware(name: str, function: Filter, numbers: Callable[[], NumberWords]) -> Filter:
    """`function` (a guarded filter) taking a waarde's number once its unit allows it;
    `numbers` gives the words around numbers, to print the waarde as a table does."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], PrintedValue):
            return _apply(name, function, args[0], args[1:], kwargs, numbers())
        return function(*args, **kwargs)

    for attribute in ("jinja_pass_arg",):
        if hasattr(function, attribute):
            setattr(call, attribute, getattr(function, attribute))
    return call


def _apply(name: str, function: Filter, value: PrintedValue, args: Args,
           kwargs: dict[str, Any], words: NumberWords) -> Any:
    number, unit, printed = value.getal, value.unit, str(value)
    if number is None:
        raise ValueError(f"{value.origin} prints \"{_shown(value)}\" and has no number "
                         f"for `{name}`")
    bare = dutch.number(number, unit.decimals)
    if name == "euro":
        return _euro(function, value, number, args, kwargs, words)
    if name == "abs":
        return _abs(value, number, words)
    allowed = {
        "getal": printed == bare,
        "delta": printed in (bare, dutch.delta(number, unit.decimals)),
        "procent": unit.kind == "percent" and printed == dutch.percent(number, unit.decimals),
        "rangtelwoord": printed == bare or (
            unit.kind == "rank" and printed == format_amount(number, unit, words=words)),
    }
    if name not in allowed:
        raise ValueError(f"`{name}` on {value.origin} would lose how it is printed "
                         f"(\"{_shown(value)}\"); print the waarde as it is, or use "
                         f"{value.origin}.getal for the bare number")
    if not allowed[name]:
        raise ValueError(_lost(name, value))
    return function(number, *args, **kwargs)


def _euro(function: Filter, value: PrintedValue, number: Decimal, args: Args,
          kwargs: dict[str, Any], words: NumberWords) -> Any:
    unit = value.unit
    scale = kwargs.pop("scale", args[0] if args else unit.scale)
    if unit.kind != "euro" or str(value) != dutch.euro(number, words.scale(unit.scale),
                                                        unit.decimals):
        raise ValueError(_lost("euro", value))
    if scale != unit.scale:
        raise ValueError(f"{value.origin} is in € {words.scale(unit.scale) or 'een'}, "
                         f"not in {scale}: `euro({scale!r})` would print another amount; "
                         "write `euro` without a scale, or print the waarde as it is")
    decimals = kwargs.pop("decimals", args[1] if len(args) > 1 else unit.decimals)
    return function(number, scale, decimals)


def _abs(value: PrintedValue, number: Decimal, words: NumberWords) -> Decimal | str:
    """The waarde without its sign: a plain number stays a number (for `getal` after it),
    anything else is printed in its unit."""
    unit, printed = value.unit, str(value)
    if printed in (dutch.number(number, unit.decimals), dutch.delta(number, unit.decimals)):
        return abs(number)
    if printed not in (format_amount(number, unit, words=words),
                       format_amount(number, unit, words=words, signed=True)):
        raise ValueError(_lost("abs", value))
    return format_amount(abs(number), unit, words=words)


def _lost(name: str, value: PrintedValue) -> str:
    return (f"{value.origin} prints as \"{_shown(value)}\"; `{name}` would print it without what "
            f"makes it that figure (its unit, scale or qualifier); print the waarde as it "
            f"is, or use {value.origin}.getal | {name} for the bare number")


def _shown(value: PrintedValue) -> str:
    """The printed value as an author reads it in a message (no-break spaces as spaces)."""
    return str(value).replace("\u00a0", " ")


_PRINTED: ContextVar[list[tuple[str, Unit, str]] | None] = ContextVar("standgen_printed",
                                                                      default=None)


def note_printed(printed: str, unit: Unit, origin: str) -> None:
    """Remember a waarde printed in the text being rendered (see `printed_values`)."""
    found = _PRINTED.get()
    if found is not None:
        found.append((printed, unit, origin))


@contextmanager
def printed_values() -> Iterator[list[tuple[str, Unit, str]]]:
    """The waarde values printed while the block runs: (printed, unit, origin)."""
    found: list[tuple[str, Unit, str]] = []
    token = _PRINTED.set(found)
    try:
        yield found
    finally:
        _PRINTED.reset(token)


def _unit_words(unit: Unit) -> list[str]:
    words = {"euro": ["euro", "€"], "percent": ["procent", "%"], "vte": ["vte"],
             "rank": ["plaats"]}.get(unit.kind, [])
    if unit.kind == "euro" and unit.scale != "een":
        words.append(unit.scale)
    if unit.suffix:
        words.append(unit.suffix)
    return words


def doubled_unit(text: str, printed: list[tuple[str, Unit, str]]) -> str | None:
    """Why `text` names a waarde's unit twice ("€ 584,9 miljoen miljoen euro": the text
    was written for a bare number), or None."""
    for shown, unit, origin in printed:
        words = _unit_words(unit)
        if not words:
            continue
        alternatives = "|".join(re.escape(w) + ("" if w in "%€" else r"\b") for w in words)
        pattern = re.escape(shown) + r"[\s\u00a0]*(" + alternatives + ")"
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            return (f"{origin} prints \"{shown.replace(chr(160), ' ')}\", unit and all, and "
                    f"the text goes on with {match.group(1)!r}: the unit would print twice; "
                    "remove the words after the waarde")
    return None
