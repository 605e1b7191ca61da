"""Inline nodes (text runs, hyperlinks, footnote marks) as WordprocessingML elements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

from standgen.compose import tree as t
from standgen.write.docx.bookmarks import sanitise
from standgen.write.docx.oxml import Element, el, text_run
from standgen.write.docx.styles import STYLE

_VERT = {"super": "superscript", "sub": "subscript"}


class NoteSink(Protocol):
    """Something that turns a footnote mark into a reference run (the footnotes part)."""

    def reference(self, ref: t.FootnoteRef) -> Element:
        """The run that marks footnote `ref` in the text."""
        ...


def run_properties(text: t.Text, char_style: str | None = None,
                   force_bold: bool = False, force_italic: bool = False) -> Element | None:
    """The `w:rPr` for a text node, or None when it needs none."""
    rpr = el("w:rPr")
    if char_style:
        rpr.append(el("w:rStyle", {"w:val": char_style}))
    if text.bold or force_bold:
        rpr.append(el("w:b"))
        rpr.append(el("w:bCs"))
    if text.italic or force_italic:
        rpr.append(el("w:i"))
        rpr.append(el("w:iCs"))
    if text.script in _VERT:
        rpr.append(el("w:vertAlign", {"w:val": _VERT[text.script]}))
    return rpr if len(rpr) else None


def superscript_mark(number: int) -> Element:
    """A footnote number shown as a superscript character, without a footnote."""
    return text_run(str(number), el("w:rPr", None,
                                    el("w:rStyle", {"w:val": STYLE.footnote_reference})))


def inline_elements(inlines: tuple[t.Inline, ...], part: Part, notes: NoteSink | None, *,
                    bold: bool = False, italic: bool = False,
                    bookmark: Callable[[str], str] = sanitise) -> list[Element]:
    """The runs and hyperlinks for `inlines`; hyperlinks are related from `part`, and
    internal links ("#anchor") point at the bookmark that `bookmark` names."""
    out: list[Element] = []
    for inline in inlines:
        match inline:
            case t.Text():
                out.append(text_run(inline.text, run_properties(inline, None, bold, italic)))
            case t.Link():
                out.append(_hyperlink(inline, part, bold, italic, bookmark))
            case t.FootnoteRef():
                out.append(notes.reference(inline) if notes is not None
                           else superscript_mark(inline.number))
    return out


def _hyperlink(link: t.Link, part: Part, bold: bool, italic: bool,
               bookmark: Callable[[str], str]) -> Element:
    if link.target.startswith("#"):
        attrs = {"w:anchor": bookmark(link.target[1:]), "w:history": "1"}
    else:
        r_id = part.relate_to(link.target, RT.HYPERLINK, is_external=True)
        attrs = {"r:id": r_id, "w:history": "1"}
    hyperlink = el("w:hyperlink", attrs)
    for child in link.children:
        hyperlink.append(text_run(child.text,
                                  run_properties(child, STYLE.hyperlink, bold, italic)))
    return hyperlink
