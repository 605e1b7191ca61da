"""Whole-document acceptance: the sample tree as a PDF, public and marked, checked end to end."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from standgen.compose import tree as t
from standgen.write.pdf import write_pdf
from tests.sample_tree import sample_document
from tests.unit.write.test_pdf_support import (
    headings,
    outline_pages,
    page_texts,
    squash,
    toc_numbers,
)

MARKINGS = [None, t.Marking("DEP. VERTROUWELIJK", copy_number="2", extra=("CONCEPT",))]


@pytest.fixture(params=MARKINGS, ids=["openbaar", "gerubriceerd"])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[t.Document, Path]:
    doc = sample_document(tmp_path, marking=request.param)
    path = tmp_path / "stand.pdf"
    write_pdf(doc, path)
    return doc, path


def test_file_is_valid_with_embedded_fonts(built: tuple[t.Document, Path]) -> None:
    _, path = built
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)


def test_toc_outline_and_headings_agree(built: tuple[t.Document, Path]) -> None:
    doc, path = built
    assert doc.toc is not None
    pages = page_texts(path)
    numbers = toc_numbers(pages[1], doc.toc.entries)
    in_toc = [h for h in headings(doc) if h.in_toc]
    assert [(title, page) for _, title, page in outline_pages(path)] == [
        (h.display, numbers[h.anchor]) for h in in_toc]
    for h in in_toc:
        assert squash(h.display) in squash(pages[numbers[h.anchor] - 1])


def test_footnotes_on_the_page_of_their_reference(built: tuple[t.Document, Path]) -> None:
    _, path = built
    pages = [squash(p) for p in page_texts(path)]
    ref_page = next(p for p in pages if "uitstoot daalde" in p)
    assert "1 Kamerstuk 36 592, nr. 52" in ref_page
    assert "2 Zie defensie.nl" in ref_page
    assert sum(p.count("Kamerstuk 36 592, nr. 52") for p in pages) == 1


def test_every_block_is_printed(built: tuple[t.Document, Path]) -> None:
    _, path = built
    text = squash(" ".join(page_texts(path)))
    for part in ("Orange Shield", "Tabel 1 Instroom beroepsmilitairen", "Eerste punt",
                 "Figuur 1 Gemiddelde materiële gereedheid", "Bron: Defensie",
                 "Tabel 2 Ervaren geluidsoverlast", "De gegevens van deze figuur zijn niet",
                 "Figuur 2 Kaart personeelsopbouw", "Na de pagina-einde.", "€ 26,3 miljard",
                 "≥ 7ᵉ plaats", "Minister van Defensie"):
        assert part in text, part


def test_marking_on_every_page_when_set(built: tuple[t.Document, Path]) -> None:
    doc, path = built
    pages = page_texts(path)
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if doc.marking is None:
            assert "VERTROUWELIJK" not in page
        else:
            assert lines[0] == doc.marking.text and doc.marking.text in lines[-1]
            assert f"pagina {number} van {len(pages)}" in squash(page)
