"""Sections with their own headers and footers: running header, page numbers, marking."""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Literal

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.write.docx.context import Context
from standgen.write.docx.cover import TWIPS_PER_MM, cover_top_mm
from standgen.write.docx.fields import numpages_field, page_field
from standgen.write.docx.oxml import Element, el, paragraph, text_run
from standgen.write.docx.styles import STYLE
from standgen.write.docx.wide import landscape as turned

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PARTS = {"header": ("hdr", CT.WML_HEADER, RT.HEADER),
          "footer": ("ftr", CT.WML_FOOTER, RT.FOOTER)}


@dataclass(frozen=True)
class SectionFurniture:
    """What one section prints in its header and footer; the cover's section carries the
    cover (its classification lines go into its footer, its top margin is the band's)."""

    running_header: str | None
    page: int | None
    cover: t.Cover | None = None
    opener: bool = True
    """The section's first page opens a chapter or part (no running header there); a
    section that goes on after a landscape table, or starts mid-page, does not."""


def _marking_lines(marking: t.Marking | None, with_extra: bool,
                   words: t.Words) -> list[Element]:
    if marking is None:
        return []
    lines = [marking.text.upper()]
    if with_extra:
        if marking.copy_number:
            number = marking.copy_number
            before, after = words.copy_header
            lines.append(number if number.lower().startswith(before.strip().lower() or "\0")
                         else f"{before}{number}{after}")
        lines.extend(marking.extra)
    return [paragraph(STYLE.marking, text_run(line)) for line in lines]


def _page_line(document: t.Document, page: int, total: int, label: bool = True) -> Element:
    p = paragraph(STYLE.footer)
    shown = document.footer_label if label else ""
    p.append(text_run(f"{shown}\t\t" if shown else "\t\t"))
    if document.marking is not None and document.marking.page_x_of_y:
        before, between, after = document.words.page_x_of_y
        if before:
            p.append(text_run(before))
        p.extend(page_field(page))
        p.append(text_run(between))
        p.extend(numpages_field(total))
        if after:
            p.append(text_run(after))
    else:
        p.extend(page_field(page))
    return p


def _header(document: t.Document, furniture: SectionFurniture, running: bool = True
            ) -> list[Element]:
    out = _marking_lines(document.marking, with_extra=True, words=document.words)
    if furniture.running_header and running:
        out.append(paragraph(STYLE.header, text_run(furniture.running_header)))
    return out or [paragraph(STYLE.marking)]


def _footer(document: t.Document, furniture: SectionFurniture, total: int) -> list[Element]:
    out: list[Element] = []
    if furniture.cover is not None:
        out += [paragraph(STYLE.cover_classification, text_run(line))
                for line in furniture.cover.classification_lines]
    if furniture.page is not None:
        out.append(_page_line(document, furniture.page, total, furniture.cover is None))
    out += _marking_lines(document.marking, with_extra=False, words=document.words)
    return out or [paragraph(STYLE.footer)]


def _new_part(ctx: Context, kind: Literal["header", "footer"],
              paragraphs: list[Element]) -> str:
    package = ctx.docx.part.package
    partname = package.next_partname(f"/word/{kind}%d.xml")
    tag, content_type, reltype = _PARTS[kind]
    root = parse_xml(f'<w:{tag} xmlns:w="{_W}" xmlns:r="{_R}"/>')
    root.extend(paragraphs)
    part = XmlPart(partname, content_type, root, package)
    return ctx.docx.part.relate_to(part, reltype)


def _references(ctx: Context, document: t.Document, furniture: SectionFurniture) -> list[Element]:
    footer_id = _new_part(ctx, "footer", _footer(document, furniture, ctx.pages.total_pages))
    refs = [el("w:footerReference", {"w:type": "default", "r:id": footer_id})]
    if furniture.cover is None or document.marking is not None:
        # an unmarked cover has no header, so its band reaches the top edge
        header_id = _new_part(ctx, "header", _header(document, furniture))
        refs.insert(0, el("w:headerReference", {"w:type": "default", "r:id": header_id}))
    if _first_page_apart(ctx, furniture):
        first = _new_part(ctx, "header", _header(document, furniture, running=False))
        refs += [el("w:headerReference", {"w:type": "first", "r:id": first}),
                 el("w:footerReference", {"w:type": "first", "r:id": footer_id})]
    return refs


_AFTER_TITLE_PG = ("w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                   "w:printerSettings", "w:sectPrChange")


def _insert_title_pg(sect_pr: Element) -> None:
    """Add `w:titlePg` where the schema wants it (before textDirection ... sectPrChange)."""
    title_pg = el("w:titlePg")
    for child in sect_pr:
        if child.tag in {qn(tag) for tag in _AFTER_TITLE_PG}:
            child.addprevious(title_pg)
            return
    sect_pr.append(title_pg)


def _first_page_apart(ctx: Context, furniture: SectionFurniture) -> bool:
    """Whether the section's first page gets a header without the running header."""
    return bool(furniture.opener and furniture.running_header
                and not ctx.house.theme.running_header.on_opener)


def _opener_and_margins(ctx: Context, sect_pr: Element, furniture: SectionFurniture,
                        marked: bool) -> None:
    """A section whose first page is a chapter opener gets its own first-page header
    (`w:titlePg`); the cover's section starts its band at the top edge (or the marking)."""
    if _first_page_apart(ctx, furniture):
        _insert_title_pg(sect_pr)
    if furniture.cover is not None:
        pg_mar = sect_pr.find(qn("w:pgMar"))
        if pg_mar is not None:
            pg_mar.set(qn("w:top"), str(round(cover_top_mm(marked) * TWIPS_PER_MM)))


def strip_references(sect_pr: Element) -> None:
    """Remove header/footer references and the first-page switch from section properties."""
    for child in list(sect_pr):
        if child.tag in (qn("w:headerReference"), qn("w:footerReference"), qn("w:titlePg")):
            sect_pr.remove(child)


def end_section(ctx: Context, document: t.Document, furniture: SectionFurniture,
                final: bool, continuous: bool = False, landscape: bool = False) -> None:
    """Close the current section with its own header and footer. The section started on
    a new page, or (`continuous`) on the page where the one before it ended; `landscape`
    turns its pages."""
    if not continuous:
        ctx.break_pending = False  # the section starts on a new page anyway
    body_sect_pr = ctx.docx.element.body.find(qn("w:sectPr"))
    sect_pr = body_sect_pr if final else copy.deepcopy(body_sect_pr)
    if landscape and not final:
        sect_pr = turned(sect_pr)
    if continuous or landscape:
        furniture = replace(furniture, opener=False)
    strip_references(sect_pr)
    for old in sect_pr.findall(qn("w:type")):
        sect_pr.remove(old)
    for offset, reference in enumerate(_references(ctx, document, furniture)):
        sect_pr.insert(offset, reference)
    if continuous:
        sect_pr.insert(len(_references_in(sect_pr)), el("w:type", {"w:val": "continuous"}))
    _opener_and_margins(ctx, sect_pr, furniture, document.marking is not None)
    if not final:
        ctx.add(el("w:p", None, el("w:pPr", None, sect_pr)))


def _references_in(sect_pr: Element) -> list[Element]:
    return [c for c in sect_pr if c.tag in (qn("w:headerReference"),
                                             qn("w:footerReference"))]
