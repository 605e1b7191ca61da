"""The Inhoud page: a real TOC field whose cached result already lists every entry."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.write.docx.context import Context
from standgen.write.docx.fields import field_end, field_start, pageref_field
from standgen.write.docx.oxml import Element, el, paragraph, text_run
from standgen.write.docx.styles import STYLE, TOC_LEVEL

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h'


def _entry(ctx: Context, entry: t.TocEntry) -> Element:
    level = min(max(entry.level, 1), max(TOC_LEVEL))
    bookmark = ctx.bookmarks.name(entry.anchor)
    page = ctx.pages.anchor_pages.get(entry.anchor, ctx.pages.toc_page)
    link = el("w:hyperlink", {"w:anchor": bookmark, "w:history": "1"},
              text_run(entry.display), text_run("\t"), *pageref_field(bookmark, page))
    return paragraph(TOC_LEVEL[level], link)


def render_toc(ctx: Context, toc: t.TableOfContents) -> None:
    """Append the TOC title and the TOC field with one cached paragraph per entry."""
    ctx.add(paragraph(STYLE.toc_heading, text_run(toc.title)))
    paragraphs = [_entry(ctx, entry) for entry in toc.entries] or [paragraph(TOC_LEVEL[1])]
    first, last = paragraphs[0], paragraphs[-1]
    for offset, run in enumerate(field_start(TOC_INSTRUCTION)):
        first.insert(1 + offset, run)
    last.append(field_end())
    for p in paragraphs:
        ctx.add(p)
