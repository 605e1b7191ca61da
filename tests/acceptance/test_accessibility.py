"""Every built DOCX and PDF passes the accessibility checks of tests/acceptance/accessibility.py:
the reference report in all three editions, the example report and the canaries."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from standgen.build import BuildRequest, BuildResult, build
from tests.acceptance.accessibility import (
    docx_headings,
    docx_problems,
    heading_problems,
    pdf_outline,
)
from tests.conftest import REFERENCE, ROOT

EDITIONS = ("openbaar", "vertrouwelijk", "bijlage")
SOURCES = {"example": ROOT / "fixtures" / "example" / "report.yaml",
           "canaries": ROOT / "fixtures" / "canaries" / "report.yaml"}


@pytest.fixture(scope="module")
def artifacts(reference_build: BuildResult, tmp_path_factory: pytest.TempPathFactory
              ) -> list[Path]:
    """Every artifact: the session's reference build, its vertrouwelijk edition, and the
    example and canary reports in every edition."""
    out = tmp_path_factory.mktemp("accessibility")
    paths = list(reference_build.artifacts)
    paths += build(BuildRequest(REFERENCE, out / "reference", editions=("vertrouwelijk",),
                                formats=("docx", "pdf"))).artifacts
    for name, source in SOURCES.items():
        paths += build(BuildRequest(source, out / name, editions=EDITIONS,
                                    formats=("docx", "pdf"))).artifacts
    return sorted(p for p in paths if p.suffix in (".docx", ".pdf"))


def _of(artifacts: list[Path], suffix: str) -> list[Path]:
    found = [p for p in artifacts if p.suffix == suffix]
    assert len(found) == 9, [p.name for p in artifacts]
    return found


def test_every_docx_passes_the_checks(artifacts: list[Path]) -> None:
    problems = {p.name: docx_problems(p) for p in _of(artifacts, ".docx")}
    assert {name: found for name, found in problems.items() if found} == {}


def test_every_pdf_outline_nests_without_skipping(artifacts: list[Path]) -> None:
    for path in _of(artifacts, ".pdf"):
        outline = pdf_outline(path)
        assert outline and outline[0][0] == 1, path.name
        assert heading_problems(outline) == [], path.name


def test_pdf_outline_follows_the_docx_headings(artifacts: list[Path]) -> None:
    """The PDF outline is the DOCX's headings down to level 2, at the same levels."""
    for docx_path in _of(artifacts, ".docx"):
        pdf_path = docx_path.with_suffix(".pdf")
        shallow = [(level, text) for level, text in docx_headings(docx_path) if level <= 2]
        assert pdf_outline(pdf_path) == shallow, docx_path.name


def test_reference_uses_levels_below_one_and_two(artifacts: list[Path]) -> None:
    """The reference holds labels at levels 2, 3 and 4 (so the checks above saw them)."""
    (public,) = [p for p in artifacts
                 if p.name == "stand-van-defensie-voorjaar-2026-openbare-versie.docx"]
    levels = {level for level, _ in docx_headings(public)}
    assert levels == {1, 2, 3, 4}
    with zipfile.ZipFile(public) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert '<w:pStyle w:val="Heading2Label"/>' in body
    assert 'w:firstColumn="1"' in body
