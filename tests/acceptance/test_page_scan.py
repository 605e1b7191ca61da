"""Every page of every built PDF, and of every DOCX as LibreOffice lays it out, scanned for
what a reader would call a typesetting fault: a heading with nothing of its own below it on
its page, a line ending in "€", a number broken over two lines."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from standgen.build import BuildRequest, BuildResult, build
from standgen.compose import compose_document
from standgen.load import load_report
from tests.conftest import REFERENCE, ROOT, artifact
from tests.pagescan import convert_docx, headings_of, long_tables_report, scan

EXAMPLE = ROOT / "fixtures" / "example" / "report.yaml"
NAMES = ("reference", "example", "long-tables")


@pytest.fixture(scope="module")
def builds(reference_build: BuildResult, tmp_path_factory: pytest.TempPathFactory
           ) -> dict[str, tuple[Path, Path, list[str]]]:
    """Per report: its public PDF, LibreOffice's PDF of its public DOCX, its headings."""
    work = tmp_path_factory.mktemp("page-scan")
    (work / "long").mkdir()
    long_source = long_tables_report(work / "long")
    sources = {"reference": REFERENCE, "example": EXAMPLE, "long-tables": long_source}
    results = {"reference": reference_build}
    for name in ("example", "long-tables"):
        results[name] = build(BuildRequest(sources[name], work / name, editions=("openbaar",),
                                           formats=("docx", "pdf")))
    docx = {name: artifact(results[name], "openbare-versie.docx") for name in NAMES}
    rendered = convert_docx(list(docx.values()), work / "libreoffice")
    out = {}
    for name in NAMES:
        document = compose_document(load_report(sources[name]), "openbaar")
        out[name] = (artifact(results[name], "openbare-versie.pdf"), rendered[docx[name]],
                     headings_of(document))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_no_page_of_the_pdf_has_a_typesetting_fault(
        builds: dict[str, tuple[Path, Path, list[str]]], name: str) -> None:
    pdf, _, headings = builds[name]
    assert scan(pdf, headings) == []


@pytest.mark.parametrize("name", NAMES)
def test_no_page_of_the_docx_as_libreoffice_lays_it_out_has_a_typesetting_fault(
        builds: dict[str, tuple[Path, Path, list[str]]], name: str) -> None:
    _, rendered, headings = builds[name]
    assert rendered.is_file(), "LibreOffice did not convert the DOCX"
    assert scan(rendered, headings) == []


def test_the_docx_lets_word_hyphenate_dutch_and_keeps_what_belongs_together(
        reference_build: BuildResult) -> None:
    with zipfile.ZipFile(artifact(reference_build, "openbare-versie.docx")) as package:
        settings = package.read("word/settings.xml").decode()
        styles = package.read("word/styles.xml").decode()
        body = package.read("word/document.xml").decode()
    assert "<w:autoHyphenation/>" in settings
    assert "<w:widowControl/>" in styles.split("</w:docDefaults>")[0]
    assert "<w:softHyphen/>" in body
    # the closing line of the voorwoord keeps with the signatures, which keep whole
    assert body.count("<w:keepLines/>") >= 4
    # body text after a table (or its notes) has room above it
    after_tables = re.findall(r"</w:tbl>(?:<w:p>(?:(?!</w:p>).)*?Note.*?</w:p>)*<w:p>(.*?)</w:p>",
                              body)
    # (not the empty paragraph that ends a landscape table's section)
    assert after_tables and all('w:before="160"' in p for p in after_tables
                                if ("Normal" in p or "<w:pStyle" not in p)
                                and "<w:sectPr" not in p)


def _faulty_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 10)
    text = canvas.beginText(70, 700)
    text.setLeading(14)
    for line in ("Hier kost het met €", "26,8 miljoen, of 1.234.", "567 in totaal."):
        text.textLine(line)
    canvas.drawText(text)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(70, 140, "2.5.3 Streefcijfer vrouwen")
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(70, 40, "Stand van Test voorjaar 2026")
    canvas.showPage()
    canvas.save()
    return path


def test_the_scan_finds_each_kind_of_fault(tmp_path: Path) -> None:
    faults = scan(_faulty_pdf(tmp_path / "fout.pdf"), ["2.5.3 Streefcijfer vrouwen"])
    assert {f.kind for f in faults} == {"heading last on page", "line ends in €",
                                        "number broken"}
    blank = tmp_path / "leeg.pdf"
    canvas = Canvas(str(blank), pagesize=A4)
    canvas.setFont("Helvetica", 7.5)
    canvas.drawString(70, 800, "Lopende kop")
    canvas.showPage()
    canvas.save()
    assert [f.kind for f in scan(blank, [])] == ["empty page"]
