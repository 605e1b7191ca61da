"""Pieces of the DOCX writer: bookmarks, page estimate, footnote numbering, house style."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import docx
import pytest
from PIL import Image

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.resources import template_path
from standgen.write.docx import write_docx
from standgen.write.docx.bookmarks import Bookmarks, sanitise
from standgen.write.docx.document import REFERENCE
from standgen.write.docx.pagination import estimate_pages, text_height
from standgen.write.docx.readback import read_docx_structure
from standgen.write.docx.styles import HEADING, PARAGRAPH, STYLE, TOC_LEVEL, HouseStyle
from tests.unit.write.test_docx_support import NS, part

META = t.Metadata("Titel", "Onderwerp", "Auteur", "nl-NL", dt.datetime(2026, 1, 2, 3, 4, 5))
COVER = t.Cover("Titel", "Ministerie", "Openbare versie", "Voorjaar 2026")


def _doc(*sections: t.DocSection, toc: t.TableOfContents | None = None) -> t.Document:
    return t.Document(META, COVER, toc, sections)


def _para(text: str, *extra: t.Inline) -> t.Paragraph:
    return t.Paragraph((t.Text(text), *extra))


def test_sanitise_follows_word_bookmark_rules() -> None:
    name = sanitise("3-évaluatie van de materiële gereedheid in het jaar 2025 en verder")
    assert len(name) <= 40 and name[0].isalpha()
    assert all(c.isalnum() or c == "_" for c in name) and name.isascii()
    assert "evaluatie" in name


def test_bookmark_names_are_unique_and_stable() -> None:
    marks = Bookmarks()
    long = "a" * 60
    first, second = marks.name(long + "-x"), marks.name(long + "-y")
    assert first != second and len(second) <= 40
    assert marks.name(long + "-x") == first
    assert marks.name("h.2") != marks.name("h-2")


def test_text_height_grows_with_length() -> None:
    assert text_height("kort", 9.5, 450) == pytest.approx(1.2 * 9.5)
    assert text_height("x" * 1000, 9.5, 450) > 10 * 1.2 * 9.5


def test_page_estimate_counts_sections_and_breaks() -> None:
    long = tuple(_para("woord " * 200) for _ in range(12))
    first = t.DocSection("Een", (t.Heading(1, "Een", "een"), *long, t.Heading(2, "Laat", "laat")))
    second = t.DocSection("Twee", (t.Heading(1, "Twee", "twee"), t.PageBreak(),
                                   _para("na"), t.Heading(2, "Daarna", "daarna"),
                                   t.PageBreak()))
    toc = t.TableOfContents("Inhoud", (t.TocEntry(1, "Een", "een"),))
    pages = estimate_pages(_doc(first, second, toc=toc), 453.5, 700.0)
    assert pages.toc_page == 2 and pages.section_pages[0] == 3
    assert pages.anchor_pages["een"] == 3
    assert pages.anchor_pages["laat"] > 3
    assert pages.section_pages[1] == pages.anchor_pages["laat"] + 1
    assert pages.anchor_pages["daarna"] == pages.section_pages[1] + 1
    assert pages.total_pages == pages.anchor_pages["daarna"]


def test_cached_toc_pages_follow_the_estimate(tmp_path: Path) -> None:
    long = tuple(_para("woord " * 200) for _ in range(12))
    first = t.DocSection("Een", (t.Heading(1, "Een", "een"), *long))
    second = t.DocSection("Twee", (t.Heading(1, "Twee", "twee"),))
    toc = t.TableOfContents("Inhoud", (t.TocEntry(1, "Een", "een"),
                                       t.TocEntry(1, "Twee", "twee")))
    document = _doc(first, second, toc=toc)
    pages = estimate_pages(document, 453.5, 700.0)
    write_docx(document, tmp_path / "p.docx")
    outline = read_docx_structure(tmp_path / "p.docx")
    assert f"{{PAGEREF twee \\h|{pages.anchor_pages['twee']}}}" in outline
    assert pages.anchor_pages["twee"] >= 5


def test_footnote_numbers_follow_the_tree(tmp_path: Path) -> None:
    note = t.FootnoteRef(4, (t.Text("Vierde"),))
    again = t.FootnoteRef(4, (t.Text("Vierde"),))
    first = t.FootnoteRef(1, (t.Text("Eerste"),))
    section = t.DocSection("S", (_para("a", first), _para("b", note), _para("c", again)))
    write_docx(_doc(section), tmp_path / "f.docx")
    outline = read_docx_structure(tmp_path / "f.docx")
    assert "a[^1]" in outline and "b[^4]" in outline and "c[^4]" in outline
    assert "  [1] Eerste" in outline and "  [4] Vierde" in outline
    notes = part(tmp_path / "f.docx", "word/footnotes.xml")
    assert len(notes.xpath("//w:footnote[@w:id>0]", namespaces=NS)) == 2
    doc = part(tmp_path / "f.docx", "word/document.xml")
    assert doc.xpath("//w:footnoteReference/@w:customMarkFollows", namespaces=NS) == ["1"]


def test_ordered_lists_restart(tmp_path: Path) -> None:
    items = ((t.Text("een"),), (t.Text("twee"),))
    section = t.DocSection("S", (t.ListBlock(items, ordered=True),
                                 t.ListBlock(items, ordered=True)))
    write_docx(_doc(section), tmp_path / "l.docx")
    doc = part(tmp_path / "l.docx", "word/document.xml")
    num_ids = doc.xpath("//w:numPr/w:numId/@w:val", namespaces=NS)
    assert len(num_ids) == 4 and num_ids[0] != num_ids[2]
    numbering = part(tmp_path / "l.docx", "word/numbering.xml")
    for num_id in set(num_ids):
        assert numbering.xpath(f"//w:num[@w:numId='{num_id}']//w:startOverride/@w:val",
                               namespaces=NS) == ["1"]


def test_missing_raster_is_a_build_error(tmp_path: Path) -> None:
    figure = t.Figure("Grafiek", "Alt", "chart", raster_path=tmp_path / "missing.png")
    with pytest.raises(BuildError, match=r"missing\.png"):
        write_docx(_doc(t.DocSection("S", (figure,))), tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_reference_defines_every_mapped_style() -> None:
    document = docx.Document(str(template_path(REFERENCE)))
    ids = {s.style_id for s in document.styles}
    wanted = {*HEADING.values(), *TOC_LEVEL.values(), *PARAGRAPH.values(),
              *(getattr(STYLE, f.name) for f in dataclasses.fields(STYLE))}
    assert wanted <= ids
    normal = document.styles["Normal"]
    assert normal.font.name == "Liberation Sans"
    assert normal.font.size is not None and 9.5 <= normal.font.size.pt <= 10
    assert str(document.styles["Heading 2"].font.color.rgb) == "154273"
    band = document.styles["Heading 1"].element.xpath("w:pPr/w:shd/@w:fill")
    assert band == ["154273"]  # the default theme's chapter opener: a logoblauw band
    section = document.sections[0]
    assert section.page_width is not None and round(section.page_width.cm, 1) == 21.0
    assert section.left_margin is not None and round(section.left_margin.cm, 1) == 2.5


def test_user_reference_without_house_styles(tmp_path: Path) -> None:
    own = tmp_path / "own.docx"
    docx.Document().save(str(own))
    section = t.DocSection("S", (t.Heading(1, "Kop", "kop"),
                                 t.Paragraph((t.Text("Doelstelling"),), "label")))
    write_docx(_doc(section), tmp_path / "o.docx", reference_docx=own)
    document = docx.Document(str(tmp_path / "o.docx"))
    assert {"Label", "FootnoteText", "HouseTable"} <= {s.style_id for s in document.styles}
    assert [p.style.name for p in document.paragraphs if p.text == "Doelstelling"] == ["Label"]
    assert document.core_properties.author == "Auteur"


def test_group_and_subtotal_rows_and_figure_data_table(tmp_path: Path) -> None:
    def row(label: str, value: str, role: t.RowRole = "data") -> t.TableRow:
        return t.TableRow((t.Cell((t.Text(label),)), t.Cell((t.Text(value),), "right")), role)

    data = t.Table("Gegevens bij figuur", (row("Jaar", "Waarde"),),
                   (row("Land", "", "group"), row("2024", "53,9"),
                    row("Subtotaal", "53,9", "subtotal")), (0.6, 0.4))
    image = tmp_path / "pixel.png"
    Image.new("RGB", (20, 10), "white").save(image)
    figure = t.Figure("Grafiek", "Alt-tekst", "chart", raster_path=image, width_cm=4,
                      data_table=data, number=1, anchor="fig")
    cover = dataclasses.replace(COVER, classification_lines=("Dep. VERTROUWELIJK", "Tot 2030"))
    document = dataclasses.replace(_doc(t.DocSection("S", (figure,))), cover=cover)
    write_docx(document, tmp_path / "g.docx")
    lines = read_docx_structure(tmp_path / "g.docx").splitlines()
    caption = lines.index("  [Caption] {#fig}Figuur {SEQ Figuur \\* ARABIC|1} – Grafiek")
    assert "[image title='Grafiek' descr='Alt-tekst']" in lines[caption - 1]
    assert lines[caption + 1] == "  [Caption] Gegevens bij figuur"
    assert "    row(italic,shaded): Land | " in lines
    assert "    row(bold,rule-above): Subtotaal | 53,9" in lines
    # the cover's classification panel stands in the cover's footer, at the page foot
    assert "  footer(default): Dep. VERTROUWELIJK // Tot 2030" in lines


def test_page_breaks_before_paragraph_table_and_section_end(tmp_path: Path) -> None:
    table = t.Table("", (), (t.TableRow((t.Cell((t.Text("cel"),)),)),), (1.0,))
    first = t.DocSection("A", (_para("een"), t.PageBreak(), _para("twee"), t.PageBreak(),
                               table, t.PageBreak()))
    second = t.DocSection("B", (_para("drie"),))
    write_docx(_doc(first, second), tmp_path / "b.docx")
    lines = read_docx_structure(tmp_path / "b.docx").splitlines()
    assert "  [Normal] <page>twee" in lines
    assert lines[lines.index("  [Normal] <page>twee") + 1] == "  [Normal] <page>"
    assert "  [Normal] <page>drie" not in lines and "  [Normal] drie" in lines
    doc = part(tmp_path / "b.docx", "word/document.xml")
    assert len(doc.xpath("//w:br[@w:type='page']", namespaces=NS)) == 1


def _make_reference_module() -> ModuleType:
    script = Path(__file__).resolve().parents[3] / "templates" / "docx" / "make_reference.py"
    spec = importlib.util.spec_from_file_location("make_reference", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_reference_is_what_the_script_builds() -> None:
    module = _make_reference_module()
    built = module.build_reference(HouseStyle())
    assert built == module.build_reference(HouseStyle())
    assert built == template_path(REFERENCE).read_bytes(), (
        "templates/docx/reference.docx is stale: run python templates/docx/make_reference.py")


def test_reference_font_is_configurable(tmp_path: Path) -> None:
    module = _make_reference_module()
    own = tmp_path / "fira.docx"
    own.write_bytes(module.build_reference(HouseStyle(font="Fira Sans")))
    assert docx.Document(str(own)).styles["Normal"].font.name == "Fira Sans"
    section = t.DocSection("S", (_para("tekst"),))
    write_docx(_doc(section), tmp_path / "f.docx", reference_docx=own)
    styles = part(tmp_path / "f.docx", "word/styles.xml")
    house = {*HEADING.values(), *PARAGRAPH.values(), STYLE.table, STYLE.footnote_text}
    fonts = {f for style_id in house for f in styles.xpath(
        f"//w:style[@w:styleId='{style_id}']/w:rPr/w:rFonts/@w:ascii", namespaces=NS)}
    assert fonts == {"Fira Sans"}
    assert styles.xpath("//w:docDefaults//w:rFonts/@w:ascii", namespaces=NS) == ["Fira Sans"]


def test_internal_links_point_at_heading_bookmarks(tmp_path: Path) -> None:
    link = t.Link("#h-2.1", (t.Text("paragraaf 2.1"),))
    note = t.FootnoteRef(1, (t.Text("Zie "), t.Link("#h-2.1", (t.Text("hier"),))))
    section = t.DocSection("S", (_para("Zie ", link, note), t.Heading(2, "Kop", "h-2.1")))
    write_docx(_doc(section), tmp_path / "i.docx")
    outline = read_docx_structure(tmp_path / "i.docx")
    assert "[paragraaf 2.1](#h_2_1)" in outline and "{#h_2_1}Kop" in outline
    assert "  [1] Zie [hier](#h_2_1)" in outline


def test_control_characters_are_dropped_and_breaks_kept(tmp_path: Path) -> None:
    section = t.DocSection("S", (_para("a\x0bb\x00c\r\nd\te"),))
    write_docx(_doc(section), tmp_path / "c.docx")
    assert "  [Normal] abc / d » e" in read_docx_structure(tmp_path / "c.docx").splitlines()


def test_localised_reference_styles_are_adopted(tmp_path: Path) -> None:
    dutch = docx.Document(str(template_path(REFERENCE)))
    root = dutch.styles.element
    for style in root.xpath("w:style[@w:styleId='Heading1']"):
        style.set(f"{{{NS['w']}}}styleId", "Kop1")
    for based in root.xpath("//w:basedOn[@w:val='Heading1']"):
        based.set(f"{{{NS['w']}}}val", "Kop1")
    own = tmp_path / "nl.docx"
    dutch.save(str(own))
    section = t.DocSection("S", (t.Heading(1, "Kop", "kop"),))
    write_docx(_doc(section), tmp_path / "n.docx", reference_docx=own)
    styles = part(tmp_path / "n.docx", "word/styles.xml")
    assert styles.xpath("count(//w:style[w:name/@w:val='heading 1'])", namespaces=NS) == 1
    assert styles.xpath("//w:style[w:name/@w:val='heading 1']/@w:styleId",
                        namespaces=NS) == ["Heading1"]
    document = docx.Document(str(tmp_path / "n.docx"))
    assert [p.style.name for p in document.paragraphs if p.text == "Kop"] == ["Heading 1"]


def test_missing_styles_take_the_reference_font(tmp_path: Path) -> None:
    own = tmp_path / "own.docx"
    plain = docx.Document()
    plain.styles["Normal"].font.name = "Verdana"
    plain.save(str(own))
    section = t.DocSection("S", (t.Paragraph((t.Text("n"),), "note"),))
    write_docx(_doc(section), tmp_path / "v.docx", reference_docx=own)
    styles = part(tmp_path / "v.docx", "word/styles.xml")
    assert styles.xpath("//w:style[@w:styleId='Note']/w:rPr/w:rFonts/@w:ascii",
                        namespaces=NS) == ["Verdana"]


def test_unreadable_raster_is_a_build_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"dit is geen plaatje\n")
    figure = t.Figure("Grafiek", "Alt", "chart", raster_path=fake)
    with pytest.raises(BuildError, match=r"fake\.png is not a usable PNG or JPEG"):
        write_docx(_doc(t.DocSection("S", (figure,))), tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()
