"""Cells where a derived row meets a derived column and the two rules read differently.

A percentage row under a delta column can be a delta of percentages or a percentage of
deltas; standgen does not pick one. The author gives the cell, or names the rule with
`crossing: row | column | empty` on one of the two derivations.
"""

from __future__ import annotations

from decimal import Decimal

from standgen.errors import Problem
from standgen.format.dutch import number
from standgen.model.tables import Column, IndicatorTable, Row
from standgen.model.values import EMPTY_CELL
from standgen.validate.derive import crossing_readings, crossing_side
from standgen.validate.problems import error


def check_crossings(table: IndicatorTable, path: str) -> list[Problem]:
    """An error for every unresolved crossing, for two derivations that name different
    rules, and for a `crossing` that meets no derived row or column."""
    problems: list[Problem] = []
    derived_columns = [c for c in table.columns if c.derived is not None]
    derived_rows = [r for r in table.rows if r.derived is not None]
    keys = table.column_keys
    for index, row in enumerate(table.rows):
        if row.derived is None:
            continue
        row_path = f"{path}.rows[{index}]"
        if row.derived.crossing is not None and not derived_columns:
            problems.append(error(row, "derived", row_path, "`crossing` has no effect: the "
                                  "table has no derived column; remove it", "crossing"))
        cells = row.cells_by_key(keys)
        for column in derived_columns:
            problems += _one(table, row, column, row_path,
                             not cells.get(column.key, EMPTY_CELL).is_empty)
    for index, column in enumerate(table.columns):
        if column.derived is not None and column.derived.crossing is not None \
                and not derived_rows:
            problems.append(error(column, "derived", f"{path}.columns[{index}]",
                                  "`crossing` has no effect: the table has no derived row; "
                                  "remove it", "crossing"))
    return problems


def _one(table: IndicatorTable, row: Row, column: Column, row_path: str,
         given: bool) -> list[Problem]:
    if row.derived is None or column.derived is None:
        return []
    mine, theirs = row.derived.crossing, column.derived.crossing
    label = row.label or row.key
    if mine is not None and theirs is not None and mine != theirs:
        return [error(row, "derived", row_path,
                      f"row {label!r} says `crossing: {mine}` and column {column.key!r} says "
                      f"`crossing: {theirs}`; keep one of them", "crossing")]
    side = crossing_side(row, column)
    if side == "empty" and given:
        return [error(row, "values", row_path,
                      f"row {label!r}, column {column.key}: the cell is given but `crossing: "
                      "empty` leaves it empty; remove the value or the `crossing`",
                      "crossing")]
    if side is not None or given:
        return []
    by_row, by_column = crossing_readings(table, row, column)
    return [error(row, "derived", row_path,
                  f"row {label!r} (derived) meets derived column {column.key!r}: the cell "
                  f"reads {_shown(by_row)} by the row's rule and {_shown(by_column)} by the "
                  "column's; standgen does not pick one: give the cell's value, or add "
                  "`crossing: row`, `crossing: column` or `crossing: empty` to the row's or "
                  "the column's `derived`", "crossing")]


def _shown(value: Decimal | None) -> str:
    return "nothing" if value is None else number(value, 2)
