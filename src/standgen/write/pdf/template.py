"""The reportlab document template for one layout pass: page templates and page state."""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from standgen.compose import tree as t
from standgen.write.pdf.footnotes import FootnoteKeeper
from standgen.write.pdf.late import LateNumbers, LateText
from standgen.write.pdf.notes_frame import NoteFrame
from standgen.write.pdf.pages import (
    FOOTER_SIZE,
    FOOTER_Y,
    draw_cover,
    draw_footer,
    draw_header,
    draw_marking,
    page_label,
    page_size,
)
from standgen.write.pdf.styles import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Styles,
)
from standgen.write.pdf.tagging.metadata import DocInfo, add_metadata
from standgen.write.pdf.tagging.serialize import write_structure
from standgen.write.pdf.tagging.structure import cover_text
from standgen.write.pdf.tagging.tagger import Tagger

PRODUCER = "standgen PDF writer"


def pdf_date(created: dt.datetime) -> str:
    """A PDF date string for the document's creation time (UTC offset when known)."""
    stamp = created.strftime("D:%Y%m%d%H%M%S")
    offset = created.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{stamp}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


class StandDoc(BaseDocTemplate):  # type: ignore[misc]
    """A document template that knows its tree and what it learns while drawing."""

    def __init__(self, target: IO[bytes], document: t.Document, styles: Styles,
                 notes: dict[int, tuple[t.Inline, ...]]) -> None:
        meta = document.metadata
        super().__init__(
            target, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=meta.title, author=meta.author, subject=meta.subject,
            keywords=", ".join(meta.keywords), creator=meta.generator,
            producer=PRODUCER, invariant=1, lang=meta.language, displayDocTitle=1,
            initialFontName=styles.fonts.regular,
        )
        self.document = document
        self.styles = styles
        self.late = LateNumbers()
        self.last_page = 0
        self.keeper = FootnoteKeeper(notes, styles, lambda: int(self.page))
        self.heading_pages: dict[str, int] = {}
        self.running_header = ""
        self.page_header = ""
        self.tagger = Tagger(meta.language, document.words)
        self.cover_struct = self.tagger.root.add("P", actual_text=cover_text(document.cover))
        self.addPageTemplates([self._template("cover", self._on_cover),
                               self._template("toc", self._on_toc),
                               self._template("body", self._on_body),
                               self._template("landscape", self._on_body)])

    def _template(self, name: str, on_end: Any) -> PageTemplate:
        size = (PAGE_HEIGHT, PAGE_WIDTH) if name == "landscape" else (PAGE_WIDTH, PAGE_HEIGHT)
        geometry = (MARGIN_LEFT, MARGIN_BOTTOM, size[0] - MARGIN_LEFT - MARGIN_RIGHT,
                    size[1] - MARGIN_TOP - MARGIN_BOTTOM)
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        frame = (NoteFrame(*geometry, id=f"{name}-frame", keeper=self.keeper, **padding)
                 if name in ("body", "landscape")
                 else Frame(*geometry, id=f"{name}-frame", **padding))
        return PageTemplate(id=name, frames=[frame], onPageEnd=on_end, pagesize=size)

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.keeper.install(self.canv)
        self.canv.standgen_tagger = self.tagger
        stamp = pdf_date(self.document.metadata.created)
        self.canv.setDateFormatter(lambda *_: stamp)
        self.canv.showOutline()

    def _endBuild(self) -> None:
        self._doSave = 0
        super()._endBuild()
        self.late.define(self.canv)
        write_structure(self.canv._doc, self.tagger)
        add_metadata(self.canv._doc, self._info())
        self.canv.save()

    def _info(self) -> DocInfo:
        """The Info dictionary's values, for the XMP metadata that must repeat them."""
        meta = self.document.metadata
        marking = self.document.marking
        return DocInfo(title=meta.title, author=meta.author, subject=meta.subject,
                       keywords=", ".join(meta.keywords), creator=meta.generator,
                       producer=PRODUCER, language=meta.language, created=meta.created,
                       marking=marking.text if marking is not None else None)

    def heading_page(self, anchor: str) -> str:
        """The page of a heading as printed in the Inhoud (known once the pass has ended)."""
        page = self.heading_pages.get(anchor)
        return "" if page is None else str(page)

    def beforePage(self) -> None:
        self.page_header = self.running_header
        frame = self.pageTemplate.frames[0]
        if isinstance(frame, NoteFrame):
            frame.begin_page()
        else:
            frame._geom()

    def on_heading(self, heading: t.Heading) -> None:
        """Remember the page of a heading the first time it is drawn."""
        self.heading_pages.setdefault(heading.anchor, int(self.page))

    def set_running_header(self, text: str) -> None:
        """Called when a section starts: the header of the following pages, and of this
        one when the section starts at its top (a section that follows on below other
        content leaves this page's header alone). A section starting at the top opens a
        chapter or part: that page shows no running header unless the theme asks."""
        self.running_header = text
        if getattr(self.frame, "_atTop", True):
            self.page_header = text if self.styles.theme.running_header.on_opener else ""

    def _mark(self, canv: Canvas) -> None:
        marking = self.document.marking
        if marking is not None:
            with self.tagger.pagination(canv, None):
                draw_marking(canv, marking, self.styles, self.document.words)

    def _footer(self, canv: Canvas) -> None:
        """The footer, marked as a pagination artifact."""
        with self.tagger.pagination(canv, "Footer"):
            self._draw_footer(canv)

    def _draw_footer(self, canv: Canvas) -> None:
        """The footer; 'pagina x van y' is a late form, as y is known only at the end."""
        page = self.last_page = int(self.page)
        styles = self.styles
        marking = self.document.marking
        label = "" if self.pageTemplate.id == "cover" else self.document.footer_label
        if marking is None or not marking.page_x_of_y:
            draw_footer(canv, label, page_label(page, None, marking, self.document.words),
                        styles)
            return
        draw_footer(canv, label, "", styles)
        right = page_size(canv)[0] - MARGIN_RIGHT
        self.late.place(canv, f"page-{page}", right, FOOTER_Y, LateText(
            styles.fonts.regular, FOOTER_SIZE, styles.palette.muted,
            lambda: page_label(page, self.last_page, marking, self.document.words)))

    def _on_cover(self, canv: Canvas, doc: StandDoc) -> None:
        self.tagger.open(canv, self.cover_struct)
        draw_cover(canv, self.document.cover, self.styles, self.document.marking is not None)
        self.tagger.close(canv)
        self._mark(canv)
        marking = self.document.marking
        if marking is not None and marking.page_x_of_y:
            self._footer(canv)

    def _on_toc(self, canv: Canvas, doc: StandDoc) -> None:
        self._footer(canv)
        self._mark(canv)

    def _on_body(self, canv: Canvas, doc: StandDoc) -> None:
        if self.page_header and self.styles.theme.running_header.show:
            with self.tagger.pagination(canv, "Header"):
                draw_header(canv, self.page_header, self.styles)
        self.keeper.end_page(canv, MARGIN_LEFT, MARGIN_BOTTOM)
        self._footer(canv)
        self._mark(canv)
