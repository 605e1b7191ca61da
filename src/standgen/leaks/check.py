"""check_artifact: which confidential candidates of a source stand in an artifact."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from standgen.leaks.extract import (
    WHOLE,
    Part,
    artifact_text,
    carries_whole,
    embedded_image_hashes,
    normalise,
)
from standgen.leaks.match import Haystack, markdown_plain
from standgen.leaks.text import Candidate

if TYPE_CHECKING:
    from standgen.edition.levels import Levels
    from standgen.model.report import Report


@dataclass(frozen=True)
class Leak:
    """A confidential string found in an artifact."""

    artifact: Path
    text: str
    origin: str

    kind: str = "text"

    def __str__(self) -> str:
        what = "figure" if self.kind == "figure" else "text"
        return f"{self.artifact.name}: confidential {what} from {self.origin}: {self.text!r}"


def check_artifact(path: Path, report: Report | None, levels: Levels | None = None,
                   candidates: list[Candidate] | None = None,
                   chart_hashes: dict[str, str] | None = None, part: Part = WHOLE
                   ) -> list[Leak]:
    """Every confidential candidate from `report` found in the artifact at `path`: text and
    figures anywhere in it, and (DOCX) confidential charts embedded as images. Without
    `candidates`, they are gathered from `report`. With `part`, only that share of a PDF's
    pages is read (the shares together cover the whole artifact)."""
    if candidates is not None:
        found = candidates
    elif report is not None:
        from standgen.edition.levels import load_levels
        from standgen.leaks.candidates import confidential_candidates

        found = confidential_candidates(report, levels or load_levels())
    else:
        raise ValueError("check_artifact needs the report or its candidates")
    whole = carries_whole(part)
    name = path.name if whole else ""
    text = normalise(artifact_text(path, part))
    if path.suffix.lower() == ".md":
        text += "\n" + markdown_plain(text)
    haystack = Haystack(text + "\n" + name, tuple(c for c in found if c.kind == "figure"))
    leaks = [Leak(path, c.text, c.origin, c.kind) for c in found if haystack.holds(c)]
    images = embedded_image_hashes(path) if whole else set()
    for digest in images & set(chart_hashes or {}):
        leaks.append(Leak(path, f"chart image {digest[:12]}", (chart_hashes or {})[digest]))
    return leaks
