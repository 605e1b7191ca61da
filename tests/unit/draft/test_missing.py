"""The value-missing check: one warning per `te leveren` cell, at the line to fill it in."""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Severity
from standgen.validate.checks import validate_report
from standgen.validate.missing import check_missing
from tests.reports import load_text, one_topic

BLOCKS = """\
- table:
    id: inline
    title: Inline
    columns: [2025, 2026]
    rows:
      - {id: a, label: A, values: [1, te leveren]}
      - {id: b, label: B, values: [2, 3]}
- table:
    id: file
    title: Uit een bestand
    columns: [2025, 2026]
    data: cijfers.csv
    rows:
      - {id: x, label: X}
      - {id: y, label: Y}
"""
CSV = "id;2025;2026\nx;1;te leveren\n\ny;2;te leveren\n"


def test_one_warning_per_missing_cell_at_its_line(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(BLOCKS), {"cijfers.csv": CSV})
    problems = check_missing(report)
    assert {p.code for p in problems} == {"value-missing"}
    assert {p.severity for p in problems} == {Severity.WARNING}
    places = [(p.location.file.name if p.location.file else None, p.location.line,
               p.location.field) for p in problems]
    yaml_line = next(i for i, line in enumerate(
        (tmp_path / "report.yaml").read_text(encoding="utf-8").splitlines(), start=1)
        if "{id: a," in line)
    assert places[0][:2] == ("report.yaml", yaml_line)
    assert places[0][2].endswith("rows[0].values.2026")
    assert places[1:] == [("cijfers.csv", 2, "column C"), ("cijfers.csv", 4, "column C")]
    assert "'inline'" in problems[0].message and "'A'" in problems[0].message
    assert "cijfers.csv" in problems[1].message


def test_unreadable_data_file_falls_back_to_the_yaml_row(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(BLOCKS), {"cijfers.csv": CSV})
    (tmp_path / "cijfers.csv").unlink()
    problems = check_missing(report)[1:]
    assert [p.location.file.name for p in problems if p.location.file] == ["report.yaml"] * 2
    assert all("data file cijfers.csv" in p.message for p in problems)


def test_validate_report_lists_them(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(BLOCKS), {"cijfers.csv": CSV})
    found = [p for p in validate_report(report).items if p.code == "value-missing"]
    assert len(found) == 3
