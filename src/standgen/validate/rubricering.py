"""Classification levels: every `rubricering` names a configured level."""

from __future__ import annotations

from standgen.edition.levels import Levels
from standgen.errors import Problem
from standgen.model.base import Classified
from standgen.model.report import Report
from standgen.validate.problems import error
from standgen.validate.walk import walk


def check_rubricering(report: Report, levels: Levels) -> list[Problem]:
    """An error for each rubricering value that is not a configured level id."""
    problems: list[Problem] = []
    allowed = ", ".join(levels.ids)
    if levels.get(report.rubricering) is None:
        problems.append(_unknown(report, "", report.rubricering, allowed))
    for path, node in walk(report):
        if isinstance(node, Classified) and node.rubricering is not None \
                and levels.get(node.rubricering) is None:
            problems.append(_unknown(node, path, node.rubricering, allowed))
    return problems


def _unknown(node: Report | Classified, path: str, value: str, allowed: str) -> Problem:
    return error(node, "rubricering", path,
                 f"unknown rubricering {value!r}; use one of: {allowed}", "unknown-rubricering")
