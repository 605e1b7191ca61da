"""The house style of the PDF: page geometry, colours and paragraph styles per semantic role."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from standgen.compose import tree as t
from standgen.write.pdf.fonts import RegisteredFonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 25 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 25 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

LOGO_BLUE: Color = HexColor("#154273")
SKY_BLUE: Color = HexColor("#007BC7")
LIGHT_BLUE: Color = HexColor("#DCEBF5")
GROUP_GREY: Color = HexColor("#EEEEEE")
RULE_GREY: Color = HexColor("#9A9A9A")
TEXT_GREY: Color = HexColor("#555555")
MARKING_RED: Color = HexColor("#B00000")

ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


@dataclass(frozen=True)
class Styles:
    """All paragraph styles of the document, built for one registered font family."""

    fonts: RegisteredFonts
    roles: dict[str, ParagraphStyle]
    headings: dict[int, ParagraphStyle]
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    footnote: ParagraphStyle
    caption: ParagraphStyle
    table_caption: ParagraphStyle
    source: ParagraphStyle
    placeholder: ParagraphStyle

    def role(self, name: t.ParagraphStyle) -> ParagraphStyle:
        """The style for a paragraph's semantic role."""
        return self.roles[name]

    def cell_style(self, align: t.Align, bold: bool) -> ParagraphStyle:
        """A table-cell style with the cell's alignment."""
        base = self.cell_bold if bold else self.cell
        return ParagraphStyle(f"{base.name}-{align}", parent=base, alignment=ALIGN[align])


def _roles(f: RegisteredFonts, body: ParagraphStyle) -> dict[str, ParagraphStyle]:
    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    return {
        "body": body,
        "label": derive("label", fontName=f.bold, spaceAfter=2),
        "lead": derive("lead", fontSize=11.5, leading=16, textColor=LOGO_BLUE, spaceAfter=10),
        "note": derive("note", fontSize=8, leading=10.5, textColor=TEXT_GREY, spaceAfter=3),
        "signature": derive("signature", spaceBefore=14, spaceAfter=2),
        "caption": derive("caption", fontSize=9, leading=12, spaceBefore=4, spaceAfter=4,
                          keepWithNext=1),
        "sample": derive("sample", fontName=f.italic, textColor=MARKING_RED,
                         borderColor=MARKING_RED, borderWidth=0.6, borderPadding=4, spaceBefore=6,
                         spaceAfter=10),
        "quote": derive("quote", fontName=f.italic, textColor=TEXT_GREY, leftIndent=14,
                        rightIndent=14),
    }


def _headings(f: RegisteredFonts, body: ParagraphStyle) -> dict[int, ParagraphStyle]:
    return {
        1: ParagraphStyle("h1", parent=body, fontName=f.bold, fontSize=20, leading=25,
                          textColor=LOGO_BLUE, spaceBefore=0, spaceAfter=14, keepWithNext=1),
        2: ParagraphStyle("h2", parent=body, fontName=f.bold, fontSize=14, leading=18,
                          textColor=LOGO_BLUE, spaceBefore=14, spaceAfter=6, keepWithNext=1),
        3: ParagraphStyle("h3", parent=body, fontName=f.bold, fontSize=11.5, leading=15,
                          spaceBefore=10, spaceAfter=4, keepWithNext=1),
        4: ParagraphStyle("h4", parent=body, fontName=f.bold_italic, fontSize=10, leading=14,
                          spaceBefore=6, spaceAfter=2, keepWithNext=1),
    }


def make_styles(fonts: RegisteredFonts) -> Styles:
    """The complete style sheet for one registered font family."""
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=14.5,
                          spaceAfter=7, allowWidows=0, allowOrphans=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, spaceAfter=0)
    return Styles(
        fonts=fonts,
        roles=_roles(fonts, body),
        headings=_headings(fonts, body),
        cell=cell,
        cell_bold=ParagraphStyle("cell-bold", parent=cell, fontName=fonts.bold),
        footnote=ParagraphStyle("footnote", parent=small, leftIndent=12, bulletIndent=0,
                                bulletFontName=fonts.regular, bulletFontSize=8),
        caption=ParagraphStyle("fig-caption", parent=body, fontSize=9, leading=12,
                               spaceBefore=4, spaceAfter=2),
        table_caption=ParagraphStyle("table-caption", parent=body, fontSize=9, leading=12,
                                     spaceBefore=4, spaceAfter=4),
        source=ParagraphStyle("source", parent=small, textColor=TEXT_GREY, spaceAfter=10),
        placeholder=ParagraphStyle("placeholder", parent=body, fontName=fonts.italic,
                                   alignment=TA_CENTER, textColor=TEXT_GREY),
    )


def heading_style(styles: Styles, level: int) -> ParagraphStyle:
    """The style of a heading level (deeper levels share level 4's)."""
    return styles.headings[min(max(level, 1), 4)]
