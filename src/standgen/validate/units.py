"""Units within a row: cells of one row hold one kind of number (text aside)."""

from __future__ import annotations

from standgen.errors import Problem
from standgen.load.tabular import looks_like_mistyped_number
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Unit
from standgen.validate.cells import check_cell_options, check_derived_from_options
from standgen.validate.problems import error

NON_NUMERIC = frozenset({"text"})


def check_units(table: IndicatorTable, path: str) -> list[Problem]:
    """Each row's numbers share one unit kind; a number column holds no mistyped numbers;
    every cell option can be printed in its unit and is never computed with (cells.py)."""
    problems = check_cell_options(table, path) + check_derived_from_options(table, path)
    for index, row in enumerate(table.rows):
        row_path = f"{path}.rows[{index}]"
        base = row.unit or table.unit
        kinds: dict[str, str] = {}
        for key, cell in row.cells_by_key(table.column_keys).items():
            kind = (cell.unit or base).kind
            if cell.value is not None and kind not in NON_NUMERIC:
                kinds.setdefault(kind, key)
            if (cell.value is None and cell.text is not None and _numeric(base)
                    and looks_like_mistyped_number(cell.text)):
                problems.append(_mistyped(row, row_path, key, cell.text))
        if len(kinds) > 1:
            listed = ", ".join(f"{kind} (column {key})" for kind, key in kinds.items())
            problems.append(error(
                row, "values", row_path,
                f"row {row.label or row.key!r} mixes units: {listed}; give the cells of a "
                "row one unit, or split the row", "mixed-units"))
    return problems


def _numeric(unit: Unit) -> bool:
    return unit.kind not in NON_NUMERIC


def _mistyped(row: Row, row_path: str, key: str, text: str) -> Problem:
    return error(row, "values", row_path,
                 f"cell {key} holds {text!r} where a number is expected; write the number "
                 "with digits only (decimal comma or point), or a status word such as n.t.b.",
                 "not-a-number")
