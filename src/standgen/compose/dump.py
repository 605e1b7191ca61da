"""A readable, indented text form of a composed document: the golden format for tests."""

from __future__ import annotations

from collections.abc import Iterator

from standgen.compose import tree as t


def dump_document(document: t.Document) -> str:
    """The whole document as indented text, one node per line."""
    return "\n".join(_document(document)) + "\n"


def marked(run: t.Text, text: str | None = None) -> str:
    """A run's text (or `text` in its place) with pandoc-style marks for its style:
    *italic*, **bold**, ^sup^, ~sub~."""
    text = run.text if text is None else text
    if run.script == "super":
        text = f"^{text}^"
    elif run.script == "sub":
        text = f"~{text}~"
    if run.italic:
        text = f"*{text}*"
    if run.bold:
        text = f"**{text}**"
    return text


def inline_text(items: tuple[t.Inline, ...]) -> str:
    """Inlines as text with light marks: *italic*, **bold**, ^sup^, ~sub~, [n] notes."""
    parts: list[str] = []
    for item in items:
        if isinstance(item, t.Text):
            parts.append(marked(item))
        elif isinstance(item, t.FootnoteRef):
            parts.append(f"[{item.number}]")
        else:
            parts.append(f"<{inline_text(item.children)}|{item.target}>")
    return "".join(parts)


def _document(document: t.Document) -> Iterator[str]:
    meta = document.metadata
    yield f"document {meta.title!r} edition={meta.edition} lang={meta.language}"
    yield (f"  metadata author={meta.author!r} subject={meta.subject!r} "
           f"created={meta.created:%Y-%m-%d}")
    cover = document.cover
    yield f"  cover {cover.ministry!r} {cover.title!r} {cover.edition_label!r} {cover.period!r}"
    for line in cover.classification_lines:
        yield f"    classification {line!r}"
    if document.marking:
        mark = document.marking
        yield (f"  marking {mark.text!r} page_x_of_y={mark.page_x_of_y} "
               f"copy={mark.copy_number!r} extra={list(mark.extra)!r}")
    if document.toc:
        yield f"  toc {document.toc.title!r}"
        for entry in document.toc.entries:
            yield f"    {'  ' * (entry.level - 1)}{entry.display} -> #{entry.anchor}"
    for section in document.sections:
        follows = "" if section.new_page else " follows-on"
        yield f"  section header={section.running_header!r}{follows}"
        for block in section.blocks:
            yield from _block(block, "    ")


def _block(block: t.Block, pad: str) -> Iterator[str]:
    if isinstance(block, t.Heading):
        toc = " toc" if block.in_toc else ""
        look = f" look={block.look}" if block.look != block.level else ""
        yield f"{pad}h{block.level} {block.display!r} #{block.anchor}{toc}{look}"
    elif isinstance(block, t.Paragraph):
        yield f"{pad}p[{block.style}] {inline_text(block.inlines)}"
        yield from _notes(block.inlines, pad + "  ")
    elif isinstance(block, t.ListBlock):
        start = f" start={block.start}" if block.start != 1 else ""
        yield f"{pad}list{' ordered' if block.ordered else ''}{start}"
        for entry in t.list_entries(block):
            deeper = "  " * entry.depth
            mark = f"{entry.number}." if entry.ordered and entry.depth else "-"
            yield f"{pad}  {deeper}{mark} {inline_text(entry.inlines)}"
            yield from _notes(entry.inlines, pad + "    " + deeper)
    elif isinstance(block, t.Rule):
        yield f"{pad}rule"
    elif isinstance(block, t.Table):
        yield from _table(block, pad)
    elif isinstance(block, t.Figure):
        yield f"{pad}figure {block.number} {block.kind} {block.caption!r}"
        yield f"{pad}  alt {block.alt_text!r}"
        if block.placeholder_text:
            yield f"{pad}  placeholder {block.placeholder_text!r}"
        if block.note:
            yield f"{pad}  note {block.note!r}"
        if block.source_note:
            yield f"{pad}  source {block.source_note!r}"
    elif isinstance(block, t.PageBreak):
        yield f"{pad}page-break"


def _table(table: t.Table, pad: str) -> Iterator[str]:
    widths = ", ".join(f"{w:.2f}" for w in table.column_widths)
    layout = table.layout
    placed = ("" if layout.mode == "normal" else
              f" layout={layout.mode} font={layout.font_scale:g}")
    yield f"{pad}table {table.number} {table.caption!r} widths=[{widths}]{placed}"
    yield f"{pad}  alt {table.alt_text!r}"
    for row in table.header_rows:
        yield f"{pad}  header | " + " | ".join(_cell(c) for c in row.cells)
    for row in table.body_rows:
        yield f"{pad}  {row.role:<8}| " + " | ".join(_cell(c) for c in row.cells)
        for cell in row.cells:
            yield from _notes(cell.inlines, pad + "    ")
    for note in table.notes:
        yield f"{pad}  note {inline_text(note.inlines)}"


def _cell(cell: t.Cell) -> str:
    spans = ""
    if cell.colspan > 1:
        spans += f" >{cell.colspan}"
    if cell.rowspan > 1:
        spans += f" v{cell.rowspan}"
    align = {"left": "", "right": " (r)", "center": " (c)"}[cell.align]
    return f"{inline_text(cell.inlines)}{align}{spans}"


def _notes(items: tuple[t.Inline, ...], pad: str) -> Iterator[str]:
    for item in items:
        if isinstance(item, t.FootnoteRef):
            yield f"{pad}footnote {item.number}: {inline_text(item.content)}"
