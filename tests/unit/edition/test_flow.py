"""Levels flow with values: no public figure is computed from a confidential one.

Each test builds a small report with one confidential input and asserts the exact outcome
in the composed openbaar tree: the figure withheld (with the standard sentence), recomputed
from what remains (with the recomputed mark and sentence), or a located error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.cli import main
from standgen.compose import compose_document, dump_document
from standgen.errors import SourceError
from standgen.model.report import Report
from tests.reports import load_text, one_topic

WITHHELD = "note — Opgenomen in de vertrouwelijke bijlage."
RECOMPUTED = ("note h Herberekend zonder de vertrouwelijke gegevens; het volledige cijfer is "
              "opgenomen in de vertrouwelijke bijlage.")
SECRET = "rubricering: dep-vertrouwelijk"


def _table(rows: str, columns: str = "[2024, 2025]", extra: str = "") -> str:
    body = "\n".join("      " + line for line in rows.strip().splitlines())
    return f"""\
- table:
    id: t
    title: T
    columns: {columns}
    rows:
{body}
{extra}"""


def _lines(report: Report, edition: str = "openbaar") -> list[str]:
    text = dump_document(compose_document(report, edition))  # type: ignore[arg-type]
    return [line.strip() for line in text.splitlines()]


def _body(report: Report, edition: str = "openbaar") -> list[str]:
    """The body rows and notes of the report's only table."""
    return [line for line in _lines(report, edition)
            if line.startswith(("data ", "total ", "subtotal|", "note "))]


def test_literal_total_after_a_secret_row_is_recomputed_and_marked(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [7, 8], {SECRET}}}
- {{id: tot, label: Totaal, role: total, values: [17, 20]}}""")))
    assert _body(report) == ["data    | A | 10 (r) | 12 (r)",
                             "total   | Totaal | 10^h^ (r) | 12^h^ (r)", RECOMPUTED]
    assert _body(report, "vertrouwelijk")[-1] == "total   | Totaal | 17 (r) | 20 (r)"


def test_sum_row_over_a_secret_cell_is_recomputed_per_column(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [7, {{value: 8, {SECRET}}}]}}
- {{id: som, label: Som, derived: {{sum: [a, b]}}}}""")))
    assert _body(report) == ["data    | A | 10 (r) | 12 (r)", "data    | B | 7 (r) | — (r)",
                             "data    | Som | 17 (r) | 12^h^ (r)", WITHHELD, RECOMPUTED]


def test_percentage_of_a_secret_row_is_withheld(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [5, 6], {SECRET}}}
- {{id: pct, label: B als % van A, derived: {{percent_of: [b, a]}}, values: [50, 50]}}""")))
    assert _body(report) == ["data    | A | 10 (r) | 12 (r)",
                             "data    | B als % van A | — (r) | — (r)", WITHHELD]


def test_delta_row_from_a_secret_row_is_withheld(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: plan, label: Plan, values: [10, 12]}}
- {{id: real, label: Realisatie, values: [9, 13], {SECRET}}}
- {{id: d, label: Verschil, role: delta, derived: {{delta: [plan, real]}}}}""")))
    assert _body(report) == ["data    | Plan | 10 (r) | 12 (r)",
                             "data    | Verschil | — (r) | — (r)", WITHHELD]


def test_delta_column_over_a_secret_cell_is_withheld_in_that_row_only(tmp_path: Path) -> None:
    columns = '[2024, 2025, {id: d, role: delta, derived: {delta: ["2024", "2025"]}}]'
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [7, {{value: 9, {SECRET}}}]}}""", columns)))
    assert _body(report) == ["data    | A | 10 (r) | 12 (r) | +2 (r)",
                             "data    | B | 7 (r) | — (r) | — (r)", WITHHELD]


def test_difference_with_a_secret_operand_is_withheld(tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [4, 5], {SECRET}}}
- {{id: v, label: A min B, derived: {{difference: [a, b]}}}}""")))
    assert _body(report) == ["data    | A | 10 (r) | 12 (r)",
                             "data    | A min B | — (r) | — (r)", WITHHELD]


def test_subtotal_over_a_secret_row_is_recomputed_and_the_other_is_kept(
        tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [1, 2]}}
- {{id: b, label: B, values: [3, 4], {SECRET}}}
- {{id: s1, label: Subtotaal 1, role: subtotal, values: [4, 6]}}
- {{id: c, label: C, values: [5, 6]}}
- {{id: s2, label: Subtotaal 2, role: subtotal, values: [5, 6]}}
- {{id: tot, label: Totaal, role: total, derived: {{sum: [s1, s2]}}, values: [9, 12]}}""")))
    assert _body(report) == [
        "data    | A | 1 (r) | 2 (r)", "subtotal| Subtotaal 1 | 1^h^ (r) | 2^h^ (r)",
        "data    | C | 5 (r) | 6 (r)", "subtotal| Subtotaal 2 | 5 (r) | 6 (r)",
        "total   | Totaal | 6^h^ (r) | 8^h^ (r)", RECOMPUTED]


def test_nested_delta_of_a_sum_over_a_secret_row_is_recomputed(tmp_path: Path) -> None:
    columns = '[2024, 2025, {id: d, role: delta, derived: {delta: ["2024", "2025"]}}]'
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [7, 1], {SECRET}}}
- {{id: tot, label: Totaal, role: total, derived: {{sum: above}}, values: [17, 13, -4]}}
- {{id: pct, label: Aandeel A, derived: {{percent_of: [a, tot]}}}}""", columns)))
    assert _body(report) == [
        "data    | A | 10 (r) | 12 (r) | +2 (r)",
        "total   | Totaal | 10^h^ (r) | 12^h^ (r) | +2^h^ (r)",
        "data    | Aandeel A | 100,0^h^ (r) | 100,0^h^ (r) | 0,0^h^ (r)", RECOMPUTED]
    assert not any("-4" in line or "13" in line for line in _lines(report))


