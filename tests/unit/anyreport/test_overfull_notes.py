"""A generated report (kept from a property-test run) whose last page ends a hair overfull
once its footnotes' room grows: the PDF writer must finish it without a page of its own
for the empty note drain."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from standgen.compose import compose_document
from standgen.load import load_report
from standgen.write.pdf import write_pdf

SOURCE = Path(__file__).with_name("data") / "overfull-notes.yaml"


def test_an_overfull_last_page_is_written(tmp_path: Path) -> None:
    document = compose_document(load_report(SOURCE), "vertrouwelijk")
    out = tmp_path / "report.pdf"
    write_pdf(document, out)
    pages = PdfReader(str(out)).pages
    assert len(pages) == 4
    assert pages[-1].extract_text().strip()
