"""The public Python API: load, validate and build a report from your own code."""

from __future__ import annotations

from pathlib import Path

from standgen.errors import Problems, Severity
from standgen.load import load_report
from standgen.model.report import Report
from standgen.validate import validate_report


def load(path: str | Path) -> Report:
    """Load a report from its main YAML file (raises SourceError with located problems)."""
    return load_report(path)


def validate(report: Report, templates: str | Path | None = None) -> Problems:
    """Check a loaded report; returns errors and warnings with their locations. Every
    edition is also composed in memory (with the template overrides in `templates`), so
    that template and Markdown errors a build would meet are found here first; the
    abbreviation list is checked against each edition's text."""
    from standgen.dry_run import compose_problems
    from standgen.edition.abbreviations import edition_abbreviation_problems

    problems = validate_report(report)
    problems.extend(edition_abbreviation_problems(report))
    folder = Path(templates) if templates is not None else None
    known = {p.location for p in problems}
    # an error at a line that already has one is the same mistake seen again by compose
    # (an SVG image refused by validate, then by the figure reader)
    lines = {(p.location.file, p.location.line) for p in problems.errors
             if p.location.line is not None}
    found = compose_problems(report, folder, tolerate_failure=bool(problems.errors))
    problems.extend([p for p in found if p.location not in known
                     and not (p.severity is Severity.ERROR
                              and (p.location.file, p.location.line) in lines)])
    return problems
