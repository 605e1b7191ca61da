"""The DOCX read back (python-docx and XML) has the sample tree's structure."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from lxml import etree

from standgen.compose import tree as t
from standgen.write.docx.readback import read_docx_structure
from tests.unit.write.test_docx_support import MARKING, NS, build, part, part_names, texts

CONTENT_TABLES = "//w:tbl[not(w:tblPr/w:tblCaption[@w:val='Omslag'])]"
"""The report's tables, without the cover's layout table (the coloured band)."""


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[t.Document, Path]:
    return build(tmp_path_factory.mktemp("marked"), MARKING)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[t.Document, Path]:
    return build(tmp_path_factory.mktemp("plain"))


def _headings(document: t.Document) -> list[t.Heading]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, t.Heading)]


def _tables(document: t.Document) -> list[t.Table]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, t.Table)]


def test_headings_in_order_with_styles(plain: tuple[t.Document, Path]) -> None:
    tree, path = plain
    read = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs
            if p.style is not None and p.style.name.startswith("Heading")]
    assert read == [(f"Heading {h.level}", h.display) for h in _headings(tree)]


def test_headings_carry_bookmarks_named_from_anchors(plain: tuple[t.Document, Path]) -> None:
    tree, path = plain
    names = part(path, "word/document.xml").xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    for heading in _headings(tree):
        assert heading.anchor.replace("-", "_") in names
    assert len(names) == len(set(names))


def test_tables_cells_and_repeating_header_rows(plain: tuple[t.Document, Path]) -> None:
    tree, path = plain
    tables = part(path, "word/document.xml").xpath(CONTENT_TABLES, namespaces=NS)
    assert len(tables) == len(_tables(tree))
    for tbl, table in zip(tables, _tables(tree), strict=True):
        rows = tbl.xpath("w:tr", namespaces=NS)
        expected = [[texts_of(c) for c in r.cells] for r in (*table.header_rows,
                                                               *table.body_rows)]
        read = [[texts(tc) for tc in tr.xpath("w:tc", namespaces=NS)
                 if not tc.xpath("w:tcPr/w:vMerge[not(@w:val)]", namespaces=NS)]
                for tr in rows]
        assert read == expected
        headers = [bool(tr.xpath("w:trPr/w:tblHeader", namespaces=NS)) for tr in rows]
        assert headers == [True] * len(table.header_rows) + [False] * len(table.body_rows)


def texts_of(cell: t.Cell) -> str:
    return "".join(i.text for i in cell.inlines if isinstance(i, t.Text))


def test_spans_alignment_roles_and_description(plain: tuple[t.Document, Path]) -> None:
    _, path = plain
    doc = part(path, "word/document.xml")
    second = doc.xpath(CONTENT_TABLES, namespaces=NS)[1]
    assert second.xpath("w:tr[1]/w:tc/w:tcPr/w:gridSpan/@w:val", namespaces=NS) == ["2", "2"]
    assert second.xpath("w:tr[1]/w:tc[1]/w:tcPr/w:vMerge/@w:val", namespaces=NS) == ["restart"]
    assert second.xpath("w:tr[2]/w:tc[1]/w:tcPr/w:vMerge", namespaces=NS)
    total = second.xpath("w:tr[last()]", namespaces=NS)[0]
    assert total.xpath(".//w:tcBorders/w:top", namespaces=NS)
    assert all(r.xpath("w:rPr/w:b", namespaces=NS) for r in total.xpath(".//w:r", namespaces=NS))
    assert second.xpath("w:tr[3]/w:tc[2]/w:p/w:pPr/w:jc/@w:val", namespaces=NS) == ["right"]
    first = doc.xpath(CONTENT_TABLES, namespaces=NS)[0]
    assert first.xpath("w:tblPr/w:tblDescription/@w:val", namespaces=NS) == [
        "Tabel: instroom beroepsmilitairen 2024–2025."]
    widths = [int(w) for w in first.xpath("w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    assert widths[0] == 2 * widths[1] and 9300 <= sum(widths) <= 9400  # 16,5 cm


def test_table_caption_above_with_seq_field_and_note_below(plain: tuple[t.Document, Path]) -> None:
    _, path = plain
    body = part(path, "word/document.xml").xpath("//w:body", namespaces=NS)[0]
    children = list(body)
    tbl = body.xpath(CONTENT_TABLES, namespaces=NS)[0]
    index = children.index(tbl)
    caption, note = children[index - 1], children[index + 1]
    assert caption.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["Caption"]
    assert "SEQ Tabel" in "".join(caption.xpath(".//w:instrText/text()", namespaces=NS))
    assert texts(caption) == "Tabel 1 – Instroom beroepsmilitairen"
    assert note.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS) == ["Note"]


def test_footnotes_part_holds_notes_in_order(plain: tuple[t.Document, Path]) -> None:
    _, path = plain
    notes = part(path, "word/footnotes.xml")
    ids = notes.xpath("//w:footnote/@w:id", namespaces=NS)
    assert ids[:2] == ["-1", "0"]
    bodies = [texts(n).strip() for n in notes.xpath("//w:footnote[@w:id>0]", namespaces=NS)]
    assert bodies == ["Kamerstuk 36 592, nr. 52", "Zie defensie.nl"]
    refs = part(path, "word/document.xml").xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert refs == ["1", "2"]
    assert notes.xpath("//w:hyperlink/@r:id", namespaces=NS)
    rels = part(path, "word/_rels/footnotes.xml.rels")
    assert "https://www.defensie.nl" in [r.get("Target") for r in rels]


def test_figure_alt_text_in_docpr(plain: tuple[t.Document, Path]) -> None:
    _, path = plain
    props = part(path, "word/document.xml").xpath("//wp:docPr", namespaces=NS)
    assert len(props) == 1
    assert props[0].get("descr", "").startswith("Lijndiagram: gemiddelde materiële")
    assert props[0].get("title") == "Gemiddelde materiële gereedheid"
    assert [n for n in part_names(path) if n.startswith("word/media/")] == [
        "word/media/image1.png"]


def test_toc_field_lists_every_entry(plain: tuple[t.Document, Path]) -> None:
    tree, path = plain
    outline = read_docx_structure(path)
    assert '<<TOC \\o "1-2" \\h>>' in outline
    assert tree.toc is not None
    for entry in tree.toc.entries:
        assert f"[{entry.display} » {{PAGEREF " in outline
    settings = part(path, "word/settings.xml")
    assert not settings.xpath("//w:updateFields", namespaces=NS)


def test_headers_and_footers_per_section(plain: tuple[t.Document, Path]) -> None:
    tree, path = plain
    outline = read_docx_structure(path)
    lines = outline.splitlines()
    headers = [line for line in lines if line.startswith("  header(default)")]
    footers = [line for line in lines if line.startswith("  footer(default)")]
    expected = ["Inhoud"] + [s.running_header for s in tree.sections]
    assert len(headers) == len(expected) and len(footers) == 1 + len(expected)
    for line, running in zip(headers, expected, strict=True):
        assert line.endswith(running)
    assert all("{PAGE|" in line and "NUMPAGES" not in line for line in footers[1:])
    # an opener page (the first of a section) has no running header above its heading
    assert [line for line in lines if line.startswith("  header(first)")] == [
        "  header(first): "] * len(expected)


def test_marking_in_every_header_and_footer(marked: tuple[t.Document, Path]) -> None:
    _, path = marked
    document = docx.Document(str(path))
    assert len(document.sections) == 4
    for section in document.sections:
        header = [p.text for p in section.header.paragraphs]
        footer = [p.text for p in section.footer.paragraphs]
        assert header[:3] == ["DEP. VERTROUWELIJK", "Exemplaar 3", "CONCEPT"]
        assert footer[-1] == "DEP. VERTROUWELIJK"
    outline = read_docx_structure(path).splitlines()
    footers = [line for line in outline if line.startswith("  footer(default)")]
    assert sum("pagina {PAGE|" in line for line in footers) == 4  # the cover's too
    assert sum("van {NUMPAGES|" in line for line in footers) == 4
    firsts = [line for line in outline if line.startswith("  header(first)")]
    assert firsts and all(line.startswith("  header(first): DEP. VERTROUWELIJK")
                          for line in firsts)


def test_properties_from_metadata(plain: tuple[t.Document, Path]) -> None:
    tree, path = plain
    props = docx.Document(str(path)).core_properties
    meta = tree.metadata
    assert (props.title, props.subject, props.author, props.last_modified_by) == (
        meta.title, meta.subject, meta.author, meta.author)
    assert props.language == "nl-NL" and props.revision == 1
    assert props.created is not None and props.created.replace(tzinfo=None) == meta.created
    assert props.modified == props.created
    assert props.keywords == "Defensie"
    app = part(path, "docProps/app.xml")
    assert "standgen" in etree_text(app) and "Microsoft" not in etree_text(app)
    assert "docProps/thumbnail.jpeg" not in part_names(path)


def etree_text(element: etree._Element) -> str:
    return str(etree.tostring(element, encoding="unicode"))


def test_styles_language_and_inline_formatting(plain: tuple[t.Document, Path]) -> None:
    _, path = plain
    styles = part(path, "word/styles.xml")
    assert styles.xpath("//w:docDefaults//w:lang/@w:val", namespaces=NS) == ["nl-NL"]
    doc = part(path, "word/document.xml")
    assert doc.xpath("//w:r[w:rPr/w:vertAlign/@w:val='subscript']/w:t/text()",
                     namespaces=NS) == ["2"]
    assert doc.xpath("//w:r[w:rPr/w:vertAlign/@w:val='superscript']/w:t/text()",
                     namespaces=NS) == ["e"]
    assert doc.xpath("//w:r[w:rPr/w:i]/w:t/text()", namespaces=NS) == ["Orange Shield",
                                                                        "punt"]
    assert doc.xpath("//w:r[w:rPr/w:b]/w:t/text()", namespaces=NS)[0] == "sterk"
    broken = doc.xpath("//w:p[w:pPr/w:pageBreakBefore]", namespaces=NS)
    assert [texts(p) for p in broken] == ["Na de pagina-einde."]


def test_lists_use_numbering_definitions(plain: tuple[t.Document, Path]) -> None:
    _, path = plain
    doc = part(path, "word/document.xml")
    num_ids = set(doc.xpath("//w:numPr/w:numId/@w:val", namespaces=NS))
    assert len(num_ids) == 1
    numbering = part(path, "word/numbering.xml")
    (num_id,) = num_ids
    abstract = numbering.xpath(f"//w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val",
                               namespaces=NS)[0]
    fmt = numbering.xpath(f"//w:abstractNum[@w:abstractNumId='{abstract}']"
                          "/w:lvl[@w:ilvl='0']/w:numFmt/@w:val", namespaces=NS)
    assert fmt == ["bullet"]
