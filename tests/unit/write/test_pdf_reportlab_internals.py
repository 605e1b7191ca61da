"""The reportlab internals the tagged PDF relies on. When an upgrade changes one of them,
these fail by name, before a PDF quietly loses its tags or its conformance."""

from __future__ import annotations

import inspect

import reportlab
from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Paragraph, Table
from reportlab.platypus.flowables import Flowable

from standgen.write.pdf.tagging.streams import conformant_streams


def test_reportlab_major_version_is_the_pinned_one() -> None:
    assert reportlab.Version.split(".")[0] == "5"


def test_page_and_catalog_write_the_keys_their_lists_name() -> None:
    assert isinstance(pdfdoc.PDFPage.__NoDefault__, list)
    for key in ("StructTreeRoot", "MarkInfo", "Metadata", "Lang"):
        assert key in pdfdoc.PDFCatalog.__NoDefault__ or key in pdfdoc.PDFCatalog.__Defaults__
    assert "self.__NoDefault__" in inspect.getsource(pdfdoc.PDFCatalog.format)


def test_canvas_hooks_exist_with_the_used_signatures() -> None:
    assert list(inspect.signature(Canvas._addAnnotation).parameters) == [
        "self", "annotation", "name", "addtopage"]
    assert "self._addAnnotation(" in inspect.getsource(Canvas.linkRect)
    assert "self._addAnnotation(" in inspect.getsource(Canvas.linkURL)
    assert "self._doc.addPage(page)" in inspect.getsource(Canvas.showPage)
    assert hasattr(Canvas, "addLiteral")
    assert pdfdoc.PDFDocument().thisPageName() == "Page1"
    assert pdfdoc.PDFDocument().annotationName("x") == "Annot.x"


def test_stream_and_cmap_layout_the_build_settings_rewrite() -> None:
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({}), b"abc", filters=[])
    doc = pdfdoc.PDFDocument()
    assert stream.format(doc).endswith(b"abcendstream\n")
    with conformant_streams():
        assert stream.format(doc).endswith(b"abc\r\nendstream\n")
        cmap = ttfonts.makeToUnicodeCMap("X", [0, 65])
    assert "1 beginbfchar" in cmap and "<01> <0041>" in cmap and "<00> <0000>" not in cmap
    assert "<00> <0000>" in ttfonts.makeToUnicodeCMap("X", [0, 65])


def test_flowable_internals_the_structure_walk_reads() -> None:
    style_para = Paragraph("a b", None)
    table = Table([[style_para]])
    assert table._cellvalues[0][0] is style_para
    assert ListItem([style_para])._flowables == [style_para]
    assert ListFlowable([style_para])._flowables[0] is style_para
    assert list(KeepTogether([style_para])._content) == [style_para]
    assert "self._drawOn(canvas)" in inspect.getsource(Flowable.drawOn)
    assert "self.__class__(" in inspect.getsource(Paragraph.split)  # parts keep our class


def test_plain_paragraph_lines_are_pairs_of_space_and_words() -> None:
    para = Paragraph("een twee drie vier vijf zes zeven acht negen tien", None)
    para.wrap(60, 1000)
    first = para.blPara.lines[0]
    assert isinstance(first, tuple) and isinstance(first[1], list)
    assert all(isinstance(word, str) for word in first[1])


def test_markup_paragraph_lines_hold_fragments_with_text_and_clone() -> None:
    para = Paragraph("<b>een</b> twee drie vier vijf zes zeven acht negen tien", None)
    para.wrap(60, 1000)
    last = para.blPara.lines[0].words[-1]
    assert isinstance(last.text, str) and last.clone(text="x").text == "x"


def test_list_content_pairs_each_item_with_its_bullet_drawer() -> None:
    para = Paragraph("item", None)
    (indenter,) = ListFlowable([ListItem([para])])._content
    assert indenter._flowable is para
    assert list(inspect.signature(indenter._bullet.drawOn).parameters)[:4] == [
        "indenter", "canv", "x", "y"]
