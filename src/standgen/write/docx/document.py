"""Orchestration: open the reference DOCX, write every part of the tree, save deterministically."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.errors import source_error
from standgen.files import write_atomically
from standgen.resources import template_path
from standgen.theme import Theme, default_theme
from standgen.write.docx.blocks import render_block
from standgen.write.docx.bookmarks import Bookmarks
from standgen.write.docx.context import Context
from standgen.write.docx.cover import render_cover
from standgen.write.docx.footnotes import Footnotes
from standgen.write.docx.headings import add_label_headings
from standgen.write.docx.keeps import (
    allow_hyphenation,
    keep_added,
    keep_table,
    space_before,
    widow_control,
)
from standgen.write.docx.lists import Numbering
from standgen.write.docx.origins import OriginMarks, store_provenance
from standgen.write.docx.oxml import Element
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
from standgen.write.docx.tables import render_table_here
from standgen.write.docx.toc import render_toc
from standgen.write.docx.wide import landscape_text_width_cm
from standgen.write.keeping import introduces

REFERENCE = "docx/reference.docx"
_PT_PER_EMU = 1 / 12700
_PT_PER_CM = 28.3465


def _open(reference_docx: Path | None) -> DocxDocument:
    path = reference_docx if reference_docx is not None else template_path(REFERENCE)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for a file that is no DOCX
        raise source_error(Path(path), None, "", "this reference document cannot be read "
                           f"as a Word .docx file ({type(exc).__name__}); save it from Word "
                           "as .docx or remove it from the templates folder") from None
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
    add_label_headings(document.styles.element, house)
    ensure_language(document.styles.element, tree.metadata.language)
    configure_settings(document, tree.metadata.language)
    allow_hyphenation(document.settings.element)
    widow_control(document.styles.element)
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
                   Numbering(document, house.font), estimate_pages(tree, width, height),
                   words=tree.words)


class _Sections:
    """Closes sections as the body is written, and sets a landscape table in a section
    of its own (the part of the DocSection before it is closed first)."""

    def __init__(self, ctx: Context, tree: t.Document) -> None:
        self.ctx, self.tree = ctx, tree
        self.furniture = SectionFurniture(None, None)
        self.continuous = False
        self.turned: Element | None = None

    def start(self, furniture: SectionFurniture, continuous: bool) -> None:
        self.furniture, self.continuous = furniture, continuous

    def close(self, final: bool) -> None:
        body = self.ctx.docx.element.body
        ends = self.turned is not None and len(body) >= 2 and body[-2] is self.turned
        if final and ends and self.turned is not None:
            self._end_turned(body, self.turned)
            return
        end_section(self.ctx, self.tree, self.furniture, final=final,
                    continuous=self.continuous)

    @staticmethod
    def _end_turned(body: Element, paragraph: Element) -> None:
        """A landscape table that ends the document: its section is the last one (no
        empty portrait page after it)."""
        sect_pr = paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        final = body.find(qn("w:sectPr"))
        if sect_pr is not None and final is not None:
            sect_pr.getparent().remove(sect_pr)
            final.addprevious(sect_pr)
            body.remove(final)

    def landscape(self, render: Callable[[], None]) -> None:
        ctx = self.ctx
        self.close(final=False)
        saved = ctx.house
        body_sect_pr = ctx.docx.element.body.find(qn("w:sectPr"))
        width = landscape_text_width_cm(body_sect_pr) if body_sect_pr is not None else None
        ctx.house = replace(saved, text_width_cm=width or saved.text_width_cm * 1.5)
        render()
        ctx.house = saved
        end_section(ctx, self.tree, self.furniture, final=False, landscape=True)
        self.turned = ctx.docx.element.body[-2]
        self.continuous = False
        self.furniture = replace(self.furniture, opener=False)


Render = Callable[[Context, t.Block], None]


class _Keeps:
    """The keep step around each block of a section: its paragraphs keep with the next
    block where it introduces it, a table's header keeps with its first rows, and a
    paragraph after a table gets room above it."""

    def __init__(self, blocks: tuple[t.Block, ...]) -> None:
        self.blocks = blocks
        self.after_table = False

    def at(self, index: int, render: Render = render_block) -> Render:
        """`render` for block `index`, followed by its keep step."""
        def kept(ctx: Context, block: t.Block) -> None:
            body = ctx.docx.element.body
            start = len(body)
            render(ctx, block)
            end = len(body) - (1 if body[-1].tag == qn("w:sectPr") else 0)
            added = list(body[end - (len(body) - start):end])
            keep_added(added, block, introduces(self.blocks, index))
            for element in added:
                if element.tag == qn("w:tbl"):
                    keep_table(element, ctx.house.theme.sizes.cell)
            if self.after_table and added and added[0].tag == qn("w:p"):
                space_before(added[0])
            self.after_table = (bool(added) and added[-1].tag == qn("w:tbl")) or (
                isinstance(block, t.Table) and bool(block.notes))
        return kept


def _render_blocks(ctx: Context, blocks: tuple[t.Block, ...], marks: OriginMarks) -> None:
    """Render blocks, each with its keep step; headings right before a landscape table
    go onto its page. Each block's paragraphs are bookmarked with its origin (`marks`)."""
    keeps = _Keeps(blocks)
    waiting: list[tuple[int, t.Heading]] = []
    for index, block in enumerate(blocks):
        if isinstance(block, t.Heading):
            waiting.append((index, block))
            continue
        if (isinstance(block, t.Table) and block.layout.mode == "landscape" and waiting
                and ctx.in_landscape is not None):
            ctx.in_landscape(functools.partial(_headed_table, ctx, tuple(waiting),
                                               (index, block), marks, keeps))
        else:
            for at, heading in waiting:
                marks.render(ctx, heading, keeps.at(at))
            marks.render(ctx, block, keeps.at(index))
        waiting = []
    for at, heading in waiting:
        marks.render(ctx, heading, keeps.at(at))


def _headed_table(ctx: Context, headings: tuple[tuple[int, t.Heading], ...],
                  table: tuple[int, t.Table], marks: OriginMarks, keeps: _Keeps) -> None:
    for at, heading in headings:
        marks.render(ctx, heading, keeps.at(at))
    index, block = table
    marks.render(ctx, block, keeps.at(index, lambda c, b: render_table_here(c, block)))


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
    sections = _Sections(ctx, tree)
    ctx.in_landscape = sections.landscape
    marks = OriginMarks()
    ctx.notes.origin_mark = marks.mark_paragraph(ctx)
    for index, (furniture, part) in enumerate(parts):
        # a part follows on only after another part: never on the cover or the Inhoud
        after_part = index > 0 and isinstance(parts[index - 1][1], t.DocSection)
        continuous = isinstance(part, t.DocSection) and not part.new_page and after_part
        sections.start(furniture, continuous)
        match part:
            case t.TableOfContents():
                render_toc(ctx, part)
            case t.DocSection():
                _render_blocks(ctx, part.blocks, marks)
        sections.close(final=index == len(parts) - 1)
    store_provenance(document, tree.provenance)
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
