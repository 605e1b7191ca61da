"""Helpers for tests that write small reports into a temporary folder and validate them."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from standgen.cli import main

REPORT = """\
title: Testrapport
period: voorjaar 2026
report_year: 2025
ministry: Ministerie van Voorbeeldzaken
date: 2026-05-20
rubricering: openbaar
chapters:
  - include: h1.yaml
"""

CHAPTER_HEAD = """\
number: 1
title: Hoofdstuk
sections:
  - number: "1.1"
    title: Paragraaf
    topics:
      - id: onderwerp
        title: Onderwerp
        blocks:
"""
BLOCKS_LINE = 10  # the first line of the blocks that `chapter()` inserts
TOPIC_PATH = "chapters[0].sections[0].topics[0]"

PROBLEM = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+))?: (?:(?P<field>[^ :][^:]*?): )?"
                     r"(?P<severity>error|warning): (?P<message>.*)$")


def chapter(blocks: str) -> str:
    """A chapter file whose only topic holds `blocks` (YAML list items), from line 10 on."""
    return CHAPTER_HEAD + textwrap.indent(textwrap.dedent(blocks), " " * 10)


@dataclass(frozen=True)
class Found:
    """One problem line printed by `standgen validate`."""

    file: str
    line: int | None
    field: str
    severity: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """What `standgen validate` did: exit status, problems printed, raw stderr."""

    code: int
    problems: list[Found]
    stderr: str

    def find(self, file: str, line: int | None, field: str) -> Found:
        """The problem printed for this file name, line and field path (fails if none)."""
        for problem in self.problems:
            if (Path(problem.file).name, problem.line, problem.field) == (file, line, field):
                return problem
        raise AssertionError(f"no problem at {file}:{line}: {field}; stderr was:\n"
                             f"{self.stderr}")


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` (name -> text or bytes) into `folder`; returns report.yaml's path."""
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder / "report.yaml"


def parse(stderr: str) -> list[Found]:
    """The problem lines of `standgen validate`'s stderr."""
    found: list[Found] = []
    for text in stderr.splitlines():
        match = PROBLEM.match(text)
        if match:
            line = match.group("line")
            found.append(Found(match.group("file"), int(line) if line else None,
                               match.group("field") or "", match.group("severity"),
                               match.group("message")))
    return found


def run_validate(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> Outcome:
    """Run `standgen validate PATH` in-process and collect what it printed."""
    capsys.readouterr()
    code = main(["validate", str(path), *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return Outcome(code, parse(captured.err), captured.err)


# A table whose values come from a data file; `{data}` is its path.
DATA_TABLE = """\
- table:
    id: t
    title: Tabel
    columns: [2024, 2025]
    data: {data}
    rows:
      - {{id: a, label: A}}
      - {{id: b, label: B}}
"""
