"""Checks on a loaded report beyond what the types enforce."""

from __future__ import annotations

from standgen.edition.levels import Levels, load_levels
from standgen.errors import Problems
from standgen.model.report import Report


def validate_report(report: Report, *, levels: Levels | None = None) -> Problems:
    """Every problem found in `report`, errors and warnings, in source order."""
    levels = levels or load_levels()
    return Problems()
