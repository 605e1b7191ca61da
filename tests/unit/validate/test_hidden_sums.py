"""Undeclared totals in a table that loses figures in the openbaar are refused at their row."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.errors import Problem, SourceError
from standgen.validate import validate_report
from tests.reports import load_text, one_topic

CODES = ("undeclared-total", "total-label", "withheld-sum")


def _problems(tmp_path: Path, rows: str, columns: str = "[2023, 2024, 2025]",
              unit: str = "count") -> list[Problem]:
    indented = "\n".join("        " + line for line in rows.strip().splitlines())
    blocks = f"""\
- table:
    id: t
    title: Instroom
    unit: {unit}
    columns: {columns}
    rows:
{indented}
"""
    report = load_text(tmp_path, one_topic(blocks))
    return [p for p in validate_report(report).errors if p.code in CODES]


def test_a_total_without_a_role_that_adds_a_withheld_row_is_refused_at_its_row(
        tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, """\
- {id: a, label: Realisatie, values: [3400, 3900, 4500]}
- {id: p, label: Plan, values: [4300, 4800, 5200]}
- {id: geheim, label: Bijzonder, values: [100, 120, 130], rubricering: dep-vertrouwelijk}
- {id: totaal, label: Totaal, values: [3500, 4020, 4630]}
""")
    assert problem.code == "undeclared-total"
    assert problem.location.field.endswith("table.rows[3].label")
    assert problem.location.line is not None and problem.location.file is not None
    assert "derived: {sum: [a, geheim]}" in problem.message
    assert "not_a_total" in problem.message and "Bijzonder" in problem.message


def test_the_declared_total_and_a_declared_coincidence_pass(tmp_path: Path) -> None:
    rows = """\
- {id: a, label: Realisatie, values: [3400, 3900, 4500]}
- {id: geheim, label: Bijzonder, values: [100, 120, 130], rubricering: dep-vertrouwelijk}
- {id: totaal, label: Totaal, %s, values: [3500, 4020, 4630]}
"""
    assert _problems(tmp_path, rows % "role: total") == []
    assert _problems(tmp_path, rows % "derived: {sum: [a, geheim]}") == []
    assert _problems(tmp_path, rows % "not_a_total: toevallig gelijk aan de som") == []


def test_rounded_figures_still_match_the_sum(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, """\
- {id: a, label: Deel A, values: [1.2, 2.5]}
- {id: geheim, label: Deel B, values: [2.3, 0.4], rubricering: dep-vertrouwelijk}
- {id: som, label: Alles samen, values: [3.6, 2.8]}
""", columns="[2024, 2025]", unit="{kind: euro, scale: miljard}")
    assert problem.code == "undeclared-total" and "rows[2]" in problem.location.field


def test_a_column_that_adds_a_withheld_cell_is_refused_at_its_column(tmp_path: Path) -> None:
    problems = _problems(tmp_path, """\
- {id: a, label: Leger, values: [100, 250, 350]}
- {id: b, label: Marine, values: [{value: 170, rubricering: dep-vertrouwelijk}, 230, 400]}
- {id: c, label: Lucht, values: [90, 110, 200]}
""", columns="[Noord, Zuid, Samen]")
    assert [p.code for p in problems] == ["undeclared-total"]
    assert problems[0].location.field.endswith("table.columns[2].label") or \
        "columns" in problems[0].location.field
    assert "column 'Samen'" in problems[0].message


def test_a_total_label_without_a_role_is_refused_when_its_figures_are_no_sum(
        tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, """\
- {id: a, label: Realisatie, values: [3400, 3900, 4500]}
- {id: geheim, label: Bijzonder, values: [100, 120, 130], rubricering: dep-vertrouwelijk}
- {id: s, label: Subtotaal eenheden, values: [7777, 8888, 9999]}
""")
    assert problem.code == "total-label" and problem.location.field.endswith("rows[2].label")
    assert "role: total" in problem.message and "not_a_total" in problem.message


def test_tables_that_lose_nothing_are_not_checked(tmp_path: Path) -> None:
    assert _problems(tmp_path, """\
