"""Model blocks (doelstelling, toelichting, tables, figures, …) to document-tree blocks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from standgen.compose import tree as t
from standgen.compose.context import ComposeContext
from standgen.compose.provenance import Provenance
from standgen.compose.table_layout import place_table
from standgen.compose.tables import compose_table
from standgen.errors import Problem, Severity
from standgen.model.report import (
    BijlageVerwijzing,
    Block,
    FigureBlock,
    HeadingBlock,
    ListBlock,
    TableBlock,
    TextBlock,
)

FigureMaker = Callable[[FigureBlock, int, str], t.Figure]
LABELLED = ("doelstelling", "toelichting", "groeiparagraaf")


class BlockComposer:
    """Turns a list of model blocks into tree blocks, with labels and numbering."""

    def __init__(self, ctx: ComposeContext, figures: FigureMaker,
                 provenance: Provenance | None = None) -> None:
        self.ctx = ctx
        self.figures = figures
        self.origins = provenance or Provenance(None)

    def compose(self, blocks: list[Block], path: str, owner: str, depth: int
                ) -> list[t.Block]:
        """Tree blocks for `blocks` under a heading of level `depth` (their labels and
        sub-headings are one level below it); `owner` seeds anchors, `path` names fields
        in errors."""
        out: list[t.Block] = []
        previous_label: str | None = None
        for index, block in enumerate(blocks):
            where = f"{path}.blocks[{index}]"
            with self.ctx.scoped(block):
                if isinstance(block, TextBlock):
                    previous_label = self._text(block, where, owner, previous_label, out,
                                                depth + 1)
                    continue
                previous_label = None
                out.extend(self._marked(block, where, owner, depth + 1))
        return out

    def _text(self, block: TextBlock, where: str, owner: str, previous: str | None,
              out: list[t.Block], level: int) -> str | None:
        label = block.label or (self.ctx.texts.render("labels", block.kind)
                                if block.kind in LABELLED else None)
        if label and label != previous:
            heading: list[t.Block] = [t.Heading(level, label,
                                                self.ctx.anchor(f"{owner}-{label}"),
                                                kind="label")]
            if block.label:
                out += self.origins.mark(heading, "prose", block.loc("label", f"{where}.label"))
            else:
                out += self.origins.mark(heading, "template", None, template="labels",
                                         key=block.kind)
        at = block.loc("text", f"{where}.text")
        out += self.origins.mark(self.ctx.blocks(block.text, at), "prose", at,
                                 jinja="{{" in block.text or None)
        return label

    def _marked(self, block: Block, where: str, owner: str, level: int) -> list[t.Block]:
        """The tree blocks of a non-text block, each with the origin of its source."""
        made = self._other(block, where, owner, level)
        if isinstance(block, TableBlock):
            return [self._table_origin(block, part, where) for part in made]
        if isinstance(block, FigureBlock):
            table = block.chart.table if block.chart else None
            return self.origins.mark(made, "chart", block.loc("figure", where), table=table)
        if isinstance(block, BijlageVerwijzing):
            return self.origins.mark(made, "template", block.loc("onderwerp", where),
                                     template="phrases",
                                     key=f"bijlage_verwijzing_{block.variant}")
        if isinstance(block, HeadingBlock):
            return self.origins.mark(made, "prose", block.loc("text", f"{where}.text"))
        if isinstance(block, ListBlock):
            return self.origins.mark(made, "prose", block.loc("items", f"{where}.items"))
        return made

    def _table_origin(self, block: TableBlock, part: t.Block, where: str) -> t.Block:
        """A table (or one part of a split table, with its own columns) with its origin."""
        if not isinstance(part, t.Table):
            return part
        groups = part.layout.column_groups if part.layout.mode == "split" else ()
        keep = [i - 1 for i in groups[0]] if groups else None
        origin = self.origins.table(block.table, block.loc("table", where),
                                    len(part.header_rows), keep)
        return replace(part, origin=origin)

    def _other(self, block: Block, where: str, owner: str, level: int) -> list[t.Block]:
        ctx = self.ctx
        if isinstance(block, HeadingBlock):
            text = ctx.render(block.text, block.loc("text", f"{where}.text"))
            return [t.Heading(level, text, ctx.anchor(f"{owner}-{text}"), kind="label")]
        if isinstance(block, ListBlock):
            items = tuple(ctx.inlines(item, block.loc("items", f"{where}.items[{i}]"))
                          for i, item in enumerate(block.items))
            return [t.ListBlock(items, block.ordered)]
        if isinstance(block, TableBlock):
            return list(self._table(block, where))
        if isinstance(block, FigureBlock):
            ctx.figure_count += 1
            return [self.figures(block, ctx.figure_count, where)]
        if isinstance(block, BijlageVerwijzing):
            key = f"bijlage_verwijzing_{block.variant}"
            text = ctx.texts.render("phrases", key, onderwerp=block.onderwerp,
                                    title=ctx.report.title, period=ctx.report.period,
                                    lidwoord=ctx.report.lidwoord or "")
            return [t.Paragraph(ctx.inlines(text, block.loc("onderwerp", where)))]
        return []

    def _table(self, block: TableBlock, where: str) -> tuple[t.Table, ...]:
        ctx = self.ctx
        ctx.table_count += 1
        table = block.table

        def inline(text: str) -> tuple[t.Inline, ...]:
            return ctx.inlines(text, block.loc("table", where))

        with ctx.scoped(table):
            composed = compose_table(table, ctx.table_count, ctx.texts, inline,
                                     ctx.values(table))
            compact = (compose_table(table, ctx.table_count, ctx.texts, inline,
                                     ctx.values(table), short=True)
                       if table.short_labels else None)
        placed = place_table(composed, table.layout, compact, ctx.metrics)
        if placed.fallback == "forced-normal":
            ctx.notices.append(Problem(
                table.loc("layout", f"{where}.table.layout"),
                f"table {table.id!r} is forced to `layout: normal` but does not fit the page "
                "width: figures may break over lines; remove `layout:` to let standgen fit it",
                Severity.WARNING, "table-layout"))
        elif placed.fallback is not None:
            columns = len(table.columns)
            how = ("set on a landscape page" if placed.fallback == "landscape" else
                   f"split into {len(placed.tables)} parts, each with the label column")
            ctx.notices.append(Problem(
                table.loc("layout", f"{where}.table.layout"),
                f"table {table.id!r} with {columns} columns does not fit the page width, even "
                f"with a smaller font; it was {how}. Set `layout:` (fit, landscape, split) "
                "to choose, or give `short_labels:` for the column headers",
                Severity.WARNING, "table-layout"))
        return placed.tables

