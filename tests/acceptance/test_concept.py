"""A concept build is marked CONCEPT, with date and source version, on every page."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from standgen.build import BuildRequest, build
from tests.conftest import ROOT

EXAMPLE = ROOT / "fixtures" / "example" / "report.yaml"
CONCEPT = re.compile(r"CONCEPT – 1 januari 2026 – bronversie [0-9a-f]{12}")


@pytest.fixture(scope="module")
def concept_build(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 januari 2026
    try:
        out = tmp_path_factory.mktemp("concept")
        return build(BuildRequest(EXAMPLE, out, concept=True)).artifacts
    finally:
        mp.undo()


def test_every_pdf_page_carries_the_concept_line(concept_build: list[Path]) -> None:
    (pdf,) = [p for p in concept_build if p.suffix == ".pdf"]
    pages = PdfReader(pdf).pages
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert CONCEPT.search(page.extract_text()), f"page {number} is not marked"


def test_every_docx_header_carries_the_concept_line(concept_build: list[Path]) -> None:
    (docx,) = [p for p in concept_build if p.suffix == ".docx"]
    with zipfile.ZipFile(docx) as archive:
        headers = [n for n in archive.namelist() if re.fullmatch(r"word/header\d+\.xml", n)]
        assert headers
        for name in headers:
            assert CONCEPT.search(archive.read(name).decode("utf-8")), name
