"""Published derived values (totals, percentages, deltas) against their computation."""

from __future__ import annotations

from decimal import Decimal

from standgen.errors import Problem, Severity
from standgen.format.dutch import decimals_of, number
from standgen.model.tables import Derivation, IndicatorTable, Row
from standgen.model.values import Cell
from standgen.validate.derive import (
    cell_derivation,
    cell_number,
    column_sum_keys,
    compute_row,
    describe,
    row_sum_keys,
)


def check_derived(table: IndicatorTable, path: str) -> list[Problem]:
    """A warning for every published derived value that differs from its computation."""
    problems: list[Problem] = []
    keys = table.column_keys
    columns = {c.key: c for c in table.columns}
    for index, row in enumerate(table.rows):
        computed = compute_row(table, row)
        cells = row.cells_by_key(keys)
        for key in keys:
            column = columns[key]
            derivation = cell_derivation(row, column)
            published = cell_number(cells[key])
            expected = computed[key]
            if derivation is None or published is None or expected is None:
                continue
            if _within(published, expected, derivation):
                continue
            sum_keys = (column_sum_keys(table, column) if derivation is column.derived
                        else row_sum_keys(table, row))
            problems.append(_mismatch(row, index, key, cells, path, published, expected,
                                      describe(derivation, sum_keys)))
    return problems


def _within(published: Decimal, expected: Decimal, derivation: Derivation) -> bool:
    if derivation.tolerance is not None:
        tolerance = Decimal(str(derivation.tolerance))
    else:
        tolerance = Decimal(5).scaleb(-(decimals_of(published) + 1))
    return abs(published - expected) <= tolerance


def _mismatch(row: Row, index: int, key: str, cells: dict[str, Cell], path: str,
              published: Decimal, expected: Decimal, how: str) -> Problem:
    places = decimals_of(published)
    shown = number(expected, places)
    if shown == number(published, places):
        shown = number(expected, places + 2)
    where = (f"values.{key}" if isinstance(row.values, dict)
             else f"values[{list(cells).index(key)}]")
    label = row.label or row.key
    message = (f"row {label!r}, column {key}: published {number(published)} differs from the "
               f"computed {shown} ({how}); the published figure is kept, correct it in the "
               "source if it is a slip")
    return Problem(row.loc("values", f"{path}.rows[{index}].{where}"), message,
                   Severity.WARNING, "derived-mismatch")
