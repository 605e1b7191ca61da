"""`standgen validate` composes every edition in memory, so that a template error the
build would meet is reported first, at the same place and in the same words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standgen.cli import main
from tests.unit.load.support import run_validate

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example"
FIELD = "chapters[0].sections[0].topics[0].blocks[3].text"
MESSAGE = ("template error: table 'instroom' has no column '2026'; its columns are 2021, "
           "2022, 2023, 2024, 2025")


def _broken_example(tmp_path: Path, old: str, new: str) -> Path:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    chapter = copy / "hoofdstuk-1.yaml"
    text = chapter.read_text(encoding="utf-8")
    assert old in text
    chapter.write_text(text.replace(old, new), encoding="utf-8")
    return copy / "report.yaml"


def _listing(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_wrong_column_key_is_found_by_validate_as_by_build(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = _broken_example(tmp_path, "4.500 mensen",
                             "{{ waarde('instroom', 'realisatie', 2026) }} mensen")
    before = _listing(report.parent)
    outcome = run_validate(capsys, report)
    assert outcome.code == 1
    found = outcome.find("hoofdstuk-1.yaml", 47, FIELD)
    assert found.message == MESSAGE
    assert _listing(report.parent) == before  # nothing written beside the sources
    out = tmp_path / "out"
    assert main(["build", str(report), "--out", str(out), "--jobs", "1"]) == 2
    assert f"hoofdstuk-1.yaml:47: {FIELD}: error: {MESSAGE}" in capsys.readouterr().err
    assert not out.exists()


def test_template_error_in_a_confidential_part_only(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    """A text that only the confidential editions print is rendered too."""
    report = _broken_example(tmp_path, "4.500 mensen",
                             "{{ waarde('instroom', 'realisatie', 2026) }} mensen")
    chapter = report.parent / "hoofdstuk-1.yaml"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("          - toelichting: |\n              In 2025",
                                    "          - toelichting:\n              rubricering: "
                                    "dep-vertrouwelijk\n              text: |\n"
                                    "                In 2025", 1), encoding="utf-8")
    assert "rubricering: dep-vertrouwelijk" in chapter.read_text(encoding="utf-8")
    outcome = run_validate(capsys, report)
    assert outcome.code == 1
    assert any(p.message == MESSAGE for p in outcome.problems), outcome.stderr


def test_markdown_refusal_is_reported_once_for_three_editions(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = _broken_example(tmp_path, "4.500 mensen in,", "4.500 mensen <b>in</b>,")
    outcome = run_validate(capsys, report)
    assert outcome.code == 1
    assert [p.line for p in outcome.problems if p.severity == "error"] == [48]


def test_template_overrides_are_rendered_too(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    overrides = tmp_path / "templates"
    (overrides / "text").mkdir(parents=True)
    (overrides / "text" / "nl.yaml").write_text("labels:\n  inhoud: \"{{ onbekend }}\"\n",
                                               encoding="utf-8")
    report = EXAMPLE / "report.yaml"
    assert run_validate(capsys, report).code == 0
    outcome = run_validate(capsys, report, "--templates", str(overrides))
    assert outcome.code == 1
    (problem,) = outcome.problems
    assert (Path(problem.file).name, problem.field) == ("nl.yaml", "labels.inhoud")
    assert problem.message.startswith("unknown name in template: 'onbekend' is undefined")
