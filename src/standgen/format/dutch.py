"""Dutch formatting of every number, amount, date and missing value (nl_NL: Babel's
dates, and numbers with its grouping dot and decimal comma).

The one place where figures become text: writers, charts and templates all call it, so a
number can never be printed two ways. Decimals default to the precision the source gave
(Decimal keeps it), so 2,0 stays 2,0 and 1,42 stays 1,42.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.dates import format_date

LOCALE = "nl_NL"
NBSP = "\u00a0"
EURO = "€"
SUPERSCRIPT_E = "ᵉ"

SCALE_FACTORS = {"een": 1, "duizend": 1_000, "miljoen": 1_000_000, "miljard": 1_000_000_000}
SCALE_WORDS = {"een": "", "duizend": "duizend", "miljoen": "miljoen", "miljard": "miljard"}


def decimals_of(value: Decimal) -> int:
    """How many decimals a Decimal was written with (0 for integers)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half up, as reports do (Babel would round half even); with the precision the
    result needs, so that a large computed figure (a percentage of a tiny one) still rounds."""
    needed = max(28, (value.adjusted() if value else 0) + decimals + 2)
    with localcontext() as context:
        context.prec = needed
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def number(value: Decimal | int, decimals: int | None = None, signed: bool = False,
           group: bool = True) -> str:
    """A number with grouping dot and decimal comma: 79.949; 2,7; +1.850.

    Written out here rather than through Babel's format_decimal (7x slower, and a report
    prints thousands of numbers); the unit tests hold it equal to Babel's nl_NL output."""
    value = Decimal(value)
    places = decimals_of(value) if decimals is None else decimals
    rounded = quantize(value, places)
    if rounded == 0:
        rounded = abs(rounded)  # never print "-0,0" for a small negative number
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".") if group else whole
    if fraction:
        text += "," + fraction
    if rounded < 0:
        return "-" + text
    return "+" + text if signed and rounded != 0 else text


def integer(value: Decimal | int) -> str:
    """A whole number with grouping: 59.597."""
    return number(value, 0)


def year(value: int) -> str:
    """Years are never grouped: 2025."""
    return str(int(value))


def percent(value: Decimal | int, decimals: int | None = None, signed: bool = False) -> str:
    """A percentage given in percent points, without a space: 79,5%; 100%."""
    return number(value, decimals, signed) + "%"


def delta(value: Decimal | int, decimals: int | None = None) -> str:
    """A signed difference: +1.850; -95; 0."""
    return number(value, decimals, signed=True)


def euro(value: Decimal | int, scale: str = "een", decimals: int | None = None,
         signed: bool = False) -> str:
    """An amount already expressed in `scale`: euro(26.3, "miljard") -> "€ 26,3 miljard".

    The sign stands after the euro sign, as in CLDR's Dutch pattern: "€ -3,1 miljard",
    and with `signed` also "€ +3,1 miljard".
    """
    word = SCALE_WORDS[scale]
    text = f"{EURO}{NBSP}{number(value, decimals, signed)}"
    return f"{text}{NBSP}{word}" if word else text


def euro_compact(value: Decimal | int, decimals: int = 1) -> str:
    """A full amount in euros, written the report way: 26_300_000_000 -> "€ 26,3 miljard".

    Amounts under a million are written in full ("€ 950.000"); larger ones in miljoen or
    miljard with fixed decimals ("€ 9,0 miljoen"), choosing the scale after rounding so
    that 999.999.999 becomes "€ 1,0 miljard", never "€ 1.000,0 miljoen".
    """
    value = Decimal(value)
    if abs(value) < SCALE_FACTORS["miljoen"]:
        return euro(value, "een", 0)
    billions = quantize(value / SCALE_FACTORS["miljard"], decimals)
    if abs(billions) >= 1:
        return euro(billions, "miljard", decimals)
    return euro(quantize(value / SCALE_FACTORS["miljoen"], decimals), "miljoen", decimals)


def scale_header(scale: str) -> str:
    """The header note of a table in scaled amounts: "(€ x 1.000)"."""
    factor = SCALE_FACTORS[scale]
    return f"({EURO} x {integer(factor)})" if factor > 1 else f"(in {EURO})"


def long_date(value: dt.date) -> str:
    """A long Dutch date: 3 juli 2025; 1 januari 2026."""
    return str(format_date(value, "d MMMM y", locale=LOCALE))


def ordinal(value: int, superscript: bool = True) -> str:
    """A Dutch ordinal: 7ᵉ (or 7e when superscript characters are not wanted)."""
    return f"{integer(int(value))}{SUPERSCRIPT_E if superscript else 'e'}"


def fraction(value: Decimal | int, of: Decimal | int) -> str:
    """A part of a whole in words, on one line: 5 van 8."""
    return f"{number(value)}{NBSP}van{NBSP}{number(of)}"


MISSING_WORDS = {
    "n.t.b.": "n.t.b.",
    "nog niet bekend": "Nog niet bekend",
    "n.v.t.": "n.v.t.",
    "niet van toepassing dit jaar": "n.v.t.",
    "geen gegevens": "-",
    "te leveren": "…",
    "vertrouwelijk": "—",
}


PROVISIONAL = "voorlopig"
"""Printed after a number whose status is `voorlopig`: "4.500 (voorlopig)"."""


def missing(status: str) -> str:
    """The words printed for a value that has no number, by status."""
    return MISSING_WORDS.get(status, status)
