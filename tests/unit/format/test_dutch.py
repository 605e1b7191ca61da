"""Dutch formatting, string for string and byte for byte, with values from the reference."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal as D

import pytest

from standgen.compose.templating import TextTemplates
from standgen.format import dutch
from standgen.format.units import axis_formatter, format_amount
from standgen.model.values import Unit

WORDS = TextTemplates().numbers()
amount = functools.partial(format_amount, words=WORDS)

NBSP = "\u00a0"

# (what is formatted, the exact text the reference prints)
REFERENCE: list[tuple[Callable[[], str], str]] = [
    (lambda: dutch.number(79949), "79.949"),
    (lambda: dutch.percent(D("79.5")), "79,5%"),
    (lambda: dutch.euro(D("26.3"), "miljard"), f"€{NBSP}26,3{NBSP}miljard"),
    (lambda: dutch.euro(D("506.3"), "miljoen"), f"€{NBSP}506,3{NBSP}miljoen"),
    (lambda: dutch.delta(1850), "+1.850"),
    (lambda: dutch.delta(1517), "+1.517"),
    (lambda: dutch.delta(-104), "-104"),
    (lambda: dutch.ordinal(7), "7ᵉ"),
    (lambda: dutch.ordinal(1000), "1.000ᵉ"),
    (lambda: dutch.percent(D("1.42")), "1,42%"),
    (lambda: dutch.number(D("2.7")), "2,7"),
    (lambda: amount(D(5), Unit(kind="fraction"), of=D(8)),
     f"5{NBSP}van{NBSP}8"),
    (lambda: WORDS.long_date(dt.date(2025, 7, 3)), "3 juli 2025"),
    (lambda: WORDS.long_date(dt.date(2026, 1, 1)), "1 januari 2026"),
    (lambda: dutch.scale_header("duizend"), "(€ x 1.000)"),
    (lambda: dutch.euro_compact(26_300_000_000), f"€{NBSP}26,3{NBSP}miljard"),
    (lambda: dutch.euro_compact(506_300_000), f"€{NBSP}506,3{NBSP}miljoen"),
    (lambda: dutch.euro_compact(9_000_000), f"€{NBSP}9,0{NBSP}miljoen"),
    (lambda: dutch.euro(D("0.1"), "miljard"), f"€{NBSP}0,1{NBSP}miljard"),
    (lambda: dutch.euro(D("9.0"), "miljoen"), f"€{NBSP}9,0{NBSP}miljoen"),
    (lambda: dutch.euro(D("44.3"), "miljard"), f"€{NBSP}44,3{NBSP}miljard"),
    (lambda: dutch.percent(D("53.9")), "53,9%"),
    (lambda: dutch.percent(D("48.0")), "48,0%"),
    (lambda: dutch.percent(D("2.59")), "2,59%"),
    (lambda: dutch.percent(D("26.5")), "26,5%"),
    (lambda: dutch.percent(100), "100%"),
    (lambda: dutch.number(7024), "7.024"),
    (lambda: dutch.number(1473), "1.473"),
    (lambda: dutch.number(D("3.33")), "3,33"),
    (lambda: dutch.number(D("65.0")), "65,0"),
    (lambda: dutch.year(2025), "2025"),
    (lambda: amount(D(7), Unit(kind="rank")), f"7ᵉ{NBSP}plaats"),
    (lambda: amount(D(10), Unit(kind="rank"), top=True), f"Top{NBSP}10"),
    (lambda: amount(D(79949), Unit(kind="vte")), f"79.949{NBSP}VTE'n"),
    (lambda: amount(D("7.7"), Unit(kind="euro", scale="miljard")),
     f"€{NBSP}7,7{NBSP}miljard"),
    (lambda: amount(D("1.42"), Unit(kind="percent", decimals=2)), "1,42%"),
    (lambda: amount(D("95.4"), Unit(kind="percent", decimals=1)), "95,4%"),
    (lambda: amount(D(5), Unit(kind="fraction"), of=D(8)), f"5{NBSP}van{NBSP}8"),
    (lambda: amount(D(1850), Unit(kind="count"), signed=True), "+1.850"),
]


@pytest.mark.parametrize(("make", "expected"), REFERENCE,
                         ids=[expected for _, expected in REFERENCE])
def test_reference_values(make: Callable[[], str], expected: str) -> None:
    text = make()
    assert text.encode("utf-8") == expected.encode("utf-8")


@pytest.mark.parametrize("text", [dutch.euro(D("26.3"), "miljard"), dutch.euro(1000),
                                  dutch.euro_compact(506_300_000)])
def test_euro_sign_is_followed_by_a_no_break_space(text: str) -> None:
    assert text.encode("utf-8")[:5] == "€".encode() + b"\xc2\xa0"
    assert "€ " not in text


@pytest.mark.parametrize(("make", "expected"), [
    (lambda: dutch.number(D("0.25"), 1), "0,3"),
    (lambda: dutch.number(D("0.35"), 1), "0,4"),
    (lambda: dutch.number(D("2.0")), "2,0"),
    (lambda: dutch.number(D("1234567.891")), "1.234.567,891"),
    (lambda: dutch.number(D("-0.04"), 1), "0,0"),
    (lambda: dutch.delta(D("-0.04"), 1), "0,0"),
    (lambda: dutch.delta(0), "0"),
    (lambda: dutch.number(2100, group=False), "2100"),
    (lambda: dutch.euro(D("-3.1"), "miljard"), f"€{NBSP}-3,1{NBSP}miljard"),
    (lambda: dutch.euro(D("3.1"), "miljard", signed=True), f"€{NBSP}+3,1{NBSP}miljard"),
    (lambda: dutch.euro_compact(999_999_999), f"€{NBSP}1,0{NBSP}miljard"),
    (lambda: dutch.euro_compact(950_000), f"€{NBSP}950.000"),
    (lambda: dutch.euro_compact(-506_300_000), f"€{NBSP}-506,3{NBSP}miljoen"),
    (lambda: dutch.scale_header("miljoen"), "(€ x 1.000.000)"),
    (lambda: dutch.ordinal(7, superscript=False), "7e"),
    (lambda: amount(D(5), Unit(kind="fraction")), "5"),
    (lambda: amount(D("-95"), Unit(kind="vte"), signed=True), "-95"),
    (lambda: amount(D(12), Unit(kind="count", suffix="schepen")), f"12{NBSP}schepen"),
    (lambda: axis_formatter(Unit(kind="euro", scale="miljard"), WORDS), "€ miljard"),
])
def test_edge_cases(make: Callable[[], str], expected: str) -> None:
    assert make() == expected
