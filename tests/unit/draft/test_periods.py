"""Periods: the report year each edition covers, the placeholder date, refusal of bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from standgen.draft import DraftError, parse_period


@pytest.mark.parametrize(("text", "year"), [
    ("voorjaar 2026", 2025), ("najaar 2026", 2026), ("Voorjaar 2027", 2026),
    (" najaar  2027 ", 2027),
])
def test_report_year_follows_the_season(text: str, year: int) -> None:
    assert parse_period(text).report_year == year


def test_periods_order_by_year_then_season() -> None:
    order = ["voorjaar 2026", "najaar 2026", "voorjaar 2027"]
    periods = [parse_period(p) for p in order]
    assert sorted(reversed(periods)) == periods
    assert [p.name for p in periods] == order


def test_publication_dates_are_verantwoordingsdag_and_prinsjesdag() -> None:
    assert parse_period("voorjaar 2026").publication_date == dt.date(2026, 5, 20)
    assert parse_period("najaar 2026").publication_date == dt.date(2026, 9, 15)
    assert parse_period("najaar 2025").publication_date == dt.date(2025, 9, 16)


@pytest.mark.parametrize("text", ["zomer 2026", "najaar", "2026", "najaar 26"])
def test_other_words_are_refused(text: str) -> None:
    with pytest.raises(DraftError, match="voorjaar 2026"):
        parse_period(text)
