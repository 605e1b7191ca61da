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
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    Palette,
    Styles,
)

RIGHT_EDGE = PAGE_WIDTH - MARGIN_RIGHT
FOOTER_Y = 13 * mm
FOOTER_SIZE = 8.5
MARKED_TOP = 17 * mm


def page_label(page: int, total: int | None, marking: t.Marking | None,
               words: t.Words) -> str:
    """The page number as printed: 'pagina x van y' for marked documents, else the number."""
    if marking is not None and marking.page_x_of_y:
        before, between, after = words.page_x_of_y
        return f"{before}{page}{between}{total if total else '?'}{after}"
    return str(page)


def page_size(canv: Canvas) -> tuple[float, float]:
    """The size of the page being drawn (landscape pages are wider than high)."""
    width, height = canv._pagesize
    return float(width), float(height)


def draw_marking(canv: Canvas, marking: t.Marking, styles: Styles,
                 words: t.Words) -> None:
    """The classification at the top and the bottom of the page, with copy number and extras."""
    width, height = page_size(canv)
    fonts = styles.fonts
    canv.saveState()
    canv.setFillColor(styles.palette.marking)
    canv.setFont(fonts.bold, 9.5)
    canv.drawCentredString(width / 2, height - 9 * mm, marking.text)
    canv.drawCentredString(width / 2, 7 * mm, marking.text)
    canv.setFont(fonts.regular, 7.5)
    if marking.extra:
        extras = labels.SEPARATOR.join(marking.extra)
        canv.drawCentredString(width / 2, height - 12.5 * mm, extras)
    if marking.copy_number:
        before, after = words.copy
        canv.drawString(MARGIN_LEFT, 7 * mm, f"{before}{marking.copy_number}{after}")
    canv.restoreState()


def draw_header(canv: Canvas, text: str, styles: Styles) -> None:
    """The running header above the text block, with a rule under it when the theme says so."""
    width, height = page_size(canv)
    canv.saveState()
    canv.setFont(styles.fonts.regular, styles.theme.sizes.furniture)
    canv.setFillColor(styles.palette.muted)
    canv.drawString(MARGIN_LEFT, height - 19 * mm, text)
    if styles.theme.running_header.rule:
        canv.setStrokeColor(styles.palette.accent)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, height - 20.5 * mm, width - MARGIN_RIGHT, height - 20.5 * mm)
    canv.restoreState()


def draw_footer(canv: Canvas, label: str, page_text: str, styles: Styles) -> None:
    """The footer: the document's footer label left (if the theme shows it), the page
    number right."""
    canv.saveState()
    canv.setFont(styles.fonts.regular, FOOTER_SIZE)
    canv.setFillColor(styles.palette.muted)
    if label and styles.theme.footer.label:
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


def _block_height(cover: t.Cover, styles: Styles) -> float:
    """The height of the title block (title, subtitle, period) as `_title_block` draws it."""
    z = styles.theme.cover
    f = styles.fonts
    height = len(simpleSplit(cover.title, f.bold, z.title_size, TEXT_WIDTH)) * z.title_size
    height *= 1.2
    for text, gap in ((cover.subtitle, 4), (cover.period, 6)):
        if text:
            count = len(simpleSplit(text, f.regular, z.subtitle_size, TEXT_WIDTH))
            height += gap + count * z.subtitle_size * 1.2
    return height


def _title_block(canv: Canvas, cover: t.Cover, styles: Styles, y: float, color: object
                 ) -> float:
    z = styles.theme.cover
    f = styles.fonts
    y = _lines(canv, cover.title, f.bold, z.title_size, y, color)
    if cover.subtitle:
        y = _lines(canv, cover.subtitle, f.regular, z.subtitle_size, y - 4, color)
    return _lines(canv, cover.period, f.regular, z.subtitle_size, y - 6, color)


def _logo(canv: Canvas, styles: Styles, top: float) -> float:
    """The theme's logo at the top left (if any); the baseline below it."""
    z = styles.theme.cover
    if z.logo is None:
        return top
    height = z.logo_height * mm
    canv.drawImage(z.logo, MARGIN_LEFT, top - height, height=height, width=TEXT_WIDTH / 2,
                   preserveAspectRatio=True, anchor="sw", mask="auto")
    return float(top - height - 4 * mm)


def draw_cover(canv: Canvas, cover: t.Cover, styles: Styles, marked: bool) -> None:
    """The cover: a band (or a rule) with ministry and title block, then edition label,
    date and tagline, and the classification in a panel at the foot."""
    p = styles.palette
    f = styles.fonts
    z = styles.theme.cover
    canv.saveState()
    top = PAGE_HEIGHT - (MARKED_TOP if marked else 0)
    bottom = PAGE_HEIGHT - z.band_height * mm
    banded = z.band == "top"
    ink = p.on_primary if banded else p.primary
    if banded:
        canv.setFillColor(p.primary)
        canv.rect(0, bottom, PAGE_WIDTH, top - bottom, stroke=0, fill=1)
    y = _logo(canv, styles, top - 14 * mm)
    canv.setFillColor(ink)
    canv.setFont(f.bold, 11)
    canv.drawString(MARGIN_LEFT, y - 11, cover.ministry)
    if not banded:
        canv.setStrokeColor(p.primary)
        canv.setLineWidth(1.2)
        canv.line(MARGIN_LEFT, y - 17, RIGHT_EDGE, y - 17)
    y = bottom + 14 * mm + _block_height(cover, styles) - z.title_size
    _title_block(canv, cover, styles, y, ink)
    _below_band(canv, cover, styles, bottom)
    _classification(canv, cover.classification_lines, styles)
    canv.restoreState()


def _below_band(canv: Canvas, cover: t.Cover, styles: Styles, bottom: float) -> None:
    """Edition label, date and tagline under the band, with an accent bar at their left."""
    p: Palette = styles.palette
    f = styles.fonts
    start = y = bottom - 16 * mm
    y = _lines(canv, cover.edition_label, f.bold, 15, y, p.primary)
    if cover.date:
        y = _lines(canv, cover.date, f.regular, 11, y - 2, p.muted)
    canv.setFillColor(p.accent)
    canv.rect(MARGIN_LEFT - 5 * mm, y + 8, 1.6 * mm, start + 15 - (y + 8), stroke=0, fill=1)
    if cover.tagline:
        _lines(canv, cover.tagline, f.italic, 13, y - 16, p.accent)


def _classification(canv: Canvas, lines: tuple[str, ...], styles: Styles) -> None:
    """Classification lines in a light panel at the foot of the cover."""
    if not lines:
        return
    markup = "<br/>".join(escape(line) for line in lines)
    para = RLParagraph(markup, styles.role("note"))
    _, height = para.wrap(TEXT_WIDTH - 8 * mm, 30 * mm)
    canv.setFillColor(styles.palette.panel)
    canv.rect(MARGIN_LEFT, 34 * mm - height - 4 * mm, TEXT_WIDTH, height + 6 * mm,
              stroke=0, fill=1)
    para.drawOn(canv, MARGIN_LEFT + 4 * mm, 34 * mm - height - 1 * mm)
