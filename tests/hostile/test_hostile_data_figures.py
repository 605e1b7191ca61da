"""The outside attack on "no figure is ever misread or dropped silently", as small projects
through `standgen build`: refused with a located message and nothing written, or built with
every figure under the header that names its column."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from tests.hostile.guard import Run, run_cli
from tests.reports import one_topic, write_report

PCT = """\
      - id: percentage
        label: "% realisatie"
        unit: {kind: percent, decimals: 1}
        derived: {percent_of: [realisatie, plan]EXTRA}
"""


def _project(folder: Path, columns: str, data: str, csv: str | None,
             pct: str | None = None) -> Path:
    blocks = f"""\
- table:
    id: instroom
    title: Instroom
    columns: {columns}
    data: {data}
    rows:
      - {{id: realisatie, label: Realisatie instroom, role: realisatie}}
      - {{id: plan, label: Plancijfer instroom, role: plan}}
"""
    if pct is not None:
        blocks += PCT.replace("EXTRA", pct)
    return write_report(folder, one_topic(blocks),
                        {"data/instroom.csv": csv} if csv is not None else None)


def _build(tmp_path: Path, main: Path, *formats: str) -> tuple[Run, Path]:
    out = tmp_path / "out"
    args = ["build", str(main), "--out", str(out)]
    for name in formats:
        args += ["--format", name]
    run = run_cli(args)
    run.assert_bounded()
    assert "Traceback" not in run.output
    return run, out


def _refused(tmp_path: Path, main: Path) -> str:
    run, out = _build(tmp_path, main)
    assert run.code in (1, 2), run.output
    assert not out.exists() or not any(out.iterdir())
    return run.stderr


def test_a_csv_row_and_column_the_table_does_not_print_are_refused(tmp_path: Path) -> None:
    csv = "rij;2023;2024;2025;2026\nrealisatie;3400;3900;4500;4700\nplan;4300;4800;5200;5300\n"
    csv += "uitstroom;100;200;300;400\n"
    main = _project(tmp_path, "[2023, 2024, 2025]", "data/instroom.csv", csv)
    stderr = _refused(tmp_path, main)
    data = tmp_path / "data" / "instroom.csv"
    assert f"{data}:4: column A: error: row 'uitstroom'" in stderr
    assert f"{data}:1: column E: error: column '2026'" in stderr


def test_an_xlsx_row_and_column_the_table_does_not_print_are_refused(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Financien"
    for row in (["rij", 2023, 2024, 2025, 2026], ["realisatie", 1, 2, 3, 4],
                ["plan", 5, 6, 7, 8], ["reserve", 9, 9, 9, 9]):
        sheet.append(row)
    (tmp_path / "data").mkdir()
    book.save(tmp_path / "data" / "fin.xlsx")
    main = _project(tmp_path, "[2023, 2024, 2025]", "data/fin.xlsx", None)
    stderr = _refused(tmp_path, main)
    assert "sheet Financien, cell A4: error: row 'reserve'" in stderr
    assert "sheet Financien, cell E1: error: column '2026'" in stderr


def test_every_bad_cell_of_a_file_is_named(tmp_path: Path) -> None:
    csv = "rij;2023;2024;2025\nrealisatie;3400;1.234,5;4500\nplan;4300;4800;abc\n"
    main = _project(tmp_path, "[2023, 2024, 2025]", "data/instroom.csv", csv)
    stderr = _refused(tmp_path, main)
    data = tmp_path / "data" / "instroom.csv"
    assert f"{data}:2: column C:" in stderr and f"{data}:3: column D:" in stderr


DELTA = ('[2023, 2024, 2025, {id: verschil, label: Verschil, '
         'derived: {delta: ["2024", "2025"]EXTRA}}]')
FIGURES = "rij;2023;2024;2025\nrealisatie;3400;3900;4500\nplan;4300;4800;5200\n"


def test_a_percentage_row_under_a_delta_column_is_not_guessed(tmp_path: Path) -> None:
    main = _project(tmp_path, DELTA.replace("EXTRA", ""), "data/instroom.csv", FIGURES, pct="")
    stderr = _refused(tmp_path, main)
    assert "meets derived column 'verschil'" in stderr and "crossing" in stderr


def test_an_absent_derived_column_is_computed_and_deltas_carry_their_sign(
        tmp_path: Path) -> None:
    columns = DELTA.replace("EXTRA", ", crossing: empty")
    main = _project(tmp_path, columns, "data/instroom.csv", FIGURES, pct="")
    run, out = _build(tmp_path, main, "md")
    assert run.code == 0, run.output
    table = [line for line in next(out.glob("*.md")).read_text(encoding="utf-8").splitlines()
             if line.startswith("|")]
    assert table[0] == "|  | 2023 | 2024 | 2025 | Verschil |"
    assert table[2] == "| Realisatie instroom | 3.400 | 3.900 | 4.500 | +600 |"
    assert table[4] == "| % realisatie | 79,1% | 81,3% | 86,5% |  |"


def test_a_two_level_header_names_each_figures_column_in_markdown(tmp_path: Path) -> None:
    columns = ('[{year: 2023, group: Realisatie}, {year: 2024, group: Realisatie}, '
               '{id: p25, label: Plan, group: "2025"}]')
    csv = "rij;2023;2024;p25\nrealisatie;3400;3900;4500\nplan;4300;4800;5200\n"
    main = _project(tmp_path, columns, "data/instroom.csv", csv)
    run, out = _build(tmp_path, main, "md")
    assert run.code == 0, run.output
    table = [line for line in next(out.glob("*.md")).read_text(encoding="utf-8").splitlines()
             if line.startswith("|")]
    assert table[0] == "|  | Realisatie 2023 | Realisatie 2024 | 2025 Plan |"
    assert table[2] == "| Realisatie instroom | 3.400 | 3.900 | 4.500 |"
