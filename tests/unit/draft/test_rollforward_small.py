"""Roll-forward on small sources: a second roll, XLSX data, list rows, refused outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from standgen.draft import DraftError, roll_forward
from standgen.load import load_report
from standgen.model.tables import IndicatorTable
from standgen.model.values import Status
from standgen.validate.checks import validate_report
from standgen.validate.walk import walk
from tests.reports import one_topic, write_report

BLOCKS = """\
- toelichting: Het aantal steeg.
- table:
    id: inline
    title: Inline
    columns: [2024, 2025, {role: norm}]
    rows:
      - {id: a, label: A, values: [1, 2, 5]}
      - {id: b, label: B, role: doel, values: [3, 4, ~]}
      - {id: t, label: T, role: total, derived: {sum: [a]}, values: [1, 2]}
- table:
    id: sheet
    title: Uit een werkblad
    columns: [2024, 2025]
    data: data/cijfers.xlsx
    data_skip: {columns: [opmerking]}
    rows:
      - {id: x, label: X}
      - {id: y, label: Y, role: norm}
"""


def _tables(path: Path) -> dict[str, IndicatorTable]:
    return {n.id: n for _, n in walk(load_report(path)) if isinstance(n, IndicatorTable)}


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    main = write_report(tmp_path / "src", one_topic(BLOCKS))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["id", 2024, 2025, "opmerking"], ["x", 10, 11, "bron"], ["y", 20, 20, None]):
        sheet.append(row)
    (main.parent / "data").mkdir()
    book.save(main.parent / "data" / "cijfers.xlsx")
    return main


def test_inline_rows_and_xlsx_data_get_the_new_year(source: Path, tmp_path: Path) -> None:
    result = roll_forward(source, tmp_path / "out", "najaar 2026")
    tables = _tables(result.report)
    inline = tables["inline"]
    assert inline.column_keys == ["2024", "2025", "2026", "norm"]
    cells = {r.key: r.cells_by_key(inline.column_keys) for r in inline.rows}
    assert cells["a"]["2026"].status is Status.MISSING and cells["a"]["norm"].value == 5
    assert cells["b"]["2026"].value == 4
    assert cells["t"]["2026"].is_empty
    sheet = load_workbook(result.report.parent / "data" / "cijfers.xlsx").active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["id", 2024, 2025, "opmerking", "2026"]
    assert [c.value for c in sheet[2]][-1] == "te leveren"
    assert [c.value for c in sheet[3]][-1] == 20
    missing = [p for p in validate_report(load_report(result.report)).items
               if p.code == "value-missing"]
    assert len(missing) == result.missing_cells == 2
    places = sorted((p.location.file.name, p.location.line) for p in missing
                    if p.location.file is not None and p.location.line is not None)
    assert places[0] == ("cijfers.xlsx", 2) and places[1][0] == "report.yaml"


def test_second_roll_keeps_the_year_and_resets_half_year_figures(source: Path,
                                                                 tmp_path: Path) -> None:
    first = roll_forward(source, tmp_path / "najaar", "najaar 2026")
    main = first.report
    text = main.read_text(encoding="utf-8").replace("[1, 2, te leveren, 5]", "[1, 2, 7, 5]")
    main.write_text(text, encoding="utf-8")
    second = roll_forward(main, tmp_path / "voorjaar", "voorjaar 2027")
    assert second.report_year == 2026
    inline = _tables(second.report)["inline"]
    assert inline.column_keys == ["2024", "2025", "2026", "norm"]
    row = inline.rows[0].cells_by_key(inline.column_keys)
    assert row["2026"].status is Status.MISSING and row["2025"].value == 2
    written = second.report.read_text(encoding="utf-8")
    assert written.count("# TE HERZIEN (overgenomen uit najaar 2026)") == 1
    assert "overgenomen uit voorjaar 2026" not in written


def test_output_must_be_new_or_empty_and_apart(source: Path, tmp_path: Path) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DraftError, match="not empty"):
        roll_forward(source, busy, "najaar 2026")
    with pytest.raises(DraftError, match="overlaps"):
        roll_forward(source, source.parent / "next", "najaar 2026")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert roll_forward(source, empty, "najaar 2026").report == empty / "report.yaml"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
