"""Select an edition from one source: fail closed, before anything is composed.

- `openbaar` keeps only content whose (inherited) rubricering is public. A topic that lost
  content gets the standard sentence pointing to the vertrouwelijke bijlage; totals over a
  dropped row are recomputed, and rows derived from a dropped row are withheld.
- `vertrouwelijk` keeps everything and drops the pointers to the bijlage.
- `bijlage` keeps only confidential content, under the chapters and sections it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from standgen.edition.levels import EDITIONS, Edition, Level, Levels, load_levels
from standgen.edition.tables import settle_table
from standgen.errors import source_error
from standgen.model.base import Classified
from standgen.model.report import (
    BackMatter,
    BijlageVerwijzing,
    Block,
    Chapter,
    FigureBlock,
    Footnote,
    FrontMatter,
    Part,
    Report,
    Section,
    TableBlock,
    TermList,
    Topic,
)
from standgen.model.tables import IndicatorTable, Row
from standgen.model.values import Cell, Status

N = TypeVar("N", bound=Classified)


@dataclass
class Selection:
    """The report as selected for an edition, and the highest level of what it holds."""

    report: Report
    edition: Edition
    level: Level
    used_levels: set[str] = field(default_factory=set)


class _Selector:
    def __init__(self, levels: Levels, edition: Edition) -> None:
        self.levels = levels
        self.edition = edition
        self.used: set[str] = set()

    def level_of(self, node: Classified, inherited: str) -> str:
        own = node.rubricering or inherited
        level = self.levels.get(own)
        if level is None:
            at = node.loc("rubricering", "rubricering")
            raise source_error(at.file, at.line, at.field, f"unknown rubricering {own!r}; use "
                               f"one of {', '.join(self.levels.ids)}")
        return own

    def secret(self, level_id: str) -> bool:
        level = self.levels.get(level_id)
        return level is not None and not level.is_public

    def keep(self, level_id: str) -> bool:
        """Whether content at this level belongs in an openbaar/vertrouwelijk edition."""
        if self.edition == "openbaar" and self.secret(level_id):
            return False
        self.used.add(level_id)
        return True


def select_edition(report: Report, edition: Edition, levels: Levels | None = None
                   ) -> Selection:
    """The report as it appears in `edition`, and the marking level it needs."""
    if edition not in EDITIONS:
        raise source_error(None, None, "edition", f"unknown edition {edition!r}; use one of "
                           f"{', '.join(EDITIONS)}")
    selector = _Selector(levels or load_levels(), edition)
    base = report.rubricering
    if selector.levels.get(base) is None:
        at = report.loc("rubricering", "rubricering")
        raise source_error(at.file, at.line, at.field, f"unknown rubricering {base!r}; use "
                           f"one of {', '.join(selector.levels.ids)}")
    if edition == "bijlage":
        selected = _select_bijlage(report, base, selector)
    else:
        selected = _select_whole(report, base, selector)
    level = selector.levels.highest(sorted(selector.used))
    return Selection(selected, edition, level, selector.used)


def _select_whole(report: Report, base: str, sel: _Selector) -> Report:
    chapters: list[Chapter] = []
    for chapter in report.chapters:
        level = sel.level_of(chapter, base)
        if not sel.keep(level):
            continue
        sections = [s for s in (_whole_section(s, level, sel) for s in chapter.sections) if s]
        chapters.append(chapter.model_copy(update={
            "blocks": _blocks(chapter.blocks, level, sel)[0], "sections": sections,
            "footnotes": _footnotes(chapter.footnotes, level, sel)}))
    return report.model_copy(update={
        "chapters": chapters, "front_matter": _front_matter(report.front_matter, base, sel),
        "back_matter": _back_matter(report.back_matter, base, sel),
        "footnotes": _footnotes(report.footnotes, base, sel)})


def _front_matter(front: FrontMatter, base: str, sel: _Selector) -> FrontMatter:
    update: dict[str, object] = {}
    for name, part in front.parts():
        update[name] = _part(part, base, sel)
    return front.model_copy(update=update)


def _back_matter(back: BackMatter, base: str, sel: _Selector) -> BackMatter:
    update: dict[str, object] = {"bijlagen": [p for p in (_part(a, base, sel)
                                                          for a in back.bijlagen) if p]}
    for name, part in back.parts():
        if name != "bijlagen":
            update[name] = _part(part, base, sel)
    return back.model_copy(update=update)


P = TypeVar("P", bound=Part)


def _part(part: P, base: str, sel: _Selector) -> P | None:
    """A front- or back-matter part as kept for the edition (None when dropped whole)."""
    level = sel.level_of(part, base)
    if not sel.keep(level):
        return None
    update: dict[str, object] = {"blocks": _blocks(part.blocks, level, sel)[0],
                                 "footnotes": _footnotes(part.footnotes, level, sel)}
    if isinstance(part, TermList):
        update["entries"] = [e for e in part.entries if sel.keep(sel.level_of(e, level))]
    leeswijzer = getattr(part, "leeswijzer", None)
    if isinstance(leeswijzer, list) and leeswijzer:
        update["leeswijzer"] = _blocks(leeswijzer, level, sel)[0]
    return part.model_copy(update=update)


def _whole_section(section: Section, inherited: str, sel: _Selector) -> Section | None:
    level = sel.level_of(section, inherited)
    if not sel.keep(level):
        return None
    topics: list[Topic] = []
    for topic in section.topics:
        topic_level = sel.level_of(topic, level)
        if not sel.keep(topic_level):
            continue
        blocks, dropped = _blocks(topic.blocks, topic_level, sel)
        if dropped and not any(isinstance(b, BijlageVerwijzing) for b in blocks):
            onderwerp = (topic.title or section.title)
            blocks.append(BijlageVerwijzing(onderwerp=onderwerp[:1].lower() + onderwerp[1:]))
        topics.append(topic.model_copy(update={"blocks": blocks}))
    return section.model_copy(update={"topics": topics,
                                      "blocks": _blocks(section.blocks, level, sel)[0]})


def _blocks(blocks: list[Block], inherited: str, sel: _Selector) -> tuple[list[Block], bool]:
    """The blocks kept for the edition, and whether anything confidential was dropped."""
    kept: list[Block] = []
    dropped = False
    for block in blocks:
        level = sel.level_of(block, inherited)
        if isinstance(block, BijlageVerwijzing):
            if sel.edition == "openbaar":
                kept.append(block)
            continue
        if not sel.keep(level):
            dropped = True
            continue
        if isinstance(block, TableBlock):
            table, lost = _table(block.table, level, sel)
            dropped |= lost
            block = block.model_copy(update={"table": table})
        kept.append(block)
    return kept, dropped


def _table(table: IndicatorTable, inherited: str, sel: _Selector) -> tuple[IndicatorTable, bool]:
    level = sel.level_of(table, inherited)
    sel.keep(level)
    rows: list[Row] = []
    for row in table.rows:
        row_level = sel.level_of(row, level)
        if not sel.keep(row_level):
            continue
        rows.append(_row_cells(row, row_level, sel))
    notes = [n for n in table.notes if sel.keep(sel.level_of(n, level))]
    selected = table.model_copy(update={"rows": rows, "notes": notes})
    changed = len(rows) != len(table.rows) or len(notes) != len(table.notes) or any(
        a is not b for a, b in zip(rows, table.rows, strict=False))
    return settle_table(table, selected), changed


def _row_cells(row: Row, inherited: str, sel: _Selector) -> Row:
    cells = row.values.values() if isinstance(row.values, dict) else row.values
    if not any(c.rubricering for c in cells):
        return row

    def keep_cell(cell: Cell) -> Cell:
        if sel.keep(sel.level_of(cell, inherited)):
            return cell
        return Cell(status=Status.WITHHELD)

    if isinstance(row.values, dict):
        values: list[Cell] | dict[str, Cell] = {k: keep_cell(c) for k, c in row.values.items()}
    else:
        values = [keep_cell(c) for c in row.values]
    return row.model_copy(update={"values": values})


def _footnotes(notes: list[Footnote], inherited: str, sel: _Selector) -> list[Footnote]:
    return [n for n in notes if sel.keep(sel.level_of(n, inherited))]


def _select_bijlage(report: Report, base: str, sel: _Selector) -> Report:
    """Only confidential content, under the chapters and sections it belongs to."""
    chapters: list[Chapter] = []
    for chapter in report.chapters:
        level = sel.level_of(chapter, base)
        sections = [s for s in (_bijlage_section(s, level, sel) for s in chapter.sections) if s]
        blocks = _secret_blocks(chapter.blocks, level, sel)
        if sections or blocks:
            chapters.append(chapter.model_copy(update={"blocks": blocks, "sections": sections}))
    notes = [n for n in report.all_footnotes() if sel.secret(sel.level_of(n, base))]
    for note in notes:
        sel.used.add(sel.level_of(note, base))
    empty_front = FrontMatter.model_construct()  # not validated: it has no content
    annexes = []
    for annex in report.back_matter.bijlagen:
        level = sel.level_of(annex, base)
        blocks = (list(annex.blocks) if sel.secret(level)
                  else _secret_blocks(annex.blocks, level, sel))
        if blocks:
            if sel.secret(level):
                sel.used.add(level)
            annexes.append(annex.model_copy(update={"blocks": blocks, "entries": []}))
    empty_back = BackMatter.model_construct(bijlagen=annexes,
                                            order=["bijlagen"] if annexes else [])
    return report.model_copy(update={"chapters": chapters, "front_matter": empty_front,
                                     "back_matter": empty_back, "footnotes": notes})


def _bijlage_section(section: Section, inherited: str, sel: _Selector) -> Section | None:
    level = sel.level_of(section, inherited)
    blocks = _secret_blocks(section.blocks, level, sel)
    topics: list[Topic] = []
    for topic in section.topics:
        topic_level = sel.level_of(topic, level)
        topic_blocks = (list(topic.blocks) if sel.secret(topic_level)
                        else _secret_blocks(topic.blocks, topic_level, sel))
        topic_blocks = [b for b in topic_blocks if not isinstance(b, BijlageVerwijzing)]
        if topic_blocks:
            sel.used.add(topic_level)
            topics.append(topic.model_copy(update={"blocks": topic_blocks}))
    if not blocks and not topics:
        return None
    return section.model_copy(update={"blocks": blocks, "topics": topics})


def _secret_blocks(blocks: list[Block], inherited: str, sel: _Selector) -> list[Block]:
    kept: list[Block] = []
    for block in blocks:
        level = sel.level_of(block, inherited)
        if isinstance(block, BijlageVerwijzing):
            continue
        if sel.secret(level) or _holds_secret(block, level, sel):
            sel.used.add(level if sel.secret(level) else _highest_inside(block, level, sel))
            kept.append(block)
    return kept


def _holds_secret(block: Block, inherited: str, sel: _Selector) -> bool:
    return bool(_secret_levels(block, inherited, sel))


def _highest_inside(block: Block, inherited: str, sel: _Selector) -> str:
    return sel.levels.highest(_secret_levels(block, inherited, sel)).id


def _secret_levels(block: Block, inherited: str, sel: _Selector) -> list[str]:
    if not isinstance(block, TableBlock | FigureBlock):
        return []
    if isinstance(block, FigureBlock):
        return []
    table = block.table
    level = sel.level_of(table, inherited)
    found = [level] if sel.secret(level) else []
    for row in table.rows:
        row_level = sel.level_of(row, level)
        cells = row.values.values() if isinstance(row.values, dict) else row.values
        found += [lv for lv in [row_level, *(sel.level_of(c, row_level) for c in cells)]
                  if sel.secret(lv)]
    found += [lv for lv in (sel.level_of(n, level) for n in table.notes) if sel.secret(lv)]
    return found
