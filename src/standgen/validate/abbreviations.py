"""The abbreviation list against the text: every listed abbreviation is used somewhere, and
every capitalised abbreviation the text uses is listed. Only for reports with a list.

Each edition prints its own text and its own part of the list, so the use checks take one
report as an edition prints it (see `edition.abbreviations`, which selects each edition and
calls `check_uses`); a term listed twice is an error of the source itself (`check_duplicates`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

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

PathOf = Callable[[Node, str], str]
"""The path to report for a node of the checked report (found under the given path): an
edition's report is a copy with items left out, so its paths need the source's."""

Use = tuple[str, Node, str]
"""Where an abbreviation is first used: (node path, node, field)."""


def _same_path(_node: Node, path: str) -> str:
    return path


def abbreviation_lists(report: Report) -> list[tuple[str, TermList]]:
    """Every abbreviation list with its field path."""
    return term_lists(report, "afkortingen")


def glossaries(report: Report) -> list[tuple[str, TermList]]:
    """Every begrippenlijst (the part, or an annex of `kind: begrippen`) with its path."""
    return term_lists(report, "begrippen")


def term_lists(report: Report, kind: str) -> list[tuple[str, TermList]]:
    """Every term list of one kind (`afkortingen`, `begrippen`) with its field path."""
    part_name = "begrippenlijst" if kind == "begrippen" else kind
    found: list[tuple[str, TermList]] = []
    for where, matter in (("front_matter", report.front_matter),
                          ("back_matter", report.back_matter)):
        annexes = 0
        for name, part in matter.parts():
            path = f"{where}.{name}"
            if isinstance(part, Annex):
                path, annexes = f"{path}[{annexes}]", annexes + 1
            is_annex_list = isinstance(part, Annex) and part.kind == kind
            if isinstance(part, TermList) and (is_annex_list or name == part_name):
                found.append((path, part))
    return found


def listed_entries(report: Report) -> list[tuple[str, Term]]:
    """Every entry of every abbreviation list, with its path."""
    return [(f"{path}.entries[{index}]", entry) for path, part in abbreviation_lists(report)
            for index, entry in enumerate(part.entries)]


def _texts(report: Report) -> Iterator[tuple[str, Node, str, str]]:
    """Every text of the report outside the abbreviation lists: (path, node, field, text)."""
    for path, node in walk(report):
        if isinstance(node, Term):
            continue
        for name, _suffix, text in strings_of(node):
            if name not in _SKIPPED_FIELDS:
                yield path, node, name, text


_NOT_PRINTED = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}|\[\^[^\]]*\]|\]\([^)]*\)",
                          re.DOTALL)


_SCRIPT = re.compile(r"([~^])([^~^\s]+)\1")
_SCRIPT_DIGITS = {"~": str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"),
                  "^": str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")}
_POSTCODE = re.compile(r"(?<![\w-])\d{4}[ \u00a0]?[A-Z]{2}(?![\w])")


_EMPHASIS = re.compile(r"\*+|`+|(?<![^\W_])_+|_+(?![^\W_])")
"""Markdown emphasis and code markers: every `*` and backtick, and `_` at a word's edge."""


def printed(text: str) -> str:
    """A text without what is not printed as written (template code, footnote references,
    link targets, emphasis and code markers), with `CO~2~` read as the CO₂ it prints."""
    text = _EMPHASIS.sub("", _NOT_PRINTED.sub(" ", text))
    return _SCRIPT.sub(lambda m: m.group(2).translate(_SCRIPT_DIGITS[m.group(1)]), text)


def used_abbreviations(text: str) -> set[str]:
    """The capitalised abbreviations in a text (Roman numerals and the letters of a Dutch
    postcode such as 2500 AA aside)."""
    shown = _POSTCODE.sub(" ", printed(text))
    return {m for m in _ABBREVIATION.findall(shown) if not _ROMAN.match(m)}


class TextUses:
    """The text of one report (outside its lists): which terms it uses, and where."""

    def __init__(self, report: Report, path_of: PathOf = _same_path) -> None:
        self.first: dict[str, Use] = {}
        self.texts: list[tuple[Use, str]] = []
        for path, node, name, text in _texts(report):
            use = (path_of(node, path), node, name)
            self.texts.append((use, text))
            for abbreviation in sorted(used_abbreviations(text)):
                self.first.setdefault(abbreviation, use)
        self.shown = "\n".join(printed(text) for _, text in self.texts)

    def uses(self, term: str, fold: bool = False) -> bool:
        """Whether the printed text uses `term` as a word (any term, not only capitals;
        with `fold`, in any case)."""
        return phrase(term, fold).search(self.shown) is not None

    def first_use(self, term: str, skip: frozenset[int] = frozenset()) -> Use | None:
        """Where the text as written (template code included) or as printed first holds
        `term` in any case, outside the nodes whose ids are in `skip`."""
        pattern = phrase(term, fold=True)
        return next((use for use, text in self.texts if id(use[1]) not in skip and (
            pattern.search(text) or pattern.search(printed(text)))), None)

    def node_ids(self) -> frozenset[int]:
        """The ids of the nodes whose text this is."""
        return frozenset(id(use[1]) for use, _ in self.texts)


_INFLECTION = r"(?:-\w[\w-]*|['’](?:s|n|en)|s|en)?"
"""What Dutch may write after an abbreviation in the same word: NAVO-landen, VTE'n, A-wegen."""


def phrase(term: str, fold: bool = False) -> re.Pattern[str]:
    """`term` as whole words (inflected or in a compound: A-wegen, NAVO-landen), any run of
    white space between its words."""
    words = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<![\w-]){words}{_INFLECTION}(?![\w])", re.IGNORECASE if fold else 0)


def check_duplicates(report: Report) -> list[Problem]:
    """Errors: a term listed twice (in one list or over several)."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for where, entry in listed_entries(report):
        if entry.term in seen:
            problems.append(error(entry, "term", where,
                                  f"abbreviation {entry.term!r} is listed twice; keep one "
                                  "entry with the meaning you mean", "abbr-duplicate"))
        seen.add(entry.term)
    return problems


def unused_message(term: str) -> str:
    return f"abbreviation {term!r} is listed but not used in the text; remove it from the list"


def check_uses(report: Report, path_of: PathOf = _same_path, text: TextUses | None = None,
               withheld: frozenset[str] = frozenset()) -> list[Problem]:
    """Warnings for one report as printed: listed but unused, and used but not listed
    (`withheld`: terms whose entry the source has but this edition leaves out). Nothing
    for a report without a list."""
    if not abbreviation_lists(report):
        return []
    text = text or TextUses(report, path_of)
    problems: list[Problem] = []
    listed: set[str] = set()
    for where, entry in listed_entries(report):
        listed.add(entry.term)
        if not text.uses(entry.term):
            problems.append(warning(entry, "term", path_of(entry, where),
                                    unused_message(entry.term), "abbr-unused"))
    for abbreviation, (path, node, name) in sorted(text.first.items()):
        if abbreviation in listed:
            continue
        advice = ("but its entry in the list has a rubricering this edition leaves out; if "
                  "the abbreviation and its meaning may be read here, lower the entry's "
                  "rubricering, else reword this text" if abbreviation in withheld
                  else "but not in the list of abbreviations; add it there")
        problems.append(warning(node, name, path, f"abbreviation {abbreviation!r} is used "
                                f"{advice}", "abbr-unlisted"))
    return problems
