"""Checks on a loaded report beyond what the types enforce, gathered in source order."""

from __future__ import annotations

from pathlib import Path

from standgen.edition.levels import Levels, load_levels
from standgen.errors import Problem, Problems
from standgen.model.report import Report
from standgen.model.tables import IndicatorTable
from standgen.validate.abbreviations import check_abbreviations
from standgen.validate.comments import check_comments
from standgen.validate.figures import check_figures
from standgen.validate.footnotes import check_footnotes
from standgen.validate.ids import check_ids
from standgen.validate.missing import check_missing
from standgen.validate.numbering import check_numbering
from standgen.validate.rubricering import check_rubricering
from standgen.validate.tables import check_table
from standgen.validate.totals import check_derived
from standgen.validate.units import check_units
from standgen.validate.walk import shared_walk, walk


def validate_report(report: Report, *, levels: Levels | None = None) -> Problems:
    """Every problem found in `report`, errors and warnings, in source order."""
    levels = levels or load_levels()
    with shared_walk(report):
        found = _problems(report, levels)
        return Problems(_in_source_order(report, found))


def _problems(report: Report, levels: Levels) -> list[Problem]:
    found: list[Problem] = []
    found += check_numbering(report)
    found += check_ids(report)
    for path, node in walk(report):
        if isinstance(node, IndicatorTable):
            structure = check_table(node, path)
            found += structure
            found += check_units(node, path)
            if not structure:
                found += check_derived(node, path)
    found += check_footnotes(report)
    found += check_rubricering(report, levels)
    found += check_figures(report)
    found += check_missing(report)
    found += check_comments(report)
    found += check_abbreviations(report)
    return found


def _in_source_order(report: Report, problems: list[Problem]) -> list[Problem]:
    """Sort by file (in the order the report reads them) and line; ties keep check order."""
    rank: dict[Path | None, int] = {}
    for _, node in walk(report):
        file = node.source.file if node.source is not None else None
        rank.setdefault(file, len(rank))

    def key(problem: Problem) -> tuple[int, int]:
        location = problem.location
        return rank.get(location.file, len(rank)), location.line or 0

    return sorted(problems, key=key)
