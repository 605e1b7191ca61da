"""What a placed table gives each column on the page, against what its texts need in the
writers' real font metrics (the theme's table font, bold where a writer prints bold)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

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

NS = "{http://www.w3.org/1999/xhtml}"


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


def rendered_words(pdf: Path, font_pt: float) -> list[list[tuple[str, float]]]:
    """Per page of a PDF, each word printed at most `font_pt` points (a table's text, not
    the body text around it) and its width in points (poppler's word boxes, whose height
    is 0.94 of the font size in Liberation Sans)."""
    raw = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         check=True).stdout
    root = ET.fromstring(raw)
    pages = []
    for page in root.iter(f"{NS}page"):
        words = []
        for word in page.iter(f"{NS}word"):
            height = float(word.get("yMax", 0)) - float(word.get("yMin", 0))
            if height <= 0.94 * font_pt + 0.3:
                words.append((word.text or "",
                              float(word.get("xMax", 0)) - float(word.get("xMin", 0))))
        pages.append(words)
    return pages


def too_wide(table: t.Table, words: list[tuple[str, float]]) -> list[tuple[str, float, float]]:
    """The figures of `table` printed (as whole words on a page's `words`) wider than
    their column leaves room for: (figure, printed width, room)."""
    space = room(table)
    printed: dict[str, float] = {}
    for text, width in words:
        printed[text] = max(printed.get(text, 0.0), width)
    faults = []
    for col, texts in figure_texts(table).items():
        for text in texts:
            if len(text.split()) == 1 and printed.get(text, 0.0) > space[col]:
                faults.append((text, printed[text], space[col]))
    return faults


def figure_texts(table: t.Table) -> dict[int, set[str]]:
    """Per column, the texts of its figures (right-aligned body cells)."""
    texts: dict[int, set[str]] = {}
    for row in table.body_rows:
        col = 0
        for cell in row.cells:
            if cell.align == "right" and cell.colspan == 1:
                text = "".join(i.text for i in cell.inlines if isinstance(i, t.Text))
                texts.setdefault(col, set()).add(text)
            col += cell.colspan
    return texts
