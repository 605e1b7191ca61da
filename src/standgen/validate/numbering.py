"""Chapter and section numbering: chapters 1..n, sections c.1, c.2, … within chapter c,
with c written in the chapter numbering style (I.1 under roman chapters)."""

from __future__ import annotations

from standgen.errors import Problem
from standgen.format.roman import roman
from standgen.model.report import Report
from standgen.model.settings import ChapterStyle
from standgen.validate.problems import error


def section_prefix(chapter: int, style: ChapterStyle) -> str:
    """The chapter part of a section number as written: "2" (arabic, none) or "II" (roman)."""
    return roman(chapter) if style == "roman" else str(chapter)


def check_numbering(report: Report) -> list[Problem]:
    """Chapters numbered 1, 2, 3… in order; sections "c.1", "c.2"… within chapter c."""
    problems: list[Problem] = []
    style = report.settings.numbering.chapters
    for index, chapter in enumerate(report.chapters):
        path = f"chapters[{index}]"
        expected = index + 1
        if chapter.number != expected:
            problems.append(error(
                chapter, "number", path,
                f"chapter number {chapter.number} where {expected} is expected; number the "
                "chapters 1, 2, 3… in the order they are listed", "chapter-number"))
        prefix = section_prefix(chapter.number, style)
        for s_index, section in enumerate(chapter.sections):
            want = f"{prefix}.{s_index + 1}"
            if section.number.strip() != want:
                problems.append(error(
                    section, "number", f"{path}.sections[{s_index}]",
                    f"section number {section.number!r} where {want!r} is expected; number "
                    f"the sections of chapter {chapter.number} as {prefix}.1, "
                    f"{prefix}.2… in order{_style_note(style)}", "section-number"))
    return problems


def _style_note(style: ChapterStyle) -> str:
    if style == "roman":
        return (" (settings.numbering.chapters is roman, so section numbers start with the "
                "chapter's roman number)")
    if style == "none":
        return (" (settings.numbering.chapters is none: section numbers are written but not "
                "printed)")
    return ""
