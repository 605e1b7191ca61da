"""Block nodes of a DocSection written into the document body, dispatched on node type."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.write.docx.context import Context
from standgen.write.docx.figures import render_figure
from standgen.write.docx.headings import heading_style_id
from standgen.write.docx.lists import LEVELS
from standgen.write.docx.oxml import el, paragraph, text_run
from standgen.write.docx.styles import PARAGRAPH, STYLE
from standgen.write.docx.tables import render_table


def _heading(ctx: Context, heading: t.Heading) -> None:
    p = paragraph(heading_style_id(heading), text_run(heading.display))
    if heading.anchor:
        ctx.bookmarks.wrap(p, heading.anchor)
    ctx.add(p)


def _paragraph(ctx: Context, node: t.Paragraph) -> None:
    p = paragraph(PARAGRAPH[node.style])
    p.extend(ctx.inlines(node.inlines))
    ctx.add(p)


def _list(ctx: Context, node: t.ListBlock, level: int = 0) -> None:
    """A list's items at depth `level`, each followed by the list nested under it."""
    level = min(level, LEVELS - 1)
    num_id = ctx.numbering.new_list(node.ordered, level, node.start)
    for index, item in enumerate(node.items):
        p = paragraph(STYLE.list_paragraph)
        p[0].append(el("w:numPr", None, el("w:ilvl", {"w:val": str(level)}),
                       el("w:numId", {"w:val": num_id})))
        p.extend(ctx.inlines(item))
        ctx.add(p)
        sub = node.sublist(index)
        if sub is not None:
            _list(ctx, sub, level + 1)


def _rule(ctx: Context) -> None:
    ctx.add(paragraph(STYLE.rule))


def _page_break(ctx: Context) -> None:
    ctx.break_pending = True


def render_block(ctx: Context, block: t.Block) -> None:
    """Append one block node to the body."""
    match block:
        case t.Heading():
            _heading(ctx, block)
        case t.Paragraph():
            _paragraph(ctx, block)
        case t.ListBlock():
            _list(ctx, block)
        case t.Table():
            render_table(ctx, block)
        case t.Figure():
            render_figure(ctx, block)
        case t.PageBreak():
            _page_break(ctx)
        case t.Rule():
            _rule(ctx)
