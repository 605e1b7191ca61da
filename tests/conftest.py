"""Shared fixtures: the reference report built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.build import BuildRequest, BuildResult, build

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
REFERENCE_TEXT = ROOT.parent / "shared" / "reference" / "stand-van-defensie-voorjaar-2026.txt"


@pytest.fixture(scope="session")
def reference_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The reference report: public DOCX and PDF, and the bijlage, built once."""
    out = tmp_path_factory.mktemp("reference")
    return build(BuildRequest(REFERENCE, out, editions=("openbaar", "bijlage"),
                              formats=("docx", "pdf")))


def artifact(result: BuildResult, suffix: str) -> Path:
    """The one artifact of a build whose name ends with `suffix`."""
    (found,) = [p for p in result.artifacts if p.name.endswith(suffix)]
    return found
