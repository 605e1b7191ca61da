"""Arithmetic of derived rows and columns: sums, percentages, deltas and differences.

Pure functions over an `IndicatorTable`, used by the validator (to check published values)
and by the compose stage (to fill derived values that are not given). A cell's number is
its published value when it has one, else the value derived for it, else None.
Where a derived row meets a derived column, both rules give one reading when each is a
sum, delta or difference; otherwise the cell takes the rule the author named with
`crossing` (row, column or empty) and, without one, is not derived (validate refuses it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation

from standgen.model.tables import Column, Derivation, IndicatorTable, Row
from standgen.model.values import EMPTY_CELL, Cell, Status

SUMMARY_ROLES = frozenset({"total", "subtotal", "group", "percentage", "delta"})
_NUMBERED = (None, Status.DEFINITIEF, Status.VOORLOPIG)

Lookup = Callable[[str], Decimal | None]


def cell_number(cell: Cell) -> Decimal | None:
    """The number a cell holds, or None when it is empty, text or a missing status."""
    if cell.status not in _NUMBERED:
        return None
    return cell.value


def apply_derivation(derivation: Derivation, lookup: Lookup,
                     sum_keys: Sequence[str]) -> Decimal | None:
    """Evaluate one derivation; `lookup` gives a part's number, `sum_keys` the parts of a sum."""
    if derivation.sum is not None:
        parts = [lookup(key) for key in sum_keys]
        if not parts or any(p is None for p in parts):
            return None
        return sum((p for p in parts if p is not None), Decimal(0))
    pair = derivation.percent_of or derivation.delta or derivation.difference
    if pair is None:
        return None
    first, second = lookup(pair[0]), lookup(pair[1])
    if first is None or second is None:
        return None
    if derivation.percent_of is not None:
        try:
            return first / second * 100 if second != 0 else None
        except InvalidOperation:
            return None
    if derivation.delta is not None:
        return second - first
    return first - second


def describe(derivation: Derivation, sum_keys: Sequence[str]) -> str:
    """The derivation in words, for messages: "sum of a, b", "a / b × 100", "b − a"."""
    if derivation.sum is not None:
        return "sum of " + (", ".join(sum_keys) or "no parts")
    if derivation.percent_of is not None:
        return f"{derivation.percent_of[0]} / {derivation.percent_of[1]} × 100"
    if derivation.delta is not None:
        return f"{derivation.delta[1]} − {derivation.delta[0]}"
    if derivation.difference is not None:
        return f"{derivation.difference[0]} − {derivation.difference[1]}"
    return "nothing"


def crossing_side(row: Row, column: Column) -> str | None:
    """Whose rule fills the cell of a derived row and a derived column: "row", "column",
    "empty" (left empty), or None when the author must say (the readings differ)."""
    if row.derived is None or column.derived is None:
        return "row" if row.derived is not None else "column" if column.derived else None
    said = row.derived.crossing or column.derived.crossing
    if said is not None:
        return said
    if row.derived.percent_of is None and column.derived.percent_of is None:
        return "column"  # sums, deltas and differences commute: one reading
    return None


def cell_derivation(row: Row, column: Column) -> Derivation | None:
    """The derivation that fills one cell (None: a plain cell, or no rule applies)."""
    side = crossing_side(row, column)
    if side == "row":
        return row.derived
    if side == "column":
        return column.derived
    return None


def is_summable_row(row: Row) -> bool:
    """A row that totals add up: a data row, not a summary, group or derived row."""
    return row.role not in SUMMARY_ROLES and row.derived is None


def is_summable_column(column: Column) -> bool:
    """A column that a total column adds up: not derived and not a delta or percentage."""
    return column.derived is None and column.role not in SUMMARY_ROLES


def row_sum_keys(table: IndicatorTable, row: Row) -> list[str]:
    """The keys of the rows that a `sum` row adds up (explicit, "above" or "all")."""
    spec = row.derived.sum if row.derived is not None else None
    if spec is None:
        return []
    if isinstance(spec, list):
        return list(spec)
    if spec == "all":
        return [r.key for r in table.rows if r is not row and is_summable_row(r)]
    keys: list[str] = []
    index = next((i for i, r in enumerate(table.rows) if r is row), len(table.rows))
    for earlier in reversed(table.rows[:index]):
        if earlier.role in ("total", "subtotal"):
            break
        if is_summable_row(earlier):
            keys.append(earlier.key)
    return list(reversed(keys))


