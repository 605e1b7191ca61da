"""Figures are never misread: every refused spelling is located with its fix, and what is
accepted reads as declared (number styles, row kinds, markings from data files)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from standgen.load import load_report
from standgen.model.tables import IndicatorTable
from standgen.model.values import Status
from tests.unit.load.figure_cases import CASES, MARKED, MESSAGES, NL, PLAIN, Case, xlsx
from tests.unit.load.support import DATA_TABLE, REPORT, chapter, run_validate, write

SRC = Path(__file__).resolve().parents[3] / "src"


def _table(path: Path) -> IndicatorTable:
    block = load_report(path).chapters[0].sections[0].topics[0].blocks[0]
    table = getattr(block, "table", None)
    assert isinstance(table, IndicatorTable)
    return table


def _values(table: IndicatorTable) -> dict[str, list[object]]:
    out: dict[str, list[object]] = {}
    for row in table.rows:
        cells = row.cells_by_key(table.column_keys).values()
        out[row.key] = [c.value if c.value is not None else c.status or c.text for c in cells]
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_refused_with_place_and_fix(case: Case, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, case.files)
    if case.setup is not None:
        case.setup(tmp_path)
    outcome = run_validate(capsys, path)
    assert outcome.code == 2, outcome.stderr
    assert len(outcome.problems) == 1, outcome.stderr
    problem = outcome.find(case.file, case.line, case.field)
    assert (problem.severity, problem.message) == ("error", MESSAGES[case.name])


@pytest.mark.parametrize("name", ["undeclared 1.234 in a semicolon CSV", "merged cells",
                                  "a quoted figure in a euro row", "1e400"])
def test_build_refuses_without_traceback_or_output(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    path = write(tmp_path, case.files)
    if case.setup is not None:
        case.setup(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = subprocess.run([sys.executable, "-m", "standgen", "build", str(path), "--out",
                             str(tmp_path / "uit")], capture_output=True, text=True,
                            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin",
                                 "XDG_CACHE_HOME": str(tmp_path / "cache")}, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{case.file}:{case.line}: " in result.stderr
    assert MESSAGES[name] in result.stderr
    assert not (tmp_path / "uit").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == before


@pytest.mark.parametrize(("report", "csv", "expected"), [
    (NL, "\ufeffid;2024;2025\r\na;1.234;2.345,5\r\nb;-12,5;1 234\r\n",
     {"a": [D(1234), D("2345.5")], "b": [D("-12.5"), D(1234)]}),
    (PLAIN, 'id,2024,2025\na,1.234,"2 345.5"\nb,\u221212.5,1\u00a0234\n',
     {"a": [D("1.234"), D("2345.5")], "b": [D("-12.5"), D(1234)]}),
    (REPORT, "id;2024;2025;;\na;21.5;-;;\nb;1 234;\u2013;;\n",
     {"a": [D("21.5"), Status.GEEN_DATA], "b": [D(1234), Status.GEEN_DATA]}),
    (NL, "sep=,\nid,2024,2025\na,\"1,5\",n.t.b.\nb,,te leveren\n",
     {"a": [D("1.5"), Status.NTB], "b": [None, Status.MISSING]}),
    (NL, 'id,2024,2025\na,"1,5",n.t.b.\nb,,te leveren\n',
     {"a": [D("1.5"), Status.NTB], "b": [None, Status.MISSING]}),
])
def test_figures_read_as_the_declared_style(tmp_path: Path, report: str, csv: str,
                                            expected: dict[str, list[object]]) -> None:
    path = write(tmp_path, {"report.yaml": report, "data.csv": csv,
                            "h1.yaml": chapter(DATA_TABLE.format(data="data.csv"))})
    assert _values(_table(path)) == expected


def test_a_table_style_overrides_the_report_style(tmp_path: Path) -> None:
    table = DATA_TABLE.format(data="data.csv").replace("    data: data.csv\n",
                                                       "    data: data.csv\n"
                                                       "    data_style: plain\n")
    path = write(tmp_path, {"report.yaml": NL, "h1.yaml": chapter(table),
                            "data.csv": "id;2024;2025\na;4.650;1\nb;2;3\n"})
    assert _values(_table(path))["a"] == [D("4.650"), D(1)]


def test_a_text_row_keeps_its_text(tmp_path: Path) -> None:
    table = DATA_TABLE.format(data="data.csv").replace("{id: b, label: B}",
                                                       "{id: b, label: B, unit: text}")
    path = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter(table),
                            "data.csv": "id;2024;2025\na;1;2\nb;Q3 2025;1.234\n"})
    assert _values(_table(path))["b"] == ["Q3 2025", "1.234"]


def test_yaml_markings_survive_a_data_file(tmp_path: Path) -> None:
    path = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter(MARKED.format(
        data="data.xlsx"))})
    xlsx([["id", 2024, 2025], ["a", 1, 2], ["b", 3, 4]])(tmp_path)
    table = _table(path)
    a, b = table.rows
    cells = a.cells_by_key(table.column_keys)
    assert (cells["2024"].value, cells["2024"].rubricering) == (D(1), None)
    assert (cells["2025"].value, cells["2025"].rubricering) == (D(2), "dep-vertrouwelijk")
    assert b.rubricering == "dep-vertrouwelijk"
    assert [c.value for c in b.cells_by_key(table.column_keys).values()] == [D(3), D(4)]


def test_a_data_file_carries_markings(tmp_path: Path) -> None:
    csv = ("id;2024;2025;rubricering\na;1 {dep-vertrouwelijk};n.t.b. {stg-geheim};\n"
           "b;3;4;dep-vertrouwelijk\n")
    path = write(tmp_path, {"report.yaml": NL, "data.csv": csv,
                            "h1.yaml": chapter(DATA_TABLE.format(data="data.csv"))})
    table = _table(path)
    a, b = table.rows
    cells = a.cells_by_key(table.column_keys)
    assert (cells["2024"].value, cells["2024"].rubricering) == (D(1), "dep-vertrouwelijk")
    assert (cells["2025"].status, cells["2025"].rubricering) == (Status.NTB, "stg-geheim")
    assert (a.rubricering, b.rubricering) == (None, "dep-vertrouwelijk")


def test_the_same_marking_in_yaml_and_file_is_accepted(tmp_path: Path) -> None:
    csv = "id;2024;2025;rubricering\na;1;2 {dep-vertrouwelijk};\nb;3;4;dep-vertrouwelijk\n"
    path = write(tmp_path, {"report.yaml": REPORT, "data.csv": csv,
                            "h1.yaml": chapter(MARKED.format(data="data.csv"))})
    table = _table(path)
    assert table.rows[0].cells_by_key(["2025"])["2025"].rubricering == "dep-vertrouwelijk"
    assert table.rows[1].rubricering == "dep-vertrouwelijk"


def test_empty_on_purpose_is_accepted(tmp_path: Path) -> None:
    block = """\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025, 2026]
    rows:
      - {id: a, values: [1, ~, 3]}
      - {id: b, values: {"2024": 1}}
