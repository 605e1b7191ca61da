"""Indicator values as data: a number with a unit and a status, never a formatted string."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from standgen.model.base import Classified, Node


class Status(StrEnum):
    """The state of a value; everything but `definitief` and `voorlopig` means no number."""

    DEFINITIEF = "definitief"
    VOORLOPIG = "voorlopig"
    NTB = "n.t.b."
    NOG_NIET_BEKEND = "nog niet bekend"
    NVT = "n.v.t."
    NOT_DUE = "niet van toepassing dit jaar"
    GEEN_DATA = "geen gegevens"
    MISSING = "te leveren"
    WITHHELD = "vertrouwelijk"


STATUS_ALIASES: dict[str, Status] = {
    "n.t.b.": Status.NTB,
    "ntb": Status.NTB,
    "nog niet bekend": Status.NOG_NIET_BEKEND,
    "n.v.t.": Status.NVT,
    "nvt": Status.NVT,
    "-": Status.GEEN_DATA,
    "–": Status.GEEN_DATA,
    "te leveren": Status.MISSING,
}

UnitKind = Literal["count", "vte", "percent", "euro", "rank", "fraction", "text", "number"]
Scale = Literal["een", "duizend", "miljoen", "miljard"]
Qualifier = Literal["minder dan", "meer dan", "ruim", "circa", "ongeveer", "bijna", "ten minste",
                    "hooguit", "<", ">", "≤", "≥", "~"]


class Unit(Node):
    """How a value is measured and printed: kind, fixed decimals (None keeps the source's
    own precision), the scale of an amount, and an optional word after the number."""

    kind: UnitKind = "count"
    decimals: int | None = Field(default=None, ge=0, le=6)
    scale: Scale = "een"
    suffix: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"kind": data}
        return data


class Cell(Classified):
    """One value of a table. `value` is the number; `text` is free text (or a label shown
    before the number); `of` makes a fraction (5 van 8); `top` a bound (Top 10);
    `marker` links the value to a table note (*, **); `qualifier` ("minder dan", "ruim",
    "circa", "<" …) is part of the value and printed with it: "minder dan 25%"."""

    value: Decimal | None = None
    text: str | None = None
    status: Status | None = None
    of: Decimal | None = None
    top: bool = False
    marker: str | None = None
    unit: Unit | None = None
    qualifier: Qualifier | None = None

    @model_validator(mode="after")
    def _qualifies_a_number(self) -> Cell:
        if self.qualifier is not None and self.value is None:
            raise ValueError("a qualifier needs a value: write {value: 25, qualifier: "
                             f"{self.qualifier}}}")
        return self

    @field_validator("value", "of", mode="before")
    @classmethod
    def _figure(cls, value: Any) -> Any:
        """A figure is a number: text ("1.150") is never read as one here, where its number
        style is unknown (the loader reads data files under the declared style)."""
        if isinstance(value, str | bool):
            raise ValueError(f"{value!r} is not a number; write the figure as a number")
        if isinstance(value, float | Decimal) and not Decimal(value).is_finite():
            raise ValueError("NaN or infinity is not a figure")
        return value

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        if data is None:
            return {}
        if isinstance(data, bool):
            return {"text": "ja" if data else "nee"}
        if isinstance(data, int | float | Decimal):
            return {"value": Decimal(str(data))}
        if isinstance(data, str):
            alias = STATUS_ALIASES.get(data.strip().lower())
            return {"status": alias} if alias is not None else {"text": data}
        return data

    @property
    def is_empty(self) -> bool:
        return self.value is None and self.text is None and self.status is None


EMPTY_CELL = Cell.model_construct()
"""The cell of a row without a value in a column. One shared instance (cells are frozen),
made without validating: a warm build then never builds the cell validators it does not
use."""
