"""Every figure of a data file is printed or explicitly left out; every bad cell is reported;
derived rows and columns are computed where the file leaves them out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from standgen.errors import SourceError
from standgen.model.tables import IndicatorTable
from tests.reports import load_text, one_topic


def _table(extra: str = "", columns: str = "[2024, 2025]", data: str = "data/t.csv") -> str:
    return f"""\
        - table:
            id: t
            title: Tabel
            columns: {columns}
            data: {data}
            {extra}
            rows:
              - {{id: a, label: A}}
              - {{id: b, label: B}}
        """


def _errors(tmp_path: Path, blocks: str, files: dict[str, str]) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_text(tmp_path, one_topic(blocks), files)
    return [str(p) for p in caught.value.problems]


def _loaded_table(tmp_path: Path, blocks: str, files: dict[str, str]) -> IndicatorTable:
    report = load_text(tmp_path, one_topic(blocks), files)
    block = report.chapters[0].sections[0].topics[0].blocks[0]
    table = getattr(block, "table", block)
    assert isinstance(table, IndicatorTable)
    return table


def test_an_undeclared_row_and_column_are_refused_with_their_cells(tmp_path: Path) -> None:
    csv = "id;2024;2025;2026\na;1;2;3\nb;4;5;6\nc;7;8;9\n"
    errors = _errors(tmp_path, _table(), {"data/t.csv": csv})
    assert len(errors) == 2
    assert errors[0].startswith(f"{tmp_path / 'data/t.csv'}:4: column A: error: row 'c'")
    assert errors[1].startswith(f"{tmp_path / 'data/t.csv'}:1: column D: error: column '2026'")
    assert "data_skip" in errors[0] and "data_skip" in errors[1]


def test_an_empty_unused_row_or_column_drops_no_figure(tmp_path: Path) -> None:
    csv = "id;2024;2025;opmerking\na;1;2;\nb;4;5;\nleeg;;;\n"
    table = _loaded_table(tmp_path, _table(), {"data/t.csv": csv})
    assert [r.key for r in table.rows] == ["a", "b"]


def test_data_skip_names_what_another_table_prints(tmp_path: Path) -> None:
    csv = "id;2024;2025;2026\na;1;2;3\nb;4;5;6\nc;7;8;9\n"
    skip = 'data_skip: {rows: [c], columns: ["2026"]}'
    table = _loaded_table(tmp_path, _table(skip), {"data/t.csv": csv})
    assert table.data_skip == {"rows": ["c"], "columns": ["2026"]}
    bare = _loaded_table(tmp_path, _table("data_skip: {rows: [c], columns: [2026]}"),
                         {"data/t.csv": csv})
    assert bare.data_skip["columns"] == ["2026"]
    stale = 'data_skip: {rows: [c, d], columns: ["2026"]}'
    assert "'d' is not among the rows" in _errors(tmp_path, _table(stale),
                                                  {"data/t.csv": csv})[0]
    printed = 'data_skip: {rows: [a, c], columns: ["2026"]}'
    assert "'a' is skipped but the table prints it" in _errors(
        tmp_path, _table(printed), {"data/t.csv": csv})[0]


def test_xlsx_extra_figures_are_located_by_sheet_and_cell(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cijfers"
    for row in (["id", 2024, 2025, 2026], ["a", 1, 2, None], ["b", 3, 4, None],
                ["reserve", 5, 6, None], ["c", None, None, 9]):
        sheet.append(row)
    (tmp_path / "data").mkdir()
    book.save(tmp_path / "data" / "t.xlsx")
    errors = _errors(tmp_path, _table(data="data/t.xlsx"), {})
    assert ": sheet Cijfers, cell A4: error: row 'reserve'" in errors[0]
    assert ": sheet Cijfers, cell A5: error: row 'c'" in errors[1]
    assert ": sheet Cijfers, cell D1: error: column '2026'" in errors[2]


def test_every_bad_cell_of_a_file_is_reported(tmp_path: Path) -> None:
    csv = "id;2024;2025\na;1;1.234,5\nb;4;abc\n"
    errors = _errors(tmp_path, _table(), {"data/t.csv": csv})
    assert len(errors) == 2
    assert ":2: column C: error: '1.234,5'" in errors[0]
    assert ":3: column C: error: cell holds 'abc'" in errors[1]


def test_the_list_of_bad_cells_is_capped_and_says_how_many_more(tmp_path: Path) -> None:
    columns = list(range(2001, 2016))
    csv = "id;" + ";".join(map(str, columns)) + "\n"
    csv += "a;" + ";".join(["x"] * 15) + "\nb;" + ";".join(["y"] * 15) + "\n"
    errors = _errors(tmp_path, _table(columns=str(columns)), {"data/t.csv": csv})
    assert len(errors) == 21
    assert "and 10 more problem(s) in t.csv" in errors[-1]


def test_a_derived_column_absent_from_the_file_is_computed(tmp_path: Path) -> None:
    columns = '[2024, 2025, {id: verschil, derived: {delta: ["2024", "2025"]}}]'
    csv = "id;2024;2025\na;1;4\nb;4;5\n"
    table = _loaded_table(tmp_path, _table(columns=columns), {"data/t.csv": csv})
    from standgen.validate.derive import filled_values
    assert filled_values(table)["a"]["verschil"] == Decimal(3)


def test_a_plain_column_absent_from_the_file_is_still_refused(tmp_path: Path) -> None:
    csv = "id;2024\na;1\nb;4\n"
    errors = _errors(tmp_path, _table(), {"data/t.csv": csv})
    assert "column(s) 2025 missing in the header of t.csv" in errors[0]


def test_data_skip_without_a_data_file_is_refused(tmp_path: Path) -> None:
    blocks = """\
        - table:
            id: t
            title: Tabel
            columns: [2024]
            data_skip: {rows: [c]}
            rows:
              - {id: a, label: A, values: [1]}
        """
    assert "the table has no `data`" in _errors(tmp_path, blocks, {})[0]


def test_a_group_row_with_figures_in_the_file_is_refused(tmp_path: Path) -> None:
    blocks = """\
        - table:
            id: t
            title: Tabel
            columns: [2024]
            data: data/t.csv
            rows:
              - {id: kop, label: Kop, role: group}
              - {id: a, label: A}
        """
    errors = _errors(tmp_path, blocks, {"data/t.csv": "id;2024\nkop;5\na;1\n"})
    assert ":2: column A: error: row 'kop'" in errors[0] and "group row" in errors[0]


def test_bad_cells_of_one_file_feeding_two_tables_are_all_reported(tmp_path: Path) -> None:
    csv = "id;2024;2025\na;x;2\nb;4;5\nc;7;y\n"
    first = _table('data_skip: {rows: [c]}').replace("id: t\n", "id: t1\n")
    second = """\
        - table:
            id: t2
            title: Tweede
            columns: [2024, 2025]
            data: data/t.csv
            data_skip: {rows: [a, b]}
            rows:
              - {id: c, label: C}
        """
    errors = _errors(tmp_path, first.rstrip(" ") + second, {"data/t.csv": csv})
    assert [e.split(": error")[0].rsplit("/", 1)[1] for e in errors] == [
        "t.csv:2: column B", "t.csv:4: column C"]
