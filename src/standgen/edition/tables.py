"""What an edition does to a table after selection removed content above its level.

Selection (`standgen.edition.select`) removes rows and notes above the edition's level and
replaces withheld cells with the `vertrouwelijk` status. `settle_table` then decides what
happens to everything computed from what was removed: derived rows and columns, totals,
percentages and deltas. It sees the table as written and as selected, so it can tell what
is gone.
"""

from __future__ import annotations

from standgen.model.tables import IndicatorTable, Row, TableNote
from standgen.model.values import Status

WITHHELD_NOTE = "— Opgenomen in de vertrouwelijke bijlage."


def settle_table(original: IndicatorTable, selected: IndicatorTable) -> IndicatorTable:
    """The selected table with every figure computed from removed content settled."""
    kept_keys = {row.key for row in selected.rows}
    dropped_rows = {row.key for row in original.rows} - kept_keys
    withheld = _withheld_cells(original) != _withheld_cells(selected)
    rows = _recompute(list(selected.rows), dropped_rows)
    notes = list(selected.notes)
    if withheld:
        notes.append(TableNote(text=WITHHELD_NOTE))
    if not dropped_rows and not withheld:
        return selected
    return selected.model_copy(update={"rows": rows, "notes": notes})


def _withheld_cells(table: IndicatorTable) -> int:
    count = 0
    for row in table.rows:
        cells = row.values.values() if isinstance(row.values, dict) else row.values
        count += sum(1 for c in cells if c.status == Status.WITHHELD)
    return count


def _recompute(rows: list[Row], dropped: set[str]) -> list[Row]:
    """After dropping rows: withhold rows derived from them, recompute totals over them."""
    if not dropped:
        return rows
    out: list[Row] = []
    for row in rows:
        derived = row.derived
        if derived is None:
            out.append(row)
            continue
        pairs = derived.percent_of or derived.difference or ()
        if any(key in dropped for key in pairs):
            continue
        if derived.sum is not None:
            row = row.model_copy(update={"values": {}})
        out.append(row)
    return out
