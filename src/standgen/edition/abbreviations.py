"""The abbreviation list checked as each edition prints it.

The openbare versie prints the public text and the public entries of the list; the
vertrouwelijke versie prints everything. "Listed but unused" and "used but not listed" are
judged on each edition's own selected report, reported once with the editions they hold in
(no edition named when they hold in both). A public entry whose abbreviation only
confidential text uses is an error: the public list would name something confidential; the
author gives the entry a rubricering or removes it, nothing is dropped by guess.

The bijlage is judged with the vertrouwelijke versie: its text is part of that version's,
and it is read beside the openbare versie and its list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from standgen.edition.levels import EDITIONS, Edition, Levels
from standgen.edition.select import select_edition
from standgen.errors import Problem, SourceError
from standgen.model.base import Node
from standgen.model.report import Report, TermList
from standgen.validate.abbreviations import (
    PathOf,
    TextUses,
    Use,
    abbreviation_lists,
    check_uses,
    glossaries,
    listed_entries,
    unused_message,
)
from standgen.validate.problems import error, warning
from standgen.validate.walk import walk

JUDGED: tuple[Edition, ...] = ("openbaar", "vertrouwelijk")


def judged_editions(editions: Iterable[Edition]) -> tuple[Edition, ...]:
    """The editions whose checks a build of `editions` reports (a bijlage counts as the
    vertrouwelijke versie)."""
    wanted = set(editions)
    if "bijlage" in wanted:
        wanted.add("vertrouwelijk")
    return tuple(e for e in JUDGED if e in wanted)


def edition_abbreviation_problems(report: Report, editions: Iterable[Edition] = EDITIONS,
                                  levels: Levels | None = None) -> list[Problem]:
    """The abbreviation problems of the editions a build or validation of `editions`
    prints. A report whose editions cannot be selected (an unknown rubricering, reported
    by validation) gets none."""
    judged = judged_editions(editions)
    if not judged or not (abbreviation_lists(report) or glossaries(report)):
        return []
    paths = {id(node): path for path, node in walk(report)}

    def path_of(node: Node, path: str) -> str:
        return paths.get(id(node), path)

    everywhere = TextUses(report, path_of)
    all_terms = frozenset(entry.term for _, entry in listed_entries(report))
    held: dict[tuple[str, str], tuple[Problem, list[Edition]]] = {}
    public: list[Problem] = []
    for edition in JUDGED:
        try:
            selected = select_edition(report, edition, levels).report
        except SourceError:
            return []
        text = TextUses(selected, path_of)
        refused: set[str] = set()
        if edition == "openbaar":
            found, refused = _public_problems(report, selected, text, everywhere, path_of)
            found += _confidential_glossary_entries(selected, text, everywhere, path_of)
            public += found if edition in judged else []
        withheld = all_terms - {entry.term for _, entry in listed_entries(selected)}
        for problem in check_uses(selected, path_of, text, withheld):
            if not (problem.code == "abbr-unused" and problem.message in refused):
                held.setdefault((problem.code, problem.message), (problem, []))[1].append(
                    edition)
    return public + [_tagged(problem, where) for problem, where in held.values()
                     if any(e in judged for e in where)]


def _public_problems(report: Report, selected: Report, text: TextUses, everywhere: TextUses,
                     path_of: PathOf) -> tuple[list[Problem], set[str]]:
    """What only the openbare versie's list can get wrong, and the "unused" messages its
    refusals replace."""
    refusals = _confidential_entries(selected, text, everywhere, path_of)
    found = [*refusals.values(), *_emptied_lists(report, selected),
             *_public_meanings(report, selected, text, path_of)]
    return found, {unused_message(term) for term in refusals}


def _tagged(problem: Problem, editions: list[Edition]) -> Problem:
    """The problem saying which edition it holds in, unless it holds in every one."""
    if len(editions) == len(JUDGED):
        return problem
    (edition,) = editions
    return replace(problem, message=f"{problem.message} (only in the {edition} edition)")


def _confidential_entries(selected: Report, text: TextUses, everywhere: TextUses,
                          path_of: PathOf) -> dict[str, Problem]:
    """Errors by term: public entries whose abbreviation (in any case) the public text
    does not use, and whose abbreviation or meaning text left out of the openbare versie
    holds."""
    problems: dict[str, Problem] = {}
    public = text.node_ids()
    for where, entry in listed_entries(selected):
        if text.uses(entry.term, fold=True):
            continue
        found = _left_out_use(entry.term, entry.meaning, text, everywhere, public)
        if found is None:
            continue
        what, (path, node, name) = found
        at = node.loc(name, f"{path}.{name}" if path else name)
        problems[entry.term] = error(entry, "term", path_of(entry, where), (
            f"abbreviation {entry.term!r} is in the list of the openbare versie, but {what} "
            f"text left out of that version (first at {at}); the public list would name "
            "it: give the entry the rubricering of that text, or remove it"),
            "abbr-confidential")
    return problems


def _left_out_use(term: str, meaning: str, text: TextUses, everywhere: TextUses,
                  public: frozenset[int]) -> tuple[str, Use] | None:
    """Where text outside the public edition holds the term, or else the meaning (when
    the public text does not hold it too)."""
    use = everywhere.first_use(term, public)
    if use is not None:
        return "it is used only in", use
    if text.uses(meaning, fold=True):
        return None
    use = everywhere.first_use(meaning, public)
    return None if use is None else ("its meaning stands only in", use)


def _confidential_glossary_entries(selected: Report, text: TextUses, everywhere: TextUses,
                                   path_of: PathOf) -> list[Problem]:
    """Errors: public begrippenlijst entries whose term or meaning only text left out of
    the openbare versie holds; the public list would print it."""
    public = text.node_ids()
    problems: list[Problem] = []
    for path, part in glossaries(selected):
        for index, entry in enumerate(part.entries):
            for name, value in (("term", entry.term), ("meaning", entry.meaning)):
                use = None if text.uses(value, fold=True) else everywhere.first_use(
                    value, public)
                if use is None:
                    continue
                where, node, field = use
                at = node.loc(field, f"{where}.{field}" if where else field)
                problems.append(error(entry, name, path_of(entry, f"{path}.entries[{index}]"), (
                    f"the {name} {value!r} of the begrippenlijst entry {entry.term!r} is "
                    "printed in the openbare versie, but stands only in text left out of "
                    f"that version (first at {at}); the public list would name it: give the "
                    "entry the rubricering of that text, or remove it"), "term-confidential"))
                break
    return problems


def _emptied_lists(report: Report, selected: Report) -> list[Problem]:
    """Errors: a list that prints no entry and no text in the openbare versie because
    every entry has a rubricering above it: an empty heading in a public artifact, which
    also tells the reader that classified abbreviations exist."""
    before = {_where(part): part.entries for _, part in abbreviation_lists(report)}
    problems: list[Problem] = []
    for path, part in abbreviation_lists(selected):
        if not part.entries and not part.blocks and before.get(_where(part)):
            problems.append(error(part, "entries", path, (
                "the list of abbreviations prints no entry in the openbare versie (every "
                "entry has a rubricering that version leaves out), only an empty heading; "
                "give the list itself that rubricering, or list public abbreviations in it"),
                "abbr-empty"))
    return problems


def _where(part: TermList) -> object:
    """What identifies a list across editions: where it was written."""
    return (part.source.file, part.source.line) if part.source else id(part)


def _public_meanings(report: Report, selected: Report, text: TextUses, path_of: PathOf
                     ) -> list[Problem]:
    """Warnings: an entry the openbare versie leaves out (its rubricering) whose meaning
    that version prints anyway; the leak check would refuse the public artifact."""
    kept = {id(entry) for _, entry in listed_entries(selected)}
    problems: list[Problem] = []
    for where, entry in listed_entries(report):
        use = None if id(entry) in kept else text.first_use(entry.meaning)
        if use is None or not text.uses(entry.meaning, fold=True):
            continue
        at = use[1].loc(use[2], f"{use[0]}.{use[2]}" if use[0] else use[2])
        problems.append(warning(entry, "meaning", path_of(entry, where), (
            f"the entry {entry.term!r} has a rubricering the openbare versie leaves out, but "
            f"its meaning stands in that version's text (first at {at}); the leak check "
            "refuses a public artifact that holds confidential text: lower the entry's "
            "rubricering, or reword the meaning"), "abbr-public-meaning"))
    return problems
