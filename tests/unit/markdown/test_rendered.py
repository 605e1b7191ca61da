"""Every Markdown construct standgen renders reaches DOCX, PDF and Markdown with its
structure: list levels, quote style, table header row, rule, line breaks, emphasis inside
each; HTML comments print nowhere. One row of docs/markdown.md per test."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from standgen.compose import richtext
from standgen.compose import tree as t
from standgen.write.markdown import _block
from tests.unit.markdown.support import CONSTRUCTS, NS, Built, build


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("conformance"), CONSTRUCTS)


def _paragraph(doc: etree._Element, words: str) -> etree._Element:
    """The one body paragraph whose text holds `words`."""
    found = [p for p in doc.iter(f"{{{NS['w']}}}p")
             if words in "".join(p.itertext())]
    assert len(found) == 1, words
    return found[0]


def _style(p: etree._Element) -> str | None:
    values = p.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)
    return str(values[0]) if values else None


def _italic_run(p: etree._Element, words: str) -> bool:
    return any(words in "".join(r.itertext()) and r.find("w:rPr/w:i", NS) is not None
               for r in p.iter(f"{{{NS['w']}}}r"))


def _bold_run(p: etree._Element, words: str) -> bool:
    return any(words in "".join(r.itertext()) and r.find("w:rPr/w:b", NS) is not None
               for r in p.iter(f"{{{NS['w']}}}r"))


def _in_order(text: str, *words: str) -> None:
    positions = [text.index(w) for w in words]
    assert positions == sorted(positions), (words, positions)


def _round_trip(source: str) -> None:
    """The Markdown writer's output of a text parses back to the same tree."""
    tree = richtext.blocks(source, _note)
    lines: list[str] = []
    for block in tree:
        lines += _block(block, {}, t.default_words())
    assert richtext.blocks("\n".join(lines), _note) == tree


def _note(ref: str) -> t.FootnoteRef | None:
    """Note 'bron' is number 1; the Markdown writer refers to it by its number."""
    return t.FootnoteRef(1, (t.Text("noot"),)) if ref in ("bron", "1") else None


# Inline constructs ---------------------------------------------------------------------


def test_inline_constructs_in_docx(built: Built) -> None:
    p = _paragraph(built.document_xml(), "Gewone tekst")
    assert _italic_run(p, "cursief") and _bold_run(p, "vet")
    vert = p.xpath(".//w:r[w:rPr/w:vertAlign]", namespaces=NS)
    assert {"".join(r.itertext()) for r in vert} >= {"e", "2"}
    assert p.xpath(".//w:hyperlink", namespaces=NS)
    text = "".join(p.itertext())
    assert "A & B én" in text and "code" in text and "`" not in text
    assert "regelval" in text and "noot." in text
    assert p.xpath(".//w:footnoteReference", namespaces=NS)


def test_inline_constructs_in_pdf(built: Built) -> None:
    text = built.pdf_text()
    assert "Gewone tekst met cursief, vet, code, 7e, CO2, een link" in text
    assert "A & B én een noot" in text and "A &amp; B" not in text


def test_inline_constructs_in_markdown(built: Built) -> None:
    md = built.markdown()
    assert "*cursief*, **vet**" in md and "7^e^, CO~2~" in md
    assert "[een link](https://www.defensie.nl)" in md and "A & B én" in md
    _round_trip(CONSTRUCTS["inline"])


def test_reference_links_and_mail_autolinks(built: Built) -> None:
    p = _paragraph(built.document_xml(), "Zie de verwijzing")
    assert len(p.xpath(".//w:hyperlink", namespaces=NS)) == 2
    with zipfile.ZipFile(built.docx) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert "https://www.defensie.nl/verwijzing" in rels and "mailto:info@defensie.nl" in rels
    text = built.pdf_text()
    assert "Zie de verwijzing en info@defensie.nl." in text and "[r]" not in text
    assert "[de verwijzing](https://www.defensie.nl/verwijzing)" in built.markdown()
    _round_trip(CONSTRUCTS["reference"])


def test_markup_that_opens_nothing_prints_as_written(built: Built) -> None:
    words = "Vertraagd** en 5 < 6 en 3 * 4 en a_b_c en &amp; letterlijk."
    assert words in "".join(_paragraph(built.document_xml(), "Vertraagd").itertext())
    assert words in built.pdf_text()
    assert "en \\&amp; letterlijk." in built.markdown()
    _round_trip(CONSTRUCTS["literal"])


def test_hard_breaks_in_every_writer(built: Built) -> None:
    p = _paragraph(built.document_xml(), "Regel alfa")
    assert len(p.xpath(".//w:br", namespaces=NS)) == 3
    _in_order(built.pdf_text(), "Regel alfa\nregel beta\nregel gamma\nregel delta")
    assert "Regel alfa\\\nregel beta\\\nregel gamma\\\nregel delta" in built.markdown()
    _round_trip(CONSTRUCTS["hardbreak"])


# Blocks --------------------------------------------------------------------------------


def test_quote_in_every_writer(built: Built) -> None:
    p = _paragraph(built.document_xml(), "citaat")
    assert _style(p) == "Quote"
    assert _bold_run(p, "paraatheid")
    assert "Een citaat over paraatheid in twee regels." in built.pdf_text()
    assert "> Een *citaat* over **paraatheid** in twee regels." in built.markdown()
    _round_trip(CONSTRUCTS["quote"])


