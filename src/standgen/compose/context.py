"""State shared while composing one document: texts, counters, footnotes, anchors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from standgen.compose import richtext
from standgen.compose import tree as t
from standgen.compose.labelled import text_level
from standgen.compose.tables import TableValues, cell_text, status_words, unit_for
from standgen.compose.templating import IndicatorLookup, TextTemplates, render_text
from standgen.edition.levels import Level, Levels, load_levels
from standgen.edition.value_levels import ValueLevels
from standgen.errors import Location, Problem
from standgen.format.spacing import tie_spaces
from standgen.format.units import NumberWords
from standgen.model.base import Classified
from standgen.model.report import Footnote, Report
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Unit
from standgen.theme.metrics import TableMetrics


@dataclass
class ComposeContext:
    """Everything composing needs besides the node at hand."""

    report: Report
    texts: TextTemplates
    tables: Mapping[str, IndicatorTable]
    footnotes: Mapping[str, Footnote]
    note_numbers: dict[str, int] = field(default_factory=dict)
    table_count: int = 0
    figure_count: int = 0
    anchors: set[str] = field(default_factory=set)
    note_content: dict[str, tuple[t.Inline, ...]] = field(default_factory=dict)
    notices: list[Problem] = field(default_factory=list)
    _values: dict[str, TableValues] = field(default_factory=dict)
    source: Report | None = None
    levels: Levels | None = None
    note_origin: Callable[[Location], str] | None = None
    """Gives a footnote's text an origin id (see compose/provenance.py), when set."""
    metrics: TableMetrics | None = None
    """The theme's table font, to measure tables with (the default theme's when None)."""

    def __post_init__(self) -> None:
        self.scale = self.levels or load_levels()
        self.level = self._level(self.report.rubricering, self.scale.public)
        self.value_levels = ValueLevels(self.source or self.report, self.scale)
        self._source_values: dict[str, TableValues] = {}
        self._missing: tuple[dict[str, str], NumberWords] | None = None
        self.lookup = IndicatorLookup(
            {table.id: table for table, _ in self.value_levels.tables.values()},
            self._cell_text, self._cell_number, self.value_levels.of, self.scale.public)
        self._note_levels = self._footnote_levels()
        self._note_origins: dict[str, str] = {}
        self.context: dict[str, Any] = {
            "waarde": self.lookup,
            "rapport": {"titel": self.report.title, "periode": self.report.period,
                        "jaar": self.report.report_year},
        }

    def values(self, table: IndicatorTable) -> TableValues:
        """The derived cells of a table, computed once per document."""
        if table.id not in self._values:
            self._values[table.id] = TableValues(table)
        return self._values[table.id]

    def _written_values(self, table: IndicatorTable) -> TableValues:
        """The cells of a table as the report has it, for `waarde` (the level check keeps
        text from printing anything above its own level)."""
        if table.id not in self._source_values:
            self._source_values[table.id] = TableValues(table)
        return self._source_values[table.id]

    def _cell_text(self, table: IndicatorTable, row: Row, key: str) -> str:
        column = next(c for c in table.columns if c.key == key)
        if self._missing is None:
            self._missing = status_words(self.texts), self.texts.numbers()
        return cell_text(table, row, column, self._written_values(table).cell(row, key),
                         *self._missing, prose=True)

    def _cell_number(self, table: IndicatorTable, row: Row, key: str
                     ) -> tuple[Decimal | None, Unit]:
        column = next(c for c in table.columns if c.key == key)
        cell = self._written_values(table).cell(row, key)
        return cell.value, unit_for(table, row, column, cell)

    # Levels of text -----------------------------------------------------------------

    def _level(self, level_id: str | None, inherited: Level) -> Level:
        if level_id is None:
            return inherited
        return self.scale.get(level_id) or inherited

    def scoped(self, node: Classified | None) -> AbstractContextManager[object]:
        """Compose the text inside at `node`'s rubricering (its own, else the inherited)."""
        if node is None or node.rubricering is None:
            return _SAME_LEVEL
        return _Scope(self, self._level(node.rubricering, self.level))

    def _footnote_levels(self) -> dict[str, Level]:
        report = self.report
        base = self.level
        found = {n.id: self._level(n.rubricering, base) for n in report.footnotes}
        front = report.front_matter
        for part in (front.voorwoord, front.samenvatting, front.inleiding, *report.chapters):
            if part is None:
                continue
            part_level = self._level(part.rubricering, base)
            for note in part.footnotes:
                found.setdefault(note.id, self._level(note.rubricering, part_level))
        return found

    # Text ---------------------------------------------------------------------------

    def render(self, text: str, at: Location) -> str:
        """Run narrative Jinja over a text (when it has any), with indicator access."""
        if "{{" not in text and "{%" not in text and "{#" not in text:
            return text
        with text_level(self.level):
            return render_text(self.texts.env, text, self.context, at)

    def note(self, note_id: str) -> t.FootnoteRef | None:
        """A numbered footnote reference; notes absent from this edition are left out."""
        footnote = self.footnotes.get(note_id)
        if footnote is None:
            return None
        if note_id not in self.note_numbers:
            self.note_numbers[note_id] = len(self.note_numbers) + 1
            before, self.level = self.level, self._note_levels.get(note_id, self.level)
            at = footnote.loc("text", f"footnote {note_id}")
            try:
                content = self.inlines(footnote.text, at)
            finally:
                self.level = before
            self.note_content[note_id] = content
            if self.note_origin is not None:
                self._note_origins[note_id] = self.note_origin(
                    Location(at.file, at.line, f"footnotes.{note_id}.text"))
        return t.FootnoteRef(self.note_numbers[note_id], self.note_content[note_id],
                             self._note_origins.get(note_id))

    def inlines(self, text: str, at: Location) -> tuple[t.Inline, ...]:
        """Inline rich text (with templates rendered) as tree inlines."""
        return richtext.inlines(tie_spaces(self.render(text, at)), self.note, at)

    def blocks(self, text: str, at: Location) -> list[t.Block]:
        """Block rich text (paragraphs, quotes, lists, tables, rules) as tree blocks."""
        return richtext.blocks(tie_spaces(self.render(text, at)), self.note, at)

    def anchor(self, base: str) -> str:
        """A unique, stable anchor derived from `base`."""
        plain = unicodedata.normalize("NFKD", base.lower()).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"
        candidate, number = slug, 2
        while candidate in self.anchors:
            candidate, number = f"{slug}-{number}", number + 1
        self.anchors.add(candidate)
        return candidate


_SAME_LEVEL = nullcontext()


class _Scope:
    """Sets the context's text level for a node with its own rubricering, and restores it."""

    __slots__ = ("before", "ctx", "level")

    def __init__(self, ctx: ComposeContext, level: Level) -> None:
        self.ctx = ctx
        self.level = level
        self.before = level

    def __enter__(self) -> None:
        self.before, self.ctx.level = self.ctx.level, self.level

    def __exit__(self, *exc: object) -> None:
        self.ctx.level = self.before
