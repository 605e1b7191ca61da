"""`standgen validate` on the example report and on broken input, in-process and as a process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.load.support import REPORT, chapter, run_validate, write

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example"


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "standgen", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT, env=env, timeout=120, check=False)


def test_example_is_clean_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_validate(capsys, EXAMPLE / "report.yaml", "--strict")
    assert outcome.code == 0
    assert outcome.problems == []
    assert "0 error(s), 0 warning(s)" in outcome.stderr


def test_example_folder_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate(capsys, EXAMPLE).code == 0


def test_example_is_clean_as_a_process() -> None:
    done = _run("validate", str(EXAMPLE / "report.yaml"), "--strict")
    assert done.returncode == 0, done.stderr
    assert "0 error(s), 0 warning(s)" in done.stderr
    assert "Traceback" not in done.stderr


def test_slip_in_a_copy_of_the_example_is_a_warning(tmp_path: Path) -> None:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    chapter_two = copy / "hoofdstuk-2.yaml"
    text = chapter_two.read_text(encoding="utf-8")
    chapter_two.write_text(text.replace("values: [886.1, 969.1]", "values: [886.1, 969.2]"),
                           encoding="utf-8")
    relaxed = _run("validate", str(copy / "report.yaml"))
    strict = _run("validate", str(copy / "report.yaml"), "--strict")
    assert (relaxed.returncode, strict.returncode) == (0, 1)
    assert "hoofdstuk-2.yaml:" in strict.stderr
    assert "published 969,2 differs from the computed 969,1" in strict.stderr
    assert "Traceback" not in strict.stderr


def test_unusable_input_as_a_process(tmp_path: Path) -> None:
    write(tmp_path, {"report.yaml": REPORT, "h1.yaml": "number: 1\ntitle: 'open\n"})
    done = _run("validate", str(tmp_path / "report.yaml"))
    assert done.returncode == 2
    assert f"{tmp_path / 'h1.yaml'}:2: error: YAML syntax error" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_file_as_a_process(tmp_path: Path) -> None:
    done = _run("validate", str(tmp_path / "nergens.yaml"))
    assert done.returncode == 2
    assert "file not found" in done.stderr
    assert "Traceback" not in done.stderr


def test_validation_error_as_a_process(tmp_path: Path) -> None:
    write(tmp_path, {"report.yaml": REPORT,
                     "h1.yaml": chapter("- toelichting: {text: Tekst., rubricering: geheim}\n")})
    done = _run("validate", str(tmp_path / "report.yaml"))
    assert done.returncode == 1
    assert "h1.yaml:10: chapters[0].sections[0].topics[0].blocks[0].rubricering: error: " \
           "unknown rubricering 'geheim'" in done.stderr
    assert "Traceback" not in done.stderr


def test_problems_come_in_source_order(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, {
        "report.yaml": REPORT.replace("rubricering: openbaar", "rubricering: x"),
        "h1.yaml": chapter("- toelichting: A.[^b]\n- toelichting: C.[^a]\n")})
    outcome = run_validate(capsys, path)
    places = [(Path(p.file).name, p.line) for p in outcome.problems]
    assert places == [("report.yaml", 6), ("h1.yaml", 10), ("h1.yaml", 11)]