- {id: a, label: Realisatie, values: [3400, 3900, 4500]}
- {id: b, label: Bijzonder, values: [100, 120, 130]}
- {id: totaal, label: Totaal, values: [3500, 4020, 4630]}
""") == []


def test_a_difference_that_gives_a_withheld_row_away_is_refused(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, """\
- {id: bruto, label: Bruto, values: [5000, 5200]}
- {id: aftrek, label: Aftrek, values: [321, 456], rubricering: dep-vertrouwelijk}
- {id: netto, label: Netto, values: [4679, 4744]}
""", columns="[2024, 2025]")
    assert "row 'Bruto'" in problem.message and "aftrek" in problem.message


def _long(extra: str) -> str:
    rows = [f"- {{id: r{i}, label: R{i}, values: [{100 + 7 * i}, {300 + 11 * i}]"
            + (", rubricering: dep-vertrouwelijk}" if i == 33 else "}") for i in range(40)]
    return "\n".join(rows) + "\n" + extra


def test_in_a_long_table_a_subtotal_of_a_run_and_a_total_of_all_are_found(
        tmp_path: Path) -> None:
    last = [sum(100 + 7 * i for i in range(30, 40)), sum(300 + 11 * i for i in range(30, 40))]
    everything = [sum(100 + 7 * i for i in range(40)), sum(300 + 11 * i for i in range(40))]
    (run,) = _problems(tmp_path, _long(f"- {{id: s, label: Laatste tien, values: {last}}}"),
                       columns="[2024, 2025]")
    assert "row 'Laatste tien'" in run.message and "R30, R31, R32, … (5 more)" in run.message
    (whole,) = _problems(tmp_path, _long(f"- {{id: s, label: Alles, values: {everything}}}"),
                         columns="[2024, 2025]")
    assert "row 'Alles'" in whole.message and "(35 more)" in whole.message
    assert _problems(tmp_path, _long("- {id: s, label: Anders, values: [1234, 5678]}"),
                     columns="[2024, 2025]") == []


def test_a_total_label_is_refused_also_when_only_a_note_is_confidential(tmp_path: Path
                                                                       ) -> None:
    report = load_text(tmp_path, one_topic("""\
- table:
    id: t
    title: Instroom
    columns: [2024, 2025]
    notes:
      - {text: "Exclusief de bijzondere eenheid.", rubricering: dep-vertrouwelijk}
    rows:
      - {id: a, label: Realisatie, values: [3400, 3900]}
      - {id: s, label: Totaal, values: [3400, 3900]}
