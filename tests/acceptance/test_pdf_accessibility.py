"""The public PDFs are tagged and pass PDF/UA-1 and PDF/A-2a as far as page-validation and
outloud can tell; the tag tree reads the reference's headings and table rows in order."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import page
import pytest

from standgen.build import BuildRequest, BuildResult, build
from tests.acceptance.reference_cells import Expectations, squash
from tests.conftest import ROOT, artifact

FIXTURES = {"example": ROOT / "fixtures" / "example" / "report.yaml",
            "canaries": ROOT / "fixtures" / "canaries" / "report.yaml"}
PROFILES = ("ua1", "2a")


@pytest.fixture(scope="module")
def public_pdfs(reference_build: BuildResult,
                tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The reference's public PDF and those of the example and canary fixtures."""
    pdfs = {"reference": artifact(reference_build, "openbare-versie.pdf")}
    for name, source in FIXTURES.items():
        result = build(BuildRequest(source, tmp_path_factory.mktemp(name), formats=("pdf",)))
        pdfs[name] = artifact(result, "openbare-versie.pdf")
    return pdfs


def _failures(path: Path, profile: str) -> list[str]:
    report = str(page.validate_pdf(str(path), profile=profile))
    return [line for line in report.splitlines() if line.startswith("[")]


@pytest.mark.parametrize("name", ["reference", "example", "canaries"])
def test_public_pdf_passes_pdf_ua1_and_pdf_a2a(public_pdfs: dict[str, Path], name: str) -> None:
    for profile in PROFILES:
        assert _failures(public_pdfs[name], profile) == [], profile


def _header_words(path: Path) -> set[str]:
    """The words of every table header cell (TH) in the tag tree."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    cells = re.findall(r'^(\s*)TH:?\n(?:\1\s+/.*\n)*\1\s+"(.*)"$', out, re.MULTILINE)
    return {word for _, text in cells for word in text.split()}


def _repeated_header(finding: dict[str, object], header_words: set[str]) -> bool:
    """outloud's TAG-002 heuristic reads a table's header row, repeated on the next page
    as a pagination artifact (as PDF/UA wants it), as prose hidden from readers; the
    first occurrence is tagged TH. Only a line made of header-cell words is excused."""
    words = str(finding.get("evidence") or "").split()
    return finding.get("rule") == "TAG-002" and bool(words) and set(words) <= header_words


def _outloud_errors(path: Path, out: Path) -> list[str]:
    subprocess.run(["outloud", str(path), "--json", str(out), "--fail-on", "never"],
                   capture_output=True, check=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    found = [f for result in report["results"] for f in result.get("findings", [])]
    assert report["results"], "outloud reported on no file"
    header_words = _header_words(path)
    return [f"{f.get('rule')}: {f.get('message')} {f.get('evidence')}" for f in found
            if f.get("severity") == "error" and not _repeated_header(f, header_words)]


@pytest.mark.parametrize("name", ["reference", "example", "canaries"])
def test_public_pdf_has_no_outloud_errors(public_pdfs: dict[str, Path], name: str,
                                          tmp_path: Path) -> None:
    assert _outloud_errors(public_pdfs[name], tmp_path / "outloud.json") == []


def _struct_leaves(path: Path) -> list[str]:
    """The texts of the tag tree in order, one per marked-content run, as pdfinfo reads them."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return [m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$', out, re.MULTILINE)]


def test_tag_tree_holds_reference_headings_in_order(
        public_pdfs: dict[str, Path], reference_expectations: Expectations) -> None:
    text = squash("\n".join(_struct_leaves(public_pdfs["reference"])))
    body = text[text.index(squash(reference_expectations.toc[-1])) + 1:]  # after the Inhoud
    position, missing = 0, []
    for heading in reference_expectations.toc:
        found = body.find(squash(heading), position)
        if found < 0:
            missing.append(heading)
        else:
            position = found
    assert missing == []


def _table_rows(path: Path) -> list[list[str]]:
    """Each TR of the tag tree as the texts of its TH/TD cells (notes inside left out);
    the reference text shows no empty cells, so the test leaves them out too."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    rows: list[list[str]] = []
    cell_depth = skip_depth = -1
    for line in out.splitlines():
        depth = len(line) - len(line.lstrip())
        item = line.strip()
        if skip_depth >= 0 and depth > skip_depth:
            continue
        skip_depth = -1
        if 0 <= depth <= cell_depth and not item.startswith(("TH", "TD")):
            cell_depth = -1
        if item == "TR":
            rows.append([])
            cell_depth = -1
        elif item.rstrip(":") in ("TH", "TD") and rows:
            rows[-1].append("")
            cell_depth = depth
        elif item.startswith("Note"):
            skip_depth = depth
        elif item.startswith('"') and rows and cell_depth >= 0 and depth > cell_depth:
            rows[-1][-1] += item.strip('"')
    return rows


def _plain(text: str) -> str:
    """Squashed, without the euro sign (the reference text's cells leave it out)."""
    return squash(text).replace("€", "")


def _same_cell(shown: str, expected: str) -> bool:
    """Equal, or equal but for a note mark (a number or an asterisk) right after the text."""
    shown, expected = _plain(shown), _plain(expected)
    mark = shown[len(expected):]
    return shown.startswith(expected) and re.fullmatch(r"[\d*]*", mark) is not None


def _holds(row: list[str], cells: list[str]) -> bool:
    """The expected cells stand side by side in the row (the reference text sometimes
    leaves out a row's label, or runs a number column into the next cell)."""
    if _plain("".join(cells)) in _plain("".join(row)):
        return True
    return any(all(map(_same_cell, row[start:start + len(cells)], cells))
               for start in range(len(row) - len(cells) + 1))


def test_tag_tree_holds_every_reference_table_row_as_cells_in_order(
        public_pdfs: dict[str, Path], reference_expectations: Expectations) -> None:
    rows = [[c for c in row if squash(c)] for row in _table_rows(public_pdfs["reference"])]
    position, missing = 0, []
    for line, cells in reference_expectations.rows:
        found = next((i for i in range(position, len(rows)) if _holds(rows[i], cells)), None)
        if found is None:
            missing.append((line, cells))
        else:
            position = found
    assert missing == []


def test_classified_bijlage_passes_pdf_ua1_and_pdf_a2a(reference_build: BuildResult) -> None:
    bijlage = artifact(reference_build, "bijlage.pdf")
    for profile in PROFILES:
        assert _failures(bijlage, profile) == [], profile
    xmp = subprocess.run(["pdfinfo", "-meta", str(bijlage)], capture_output=True, text=True,
                         check=True).stdout
    assert re.search(r"<standgen:rubricering>[^<]*VERTROUWELIJK</standgen:rubricering>", xmp)
