"""Unique ids across the report: topics, tables, figures and footnotes."""

from __future__ import annotations

from standgen.errors import Location, Problem
from standgen.model.base import Node
from standgen.model.report import FigureBlock, Footnote, Report, Topic
from standgen.model.tables import IndicatorTable
from standgen.validate.problems import error
from standgen.validate.walk import walk

_KINDS: tuple[tuple[type[Node], str], ...] = (
    (Topic, "topic"), (IndicatorTable, "table"), (FigureBlock, "figure"),
    (Footnote, "footnote"),
)


def check_ids(report: Report) -> list[Problem]:
    """Every topic, table, figure and footnote id is used once in the whole report."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Location] = {}
    for path, node in walk(report):
        for cls, what in _KINDS:
            if not isinstance(node, cls):
                continue
            node_id = str(getattr(node, "id", ""))
            first = seen.get((what, node_id))
            if first is None:
                seen[(what, node_id)] = node.loc("id", path)
                continue
            problems.append(error(
                node, "id", path,
                f"duplicate {what} id {node_id!r} (first used at {_place(first)}); "
                f"give every {what} its own id", f"duplicate-{what}-id"))
    return problems


def _place(location: Location) -> str:
    name = location.file.name if location.file is not None else "<input>"
    return f"{name}:{location.line}" if location.line is not None else name
