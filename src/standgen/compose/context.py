"""State shared while composing one document: texts, counters, footnotes, anchors."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from standgen.compose import richtext
from standgen.compose import tree as t
from standgen.compose.tables import TableValues, cell_text, unit_for
from standgen.compose.templating import IndicatorLookup, TextTemplates, render_text
from standgen.errors import Location, Problem
from standgen.model.report import Footnote, Report
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Unit


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

    def __post_init__(self) -> None:
        self.lookup = IndicatorLookup(self.tables, self._cell_text, self._cell_number)
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

    def _cell_text(self, table: IndicatorTable, row: Row, key: str) -> str:
        column = next(c for c in table.columns if c.key == key)
        return cell_text(table, row, column, self.values(table).cell(row, key))

    def _cell_number(self, table: IndicatorTable, row: Row, key: str
                     ) -> tuple[Decimal | None, Unit]:
        column = next(c for c in table.columns if c.key == key)
        cell = self.values(table).cell(row, key)
        return cell.value, unit_for(table, row, column, cell)

    # Text ---------------------------------------------------------------------------

    def render(self, text: str, at: Location) -> str:
        """Run narrative Jinja over a text (when it has any), with indicator access."""
        return render_text(self.texts.env, text, self.context, at)

    def note(self, note_id: str) -> t.FootnoteRef | None:
        """A numbered footnote reference; notes absent from this edition are left out."""
        footnote = self.footnotes.get(note_id)
        if footnote is None:
            return None
        if note_id not in self.note_numbers:
            self.note_numbers[note_id] = len(self.note_numbers) + 1
            content = self.inlines(footnote.text, footnote.loc("text", f"footnote {note_id}"))
            self.note_content[note_id] = content
        return t.FootnoteRef(self.note_numbers[note_id], self.note_content[note_id])

    def inlines(self, text: str, at: Location) -> tuple[t.Inline, ...]:
        """Inline rich text (with templates rendered) as tree inlines."""
        return richtext.inlines(self.render(text, at), self.note)

    def blocks(self, text: str, at: Location) -> list[t.Paragraph | t.ListBlock]:
        """Block rich text (paragraphs, lists) as tree blocks."""
        return richtext.blocks(self.render(text, at), self.note)

    def anchor(self, base: str) -> str:
        """A unique, stable anchor derived from `base`."""
        plain = unicodedata.normalize("NFKD", base.lower()).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"
        candidate, number = slug, 2
        while candidate in self.anchors:
            candidate, number = f"{slug}-{number}", number + 1
        self.anchors.add(candidate)
        return candidate
