"""Table metrics: how wide a cell's text is in the theme's table font, and the page a table
goes on, as both writers print them. Composing decides a table's layout with these, so
that a table is printed at the largest font at which its figures truly fit."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from standgen.theme.model import Theme

MM = 72 / 25.4
TEXT_BLOCK_PT = 165 * MM
"""The text block of an A4 portrait page (210 mm less margins of 25 and 20 mm), in both
writers."""
LANDSCAPE_BLOCK_PT = 252 * MM
"""The text block of an A4 landscape page (297 mm less the same margins)."""
NORMAL_PADDING_PT = 4.25
"""A cell's left (and right) padding in a normal table: the wider of the two writers
(the DOCX's 85 twips; the PDF's 4 pt)."""
TIGHT_PADDING_PT = 2.0
"""A cell's left (and right) padding in a fitted, landscape or split table, in both."""
SLACK_PT = 0.75
"""Room each column keeps beyond its text: rounding of widths and a renderer's own
spacing (LibreOffice's rendering of the DOCX) never push a figure onto two lines."""
UNKNOWN_EM = 1.0
"""The width assumed for a character the font does not have (a fallback glyph)."""


@dataclass(frozen=True)
class TableMetrics:
    """The advance widths (in em) of the table font's regular and bold faces and the
    table text size in points."""

    size: float
    regular: Mapping[int, float]
    bold: Mapping[int, float]
    _known: dict[tuple[str, bool], float] = field(default_factory=dict, compare=False,
                                                  repr=False)

    def width(self, text: str, bold: bool = False, scale: float = 1.0) -> float:
        """The width of `text` in points at font scale `scale`."""
        em = self._known.get((text, bold))
        if em is None:
            advances = self.bold if bold else self.regular
            em = sum(advances.get(ord(c), UNKNOWN_EM) for c in text)
            self._known[(text, bold)] = em
        return em * self.size * scale


@functools.lru_cache(maxsize=8)
def advances(path: str) -> Mapping[int, float]:
    """Each character's advance width in em, read from a TrueType font file."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {code: metrics[glyph][0] / per_em
                for code, glyph in font.getBestCmap().items()}


def table_metrics(theme: Theme) -> TableMetrics:
    """The table metrics of a loaded theme (its font paths resolved)."""
    return TableMetrics(theme.sizes.cell, advances(theme.fonts.regular),
                        advances(theme.fonts.bold))


@functools.lru_cache(maxsize=1)
def default_metrics() -> TableMetrics:
    """The table metrics of the default theme."""
    from standgen.theme.load import default_theme

    return table_metrics(default_theme())
