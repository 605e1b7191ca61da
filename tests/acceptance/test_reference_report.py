"""The reference report reproduced: every table cell and every Inhoud heading in the PDF.

The PDF is read in content-stream order (pypdf), where the lines of one table cell follow
each other, so a cell that wraps still reads as one string once whitespace is squashed.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from standgen.build import BuildResult
from tests.acceptance.reference_cells import Expectations, squash
from tests.conftest import artifact


@pytest.fixture(scope="module")
def pages(reference_build: BuildResult) -> list[str]:
    reader = PdfReader(artifact(reference_build, "openbare-versie.pdf"))
    return [_unhyphenated(page.extract_text()) for page in reader.pages]


def _unhyphenated(text: str) -> str:
    """A table cell broken at a Dutch hyphenation point reads "ontwikke-" | "lings": joined
    back when the hyphen ends a line between two lower-case letters. A real hyphen at a
    line end ("loopbaan-/") is followed by a non-letter and stays."""
    return re.sub(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])", "", text)


def test_every_table_cell_of_the_reference_is_in_the_public_pdf(
        pages: list[str], reference_expectations: Expectations) -> None:
    text = squash("\n".join(pages))
    missing = [(line, cell) for line, cells in reference_expectations.rows
               for cell in cells if squash(cell) not in text]
    assert missing == []


def test_the_figures_of_each_row_stand_together_in_order(
        pages: list[str], reference_expectations: Expectations) -> None:
    text = squash("\n".join(pages))
    broken = []
    for line, cells in reference_expectations.rows:
        for run in _figure_runs(cells):
            if len(run) >= 2 and squash("".join(run)) not in text:
                broken.append((line, run))
    assert broken == []


def _figure_runs(cells: list[str]) -> list[list[str]]:
    """Runs of neighbouring cells that are figures (numbers, percentages, deltas)."""
    runs: list[list[str]] = [[]]
    for cell in cells:
        if re.fullmatch(r"[+-]?[\d.,]+%?\*?", cell):
            runs[-1].append(cell)
        elif runs[-1]:
            runs.append([])
    return runs


def test_every_inhoud_heading_of_the_reference_is_in_the_table_of_contents(
        pages: list[str], reference_expectations: Expectations) -> None:
    toc_page = squash(pages[1])
    entries = reference_expectations.toc
    assert len(entries) == 31
    assert [e for e in entries if squash(e) not in toc_page] == []
