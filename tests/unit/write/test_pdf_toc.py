"""Inhoud page numbers, links and the PDF outline agree with where headings really stand."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from standgen.compose import tree as t
from tests.sample_tree import sample_document
from tests.unit.write.test_pdf_support import (
    base_document,
    build,
    chapter,
    headings,
    outline_pages,
    page_texts,
    scaled_sample,
    squash,
    toc_numbers,
)


def _check_toc(document: t.Document, path: Path) -> None:
    assert document.toc is not None
    pages = page_texts(path)
    toc_text = "\n".join(p for p in pages if "Inhoud" in p[:400])
    numbers = toc_numbers(toc_text, document.toc.entries)
    assert set(numbers) == {e.anchor for e in document.toc.entries}
    by_anchor = {h.anchor: h for h in headings(document)}
    for anchor, number in numbers.items():
        shown = squash(by_anchor[anchor].display)
        assert shown in squash(pages[number - 1]), (anchor, number)
        earlier = [i + 1 for i, p in enumerate(pages[:number - 1]) if shown in squash(p)
                   and "Inhoud" not in p[:400]]
        assert earlier == [], (anchor, earlier)


def test_sample_toc_numbers_are_the_heading_pages(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    _check_toc(doc, build(doc, tmp_path))


def test_long_document_toc_numbers(tmp_path: Path) -> None:
    doc = base_document(tuple(chapter(n, paragraphs=10, first_note=None) for n in range(1, 7)))
    _check_toc(doc, build(doc, tmp_path))


def test_scaled_sample_toc_numbers(tmp_path: Path) -> None:
    doc = scaled_sample(tmp_path, 10)
    _check_toc(doc, build(doc, tmp_path))


def test_outline_matches_headings_in_toc(tmp_path: Path) -> None:
    doc = scaled_sample(tmp_path, 3)
    path = build(doc, tmp_path)
    outline = outline_pages(path)
    expected = [h for h in headings(doc) if h.in_toc]
    assert [title for _, title, _ in outline] == [h.display for h in expected]
    assert [depth for depth, _, _ in outline] == [h.level - 1 for h in expected]
    assert doc.toc is not None
    pages = page_texts(path)
    numbers = toc_numbers("\n".join(pages[1:3]), doc.toc.entries)
    assert [page for _, _, page in outline] == [numbers[h.anchor] for h in expected]


def test_toc_entries_link_to_their_heading_page(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    path = build(doc, tmp_path)
    reader = PdfReader(path)
    toc_page = reader.pages[1]
    targets = []
    for annot in toc_page.get("/Annots", []):
        dest = annot.get_object()["/Dest"]
        targets.append(reader.get_page_number(dest[0].get_object()) + 1)
    assert doc.toc is not None
    numbers = toc_numbers(page_texts(path)[1], doc.toc.entries)
    assert targets == [numbers[e.anchor] for e in doc.toc.entries]


def test_outline_clamps_a_level_jump(tmp_path: Path) -> None:
    section = t.DocSection("Kop", (t.Heading(2, "Alleen sectie", "s", "0.1", True),
                                   t.Heading(1, "Hoofdstuk", "h", "1", True)))
    path = build(base_document((section,)), tmp_path)
    assert [(d, title) for d, title, _ in outline_pages(path)] == [
        (0, "0.1 Alleen sectie"), (0, "1 Hoofdstuk")]
