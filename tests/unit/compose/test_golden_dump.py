"""Golden dumps: the composed tree of the example report, every edition, as readable text.

Regenerate after an intended change with `STANDGEN_UPDATE_GOLDEN=1 pytest tests/unit/compose`
and review the diff like any other change.
"""

from __future__ import annotations

import os

import pytest

from standgen.compose import compose_document, dump_document
from standgen.load import load_report
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = ROOT / "fixtures" / "example" / "report.yaml"


@pytest.mark.parametrize("edition", ["openbaar", "vertrouwelijk", "bijlage"])
def test_example_dump_matches_its_golden_file(edition: str) -> None:
    text = dump_document(compose_document(load_report(EXAMPLE), edition))  # type: ignore[arg-type]
    golden = GOLDEN / f"example-{edition}.txt"
    if os.environ.get("STANDGEN_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; run with STANDGEN_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_golden_dump_is_readable_text() -> None:
    text = (GOLDEN / "example-openbaar.txt").read_text(encoding="utf-8")
    assert text.startswith("document 'Stand van Voorbeeld voorjaar 2026' edition=openbaar")
    assert "  toc 'Inhoud'" in text
