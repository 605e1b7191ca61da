"""check_artifact: which confidential candidates of a source stand in an artifact."""

from __future__ import annotations

import json
from collections.abc import Sequence
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
from standgen.leaks.rendered import GAP, Unit
from standgen.leaks.text import Candidate

if TYPE_CHECKING:
    from standgen.edition.levels import Levels
    from standgen.model.report import Report


@dataclass(frozen=True)
class Leak:
    """A confidential string found in an artifact: where its confidential original comes
    from (`origin`) and, when the public edition's composed text was given, where the
    public edition holds it (`public_at`; empty when it stands in none of its units)."""

    artifact: Path
    text: str
    origin: str

    kind: str = "text"
    public_at: str | None = None

    def __str__(self) -> str:
        what = "figure" if self.kind == "figure" else "text"
        said = f"{self.artifact.name}: confidential {what} from {self.origin}: {self.text!r}"
        if self.public_at is None:
            return said
        where = (f"the openbare versie holds it at {self.public_at}" if self.public_at else
                 "it stands outside the openbare versie's composed text (cover, running "
                 "header, contents, file name or document properties)")
        value = (f"figure: {_plain_figure(self.text)}" if self.kind == "figure"
                 else f"text: {json.dumps(self.text, ensure_ascii=False)}")
        return (f"{said}; {where}. Remove it there, or, if the public text holds it by "
                f"coincidence, declare it public with a reason: `declared_public: "
                f"[{{{value}, reason: ...}}]`")


def _plain_figure(printed: str) -> str:
    """A printed figure as `declared_public` takes it: plain notation (4.567 → 4567)."""
    from standgen.leaks.figures import figure_keys

    keys = sorted(k for _, found in figure_keys(printed, dutch_only=True) for k in found)
    return keys[0] if keys else printed


def locate(candidate: Candidate, public: Sequence[Unit]) -> str:
    """Where the public edition's composed text holds `candidate`: up to three places,
    each with its source file and line when compose recorded them; "" when none does."""
    places: list[str] = []
    for unit in public:
        text = unit.text.replace(GAP, " ")
        if Haystack(text, (candidate,) if candidate.kind == "figure" else ()).holds(
                candidate):
            places.append(unit.place)
    unique = list(dict.fromkeys(places))
    more = f" and {len(unique) - 3} more" if len(unique) > 3 else ""
    return "; ".join(unique[:3]) + more


def check_artifact(path: Path, report: Report | None, levels: Levels | None = None,
                   candidates: list[Candidate] | None = None,
                   chart_hashes: dict[str, str] | None = None, part: Part = WHOLE,
                   public: Sequence[Unit] | None = None) -> list[Leak]:
    """Every confidential candidate from `report` found in the artifact at `path`: text and
    figures anywhere in it, and (DOCX) confidential charts embedded as images. Without
    `candidates`, they are gathered from `report`. With `part`, only that share of a PDF's
    pages is read (the shares together cover the whole artifact). With `public` (the units
    of the composed openbaar edition), each leak also says where that text holds it."""
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
    leaks = [Leak(path, c.text, c.origin, c.kind,
                  None if public is None else locate(c, public))
             for c in found if haystack.holds(c)]
    images = embedded_image_hashes(path) if whole else set()
    for digest in images & set(chart_hashes or {}):
        leaks.append(Leak(path, f"chart image {digest[:12]}", (chart_hashes or {})[digest]))
    return leaks
