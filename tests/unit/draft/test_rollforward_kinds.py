"""`standgen new` on a small report of each kind of cycle: the period moves on, the year
series follows the report year, the date moves on, and the draft validates and builds."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from standgen.cli import main
from standgen.draft import roll_forward
from standgen.load import load_report
from standgen.model.tables import IndicatorTable
from standgen.model.values import Status
from standgen.validate.checks import validate_report
from standgen.validate.walk import walk
from tests.reports import one_topic

BLOCKS = """\
- toelichting: Het aantal steeg.
- table:
    id: reeks
    title: Reeks
    columns: [2024, 2025, {role: norm}]
    rows:
      - {id: a, label: A, values: [1, 2, 5]}
"""

# period, cycle, report year, date; next period, its report year, date, columns after
CASES = [
    ("voorjaar 2026", None, 2025, "2026-05-20", "najaar 2026", 2026, "2026-09-15",
     ["2024", "2025", "2026", "norm"]),
    ("2025", "jaar", 2025, "2026-03-12", "2026", 2026, "2027-03-12",
     ["2024", "2025", "2026", "norm"]),
    ("tweede helft 2025", None, 2025, "2026-02-10", "eerste helft 2026", 2026, "2026-08-10",
     ["2024", "2025", "2026", "norm"]),
    ("1e voortgangsrapportage 2025", "halfjaar", 2025, "2025-08-01",
     "2e voortgangsrapportage 2025", 2025, "2026-02-01", ["2024", "2025", "norm"]),
    ("Q4 2025", None, 2025, "2026-01-31", "Q1 2026", 2026, "2026-04-30",
     ["2024", "2025", "2026", "norm"]),
    ("3e viermaandsrapportage 2025", None, 2025, "2026-01-15",
     "1e viermaandsrapportage 2026", 2026, "2026-05-15", ["2024", "2025", "2026", "norm"]),
    ("december 2025", None, 2025, "2026-01-31", "januari 2026", 2026, "2026-02-28",
     ["2024", "2025", "2026", "norm"]),
    ("schooljaar 2025/26", None, 2025, "2026-10-01", "schooljaar 2026/27", 2026,
     "2027-10-01", ["2024", "2025", "2026", "norm"]),
]


def write_source(folder: Path, period: str, cycle: str | None, year: int, day: str) -> Path:
    """A one-table report of the given period, cycle, report year and date."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = f"settings: {{cycle: {cycle}}}\n" if cycle else ""
    header = (f"title: Monitor\nperiod: \"{period}\"\nreport_year: {year}\n"
              f"ministry: Ministerie van Voorbeeld\ndate: {day}\nrubricering: openbaar\n")
    main_file = folder / "report.yaml"
    main_file.write_text(header + settings + dedent(one_topic(BLOCKS)), encoding="utf-8")
    return main_file


@pytest.mark.parametrize(("period", "cycle", "year", "day", "following", "new_year",
                          "new_day", "columns"), CASES)
def test_each_kind_rolls_forward_to_its_next_period(
        tmp_path: Path, period: str, cycle: str | None, year: int, day: str, following: str,
        new_year: int, new_day: str, columns: list[str]) -> None:
    source = write_source(tmp_path / "src", period, cycle, year, day)
    result = roll_forward(source, tmp_path / "out", None)
    report = load_report(result.report)
    assert (report.period, report.report_year, report.date.isoformat()) == (
        following, new_year, new_day)
    (table,) = [n for _, n in walk(report) if isinstance(n, IndicatorTable)]
    assert table.column_keys == columns
    cells = table.rows[0].cells_by_key(columns)
    reported = str(new_year)
    assert cells[reported].status is Status.MISSING and cells["norm"].value == 5
    assert not validate_report(report).errors
    assert "# TE HERZIEN: aangenomen datum" in result.report.read_text(encoding="utf-8")


def test_the_draft_of_a_quarterly_report_builds_as_a_concept(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "Q2 2026", None, 2026, "2026-07-15")
    assert main(["new", "--from", str(source), "--out", str(tmp_path / "q3")]) == 0
    draft = tmp_path / "q3" / "report.yaml"
    assert main(["build", str(draft), "--format", "md", "--concept",
                 "--out", str(tmp_path / "built")]) == 0
    (markdown,) = (tmp_path / "built").glob("*.md")
    assert markdown.name.startswith("monitor-q3-2026")
    assert "Q3 2026" in markdown.read_text(encoding="utf-8")


def test_to_settles_a_period_two_cycles_read(tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "2025", None, 2025, "2026-03-12")
    result = roll_forward(source, tmp_path / "out", "kalenderjaar 2026")
    assert (result.previous_period, result.period, result.report_year) == (
        "2025", "kalenderjaar 2026", 2026)


def test_skipping_a_report_year_says_the_years_between_are_for_the_author(
        tmp_path: Path) -> None:
    source = write_source(tmp_path / "src", "2025", "jaar", 2025, "2026-03-12")
    result = roll_forward(source, tmp_path / "out", "2027")
    (table,) = [n for _, n in walk(load_report(result.report))
                if isinstance(n, IndicatorTable)]
    assert table.column_keys == ["2024", "2025", "2027", "norm"]
    assert any("add the years between by hand" in note for note in result.notes)