"""
    path = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter(block)})
    assert _values(_table(path)) == {"a": [D(1), None, D(3)], "b": [D(1), None, None]}


@pytest.mark.parametrize(("csv", "field"), [
    ("id;2024;2025\na;1 {onbekend};2\nb;3;4\n", ".rows[0].values.2024.rubricering"),
    ("id;2024;2025;rubricering\na;1;2;onbekend\nb;3;4;\n", ".rows[0].rubricering"),
])
def test_an_unknown_level_in_a_data_file_is_located_there(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], csv: str, field: str) -> None:
    path = write(tmp_path, {"report.yaml": REPORT, "data.csv": csv,
                            "h1.yaml": chapter(DATA_TABLE.format(data="data.csv"))})
    outcome = run_validate(capsys, path)
    assert outcome.code == 1
    problem = outcome.find("data.csv", 2, "chapters[0].sections[0].topics[0].blocks[0].table"
                           + field)
    assert problem.message.startswith("unknown rubricering 'onbekend'; use one of: openbaar,")


def test_a_huge_computed_figure_is_printed_not_an_internal_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    block = """\
- table:
    id: t
    title: Tabel
    unit: {kind: number, decimals: 6}
    columns: [2025]
    rows:
      - {id: a, values: [999999999999999]}
      - {id: b, values: [0.0000000001]}
      - {id: p, unit: {kind: percent, decimals: 6}, derived: {percent_of: [a, b]}}
"""
    path = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter(block)})
    from standgen.cli import main

    assert main(["build", str(path), "--out", str(tmp_path / "uit"), "--format", "md"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    text = next((tmp_path / "uit").glob("*.md")).read_text(encoding="utf-8")
    assert "999.999.999.999.999.000.000.000.000" in text


@pytest.mark.parametrize("value", ["1.150", "10,4%", True, float("nan"), D("Infinity")])
def test_the_model_takes_no_text_or_non_finite_figure(value: object) -> None:
    from pydantic import ValidationError

    from standgen.model.values import Cell

    with pytest.raises(ValidationError, match=r"is not a number|NaN or infinity"):
        Cell.model_validate({"value": value})
    with pytest.raises(ValidationError, match=r"is not a number|NaN or infinity"):
        Cell.model_validate({"value": 5, "of": value})
