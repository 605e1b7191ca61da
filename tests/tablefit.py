"""What a placed table gives each column on the page, against what its texts need in the
writers' real font metrics (the theme's table font, bold where a writer prints bold)."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.compose.widths import BOLD_ROLES
from standgen.theme.metrics import (
    LANDSCAPE_BLOCK_PT,
    NORMAL_PADDING_PT,
    TEXT_BLOCK_PT,
    TIGHT_PADDING_PT,
    TableMetrics,
    default_metrics,
)


def room(table: t.Table) -> list[float]:
    """The points each column leaves for its text: its share of the text block, less
    the writers' cell padding."""
    layout = table.layout
    budget = LANDSCAPE_BLOCK_PT if layout.mode == "landscape" else TEXT_BLOCK_PT
    padding = 2 * (NORMAL_PADDING_PT if layout.mode == "normal" else TIGHT_PADDING_PT)
    return [share * budget - padding for share in table.column_widths]


def figure_needs(table: t.Table, metrics: TableMetrics | None = None) -> dict[int, float]:
    """Per column, the width of its widest figure (a right-aligned body cell) at the
    table's font scale."""
    metrics = metrics or default_metrics()
    needs: dict[int, float] = {}
    for row in table.body_rows:
        col = 0
        for cell in row.cells:
            text = "".join(i.text for i in cell.inlines if isinstance(i, t.Text))
            if cell.align == "right" and cell.colspan == 1:
                width = metrics.width(text, row.role in BOLD_ROLES, table.layout.font_scale)
                needs[col] = max(needs.get(col, 0.0), width)
            col += cell.colspan
    return needs


def cramped(table: t.Table, metrics: TableMetrics | None = None) -> list[int]:
    """The columns narrower than their widest figure."""
    space = room(table)
    return [col for col, need in figure_needs(table, metrics).items() if space[col] < need]
