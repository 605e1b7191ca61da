"""What an edition does to a table after selection removed content above its level.

Selection (`standgen.edition.select`) removes rows and notes above the edition's level and
replaces withheld cells with the `vertrouwelijk` status. `settle_table` then settles every
figure computed from what was removed (inputs: `standgen.edition.flow`), per kind:

- a sum (a `sum` row or column, and a literal `total` or `subtotal` row or column) is
  recomputed from the inputs that remain and marked as recomputed: a total of the rows a
  reader can see reveals nothing beyond them, and the published total would (total − rows);
- a percentage, delta or difference with a removed input is withheld: without that input it
  has no meaning, and printed as published it gives the input away (a − b and a give b);
  one whose inputs were only recomputed is recomputed from them and marked;
- a `percentage` or `delta` row or column without a declared derivation is withheld as soon
  as anything in its column (row) was removed: what it was computed from is unknown.

Withheld figures print as withheld, recomputed ones carry the recomputed mark; the compose
stage adds the sentences for both (templates/text/nl.yaml).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from standgen.edition.flow import CellKey, Inputs, TableInputs
from standgen.format.dutch import decimals_of, quantize
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Cell, Status
from standgen.validate.derive import (
    apply_derivation,
    cell_derivation,
    cell_number,
    filled_values,
)


class SettledCell(Cell):
    """A figure the edition changed because it was computed from a removed input."""

    confidential_input: tuple[str, str] = ("", "")
    how: str = ""


class WithheldFigure(SettledCell):
    """A figure withheld because it was computed from a removed input."""


class RecomputedFigure(SettledCell):
    """A figure recomputed from the inputs that remain; printed with the recomputed mark."""


State = Literal["clean", "removed", "withheld", "recomputed"]


@dataclass(frozen=True)
class _Outcome:
    state: State
    value: Decimal | None = None
    source: CellKey | None = None


_CLEAN = _Outcome("clean")


def settle_table(original: IndicatorTable, selected: IndicatorTable) -> IndicatorTable:
    """The selected table with every figure computed from removed content settled."""
    removed = removed_cells(original, selected)
    if not removed:
        return selected
    settler = _Settler(original, removed)
    rows: list[Row] = []
    changed = False
    for row in selected.rows:
        cells = row.cells_by_key(selected.column_keys) if row.role != "group" else {}
        update = {key: settler.cell(row.key, key, cell) for key, cell in cells.items()}
        if any(new is not cells[key] for key, new in update.items()):
            changed = True
            row = row.model_copy(update={"values": update})
        rows.append(row)
    return selected.model_copy(update={"rows": rows}) if changed else selected


def removed_cells(original: IndicatorTable, selected: IndicatorTable) -> set[CellKey]:
    """The cells of `original` that selection removed: dropped rows and withheld cells.

    Counted per row key, not matched row by row: two rows may share a key (an id and a
    label, or two labels), and then every cell under that key counts as removed when either
    lost something, so nothing computed from the key is published (fail closed)."""
    if len(original.rows) == len(selected.rows) and all(
            a is b for a, b in zip(original.rows, selected.rows, strict=True)):
        return set()
    keys = original.column_keys
    before, after = _census(original, keys), _census(selected, keys)
    removed: set[CellKey] = set()
    for row_key, (rows, withheld) in before.items():
        rows_now, withheld_now = after.get(row_key, (0, {}))
        if rows_now < rows:
            removed.update((row_key, key) for key in keys)
            continue
        removed.update((row_key, key) for key, count in withheld_now.items()
                       if count > withheld.get(key, 0))
    return removed


def _census(table: IndicatorTable, keys: list[str]) -> dict[str, tuple[int, dict[str, int]]]:
    """Per row key: how many rows have it, and per column how many of their cells are
    withheld."""
    found: dict[str, tuple[int, dict[str, int]]] = {}
    for row in table.rows:
        count, withheld = found.get(row.key, (0, {}))
        cells = row.values.items() if isinstance(row.values, dict) else zip(
            keys, row.values, strict=False)
        for key, cell in cells:
            if cell.status == Status.WITHHELD:
                withheld[key] = withheld.get(key, 0) + 1
        found[row.key] = (count + 1, withheld)
    return found


def settled_cells(table: IndicatorTable) -> Iterator[tuple[Row, str, SettledCell]]:
    """Every settled figure of a selected table: its row, column key and cell."""
    for row in table.rows:
        values = row.values.items() if isinstance(row.values, dict) else ()
        for key, cell in values:
            if isinstance(cell, SettledCell):
                yield row, key, cell


class _Settler:
    """Outcomes of the cells of one table, given what selection removed from it."""

    def __init__(self, original: IndicatorTable, removed: set[CellKey]) -> None:
        self.table = original
        self.inputs = TableInputs(original)
        self.removed = removed
        self.memo: dict[CellKey, _Outcome] = {}
        self.active: set[CellKey] = set()
        self._numbers: dict[str, dict[str, Decimal | None]] | None = None

    def cell(self, row_key: str, col_key: str, cell: Cell) -> Cell:
        outcome = self.outcome((row_key, col_key))
        if outcome.state not in ("withheld", "recomputed"):
            return cell
        source = outcome.source or ("", "")
        how = _describe(self.inputs.of(row_key, col_key))
        if outcome.state == "withheld":
            return WithheldFigure(status=Status.WITHHELD, unit=cell.unit,
                                  confidential_input=source, how=how)
        return RecomputedFigure(value=outcome.value, unit=cell.unit, top=cell.top,
                                confidential_input=source, how=how)

    def number(self, key: CellKey) -> Decimal | None:
        if self._numbers is None:
            self._numbers = filled_values(self.table)
        return self._numbers.get(key[0], {}).get(key[1])

    def outcome(self, key: CellKey) -> _Outcome:
        if key in self.memo:
            return self.memo[key]
        if key in self.removed:
            return self.memo.setdefault(key, _Outcome("removed", source=key))
        if key in self.active:
            return _CLEAN
        self.active.add(key)
        try:
            result = self._evaluate(key)
        finally:
            self.active.discard(key)
        self.memo[key] = result
        return result

    def _evaluate(self, key: CellKey) -> _Outcome:
        inputs = self.inputs.of(*key)
        if inputs.kind == "input":
            return _CLEAN
        parts = [(cell, self.outcome(cell)) for cell in inputs.cells]
        tainted = [o for _, o in parts if o.state != "clean"]
        if not tainted:
            return _CLEAN
        source = tainted[0].source
        if inputs.kind == "sum":
            return self._sum(parts, source)
        if inputs.kind == "pair" and all(o.state in ("clean", "recomputed") for o in tainted):
            return self._pair(key, inputs, parts, source)
        return _Outcome("withheld", source=source)

    def _sum(self, parts: list[tuple[CellKey, _Outcome]], source: CellKey | None) -> _Outcome:
        numbers = [self._value(cell, o) for cell, o in parts if o.state in ("clean",
                                                                           "recomputed")]
        if not numbers or any(n is None for n in numbers):
            return _Outcome("withheld", source=source)
        return _Outcome("recomputed", sum((n for n in numbers if n is not None), Decimal(0)),
                        source)

    def _pair(self, key: CellKey, inputs: Inputs, parts: list[tuple[CellKey, _Outcome]],
              source: CellKey | None) -> _Outcome:
        row, column = self.inputs.rows[key[0]], self.inputs.columns[key[1]]
        derivation = cell_derivation(row, column) or column.derived  # unresolved: refused
        index = 1 if inputs.axis == "column" else 0
        values = {cell[index]: self._value(cell, o) for cell, o in parts}
        value = (apply_derivation(derivation, values.get, [])
                 if derivation is not None else None)
        if value is None:
            return _Outcome("withheld", source=source)
        return _Outcome("recomputed", quantize(value, self._places(key, values.values())),
                        source)

    def _places(self, key: CellKey, inputs: Iterable[Decimal | None]) -> int:
        """Decimals of a recomputed percentage or difference: the published figure's, else
        one for a percentage and the inputs' own for a difference."""
        row = self.inputs.rows[key[0]]
        published = cell_number(row.cells_by_key(self.table.column_keys)[key[1]])
        if published is not None:
            return decimals_of(published)
        derivation = (cell_derivation(row, self.inputs.columns[key[1]])
                      or self.inputs.columns[key[1]].derived)
        if derivation is not None and derivation.percent_of is not None:
            return 1
        return max((decimals_of(v) for v in inputs if v is not None), default=0)

    def _value(self, cell: CellKey, outcome: _Outcome) -> Decimal | None:
        return outcome.value if outcome.state == "recomputed" else self.number(cell)


def _describe(inputs: Inputs) -> str:
    """The kind of a settled figure in words, for `standgen validate`."""
    return {"sum": "total", "pair": "percentage, delta or difference",
            "opaque": "summary figure without a declared derivation"}.get(inputs.kind, "")
