"""What counts as confidential in a source: texts and printed figures of secret nodes.

A candidate is a sentence-sized piece of confidential text, or a distinctive formatted
value of a confidential cell. Anything that also stands in the public source is not a
candidate, so the check cannot fire on content the public edition may legitimately hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from standgen.compose.tables import TableValues, cell_text
from standgen.edition.levels import Levels
from standgen.format.units import format_amount
from standgen.leaks.text import Candidate, squash
from standgen.model.base import Classified, Node
from standgen.model.report import (
    Chapter,
    FigureBlock,
    HeadingBlock,
    ListBlock,
    Report,
    Section,
    TableBlock,
    TextBlock,
    Topic,
)
from standgen.model.tables import IndicatorTable
from standgen.model.values import Unit

MIN_TEXT = 12
MIN_VALUE = 5
_FIGURE = re.compile(r"[+-]?[\d.,]+%?")
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_MARKUP = re.compile(r"[*_^~`\[\]]|\{\{.*?\}\}|\{%.*?%\}")


def _pieces(text: str) -> Iterator[str]:
    clean = _MARKUP.sub("", text)
    for piece in _SENTENCE.split(clean):
        piece = piece.strip()
        if len(piece) >= MIN_TEXT:
            yield piece


def _node_texts(node: Node) -> Iterator[str]:
    if isinstance(node, TextBlock | HeadingBlock):
        yield node.text
    elif isinstance(node, ListBlock):
        yield from node.items
    elif isinstance(node, FigureBlock):
        yield from (s for s in (node.title, node.alt, node.placeholder, node.source_note) if s)
        if node.chart and node.chart.series:
            unit = node.chart.unit or Unit()
            for series in node.chart.series:
                yield series.label
                yield from (format_amount(v, unit) for v in series.values if v is not None)
    elif isinstance(node, Topic | Section | Chapter) and getattr(node, "title", None):
        yield str(node.title)


def _table_texts(table: IndicatorTable, secret: bool, levels_of: object) -> Iterator[str]:
    if secret:
        yield table.title
        yield from (n.text for n in table.notes)


class _Collector:
    def __init__(self, levels: Levels) -> None:
        self.levels = levels
        self.secret: list[Candidate] = []
        self.public: list[str] = []

    def is_secret(self, level: str) -> bool:
        found = self.levels.get(level)
        return found is not None and not found.is_public

    def add(self, text: str, secret: bool, origin: str) -> None:
        if secret and _FIGURE.fullmatch(text):
            if len(text) >= MIN_VALUE:
                self.secret.append(Candidate(text, origin))
        elif secret:
            self.secret.extend(Candidate(p, origin) for p in _pieces(text))
        else:
            self.public.append(text)

    def walk(self, node: Node, inherited: str, origin: str) -> None:
        level = (node.rubricering if isinstance(node, Classified) else None) or inherited
        secret = self.is_secret(level)
        for text in _node_texts(node):
            self.add(text, secret, origin)
        if isinstance(node, TableBlock):
            self.table(node.table, level, origin)
            return
        for child in _children(node):
            self.walk(child, level, origin)

    def table(self, table: IndicatorTable, inherited: str, origin: str) -> None:
        level = table.rubricering or inherited
        secret = self.is_secret(level)
        self.add(table.title, secret, f"{origin}, table {table.id}")
        for note in table.notes:
            self.add(note.text, self.is_secret(note.rubricering or level), f"table {table.id}")
        values = TableValues(table)
        for row in table.rows:
            row_level = row.rubricering or level
            self.add(row.label, self.is_secret(row_level), f"table {table.id}")
            for column in table.columns:
                cell = values.cell(row, column.key)
                cell_secret = self.is_secret(cell.rubricering or row_level)
                printed = cell_text(table, row, column, cell)
                where = f"table {table.id}, row {row.key}, column {column.key}"
                if cell_secret and len(printed) >= MIN_VALUE:
                    self.secret.append(Candidate(printed, where))
                elif not cell_secret:
                    self.public.append(printed)


def _children(node: Node) -> Iterator[Node]:
    for name in type(node).model_fields:
        value = getattr(node, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Node):
                yield item


def confidential_candidates(report: Report, levels: Levels) -> list[Candidate]:
    """Every confidential candidate of `report` that the public source does not also hold."""
    collector = _Collector(levels)
    collector.walk(report, report.rubricering, "report")
    for note in report.all_footnotes():
        level = note.rubricering or report.rubricering
        collector.add(note.text, collector.is_secret(level), f"footnote {note.id}")
    public = squash(_MARKUP.sub("", " \u241e ".join(collector.public)))
    seen: set[str] = set()
    out: list[Candidate] = []
    for candidate in collector.secret:
        key = squash(candidate.text)
        if key and key not in seen and key not in public:
            seen.add(key)
            out.append(candidate)
    return out
