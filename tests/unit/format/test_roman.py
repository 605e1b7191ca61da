"""Roman numerals read back, so that `standgen changes` sorts "II.3" as it sorts "2.3"."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from standgen.draft.changes import _order
from standgen.format.roman import from_roman, roman


@given(st.integers(1, 3999))
def test_every_numeral_reads_back(number: int) -> None:
    assert from_roman(roman(number)) == number
    assert from_roman(roman(number).lower()) == number


def test_what_is_no_numeral_reads_as_none() -> None:
    for text in ("", "IIII", "IC", "VX", "ABC", "1", "MMMM"):
        assert from_roman(text) is None


def test_roman_and_arabic_sections_sort_alike() -> None:
    assert _order("II.3", 0) == _order("2.3", 0) == (2, 3)
    assert sorted(["X.1", "II.10", "II.2"], key=lambda n: _order(n, 0)) == [
        "II.2", "II.10", "X.1"]
