"""The tagged PDF: structure types, heading levels, link objects, metadata, and words kept
apart at line ends when the text is read through the tags."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from standgen.compose import tree as t
from standgen.write.pdf import render_pdf
from standgen.write.pdf.tagging.cmaps import plain_cmap
from standgen.write.pdf.tagging.structure import HeadingLevels
from tests.sample_tree import sample_document

LONG = ("Defensie werkt aan een krijgsmacht die sterker, slimmer en beter zichtbaar is, "
        "en die samen met bondgenoten klaarstaat wanneer het erop aankomt. ") * 6
ITEM = "een lijstitem dat lang genoeg is om over meer dan een regel door te lopen " * 3


def _struct(path: Path) -> str:
    return subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> tuple[t.Document, Path]:
    """The sample tree with a long paragraph, a long list item and a skipped heading level."""
    directory = tmp_path_factory.mktemp("tagged")
    doc = sample_document(directory)
    extra = (t.Heading(3, "Een te diepe kop", "diep"),
             t.Paragraph((t.Text(LONG[:200]), t.Text(LONG[200:300], bold=True),
                          t.Text(LONG[300:]))),
             t.ListBlock(((t.Text(ITEM),), (t.Text("kort"),))))
    first = doc.sections[0]
    sections = (dataclasses.replace(first, blocks=(*first.blocks[:1], *extra,
                                                   *first.blocks[1:])), *doc.sections[1:])
    doc = dataclasses.replace(doc, sections=sections)
    path = directory / "tagged.pdf"
    path.write_bytes(render_pdf(doc))
    return doc, path


def test_words_are_not_joined_across_line_breaks(tagged: tuple[t.Document, Path]) -> None:
    text = " ".join(_struct(tagged[1]).split())
    assert " ".join(LONG.split()) in text
    assert " ".join(ITEM.split()) in text


def test_heading_tags_never_skip_a_level(tagged: tuple[t.Document, Path]) -> None:
    kinds = re.findall(r"^\s*H(\d)\b", _struct(tagged[1]), re.MULTILINE)
    levels = [int(k) for k in kinds]
    assert levels and levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels))


def test_structure_has_the_expected_element_types(tagged: tuple[t.Document, Path]) -> None:
    tree = _struct(tagged[1])
    for kind in ("Document", "TOC", "TOCI", "Link", "Table", "TR", "TH", "TD", "Caption",
                 "Figure", "L", "LI", "Lbl", "LBody", "Note", "P"):
        assert re.search(rf"^\s*{kind}\b", tree, re.MULTILINE), kind
    assert "/Scope /Column" in tree


def test_figure_alt_text_and_links_are_tagged(tagged: tuple[t.Document, Path]) -> None:
    doc, path = tagged
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    alts = []
    stack = [root["/StructTreeRoot"]["/K"][0].get_object()]
    while stack:
        elem = stack.pop()
        if elem.get("/S") == "/Figure":
            alts.append(str(elem["/Alt"]))
        kids = [k.get_object() for k in elem.get("/K", []) if isinstance(k, IndirectObject)]
        stack += [k for k in kids if "/S" in k]
    figures = [b for s in doc.sections for b in s.blocks if isinstance(b, t.Figure)]
    assert sorted(alts) == sorted(f.alt_text for f in figures)
    for page in reader.pages:
        assert page["/Tabs"] == "/S"
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            assert isinstance(annot["/StructParent"], int)
            assert str(annot["/Contents"]).strip() and annot["/F"] == 4


def test_metadata_repeats_the_title_and_declares_ua_and_a(
        tagged: tuple[t.Document, Path]) -> None:
    doc, path = tagged
    reader = PdfReader(path)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert reader.metadata is not None and reader.metadata.title == doc.metadata.title
    assert f'<rdf:li xml:lang="x-default">{doc.metadata.title}</rdf:li>' in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "<xmp:CreateDate>2026-05-20T09:00:00</xmp:CreateDate>" in xmp
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"


def test_a_marked_document_carries_its_marking_in_the_metadata(tmp_path: Path) -> None:
    doc = sample_document(tmp_path, marking=t.Marking("DEP. VERTROUWELIJK"))
    doc = dataclasses.replace(doc, metadata=dataclasses.replace(
        doc.metadata, created=dt.datetime(2026, 5, 20, tzinfo=dt.UTC)))
    reader = PdfReader(_write(tmp_path, doc))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<standgen:rubricering>DEP. VERTROUWELIJK</standgen:rubricering>" in xmp
    assert "<xmp:CreateDate>2026-05-20T00:00:00+00:00</xmp:CreateDate>" in xmp
    content = reader.pages[1].get_contents()
    assert content is not None
    assert b"/Artifact <</Type /Pagination>> BDC" in content.get_data()


def _write(directory: Path, doc: t.Document) -> Path:
    path = directory / "marked.pdf"
    path.write_bytes(render_pdf(doc))
    return path


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=30))
def test_heading_levels_start_at_one_and_never_skip(levels: list[int]) -> None:
    headings = HeadingLevels()
    tags = [int(headings.kind(level)[1:]) for level in levels]
    assert tags[0] == 1
    assert all(1 <= b <= min(a + 1, 6) for a, b in pairwise(tags))
    assert all(tag <= level for tag, level in zip(tags, levels, strict=True))


def test_plain_cmap_spells_out_ranges_as_single_codes() -> None:
    source = (b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <ffff>\n"
              b"endcodespacerange\n2 beginbfrange\n<0030> <0032> [<0030> <0031> <0032>]\n"
              b"<0041> <0042> <0061>\nendbfrange\nendcmap\n")
    out = plain_cmap(source).decode()
    pairs = re.findall(r"^<([0-9A-F]{4})> <([0-9A-F]{4})>$", out, re.MULTILINE)
    assert pairs[0] == ("0000", "FFFF")  # the code space
    assert pairs[1:] == [("0030", "0030"), ("0031", "0031"), ("0032", "0032"),
                     ("0041", "0061"), ("0042", "0062")]
    assert "<0000> <FFFF>" in out and "bfrange" not in out


def test_plain_cmap_leaves_an_unreadable_map_alone() -> None:
    assert plain_cmap(b"not a cmap") == b"not a cmap"


def test_plain_cmap_gives_a_simple_font_one_byte_codes() -> None:
    source = (b"1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n"
              b"1 beginbfchar\n<002e> <002e>\nendbfchar\n")
    out = plain_cmap(source, simple=True).decode()
    assert "<00> <FF>" in out and "<2E> <002E>" in out
