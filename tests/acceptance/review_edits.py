"""Edit a built DOCX the way Word records a review: tracked changes and comments."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph

AUTHOR = "R. Eviewer"
DATE = "2026-06-01T10:00:00Z"


class Reviewer:
    """Opens a DOCX, makes tracked edits and comments, saves it."""

    def __init__(self, path: Path) -> None:
        self.document: DocxDocument = docx.Document(str(path))
        self._next = 9000

    def _ident(self) -> str:
        self._next += 1
        return str(self._next)

    def paragraph(self, words: str) -> Paragraph:
        """The one body paragraph (table cells included) that contains `words`, or, when
        several do, the one that is exactly `words` (a table cell)."""
        found = [p for p in self._paragraphs() if words in p.text]
        if len(found) > 1:
            found = [p for p in found if p.text == words]
        assert len(found) == 1, (words, [p.text for p in found])
        return found[0]

    def _paragraphs(self) -> list[Paragraph]:
        body = self.document.element.body
        return [Paragraph(p, self.document._body) for p in body.iter(qn("w:p"))]

    def _change(self, tag: str) -> OxmlElement:
        change = OxmlElement(tag)
        change.set(qn("w:id"), self._ident())
        change.set(qn("w:author"), AUTHOR)
        change.set(qn("w:date"), DATE)
        return change

    def insert_at_end(self, words: str, text: str) -> None:
        """A tracked insertion of `text` at the end of the paragraph holding `words`."""
        p = self.paragraph(words)._p
        ins = self._change("w:ins")
        ins.append(_run(text))
        p.append(ins)

    def delete(self, words: str, gone: str) -> None:
        """A tracked deletion of `gone` inside the paragraph holding `words`."""
        self._split(words, gone, None)

    def replace(self, words: str, old: str, new: str) -> None:
        """A tracked replacement (deletion next to insertion) of `old` by `new`."""
        self._split(words, old, new)

    def _split(self, words: str, old: str, new: str | None) -> None:
        p = self.paragraph(words)._p
        run = next(r for r in p.iter(qn("w:r")) if old in "".join(
            t.text or "" for t in r.iter(qn("w:t"))))
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        head, tail = text.split(old, 1)
        deleted = self._change("w:del")
        gone = _run(old, run, tag="w:delText")
        deleted.append(gone)
        pieces = [_run(head, run), deleted]
        if new is not None:
            inserted = self._change("w:ins")
            inserted.append(_run(new, run))
            pieces.append(inserted)
        pieces.append(_run(tail, run))
        for piece in pieces:
            run.addprevious(piece)
        run.getparent().remove(run)

    def comment(self, words: str, text: str) -> None:
        """A comment on the paragraph holding `words` (python-docx >= 1.2)."""
        paragraph = self.paragraph(words)
        self.document.add_comment(paragraph.runs, text=text, author=AUTHOR, initials="RE")

    def save(self, path: Path) -> None:
        self.document.save(str(path))


def _run(text: str, like: OxmlElement | None = None, tag: str = "w:t") -> OxmlElement:
    run = OxmlElement("w:r")
    if like is not None and like.find(qn("w:rPr")) is not None:
        run.append(copy.deepcopy(like.find(qn("w:rPr"))))
    t = OxmlElement(tag)
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run
