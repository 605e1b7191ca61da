"""The bijlage: only confidential content, under the headings it belongs to.

The skeleton of a report is its front and back matter, parts, chapters, sections and topics (the
`BlockContainer`s). A confidential node is kept whole (pointers to the bijlage left out);
a public content node (a block, a table) is kept whole when it holds confidential content
(a table with one confidential row keeps its public rows for context) and left out
otherwise; a public skeleton node is kept, with its own headings, when something below it
is kept. Footnotes are reference material: every footnote of the report, with its
effective level, is gathered in the report's own list, so that a confidential text can
refer to any of them; only the ones referred to are printed.
"""

from __future__ import annotations

from typing import Any

from standgen.edition.fields import classified_fields
from standgen.edition.walker import Walker
from standgen.model.base import Classified, Node
from standgen.model.report import BackMatter, BlockContainer, Footnote, FrontMatter, Report

SKELETON: tuple[type[Node], ...] = (Report, FrontMatter, BackMatter, BlockContainer)


def select_bijlage(report: Report, base: str, walker: Walker) -> Report:
    """The bijlage edition of `report`; `walker` keeps secrets and drops footnotes."""
    selected, _kept = _skeleton(report, base, walker)
    assert isinstance(selected, Report)
    return selected.model_copy(update={"footnotes": _all_footnotes(report, base, walker)})


def _skeleton(node: Node, inherited: str, walker: Walker) -> tuple[Node, bool]:
    """A public skeleton node reduced to what it holds of confidential content, and
    whether it holds any."""
    update: dict[str, Any] = {}
    kept_any = False
    for field in classified_fields(type(node)):
        value = getattr(node, field.name)
        if isinstance(value, Node):
            selected = _select(value, inherited, walker)
            if selected is None:
                if field.optional:
                    update[field.name] = None
                    continue
                selected, _ = _skeleton(value, inherited, walker)
            else:
                kept_any = True
            update[field.name] = selected
        elif isinstance(value, list | tuple):
            items = [s for s in (_select(v, inherited, walker) for v in value) if s is not None]
            kept_any |= bool(items)
            update[field.name] = items if isinstance(value, list) else tuple(items)
        elif isinstance(value, dict):
            pairs = {k: s for k, v in value.items()
                     if (s := _select(v, inherited, walker)) is not None}
            kept_any |= bool(pairs)
            update[field.name] = pairs
    return node.model_copy(update=update), kept_any


def _select(value: Any, inherited: str, walker: Walker) -> Node | None:
    """One node of the bijlage, or None when it holds nothing confidential."""
    if not isinstance(value, Node):
        return None
    level = inherited
    if isinstance(value, Classified):
        level = walker.level_of(value, inherited)
        if isinstance(value, walker.drop):
            return None
        if walker.secret(level):
            return walker.node(value, inherited)
    if isinstance(value, SKELETON):
        selected, kept = _skeleton(value, level, walker)
        return selected if kept else None
    if walker.holds_secret(value, level):
        return walker.node(value, inherited)
    return None


def _all_footnotes(report: Report, base: str, walker: Walker) -> list[Footnote]:
    """Every footnote of the report, carrying its effective level."""
    notes: list[Footnote] = []
    for node, level in walker.inside(report, base, Footnote):
        if isinstance(node, Footnote):
            if walker.secret(level):
                walker.used.add(level)
            notes.append(node if node.rubricering == level
                         else node.model_copy(update={"rubricering": level}))
    return notes
