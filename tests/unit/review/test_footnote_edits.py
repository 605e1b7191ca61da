"""A tracked edit in a footnote maps back to the footnote's text in the YAML."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from standgen.cli import main
from tests.acceptance.test_review_roundtrip import _through_libreoffice

EXAMPLE = Path(__file__).resolve().parents[3] / "fixtures" / "example"
DELETION = ('</w:t></w:r><w:del w:id="901" w:author="R" w:date="2026-06-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve">verzonnen </w:delText></w:r></w:del>'
            '<w:r><w:t xml:space="preserve">')


@pytest.mark.parametrize("libreoffice", [False, True], ids=["word", "libreoffice"])
def test_a_deletion_in_a_footnote_is_applied_to_the_footnote_text(
        tmp_path: Path, libreoffice: bool, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bron"
    shutil.copytree(EXAMPLE, source)
    out = tmp_path / "uit"
    assert main(["build", str(source / "report.yaml"), "--out", str(out), "--format",
                 "docx", "--jobs", "1"]) == 0
    built = next(out.glob("*.docx"))
    with zipfile.ZipFile(built) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    notes = members["word/footnotes.xml"].decode()
    assert notes.count("Bron: verzonnen personeels") == 1
    members["word/footnotes.xml"] = notes.replace(
        "Bron: verzonnen personeels", f"Bron: {DELETION}personeels").encode()
    edited = tmp_path / "bewerkt.docx"
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    if libreoffice:
        edited = _through_libreoffice(edited, tmp_path / "lo")
    capsys.readouterr()
    chapter = source / "hoofdstuk-1.yaml"
    line = next(n for n, text in enumerate(chapter.read_text().splitlines(), 1)
                if "bron-instroom, text:" in text)
    code = main(["review", str(edited), "--source", str(source / "report.yaml"), "--apply"])
    printed = capsys.readouterr().out
    assert code == 1
    assert f"hoofdstuk-1.yaml:{line}: deletion by R" in printed
    assert f"applied: hoofdstuk-1.yaml:{line}: deletion" in printed
    assert 'text: "Bron: personeelsadministratie, peildatum' in chapter.read_text()
