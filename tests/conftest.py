"""Shared fixtures: the reference report built once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from standgen.build import BuildRequest, BuildResult, build
from tests.acceptance.reference_cells import Expectations, extract, frozen

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
REFERENCE_TEXT = Path(os.environ.get("STANDGEN_REFERENCE_TEXT") or ROOT.parent / "shared"
                      / "reference" / "stand-van-defensie-voorjaar-2026.txt")
EXPECTATIONS = ROOT / "fixtures" / "reference" / "stand-van-defensie-voorjaar-2026.json"


@pytest.fixture(scope="session")
def reference_expectations() -> Expectations:
    """The table rows and Inhoud headings of the real public edition, as kept in the
    fixture. Where the reference text itself is at hand (beside the checkout, or where
    STANDGEN_REFERENCE_TEXT points) they are read from it too, and must be the same."""
    kept = frozen(EXPECTATIONS)
    if REFERENCE_TEXT.is_file() and extract(REFERENCE_TEXT) != kept:
        pytest.fail(f"{EXPECTATIONS} no longer matches {REFERENCE_TEXT}; write it again with "
                    f"python -m tests.acceptance.reference_cells {REFERENCE_TEXT} {EXPECTATIONS}")
    return kept


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
