"""Plain chart data handed to the renderer: categories, series and unit, already resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from standgen.format.units import NumberWords
from standgen.model.values import Unit

ChartKind = Literal["line", "bar", "stacked", "hbar", "pie", "donut"]
SeriesRole = Literal["data", "norm", "streefwaarde", "plan"]


@dataclass(frozen=True)
class ChartSeries:
    """One series: its legend label, one value per category (None is a gap), and its role."""

    label: str
    values: tuple[Decimal | None, ...]
    role: SeriesRole = "data"


@dataclass(frozen=True)
class ChartWords:
    """The words a chart speaks or prints, from the templates (compose fills them): the
    name of each chart type, the alt text's head cut around the type and the subject,
    "van … naar …" cut around its two values, and the words of the image and data table."""

    kinds: tuple[tuple[str, str], ...]
    head: tuple[str, str, str]
    from_to: tuple[str, str, str]
    no_data: str
    norm: str
    total: str
    share: str
    gap: str
    numbers: NumberWords

    def kind(self, chart_type: str) -> str:
        """The name of a chart type ("Lijndiagram")."""
        return dict(self.kinds)[chart_type]


@dataclass(frozen=True)
class ChartData:
    """Everything needed to draw one chart; `title` feeds the alt text, not the image."""

    type: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    unit: Unit
    norm: Decimal | None = None
    norm_label: str | None = None
    y_label: str | None = None
    height_cm: float = 7.0
    sort: Literal["none", "descending", "ascending"] = "none"
    words: ChartWords = field(kw_only=True)

    @property
    def data_series(self) -> tuple[ChartSeries, ...]:
        """The series with role `data` (drawn as bars, lines or slices)."""
        return tuple(s for s in self.series if s.role == "data")

    @property
    def reference_series(self) -> tuple[ChartSeries, ...]:
        """The series that are targets or plans (norm, streefwaarde, plan), drawn dashed."""
        return tuple(s for s in self.series if s.role != "data")


@dataclass(frozen=True)
class RenderedChart:
    """A drawn chart: PDF for the PDF writer, PNG for DOCX, its alt text and printed size."""

    vector_path: Path
    raster_path: Path
    alt_text: str
    width_cm: float
    height_cm: float
    key: str


def ranked_order(data: ChartData) -> list[int]:
    """Category indexes in the author's order, or by the first data series when a sort is
    asked for (largest first for `descending`); gaps last."""
    series = data.data_series[0] if data.data_series else None
    if series is None or data.sort == "none":
        return list(range(len(data.categories)))
    sign = -1 if data.sort == "descending" else 1

    def rank(i: int) -> tuple[int, Decimal]:
        value = series.values[i] if i < len(series.values) else None
        return (1, Decimal(0)) if value is None else (0, sign * value)

    return sorted(range(len(data.categories)), key=rank)
