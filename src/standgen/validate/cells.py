"""Cell options that cannot show: a flag the cell's unit cannot print is refused, since a
value printed without it would be a different figure than the author wrote."""

from __future__ import annotations

from standgen.errors import Problem
from standgen.model.tables import Column, Derivation, IndicatorTable, Row
from standgen.model.values import EMPTY_CELL, Cell, Status, Unit
from standgen.validate.derive import column_sum_keys, row_sum_keys
from standgen.validate.problems import error

TOP_KINDS = frozenset({"rank", "count", "number"})
OF_KINDS = frozenset({"count", "number", "fraction"})
WITH_NUMBER = frozenset({Status.DEFINITIEF, Status.VOORLOPIG})


def check_cell_options(table: IndicatorTable, path: str) -> list[Problem]:
    """`top`, `of` and a status beside a number, each where the cell can print it."""
    problems: list[Problem] = []
    for index, row in enumerate(table.rows):
        row_path = f"{path}.rows[{index}]"
        units = {c.key: c.unit for c in table.columns}
        for key, cell in row.cells_by_key(table.column_keys).items():
            unit = cell.unit or row.unit or units.get(key) or table.unit
            reason = cell_option_problem(cell, unit)
            if reason is not None:
                problems.append(error(row, "values", row_path,
                                      f"cell {key} of row {row.label or row.key!r}: {reason}",
                                      "cell-option"))
    return problems


def check_derived_from_options(table: IndicatorTable, path: str) -> list[Problem]:
    """A computed row or column never adds up or divides a bound, fraction or qualified
    value: "minder dan 25" + 10 is not 35, and "Top 10" is no amount."""
    problems: list[Problem] = []
    rows = {r.key: r for r in table.rows}
    cells = {r.key: r.cells_by_key(table.column_keys) for r in table.rows}
    for index, row in enumerate(table.rows):
        if row.derived is None:
            continue
        for source in _sources(row.derived, row_sum_keys(table, row)):
            for key, cell in cells.get(source, {}).items():
                if _shown_option(cell) and cells[row.key].get(key, EMPTY_CELL).value is None:
                    problems.append(_derived_error(row, f"{path}.rows[{index}]", key, rows[
                        source].label or source, cell))
    for index, column in enumerate(table.columns):
        if column.derived is None:
            continue
        for source in _sources(column.derived, column_sum_keys(table, column)):
            for row in table.rows:
                cell = cells[row.key].get(source, EMPTY_CELL)
                if _shown_option(cell) and cells[row.key].get(column.key,
                                                                  EMPTY_CELL).value is None:
                    problems.append(_derived_error(column, f"{path}.columns[{index}]", source,
                                                   row.label or row.key, cell))
    return problems


def _sources(derivation: Derivation, summed: list[str]) -> list[str]:
    pairs = [p for p in (derivation.percent_of, derivation.delta, derivation.difference) if p]
    return [*summed, *(key for pair in pairs for key in pair)]


def _shown_option(cell: Cell) -> str | None:
    if cell.value is None:
        return None
    return ("top" if cell.top else "of" if cell.of is not None
            else "qualifier" if cell.qualifier else None)


def _derived_error(node: Row | Column, path: str, key: str, label: str, cell: Cell
                   ) -> Problem:
    return error(node, "derived", path,
                 f"computed from cell {key} of {label!r}, which has `{_shown_option(cell)}`: "
                 "a bound, fraction or qualified value is not an amount to compute with; give "
                 "the computed figure as a value, or leave that cell out of the computation",
                 "derived-from-option")


def cell_option_problem(cell: Cell, unit: Unit) -> str | None:
    """Why `cell` cannot be printed with every option it has in `unit`, or None. A `top`
    cell is a rank whatever its row or table says, unless it names a unit itself."""
    if cell.top:
        return _top_problem(cell)
    if cell.of is not None:
        if cell.value is None:
            return "`of` needs a `value` (write {value: 5, of: 8})"
        if unit.kind not in OF_KINDS:
            return (f"`of` makes a fraction (5 van 8), which a {unit.kind} value cannot be; "
                    "drop `of` or give the cell unit fraction")
    if cell.status is not None and cell.value is not None and cell.status not in WITH_NUMBER:
        return (f"status {cell.status.value!r} says there is no number, but the cell has "
                f"value {cell.value}; drop the value or the status")
    return None


def _top_problem(cell: Cell) -> str | None:
    value, unit = cell.value, cell.unit
    if value is None:
        return "`top` needs a `value` (write {value: 10, top: true} for \"Top 10\")"
    if unit is not None and unit.kind not in TOP_KINDS:
        return (f"`top` prints \"Top {value}\", which a {unit.kind} value cannot be; drop "
                "`top` or give the cell unit rank")
    if value != value.to_integral_value() or value < 1:
        return f"`top` needs a whole number of at least 1, not {value}"
    if cell.of is not None:
        return "`top` and `of` cannot both be printed; keep one"
    return None
