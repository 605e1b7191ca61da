"""Lay the tree out in one pass (footnotes placed as they come, numbers filled in late)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, PageBreakIfNotEmpty, Spacer

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.files import write_bytes_atomically
from standgen.theme import Theme, default_theme
from standgen.write.pdf.blocks import (
    BlockBuilder,
    HeadingFlowable,
    SectionStart,
    outline_levels,
)
from standgen.write.pdf.fonts import FontSet, register_fonts, theme_fonts
from standgen.write.pdf.footnotes import NoteDrain, NoteLog
from standgen.write.pdf.glyphs import ensure_glyphs
from standgen.write.pdf.inlines import collect_footnotes
from standgen.write.pdf.keeps import NeedSpace, kept_flowables
from standgen.write.pdf.styles import TEXT_WIDTH, Styles, make_styles
from standgen.write.pdf.tagging.canvas import TaggedCanvas
from standgen.write.pdf.tagging.streams import conformant_streams
from standgen.write.pdf.tagging.structure import HeadingLevels, link_texts, tag_block, tag_toc
from standgen.write.pdf.template import StandDoc
from standgen.write.pdf.toc import build_toc
from standgen.write.pdf.vector import VectorPage
from standgen.write.pdf.wide import carry_headings


@dataclass(frozen=True)
class PassResult:
    """What one pass produced and learned."""

    data: bytes
    pages: dict[str, int]
    total: int
    notes: NoteLog


def _inline_notes(inlines: tuple[t.Inline, ...], into: dict[int, tuple[t.Inline, ...]]) -> None:
    for ref in collect_footnotes(inlines):
        into.setdefault(ref.number, ref.content)


def footnotes_of(document: t.Document) -> dict[int, tuple[t.Inline, ...]]:
    """Every footnote's content by number, from paragraphs, lists and table cells."""
    notes: dict[int, tuple[t.Inline, ...]] = {}
    for section in document.sections:
        for block in section.blocks:
            match block:
                case t.Paragraph():
                    _inline_notes(block.inlines, notes)
                case t.ListBlock():
                    for entry in t.list_entries(block):
                        _inline_notes(entry.inlines, notes)
                case t.Table():
                    for row in block.header_rows + block.body_rows:
                        for cell in row.cells:
                            _inline_notes(cell.inlines, notes)
                    for note in block.notes:
                        _inline_notes(note.inlines, notes)
    return notes


def _place(block: t.Block, story: list[Flowable], flowables: list[Flowable]
           ) -> list[Flowable]:
    """A landscape table takes the headings that end the story onto its own page."""
    if isinstance(block, t.Table) and block.layout.mode == "landscape":
        return carry_headings(story, flowables,
                              lambda f: isinstance(f, HeadingFlowable | NeedSpace))
    return flowables


def _story(document: t.Document, doc: StandDoc, styles: Styles,
           vectors: dict[Path, VectorPage]) -> list[Flowable]:
    builder = BlockBuilder(styles, outline_levels(document), vectors, doc.on_heading,
                           document.words)
    story: list[Flowable] = [Spacer(1, 1)]
    headings = HeadingLevels()
    doc.tagger.link_texts = link_texts(document)
    if document.toc is not None:
        story += [NextPageTemplate("toc"), PageBreak()]
        toc = build_toc(document.toc, doc.heading_page, doc.late, styles)
        tag_toc(toc, doc.tagger.root, headings)
        story += toc
    story.append(NextPageTemplate("body"))

    def build(block: t.Block) -> list[Flowable]:
        flowables = builder.build(block)
        tag_block(block, flowables, doc.tagger.root, headings)
        return flowables

    for index, section in enumerate(document.sections):
        if section.new_page or index == 0:
            story.append(PageBreakIfNotEmpty())
        story.append(SectionStart(section.running_header, doc.set_running_header))
        kept_flowables(story, section.blocks, build, TEXT_WIDTH, _place)
    if type(story[-1]) is PageBreak:
        story.pop()  # a landscape table ends the document: no empty page after it
    story.append(NoteDrain(doc.keeper))
    return story


def _layout(document: t.Document, styles: Styles, notes: dict[int, tuple[t.Inline, ...]],
            vectors: dict[Path, VectorPage]) -> PassResult:
    buffer = BytesIO()
    doc = StandDoc(buffer, document, styles, notes)
    try:
        with _binary_streams(), conformant_streams():
            doc.build(_story(document, doc, styles, vectors), canvasmaker=TaggedCanvas)
    except BuildError:
        raise
    except Exception as exc:  # reportlab raises LayoutError and plain errors
        raise BuildError(f"PDF layout failed: {exc}") from exc
    return PassResult(buffer.getvalue(), doc.heading_pages, doc.last_page, doc.keeper.log)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams compressed without reportlab's default ASCII85 layer: a quarter smaller, and
    quicker to write and to read back (the leak check reads every page)."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _check_toc(document: t.Document, pages: dict[str, int]) -> None:
    if document.toc is None:
        return
    missing = [e.anchor for e in document.toc.entries if e.anchor not in pages]
    if missing:
        raise BuildError(f"table of contents points at headings not in the document: {missing}")


def render_pdf(document: t.Document, fonts: FontSet | None = None,
               theme: Theme | None = None) -> bytes:
    """The PDF bytes of a document in a theme (the default one when None), laid out in one
    pass (page numbers are filled in late); `fonts` overrides the theme's fonts."""
    theme = theme or default_theme()
    fonts = fonts or theme_fonts(theme)
    ensure_glyphs(document, fonts)
    styles = make_styles(register_fonts(fonts), theme)
    result = _layout(document, styles, footnotes_of(document), {})
    _check_toc(document, result.pages)
    if result.notes.unplaced():
        raise BuildError(f"footnotes not placed: {result.notes.unplaced()}")
    return result.data


def write_pdf(document: t.Document, path: Path, *, fonts: FontSet | None = None,
              theme: Theme | None = None) -> None:
    """Lay out the document tree as a PDF and write it atomically to `path`."""
    write_bytes_atomically(Path(path), render_pdf(document, fonts, theme))
