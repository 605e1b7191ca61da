"""Footnotes stand at the foot of the page that references them, and none is ever lost."""

from __future__ import annotations

from pathlib import Path

from standgen.compose import tree as t
from tests.unit.write.test_pdf_support import (
    base_document,
    build,
    chapter,
    page_texts,
    squash,
)


def _page_of(pages: list[str], text: str) -> int:
    hits = [i for i, page in enumerate(pages) if text in squash(page)]
    assert hits, f"{text!r} not found"
    return hits[0]


def test_each_note_is_on_the_page_of_its_reference(tmp_path: Path) -> None:
    doc = base_document((chapter(1, paragraphs=9, first_note=1),
                         chapter(2, paragraphs=9, first_note=19)))
    pages = page_texts(build(doc, tmp_path))
    number = 1
    for n in (1, 2):
        for s in (1, 2):
            for p in range(9):
                ref_page = _page_of(pages, f"slot-{n}.{s}.{p}")
                assert f"Voetnoot nummer {number} eind." in squash(pages[ref_page]), number
                number += 1
    assert number == 37


def test_notes_sit_below_the_text(tmp_path: Path) -> None:
    doc = base_document((chapter(1, paragraphs=6, first_note=1),))
    pages = page_texts(build(doc, tmp_path))
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        note_rows = [i for i, line in enumerate(lines) if "Voetnoot nummer" in line]
        text_rows = [i for i, line in enumerate(lines) if "Alinea" in line]
        if note_rows and text_rows:
            assert min(note_rows) > max(text_rows)


def test_note_in_a_table_cell_appears_on_its_page(tmp_path: Path) -> None:
    note = t.FootnoteRef(1, (t.Text("Noot uit de tabelcel."),))
    rows = tuple(t.TableRow((t.Cell((t.Text(f"Rij {i}"),) + ((note,) if i == 50 else ())),
                             t.Cell((t.Text(str(i)),), "right")))
                 for i in range(120))
    table = t.Table("Lang", (t.TableRow((t.Cell((t.Text("Kop"),)), t.Cell((t.Text("N"),)))),),
                    rows, (0.7, 0.3), number=1)
    doc = base_document((t.DocSection("Tabel", (table,)),), toc=False)
    pages = page_texts(build(doc, tmp_path))
    row_page = _page_of(pages, "Rij 50")
    assert "Noot uit de tabelcel." in squash(pages[row_page])


def test_a_note_too_long_for_one_foot_is_not_lost(tmp_path: Path) -> None:
    long_text = "lange voetnoottekst " * 500 + "SLOT VAN DE NOOT"
    note = t.FootnoteRef(1, (t.Text(long_text),))
    section = t.DocSection("Kop", (t.Paragraph((t.Text("Verwijzing hier"), note)),
                                   t.Paragraph((t.Text("Daarna nog tekst."),))))
    pages = page_texts(build(base_document((section,), toc=False), tmp_path))
    ref_page = _page_of(pages, "Verwijzing hier")
    end_page = _page_of(pages, "SLOT VAN DE NOOT")
    assert end_page >= ref_page


def test_repeated_reference_prints_the_note_once(tmp_path: Path) -> None:
    note = t.FootnoteRef(1, (t.Text("Eenmalige noot."),))
    section = t.DocSection("Kop", (t.Paragraph((t.Text("Een"), note, t.Text(" twee"), note)),))
    pages = page_texts(build(base_document((section,), toc=False), tmp_path))
    assert sum(squash(p).count("Eenmalige noot.") for p in pages) == 1
