"""check-leaks on the canary fixture's vertrouwelijk artifacts reports every canary in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from standgen.cli import main
from standgen.leaks.extract import artifact_text

ROOT = Path(__file__).resolve().parents[3]
CANARIES = ROOT / "fixtures" / "canaries" / "report.yaml"
IN_EVERY_FORMAT = {"CANARY-BLOCK", "CANARY-FOOTNOTE", "CANARY-ROW", "CANARY-NOTE",
                   "CANARY-CHART-TITLE", "CANARY-TOPIC-TITLE", "CANARY-TOPIC-TEXT",
                   "CANARY-TABLE-TITLE"}
FIGURES = {"98.765", "47,3", "52,8", "88,1"}


@pytest.fixture(scope="module")
def confidential(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("canaries")
    request = BuildRequest(CANARIES, out / "out", ("vertrouwelijk",), ("docx", "pdf", "md"),
                           cache_dir=out / "cache")
    return build(request).artifacts


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".md"])
def test_check_leaks_reports_every_canary_of_the_confidential_artifact(
        confidential: list[Path], suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    (artifact,) = [p for p in confidential if p.suffix == suffix]
    assert main(["check-leaks", str(artifact), "--source", str(CANARIES)]) == 1
    reported = capsys.readouterr().out
    present = set(re.findall(r"CANARY-[A-Z-]+[A-Z]", artifact_text(artifact)))
    assert present >= IN_EVERY_FORMAT
    assert set(re.findall(r"CANARY-[A-Z-]+[A-Z]", reported)) >= present
    for figure in FIGURES:
        assert "confidential figure from" in reported and f"'{figure}'" in reported
