"""Figures: the raster chart or image at its printed width with alt text, or a placeholder."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Cm

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.docx.context import Context
from standgen.write.docx.oxml import el, paragraph, text_run, xml_safe
from standgen.write.docx.styles import STYLE
from standgen.write.docx.tables import caption_paragraph, render_table


def _picture(ctx: Context, figure: t.Figure) -> None:
    raster = figure.raster_path
    if raster is None or not raster.is_file():
        raise BuildError(f"figure {figure.caption!r}: raster image {raster} does not exist")
    p = paragraph("Normal")
    p[0].append(el("w:keepNext"))
    p[0].append(el("w:spacing", {"w:before": "120", "w:after": "0"}))
    p[0].append(el("w:jc", {"w:val": "center"}))
    ctx.add(p)
    width = min(Cm(figure.width_cm), Cm(ctx.house.text_width_cm))
    try:
        inline = ctx.docx.part.new_pic_inline(str(raster), width=width)
    except Exception as error:  # python-docx raises assorted errors on unreadable images
        raise BuildError(f"figure {figure.caption!r}: {raster} is not a usable PNG or JPEG "
                         f"image ({type(error).__name__}: {error})") from error
    title = f"{ctx.words.figure} {figure.number}" if figure.number is not None else figure.caption
    for tag in ("wp:docPr", "pic:cNvPr"):
        for props in inline.iter(qn(tag)):
            props.set("descr", xml_safe(figure.alt_text))
            props.set("title", xml_safe(figure.caption))
            if tag == "pic:cNvPr":
                props.set("name", xml_safe(title))
    p.append(el("w:r", None, el("w:drawing", None, inline)))


def _placeholder(ctx: Context, figure: t.Figure) -> None:
    p = paragraph(STYLE.placeholder, text_run(figure.placeholder_text or figure.alt_text))
    p[0].append(el("w:keepNext"))
    ctx.add(p)


def render_figure(ctx: Context, figure: t.Figure) -> None:
    """Append the figure, its caption below, its source note and its data table."""
    if figure.kind == "placeholder":
        _placeholder(ctx, figure)
    else:
        _picture(ctx, figure)
    caption = caption_paragraph(ctx, ctx.words.figure, figure.caption, figure.number,
                                figure.anchor, keep_next=bool(figure.note or figure.source_note))
    if caption is not None:
        ctx.add(caption)
    for text in (figure.note, figure.source_note):
        if text:
            ctx.add(paragraph(STYLE.note, text_run(text)))
    if figure.data_table is not None:
        render_table(ctx, figure.data_table)


