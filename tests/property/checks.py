"""Build one generated report and check every artifact: structure, PDF syntax, leaks."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from standgen.build import BuildRequest, BuildResult, build, cache_folder
from standgen.compose import tree as t
from standgen.compose.document import ComposeOptions, compose_document
from standgen.compose.richtext import plain
from standgen.edition.levels import Edition, load_levels
from standgen.leaks import check_artifact
from standgen.load import load_report
from standgen.write.docx.readback import read_docx_structure
from tests.acceptance.accessibility import docx_problems, heading_problems, pdf_outline

EDITIONS: tuple[Edition, ...] = ("openbaar", "vertrouwelijk", "bijlage")
_MARKS = re.compile(r"\{#[^}]*\}|<page>|\[\^\d+\]|<span \d+>|<vmerge \w+>")


@dataclass
class Outcome:
    """What building one generated report found."""

    artifacts: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    leaks: int = 0


def write_source(data: dict[str, Any], folder: Path) -> Path:
    """Write the generated data as report.yaml (block style, characters as they are)."""
    yaml = YAML(typ="safe")
    yaml.allow_unicode = True
    yaml.width = 1_000_000
    yaml.default_flow_style = False
    yaml.representer.add_representer(Decimal, _decimal)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    main = folder / "report.yaml"
    main.write_text(buffer.getvalue(), encoding="utf-8")
    return main


def _decimal(representer: Any, value: Decimal) -> Any:
    """A Decimal as a YAML float written with its own digits (1.50 stays 1.50)."""
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


def norm(text: str) -> str:
    """Text as compared: NFC, without format characters, whitespace collapsed."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text)
                   if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def build_and_check(data: dict[str, Any], folder: Path) -> Outcome:
    """Build every edition as DOCX and PDF and check each artifact."""
    main = write_source(data, folder)
    out = folder / "out"
    request = BuildRequest(main, out, editions=EDITIONS, formats=("docx", "pdf"))
    result: BuildResult = build(request)
    outcome = Outcome(artifacts=list(result.artifacts))
    report = load_report(main)
    levels = load_levels()
    for path in result.artifacts:
        if path.suffix == ".pdf":
            outcome.failures += _qpdf(path)
            outcome.failures += [f"{path.name}: outline {p}"
                                 for p in heading_problems(pdf_outline(path))]
        if path.suffix == ".docx":
            outcome.failures += [f"{path.name}: {p}" for p in docx_problems(path)]
        if "openbare-versie" in path.name:
            found = check_artifact(path, report, levels)
            outcome.leaks += len(found)
            outcome.failures += [f"{path.name}: leak {leak}" for leak in found]
    for edition in EDITIONS:
        (docx,) = [p for p in result.artifacts if p.suffix == ".docx"
                   and _edition_of(p) == edition]
        document = compose_document(report, edition, options=ComposeOptions(
            chart_dir=cache_folder(request) / "charts"))
        outcome.failures += compare_docx(document, docx)
    if _staging_left(out) or _stray_files(out, result.artifacts):
        outcome.failures.append("files besides the artifacts were left in the output folder")
    return outcome


def _edition_of(path: Path) -> str:
    if "openbare-versie" in path.name:
        return "openbaar"
    return "bijlage" if "vertrouwelijke-bijlage" in path.name else "vertrouwelijk"


def _staging_left(out: Path) -> bool:
    return any(p.name.startswith(".standgen-staging-") for p in out.iterdir())


def _stray_files(out: Path, artifacts: list[Path]) -> bool:
    names = {p.name for p in artifacts}
    return any(p.name not in names for p in out.iterdir())  # no cache beside the artifacts


def _qpdf(path: Path) -> list[str]:
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        return [f"{path.name}: qpdf --check exit {done.returncode}: {done.stdout[-400:]}"]
    return []


def tree_headings(document: t.Document) -> list[str]:
    """Every heading text of the composed document, in order."""
    return [norm(b.text) for s in document.sections for b in s.blocks
            if isinstance(b, t.Heading)]


def tree_tables(document: t.Document) -> list[list[str]]:
    """The non-empty cell texts of each table, row by row, in order."""
    tables = []
    for section in document.sections:
        for item in section.blocks:
            if isinstance(item, t.Table):
                rows = item.header_rows + item.body_rows
                tables.append([text for row in rows for cell in row.cells
                               if (text := norm(plain(cell.inlines)))])
    return tables


def docx_outline(path: Path) -> tuple[list[str], list[list[str]]]:
    """Heading texts and table cell texts (non-empty, row by row) read back from a DOCX."""
    headings: list[str] = []
    tables: list[list[str]] = []
    for line in read_docx_structure(path).splitlines():
        text = line.lstrip()
        if text.lower().startswith("[heading"):  # "[heading 3 label]" too
            headings.append(norm(_MARKS.sub("", text.split("] ", 1)[1])))
        elif text.startswith("table cols="):
            tables.append([])
        elif tables and text.startswith(("row", "header-row")) and ": " in text:
            cells = text.split(": ", 1)[1].split(" | ")
            tables[-1] += [c for cell in cells if (c := norm(_MARKS.sub("", cell)))]
    return headings, tables


def compare_docx(document: t.Document, path: Path) -> list[str]:
    """Differences between the composed tree and what the DOCX reads back as."""
    headings, tables = docx_outline(path)
    failures = [f"{path.name}: heading {h!r} not read back" for h in tree_headings(document)
                if not any(h in got for got in headings)]
    expected = [table for table in tree_tables(document)]
    if len(expected) != len(tables):
        failures.append(f"{path.name}: {len(expected)} tables composed, {len(tables)} read")
    for number, (want, got) in enumerate(zip(expected, tables, strict=False), start=1):
        if want != got:
            at = next((i for i, pair in enumerate(zip(want, got, strict=False))
                       if pair[0] != pair[1]), min(len(want), len(got)))
            failures.append(f"{path.name}: table {number} cell {at} differs: "
                            f"{want[at:at + 2]} composed, {got[at:at + 2]} read back")
    return failures


def iter_docx(outcomes: list[Outcome]) -> Iterator[Path]:
    """Every DOCX artifact of a list of outcomes."""
    for outcome in outcomes:
        yield from (p for p in outcome.artifacts if p.suffix == ".docx")
