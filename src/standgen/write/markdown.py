"""Markdown writer: pandoc-flavoured Markdown of the composed tree.

Useful for web publication and text diffs, and to feed the same content to other tools.
Charts are referenced as their PNG files; footnotes become pandoc footnotes.
"""

from __future__ import annotations

from pathlib import Path

from standgen.compose import tree as t
from standgen.compose.dump import marked
from standgen.files import write_bytes_atomically

_ESCAPE = str.maketrans({c: f"\\{c}" for c in "\\*_`[]<>#|^~"})


def _inline(items: tuple[t.Inline, ...], notes: dict[int, str]) -> str:
    parts: list[str] = []
    for item in items:
        if isinstance(item, t.Text):
            parts.append(marked(item, item.text.translate(_ESCAPE)))
        elif isinstance(item, t.FootnoteRef):
            notes.setdefault(item.number, _inline(item.content, notes))
            parts.append(f"[^{item.number}]")
        else:
            parts.append(f"[{_inline(item.children, notes)}]({item.target})")
    return "".join(parts)


def _table(table: t.Table, notes: dict[int, str], words: t.Words) -> list[str]:
    rows = [*table.header_rows, *table.body_rows]
    width = len(table.column_widths)

    def cells(row: t.TableRow) -> list[str]:
        out: list[str] = []
        for cell in row.cells:
            out.append(_inline(cell.inlines, notes).replace("\n", " "))
            out.extend([""] * (cell.colspan - 1))
        return (out + [""] * width)[:width]

    header = cells(rows[0]) if table.header_rows else [""] * width
    title = (f"{words.table} {table.number}: {table.caption}" if table.number is not None
             else table.caption)
    lines = [title.strip(), ""] if title.strip() else []
    lines.append("| " + " | ".join(header) + " |")
    align = ["---:" if any(c.align == "right" for c in rows[-1].cells[i:i + 1]) else "---"
             for i in range(width)]
    lines.append("| " + " | ".join(align) + " |")
    for row in rows[1 if table.header_rows else 0:]:
        text = cells(row)
        if row.role in ("total", "subtotal"):
            text = [f"**{c}**" if c else c for c in text]
        lines.append("| " + " | ".join(text) + " |")
    lines.append("")
    lines.extend(_inline(n.inlines, notes) + "\n" for n in table.notes)
    return lines


def _block(block: t.Block, notes: dict[int, str], words: t.Words) -> list[str]:
    if isinstance(block, t.Heading):
        return [f"{'#' * block.level} {block.display} {{#{block.anchor}}}", ""]
    if isinstance(block, t.Paragraph):
        return [_inline(block.inlines, notes), ""]
    if isinstance(block, t.ListBlock):
        marker = "1." if block.ordered else "-"
        return [f"{marker} {_inline(item, notes)}" for item in block.items] + [""]
    if isinstance(block, t.Table):
        return _table(block, notes, words)
    if isinstance(block, t.Figure):
        if block.raster_path is not None:
            line = f"![Figuur {block.number}: {block.caption}]({block.raster_path.name})"
        else:
            line = f"**Figuur {block.number}: {block.caption}** — {block.placeholder_text}"
        return [line, ""] + ([block.source_note, ""] if block.source_note else [])
    return ["\\newpage", ""]


def render_markdown(document: t.Document) -> str:
    """The document as Markdown text, with a YAML metadata block."""
    meta = document.metadata
    lines = ["---", f"title: \"{meta.title}\"", f"subtitle: \"{document.cover.edition_label}\"",
             f"author: \"{meta.author}\"", f"lang: {meta.language}",
             f"date: {meta.created:%Y-%m-%d}", "---", ""]
    if document.marking is not None:
        mark = document.marking
        before, after = document.words.copy_header
        copy = f"{before}{mark.copy_number}{after}" if mark.copy_number else ""
        shown = [mark.text, copy, *mark.extra]
        lines += [f"**{line}**  " for line in shown if line] + [""]
    notes: dict[int, str] = {}
    for section in document.sections:
        for block in section.blocks:
            lines += _block(block, notes, document.words)
    lines += [f"[^{n}]: {text}" for n, text in sorted(notes.items())]
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(document: t.Document, path: Path) -> None:
    """Write the Markdown file atomically."""
    write_bytes_atomically(Path(path), render_markdown(document).encode("utf-8"))
