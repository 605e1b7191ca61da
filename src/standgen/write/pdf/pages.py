"""What is drawn around the text block: cover, running header, footer and the marking."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph

from standgen.compose import tree as t
from standgen.write.pdf import labels
from standgen.write.pdf.styles import (
    LIGHT_BLUE,
    LOGO_BLUE,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARKING_RED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE_GREY,
    SKY_BLUE,
    TEXT_GREY,
    TEXT_WIDTH,
    Styles,
)

RIGHT_EDGE = PAGE_WIDTH - MARGIN_RIGHT
PLAIN_WORDS = t.Words()
FOOTER_Y = 13 * mm
FOOTER_SIZE = 8.5


def page_label(page: int, total: int | None, marking: t.Marking | None,
               words: t.Words = PLAIN_WORDS) -> str:
    """The page number as printed: 'pagina x van y' for marked documents, else the number."""
    if marking is not None and marking.page_x_of_y:
        before, between, after = words.page_x_of_y
        return f"{before}{page}{between}{total if total else '?'}{after}"
    return str(page)


def page_size(canv: Canvas) -> tuple[float, float]:
    """The size of the page being drawn (landscape pages are wider than high)."""
    width, height = canv._pagesize
    return float(width), float(height)


def draw_marking(canv: Canvas, marking: t.Marking, fonts_bold: str, fonts_regular: str,
                 words: t.Words = PLAIN_WORDS) -> None:
    """The classification at the top and the bottom of the page, with copy number and extras."""
    width, height = page_size(canv)
    canv.saveState()
    canv.setFillColor(MARKING_RED)
    canv.setFont(fonts_bold, 9.5)
    canv.drawCentredString(width / 2, height - 9 * mm, marking.text)
    canv.drawCentredString(width / 2, 7 * mm, marking.text)
    canv.setFont(fonts_regular, 7.5)
    if marking.extra:
        extras = labels.SEPARATOR.join(marking.extra)
        canv.drawCentredString(width / 2, height - 12.5 * mm, extras)
    if marking.copy_number:
        before, after = words.copy
        canv.drawString(MARGIN_LEFT, 7 * mm, f"{before}{marking.copy_number}{after}")
    canv.restoreState()


def draw_header(canv: Canvas, text: str, font: str) -> None:
    """The running header above the text block, with a rule under it."""
    width, height = page_size(canv)
    canv.saveState()
    canv.setFont(font, 8.5)
    canv.setFillColor(TEXT_GREY)
    canv.drawString(MARGIN_LEFT, height - 19 * mm, text)
    canv.setStrokeColor(RULE_GREY)
    canv.setLineWidth(0.4)
    canv.line(MARGIN_LEFT, height - 20.5 * mm, width - MARGIN_RIGHT, height - 20.5 * mm)
    canv.restoreState()


def draw_footer(canv: Canvas, label: str, page_text: str, font: str) -> None:
    """The footer: the document's footer label left, the page number right."""
    canv.saveState()
    canv.setFont(font, FOOTER_SIZE)
    canv.setFillColor(TEXT_GREY)
    if label:
        canv.drawString(MARGIN_LEFT, FOOTER_Y, label)
    if page_text:
        canv.drawRightString(page_size(canv)[0] - MARGIN_RIGHT, FOOTER_Y, page_text)
    canv.restoreState()


def _lines(canv: Canvas, text: str, font: str, size: float, y: float,
           color: object, width: float = TEXT_WIDTH) -> float:
    """Draw wrapped text downwards from baseline y; return the next free baseline."""
    canv.setFont(font, size)
    canv.setFillColor(color)
    for line in simpleSplit(text, font, size, width):
        canv.drawString(MARGIN_LEFT, y, line)
        y -= size * 1.2
    return y


def draw_cover(canv: Canvas, cover: t.Cover, styles: Styles, marked: bool) -> None:
    """The cover: ribbon and ministry at the top, title block, edition and classification."""
    f = styles.fonts
    canv.saveState()
    canv.setFillColor(LOGO_BLUE)
    top = PAGE_HEIGHT - (17 * mm if marked else 0)
    canv.rect(PAGE_WIDTH / 2 - 6 * mm, PAGE_HEIGHT - 42 * mm, 12 * mm,
              top - PAGE_HEIGHT + 42 * mm, stroke=0, fill=1)
    canv.setFont(f.regular, 11)
    canv.drawString(PAGE_WIDTH / 2 + 9 * mm, PAGE_HEIGHT - 38 * mm, cover.ministry)
    y = _lines(canv, cover.title, f.bold, 34, PAGE_HEIGHT * 0.62, LOGO_BLUE)
    if cover.subtitle:
        y = _lines(canv, cover.subtitle, f.regular, 16, y - 4, LOGO_BLUE)
    y = _lines(canv, cover.period, f.regular, 16, y - 6, LOGO_BLUE)
    if cover.tagline:
        y = _lines(canv, cover.tagline, f.italic, 13, y - 14, SKY_BLUE)
    canv.setFillColor(LOGO_BLUE)
    canv.rect(0, 40 * mm, PAGE_WIDTH, 18 * mm, stroke=0, fill=1)
    canv.setFillColor("#FFFFFF")
    canv.setFont(f.bold, 14)
    canv.drawString(MARGIN_LEFT, 47 * mm, cover.edition_label)
    _classification(canv, cover.classification_lines, styles)
    canv.restoreState()


def _classification(canv: Canvas, lines: tuple[str, ...], styles: Styles) -> None:
    """Classification lines in a light panel under the edition band."""
    if not lines:
        return
    markup = "<br/>".join(escape(line) for line in lines)
    para = RLParagraph(markup, styles.role("note"))
    _, height = para.wrap(TEXT_WIDTH - 8 * mm, 30 * mm)
    canv.setFillColor(LIGHT_BLUE)
    canv.rect(MARGIN_LEFT, 34 * mm - height - 4 * mm, TEXT_WIDTH, height + 6 * mm,
              stroke=0, fill=1)
    para.drawOn(canv, MARGIN_LEFT + 4 * mm, 34 * mm - height - 1 * mm)
