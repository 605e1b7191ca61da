"""The state shared while one document is written: the package, counters and page estimate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.write.docx.bookmarks import Bookmarks
from standgen.write.docx.footnotes import Footnotes
from standgen.write.docx.inlines import inline_elements
from standgen.write.docx.lists import Numbering
from standgen.write.docx.oxml import Element, el
from standgen.write.docx.pagination import PageEstimate
from standgen.write.docx.styles import HouseStyle


def _break_before(p: Element) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    position = 0
    for index, child in enumerate(ppr):
        if child.tag in (qn("w:pStyle"), qn("w:keepNext"), qn("w:keepLines")):
            position = index + 1
    ppr.insert(position, el("w:pageBreakBefore"))


@dataclass
class Context:
    """Everything block writers need: where to append, and the document-wide helpers."""

    docx: DocxDocument
    house: HouseStyle
    bookmarks: Bookmarks
    notes: Footnotes
    numbering: Numbering
    pages: PageEstimate
    break_pending: bool = False
    words: t.Words = field(default_factory=t.default_words)
    in_landscape: Callable[[Callable[[], None]], None] | None = None

    def add(self, element: Element) -> Element:
        """Append a block element to the body (before the final section properties).

        A pending page break becomes `w:pageBreakBefore` on the next paragraph, so no
        empty line is left at the top of the new page.
        """
        if self.break_pending:
            self.break_pending = False
            if element.tag == qn("w:p"):
                _break_before(element)
            else:
                self.add(el("w:p", None, el("w:r", None, el("w:br", {"w:type": "page"}))))
        body = self.docx.element.body
        sect_pr = body.find(qn("w:sectPr"))
        if sect_pr is not None:
            sect_pr.addprevious(element)
        else:
            body.append(element)
        return element

    def inlines(self, inlines: tuple[t.Inline, ...], *, bold: bool = False,
                italic: bool = False) -> list[Element]:
        """Runs for inlines in the main story (hyperlinks related from the document part)."""
        return inline_elements(inlines, self.docx.part, self.notes, bold=bold, italic=italic,
                               bookmark=self.bookmarks.name)

    @property
    def text_width_twips(self) -> int:
        """The width of the text block in twips."""
        return round(self.house.text_width_cm * 566.929)
