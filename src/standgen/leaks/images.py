"""Confidential charts as images: their content hashes, to find them embedded in a DOCX
(`extract.embedded_image_hashes` reads the hashes of an artifact's images)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from standgen.compose.document import all_blocks
from standgen.compose.figures import chart_data, draw_all
from standgen.compose.templating import TextTemplates
from standgen.edition.levels import Levels
from standgen.model.report import FigureBlock, Report, TableBlock


def _secret_figures(report: Report, levels: Levels) -> list[FigureBlock]:
    """Figures whose own rubricering is confidential, or whose chart draws a secret table."""
    secret_tables = {b.table.id for b in all_blocks(report) if isinstance(b, TableBlock)
                     and _is_secret(b.table.rubricering or b.rubricering, levels)}
    found: list[FigureBlock] = []
    for block in all_blocks(report):
        if isinstance(block, FigureBlock) and block.chart is not None and (
                _is_secret(block.rubricering, levels) or block.chart.table in secret_tables):
            found.append(block)
    return found


def _is_secret(level_id: str | None, levels: Levels) -> bool:
    level = levels.get(level_id) if level_id else None
    return level is not None and not level.is_public


def confidential_chart_hashes(report: Report, levels: Levels, cache_dir: Path
                              ) -> dict[str, str]:
    """sha256 of the PNG of every confidential chart, mapped to the figure it draws."""
    figures = _secret_figures(report, levels)
    if not figures:
        return {}
    tables = {b.table.id: b.table for b in all_blocks(report) if isinstance(b, TableBlock)}
    texts = TextTemplates()
    data = [chart_data(f, f.chart, tables, texts) for f in figures if f.chart]
    rendered = draw_all(data, cache_dir, jobs=1)
    return {hashlib.sha256(r.raster_path.read_bytes()).hexdigest(): f"figure {f.id}"
            for f, r in zip(figures, rendered, strict=True)}
