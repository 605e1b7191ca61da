"""Markdown writer: pandoc-flavoured Markdown of the composed tree.

Useful for web publication and text diffs, and to feed the same content to other tools.
Charts and images are written next to the Markdown file, in a folder of its own named
after it, and linked from there; footnotes become pandoc footnotes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from standgen.compose import tree as t
from standgen.compose.dump import marked
from standgen.errors import BuildError
from standgen.files import write_bytes_atomically
from standgen.write.table_grid import Placed, covering, place_rows

_ESCAPE = str.maketrans({c: f"\\{c}" for c in "\\*_`[]<>#|^~"})
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_BLOCK_MARK = re.compile(r"^(\s*)(?:([-+=])|(\d{1,9})([.)]))")
_PASTED_BULLET = re.compile(r"^(\s*)([•◦▪·])(?=[ \t]|$)")


def _scripted(run: t.Text) -> str:
    """One run, escaped, with its superscript or subscript marks (spaces inside those
    escaped, as the marks cannot hold a bare space)."""
    text = _ENTITY_LIKE.sub(r"\\&", run.text.translate(_ESCAPE))
    if run.script == "normal" or not text.strip():
        return text
    return marked(t.Text(text.replace(" ", "\\ "), script=run.script))


def _emphasised(runs: list[t.Text]) -> str:
    """Neighbouring runs of one emphasis, marked once around them and outside their edge
    blanks (Markdown's emphasis cannot start or end on a space); a newline is a hard line
    break."""
    text = "".join(_scripted(run) for run in runs)
    core = text.strip(" \n")
    if not core:
        return text.replace("\n", "\\\n")
    lead, trail = text[:len(text) - len(text.lstrip(" \n"))], text[len(text.rstrip(" \n")):]
    style = t.Text(core, runs[0].bold, runs[0].italic)
    return (lead + marked(style) + trail).replace("\n", "\\\n")


def _line_safe(line: str) -> str:
    """A line that cannot start a list, heading underline or quote when read back."""
    bullet = _PASTED_BULLET.match(line)
    if bullet is not None:  # read back as text it would be refused as a pasted bullet
        return f"{bullet.group(1)}`{bullet.group(2)}`{line[bullet.end():]}"
    match = _BLOCK_MARK.match(line)
    if match is None:
        return line
    if match.group(2):
        return f"{match.group(1)}\\{line[match.end(1):]}"
    return f"{line[:match.end(3)]}\\{line[match.end(3):]}"


def _lines_safe(text: str, first: str = "", rest: str = "") -> list[str]:
    """`text` split at its hard breaks, each line made safe, the first after `first`."""
    lines = text.split("\n")
    return [(first if i == 0 else rest) + _line_safe(line) for i, line in enumerate(lines)]


def _list(block: t.ListBlock, notes: dict[int, str], indent: str = "",
          other: bool = False) -> list[str]:
    """A list with its real numbers; a nested list indented to its item's text. With
    `other`, the other marker ('*', '1)'), which keeps it apart from a list above it."""
    out: list[str] = []
    for index, item in enumerate(block.items):
        marker = (f"{block.start + index}{')' if other else '.'}" if block.ordered
                  else "*" if other else "-")
        inner = indent + " " * (len(marker) + 1)
        out += _lines_safe(_inline(item, notes), f"{indent}{marker} ", inner)
        sub = block.sublist(index)
        if sub is not None:
            out += _list(sub, notes, inner)
    return out


def _plain(text: str) -> str:
    """Text from the sources (a title, a caption) as literal Markdown on one line."""
    return " ".join(text.translate(_ESCAPE).split())


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar for the metadata block (JSON strings are valid YAML)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def _inline(items: tuple[t.Inline, ...], notes: dict[int, str]) -> str:
    parts: list[str] = []
    group: list[t.Text] = []
    for item in (*items, None):
        if isinstance(item, t.Text) and (not group or (group[0].bold, group[0].italic)
                                         == (item.bold, item.italic)):
            group.append(item)
            continue
        if group:
            parts.append(_emphasised(group))
            group = []
        if isinstance(item, t.Text):
            group.append(item)
        elif isinstance(item, t.FootnoteRef):
            notes.setdefault(item.number, _inline(item.content, notes))
            parts.append(f"[^{item.number}]")
        elif isinstance(item, t.Link):
            parts.append(f"[{_inline(item.children, notes)}]({item.target})")
    return "".join(parts)


def _table(table: t.Table, notes: dict[int, str], words: t.Words) -> list[str]:
    width = len(table.column_widths)
    heads = len(table.header_rows)
    placed = place_rows([*table.header_rows, *table.body_rows], width)

    def text(cell: t.Cell) -> str:
        return _inline(cell.inlines, notes).replace("\\\n", "<br>").replace("\n", " ")

    def cells(row: Placed) -> list[str]:
        out = [""] * width
        for col, cell in row:
            out[col] = text(cell)
        return out

    header = _header(covering(placed[:heads], width), text) if heads else [""] * width
    title = (f"{words.table} {table.number}: {_plain(table.caption)}"
             if table.number is not None else _plain(table.caption))
    lines = [title.strip(), ""] if title.strip() else []
    lines.append("| " + " | ".join(header) + " |")
    last = {col: c.align for col, c in placed[-1]} if placed else {}
    align = [{"right": "---:", "center": ":---:"}.get(last.get(i, "left"), "---")
             for i in range(width)]
    lines.append("| " + " | ".join(align) + " |")
    for row, row_cells in zip([*table.header_rows, *table.body_rows][heads:], placed[heads:],
                              strict=True):
        shown = cells(row_cells)
        if row.role in ("total", "subtotal"):
            shown = [f"**{c}**" if c else c for c in shown]
        lines.append("| " + " | ".join(shown) + " |")
    lines.append("")
    lines.extend(_inline(n.inlines, notes) + "\n" for n in table.notes)
    return lines


def _header(grid: list[list[t.Cell | None]], text: Callable[[t.Cell], str]) -> list[str]:
    """One header row for a pipe table: each column's header levels joined top-down
    ("Realisatie 2023"), a cell spanning rows named once, so every figure's column is named
    as the PDF and DOCX headers name it."""
    out: list[str] = []
    for col in range(len(grid[0]) if grid else 0):
        seen: list[t.Cell] = []
        for row in grid:
            cell = row[col]
            if cell is not None and not any(cell is s for s in seen):
                seen.append(cell)
        out.append(" ".join(filter(None, (text(c).strip() for c in seen))))
    return out


def figure_folder(path: Path) -> Path:
    """The folder a Markdown artifact's images are written to: beside it, named after it
    (so each edition has its own, and a public one holds only the public charts)."""
    return path.with_name(f"{path.stem}-figuren")


def figure_file(figure: t.Figure) -> str:
    """The file name of a figure's image in the figure folder: its number, its kind."""
    suffix = (figure.raster_path.suffix.lower() if figure.raster_path else "") or ".png"
    return f"figuur-{figure.number or 0}{suffix}"


def _block(block: t.Block, notes: dict[int, str], words: t.Words,
           figures: str | None = None) -> list[str]:
    if isinstance(block, t.Heading):
        return [f"{'#' * block.level} {_plain(block.display)} {{#{block.anchor}}}", ""]
    if isinstance(block, t.Paragraph):
        quote = "> " if block.style == "quote" else ""
        return [*_lines_safe(_inline(block.inlines, notes), quote, quote), ""]
    if isinstance(block, t.ListBlock):
        return [*_list(block, notes), ""]
    if isinstance(block, t.Rule):
        return ["* * *", ""]
    if isinstance(block, t.Table):
        return _table(block, notes, words)
    if isinstance(block, t.Figure):
        if block.raster_path is not None and figures is not None:
            line = (f"![{words.figure} {block.number}: {_plain(block.caption)}]"
                    f"({figures}/{figure_file(block)})")
        elif block.raster_path is not None:
            line = (f"**{words.figure} {block.number}: {_plain(block.caption)}** — "
                    f"{_plain(block.alt_text)}")
        else:
            line = (f"**{words.figure} {block.number}: {_plain(block.caption)}** — "
                    f"{_plain(block.placeholder_text)}")
        below = [_plain(text) for text in (block.note, block.source_note) if text]
        table = _table(block.data_table, notes, words) if block.data_table else []
        return [line, ""] + [part for text in below for part in (text, "")] + table
    return ["\\newpage", ""]


def body_lines(blocks: tuple[t.Block, ...] | list[t.Block], notes: dict[int, str],
               words: t.Words, figures: str | None = None) -> list[str]:
    """The lines of a run of blocks; of two lists of one kind in a row, the second takes
    the other marker (Markdown would join them into one)."""
    lines: list[str] = []
    other = False
    previous: t.Block | None = None
    for block in blocks:
        if isinstance(block, t.ListBlock):
            other = (isinstance(previous, t.ListBlock) and previous.ordered == block.ordered
                     and not other)
            lines += [*_list(block, notes, other=other), ""]
        else:
            lines += _block(block, notes, words, figures)
        previous = block
    return lines


def render_markdown(document: t.Document, figures: str | None = None) -> str:
    """The document as Markdown text, with a YAML metadata block; images link into the
    folder `figures` (relative), or, without one, are described by their alt text."""
    meta = document.metadata
    lines = ["---", f"title: {_quoted(meta.title)}",
             f"subtitle: {_quoted(document.cover.edition_label)}",
             f"author: {_quoted(meta.author)}", f"lang: {meta.language}",
             f"date: {meta.created:%Y-%m-%d}", "---", ""]
    if document.marking is not None:
        mark = document.marking
        before, after = document.words.copy_header
        copy = f"{before}{mark.copy_number}{after}" if mark.copy_number else ""
        shown = [mark.text, copy, *mark.extra]
        lines += [f"**{_plain(line)}**  " for line in shown if line] + [""]
    notes: dict[int, str] = {}
    for section in document.sections:
        lines += body_lines(section.blocks, notes, document.words, figures)
    lines += [f"[^{n}]: {text}" for n, text in sorted(notes.items())]
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(document: t.Document, path: Path) -> None:
    """Write the Markdown file atomically, and its charts and images into its figure
    folder (byte for byte the files the other writers embed)."""
    path = Path(path)
    pictures = [(b, b.raster_path) for section in document.sections for b in section.blocks
                if isinstance(b, t.Figure) and b.raster_path is not None]
    folder = figure_folder(path)
    for figure, raster in pictures:
        if not raster.is_file():
            raise BuildError(f"figure {figure.caption!r}: its image {raster.name} is gone")
        folder.mkdir(exist_ok=True)
        write_bytes_atomically(folder / figure_file(figure), raster.read_bytes())
    text = render_markdown(document, folder.name if pictures else None)
    write_bytes_atomically(path, text.encode("utf-8"))
