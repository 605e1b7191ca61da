"""What rolling forward does to one indicator table, decided from the typed model.

A table's year series is its columns with a year, role realisatie (or none) and no
derivation. The series gains the new report year: the columns of its latest earlier year
are cloned for it (ids, labels and groups follow the year). Data rows get `te leveren`
there, rows of role norm/streefwaarde/doel keep their last value, group and derived rows
stay empty, and derived columns that compare years move along with the series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from standgen.model.tables import Column, Derivation, IndicatorTable, Row

Action = Literal["missing", "carry"]
SERIES_ROLES = (None, "realisatie")
CARRIED_ROLES = frozenset({"norm", "streefwaarde", "doel"})
PAIR_FIELDS = ("percent_of", "delta", "difference")


@dataclass(frozen=True)
class NewColumn:
    """A column added for the new year, cloned from the column at `source_index`."""

    source_index: int
    column: Column


@dataclass(frozen=True)
class DerivedUpdate:
    """A derived column whose references (and the years in its label) move along."""

    index: int
    derivation: dict[str, list[str]]
    label: str | None


@dataclass
class TablePlan:
    """The edits to one table: new columns, cells to write and derived columns to move."""

    table_id: str
    year: int
    insert_at: int | None = None
    new_columns: list[NewColumn] = field(default_factory=list)
    cells: dict[int, dict[str, Action]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    derived: list[DerivedUpdate] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)

    @property
    def missing(self) -> int:
        """How many cells become `te leveren`."""
        return sum(1 for row in self.cells.values() for a in row.values() if a == "missing")

    def column_keys(self, table: IndicatorTable) -> list[str]:
        """The table's column keys after the edit."""
        keys = table.column_keys
        if self.insert_at is None:
            return keys
        added = [n.column.key for n in self.new_columns]
        return keys[: self.insert_at] + added + keys[self.insert_at:]


def plan_table(table: IndicatorTable, previous_year: int, step: int) -> TablePlan | None:
    """The roll-forward plan of `table` when the report year moves on by `step` (0 or more)
    from `previous_year`; None when the table has no year series or nothing to change.

    The series moves on from its latest year up to `previous_year` (later years are targets
    or forecasts), so a series that lags a year keeps lagging. When the year it reaches has
    a column already, that column's empty data cells become `te leveren`; with `step` 0
    (najaar to voorjaar, Q1 to Q2) the report year's figures so far are reset to
    `te leveren` too.
    """
    series = [(i, c) for i, c in enumerate(table.columns) if _in_series(c)]
    reported = [c.year for _, c in series if c.year is not None and c.year <= previous_year]
    if not reported:
        return None
    latest = max(reported)
    plan = TablePlan(table.id, latest + step)
    existing = [c.key for _, c in series if c.year == plan.year]
    if existing:
        refresh = step == 0 and plan.year == previous_year
        _plan_existing(plan, table, existing, refresh)
        return plan if plan.cells else None
    _plan_new(plan, table, series, latest)
    return plan


def _in_series(column: Column) -> bool:
    return column.year is not None and column.role in SERIES_ROLES and column.derived is None


def _plan_existing(plan: TablePlan, table: IndicatorTable, keys: list[str],
                   refresh: bool) -> None:
    for index, row in enumerate(table.rows):
        if _row_action(row) != "missing":
            continue
        cells = row.cells_by_key(table.column_keys)
        wanted: dict[str, Action] = {k: "missing" for k in keys
                                     if refresh or cells[k].is_empty}
        if wanted:
            plan.cells[index] = wanted


def _plan_new(plan: TablePlan, table: IndicatorTable, series: list[tuple[int, Column]],
              latest: int) -> None:
    block = [(i, c) for i, c in series if c.year == latest]
    taken = set(table.column_keys)
    for index, column in block:
        new = bump_column(column, latest, plan.year, taken)
        taken.add(new.key)
        plan.new_columns.append(NewColumn(index, new))
        plan.sources[new.key] = column.key
    plan.insert_at = block[-1][0] + 1
    for index, row in enumerate(table.rows):
        action = _row_action(row)
        if action is not None:
            plan.cells[index] = {n.column.key: action for n in plan.new_columns}
    _plan_derived(plan, table, series, latest)


def _row_action(row: Row) -> Action | None:
    if row.role == "group" or row.derived is not None:
        return None
    return "carry" if row.role in CARRIED_ROLES else "missing"


def bump_year(text: str, years: dict[int, int]) -> str:
    """`text` with each standalone year in `years` replaced by its new year, in one pass."""
    def swap(match: re.Match[str]) -> str:
        return str(years.get(int(match.group()), match.group()))
    return re.sub(r"(?<!\d)(?:19|20|21)\d\d(?!\d)", swap, text)


def bump_column(column: Column, old: int, new: int, taken: set[str]) -> Column:
    """A copy of `column` for year `new`: its id, label and group follow the year."""
    years = {old: new}
    update: dict[str, object] = {"year": new}
    if column.id:
        bumped = bump_year(column.id, years)
        update["id"] = bumped if bumped != column.id else f"{column.id}-{new}"
    if column.label:
        update["label"] = bump_year(column.label, years)
    if column.group:
        update["group"] = bump_year(column.group, years)
    copy = column.model_copy(update=update)
    if copy.key in taken:
        copy = copy.model_copy(update={"id": f"{copy.key}-{new}"})
    return copy


def _plan_derived(plan: TablePlan, table: IndicatorTable, series: list[tuple[int, Column]],
                  latest: int) -> None:
    by_year: dict[int, list[str]] = {}
    for _, column in series:
        if column.year is not None:
            by_year.setdefault(column.year, []).append(column.key)
    by_year.setdefault(plan.year, []).extend(n.column.key for n in plan.new_columns)
    step = plan.year - latest
    keys: dict[str, str] = {}
    years: dict[int, int] = {}
    for year, names in by_year.items():
        after = by_year.get(year + step, [])
        if year <= latest and len(after) == len(names):
            keys.update(zip(names, after, strict=True))
            years[year] = year + step
    for index, column in enumerate(table.columns):
        if column.derived is None:
            continue
        plan.cleared.append(column.key)
        update = _moved(column.derived, keys)
        if update:
            label = bump_year(column.label, years) if column.label else None
            plan.derived.append(DerivedUpdate(index, update, label))


def _moved(derivation: Derivation, keys: dict[str, str]) -> dict[str, list[str]]:
    """The derivation's references moved along the series, if it names series columns."""
    out: dict[str, list[str]] = {}
    for name in (*PAIR_FIELDS, "sum"):
        refs = getattr(derivation, name)
        if isinstance(refs, tuple | list) and refs and all(r in keys for r in refs):
            out[name] = [keys[r] for r in refs]
    return out
