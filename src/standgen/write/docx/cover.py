"""The cover page, as the PDF draws it: a band in the primary colour (a full-width table
cell) with ministry and title block, then edition label, date and tagline. The
classification lines go into the cover's footer (sections.py), at the foot of the page."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Mm

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.docx.context import Context
from standgen.write.docx.oxml import Element, el, paragraph, text_run, xml_safe
from standgen.write.docx.styles import STYLE

TWIPS_PER_MM = 56.6929
MARKED_TOP_MM = 17.0
PAD_MM = 14.0
MINISTRY_ROW_MM = 32.0


def cover_top_mm(marked: bool) -> float:
    """The cover's top margin: the band starts at the page edge, or under the marking."""
    return MARKED_TOP_MM if marked else 0.0


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


def _cell(paragraphs: list[Element], width: str, fill: str | None, valign: str,
          margins: dict[str, float]) -> Element:
    mar = el("w:tcMar", None, *(el(f"w:{side}", {"w:w": _twips(mm), "w:type": "dxa"})
                                for side, mm in margins.items()))
    tc_pr = el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}))
    if fill:
        tc_pr.append(el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill}))
    tc_pr.extend([mar, el("w:vAlign", {"w:val": valign})])
    return el("w:tc", None, tc_pr, *paragraphs)


def _row(cell: Element, height_mm: float, rule: str) -> Element:
    tr_pr = el("w:trPr", None, el("w:cantSplit"),
               el("w:trHeight", {"w:val": _twips(height_mm), "w:hRule": rule}))
    return el("w:tr", None, tr_pr, cell)


def _logo(ctx: Context, ministry: str) -> list[Element]:
    cover = ctx.house.theme.cover
    if cover.logo is None:
        return []
    try:
        inline = ctx.docx.part.new_pic_inline(cover.logo, height=Mm(cover.logo_height))
    except Exception as error:  # python-docx raises assorted errors on unreadable images
        raise BuildError(f"theme logo {cover.logo} is not a usable PNG or JPEG image "
                         f"({type(error).__name__}: {error})") from error
    for tag in ("wp:docPr", "pic:cNvPr"):
        for props in inline.iter(qn(tag)):
            before, after = ctx.words.logo
            props.set("descr", xml_safe(f"{before}{ministry}{after}"))
            props.set("title", ctx.words.logo_title)
    p = paragraph(STYLE.cover_band)
    p[0].append(el("w:spacing", {"w:after": _twips(4)}))
    p.append(el("w:r", None, el("w:drawing", None, inline)))
    return [p]


def _band(ctx: Context, cover: t.Cover, marked: bool) -> Element:
    """The band: a one-column table as wide as the page, pulled left over the margin."""
    house = ctx.house
    theme = house.theme
    page = house.page_width_cm * 10
    left, right = house.margin_cm * 10, house.margin_right_cm * 10
    fill = house.colour("primary") if theme.cover.band == "top" else None
    width = _twips(page)
    top = [*_logo(ctx, cover.ministry), paragraph(STYLE.cover_ministry, text_run(cover.ministry))]
    title = [paragraph(STYLE.title, text_run(cover.title))]
    title += [paragraph(STYLE.subtitle, text_run(text))
              for text in (cover.subtitle, cover.period) if text]
    height = theme.cover.band_height - cover_top_mm(marked)
    sides = {"left": left, "right": right}
    upper = MINISTRY_ROW_MM + (theme.cover.logo_height + 4 if theme.cover.logo else 0)
    rows = [_row(_cell(top, width, fill, "top", {"top": PAD_MM, **sides, "bottom": 0}),
                 upper, "exact"),
            _row(_cell(title, width, fill, "bottom", {"top": 0, **sides, "bottom": PAD_MM}),
                 max(height - upper, 20), "atLeast")]
    tbl_pr = el("w:tblPr", None,
                el("w:tblW", {"w:w": width, "w:type": "dxa"}),
                el("w:tblInd", {"w:w": "-" + _twips(left), "w:type": "dxa"}),
                el("w:tblBorders", None, *(el(f"w:{side}", {"w:val": "nil"}) for side in
                                           ("top", "left", "bottom", "right", "insideH",
                                            "insideV"))),
                el("w:tblLayout", {"w:type": "fixed"}),
                el("w:tblCellMar", None, el("w:left", {"w:w": "0", "w:type": "dxa"}),
                   el("w:right", {"w:w": "0", "w:type": "dxa"})),
                el("w:tblLook", {"w:val": "0000", "w:firstRow": "0", "w:lastRow": "0",
                                 "w:firstColumn": "0", "w:lastColumn": "0",
                                 "w:noHBand": "1", "w:noVBand": "1"}),
                el("w:tblCaption", {"w:val": ctx.words.cover_table}))
    grid = el("w:tblGrid", None, el("w:gridCol", {"w:w": width}))
    return el("w:tbl", None, tbl_pr, grid, *rows)


def render_cover(ctx: Context, cover: t.Cover, marked: bool = False) -> None:
    """Append the cover to the body: the band, then edition label, date and tagline."""
    ctx.add(_band(ctx, cover, marked))
    edition = paragraph(STYLE.cover_edition, text_run(cover.edition_label))
    edition[0].append(el("w:spacing", {"w:before": "680"}))
    ctx.add(edition)
    if cover.date:
        ctx.add(paragraph(STYLE.cover_date, text_run(cover.date)))
    if cover.tagline:
        ctx.add(paragraph(STYLE.cover_tagline, text_run(cover.tagline)))
