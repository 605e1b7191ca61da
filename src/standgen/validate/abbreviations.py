"""The abbreviation list against the text: every listed abbreviation is used somewhere, and
every capitalised abbreviation the text uses is listed. Only for reports with a list."""

from __future__ import annotations

import re
from collections.abc import Iterator

from standgen.errors import Problem
from standgen.model.base import Node
from standgen.model.report import Annex, Report, Term, TermList
from standgen.validate.problems import error, warning
from standgen.validate.walk import strings_of, walk

# Two or more capitals (digits and hyphens may follow): NAVO, CO2, BES-eilanden's "BES".
_ABBREVIATION = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)(?![\w])")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_SKIPPED_FIELDS = {"rubricering", "id", "kind", "data", "sheet", "image", "table", "type",
                   "role", "status", "qualifier", "layout", "unit_note", "variant", "number",
                   "marker", "order", "templates"}


def _lists(report: Report) -> list[tuple[str, TermList]]:
    """Every abbreviation list with its field path."""
    found: list[tuple[str, TermList]] = []
    for where, matter in (("front_matter", report.front_matter),
                          ("back_matter", report.back_matter)):
        annexes = 0
        for name, part in matter.parts():
            path = f"{where}.{name}"
            if isinstance(part, Annex):
                path, annexes = f"{path}[{annexes}]", annexes + 1
            is_annex_list = isinstance(part, Annex) and part.kind == "afkortingen"
            if isinstance(part, TermList) and (is_annex_list or name == "afkortingen"):
                found.append((path, part))
    return found


def _texts(report: Report) -> Iterator[tuple[str, Node, str, str]]:
    """Every text of the report outside the abbreviation lists: (path, node, field, text)."""
    for path, node in walk(report):
        if isinstance(node, Term):
            continue
        for name, _suffix, text in strings_of(node):
            if name not in _SKIPPED_FIELDS:
                yield path, node, name, text


def used_abbreviations(text: str) -> set[str]:
    """The capitalised abbreviations in a text (Roman numerals aside)."""
    plain = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\[\^[^\]]*\]|\]\([^)]*\)", " ", text)
    return {m for m in _ABBREVIATION.findall(plain) if not _ROMAN.match(m)}


def check_abbreviations(report: Report) -> list[Problem]:
    """Warnings: listed but unused, and used but not listed."""
    lists = _lists(report)
    if not lists:
        return []
    listed = {e.term for _, part in lists for e in part.entries}
    used: dict[str, tuple[str, Node, str]] = {}
    everything = ""
    for path, node, name, text in _texts(report):
        everything += "\n" + text
        for abbreviation in sorted(used_abbreviations(text)):
            used.setdefault(abbreviation, (path, node, name))
    problems: list[Problem] = []
    seen: set[str] = set()
    for path, part in lists:
        for index, entry in enumerate(part.entries):
            where = f"{path}.entries[{index}]"
            if entry.term in seen:
                problems.append(error(entry, "term", where,
                                      f"abbreviation {entry.term!r} is listed twice; keep one "
                                      "entry with the meaning you mean", "abbr-duplicate"))
            seen.add(entry.term)
            if not re.search(rf"(?<![\w-]){re.escape(entry.term)}(?![\w])", everything):
                problems.append(warning(entry, "term", where,
                                        f"abbreviation {entry.term!r} is listed but not used "
                                        "in the text; remove it from the list", "abbr-unused"))
    for abbreviation, (path, node, name) in sorted(used.items()):
        if abbreviation not in listed:
            problems.append(warning(node, name, path, f"abbreviation {abbreviation!r} is used "
                                    "but not in the list of abbreviations; add it there",
                                    "abbr-unlisted"))
    return problems
