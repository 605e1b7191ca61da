"""Hurried authors' trees that the tagged PDF must still carry: awkward alt texts, a long
table split over pages (repeated header rows), merged cells without a header row, deep
lists, a heading jump, a link inside a table cell and a footnote in a header cell."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import page
import pytest

from standgen.compose import tree as t
from standgen.write.pdf import render_pdf
from tests.sample_tree import sample_document

ALT = "Grafiek (a) \\ b ‘quote’ — ë, 79,5% en € 26,3 miljard"


def _cell(text: str, **kw: object) -> t.Cell:
    return t.Cell((t.Text(text),), **kw)  # type: ignore[arg-type]


def _blocks() -> tuple[t.Block, ...]:
    note = t.FootnoteRef(7, (t.Text("Een noot in een kopcel."),))
    long_table = t.Table(
        caption="Lange tabel", number=9, anchor="tabel-9", column_widths=(0.5, 0.5),
        header_rows=(t.TableRow((t.Cell((t.Text("Eenheid"), note)), _cell("Aantal"))),),
        body_rows=tuple(t.TableRow((_cell(f"Eenheid {i}"), _cell(str(i)))) for i in range(90)))
    merged = t.Table(
        caption="", column_widths=(), header_rows=(),
        body_rows=(t.TableRow((_cell("Samengevoegd", colspan=2),)),
                   t.TableRow((_cell("Rij", rowspan=2), t.Cell((t.Link(
                       "https://www.defensie.nl", (t.Text("link in cel"),)),)))),
                   t.TableRow((_cell("onder"),))))
    deep = t.ListBlock(((t.Text("een"),), (t.Text("twee"),)), nested=(t.ListBlock(
        ((t.Text("een.een"),),), ordered=True, nested=(t.ListBlock(((t.Text("diep"),),)),)),
        None))
    return (t.Heading(4, "Sprong van niveau", "sprong"), long_table, merged, deep,
            t.Paragraph(()), t.Rule())


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("hostile-tags")
    doc = sample_document(directory)
    sections = list(doc.sections)
    blocks = []
    for block in sections[-1].blocks:
        if isinstance(block, t.Figure):
            block = dataclasses.replace(block, alt_text=ALT)
        blocks.append(block)
    sections[-1] = dataclasses.replace(sections[-1], blocks=(*blocks, *_blocks()))
    doc = dataclasses.replace(doc, sections=tuple(sections))
    path = directory / "hostile.pdf"
    path.write_bytes(render_pdf(doc))
    return path


def test_hostile_tree_still_passes_pdf_ua1_and_pdf_a2a(hostile_pdf: Path) -> None:
    for profile in ("ua1", "2a"):
        report = str(page.validate_pdf(str(hostile_pdf), profile=profile))
        assert [line for line in report.splitlines() if line.startswith("[")] == [], profile


def test_repeated_header_rows_are_not_read_twice(hostile_pdf: Path) -> None:
    tree = subprocess.run(["pdfinfo", "-struct-text", str(hostile_pdf)], capture_output=True,
                          text=True, check=True).stdout
    assert tree.count('"Aantal"') == 1
    assert tree.count('"Eenheid 89"') == 1
    assert re.search(r"/Scope /Row", tree)
    assert "/ColSpan 2" in tree and "/RowSpan 2" in tree


def test_awkward_alt_text_survives_intact(hostile_pdf: Path) -> None:
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    root = PdfReader(hostile_pdf).trailer["/Root"]["/StructTreeRoot"]
    alts: list[str] = []
    stack = [k.get_object() for k in root["/K"]]
    while stack:
        elem = stack.pop()
        if elem.get("/S") == "/Figure" and "/Alt" in elem:
            alts.append(str(elem["/Alt"]))
        kids = [k.get_object() for k in elem.get("/K", []) if isinstance(k, IndirectObject)]
        stack += [k for k in kids if "/S" in k]
    assert ALT in alts


def test_repeated_header_rows_are_pagination_artifacts(hostile_pdf: Path) -> None:
    from pypdf import PdfReader

    pages = [p.get_contents() for p in PdfReader(hostile_pdf).pages]
    marked = [c.get_data().count(b"/Artifact <</Type /Pagination>> BDC")
              for c in pages if c is not None]
    assert sum(marked) >= 2  # the two header cells, again on the table's second page