def test_literal_percentage_row_is_withheld_once_its_column_lost_a_row(
        tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: plan, label: Plan, values: [10, 12]}}
- {{id: real, label: Realisatie, values: [9, {{value: 6, {SECRET}}}]}}
- {{id: pct, label: "% realisatie", role: percentage, values: [90, 50]}}""")))
    assert _body(report) == [
        "data    | Plan | 10 (r) | 12 (r)", "data    | Realisatie | 9 (r) | — (r)",
        "data    | % realisatie | 90 (r) | — (r)", WITHHELD]


CHART = """\
- figure:
    id: f
    title: Verloop
    chart: {type: line, table: t, rows: [a, b, tot]}"""


def test_chart_from_a_table_with_a_secret_row_draws_only_public_figures(
        tmp_path: Path) -> None:
    report = load_text(tmp_path, one_topic(_table(f"""
- {{id: a, label: Alfa, values: [10, 12]}}
- {{id: b, label: Bravo, values: [7, 8], {SECRET}}}
- {{id: tot, label: Totaal, role: total, values: [17, 20]}}""") + "\n" + CHART))
    (alt,) = [line for line in _lines(report) if line.startswith("alt 'Lijndiagram")]
    assert "Alfa" in alt and "12" in alt
    assert "Bravo" not in alt
    for secret in ("17", "naar 20", " 7", " 8"):
        assert secret not in alt
    (full,) = [line for line in _lines(report, "vertrouwelijk")
               if line.startswith("alt 'Lijndiagram")]
    assert "Bravo" in full and "naar 20" in full


TEXT_TABLE = _table(f"""
- {{id: a, label: A, values: [10, 12]}}
- {{id: b, label: B, values: [7, 8], {SECRET}}}
- {{id: tot, label: Totaal, role: total, values: [17, 20]}}""")


@pytest.mark.parametrize("edition", ["openbaar", "vertrouwelijk"])
@pytest.mark.parametrize("text", [
    "Verschil {{ waarde('t', 'tot', 2025).getal - waarde('t', 'a', 2025).getal }}.",
    "{% if waarde('t', 'b', 2025) > 5 %}veel{% else %}weinig{% endif %}",
    "{{ (waarde('t', 'b', 2025).getal * 2)|round|int|string|upper }}",
    "{{ [waarde('t', 'b', 2025).getal, 3]|max }}",
    "{{ waarde('t', 'b', 2025).getal is none }}",
    "{{ 8 in [waarde('t', 'b', 2025).getal] }}",
    "{{ waarde('t', 'b', 2025)|getal }}",
])
def test_public_text_using_a_secret_value_is_a_located_error_in_every_edition(
        tmp_path: Path, text: str, edition: str) -> None:
    report = load_text(tmp_path, one_topic(TEXT_TABLE + f'- text: "{text}"\n'))
    with pytest.raises(SourceError) as caught:
        compose_document(report, edition)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.location.file == (tmp_path / "report.yaml").resolve()
    assert problem.location.line == 27
    assert problem.location.field.endswith("blocks[1].text")
    assert "is dep-vertrouwelijk, but this text is openbaar" in problem.message
    assert "give the text rubricering dep-vertrouwelijk" in problem.message


def test_secret_text_using_secret_values_prints_in_vertrouwelijk_only(tmp_path: Path) -> None:
    text = ("{text: \"Geheim: {{ waarde('t', 'b', 2025) }}, rest "
            "{{ waarde('t', 'tot', 2025).getal - waarde('t', 'b', 2025).getal }}.\", "
            f"{SECRET}}}")
    report = load_text(tmp_path, one_topic(TEXT_TABLE + f"- text: {text}\n"))
    assert "p[body] Geheim: 8, rest 12." in _lines(report, "vertrouwelijk")
    assert not any("Geheim" in line for line in _lines(report))


def test_public_text_using_public_values_still_computes(tmp_path: Path) -> None:
    text = "A steeg met {{ (waarde('t', 'a', 2025) - waarde('t', 'a', 2024))|getal }}."
    report = load_text(tmp_path, one_topic(TEXT_TABLE + f'- text: "{text}"\n'))
    assert "p[body] A steeg met 2." in _lines(report)


def test_validate_lists_what_each_edition_settles(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    load_text(tmp_path, one_topic(TEXT_TABLE))
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "report.yaml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "info: openbaar: table 't', row 'tot', column '2024' (total) is computed from "
        "confidential row 'b', column '2024': recomputed without it",
        "info: openbaar: table 't', row 'tot', column '2025' (total) is computed from "
        "confidential row 'b', column '2025': recomputed without it"]
