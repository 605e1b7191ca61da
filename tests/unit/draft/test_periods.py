"""Periods of every kind: read, written, next, report year, placeholder date, refusals."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest

from standgen.draft import DraftError, parse_period
from standgen.draft.period_kinds import KIND_NAMES, KINDS
from standgen.draft.periods import PeriodError, placeholder_date
from standgen.model.settings import Cycle


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
    before = parse_period("najaar 2025")
    day = dt.date(2025, 9, 16)
    assert placeholder_date(parse_period("voorjaar 2026"), before, day) == (
        dt.date(2026, 5, 20), "Verantwoordingsdag")
    assert placeholder_date(parse_period("najaar 2026"), before, day)[0] == dt.date(2026, 9, 15)
    assert placeholder_date(before, before, day)[0] == dt.date(2025, 9, 16)


# text, cycle, written name, report year, next period's text
KINDS_CASES = [
    ("2025", "jaar", "2025", 2025, "2026"),
    ("kalenderjaar 2025", None, "kalenderjaar 2025", 2025, "kalenderjaar 2026"),
    ("eerste helft 2025", None, "eerste helft 2025", 2025, "tweede helft 2025"),
    ("tweede helft 2025", None, "tweede helft 2025", 2025, "eerste helft 2026"),
    ("2e voortgangsrapportage 2025", "halfjaar", "2e voortgangsrapportage 2025", 2025,
     "1e voortgangsrapportage 2026"),
    ("2e voortgangsrapportage 2025", "kwartaal", "2e voortgangsrapportage 2025", 2025,
     "3e voortgangsrapportage 2025"),
    ("H2 2025", None, "H2 2025", 2025, "H1 2026"),
    ("Q4 2026", None, "Q4 2026", 2026, "Q1 2027"),
    ("eerste kwartaal 2026", None, "eerste kwartaal 2026", 2026, "tweede kwartaal 2026"),
    ("3e viermaandsrapportage 2026", None, "3e viermaandsrapportage 2026", 2026,
     "1e viermaandsrapportage 2027"),
    ("maart 2026", None, "maart 2026", 2026, "april 2026"),
    ("december 2026", None, "december 2026", 2026, "januari 2027"),
    ("2025-12", None, "2025-12", 2025, "2026-01"),
    ("2026-Q4", None, "2026-Q4", 2026, "2027-Q1"),
    ("2025-2026", None, "2025-2026", 2025, "2026-2027"),
    ("schooljaar 2025/2026", None, "schooljaar 2025/2026", 2025, "schooljaar 2026/2027"),
    ("collegejaar 2025\u20132026", None, "collegejaar 2025\u20132026", 2025,
     "collegejaar 2026\u20132027"),
    ("2025", "schooljaar", "2025", 2025, "2026"),
    ("najaar 2026", None, "najaar 2026", 2026, "voorjaar 2027"),
]


@pytest.mark.parametrize(("text", "cycle", "name", "year", "following"), KINDS_CASES)
def test_each_kind_reads_writes_and_moves_on(text: str, cycle: str | None, name: str,
                                              year: int, following: str) -> None:
    period = parse_period(text, cycle)
    assert (period.name, period.report_year, period.next().name) == (name, year, following)
    assert period < period.next()


def test_case_and_spaces_do_not_matter_and_a_capital_is_kept() -> None:
    period = parse_period("Eerste\u00a0helft   2025\u2009")
    assert (period.kind.name, period.name, period.next().name) == (
        "halfjaar", "Eerste helft 2025", "Tweede helft 2025")
    assert parse_period("q2 2026").name == "Q2 2026"


def test_settings_cycle_lists_every_kind() -> None:
    assert set(get_args(Cycle)) == set(KIND_NAMES)
    assert len(KIND_NAMES) == len(set(KIND_NAMES))


def test_every_form_writes_every_edition_of_its_kind() -> None:
    for kind in KINDS:
        for form in kind.forms:
            assert len(form.words) == (kind.per_year if "{word}" in form.pattern else 1)
            assert kind.per_year == 1 or "{word}" in form.pattern


@pytest.mark.parametrize(("text", "ways"), [
    ("2025", "jaar, schooljaar"),
    ("1e voortgangsrapportage 2025", "halfjaar, kwartaal, viermaand"),
    ("3e voortgangsrapportage 2025", "kwartaal, viermaand"),
    ("2010-11", "maand, schooljaar"),
])
def test_a_period_two_cycles_read_is_refused_with_the_way_out(text: str, ways: str) -> None:
    with pytest.raises(PeriodError, match="can be read in") as caught:
        parse_period(text)
    assert ways in str(caught.value) and "--to" in str(caught.value)
    assert "settings: {cycle: ...}" in str(caught.value)


@pytest.mark.parametrize(("text", "hint"), [
    ("zomer 2026", "voorjaar 2026"), ("najaar", "Q1 2026"), ("najaar 26", "maart 2026"),
    ("Q5 2026", "kwartaal: 1, 2, 3, 4"), ("voorjaar 99999", "four digits"),
    ("2025-2027", "follow each other"), ("2025 - 2026", "without spaces"),
    ("5e voortgangsrapportage 2025", "kwartaal: 1e, 2e, 3e, 4e"), ("", "schooljaar"),
    ("voorjaar 1899", "four digits, 1900 to 2199"), ("2025/03", "'maart 2025'"),
])
def test_other_words_are_refused(text: str, hint: str) -> None:
    with pytest.raises(DraftError, match="not a period standgen knows") as caught:
        parse_period(text)
    assert hint in str(caught.value)


def test_a_period_not_of_the_stated_cycle_is_refused() -> None:
    with pytest.raises(PeriodError, match="not a period of the cycle 'kwartaal'"):
        parse_period("najaar 2026", "kwartaal")


def test_placeholder_date_moves_on_by_the_time_between_periods() -> None:
    q4 = parse_period("Q4 2025")
    assert placeholder_date(q4.next(), q4, dt.date(2025, 11, 30)) == (
        dt.date(2026, 2, 28), "de datum van de vorige editie, 3 maanden later")
    year = parse_period("2025", "jaar")
    assert placeholder_date(year.next(), year, dt.date(2024, 2, 29))[0] == dt.date(2025, 2, 28)
