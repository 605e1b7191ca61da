"""A dry run of composing: every edition of a report composed in memory, nothing written,
so that `validate` meets every template and Markdown error a build would meet, at the same
location and with the same message.

It sits beside the API rather than in the validate stage, which must not import compose.
"""

from __future__ import annotations

from pathlib import Path

from standgen.edition.levels import Edition
from standgen.errors import Problem, SourceError
from standgen.model.report import Report

EDITIONS: tuple[Edition, ...] = ("openbaar", "vertrouwelijk", "bijlage")


def compose_problems(report: Report, templates: Path | None = None, *,
                     tolerate_failure: bool = False) -> list[Problem]:
    """The located problems composing each edition raises, each once. With
    `tolerate_failure` (the report already has errors), any other failure of composing
    is taken as a consequence of those errors and left out."""
    from standgen.compose.document import ComposeOptions, compose_document

    found: list[Problem] = []
    seen: set[str] = set()
    for edition in EDITIONS:
        try:
            compose_document(report, edition, options=ComposeOptions(templates=templates))
        except SourceError as exc:
            for problem in exc.problems:
                if str(problem) not in seen:
                    seen.add(str(problem))
                    found.append(problem)
        except Exception:
            if not tolerate_failure:
                raise
    return found
