"""Which cells a table's figures are computed from: the inputs of totals, sums, percentages,
deltas and differences, in both directions (derived rows and derived columns).

A derived row or column names its inputs. A `total` or `subtotal` row (or column) without a
derivation still adds up the summable rows (columns) it totals, so those are its inputs too.
A `percentage` or `delta` row (column) without a derivation names no inputs; it may have been
computed from any other cell of its column (row), so all of those count as its inputs.
Derived and summary cells are "computed"; every other cell is an input of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from standgen.model.tables import Column, IndicatorTable, Row
from standgen.validate.derive import (
    column_sum_keys,
    crossing_side,
    is_summable_column,
    is_summable_row,
    row_sum_keys,
)

CellKey = tuple[str, str]
Kind = Literal["input", "sum", "pair", "opaque"]
SUMS = ("total", "subtotal")
OPAQUE = ("percentage", "delta")


@dataclass(frozen=True)
class Inputs:
    """How a cell is computed: its kind and the cells it is computed from.

    `sum` adds its inputs up; `pair` is a percentage, delta or difference of two cells
    (`axis` says whether those are cells of the same row or column); `opaque` is a summary
    figure whose computation is not declared; `input` is a plain value."""

    kind: Kind
    cells: tuple[CellKey, ...] = ()
    axis: Literal["row", "column"] = "row"


NO_INPUTS = Inputs("input")


class TableInputs:
    """The inputs of every cell of one table, computed on demand."""

    def __init__(self, table: IndicatorTable) -> None:
        self.table = table
        self.rows = {r.key: r for r in table.rows}
        self.columns = {c.key: c for c in table.columns}
        self._summable_rows: list[str] | None = None
        self._summable_columns: list[str] | None = None

    def of(self, row_key: str, col_key: str) -> Inputs:
        """The inputs of cell (row, column); a row or column that is not there has none."""
        row, column = self.rows.get(row_key), self.columns.get(col_key)
        if row is None or column is None or row.role == "group":
            return NO_INPUTS
        side = crossing_side(row, column)  # None: no rule, or a crossing left unresolved
        if side == "empty":
            return NO_INPUTS
        if side == "column" or (side is None and column.derived is not None):
            return self._along_row(row, column)
        if side == "row":
            return self._along_column(row, column)
        down = self._implicit_rows(row, column.key)
        across = self._implicit_columns(column, row)
        if down is not None and across is not None:
            cells = tuple(dict.fromkeys(down.cells + across.cells))
            return Inputs("opaque", cells)
        return down or across or NO_INPUTS

    def _along_row(self, row: Row, column: Column) -> Inputs:
        derived = column.derived
        assert derived is not None
        if derived.sum is not None:
            keys = column_sum_keys(self.table, column)
            return Inputs("sum", tuple((row.key, k) for k in keys), "column")
        pair = derived.percent_of or derived.delta or derived.difference or ()
        return Inputs("pair", tuple((row.key, k) for k in pair), "column")

    def _along_column(self, row: Row, column: Column) -> Inputs:
        derived = row.derived
        assert derived is not None
        if derived.sum is not None:
            keys = row_sum_keys(self.table, row)
            return Inputs("sum", tuple((k, column.key) for k in keys), "row")
        pair = derived.percent_of or derived.delta or derived.difference or ()
        return Inputs("pair", tuple((k, column.key) for k in pair), "row")

    def _implicit_rows(self, row: Row, col_key: str) -> Inputs | None:
        """A summary row without a derivation: the rows of its column it was computed from."""
        if row.role in SUMS:
            keys = (self.all_summable_rows() if row.role == "total"
                    else _above(self.table.rows, row, is_summable_row))
            return Inputs("sum", tuple((k, col_key) for k in keys), "row")
        if row.role in OPAQUE:
            keys = [r.key for r in self.table.rows if r is not row and r.role != "group"]
            return Inputs("opaque", tuple((k, col_key) for k in keys), "row")
        return None

    def _implicit_columns(self, column: Column, row: Row) -> Inputs | None:
        if column.role in SUMS:
            keys = (self.all_summable_columns() if column.role == "total"
                    else _above(self.table.columns, column, is_summable_column))
            return Inputs("sum", tuple((row.key, k) for k in keys), "column")
        if column.role in OPAQUE:
            keys = [c.key for c in self.table.columns if c is not column]
            return Inputs("opaque", tuple((row.key, k) for k in keys), "column")
        return None

    def all_summable_rows(self) -> list[str]:
        if self._summable_rows is None:
            self._summable_rows = [r.key for r in self.table.rows if is_summable_row(r)]
        return self._summable_rows

    def all_summable_columns(self) -> list[str]:
        if self._summable_columns is None:
            self._summable_columns = [c.key for c in self.table.columns
                                      if is_summable_column(c)]
        return self._summable_columns


def _above(items: Sequence[Row | Column], item: Row | Column,
           summable: Callable[[Any], bool]) -> list[str]:
    """The keys of the summable items since the last total or subtotal before `item`."""
    keys: list[str] = []
    index = next((i for i, x in enumerate(items) if x is item), len(items))
    for earlier in reversed(items[:index]):
        if earlier.role in SUMS:
            break
        if summable(earlier):
            keys.append(earlier.key)
    return list(reversed(keys))
