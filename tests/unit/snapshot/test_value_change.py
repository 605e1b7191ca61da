"""One value changed in the data: the diff names exactly that cell, in the report's terms."""

from __future__ import annotations

import pytest

from standgen.snapshot.cli import main
from tests.unit.snapshot.builds import Builds

CELL_LINE = ("1.1 Instroom en omvang, Plancijfer instroom 2022: 4.100 → 4.150 "
             "(Tabel 1{sep}Instroom (VTE'n){page})")


def _changes(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines[0].startswith("Changes ("), output
    return [line.strip() for line in lines[1:] if line.startswith("  ")]


def test_pdf_diff_reports_exactly_the_changed_cell(example_builds: Builds,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["diff", str(example_builds.original["pdf"]),
                   str(example_builds.changed["pdf"])])
    output = capsys.readouterr().out
    assert status == 1
    assert _changes(output) == [CELL_LINE.format(sep=" ", page=", p. 5"),
                                "pages whose text lines differ: 5"]
    assert "Other differences" not in output


def test_docx_diff_reports_the_cell_and_only_the_redrawn_chart(
        example_builds: Builds, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["diff", str(example_builds.original["docx"]),
                   str(example_builds.changed["docx"])])
    changes = _changes(capsys.readouterr().out)
    assert status == 1
    assert changes[0] == CELL_LINE.format(sep=" – ", page="")
    others = changes[1:]
    assert len(others) == 1
    assert others[0].startswith("1.1 Instroom en omvang, image 'Lijn van realisatie en plan")
    assert " redrawn: #" in others[0]


def test_same_artifact_is_no_change(example_builds: Builds,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    for path in example_builds.original.values():
        assert main(["diff", str(path), str(path)]) == 0
        assert capsys.readouterr().out == "no changes\n"


def test_page_images_mark_the_changed_page_only(example_builds: Builds, tmp_path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    images = tmp_path / "images"
    status = main(["diff", str(example_builds.original["pdf"]),
                   str(example_builds.changed["pdf"]), "--images", str(images)])
    assert status == 1
    assert sorted(p.name for p in images.iterdir()) == ["page-005.png"]
    assert "p. 5: " in capsys.readouterr().out


def test_bytes_only_difference_is_no_change(example_builds: Builds, tmp_path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader, PdfWriter

    resaved = tmp_path / "opnieuw-bewaard.pdf"
    PdfWriter(clone_from=PdfReader(example_builds.original["pdf"])).write(resaved)
    assert resaved.read_bytes() != example_builds.original["pdf"].read_bytes()
    assert main(["diff", str(example_builds.original["pdf"]), str(resaved)]) == 0
    assert "differ in bytes only" in capsys.readouterr().out
