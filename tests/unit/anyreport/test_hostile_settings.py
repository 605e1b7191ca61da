"""Hurried authors' settings: located errors, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.cli import main
from tests.unit.anyreport.support import write_report


@pytest.mark.parametrize(("settings", "field"), [
    ({"templates": "sjablonen-die-er-niet-zijn"}, "settings.templates"),
    ({"page_policy": {"sections": True}}, "settings.page_policy.sections"),
    ({"numbering": {"bijlagen": "greek"}}, "settings.numbering.bijlagen"),
])
def test_bad_settings_are_located_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: dict[str, object],
        field: str) -> None:
    source = write_report(tmp_path, settings=settings)
    out = tmp_path / "out"
    code = main(["build", str(source), "--out", str(out), "--format", "pdf", "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 2
    assert "report.yaml:" in err and field in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_the_templates_folder_of_the_report_is_used_and_the_command_line_wins(
        tmp_path: Path) -> None:
    for name, footer in (("eigen", "EIGEN"), ("cli", "CLI")):
        (tmp_path / name / "text").mkdir(parents=True)
        (tmp_path / name / "text" / "nl.yaml").write_text(
            f'titles:\n  file_name: "{footer} {{{{ period }}}}"\n', encoding="utf-8")
    source = write_report(tmp_path, settings={"templates": "eigen"})
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--format", "md", "--jobs", "1"]) == 0
    assert [p.name for p in out.iterdir()] == ["eigen-2025-openbare-versie.md"]
    assert main(["build", str(source), "--out", str(out), "--format", "md", "--jobs", "1",
                 "--templates", str(tmp_path / "cli")]) == 0
    assert "cli-2025-openbare-versie.md" in [p.name for p in out.iterdir()]


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def test_new_page_on_the_command_line_overrides_the_report(tmp_path: Path) -> None:
    source = write_report(tmp_path)
    plain, broken = tmp_path / "plain", tmp_path / "broken"
    assert main(["build", str(source), "--out", str(plain), "--format", "pdf", "--jobs",
                 "1"]) == 0
    assert main(["build", str(source), "--out", str(broken), "--format", "pdf", "--jobs", "1",
                 "--new-page", "chapter", "--new-page", "section"]) == 0
    name = "monitor-proefregeling-2025-openbare-versie.pdf"
    assert _pages(broken / name) == _pages(plain / name) + 2  # one per section
