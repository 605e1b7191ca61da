"""What each edition withholds or recomputes because it was computed from confidential
input: the information `standgen validate` prints, so an author sees it before a build."""

from __future__ import annotations

from dataclasses import dataclass

from standgen.edition.flow import TableInputs
from standgen.edition.levels import EDITIONS, Edition, Levels, load_levels
from standgen.edition.select import select_edition
from standgen.edition.tables import RecomputedFigure, settled_cells
from standgen.edition.value_levels import ValueLevels, report_tables
from standgen.model.report import Report


@dataclass(frozen=True)
class SettledFigure:
    """One figure an edition prints differently from the source, and why."""

    edition: Edition
    table: str
    row: str
    column: str
    recomputed: bool
    kind: str
    confidential_input: tuple[str, str]

    def __str__(self) -> str:
        done = "recomputed without it" if self.recomputed else "withheld"
        row, column = self.confidential_input
        return (f"{self.edition}: table {self.table!r}, row {self.row!r}, column "
                f"{self.column!r} ({self.kind}) is computed from confidential row {row!r}, "
                f"column {column!r}: {done}")


def settled_figures(report: Report, levels: Levels | None = None) -> list[SettledFigure]:
    """Every figure withheld or recomputed in any edition, in edition and reading order."""
    scale = levels or load_levels()
    found: list[SettledFigure] = []
    for edition in EDITIONS:
        selected = select_edition(report, edition, scale).report
        for table, _ in report_tables(selected, scale):
            for row, key, cell in settled_cells(table):
                found.append(SettledFigure(edition, table.id, row.key, key,
                                           isinstance(cell, RecomputedFigure), cell.how,
                                           cell.confidential_input))
    return found


def computable_secrets(report: Report, levels: Levels | None = None) -> list[str]:
    """Confidential totals, percentages and differences whose inputs are all public: the
    openbare versie prints the inputs, so a reader can work the figure out."""
    scale = levels or load_levels()
    values = ValueLevels(report, scale)
    found: list[str] = []
    for table_id, (table, _) in values.tables.items():
        inputs = TableInputs(table)
        for (row, column), level in values.own(table_id).items():
            spec = inputs.of(row, column)
            if level.is_public or spec.kind not in ("sum", "pair") or not spec.cells:
                continue
            known = [values.of(table_id, *cell) for cell in spec.cells]
            if all(k is not None and k.level.is_public for k in known):
                parts = ", ".join(f"{r}/{c}" for r, c in spec.cells)
                found.append(
                    f"table {table_id!r}, row {row!r}, column {column!r} is {level.id}, but "
                    f"it is computed from public figures only ({parts}), which the openbare "
                    "versie prints: a reader can work it out; make an input confidential "
                    "too, or the figure public")
    return found
