"""The level of every figure of the report as written: the highest level of the figure itself
and of everything it was computed from.

A cell's own level is the highest rubricering on its way down from the report (chapter,
section, topic, block, table, row, cell): it is printed only where all of them are. A computed
figure (total, sum, percentage, delta, difference; see `standgen.edition.flow`) also carries
the highest level of its inputs, so a total over a confidential row is confidential.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from standgen.edition.flow import CellKey, TableInputs
from standgen.edition.levels import Level, Levels
from standgen.model.base import Classified
from standgen.model.report import Block, Report, TableBlock
from standgen.model.tables import IndicatorTable


@dataclass(frozen=True)
class FigureLevel:
    """A figure's level, and the input (row, column) that set it when that is not the
    figure itself."""

    level: Level
    because_of: CellKey | None = None


class ValueLevels:
    """Levels of the figures of a report's tables, computed per table on first use."""

    def __init__(self, report: Report, levels: Levels) -> None:
        self.levels = levels
        self.tables: dict[str, tuple[IndicatorTable, Level]] = {}
        for table, level in report_tables(report, levels):
            self.tables.setdefault(table.id, (table, level))
        self._done: dict[str, dict[CellKey, FigureLevel]] = {}

    def of(self, table_id: str, row_key: str, col_key: str) -> FigureLevel | None:
        """The level of one figure, or None when the report has no such table."""
        if table_id not in self.tables:
            return None
        table_levels = self._done.get(table_id)
        if table_levels is None:
            table_levels = self._done[table_id] = self._table(*self.tables[table_id])
        return table_levels.get((row_key, col_key))

    def own(self, table_id: str) -> dict[CellKey, Level]:
        """The levels of a table's cells by themselves, without their inputs."""
        table, inherited = self.tables[table_id]
        keys = table.column_keys
        own: dict[CellKey, Level] = {}
        for row in table.rows:
            row_level = _raise(inherited, row, self.levels)
            for key, cell in row.cells_by_key(keys).items():
                cell_level = _raise(row_level, cell, self.levels)
                earlier = own.get((row.key, key))  # two rows may share a key: the highest
                if earlier is None or cell_level.rank > earlier.rank:
                    own[(row.key, key)] = cell_level
        return own

    def _table(self, table: IndicatorTable, inherited: Level) -> dict[CellKey, FigureLevel]:
        own = self.own(table.id)
        inputs = TableInputs(table)
        found: dict[CellKey, FigureLevel] = {}
        active: set[CellKey] = set()

        def level(key: CellKey) -> FigureLevel:
            if key in found:
                return found[key]
            base = FigureLevel(own.get(key, inherited))
            if key in active:
                return base
            active.add(key)
            result = base
            for part in inputs.of(*key).cells:
                above = level(part)
                if above.level.rank > result.level.rank:
                    result = FigureLevel(above.level, above.because_of or part)
            active.discard(key)
            found[key] = result
            return result

        for cell_key in own:
            level(cell_key)
        return found


def _raise(inherited: Level, node: Classified, levels: Levels) -> Level:
    """The higher of the inherited level and the node's own rubricering (an unknown one is
    refused by selection; here it counts as the highest level, to fail closed)."""
    if node.rubricering is None:
        return inherited
    own = levels.get(node.rubricering) or max(levels.by_id.values(), key=lambda v: v.rank)
    return own if own.rank > inherited.rank else inherited


def report_tables(report: Report, levels: Levels) -> Iterator[tuple[IndicatorTable, Level]]:
    """Every table of the report with the level it inherits (its table's own level too)."""
    base = levels.get(report.rubricering) or levels.public
    front = report.front_matter
    for part in (front.voorwoord, front.samenvatting, front.inleiding):
        if part is not None:
            yield from _blocks(part.blocks, _raise(base, part, levels), levels)
    for chapter in report.chapters:
        chapter_level = _raise(base, chapter, levels)
        yield from _blocks(chapter.blocks, chapter_level, levels)
        for section in chapter.sections:
            section_level = _raise(chapter_level, section, levels)
            yield from _blocks(section.blocks, section_level, levels)
            for topic in section.topics:
                yield from _blocks(topic.blocks, _raise(section_level, topic, levels), levels)


def _blocks(blocks: list[Block], inherited: Level, levels: Levels
            ) -> Iterator[tuple[IndicatorTable, Level]]:
    for block in blocks:
        if isinstance(block, TableBlock):
            level = _raise(_raise(inherited, block, levels), block.table, levels)
            yield block.table, level
