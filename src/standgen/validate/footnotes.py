"""Footnote references: every `[^id]` resolves, and every footnote is referred to."""

from __future__ import annotations

import re

from standgen.errors import Problem, Severity
from standgen.model.report import Footnote, Report
from standgen.validate.problems import warning
from standgen.validate.walk import child_path, place, strings_of, walk, walk_anchored

FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


def footnote_refs(text: str) -> list[str]:
    """The footnote ids referred to in a rich text, in order."""
    return FOOTNOTE_REF.findall(text)


def check_footnotes(report: Report) -> list[Problem]:
    """Unresolved references are errors; footnotes that nothing refers to are warnings."""
    declared = {note.id for note in report.all_footnotes()}
    used: set[str] = set()
    problems: list[Problem] = []
    for path, node, anchor in walk_anchored(report):
        for name, suffix, text in strings_of(node):
            for ref in footnote_refs(text):
                used.add(ref)
                if ref not in declared:
                    problems.append(Problem(
                        place(node, name, child_path(path, suffix), anchor),
                        f"footnote [^{ref}] is not declared; add {{id: {ref}, text: …}} to "
                        "a `footnotes:` list, or correct the id", Severity.ERROR,
                        "unresolved-footnote"))
    for path, node in walk(report):
        if isinstance(node, Footnote) and node.id not in used:
            problems.append(warning(node, "id", path,
                                    f"footnote {node.id!r} is never referred to; add [^"
                                    f"{node.id}] where it belongs, or remove it",
                                    "unused-footnote"))
    return problems

