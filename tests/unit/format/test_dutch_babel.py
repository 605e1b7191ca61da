"""dutch.number prints what Babel's nl_NL format_decimal prints for the same rounded value."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from standgen.format import dutch


def _babel(value: Decimal | int, decimals: int | None, signed: bool, group: bool) -> str:
    """The former implementation: Babel with an explicit pattern, after rounding half up."""
    value = Decimal(value)
    places = dutch.decimals_of(value) if decimals is None else decimals
    rounded = dutch.quantize(value, places)
    if rounded == 0:
        rounded = abs(rounded)
    body = "#,##0" + ("." + "0" * places if places > 0 else "")
    pattern = f"+{body};-{body}" if signed else body
    text = format_decimal(rounded, format=pattern, locale="nl_NL", decimal_quantization=True)
    if not group:
        text = text.replace(".", "")
    return text.lstrip("+") if signed and rounded == 0 else text


values = st.builds(lambda digits, exponent: Decimal(digits).scaleb(exponent),
                   st.integers(-10**15, 10**15), st.integers(-6, 3))


@given(values, st.one_of(st.none(), st.integers(0, 4)), st.booleans(), st.booleans())
@example(Decimal("-0.04"), 1, True, True)
@example(Decimal("-0.05"), 1, False, True)
@example(Decimal("999.95"), 1, False, True)
@example(Decimal("1E+3"), None, False, True)
@example(Decimal("-1850"), None, True, True)
def test_number_equals_babel(value: Decimal, decimals: int | None, signed: bool,
                             group: bool) -> None:
    assert dutch.number(value, decimals, signed, group) == _babel(value, decimals, signed, group)
