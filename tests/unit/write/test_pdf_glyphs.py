"""The glyph check: every printed character must be in the font, or the build stops."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.pdf import FontSet, check_glyphs, default_fonts, write_pdf
from tests.sample_tree import sample_document
from tests.unit.write.test_pdf_support import base_document


def _with_paragraph(text: str) -> t.Document:
    section = t.DocSection("Kop", (t.Heading(1, "Kop", "kop", in_toc=True),
                                   t.Paragraph((t.Text(text),))))
    return base_document((section,))


def test_sample_has_every_glyph(tmp_path: Path) -> None:
    assert check_glyphs(sample_document(tmp_path), default_fonts()) == []


def test_snowman_is_reported_with_code_point_and_place() -> None:
    problems = check_glyphs(_with_paragraph("Winter ☃ komt"))
    assert len(problems) == 1
    assert "U+2603" in problems[0] and "'☃'" in problems[0]
    assert "section 1" in problems[0] and "block 2 (Paragraph)" in problems[0]


def test_cjk_in_table_cell_names_the_cell() -> None:
    table = t.Table("Tabel", (), (t.TableRow((t.Cell((t.Text("漢"),)),)),), (1.0,))
    doc = base_document((t.DocSection("Kop", (table,)),))
    problems = check_glyphs(doc)
    assert any("U+6F22" in p and "row 1, cell 1" in p for p in problems)


def test_missing_glyph_in_footnote_and_marking() -> None:
    note = t.FootnoteRef(1, (t.Text("noot ✓"),))
    doc = base_document((t.DocSection("Kop", (t.Paragraph((t.Text("a"), note)),)),),
                        marking=t.Marking("GEHEIM ★"))
    problems = "\n".join(check_glyphs(doc))
    assert "U+2713" in problems and "footnote 1" in problems
    assert "U+2605" in problems and "marking" in problems


def test_write_raises_build_error_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    with pytest.raises(BuildError, match="U\\+2603"):
        write_pdf(_with_paragraph("☃"), target)
    assert list(tmp_path.iterdir()) == []


def test_missing_font_file_is_a_build_error(tmp_path: Path) -> None:
    fonts = dataclasses.replace(default_fonts(), bold=tmp_path / "absent.ttf")
    with pytest.raises(BuildError, match=r"absent\.ttf"):
        write_pdf(_with_paragraph("a"), tmp_path / "out.pdf", fonts=fonts)


def test_other_font_set_is_used(tmp_path: Path) -> None:
    base = default_fonts()
    fonts = FontSet(base.bold, base.bold, base.bold_italic, base.bold_italic, name="AllBold")
    path = tmp_path / "bold.pdf"
    write_pdf(_with_paragraph("Alles vet"), path, fonts=fonts)
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    names = [line.split()[0] for line in listing]
    assert names and all("Bold" in name for name in names)
