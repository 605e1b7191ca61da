"""The PDF file itself: valid, fonts embedded, metadata, deterministic, written atomically."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.pdf import write_pdf
from tests.sample_tree import sample_document


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("pdf")
    path = directory / "sample.pdf"
    write_pdf(sample_document(directory), path)
    return path


def test_qpdf_check_passes(sample_pdf: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(sample_pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_every_font_is_embedded(sample_pdf: Path) -> None:
    lines = subprocess.run(["pdffonts", str(sample_pdf)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert any("LiberationSans" in line for line in lines)
    for line in lines:
        emb = line.split()[-5]
        assert emb == "yes", line


def test_metadata_and_language(sample_pdf: Path) -> None:
    reader = PdfReader(sample_pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Stand van Defensie voorjaar 2026"
    assert meta.author == "Ministerie van Defensie"
    assert meta.subject == "Openbare versie"
    assert meta["/Keywords"] == "Defensie"
    assert meta.creator == "standgen"
    assert meta.producer == "standgen PDF writer"
    assert meta["/CreationDate"].startswith("D:20260520090000")
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_chart_is_embedded_as_vector_form(sample_pdf: Path) -> None:
    reader = PdfReader(sample_pdf)
    kinds = []
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        kinds += [xobjects[name].get_object()["/Subtype"] for name in xobjects]
    assert "/Form" in kinds
    assert "/Image" not in kinds


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(doc, first)
    write_pdf(doc, second)
    assert first.read_bytes() == second.read_bytes()


def test_build_in_another_process_and_directory_is_identical(tmp_path: Path) -> None:
    here = tmp_path / "here"
    there = tmp_path / "there"
    here.mkdir()
    there.mkdir()
    write_pdf(sample_document(here), here / "sample.pdf")
    script = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
              "from tests.sample_tree import sample_document;"
              "from standgen.write.pdf import write_pdf;"
              "d = Path(sys.argv[1]); write_pdf(sample_document(d), d / 'sample.pdf')")
    root = Path(__file__).resolve().parents[3]
    env = dict(os.environ, PYTHONHASHSEED="123")
    subprocess.run([sys.executable, "-c", script, str(there), str(root)], check=True,
                   cwd=there, env=env)
    assert (here / "sample.pdf").read_bytes() == (there / "sample.pdf").read_bytes()


def test_failed_build_keeps_the_older_file(tmp_path: Path) -> None:
    doc = sample_document(tmp_path)
    target = tmp_path / "out.pdf"
    write_pdf(doc, target)
    before = target.read_bytes()
    chapter = doc.sections[1]
    broken_figure = t.Figure("Kapot", "kapot", "chart", vector_path=tmp_path / "missing.pdf")
    broken = dataclasses.replace(
        doc, sections=(doc.sections[0], dataclasses.replace(
            chapter, blocks=(*chapter.blocks, broken_figure))))
    with pytest.raises(BuildError, match=r"missing\.pdf"):
        write_pdf(broken, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart.pdf", "chart.png", "out.pdf"]
