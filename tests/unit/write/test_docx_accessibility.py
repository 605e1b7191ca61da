"""DOCX accessibility: label headings keep their level and their look, a key-value table's
first column is its header, every style speaks Dutch even from an English reference, and the
checker finds what it should."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from standgen.compose import tree as t
from standgen.resources import template_path
from standgen.write.docx import write_docx
from tests.acceptance.accessibility import docx_headings, docx_problems
from tests.sample_tree import sample_document
from tests.unit.write.test_docx_support import NS, part

KEY_VALUE = t.Table(
    caption="Aantal vastgestelde luchthavenbesluiten", header_rows=(),
    body_rows=(t.TableRow((t.Cell((t.Text("Vastgestelde luchthavenbesluiten"),)),
                           t.Cell((t.Text("5 van 8"),), "right"))),),
    column_widths=(0.7, 0.3), number=9, anchor="tabel-kv")
LABEL = t.Heading(2, "Besturen en commandovoering", "samenvatting-besturen", kind="label")


def _document(tmp_path: Path) -> t.Document:
    document = sample_document(tmp_path)
    first = document.sections[0]
    extra = replace(first, blocks=(*first.blocks, LABEL, KEY_VALUE))
    return replace(document, sections=(extra, *document.sections[1:]))


def test_sample_with_labels_and_a_key_value_table_passes(tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    write_docx(_document(tmp_path), out)
    assert docx_problems(out) == []
    assert (2, LABEL.text) in docx_headings(out)


def test_a_label_heading_has_its_level_and_the_label_look(tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    write_docx(_document(tmp_path), out)
    body = part(out, "word/document.xml")
    (p,) = [p for p in body.iter(f"{{{NS['w']}}}p")
            if "".join(p.itertext()) == LABEL.text]
    assert p.find("w:pPr/w:pStyle", NS).get(f"{{{NS['w']}}}val") == "Heading2Label"
    styles = part(out, "word/styles.xml")

    def style(style_id: str) -> object:
        (found,) = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        return found

    label, h4 = style("Heading2Label"), style("Heading4")
    assert label.find("w:basedOn", NS).get(f"{{{NS['w']}}}val") == "Heading2"
    assert label.find("w:pPr/w:outlineLvl", NS).get(f"{{{NS['w']}}}val") == "1"
    for look in ("w:rPr/w:sz", "w:rPr/w:color", "w:rPr/w:b"):
        assert label.find(look, NS).attrib == h4.find(look, NS).attrib, look
    for side in ("before", "after"):
        attribute = f"{{{NS['w']}}}{side}"
        assert (label.find("w:pPr/w:spacing", NS).get(attribute)
                == h4.find("w:pPr/w:spacing", NS).get(attribute))


def test_key_value_table_marks_its_first_column_as_header(tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    write_docx(_document(tmp_path), out)
    body = part(out, "word/document.xml")
    tables = [tb for tb in body.findall(".//w:tbl", NS)  # without the cover's layout band
              if tb.find("w:tblPr/w:tblCaption", NS).get(f"{{{NS['w']}}}val") != "Omslag"]
    kv = next(tb for tb in tables
              if tb.find("w:tblPr/w:tblCaption", NS).get(f"{{{NS['w']}}}val")
              == KEY_VALUE.caption)
    look = kv.find("w:tblPr/w:tblLook", NS)
    assert (look.get(f"{{{NS['w']}}}firstRow"), look.get(f"{{{NS['w']}}}firstColumn")) == (
        "0", "1")
    assert kv.find("w:tr/w:trPr/w:tblHeader", NS) is None
    first, second = kv.findall("w:tr/w:tc", NS)
    assert first.find("w:tcPr/w:cnfStyle", NS).get(f"{{{NS['w']}}}firstColumn") == "1"
    assert second.find("w:tcPr/w:cnfStyle", NS) is None
    others = [tb for tb in tables if tb is not kv]
    assert others and all(tb.find("w:tr/w:trPr/w:tblHeader", NS) is not None for tb in others)


def test_an_english_reference_document_still_writes_dutch_styles(tmp_path: Path) -> None:
    reference = tmp_path / "reference.docx"
    with zipfile.ZipFile(template_path("docx/reference.docx")) as source, \
            zipfile.ZipFile(reference, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace(b'w:val="nl-NL"', b'w:val="en-US"')
                assert b"en-US" in data
            target.writestr(item, data)
    out = tmp_path / "a.docx"
    write_docx(_document(tmp_path), out, reference_docx=reference)
    assert docx_problems(out) == []
    assert b"en-US" not in zipfile.ZipFile(out).read("word/styles.xml")


def test_the_checker_finds_a_skip_a_bare_table_and_missing_alt(tmp_path: Path) -> None:
    document = sample_document(tmp_path)
    skip = t.Heading(3, "Te diep", "te-diep")
    bare = replace(KEY_VALUE, header_rows=(), anchor="tabel-kaal")
    first = document.sections[0]
    broken = replace(document, sections=(
        replace(first, blocks=(*first.blocks, skip, bare)), *document.sections[1:]))
    out = tmp_path / "b.docx"
    write_docx(broken, out)
    assert any("'Te diep' at level 3 follows level 1" in p for p in docx_problems(out))
    unmarked = tmp_path / "c.docx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(unmarked, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b'w:firstColumn="1"', b'w:firstColumn="0"')
                data = data.replace(b'descr="', b'descr="" x="')
            target.writestr(item, data)
    found = docx_problems(unmarked)
    assert any("neither a header row nor a header column" in p for p in found)
    assert any("no alt text" in p for p in found)
