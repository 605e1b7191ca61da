"""The sample DOCX converts with LibreOffice, and the PDF shows every heading, cell and note."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from standgen.compose import tree as t
from standgen.resources import template_path
from standgen.write.docx import write_docx
from standgen.write.docx.pagination import inline_text
from standgen.write.docx.readback import read_docx_structure
from tests.sample_tree import sample_document

MARKING = t.Marking("Dep. Vertrouwelijk", copy_number="3", extra=("CONCEPT",))
_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def convert_to_pdf(docx_path: Path, work: Path) -> Path:
    """Convert with headless LibreOffice (private profile, shipped fonts) and return the PDF."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is not installed: "
                    "apt-get install -y libreoffice-writer-nogui poppler-utils")
    conf = work / "fonts.conf"
    conf.write_text(_FONTS_CONF.format(fonts=template_path("fonts").resolve(),
                                       cache=work / "fc-cache"))
    profile = work / f"lo-profile-{os.getpid()}"
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(docx_path)],
        capture_output=True, text=True, timeout=180, env=env, check=False)
    pdf = work / (docx_path.stem + ".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext -layout)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed: apt-get install -y poppler-utils")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def assert_in_order(expected: list[str], text: str) -> None:
    """Every expected string's words occur in `text`, in the given order."""
    words, position = _words(text), 0
    for item in expected:
        for word in _words(item):
            try:
                position = words.index(word, position) + 1
            except ValueError:
                pytest.fail(f"{word!r} of {item!r} not found in order in the PDF text")


def _expected(document: t.Document) -> tuple[list[str], list[str], list[str]]:
    body: list[str] = []
    notes: list[str] = []
    spanning: list[str] = []
    for section in document.sections:
        for block in section.blocks:
            tables = [block] if isinstance(block, t.Table) else []
            if isinstance(block, t.Heading):
                body.append(block.display)
            for table in tables:
                cells = [c for r in (*table.header_rows, *table.body_rows) for c in r.cells]
                # A cell spanning rows is printed at the bottom of its span: order only
                # the others, and check spanning cells for presence.
                body += [inline_text(c.inlines) for c in cells if c.rowspan == 1]
                spanning += [inline_text(c.inlines) for c in cells if c.rowspan > 1]
            if isinstance(block, t.Paragraph):
                notes += [inline_text(i.content) for i in block.inlines
                          if isinstance(i, t.FootnoteRef)]
    return body, notes, spanning


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[t.Document, Path, list[str]]:
    work = tmp_path_factory.mktemp("docx-lo")
    document = sample_document(work, marking=MARKING)
    path = work / "sample.docx"
    write_docx(document, path)
    return document, path, pdf_pages(convert_to_pdf(path, work))


def test_pdf_holds_headings_cells_and_footnotes_in_order(
        converted: tuple[t.Document, Path, list[str]]) -> None:
    document, _, pages = converted
    text = "\n".join(pages)
    body, notes, spanning = _expected(document)
    assert_in_order(body, text)
    assert_in_order(notes, text)
    assert spanning and all(item in text for item in spanning)
    assert "Stand van Defensie" in pages[0] and "Inhoud" in pages[1]


def test_marking_on_top_and_bottom_of_every_page(
        converted: tuple[t.Document, Path, list[str]]) -> None:
    _, _, pages = converted
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "DEP. VERTROUWELIJK" and lines[-1] == "DEP. VERTROUWELIJK"
        assert "EXEMPLAAR 3" in lines[:3]
    assert all(f"pagina {n} van {len(pages)}" in page for n, page in enumerate(pages, 1)
               if n > 1)


def test_estimated_pages_match_libreoffice(
        converted: tuple[t.Document, Path, list[str]]) -> None:
    document, path, pages = converted
    outline = read_docx_structure(path)
    assert document.toc is not None
    for entry in document.toc.entries:
        cached = re.search(rf"\[{re.escape(entry.display)} » \{{PAGEREF \S+ \\h\|(\d+)\}}",
                           outline)
        assert cached is not None
        actual = next(n for n, page in enumerate(pages[2:], 3)
                      if re.search(rf"^\s*{re.escape(entry.display)}\s*$", page, re.M))
        assert int(cached.group(1)) == actual
    assert f"{{NUMPAGES|{len(pages)}}}" in outline
