"""Chapter and section numbering: chapters 1..n, sections c.1, c.2, … within chapter c."""

from __future__ import annotations

from standgen.errors import Problem
from standgen.model.report import Report
from standgen.validate.problems import error


def check_numbering(report: Report) -> list[Problem]:
    """Chapters numbered 1, 2, 3… in order; sections "c.1", "c.2"… within chapter c."""
    problems: list[Problem] = []
    for index, chapter in enumerate(report.chapters):
        path = f"chapters[{index}]"
        expected = index + 1
        if chapter.number != expected:
            problems.append(error(
                chapter, "number", path,
                f"chapter number {chapter.number} where {expected} is expected; number the "
                "chapters 1, 2, 3… in the order they are listed", "chapter-number"))
        for s_index, section in enumerate(chapter.sections):
            want = f"{chapter.number}.{s_index + 1}"
            if section.number.strip() != want:
                problems.append(error(
                    section, "number", f"{path}.sections[{s_index}]",
                    f"section number {section.number!r} where {want!r} is expected; number "
                    f"the sections of chapter {chapter.number} as {chapter.number}.1, "
                    f"{chapter.number}.2… in order", "section-number"))
    return problems
