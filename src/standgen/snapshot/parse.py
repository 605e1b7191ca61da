"""Read a snapshot text back into what a comparison needs: outline, tables, text, furniture."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from standgen.snapshot import text as fmt

_SECTION = re.compile(r"^== (.+) ==$")
_MARKER = re.compile(r"^-- (page|section) (\d+) --$")
_HEADING = re.compile(r"^(#+) (?:\[[^\]]*\] )?(.*)$")
_OUTLINE = re.compile(r"^( *)(.*) → p\. (\d+)$")
_TABLE_LINE = re.compile(r"^  (head|row)(?:\([^)]*\))?: ?(.*)$")
_NUMBER = re.compile(r"^(?:Tabel|Table)\s+\d+\s*[–-]?\s*")
CONTEXT_LEVEL = 2
"""Headings down to this level name the place of a change ("2.2 Instroom …")."""


@dataclass
class TableData:
    """One table as the snapshot shows it, with where it stands."""

    caption: str
    context: str
    page: int | None
    head: list[list[str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    layout: str = ""


@dataclass(frozen=True)
class Word:
    """One word of the running text, with the section heading and page it falls under."""

    text: str
    context: str
    page: int | None


@dataclass
class Parsed:
    """A snapshot taken apart."""

    kind: str
    sections: dict[str, list[str]] = field(default_factory=dict)
    outline: list[tuple[int, str, int]] = field(default_factory=list)
    pages: int | None = None
    tables: dict[tuple[str, str], TableData] = field(default_factory=dict)
    words: list[Word] = field(default_factory=list)
    furniture: set[str] = field(default_factory=set)
    image_context: list[str] = field(default_factory=list)
    page_lines: dict[int, list[str]] = field(default_factory=dict)


def _sections(text: str) -> tuple[str, dict[str, list[str]]]:
    lines = text.splitlines()
    kind = lines[0].rpartition(": ")[2] if lines else ""
    sections: dict[str, list[str]] = {}
    current: list[str] = sections.setdefault("", [])
    for line in lines[1:]:
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        else:
            current.append(line)
    return kind, sections


def table_title(caption: str) -> str:
    """A caption without its number, so renumbering keeps a table's identity."""
    return _NUMBER.sub("", caption).strip() or caption


@dataclass
class _Reader:
    parsed: Parsed
    context: str = ""
    page: int | None = None
    table: TableData | None = None

    def add_table(self, caption: str) -> None:
        key = (self.context, table_title(caption))
        while key in self.parsed.tables:
            key = (key[0], key[1] + " (next)")
        self.table = TableData(caption, self.context, self.page)
        self.parsed.tables[key] = self.table

    def table_line(self, line: str) -> bool:
        match = _TABLE_LINE.match(line)
        if self.table is None or not (match or line.startswith("  layout: ")):
            self.table = None
            return False
        if match is None:
            self.table.layout = line.removeprefix("  layout: ")
        else:
            cells = match.group(2).split(fmt.CELL_SEP)
            (self.table.head if match.group(1) == "head" else self.table.rows).append(cells)
        return True

    def words(self, text: str) -> None:
        self.parsed.image_context += [self.context] * text.count("[image]")
        self.parsed.words += [Word(w, self.context, self.page) for w in text.split()]

    def line(self, line: str) -> None:
        if self.page is not None and not line.startswith(("-- page", "header: ", "footer: ")):
            self.parsed.page_lines.setdefault(self.page, []).append(line)
        if self.table_line(line):
            return
        marker, heading = _MARKER.match(line), _HEADING.match(line)
        if marker:
            self.page = int(marker.group(2)) if marker.group(1) == "page" else None
        elif line.startswith(("header: ", "footer: ")):
            self.parsed.furniture.add(re.sub(r"\d+", "#", line))
        elif line.startswith(fmt.TABLE):
            self.add_table(line.removeprefix(fmt.TABLE))
        elif heading:
            if len(heading.group(1)) <= CONTEXT_LEVEL:
                self.context = heading.group(2)
            self.words(line)
        else:
            self.words(fmt.unescape(line))


def parse_snapshot(text: str) -> Parsed:
    """The parts of a snapshot text that a comparison looks at."""
    kind, sections = _sections(text)
    parsed = Parsed(kind=kind, sections=sections)
    for line in sections.get("document", []):
        if line.startswith("pages: "):
            parsed.pages = int(line.removeprefix("pages: "))
    for line in sections.get("outline", []):
        match = _OUTLINE.match(line)
        if match:
            level = len(match.group(1)) // 2 + 1
            parsed.outline.append((level, match.group(2), int(match.group(3))))
    reader = _Reader(parsed)
    for line in sections.get("body", []):
        reader.line(line)
    return parsed
