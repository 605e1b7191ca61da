"""Shared fixtures for the drafting tests: the reference report and its rolled-forward copy."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from standgen.draft import RollForwardResult, roll_forward
from standgen.errors import Problem
from standgen.load import load_report
from standgen.model.report import Report
from standgen.validate.checks import validate_report

REFERENCE = (Path(__file__).resolve().parents[3]
             / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml")


def tree_hash(folder: Path) -> str:
    """A digest of every file's relative path and bytes below `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[RollForwardResult, str, str]:
    """The reference rolled forward to najaar 2026, with the input's hash before and after."""
    before = tree_hash(REFERENCE.parent)
    out = tmp_path_factory.mktemp("rolled") / "najaar-2026"
    result = roll_forward(REFERENCE, out, "najaar 2026")
    return result, before, tree_hash(REFERENCE.parent)


@pytest.fixture(scope="session")
def reference() -> Report:
    """The reference report as loaded."""
    return load_report(REFERENCE)


@pytest.fixture(scope="session")
def rolled_report(rolled: tuple[RollForwardResult, str, str]) -> Report:
    """The rolled-forward report as loaded."""
    return load_report(rolled[0].report)


@pytest.fixture(scope="session")
def rolled_problems(rolled_report: Report) -> list[Problem]:
    """What validation finds in the rolled-forward report."""
    return validate_report(rolled_report).items
