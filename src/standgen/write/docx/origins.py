"""Origins of blocks kept in the DOCX for the review round trip (issue #23).

Each block with an `origin` gets a hidden bookmark (`_sg<origin>`, Word hides names that
start with an underscore) from its first to its last paragraph; the tree's opaque
provenance record goes into custom document properties, compressed and cut into pieces of
at most 255 characters, the longest text value Word keeps, written in letters only so that
no digit in it can look like a figure. Nothing of it is visible.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.write.docx.bookmarks import span
from standgen.write.docx.context import Context
from standgen.write.docx.oxml import Element, el

PREFIX = "_sg"
PROPERTY = "standgen.provenance"
CHUNK = 255
_HEX = "abcdefghijklmnop"
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


class OriginMarks:
    """Wraps what each block writes in a bookmark named after the block's origin."""

    def __init__(self) -> None:
        self._used: dict[str, int] = {}

    def render(self, ctx: Context, block: t.Block,
               render: Callable[[Context, t.Block], None]) -> None:
        """Render `block` with `render`, then bookmark its paragraphs by origin."""
        origin = getattr(block, "origin", None)
        if origin is None:
            render(ctx, block)
            return
        body = ctx.docx.element.body
        before = _tail(body)
        render(ctx, block)
        paragraphs = [p for e in _added(body, before) for p in e.iter(qn("w:p"))]
        if paragraphs:
            span(paragraphs[0], paragraphs[-1], self._name(origin), ctx.bookmarks.next_id())

    def mark_paragraph(self, ctx: Context) -> Callable[[Element, str], None]:
        """A function that marks a footnote's paragraph with its origin: a bookmark from
        after the note's mark and its space (which stay the first runs) to the end.
        LibreOffice drops an empty bookmark in a footnote, so it spans the text."""
        def mark(p: Element, origin: str) -> None:
            ident = ctx.bookmarks.next_id()
            runs = [child for child in p if child.tag == qn("w:r")]
            start = el("w:bookmarkStart", {"w:id": ident, "w:name": self._name(origin)})
            if len(runs) >= 2:
                runs[1].addnext(start)
            else:
                p.append(start)
            p.append(el("w:bookmarkEnd", {"w:id": ident}))
        return mark

    def _name(self, origin: str) -> str:
        count = self._used.get(origin, 0) + 1
        self._used[origin] = count
        return f"{PREFIX}{origin}" if count == 1 else f"{PREFIX}{origin}_{count}"


def _tail(body: Element) -> Element | None:
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is not None:
        previous: Element | None = sect_pr.getprevious()
        return previous
    return body[-1] if len(body) else None


def _added(body: Element, before: Element | None) -> list[Element]:
    out: list[Element] = []
    node = before.getnext() if before is not None else (body[0] if len(body) else None)
    while node is not None and node.tag != qn("w:sectPr"):
        out.append(node)
        node = node.getnext()
    return out


def pack(record: str) -> str:
    """`record` compressed and written in the letters a-p only: no digit in it can look
    like a figure to the leak check."""
    data = zlib.compress(record.encode("utf-8"), 9)
    return "".join(_HEX[byte >> 4] + _HEX[byte & 15] for byte in data)


def unpack(packed: str, limit: int) -> str:
    """The record `pack` wrote (at most `limit` bytes), or ValueError."""
    if len(packed) % 2 or any(c not in _HEX for c in packed):
        raise ValueError("not a packed standgen record")
    data = bytes(_HEX.index(packed[i]) * 16 + _HEX.index(packed[i + 1])
                 for i in range(0, len(packed), 2))
    inflate = zlib.decompressobj()
    raw = inflate.decompress(data, limit)
    if inflate.unconsumed_tail:
        raise ValueError(f"the record is larger than {limit:,} bytes")
    return raw.decode("utf-8")


def _letters(index: int) -> str:
    """Piece names in letters that sort in order: aaa, aab, …"""
    return "".join(_ALPHABET[index // 26 ** k % 26] for k in (2, 1, 0))


def store_provenance(document: DocxDocument, record: str) -> None:
    """Keep `record` in the custom document properties (docProps/custom.xml)."""
    if not record:
        return
    packed = pack(record)
    pieces = [packed[i:i + CHUNK] for i in range(0, len(packed), CHUNK)]
    props = "".join(
        f'<property fmtid="{_FMTID}" pid="{index + 2}" name="{PROPERTY}.{_letters(index)}">'
        f"<vt:lpwstr>{escape(piece)}</vt:lpwstr></property>"
        for index, piece in enumerate(pieces))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
           f'2006/docPropsVTypes">{props}</Properties>')
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
