"""A hurried author's wrong paths: a missing templates folder, a chapter file given as the
report, an SVG image; each refused once, with a message that says what to give instead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standgen.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example"


@pytest.mark.parametrize("command", ["build", "validate", "dump"])
@pytest.mark.parametrize("kind", ["missing", "file"])
def test_a_templates_option_that_is_no_folder_is_refused(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, kind: str) -> None:
    given = tmp_path / "sjablonen"
    if kind == "file":
        given.write_text("labels: {}\n", encoding="utf-8")
    out = tmp_path / "out"
    extra = ["--out", str(out)] if command == "build" else []
    code = main([command, str(EXAMPLE), "--templates", str(given), *extra])
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert f"{given}: --templates: error: templates folder {given}" in err
    assert ("is a file, not a folder" if kind == "file" else "does not exist") in err
    assert not out.exists()


def test_changes_refuses_a_missing_templates_folder(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    report = str(EXAMPLE / "report.yaml")
    assert main(["changes", report, report, "--templates", str(tmp_path / "x")]) == 2
    assert "--templates: error: templates folder" in capsys.readouterr().err


def test_a_chapter_file_given_as_the_report_says_so(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLE / "hoofdstuk-1.yaml"), "--out", str(out)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert "this is a chapter file" in lines[0]
    assert f"give the folder or {EXAMPLE / 'report.yaml'}" in lines[0]
    assert "- include: hoofdstuk-1.yaml" in lines[0]
    assert not out.exists()


def test_a_part_file_given_as_the_report_says_so(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    part = tmp_path / "voorwoord.yaml"
    part.write_text("blocks:\n  - text: Welkom.\n", encoding="utf-8")
    assert main(["validate", str(part)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "this is a part or topic file" in err[0]
    assert "{include: voorwoord.yaml}" in err[0]


def test_an_svg_image_is_refused_once(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    (copy / "data" / "kaart.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>",
                                             encoding="utf-8")
    chapter = copy / "hoofdstuk-1.yaml"
    text = chapter.read_text(encoding="utf-8")
    old = "        blocks:\n"
    assert old in text
    chapter.write_text(text.replace(old, old + "          - figure: {id: kaart, title: Kaart, "
                                    "image: data/kaart.svg, alt: Kaart}\n", 1),
                       encoding="utf-8")
    assert main(["validate", str(copy)]) == 1
    err = capsys.readouterr().err
    assert err.count("kaart.svg") == 1, err
    assert "is SVG" in err
