"""Hostile sources against level flow, kept because each found (or nearly found) a hole."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.cli import main
from standgen.compose import compose_document, dump_document
from standgen.errors import SourceError
from standgen.model.report import Report
from tests.reports import load_text, one_topic

SECRET = "rubricering: dep-vertrouwelijk"
LEVEL_ERROR = "is dep-vertrouwelijk, but this text is openbaar"


def _lines(report: Report, edition: str = "openbaar") -> list[str]:
    text = dump_document(compose_document(report, edition))  # type: ignore[arg-type]
    return [line.strip() for line in text.splitlines()]


def _error(report: Report, edition: str = "openbaar") -> str:
    with pytest.raises(SourceError) as caught:
        compose_document(report, edition)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.location.file is not None and problem.location.line is not None
    return problem.message


# Two rows share the key "A" (labels, no ids): matching rows by key took the public one
# for both, so the total over the secret one was printed as published. Such a table is now
# refused when it is loaded, so no later stage sees an ambiguous key.
SHARED_KEY = f"""\
- table:
    id: t
    title: T
    columns: [2025]
    rows:
      - {{label: A, values: [70], {SECRET}}}
      - {{label: A, values: [10]}}
      - {{id: tot, label: Totaal, role: total, values: [80]}}
"""


def test_a_secret_row_sharing_a_public_rows_key_is_refused_at_load(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        load_text(tmp_path, one_topic(SHARED_KEY))
    (problem,) = caught.value.problems
    assert problem.location.line is not None
    assert problem.location.field.endswith("rows[1].label")
    assert "row 2 has the key 'A'" in problem.message
    assert "give each row its own `id`" in problem.message


def test_public_text_reading_a_secret_table_is_a_level_error_in_openbaar(
        tmp_path: Path) -> None:
    table = f"""\
- table:
    id: geheim
    title: G
    {SECRET}
    columns: [2025]
    rows:
      - {{id: x, label: X, values: [42]}}
- text: "X is {{{{ waarde('geheim', 'x', 2025) }}}}."
"""
    report = load_text(tmp_path, one_topic(table))
    assert LEVEL_ERROR in _error(report, "openbaar")
    assert LEVEL_ERROR in _error(report, "vertrouwelijk")


def test_public_footnote_using_a_secret_value_is_an_error(tmp_path: Path) -> None:
    blocks = f"""\
- table:
    id: t
    title: T
    columns: [2025]
    rows:
      - {{id: a, label: A, values: [5]}}
      - {{id: b, label: B, values: [6], {SECRET}}}
- text: "Zie noot.[^n]"
"""
    note = "- {id: n, text: \"B is {{ waarde('t', 'b', 2025) - 0 }}.\"}"
    report = load_text(tmp_path, one_topic(blocks, note))
    assert LEVEL_ERROR in _error(report, "vertrouwelijk")


def test_literal_total_column_over_a_secret_cell_is_recomputed(tmp_path: Path) -> None:
    table = f"""\
- table:
    id: t
    title: T
    columns: [2024, 2025, {{id: tot, label: Totaal, role: total}}]
    rows:
      - {{id: a, label: A, values: [1, 2, 3]}}
      - {{id: b, label: B, values: [4, {{value: 5, {SECRET}}}, 9]}}
"""
    lines = _lines(load_text(tmp_path, one_topic(table)))
    assert "data    | A | 1 (r) | 2 (r) | 3 (r)" in lines
    assert "data    | B | 4 (r) | — (r) | 4^h^ (r)" in lines
    assert not any("9" in line for line in lines if line.startswith("data"))


def test_sum_of_only_secret_inputs_is_withheld_not_zero(tmp_path: Path) -> None:
    table = f"""\
- table:
    id: t
    title: T
    columns: [2025]
    rows:
      - {{id: a, label: A, values: [3]}}
      - {{id: b, label: B, values: [4], {SECRET}}}
      - {{id: s, label: Alleen B, derived: {{sum: [b]}}}}
"""
    lines = _lines(load_text(tmp_path, one_topic(table)))
    assert "data    | Alleen B | — (r)" in lines


@pytest.mark.parametrize("text", [
    "{{ waarde('t', 'b', 2025)._value }}",
    "{{ waarde('t', 'b', 2025).getal._value }}",
    "{{ waarde('t', 'b', 2025) is sameas none }}",
    "{{ [waarde('t', 'b', 2025)] }}",
    "{{ waarde('t', 'b', 2025)|default(0) }}",
    "{{ 1 < waarde('t', 'b', 2025).getal < 10 }}",
])
def test_escapes_from_the_label_are_refused(tmp_path: Path, text: str) -> None:
    table = f"""\
- table:
    id: t
    title: T
    columns: [2025]
    rows:
      - {{id: b, label: B, values: [6], {SECRET}}}
- text: "{text}"
"""
    message = _error(load_text(tmp_path, one_topic(table)), "vertrouwelijk")
    assert LEVEL_ERROR in message or "sandbox" in message or "unknown name" in message
    assert "6" not in message


def test_validate_names_a_secret_total_whose_rows_are_all_public(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = f"""\
- table:
    id: t
    title: T
    columns: [2025]
    rows:
      - {{id: a, label: A, values: [10]}}
      - {{id: b, label: B, values: [70]}}
      - {{id: tot, label: Totaal, role: total, values: [{{value: 80, {SECRET}}}]}}
"""
    load_text(tmp_path, one_topic(table))
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "report.yaml")]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "info: table 't', row 'tot', column '2025' is dep-vertrouwelijk, but it is computed "
        "from public figures only (a/2025, b/2025), which the openbare versie prints: a reader "
        "can work it out; make an input confidential too, or the figure public"]
