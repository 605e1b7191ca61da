"""Wide tables in the PDF: the fitted cell style (smaller font, tighter padding, figures
never broken) and tables placed on a landscape page, as the composer decided."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from standgen.compose import tree as t
from standgen.theme.metrics import TIGHT_PADDING_PT
from standgen.write.pdf.styles import ALIGN, Styles

NORMAL_PADDING = 4.0
TIGHT_PADDING = TIGHT_PADDING_PT


def cell_style(styles: Styles, align: t.Align, bold: bool, scale: float,
               header: bool = False) -> ParagraphStyle:
    """A cell's style at the table's font scale. A figure (a right-aligned body cell)
    never breaks inside a word; a text or header may break after a hyphen in it
    ("Noord-|Holland"), as the column widths allow (compose/widths.py)."""
    base = styles.cell_bold if bold else styles.cell
    figure = align == "right" and not header
    name = (f"{base.name}-{align}" + ("-h" if header else "")
            + (f"-{scale:g}" if scale != 1.0 else ""))
    return ParagraphStyle(name, parent=base, alignment=ALIGN[align],
                          fontSize=base.fontSize * scale, leading=base.leading * scale,
                          splitLongWords=0 if figure else 1,
                          embeddedHyphenation=0 if figure else 1)


def cell_padding(table: t.Table) -> float:
    """Left and right cell padding: tighter for fitted, landscape and split tables."""
    return NORMAL_PADDING if table.layout.mode == "normal" else TIGHT_PADDING


def carry_headings(story: list[Flowable], flowables: list[Flowable],
                   is_heading: Callable[[Flowable], bool]) -> list[Flowable]:
    """Move the headings that end `story` onto the landscape page of the table that
    follows them, so that no heading is left alone at the foot of a portrait page."""
    carried: list[Flowable] = []
    while story and is_heading(story[-1]):
        carried.insert(0, story.pop())
    if not carried:
        return flowables
    at = next(i for i, f in enumerate(flowables) if isinstance(f, PageBreak)) + 1
    return [*flowables[:at], *carried, *flowables[at:]]


def placed_table(table: t.Table, build: Callable[[float], list[Flowable]],
                 portrait: float, landscape: float) -> list[Flowable]:
    """The flowables of a table; a landscape table on landscape pages of its own."""
    if table.layout.mode != "landscape":
        return build(portrait)
    return [NextPageTemplate("landscape"), PageBreak(), *build(landscape),
            NextPageTemplate("body"), PageBreak()]
