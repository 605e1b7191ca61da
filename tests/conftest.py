"""Shared fixtures: the reference report built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from standgen.build import BuildRequest, BuildResult, build

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
REFERENCE_TEXT = Path(os.environ.get("STANDGEN_REFERENCE_TEXT") or ROOT.parent / "shared"
                      / "reference" / "stand-van-defensie-voorjaar-2026.txt")


@pytest.fixture(scope="session")
def reference_text() -> Path:
    """The text of the real public edition (beside the checkout, or where
    STANDGEN_REFERENCE_TEXT points); the tests that compare with it fail, saying so, when
    it is missing."""
    if not REFERENCE_TEXT.is_file():
        pytest.fail(f"the reference text {REFERENCE_TEXT} is missing: put the shared folder "
                    "beside the checkout, or set STANDGEN_REFERENCE_TEXT to the file")
    return REFERENCE_TEXT


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
