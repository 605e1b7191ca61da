"""Orchestration: open the reference DOCX, write every part of the tree, save deterministically."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as DocxDocument

from standgen.compose import tree as t
from standgen.files import write_atomically
from standgen.resources import template_path
from standgen.theme import Theme, default_theme
from standgen.write.docx.blocks import render_block
from standgen.write.docx.bookmarks import Bookmarks
from standgen.write.docx.context import Context
from standgen.write.docx.cover import render_cover
from standgen.write.docx.footnotes import Footnotes
from standgen.write.docx.lists import Numbering
from standgen.write.docx.package import normalise_zip
from standgen.write.docx.pagination import estimate_pages
from standgen.write.docx.properties import (
    configure_settings,
    drop_thumbnail,
    set_app_properties,
    set_core_properties,
)
from standgen.write.docx.sections import SectionFurniture, end_section, strip_references
from standgen.write.docx.styles import (
    HouseStyle,
    adopt_style_ids,
    apply_doc_defaults,
    apply_house_style,
    ensure_language,
)
from standgen.write.docx.toc import render_toc

REFERENCE = "docx/reference.docx"
_PT_PER_EMU = 1 / 12700
_PT_PER_CM = 28.3465


def _open(reference_docx: Path | None) -> DocxDocument:
    path = reference_docx if reference_docx is not None else template_path(REFERENCE)
    document = docx.Document(str(path))
    body = document.element.body
    body.clear_content()
    sect_pr = body.get_or_add_sectPr()
    strip_references(sect_pr)
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(("/header", "/footer")):
            del document.part.rels[r_id]
    return document


def _reference_font(document: DocxDocument) -> str:
    """The body font of the reference (Normal style, else document defaults)."""
    try:
        name: str | None = document.styles["Normal"].font.name
    except KeyError:
        name = None
    if name:
        return name
    fonts = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii")
    return str(fonts[0]) if fonts else HouseStyle().font


def _prepare(document: DocxDocument, tree: t.Document, house: HouseStyle, own: bool) -> None:
    """Styles: a user's own reference keeps its styles (the theme adds missing ones); the
    shipped reference takes every style from the theme."""
    adopt_style_ids(document.styles.element, house)
    if not own:
        apply_doc_defaults(document.styles.element, house)
    apply_house_style(document.styles.element, house, replace=not own)
    ensure_language(document.styles.element, tree.metadata.language)
    configure_settings(document, tree.metadata.language)
    drop_thumbnail(document)
    set_core_properties(document, tree.metadata)
    set_app_properties(document, tree.metadata)


def _text_block(document: DocxDocument, house: HouseStyle) -> tuple[float, float]:
    """Width and height of the text block in points, from the reference's last section."""
    section = document.sections[-1]
    values = (section.page_width, section.page_height, section.left_margin,
              section.right_margin, section.top_margin, section.bottom_margin)
    if any(v is None for v in values):
        width_cm = house.text_width_cm
        height_cm = house.page_height_cm - 2 * house.margin_cm
        return width_cm * _PT_PER_CM, height_cm * _PT_PER_CM
    pw, ph, left, right, top, bottom = (int(v or 0) for v in values)
    return (pw - left - right) * _PT_PER_EMU, (ph - top - bottom) * _PT_PER_EMU


def _context(document: DocxDocument, tree: t.Document, house: HouseStyle) -> Context:
    width, height = _text_block(document, house)
    house = replace(house, text_width_cm=width / _PT_PER_CM)
    bookmarks = Bookmarks()
    return Context(document, house, bookmarks, Footnotes(document.part, bookmarks.name),
                   Numbering(document, house.font), estimate_pages(tree, width, height))


def build_docx(tree: t.Document, reference_docx: Path | None = None,
               house: HouseStyle | None = None, theme: Theme | None = None) -> DocxDocument:
    """The python-docx document for `tree` in a theme (the default one when None), not yet
    saved; a user's own reference document keeps its fonts and styles."""
    document = _open(reference_docx)
    own = reference_docx is not None
    theme = theme or default_theme()
    house = house or HouseStyle.of(theme, _reference_font(document) if own else None)
    _prepare(document, tree, house, own)
    ctx = _context(document, tree, house)
    render_cover(ctx, tree.cover, tree.marking is not None)
    parts: list[tuple[SectionFurniture, t.TableOfContents | t.DocSection]] = []
    if tree.toc is not None:
        parts.append((SectionFurniture(tree.toc.title, ctx.pages.toc_page), tree.toc))
    for section, page in zip(tree.sections, ctx.pages.section_pages, strict=True):
        parts.append((SectionFurniture(section.running_header, page), section))
    counted = tree.marking is not None and tree.marking.page_x_of_y
    cover = SectionFurniture(None, 1 if counted else None, tree.cover)  # VIR-BI: x of y
    end_section(ctx, tree, cover, final=not parts)
    for index, (furniture, part) in enumerate(parts):
        match part:
            case t.TableOfContents():
                render_toc(ctx, part)
            case t.DocSection():
                for block in part.blocks:
                    render_block(ctx, block)
        end_section(ctx, tree, furniture, final=index == len(parts) - 1)
    return document


def write_docx(document: t.Document, path: Path, *, reference_docx: Path | None = None,
               theme: Theme | None = None) -> None:
    """Write `document` as a Word file at `path` (deterministic bytes, atomic replace)."""
    built = build_docx(document, reference_docx, theme=theme)
    raw = io.BytesIO()
    built.save(raw)

    def produce(stream: BinaryIO) -> None:
        normalise_zip(raw.getvalue(), stream)

    write_atomically(Path(path), produce)
