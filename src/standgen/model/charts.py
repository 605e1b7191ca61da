"""Chart specifications: what to draw, pointing at indicator data or carrying its own."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from standgen.model.base import Node
from standgen.model.values import Unit

ChartType = Literal["line", "bar", "stacked", "hbar", "pie", "donut"]


class Series(Node):
    """One series of a chart that carries its own data: a label and one value per category."""

    label: str
    values: list[Decimal | None]
    role: Literal["data", "norm", "streefwaarde", "plan"] = "data"


class ChartSpec(Node):
    """A chart declared by an author: its type and where its numbers come from.

    Either `table` (an indicator table id; `rows` picks series, `columns` picks categories)
    or `categories` plus `series` with the numbers themselves. `norm` draws a reference line.
    """

    type: ChartType
    table: str | None = None
    rows: list[str] | None = None
    columns: list[str] | None = None
    categories: list[str] | None = None
    series: list[Series] | None = None
    unit: Unit | None = None
    norm: Decimal | None = None
    norm_label: str | None = None
    y_label: str | None = None
    height_cm: float = Field(default=7.0, gt=1, le=24)
    data_table: bool = False
    sort: Literal["none", "descending", "ascending"] = "none"

    @model_validator(mode="after")
    def _sort_only_where_drawn(self) -> ChartSpec:
        if self.sort != "none" and self.type != "hbar":
            raise ValueError(f"`sort` orders the bars of an hbar chart; a {self.type} chart "
                             "keeps its categories in the order written: remove `sort` or "
                             "use `type: hbar`")
        return self
