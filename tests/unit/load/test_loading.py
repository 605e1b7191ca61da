"""Loading well-formed sources: includes, line numbers, exact decimals, CSV and XLSX data."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from standgen.errors import Location, SourceError
from standgen.load import load_report
from standgen.load.numbers import Style
from standgen.load.tabular import cell_input, looks_like_mistyped_number, read_grid
from standgen.model.values import Status
from tests.unit.load.support import REPORT, chapter, write

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "fixtures" / "example"
AT = Location(None, None, "data")
NL, PLAIN = Style("nl", declared=True), Style("plain", declared=True)


def test_example_loads_with_its_data_files() -> None:
    report = load_report(EXAMPLE / "report.yaml")
    assert [c.number for c in report.chapters] == [1, 2]
    instroom = report.chapters[0].sections[0].topics[0].blocks[1]
    table = instroom.table
    assert table.rows[0].cells_by_key(table.column_keys)["2025"].value == D(4500)
    onderdelen = report.chapters[0].sections[0].topics[1].blocks[0].table
    totals = onderdelen.rows[4].cells_by_key(onderdelen.column_keys)
    assert totals["tijdelijk-2026"].value == D(6150)


def test_included_nodes_know_their_file_and_lines() -> None:
    report = load_report(EXAMPLE / "report.yaml")
    chapter_two = report.chapters[1]
    assert chapter_two.source is not None
    assert chapter_two.source.file == (EXAMPLE / "hoofdstuk-2.yaml").resolve()
    lines = (EXAMPLE / "hoofdstuk-2.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[chapter_two.source.key_lines["title"] - 1].startswith("title:")


def test_decimals_keep_their_written_precision(tmp_path: Path) -> None:
    path = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter("""\
        - table:
            id: t
            title: T
            columns: [2024, 2025]
            rows:
              - {id: a, values: [2.0, 1.420]}
        """)})
    report = load_report(path)
    table = report.chapters[0].sections[0].topics[0].blocks[0].table
    values = [c.value for c in table.rows[0].values]
    assert [str(v) for v in values] == ["2.0", "1.420"]


def test_csv_with_dutch_numbers_commas_and_blank_lines(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text('id,2024,2025\n\na,"1.234,5",n.t.b.\nb,7,Vertraagd\n', encoding="utf-8")
    grid, lines = read_grid(data, None, AT)
    assert grid["a"] == {"2024": "1.234,5", "2025": "n.t.b."}
    assert cell_input(grid["a"]["2024"], True, NL, AT) == D("1234.5")
    assert cell_input(grid["a"]["2025"], True, NL, AT) == "n.t.b."
    assert cell_input(grid["b"]["2025"], False, NL, AT) == "Vertraagd"
    assert lines == {"a": 3, "b": 4}


def test_csv_duplicate_row_id_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("id;2025\na;1\na;2\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        read_grid(data, None, AT)
    problem = caught.value.problems[0]
    assert (problem.location.line, problem.location.field) == (3, "column A")
    assert "appears twice" in problem.message


def test_xlsx_values_and_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "eerste"
    other = book.create_sheet("cijfers")
    other.append(["id", 2024, 2025])
    other.append(["a", 1.5, "n.v.t."])
    book.save(tmp_path / "d.xlsx")
    grid, _ = read_grid(tmp_path / "d.xlsx", "cijfers", AT)
    assert grid == {"a": {"2024": D("1.5"), "2025": "n.v.t."}}
    with pytest.raises(SourceError, match="sheet 'ontbreekt' not found"):
        read_grid(tmp_path / "d.xlsx", "ontbreekt", AT)
    with pytest.raises(SourceError, match=r"2 sheets \(eerste, cijfers\).*'sheet: NAME'"):
        read_grid(tmp_path / "d.xlsx", None, AT)


def test_not_a_zip_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d.xlsx").write_text("geen spreadsheet", encoding="utf-8")
    with pytest.raises(SourceError, match="not a valid XLSX"):
        read_grid(tmp_path / "d.xlsx", None, AT)


@pytest.mark.parametrize(("raw", "style", "expected"), [
    (None, NL, None), ("", NL, None), (D(3), NL, D(3)), ("1.234,5", NL, D("1234.5")),
    ("12.5", PLAIN, D("12.5")), ("-7", NL, D(-7)), ("n.t.b.", NL, "n.t.b."), ("-", NL, "-"),
    ("1 234", PLAIN, D(1234)),
])
def test_cell_input(raw: object, style: Style, expected: object) -> None:
    assert cell_input(raw, True, style, AT) == expected


@pytest.mark.parametrize("raw", ["=SUM(A1:A2)", "#REF!", "#DIV/0!", "Op schema", "nan"])
def test_cell_input_refuses_formulas_errors_and_words_in_number_rows(raw: object) -> None:
    with pytest.raises(SourceError):
        cell_input(raw, True, NL, AT)


@pytest.mark.parametrize(("text", "mistyped"), [
    ("12O3", True), ("4,5x", True), ("n.t.b", False), ("Top 10", False), ("Q3 2025", False),
    ("Vertraagd", False),
])
def test_mistyped_numbers(text: str, mistyped: bool) -> None:
    assert looks_like_mistyped_number(text) is mistyped


def test_status_words_become_statuses(tmp_path: Path) -> None:
    path = write(tmp_path, {"report.yaml": REPORT, "h1.yaml": chapter("""\
        - table:
            id: t
            title: T
            columns: [2024, 2025]
            rows:
              - {id: a, values: [n.t.b., "-"]}
        """)})
    table = load_report(path).chapters[0].sections[0].topics[0].blocks[0].table
    assert [c.status for c in table.rows[0].values] == [Status.NTB, Status.GEEN_DATA]
