"""The readable units of a composed document, as its artifacts print them.

A unit is a sentence of a paragraph or list item, a heading, a caption, an alt text, a
table cell or a footnote's text: templates, links and footnotes already resolved. A
footnote mark splits a sentence into parts (an artifact prints the mark's number between
them); the note's own text is a unit of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from standgen.compose import tree as t

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+(?=\S)")
GAP = "\x00"  # where a footnote mark stands inside a unit


@dataclass(frozen=True)
class Unit:
    """One readable unit: its text (footnote marks as GAP), where it is, and whether it
    is a table cell (a cell is compared whole, a figure)."""

    text: str
    where: str
    cell: bool = False
    source: str = ""
    """The source file and line of the block the unit stands in, where compose recorded
    it (compose/provenance.py): "hoofdstuk-1.yaml:31"."""
    places: tuple[str, ...] = ()
    """For a confidential unit: every `where` (without source) it stands at."""

    @property
    def place(self) -> str:
        """Where the unit stands, with its source file and line when known."""
        return f"{self.where} ({self.source})" if self.source else self.where


def _inline_text(items: tuple[t.Inline, ...], notes: list[t.FootnoteRef],
                 links: list[str]) -> str:
    parts: list[str] = []
    for item in items:
        if isinstance(item, t.Text):
            parts.append(item.text)
        elif isinstance(item, t.Link):
            parts.extend(run.text for run in item.children)
            links.append(item.target)
        else:
            parts.append(GAP)
            notes.append(item)
    return "".join(parts)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph's text; a paragraph without a sentence end is one."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip(" " + GAP)]


class _Walker:
    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.notes: set[int] = set()  # a note referred to twice is printed once

    def inlines(self, items: tuple[t.Inline, ...], where: str, split: bool = True,
                cell: bool = False) -> None:
        if len(items) == 1 and type(items[0]) is t.Text and not split:  # most cells
            text = items[0].text.strip()
            if text:
                self.units.append(Unit(text, where, cell))
            return
        notes: list[t.FootnoteRef] = []
        links: list[str] = []
        text = _inline_text(items, notes, links)
        for piece in (sentences(text) if split else [text.strip()]):
            if piece.strip(" " + GAP):
                self.units.append(Unit(piece, where, cell))
        for target in links:
            self.units.append(Unit(target, f"{where}, link"))
        for note in notes:
            if note.number not in self.notes:
                self.notes.add(note.number)
                self.inlines(note.content, f"{where}, footnote")

    def text(self, text: str, where: str) -> None:
        if text.strip():
            self.units.append(Unit(text.strip(), where))

    def table(self, table: t.Table, where: str) -> None:
        """Caption, alt text, body cells and notes; not the column headers, the same
        years and roles in every table."""
        here = f"{where}, table {table.caption!r}" if table.caption.strip() else \
            f"{where}, table without caption"
        self.text(table.caption, here)
        self.text(table.alt_text, f"{here}, alt text")
        for row in table.body_rows:
            label = _plain(row.cells[0].inlines) if row.cells else ""
            at = f"{here}, row {label!r}" if label else here
            for cell in row.cells:
                self.inlines(cell.inlines, f"{at}, cell", split=False, cell=True)
        for note in table.notes:
            self.inlines(note.inlines, f"{here}, note")

    def block(self, block: t.Block, where: str) -> None:
        if isinstance(block, t.Paragraph):
            self.inlines(block.inlines, where)
        elif isinstance(block, t.Heading):
            self.text(block.text, f"{where}, heading")
        elif isinstance(block, t.ListBlock):
            for item in block.items:
                self.inlines(item, f"{where}, list item")
        elif isinstance(block, t.Table):
            self.table(block, where)
        elif isinstance(block, t.Figure):
            here = f"{where}, figure {block.caption!r}"
            for text in (block.caption, block.alt_text, block.placeholder_text,
                         block.note, block.source_note):
                self.text(text, here)
            if block.data_table is not None:
                self.table(block.data_table, here)


def document_units(document: t.Document, skip_sections: int = 0, min_heading: int = 1
                   ) -> list[Unit]:
    """Every unit of the content of `document` (not its cover, markings or contents
    page, which the edition decides): the first `skip_sections` sections and headings
    above `min_heading` left out. A unit's `where` is the path of headings above it."""
    walker = _Walker()
    sources = _sources(document.provenance)
    for section in document.sections[skip_sections:]:
        trail: dict[int, str] = {}
        for block in section.blocks:
            if isinstance(block, t.Heading):
                trail = {k: v for k, v in trail.items() if k < block.level}
            where = " > ".join(trail[k] for k in sorted(trail)) or section.running_header
            if isinstance(block, t.Heading):
                trail[block.level] = block.display
                if block.level < min_heading:
                    continue
            first = len(walker.units)
            walker.block(block, where)
            source = sources.get(block.origin or "", "") if not isinstance(
                block, t.PageBreak | t.Rule) else ""
            if source:
                walker.units[first:] = [replace(u, source=source)
                                        for u in walker.units[first:]]
    return walker.units


def _plain(items: tuple[t.Inline, ...]) -> str:
    return _inline_text(items, [], []).replace(GAP, "").strip()


def _sources(record: str) -> dict[str, str]:
    """Per origin id, "file:line" of the block it names (empty without a record)."""
    try:
        origins = json.loads(record).get("origins", {}) if record else {}
    except (ValueError, AttributeError):
        return {}
    found: dict[str, str] = {}
    for origin, entry in origins.items() if isinstance(origins, dict) else ():
        if isinstance(entry, dict) and entry.get("file"):
            line = entry.get("line")
            found[str(origin)] = f"{entry['file']}:{line}" if line else str(entry["file"])
    return found


def units_text(units: Iterator[Unit] | list[Unit]) -> list[str]:
    """The unit texts, footnote marks removed."""
    return [u.text.replace(GAP, "") for u in units]
