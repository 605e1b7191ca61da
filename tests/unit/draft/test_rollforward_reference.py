"""Rolling the reference report forward to najaar 2026: it loads, validates and is complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.draft import RollForwardResult
from standgen.errors import Problem
from standgen.model.report import Report, TextBlock
from standgen.model.tables import IndicatorTable
from standgen.model.values import Status
from standgen.validate.checks import validate_report
from standgen.validate.walk import walk
from tests.unit.draft.conftest import REFERENCE

Rolled = tuple[RollForwardResult, str, str]
KNOWN = {"value-missing", "derived-mismatch"}
CARRIED = {"norm", "streefwaarde", "doel"}


def _tables(report: Report) -> dict[str, IndicatorTable]:
    return {n.id: n for _, n in walk(report) if isinstance(n, IndicatorTable)}


def _missing_cells(report: Report) -> list[tuple[str, str, str]]:
    found = []
    for table in _tables(report).values():
        for row in table.rows:
            for key, cell in row.cells_by_key(table.column_keys).items():
                if cell.status is Status.MISSING:
                    found.append((table.id, row.key, key))
    return found


def test_input_folder_is_unchanged(rolled: Rolled) -> None:
    _, before, after = rolled
    assert before == after


def test_header_fields_follow_the_period(rolled: Rolled, rolled_report: Report) -> None:
    result, _, _ = rolled
    report = rolled_report
    assert (report.period, report.report_year, report.date.isoformat()) == (
        "najaar 2026", 2026, "2026-09-15")
    assert result.previous_period == "voorjaar 2026"


def test_validates_with_one_missing_value_per_new_year_cell(
        rolled: Rolled, reference: Report, rolled_report: Report,
        rolled_problems: list[Problem]) -> None:
    result, _, _ = rolled
    report, problems = rolled_report, rolled_problems
    assert not [p for p in problems if p.code not in KNOWN]
    original = [p for p in validate_report(reference).items
                if p.code == "derived-mismatch"]
    assert len([p for p in problems if p.code == "derived-mismatch"]) == len(original)
    missing = [p for p in problems if p.code == "value-missing"]
    cells = _missing_cells(report)
    assert not _missing_cells(reference)
    assert len(missing) == len(cells) == result.missing_cells > 50
    old = _tables(reference)
    for table_id, row_key, key in cells:
        table = old[table_id]
        if key in table.column_keys:
            row = next(r for r in table.rows if r.key == row_key)
            assert row.cells_by_key(table.column_keys)[key].is_empty
        else:
            assert key.endswith(("2025", "2026"))


def test_every_missing_value_points_at_its_line(rolled_problems: list[Problem]) -> None:
    problems = [p for p in rolled_problems if p.code == "value-missing"]
    in_data_files = 0
    for problem in problems:
        file, line = problem.location.file, problem.location.line
        assert file is not None and line is not None, problem
        text = Path(file).read_text(encoding="utf-8").splitlines()[line - 1]
        assert "te leveren" in text, problem
        in_data_files += file.suffix == ".csv"
    assert 0 < in_data_files < len(problems)


def test_new_year_columns_hold_the_right_cells(reference: Report,
                                              rolled_report: Report) -> None:
    old, new = _tables(reference), _tables(rolled_report)
    checked = 0
    for table_id, table in new.items():
        added = [c for c in table.columns if c.key not in old[table_id].column_keys]
        for column in added:
            assert column.year is not None
            source = column.key.replace(str(column.year), str(column.year - 1))
            assert source in old[table_id].column_keys
            for row, before in zip(table.rows, old[table_id].rows, strict=True):
                cell = row.cells_by_key(table.column_keys)[column.key]
                if row.derived is not None or row.role == "group":
                    assert cell.is_empty
                elif row.role in CARRIED:
                    earlier = before.cells_by_key(old[table_id].column_keys)
                    assert cell.value == earlier[source].value
                else:
                    assert cell.status is Status.MISSING
                checked += 1
    assert checked > 80


def test_series_move_on_by_one_year(rolled: Rolled, rolled_report: Report) -> None:
    result, _, _ = rolled
    tables = _tables(rolled_report)
    vrouwen = tables["percentage-vrouwen"].column_keys
    assert vrouwen[:4] == ["2023", "2024", "2025", "2026"] and "doel-2030" in vrouwen
    brandstof = tables["duurzame-brandstoffen"].column_keys
    assert brandstof == ["2022", "2023", "2024", "2025", "2026", "2030"]
    grouped = tables["geluidsoverlast-vliegbewegingen"].columns[-2:]
    assert [(c.key, c.group) for c in grouped] == [("melders-2026", "2026"),
                                                   ("meldingen-2026", "2026")]
    assert set(result.kept_tables) == {"top-6-vertrekredenen", "realisatiedata-onvolkomenheden"}


def test_derived_delta_column_moves_along(rolled_report: Report) -> None:
    table = _tables(rolled_report)["personele-samenstelling-defensie"]
    delta = table.columns[-1]
    assert delta.derived is not None
    assert delta.derived.delta == ("realisatie-2025", "realisatie-2026")
    assert delta.label == "Δ 2025-2026"
    assert all(r.cells_by_key(table.column_keys)["delta"].is_empty for r in table.rows)


def test_existing_report_year_column_gets_its_empty_data_cell(rolled_report: Report) -> None:
    table = _tables(rolled_report)["volwassenheid-informatiehuishouding"]
    assert table.column_keys == ["2025", "2026", "2027"]
    cells = {r.key: r.cells_by_key(table.column_keys) for r in table.rows}
    assert cells["realisatie"]["2026"].status is Status.MISSING
    assert cells["realisatie"]["2027"].is_empty
    assert cells["norm"]["2026"].value is not None


def test_every_narrative_block_is_marked_for_review(rolled: Rolled, reference: Report,
                                                   rolled_report: Report) -> None:
    result, _, _ = rolled
    blocks = [n for _, n in walk(rolled_report) if isinstance(n, TextBlock)]
    marks = 0
    for path in result.report.parent.glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            if line.strip() == "# TE HERZIEN (overgenomen uit voorjaar 2026)":
                marks += 1
                following = lines[index + 1].strip()
                assert following.startswith(("- doelstelling:", "- toelichting:", "- text:",
                                             "- groeiparagraaf:", "changes:", "title:")), following
    assert result.marked_blocks == len(blocks)
    assert result.marked_titles == 1  # "Samenvatting Stand van Defensie voorjaar 2026"
    assert marks == len(blocks) + 1 + 1  # and the old change list, and that title
    texts = {b.text for b in blocks}
    old_texts = {n.text for _, n in walk(reference) if isinstance(n, TextBlock)}
    assert texts == old_texts


def test_footnotes_are_kept(reference: Report, rolled_report: Report) -> None:
    old = [(f.id, f.text) for f in reference.all_footnotes()]
    assert [(f.id, f.text) for f in rolled_report.all_footnotes()] == old


@pytest.mark.parametrize("period", ["voorjaar 2026", "voorjaar 2025"])
def test_a_period_that_does_not_come_later_is_refused(tmp_path: Path, period: str) -> None:
    from standgen.draft import DraftError, roll_forward

    with pytest.raises(DraftError, match="does not come after"):
        roll_forward(REFERENCE, tmp_path / "out", period)
    assert not (tmp_path / "out").exists()