"""))
    (problem,) = [p for p in validate_report(report).errors if p.code in CODES]
    assert problem.code == "total-label" and problem.location.field.endswith("rows[1].label")


_UNITS = """\
- {id: a, label: Eenheid A, values: [1234, 1357]}
- {id: b, label: Eenheid B, values: [2345, 2468], rubricering: dep-vertrouwelijk}
- {id: c, label: Eenheid C, values: [3456, 3579]}
"""


def test_a_declared_total_whose_typed_figure_is_kept_is_searched_like_a_typed_row(
        tmp_path: Path) -> None:
    for derived in ("derived: {sum: [a, c], tolerance: 5000}", "derived: {sum: [a, c]}",
                    "derived: {difference: [c, a], tolerance: 100000}"):
        (problem,) = _problems(tmp_path, _UNITS + "- {id: tot, label: Totaal, role: total, "
                               + derived + ", values: [7035, 7404]}", columns="[2024, 2025]")
        assert problem.code == "undeclared-total" and problem.location.field.endswith(
            "rows[3].label")
        assert "derived: {sum: [a, b, c]}" in problem.message and "Eenheid B" in problem.message
    recomputed = _UNITS + "- {id: tot, label: Totaal, derived: {sum: [a, b, c]}, " \
        "values: [7035, 7404]}"
    assert _problems(tmp_path, recomputed, columns="[2024, 2025]") == []


def test_any_word_of_the_label_that_says_total_is_a_total_label(tmp_path: Path) -> None:
    for label in ("Totalen", "Tot.", "Eenheden totaal", "Totaalcijfer", "**Totaal**",
                  "Eindtotaal", "Som", "Σ"):
        (problem,) = _problems(tmp_path, _UNITS + f"- {{id: s, label: '{label}', "
                               "values: [1, 2]}", columns="[2024, 2025]")
        assert problem.code == "total-label", label
    for label in ("Tot 2025 ingestroomd", "Somalië", "Eenheid D"):
        assert _problems(tmp_path, _UNITS + f"- {{id: s, label: '{label}', "
                         "values: [1, 2]}", columns="[2024, 2025]") == [], label


def test_a_blank_not_a_total_reason_is_refused_at_the_field(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        _problems(tmp_path, _UNITS + "- {id: s, label: Alle, not_a_total: ' ', "
                  "values: [7035, 7404]}", columns="[2024, 2025]")
    text = str(caught.value)
    assert "rows[3].not_a_total" in text and "reason" in text and ":" in text


def test_a_withheld_row_that_printed_rows_add_up_to_is_refused_at_its_row(
        tmp_path: Path) -> None:
    rows = """\
- {id: bruto, label: Bruto, values: [5000, 5200], rubricering: dep-vertrouwelijk%s}
- {id: aftrek, label: Aftrek, values: [1234, 1357]}
- {id: netto, label: Netto, values: [3766, 3843]}
"""
    (problem,) = _problems(tmp_path, rows % "", columns="[2024, 2025]")
    assert problem.code == "withheld-sum" and problem.location.field.endswith(
        "rows[0].label")
    assert problem.location.file is not None and problem.location.line is not None
    assert "Aftrek, Netto" in problem.message and "rubricering" in problem.message
    assert _problems(tmp_path, rows % ", not_a_total: toevallig", columns="[2024, 2025]") \
        == []
    assert _problems(tmp_path, (rows % "").replace("3843", "3850"),
                     columns="[2024, 2025]") == []


def test_a_withheld_cell_that_a_printed_difference_column_gives_away_is_refused(
        tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, """\
- {id: a, label: Eenheid A, values: [1234, 1357, 123]}
- {id: b, label: Eenheid B, values: [2345, {value: 2468, rubricering: dep-vertrouwelijk}, 123]}
- {id: c, label: Eenheid C, values: [3456, 3579, 123]}
""", columns="[2024, 2025, {id: groei, label: Groei}]")
    assert problem.code == "withheld-sum" and problem.location.field.endswith(
        "rows[1].label")
    assert "column '2025'" in problem.message and "2024, Groei" in problem.message


def test_a_total_in_another_unit_of_the_same_kind_is_still_searched(tmp_path: Path) -> None:
    number = _UNITS + "- {id: tot, label: Alle eenheden, unit: number, values: [7035, 7404]}"
    (problem,) = _problems(tmp_path, number, columns="[2024, 2025]")
    assert problem.code == "undeclared-total" and "Eenheid B" in problem.message
    euro = "\n".join(line.replace("values:", "unit: {kind: euro, scale: duizend}, values:")
                     for line in _UNITS.splitlines()) + "\n" + \
        "- {id: tot, label: Alle eenheden, unit: {kind: euro, scale: miljoen}, " \
        "values: [7.035, 7.404]}"
    (problem,) = _problems(tmp_path, euro, columns="[2024, 2025]")
    assert problem.code == "undeclared-total" and problem.location.field.endswith(
        "rows[3].label")
    percent = _UNITS + "- {id: tot, label: Alle eenheden, unit: percent, values: [7035, 7404]}"
    assert _problems(tmp_path, percent, columns="[2024, 2025]") == []
