"""How a written figure is read: the one place that turns "1.234,5" into a Decimal.

A report declares its number style (`number_style: nl` or `plain`), a table may declare
another for its data file (`data_style:`). Under `nl` the point separates thousands and the
comma is the decimal sign (1.234,5); under `plain` the point is the decimal sign and there is
no thousands separator but a space (1234.5). Without a declaration `plain` applies, but a
spelling that the two styles read differently ("4.650") is refused until one is declared:
the default never settles a figure that could mean two things. See docs/data-files.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

NumberStyle = Literal["nl", "plain"]
STYLES: tuple[NumberStyle, ...] = ("nl", "plain")
DEFAULT_STYLE: NumberStyle = "plain"
MAX_INTEGER_DIGITS = 15
MAX_DECIMALS = 10

_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
_DIGITS = r"[0-9]+"
_GROUPED_SPACE = r"[1-9][0-9]{0,2}(?: [0-9]{3})+"
_GROUPED_POINT = r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
_GROUPED_COMMA = r"[1-9][0-9]{0,2}(?:,[0-9]{3})+"
_NL = re.compile(rf"(?:{_DIGITS}|{_GROUPED_POINT}|{_GROUPED_SPACE})(?:,[0-9]+)?")
_PLAIN = re.compile(rf"(?:{_DIGITS}|{_GROUPED_SPACE})(?:\.[0-9]+)?")
_ENGLISH = re.compile(rf"{_GROUPED_COMMA}(?:\.[0-9]+)?")
_YAML_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}\.[0-9]{3}")
_SIGNS = {"-": "-", "\u2212": "-", "+": ""}


@dataclass(frozen=True)
class Style:
    """The style figures are read in, and whether the report or table declared it."""

    name: NumberStyle = DEFAULT_STYLE
    declared: bool = False

    def where(self) -> str:
        return f"number style {self.name}" if self.declared else (
            f"the default number style {self.name} (none declared)")


class FigureError(ValueError):
    """A written figure that cannot be read; the message says why and what to write."""


def read_figure(text: str, style: Style) -> Decimal | None:
    """The number a cell's text spells under `style`; None when it is no figure at all
    (a word); raises FigureError for a figure that is misspelt or could mean two things."""
    raw = text.strip()
    _refuse_decorations(raw, style)
    sign, body = _split_sign(_SPACES.sub(" ", raw))
    if re.fullmatch(r"[.,][0-9]+", body):
        raise FigureError(f"{raw!r} has no digit before its decimal sign; write a 0 before "
                          f"it ({sign}0.{body[1:]} in plain, "
                          f"{sign}0,{body[1:]} in nl)")
    if not body or not body[0].isdigit():
        return None
    if re.fullmatch(r"[0-9.,]+[eE][-+]?[0-9]+", body):
        raise FigureError(f"{raw!r} is in scientific notation, which loses digits; write "
                          "the full number")
    readings = {name: _reading(body, name) for name in STYLES}
    mine, other = readings[style.name], readings[_other(style.name)]
    english = _to_decimal(body.replace(",", "")) if _ENGLISH.fullmatch(body) else None
    if mine is not None and (style.declared or other is None or other == mine):
        return check_magnitude(_signed(sign, mine), raw)
    if mine is not None and other is not None:
        raise FigureError(
            f"{raw!r} could mean two things: {_show(sign, other)} under number style "
            f"{_other(style.name)} and {_show(sign, mine)} under {style.name}; no style is "
            f"declared, so declare it: `number_style: nl` (or plain) in the report, or "
            "`data_style:` on the table")
    if other is not None:
        also = (f" (and {_show(sign, english)} in English notation)"
                if english is not None and english != other else "")
        raise FigureError(
            f"{raw!r} is not a figure under {style.where()}; under {_other(style.name)} it "
            f"reads as {_show(sign, other)}{also}; write "
            f"{_spell(_signed(sign, other), style.name)}, or declare "
            f"`data_style: {_other(style.name)}` on the table (or "
            f"`number_style: {_other(style.name)}` in the report)")
    if english is not None:
        raise FigureError(
            f"{raw!r} is English notation ({_show(sign, english)} with a thousands comma), "
            f"which is not read; write {_spell(_signed(sign, english), style.name)} under "
            f"{style.where()}")
    if re.fullmatch(r"[0-9][0-9.,' ]*", body):
        raise FigureError(
            f"{raw!r} is not a figure under {style.where()}: "
            + ("the point separates thousands and the comma is the decimal sign "
               "(1.234,5)" if style.name == "nl" else "the point is the decimal sign and "
               "there is no thousands separator but a space (1234.5)")
            + "; thousands come in groups of three digits")
    return None


def _refuse_decorations(raw: str, style: Style) -> None:
    """Currency signs, percent signs and accounting brackets: say what to write."""
    inner = raw.strip("()").strip()
    if raw.startswith("(") and raw.endswith(")") and inner[:1].isdigit():
        raise FigureError(f"{raw!r} writes a negative number in brackets; write "
                          f"-{_as_written(inner, style)}")
    if re.fullmatch(r"[0-9][0-9.,\s]*-", raw):
        raise FigureError(f"{raw!r} has its minus sign at the end (an accounting export); "
                          f"write -{_as_written(raw[:-1], style)}")
    if raw.endswith("%") and any(ch.isdigit() for ch in raw):
        raise FigureError(f"{raw!r} has a percent sign; write the number alone "
                          f"({_as_written(raw[:-1], style)}): a percent unit prints the sign")
    currency = re.fullmatch(r"(?:€|\$|EUR)\s*(.*?[0-9].*?)|(.*?[0-9].*?)\s*(?:€|\$|EUR)",
                            raw, flags=re.IGNORECASE)
    if currency:
        bare = (currency.group(1) or currency.group(2) or "").strip()
        raise FigureError(f"{raw!r} has a currency sign; write the amount alone "
                          f"({_as_written(bare, style)}): a euro unit prints the sign")


def _as_written(text: str, style: Style) -> str:
    """A bare figure as the style writes it, or the text itself when it is none."""
    try:
        value = read_figure(text, style)
    except FigureError:
        return text.strip()
    return text.strip() if value is None else spell(value, style.name)


def strip_decorations(text: str) -> str:
    """A figure without %, currency sign or accounting brackets (brackets become a minus)."""
    body = text.strip()
    if body.startswith("(") and body.endswith(")"):
        body = "-" + body[1:-1].strip()
    body = re.sub(r"^(?:€|\$|EUR)\s*|\s*(?:€|\$|EUR|%)$", "", body, flags=re.IGNORECASE)
    return body.strip()


def _split_sign(text: str) -> tuple[str, str]:
    first = text[:1]
    if first in _SIGNS:
        return _SIGNS[first], text[1:].lstrip()
    return "", text


def _reading(body: str, style: NumberStyle) -> Decimal | None:
    if style == "nl":
        if not _NL.fullmatch(body):
            return None
        return _to_decimal(body.replace(" ", "").replace(".", "").replace(",", "."))
    if not _PLAIN.fullmatch(body):
        return None
    return _to_decimal(body.replace(" ", ""))


def _to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _signed(sign: str, value: Decimal) -> Decimal:
    return -value if sign == "-" else value


def _other(style: NumberStyle) -> NumberStyle:
    return "plain" if style == "nl" else "nl"


def _show(sign: str, value: Decimal) -> str:
    return _spell(_signed(sign, value), "plain")


def _spell(value: Decimal, style: NumberStyle) -> str:
    """A figure as a style writes it, without thousands separators."""
    text = format(value, "f")
    return text.replace(".", ",") if style == "nl" else text


def spell(value: Decimal, style: NumberStyle, *, grouped: bool = False) -> str:
    """A figure written in `style`; `grouped` adds thousands separators (a point under nl,
    a space under plain)."""
    text = format(value, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    if grouped:
        sep = "." if style == "nl" else " "
        head = len(whole) % 3 or 3
        whole = sep.join([whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)])
    point = "," if style == "nl" else "."
    return ("-" if negative else "") + whole + (point + fraction if fraction else "")


def check_magnitude(value: Decimal | int | float, written: str | None = None) -> Decimal:
    """A figure within what a report prints: finite, at most 15 digits before and 10 after
    the decimal sign; raises FigureError otherwise."""
    shown = _short(repr(written) if written is not None else
                   str(Decimal(value) if isinstance(value, int) else value))
    if isinstance(value, float) and not math.isfinite(value):
        raise FigureError(f"{shown} is not a number (NaN or infinity); write a figure, a "
                          "status word such as n.t.b., or leave the cell empty")
    number = value if isinstance(value, Decimal) else (
        Decimal(value) if isinstance(value, int) else Decimal(str(value)))
    if not number.is_finite():
        raise FigureError(f"{shown} is not a number (NaN or infinity); write a figure, a "
                          "status word such as n.t.b., or leave the cell empty")
    if number and number.adjusted() >= MAX_INTEGER_DIGITS:
        raise FigureError(f"{shown} has more than {MAX_INTEGER_DIGITS} digits before the "
                          "decimal sign; no report figure is that large (use the unit's "
                          "scale, such as miljoen or miljard)")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise FigureError(f"{shown} has more than {MAX_DECIMALS} decimals; round it")
    return number


def _short(text: str) -> str:
    """A figure as shown in a message: a very long one cut, with its length."""
    return text if len(text) <= 40 else f"{text[:20]}… ({len(text):,} characters)"


def check_yaml_number(value: Decimal | int | float, style: Style) -> Decimal:
    """A number written in YAML (always a decimal point, never a thousands separator);
    under a declared nl style, 1.150 could mean 1150 and is refused."""
    number = check_magnitude(value)
    if (style.declared and style.name == "nl" and isinstance(value, Decimal)
            and _YAML_THOUSANDS.fullmatch(str(value))):
        whole = str(value).replace(".", "")
        raise FigureError(
            f"{value} could mean two things: YAML reads it as {value} (a decimal point) but "
            f"the report's number style nl reads it as {whole}; write {whole} for "
            f"{spell(Decimal(whole), 'nl', grouped=True)}, or {value.normalize()} for "
            f"{spell(value.normalize(), 'nl')} (YAML numbers take a decimal point and no "
            "thousands separator)")
    return number


def parse_style(value: object) -> NumberStyle:
    """A declared style name; raises FigureError naming the choices."""
    if value in STYLES:
        return value
    raise FigureError(f"unknown number style {value!r}; write nl (1.234,5) or plain "
                      "(1234.5)")
