"""Tables: long ones split with the header repeated, spans, roles and captions."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Flowable
from reportlab.platypus import Table as RLTable

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.pdf.fonts import default_fonts, register_fonts
from standgen.write.pdf.styles import TEXT_WIDTH, make_styles
from standgen.write.pdf.tables import build_table
from tests.sample_tree import sample_document
from tests.unit.write.test_pdf_support import base_document, build, page_texts, squash


def _rl_table(flowables: list[Flowable]) -> RLTable:
    return next(f for f in flowables if isinstance(f, RLTable))


def _long_table(rows: int) -> t.Table:
    header = t.TableRow((t.Cell((t.Text("Eenheidsnaam"),)),
                         t.Cell((t.Text("Sterkte"),), "right")))
    body = tuple(t.TableRow((t.Cell((t.Text(f"Eenheid {i:03d}"),)),
                             t.Cell((t.Text(f"{i * 7}"),), "right")))
                 for i in range(rows))
    return t.Table("Eenheden", (header,), body, (0.7, 0.3), number=4, anchor="tabel-4")


def test_long_table_splits_with_header_on_every_page(tmp_path: Path) -> None:
    doc = base_document((t.DocSection("Tabellen", (_long_table(200),)),), toc=False)
    pages = page_texts(build(doc, tmp_path))
    with_rows = [p for p in pages if "Eenheid 0" in p or "Eenheid 1" in p]
    assert len(with_rows) >= 3
    for page in with_rows:
        assert "Eenheidsnaam" in page and "Sterkte" in page
    text = squash(" ".join(pages))
    assert all(f"Eenheid {i:03d}" in text for i in range(200))
    assert text.count("Tabel 4 Eenheden") == 1
    blank = [i + 1 for i, p in enumerate(pages) if len(p.split()) <= 3]
    assert blank == []


def test_table_ending_at_the_page_foot_leaves_no_blank_page(tmp_path: Path) -> None:
    for rows in range(36, 44):
        note = t.Paragraph((t.Text("Bron: eigen telling."),), "note")
        table = t.Table("Eenheden", _long_table(rows).header_rows, _long_table(rows).body_rows,
                        (0.7, 0.3), notes=(note,))
        doc = base_document((t.DocSection("Tabellen", (table,)),), toc=False)
        pages = page_texts(build(doc, tmp_path, f"t{rows}.pdf"))
        assert [i for i, p in enumerate(pages) if len(p.split()) <= 3] == [], rows


def test_table_never_wider_than_text_block() -> None:
    styles = make_styles(register_fonts(default_fonts()))
    wide = t.Table("Breed", (), (t.TableRow(tuple(
        t.Cell((t.Text("zeer lange celtekst die moet afbreken " * 3),)) for _ in range(4))),),
        (0.4, 0.4, 0.4, 0.4))
    table = _rl_table(build_table(wide, styles, TEXT_WIDTH, "Tabel"))
    width, _ = table.wrap(TEXT_WIDTH, 1000)
    assert width <= TEXT_WIDTH + 0.01


def test_spans_become_span_commands() -> None:
    styles = make_styles(register_fonts(default_fonts()))
    doc_tables = [b for s in _sample_sections() for b in s.blocks if isinstance(b, t.Table)]
    table = _rl_table(build_table(doc_tables[1], styles, TEXT_WIDTH, "Tabel"))
    spans = [c for c in table._spanCmds]
    assert ("SPAN", (0, 0), (0, 1)) in spans
    assert ("SPAN", (1, 0), (2, 0)) in spans and ("SPAN", (3, 0), (4, 0)) in spans


def _sample_sections() -> tuple[t.DocSection, ...]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return sample_document(Path(tmp)).sections


def test_cell_spanning_beyond_the_table_is_an_error() -> None:
    styles = make_styles(register_fonts(default_fonts()))
    bad = t.Table("Fout", (), (t.TableRow((t.Cell((t.Text("x"),), colspan=2),
                                           t.Cell((t.Text("y"),)))),), (0.5, 0.5))
    with pytest.raises(BuildError, match="spans beyond"):
        build_table(bad, styles, TEXT_WIDTH, "Tabel")
    tall = t.Table("Fout", (), (t.TableRow((t.Cell((t.Text("x"),), rowspan=2),)),), (1.0,))
    with pytest.raises(BuildError, match="spans beyond"):
        build_table(tall, styles, TEXT_WIDTH, "Tabel")


def test_caption_above_and_notes_below(tmp_path: Path) -> None:
    page = squash(page_texts(build(sample_document(tmp_path), tmp_path))[3])
    caption = page.index("Tabel 1 Instroom beroepsmilitairen")
    assert caption < page.index("Realisatie instroom") < page.index("* Voorlopige cijfers.")


def test_markup_characters_are_printed_literally(tmp_path: Path) -> None:
    cell = t.Cell((t.Text("<b>A & B</b>"),))
    table = t.Table("Tekens <i>", (), (t.TableRow((cell,)),), (1.0,))
    para = t.Paragraph((t.Text("x < y & z > w"), t.Link('https://a.nl/?q="1"&r=2',
                                                       (t.Text("<link>"),))))
    doc = base_document((t.DocSection("Kop", (para, table)),), toc=False)
    text = squash(" ".join(page_texts(build(doc, tmp_path))))
    assert "x < y & z > w" in text and "<link>" in text
    assert "<b>A & B</b>" in text and "Tekens <i>" in text