def test_nested_lists_in_docx(built: Built) -> None:
    doc, numbering = built.document_xml(), built.numbering_xml()

    def level(words: str) -> tuple[int, str]:
        p = _paragraph(doc, words)
        ilvl = int(p.xpath("w:pPr/w:numPr/w:ilvl/@w:val", namespaces=NS)[0])
        num = p.xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)[0]
        abstract = numbering.xpath(f"w:num[@w:numId='{num}']/w:abstractNumId/@w:val",
                                   namespaces=NS)[0]
        fmt = numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract}']"
                              f"/w:lvl[@w:ilvl='{ilvl}']/w:numFmt/@w:val", namespaces=NS)[0]
        return ilvl, str(fmt)

    assert level("Eerste punt") == (0, "bullet")
    assert level("Genummerd een") == (1, "decimal")
    assert level("Genummerd twee") == (1, "decimal")
    assert level("Diep punt") == (2, "bullet")
    assert level("Tweede punt") == (0, "bullet")
    assert _italic_run(_paragraph(doc, "Eerste punt"), "nadruk")
    assert _bold_run(_paragraph(doc, "Diep punt"), "vet")


def test_ordered_list_keeps_its_start_in_docx(built: Built) -> None:
    doc, numbering = built.document_xml(), built.numbering_xml()
    num = _paragraph(doc, "Derde stap").xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)[0]
    start = numbering.xpath(f"w:num[@w:numId='{num}']/w:lvlOverride/w:startOverride/@w:val",
                            namespaces=NS)
    assert start == ["3"]


def test_nine_levels_in_every_writer(built: Built) -> None:
    doc = built.document_xml()
    for depth in range(9):
        p = _paragraph(doc, f"Niveau{depth} ")
        assert p.xpath("w:pPr/w:numPr/w:ilvl/@w:val", namespaces=NS) == [str(depth)]
        assert _italic_run(p, "schuin")
    _in_order(built.pdf_text(), *(f"Niveau{depth} schuin" for depth in range(9)))
    assert "  " * 8 + "- Niveau8 *schuin*" in built.markdown()
    _round_trip(CONSTRUCTS["deepest"])


def test_nested_lists_in_pdf(built: Built) -> None:
    _in_order(built.pdf_text(), "Eerste punt met nadruk", "1.\nGenummerd een",
              "2.\nGenummerd twee", "Diep punt vet", "Tweede punt", "3.\nDerde stap",
              "4.\nVierde stap")


def test_nested_lists_in_markdown(built: Built) -> None:
    assert ("- Eerste punt met *nadruk*\n  1. Genummerd een\n  2. Genummerd twee\n"
            "     - Diep punt **vet**\n- Tweede punt\n") in built.markdown()
    assert "3. Derde stap\n4. Vierde stap\n" in built.markdown()
    _round_trip(CONSTRUCTS["lists"])
    _round_trip(CONSTRUCTS["ordered"])


def test_table_in_every_writer(built: Built) -> None:
    doc = built.document_xml()
    (table,) = [tbl for tbl in doc.iter(f"{{{NS['w']}}}tbl")
                if "Onderdeel" in "".join(tbl.itertext())]
    rows = table.findall("w:tr", NS)
    assert len(rows) == 3
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert rows[1].find("w:trPr/w:tblHeader", NS) is None
    assert _italic_run(rows[1], "Marinetal")
    _in_order(built.pdf_text(), "Onderdeel", "Aantal", "Marinetal", "1.200", "Landmachttal")
    md = built.markdown()
    assert "| Onderdeel | Aantal |\n| --- | ---: |\n| *Marinetal* | 1.200 |" in md
    _round_trip(CONSTRUCTS["table"])


def test_rule_in_every_writer(built: Built) -> None:
    doc = built.document_xml()
    body = list(doc.iter(f"{{{NS['w']}}}p"))
    before = body.index(_paragraph(doc, "Voor de lijn"))
    assert _style(body[before + 1]) == "HorizontalRule"
    assert "".join(body[before + 1].itertext()) == ""
    assert "Na de lijn" in "".join(body[before + 2].itertext())
    _in_order(built.pdf_text(), "Voor de lijn.", "Na de lijn.")
    assert "Voor de lijn.\n\n* * *\n\nNa de lijn." in built.markdown()
    _round_trip(CONSTRUCTS["rule"])


def test_rule_is_drawn_in_pdf(tmp_path: Path) -> None:
    with_rule = build(tmp_path / "a", {"rule": CONSTRUCTS["rule"]})
    without = build(tmp_path / "b", {"rule": "Voor de lijn.\n\nNa de lijn."})
    assert _strokes(with_rule.pdf) == _strokes(without.pdf) + 1


def _strokes(pdf: Path) -> int:
    from pypdf import PdfReader

    count = 0
    for page in PdfReader(pdf).pages:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        count += data.count(b" l S") + data.count(b" l\nS")
    return count


def test_comments_print_nowhere(built: Built) -> None:
    for text in (built.all_docx_text(), built.pdf_text(), built.markdown()):
        assert "GEHEIMCOMMENTAAR" not in text and "BLOKCOMMENTAAR" not in text
        assert "<!--" not in text and "over twee regels" not in text
    assert "Zichtbaar woord." in built.pdf_text()
    assert "Zichtbaar woord.\n\nVerder zichtbaar." in built.markdown()
    assert "Zichtbaar woord." in "".join(_paragraph(built.document_xml(), "Zichtbaar")
                                         .itertext())
