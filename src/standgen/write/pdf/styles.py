"""The house style of the PDF: page geometry, and colours and paragraph styles per semantic
role, taken from the theme (templates/themes) that the DOCX writer reads too."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from standgen.compose import tree as t
from standgen.theme import Theme, default_theme
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


def _lead(size: float, ratio: float) -> float:
    """A leading of `ratio` times the size, on a half-point grid."""
    return round(size * ratio * 2) / 2


@dataclass(frozen=True)
class Palette:
    """The theme's colours as reportlab colours."""

    primary: Color
    accent: Color
    on_primary: Color
    panel: Color
    text: Color
    muted: Color
    rule: Color
    marking: Color
    caption: Color
    header_fill: Color | None
    header_text: Color | None
    group_fill: Color

    @classmethod
    def of(cls, theme: Theme) -> Palette:
        """The palette of a theme."""
        c = theme.colours
        table = theme.table
        return cls(
            HexColor(c.primary), HexColor(c.accent), HexColor(c.on_primary), HexColor(c.panel),
            HexColor(c.text), HexColor(c.muted), HexColor(c.rule), HexColor(c.marking),
            HexColor(theme.caption_colour()),
            HexColor(table.header_fill) if table.header_fill else None,
            HexColor(table.header_text) if table.header_text else None,
            HexColor(table.group_fill or c.panel))


@dataclass(frozen=True)
class Styles:
    """All paragraph styles of the document, built for one registered font family."""

    fonts: RegisteredFonts
    theme: Theme
    palette: Palette
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

    def header_cell(self, style: ParagraphStyle) -> ParagraphStyle:
        """A header cell's style: in the theme's header text colour, if it sets one."""
        colour = self.palette.header_text
        if colour is None:
            return style
        return ParagraphStyle(f"{style.name}-head", parent=style, textColor=colour)



def _roles(f: RegisteredFonts, body: ParagraphStyle, theme: Theme, p: Palette
           ) -> dict[str, ParagraphStyle]:
    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    return {
        "body": body,
        "label": derive("label", fontName=f.bold, spaceAfter=2),
        "lead": derive("lead", fontSize=theme.sizes.lead, leading=_lead(theme.sizes.lead, 1.4),
                       textColor=p.primary, spaceAfter=10),
        "note": derive("note", fontSize=theme.sizes.note, leading=_lead(theme.sizes.note, 1.3),
                       textColor=p.muted, spaceAfter=3),
        "signature": derive("signature", spaceBefore=14, spaceAfter=2),
        "caption": derive("caption", fontSize=theme.sizes.caption,
                          leading=_lead(theme.sizes.caption, 1.33), spaceBefore=4, spaceAfter=4,
                          keepWithNext=1),
        "sample": derive("sample", fontName=f.italic, textColor=p.marking,
                         borderColor=p.marking, borderWidth=0.6, borderPadding=4, spaceBefore=6,
                         spaceAfter=10),
        "quote": derive("quote", fontName=f.italic, textColor=p.muted, leftIndent=14,
                        rightIndent=14),
    }


def _chapter(f: RegisteredFonts, body: ParagraphStyle, theme: Theme, p: Palette
             ) -> ParagraphStyle:
    """Level 1: a band in the primary colour (the chapter opener), or a plain heading."""
    size = theme.sizes.h1
    if theme.chapter_opener.style == "band":
        return ParagraphStyle("h1", parent=body, fontName=f.bold, fontSize=size,
                              leading=_lead(size, 1.25), textColor=p.on_primary,
                              backColor=p.primary, borderPadding=(14, 10, 16, 10),
                              spaceBefore=14, spaceAfter=30, keepWithNext=1)
    return ParagraphStyle("h1", parent=body, fontName=f.bold, fontSize=size,
                          leading=_lead(size, 1.25), textColor=p.primary, spaceBefore=0,
                          spaceAfter=14, keepWithNext=1)


def _headings(f: RegisteredFonts, body: ParagraphStyle, theme: Theme, p: Palette
              ) -> dict[int, ParagraphStyle]:
    z = theme.sizes
    return {
        1: _chapter(f, body, theme, p),
        2: ParagraphStyle("h2", parent=body, fontName=f.bold, fontSize=z.h2,
                          leading=_lead(z.h2, 1.28), textColor=p.primary, spaceBefore=14,
                          spaceAfter=6, keepWithNext=1),
        3: ParagraphStyle("h3", parent=body, fontName=f.bold, fontSize=z.h3,
                          leading=_lead(z.h3, 1.3), textColor=p.primary, spaceBefore=10,
                          spaceAfter=4, keepWithNext=1),
        4: ParagraphStyle("h4", parent=body, fontName=f.bold_italic, fontSize=z.h4,
                          leading=_lead(z.h4, 1.4), textColor=p.accent, spaceBefore=6,
                          spaceAfter=2, keepWithNext=1),
    }


def make_styles(fonts: RegisteredFonts, theme: Theme | None = None) -> Styles:
    """The complete style sheet of a theme (the default theme when None), set in the
    registered font family."""
    theme = theme or default_theme()
    p = Palette.of(theme)
    z = theme.sizes
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=z.body,
                          leading=_lead(z.body, 1.45), textColor=p.text, spaceAfter=7,
                          allowWidows=0, allowOrphans=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=z.cell, leading=_lead(z.cell, 1.3),
                          spaceAfter=0)
    small = ParagraphStyle("small", parent=body, fontSize=z.note, leading=_lead(z.note, 1.3),
                           spaceAfter=0)
    caption_font = fonts.bold if theme.caption.bold else fonts.regular
    caption = ParagraphStyle("fig-caption", parent=body, fontName=caption_font,
                             fontSize=z.caption, leading=_lead(z.caption, 1.33),
                             textColor=p.caption, spaceBefore=4, spaceAfter=2)
    return Styles(
        fonts=fonts,
        theme=theme,
        palette=p,
        roles=_roles(fonts, body, theme, p),
        headings=_headings(fonts, body, theme, p),
        cell=cell,
        cell_bold=ParagraphStyle("cell-bold", parent=cell, fontName=fonts.bold),
        footnote=ParagraphStyle("footnote", parent=small, leftIndent=12, bulletIndent=0,
                                bulletFontName=fonts.regular, bulletFontSize=z.note),
        caption=caption,
        table_caption=ParagraphStyle("table-caption", parent=caption, spaceAfter=4),
        source=ParagraphStyle("source", parent=small, textColor=p.muted, spaceAfter=10),
        placeholder=ParagraphStyle("placeholder", parent=body, fontName=fonts.italic,
                                   alignment=TA_CENTER, textColor=p.muted),
    )


def heading_style(styles: Styles, level: int) -> ParagraphStyle:
    """The style of a heading level (deeper levels share level 4's)."""
    return styles.headings[min(max(level, 1), 4)]