def column_sum_keys(table: IndicatorTable, column: Column) -> list[str]:
    """The keys of the columns that a `sum` column adds up (explicit, "above" or "all")."""
    spec = column.derived.sum if column.derived is not None else None
    if spec is None:
        return []
    if isinstance(spec, list):
        return list(spec)
    if spec == "all":
        return [c.key for c in table.columns if c is not column and is_summable_column(c)]
    keys: list[str] = []
    index = next((i for i, c in enumerate(table.columns) if c is column), len(table.columns))
    for earlier in reversed(table.columns[:index]):
        if earlier.role in ("total", "subtotal"):
            break
        if is_summable_column(earlier):
            keys.append(earlier.key)
    return list(reversed(keys))


class _Evaluator:
    """Numbers of one table's cells, published or derived, guarding against cycles."""

    def __init__(self, table: IndicatorTable) -> None:
        self.table = table
        self.keys = table.column_keys
        self.rows = {r.key: r for r in table.rows}
        self.columns = {c.key: c for c in table.columns}
        self.active: set[tuple[str, str]] = set()

    def published(self, row: Row, col_key: str) -> Decimal | None:
        return cell_number(row.cells_by_key(self.keys).get(col_key, EMPTY_CELL))

    def number(self, row_key: str, col_key: str) -> Decimal | None:
        row = self.rows.get(row_key)
        if row is None or col_key not in self.columns:
            return None
        given = self.published(row, col_key)
        if given is not None:
            return given
        return self.derived(row, col_key)

    def derived(self, row: Row, col_key: str) -> Decimal | None:
        """The value derived for one cell, ignoring what is published there."""
        marker = (row.key, col_key)
        if marker in self.active:
            return None
        self.active.add(marker)
        try:
            column = self.columns[col_key]
            side = crossing_side(row, column)
            if side == "column" and column.derived is not None:
                return apply_derivation(column.derived, lambda k: self.number(row.key, k),
                                        column_sum_keys(self.table, column))
            if side == "row" and row.derived is not None:
                return apply_derivation(row.derived, lambda k: self.number(k, col_key),
                                        row_sum_keys(self.table, row))
            return None
        finally:
            self.active.discard(marker)


def compute_row(table: IndicatorTable, row: Row) -> dict[str, Decimal | None]:
    """The derived value of each cell of `row`, keyed by column key (None: not derivable).

    Cells under a derived column take that column's derivation; other cells take the
    row's own derivation (none for a plain row).
    """
    evaluator = _Evaluator(table)
    return {key: evaluator.derived(row, key) for key in table.column_keys}


def crossing_readings(table: IndicatorTable, row: Row, column: Column
                      ) -> tuple[Decimal | None, Decimal | None]:
    """The row's and the column's reading of one crossing cell, for messages."""
    evaluator = _Evaluator(table)
    if row.derived is None or column.derived is None:
        return None, None
    by_row = apply_derivation(row.derived, lambda k: evaluator.number(k, column.key),
                              row_sum_keys(table, row))
    by_column = apply_derivation(column.derived, lambda k: evaluator.number(row.key, k),
                                 column_sum_keys(table, column))
    return by_row, by_column


def compute_column(table: IndicatorTable, column: Column) -> dict[str, Decimal | None]:
    """The derived value of each cell of `column`, keyed by row key (None: not derivable)."""
    evaluator = _Evaluator(table)
    if column.derived is None:
        return {row.key: None for row in table.rows}
    return {row.key: evaluator.derived(row, column.key) for row in table.rows}


def filled_values(table: IndicatorTable) -> dict[str, dict[str, Decimal | None]]:
    """Every cell's number, published or else derived: {row key: {column key: number}}."""
    evaluator = _Evaluator(table)
    return {row.key: {key: evaluator.number(row.key, key) for key in table.column_keys}
            for row in table.rows}
