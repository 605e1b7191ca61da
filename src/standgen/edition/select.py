"""Select an edition from one source: fail closed, before anything is composed.

- `openbaar` keeps only content whose (inherited) rubricering is public. A topic that lost
  content gets the standard sentence pointing to the vertrouwelijke bijlage; every kept
  table is settled (figures computed from removed content, see `edition.tables`).
- `vertrouwelijk` keeps everything and drops the pointers to the bijlage.
- `bijlage` keeps only confidential content, under the parts, chapters, sections and
  topics it belongs to (see `edition.bijlage`).

All three are one generic traversal over every field of the model (`edition.walker`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from standgen.edition.bijlage import select_bijlage
from standgen.edition.levels import EDITIONS, Edition, Level, Levels, load_levels
from standgen.edition.walker import Walker
from standgen.errors import source_error
from standgen.model.report import BijlageVerwijzing, Footnote, Report


@dataclass
class Selection:
    """The report as selected for an edition, and the highest level of what it holds."""

    report: Report
    edition: Edition
    level: Level
    used_levels: set[str] = field(default_factory=set)


def select_edition(report: Report, edition: Edition, levels: Levels | None = None
                   ) -> Selection:
    """The report as it appears in `edition`, and the marking level it needs."""
    if edition not in EDITIONS:
        raise source_error(None, None, "edition", f"unknown edition {edition!r}; use one of "
                           f"{', '.join(EDITIONS)}")
    levels = levels or load_levels()
    base = report.rubricering
    if levels.get(base) is None:
        at = report.loc("rubricering", "rubricering")
        raise source_error(at.file, at.line, at.field, f"unknown rubricering {base!r}; use "
                           f"one of {', '.join(levels.ids)}")
    if edition == "bijlage":
        walker = Walker(levels, report, keep_secret=True, drop=(BijlageVerwijzing, Footnote))
        selected = select_bijlage(report, base, walker)
    else:
        public = edition == "openbaar"
        walker = Walker(levels, report, keep_secret=not public,
                        drop=() if public else (BijlageVerwijzing,),
                        point=public and report.settings.bijlage_verwijzing)
        kept = walker.node(report, base)
        if not isinstance(kept, Report):  # a Report has no level of its own to lose
            raise AssertionError("selection removed the report itself")
        selected = kept
    level = levels.highest(sorted(walker.used))
    return Selection(selected, edition, level, walker.used)
