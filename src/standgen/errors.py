"""Problems found in report sources, each tied to a file, line and field path.

Every stage reports through these types so that the CLI can print one consistent,
traceback-free message that tells an author where to look and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a problem is: errors stop a build, warnings do so only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    """Where in the sources a value stands: file, 1-based line, and dotted field path."""

    file: Path | None = None
    line: int | None = None
    field: str = ""

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file is not None:
            parts.append(str(self.file))
        if self.line is not None:
            parts.append(str(self.line))
        place = ":".join(parts) if parts else "<input>"
        return f"{place}: {self.field}" if self.field else place


@dataclass(frozen=True)
class Problem:
    """One finding about the sources, with its location and a hint on how to fix it."""

    location: Location
    message: str
    severity: Severity = Severity.ERROR
    code: str = "invalid"

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"


@dataclass
class Problems:
    """An ordered collection of problems, with convenience accessors for severities."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: list[Problem] | Problems) -> None:
        self.items.extend(problems.items if isinstance(problems, Problems) else problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class StandgenError(Exception):
    """Base class for every error standgen raises on purpose."""


class SourceError(StandgenError):
    """The report sources cannot be used; carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BuildError(StandgenError):
    """A build could not complete (missing glyph, leak found, writer failure)."""


def source_error(file: Path | None, line: int | None, fld: str, message: str,
                 code: str = "invalid") -> SourceError:
    """Shorthand for a SourceError with a single problem at one location."""
    return SourceError([Problem(Location(file, line, fld), message, Severity.ERROR, code)])
