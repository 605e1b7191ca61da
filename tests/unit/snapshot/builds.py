"""Building the example report as it is and with one value changed, for snapshot tests."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from standgen.build import BuildRequest, build

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "fixtures" / "example"
CHANGED_CELL = ("plan;4000;4100;", "plan;4000;4150;")
"""The one value the edited copy changes: Plancijfer instroom 2022, 4.100 → 4.150."""


@dataclass(frozen=True)
class Builds:
    """The example built as it is, and built from a copy with one CSV cell changed."""

    original: dict[str, Path]
    changed: dict[str, Path]
    cache: Path


def build_example(source: Path, out: Path, cache: Path,
                  formats: tuple[str, ...] = ("docx", "pdf")) -> dict[str, Path]:
    """Build the public edition of a report; its artifacts by format."""
    result = build(BuildRequest(source=source, out_dir=out, formats=formats, cache_dir=cache))
    return {path.suffix.lstrip("."): path for path in result.artifacts}


def changed_copy(folder: Path) -> Path:
    """A copy of the example with one cell of data/instroom.csv changed; its report.yaml."""
    copy = folder / "example"
    shutil.copytree(EXAMPLE, copy)
    csv = copy / "data" / "instroom.csv"
    text = csv.read_text(encoding="utf-8")
    assert CHANGED_CELL[0] in text, "the example's instroom.csv changed; update CHANGED_CELL"
    csv.write_text(text.replace(*CHANGED_CELL), encoding="utf-8")
    return copy / "report.yaml"
