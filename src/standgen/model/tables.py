"""Indicator tables: columns, rows and cells as data, with derived rows and columns.

A table is a grid of `Cell`s. Columns are usually years with a role (realisatie, plan,
norm, doel); rows are series with a role. Derived rows (% realisatie, totals) and derived
columns (delta) are declared, computed by standgen and checked against published values.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from standgen.model.base import AltText, Classified, Node
from standgen.model.values import EMPTY_CELL, Cell, Unit


def _a_reason(text: str) -> str:
    if not text.strip():
        raise ValueError("`not_a_total` needs the reason why the figures are no total "
                         "(e.g. `not_a_total: toevallig gelijk aan de som`), not a blank")
    return text


Reason = Annotated[str, AfterValidator(_a_reason)]
"""A written reason: text with at least one character that is not blank."""

Role = Literal[
    "data", "realisatie", "plan", "streefwaarde", "norm", "doel", "percentage",
    "delta", "total", "subtotal", "group",
]
TableKind = Literal["kpi", "kengetal", "tabel"]


class Derivation(Node):
    """How a derived row or column is computed from others (exactly one field is set).

    - `sum`: the ids to add up, or "above" for every data row since the last subtotal;
    - `percent_of`: [numerator, denominator] ids, giving numerator / denominator × 100;
    - `delta`: [from, to] ids, giving to − from;
    - `difference`: [a, b] ids, giving a − b.

    `crossing` says which rule fills a cell where a derived row meets a derived column and
    the two rules read differently (a percentage of deltas or a delta of percentages).
    """

    sum: list[str] | Literal["above", "all"] | None = None
    percent_of: tuple[str, str] | None = None
    delta: tuple[str, str] | None = None
    difference: tuple[str, str] | None = None
    tolerance: float | None = Field(default=None, ge=0)
    crossing: Literal["row", "column", "empty"] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Derivation:
        given = [n for n in ("sum", "percent_of", "delta", "difference")
                 if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("a derivation takes exactly one of: sum, percent_of, delta, "
                             f"difference (got {', '.join(given) or 'none'})")
        return self


class Column(Node):
    """A column: a year with a role (label composed from the standard labels), or a label.
    `group` puts it under a spanning header (two-level headers)."""

    id: str | None = None
    label: str | None = None
    year: int | None = Field(default=None, ge=1900, le=2200)
    role: Role | None = None
    group: str | None = None
    unit: Unit | None = None
    derived: Derivation | None = None
    not_a_total: Reason | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        if isinstance(data, bool):
            return data
        if isinstance(data, int):
            return {"year": data}
        if isinstance(data, str):
            return {"label": data}
        return data

    @property
    def key(self) -> str:
        """The id by which rows, derivations and data files refer to this column."""
        if self.id:
            return self.id
        if self.year is not None:
            return f"{self.role}-{self.year}" if self.role else str(self.year)
        if self.label:
            return self.label
        return self.role or ""


class Row(Classified):
    """A row: a label, a role, and one cell per column (a list in column order, or a
    mapping from column key to cell). Rows of role `group` hold no values."""

    id: str | None = None
    label: str = ""
    role: Role = "data"
    unit: Unit | None = None
    values: list[Cell] | dict[str, Cell] = Field(default_factory=list)
    derived: Derivation | None = None
    marker: str | None = None
    not_a_total: Reason | None = None
    """Why this undeclared row is no total although its figures match a sum of rows (or
    its label reads like one), in a table the openbaar loses figures of."""

    def cells_by_key(self, keys: list[str]) -> dict[str, Cell]:
        """The row's cells keyed by column key (missing cells are empty)."""
        if isinstance(self.values, dict):
            return {k: self.values.get(k, EMPTY_CELL) for k in keys}
        padded = list(self.values) + [EMPTY_CELL] * (len(keys) - len(self.values))
        return dict(zip(keys, padded, strict=False))

    @property
    def key(self) -> str:
        return self.id or self.label


class TableNote(Classified):
    """A note printed below a table; `marker` ties it to cells marked the same way."""

    text: str
    marker: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data


class IndicatorTable(Classified):
    """An indicator table (KPI, kengetal or plain table), its data inline or from a file.

    `data` names a CSV or XLSX file (relative to the YAML file) whose first column holds
    row ids and whose header holds column keys; it fills the rows' values. `data_style`
    (nl or plain) says how its figures are written, overriding the report's `number_style`.
    """

    id: str
    title: str
    kind: TableKind = "kpi"
    stub: str = ""
    unit: Unit = Field(default_factory=Unit)
    columns: list[Column]
    rows: list[Row]
    notes: list[TableNote] = Field(default_factory=list)
    data: str | None = None
    sheet: str | None = None
    data_style: Literal["nl", "plain"] | None = None
    data_skip: dict[Literal["rows", "columns"], list[str]] = Field(default_factory=dict)
    show_header: bool = True
    alt: AltText | None = None
    source_note: str | None = None
    unit_note: Literal["none", "stub"] = "none"
    layout: Literal["auto", "normal", "fit", "landscape", "split"] = "auto"
    short_labels: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _short_label_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("short_labels"), dict):
            data = dict(data)
            data["short_labels"] = {str(k): v for k, v in data["short_labels"].items()
                                    if k != "__source__"}
        return data

    @model_validator(mode="after")
    def _short_labels_name_columns(self) -> IndicatorTable:
        unknown = sorted(set(self.short_labels) - {c.key for c in self.columns})
        if unknown:
            raise ValueError(f"short_labels names no column: {', '.join(unknown)}; use the "
                             "column keys (years, ids or labels)")
        return self

    @property
    def column_keys(self) -> list[str]:
        return [c.key for c in self.columns]

    @model_validator(mode="after")
    def _unique_keys(self) -> IndicatorTable:
        """Every row and column is found by its key; two with one key would share values,
        derivations and rubricering, so a table with an ambiguous key is refused."""
        errors = _duplicates("rows", "row", [(r.key, _row_origin(r), r) for r in self.rows])
        errors += _duplicates("columns", "column",
                              [(c.key, _column_origin(c), c) for c in self.columns])
        if errors:
            raise ValidationError.from_exception_data("IndicatorTable", errors)
        return self


def _row_origin(row: Row) -> str:
    return "id" if row.id else "label"


def _column_origin(column: Column) -> str:
    if column.id:
        return "id"
    return "year" if column.year is not None else "label" if column.label else "role"


def _duplicates(field: str, what: str,
                keyed: list[tuple[str, str, Node]]) -> list[InitErrorDetails]:
    """An error at each row or column whose key an earlier one already has."""
    first: dict[str, tuple[int, str, Node]] = {}
    errors: list[InitErrorDetails] = []
    for index, (key, origin, node) in enumerate(keyed):
        if key not in first:
            first[key] = (index, origin, node)
            continue
        earlier, other_origin, other = first[key]
        line = other.source.line if other.source is not None else None
        where = f"{what} {earlier + 1}" + (f" at line {line}" if line is not None else "")
        mixed = "values and rubricering" if what == "row" else "values"
        message = (f"{what} {index + 1} has the key {key!r} (from its {origin}), like {where} "
                   f"(from its {other_origin}); give each {what} its own `id` (a {what} is "
                   f"found by its key, so the {mixed} of the two would mix)")
        errors.append(InitErrorDetails(
            type=PydanticCustomError(f"duplicate_{what}_key", "{message}", {"message": message}),
            loc=(field, index, "id" if origin == "id" else origin), input=key))
    return errors
