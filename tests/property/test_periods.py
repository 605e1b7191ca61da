"""Periods of every kind and form over many years: written text reads back as the same
period, the next period is later and reads back too, and a text two cycles read is refused
unless the cycle is given."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.draft.period_kinds import KINDS, Form, Kind
from standgen.draft.periods import (
    FIRST_YEAR,
    LAST_YEAR,
    Period,
    PeriodError,
    parse_period,
    readings,
    write,
)

SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Any edition of any kind in any of its forms, between the first and the last year."""
    kind: Kind = draw(st.sampled_from(KINDS))
    form: Form = draw(st.sampled_from(kind.forms))
    year = draw(st.integers(FIRST_YEAR, LAST_YEAR - 1))
    index = draw(st.integers(0, kind.per_year - 1))
    return Period(kind, year, index, form)


@SETTINGS
@given(periods())
def test_written_text_reads_back_and_next_is_later(period: Period) -> None:
    text = write(period.form, period.year, period.index)
    found = parse_period(text, period.kind.name)
    assert found == period and found.name == text
    after = period.next()
    assert period < after and not after <= period
    assert after.report_year in (period.report_year, period.report_year + 1)
    assert parse_period(after.name, period.kind.name) == after


@SETTINGS
@given(periods(), st.sampled_from(["upper", "lower", "nbsp"]))
def test_case_and_spaces_read_as_the_same_period(period: Period, how: str) -> None:
    text = period.name
    changed = {"upper": text.upper(), "lower": text.lower(),
               "nbsp": "\u00a0" + text.replace(" ", "\u00a0\u2009") + " "}[how]
    found = parse_period(changed, period.kind.name)
    assert (found.kind, found.year, found.index, found.form) == (
        period.kind, period.year, period.index, period.form)


@SETTINGS
@given(periods())
def test_a_text_two_cycles_read_is_refused_without_a_cycle(period: Period) -> None:
    kinds = {p.kind.name for p in readings(period.name)}
    assert period.kind.name in kinds
    if len(kinds) == 1:
        assert parse_period(period.name) == period
        return
    with pytest.raises(PeriodError, match="can be read in") as caught:
        parse_period(period.name)
    assert all(name in str(caught.value) for name in kinds)


@SETTINGS
@given(st.sampled_from(KINDS), st.integers(0, 9999).filter(
    lambda y: not FIRST_YEAR <= y <= LAST_YEAR))
def test_years_out_of_range_are_refused(kind: Kind, year: int) -> None:
    text = write(kind.forms[0], year, 0)
    with pytest.raises(PeriodError):
        parse_period(text, kind.name)
