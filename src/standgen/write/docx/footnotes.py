"""Real Word footnotes: the footnotes part (with its separators) and reference runs.

python-docx 1.2 has no footnotes API, so the part is created here. Word numbers footnotes
itself; a note whose tree number differs from Word's next number gets a custom mark so the
printed number always matches the tree, and a repeated number refers back as plain mark.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml

from standgen.compose import tree as t
from standgen.write.docx.inlines import inline_elements, superscript_mark
from standgen.write.docx.oxml import Element, el, text_run
from standgen.write.docx.styles import STYLE

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EMPTY = (
    f'<w:footnotes xmlns:w="{_W}" xmlns:r="{_R}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
    'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote></w:footnotes>"
)


def _replace_part(document_part: Part) -> XmlPart:
    for r_id, rel in list(document_part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:
            del document_part.rels[r_id]
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_EMPTY),
                   document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


class Footnotes:
    """The footnotes part of one document; `reference` adds a note and returns its mark."""

    def __init__(self, document_part: Part, bookmark: Callable[[str], str]) -> None:
        self.part = _replace_part(document_part)
        self._bookmark = bookmark
        self._next_id = 1
        self._next_auto = 1
        self._seen: set[int] = set()
        self.origin_mark: Callable[[Element, str], None] | None = None
        """Bookmarks a note's paragraph with its origin (write/docx/origins.py), when set."""

    def reference(self, ref: t.FootnoteRef) -> Element:
        """Add footnote `ref` (once per number) and return the run marking it."""
        if ref.number in self._seen:
            return superscript_mark(ref.number)
        self._seen.add(ref.number)
        custom = ref.number != self._next_auto
        if not custom:
            self._next_auto += 1
        ident = str(self._next_id)
        self._next_id += 1
        self.part.element.append(self._note(ident, ref, custom))
        mark = el("w:footnoteReference", {"w:id": ident})
        run = el("w:r", None, el("w:rPr", None,
                                 el("w:rStyle", {"w:val": STYLE.footnote_reference})), mark)
        if custom:
            mark.set(f"{{{_W}}}customMarkFollows", "1")
            run.append(el("w:t"))
            run[-1].text = str(ref.number)
        return run

    def _note(self, ident: str, ref: t.FootnoteRef, custom: bool) -> Element:
        style = el("w:rPr", None, el("w:rStyle", {"w:val": STYLE.footnote_reference}))
        mark = text_run(str(ref.number), style) if custom else el("w:r", None, style,
                                                                  el("w:footnoteRef"))
        p = el("w:p", None, el("w:pPr", None, el("w:pStyle", {"w:val": STYLE.footnote_text})),
               mark, text_run(" "))
        for child in inline_elements(ref.content, self.part, None, bookmark=self._bookmark):
            p.append(child)
        if ref.origin is not None and self.origin_mark is not None:
            self.origin_mark(p, ref.origin)
        return el("w:footnote", {"w:id": ident}, p)
