"""The reportlab document template for one layout pass: page templates and page state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from standgen.compose import tree as t
from standgen.write.pdf.footnotes import FootnoteKeeper
from standgen.write.pdf.notes_frame import NoteFrame
from standgen.write.pdf.pages import (
    draw_cover,
    draw_footer,
    draw_header,
    draw_marking,
    page_label,
)
from standgen.write.pdf.styles import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    Styles,
)

PRODUCER = "standgen PDF writer"


@dataclass(frozen=True)
class PassPlan:
    """What a pass knows from the previous one: heading pages and page count."""

    pages: dict[str, int] = field(default_factory=dict)
    total: int | None = None


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
    """A document template that knows its tree, its plan and what it learns while drawing."""

    def __init__(self, target: IO[bytes], document: t.Document, styles: Styles,
                 plan: PassPlan, notes: dict[int, tuple[t.Inline, ...]]) -> None:
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
        self.plan = plan
        self.keeper = FootnoteKeeper(notes, styles, lambda: int(self.page))
        self.heading_pages: dict[str, int] = {}
        self.running_header = ""
        self.addPageTemplates([self._template("cover", self._on_cover),
                               self._template("toc", self._on_toc),
                               self._template("body", self._on_body)])

    def _template(self, name: str, on_end: Any) -> PageTemplate:
        geometry = (MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, TEXT_HEIGHT)
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        frame = (NoteFrame(*geometry, id=f"{name}-frame", keeper=self.keeper, **padding)
                 if name == "body" else Frame(*geometry, id=f"{name}-frame", **padding))
        return PageTemplate(id=name, frames=[frame], onPageEnd=on_end)

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.keeper.install(self.canv)
        stamp = pdf_date(self.document.metadata.created)
        self.canv.setDateFormatter(lambda *_: stamp)
        self.canv.showOutline()

    def beforePage(self) -> None:
        frame = self.pageTemplate.frames[0]
        if isinstance(frame, NoteFrame):
            frame.begin_page()
        else:
            frame._geom()

    def on_heading(self, heading: t.Heading) -> None:
        """Remember the page of a heading the first time it is drawn."""
        self.heading_pages.setdefault(heading.anchor, int(self.page))

    def set_running_header(self, text: str) -> None:
        """Called when a section starts: the header for this and the following pages."""
        self.running_header = text

    def _mark(self, canv: Canvas) -> None:
        marking = self.document.marking
        if marking is not None:
            draw_marking(canv, marking, self.styles.fonts.bold, self.styles.fonts.regular)

    def _page_text(self) -> str:
        return page_label(int(self.page), self.plan.total, self.document.marking)

    def _on_cover(self, canv: Canvas, doc: StandDoc) -> None:
        draw_cover(canv, self.document.cover, self.styles, self.document.marking is not None)
        self._mark(canv)
        marking = self.document.marking
        if marking is not None and marking.page_x_of_y:
            draw_footer(canv, "", self._page_text(), self.styles.fonts.regular)

    def _on_toc(self, canv: Canvas, doc: StandDoc) -> None:
        draw_footer(canv, self.document.footer_label, self._page_text(), self.styles.fonts.regular)
        self._mark(canv)

    def _on_body(self, canv: Canvas, doc: StandDoc) -> None:
        if self.running_header:
            draw_header(canv, self.running_header, self.styles.fonts.regular)
        self.keeper.end_page(canv, MARGIN_LEFT, MARGIN_BOTTOM)
        draw_footer(canv, self.document.footer_label, self._page_text(), self.styles.fonts.regular)
        self._mark(canv)
