"""The public Python API: load, validate and build a report from your own code."""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Problems
from standgen.load import load_report
from standgen.model.report import Report
from standgen.validate import validate_report


def load(path: str | Path) -> Report:
    """Load a report from its main YAML file (raises SourceError with located problems)."""
    return load_report(path)


def validate(report: Report) -> Problems:
    """Check a loaded report; returns errors and warnings with their locations."""
    return validate_report(report)
