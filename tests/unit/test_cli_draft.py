"""The drafting workflow on the command line: new edition, concept build, refused final."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.cli import main
from tests.conftest import ROOT

EXAMPLE = ROOT / "fixtures" / "example" / "report.yaml"


def test_new_edition_builds_as_concept_and_is_refused_as_final(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "najaar"
    assert main(["new", "--from", str(EXAMPLE), "--period", "najaar 2026",
                 "--out", str(draft)]) == 0
    assert "values te leveren" in capsys.readouterr().out
    assert main(["validate", str(draft / "report.yaml"), "--strict"]) == 1
    refused = main(["build", str(draft / "report.yaml"), "--format", "md",
                    "--out", str(tmp_path / "final")])
    assert refused == 1
    err = capsys.readouterr().err
    assert "still missing" in err and "te leveren" in err
    assert not list((tmp_path / "final").glob("*.md"))
    assert main(["build", str(draft / "report.yaml"), "--format", "md", "--concept",
                 "--out", str(tmp_path / "concept")]) == 0
    (markdown,) = (tmp_path / "concept").glob("*.md")
    assert "**CONCEPT – " in markdown.read_text(encoding="utf-8")


def test_changes_between_identical_editions_is_empty(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changes", str(EXAMPLE), str(EXAMPLE)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no structural changes" in captured.err
