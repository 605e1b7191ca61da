"""A PDF as a text snapshot: metadata, outline with start pages, and every page's text."""

from __future__ import annotations

import re
from pathlib import Path

from standgen.snapshot import text as fmt
from standgen.snapshot.pdf_extract import (
    OutlineEntry,
    PageText,
    metadata_lines,
    outline_entries,
    page_texts,
)
from standgen.snapshot.pdf_tables import CAPTION, Table, parse_table, table_extent

_LEADER = re.compile(r"(?:\s*\.){4,}\s*")


def _clean(line: str) -> str:
    return fmt.collapse(_LEADER.sub(" … ", line))


def _zone(lines: list[str]) -> str:
    return " · ".join(_clean(line) for line in lines if line.strip())


def _table_lines(table: Table) -> list[str]:
    lines = [f"{fmt.TABLE}{table.caption}"]
    lines += [f"{fmt.TABLE_HEAD}{fmt.cells(cells)}" for cells in table.head]
    lines += [f"{fmt.TABLE_ROW}{fmt.cells(cells)}" for cells in table.rows]
    return lines


def _heading_at(lines: list[str], index: int, entries: list[OutlineEntry]) -> tuple[str, int]:
    """The heading line for the outline entry printed at `index`, and lines it takes."""
    one = _clean(lines[index])
    two = f"{one} {_clean(lines[index + 1])}" if index + 1 < len(lines) else one
    for entry in entries:
        title = fmt.collapse(entry.title)
        if title == one:
            return fmt.heading(entry.level, title), 1
        if title == two:
            return fmt.heading(entry.level, title), 2
    return "", 0


def body_lines(lines: list[str], entries: list[OutlineEntry]) -> list[str]:
    """A page body as snapshot lines: headings, tables and plain text lines."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        heading, taken = _heading_at(lines, index, entries)
        if taken:
            out.append(heading)
            entries = [e for e in entries if fmt.heading(e.level, e.title) != heading]
            index += taken
            continue
        if CAPTION.match(line):
            end = table_extent(lines, index)
            if end > index + 1:
                out += _table_lines(parse_table(line, lines[index + 1:end]))
                index = end
                continue
        out.append(fmt.escape(_clean(line)))
        index += 1
    return out


def _page_lines(number: int, page: PageText, entries: list[OutlineEntry]) -> list[str]:
    lines = [fmt.PAGE.format(number)]
    lines.append(f"header: {_zone(page.header)}".rstrip())
    lines.append(f"footer: {_zone(page.footer)}".rstrip())
    starting = [e for e in entries if e.page == number]
    return lines + body_lines(page.body, starting)


def snapshot_pdf(path: Path) -> str:
    """The text snapshot of the PDF at `path`."""
    entries = outline_entries(path)
    lines = [fmt.title_line("pdf"), fmt.SECTION.format("document"), *metadata_lines(path),
             fmt.SECTION.format("outline")]
    lines += [f"{'  ' * (e.level - 1)}{fmt.collapse(e.title)} → p. {e.page}" for e in entries]
    lines.append(fmt.SECTION.format("body"))
    for number, page in enumerate(page_texts(path), start=1):
        lines += _page_lines(number, page, entries)
    return "\n".join(lines) + "\n"
