"""Page furniture: cover, running headers, page numbers, and the marking on every page."""

from __future__ import annotations

from pathlib import Path

from standgen.compose import tree as t
from tests.sample_tree import sample_document
from tests.unit.write.test_pdf_support import build, page_texts, squash

MARK = t.Marking("STG. CONFIDENTIEEL", copy_number="12", extra=("CONCEPT",))


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_marking_at_top_and_bottom_of_every_page(tmp_path: Path) -> None:
    pages = page_texts(build(sample_document(tmp_path, marking=MARK), tmp_path))
    assert len(pages) >= 5
    for number, page in enumerate(pages, start=1):
        lines = _lines(page)
        assert lines[0] == "STG. CONFIDENTIEEL", number
        assert "STG. CONFIDENTIEEL" in lines[-1], number
        assert f"pagina {number} van {len(pages)}" in squash(page), number
        assert "Exemplaar nr. 12" in squash(page)
        assert "CONCEPT" in lines[1]


def test_marking_without_page_total(tmp_path: Path) -> None:
    marking = t.Marking("DEP. VERTROUWELIJK", page_x_of_y=False)
    pages = page_texts(build(sample_document(tmp_path, marking=marking), tmp_path))
    assert all(" van " not in _lines(page)[-2] for page in pages)
    assert all(_lines(p)[0] == "DEP. VERTROUWELIJK" for p in pages)
    assert _lines(pages[2])[-2].endswith("3")


def test_public_document_has_no_marking_and_plain_numbers(tmp_path: Path) -> None:
    pages = page_texts(build(sample_document(tmp_path), tmp_path))
    text = "\n".join(pages)
    assert "pagina 2 van" not in text and "VERTROUWELIJK" not in text
    for number, page in enumerate(pages[1:], start=2):
        assert _lines(page)[-1].endswith(str(number))


def test_cover_has_its_parts_and_no_running_header(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    cover = squash(page_texts(build(doc, tmp_path))[0])
    for part in ("Ministerie van Defensie", "Stand van Defensie", "Voorjaar 2026",
                 "Samen bouwen aan een sterke en slimme krijgsmacht", "Openbare versie"):
        assert part in cover
    assert "Vervullen personele behoefte" not in cover


def test_running_header_follows_the_section(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    pages = page_texts(build(doc, tmp_path))
    assert _lines(pages[2])[0] == "Voorwoord"
    assert len(pages) > 4
    for page in pages[4:]:
        assert _lines(page)[0] == "Vervullen personele behoefte"
    assert _lines(pages[1])[0] == "Inhoud"


def test_chapter_opener_page_has_no_running_header(tmp_path: Path) -> None:
    """The opener shows the chapter band (number and title), not the header above it."""
    pages = page_texts(build(sample_document(tmp_path), tmp_path))
    assert _lines(pages[3])[0] == "2 Vervullen personele behoefte"
    assert "Vervullen personele behoefte" not in _lines(pages[3])[1:]


def test_page_break_block_starts_a_new_page(tmp_path: Path) -> None:
    pages = page_texts(build(sample_document(tmp_path), tmp_path))
    last = _lines(pages[-1])
    assert last[1] == "Na de pagina-einde."
