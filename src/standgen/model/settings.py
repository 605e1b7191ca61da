"""Report-wide settings written in report.yaml: numbering styles, page policy, templates.

The command line overrides what a report sets here; the theme gives the page policy's
defaults for keys the report does not write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from standgen.model.base import Node

ChapterStyle = Literal["arabic", "roman", "none"]
Cycle = Literal["voorjaar-najaar", "jaar", "halfjaar", "kwartaal", "viermaand", "maand",
                "schooljaar"]
AnnexStyle = Literal["letters", "numbers"]


class Numbering(Node):
    """How chapters and public annexes (bijlagen) are numbered in headings and the Inhoud."""

    chapters: ChapterStyle = "arabic"
    bijlagen: AnnexStyle = "letters"


class PagePolicy(Node):
    """Which parts start on a new page. Chapters, front and back matter do by default,
    sections do not; any chapter, section or part can override with its own `new_page`.

    A key the author did not write keeps its default but is not "set" (pydantic's
    `model_fields_set`), so a lower layer (the theme) can still decide it: see `layered`."""

    chapter: bool = True
    section: bool = False
    front_matter: bool = True
    back_matter: bool = True

    def written(self) -> dict[str, bool]:
        """Only the keys that were given, not the defaults."""
        return {k: getattr(self, k) for k in PAGE_KEYS if k in self.model_fields_set}

    @classmethod
    def layered(cls, *layers: Mapping[str, bool]) -> PagePolicy:
        """The built-in defaults, overridden by each layer in turn (lowest first)."""
        values: dict[str, bool] = {}
        for layer in layers:
            values.update(layer)
        return cls(**values)


PAGE_KEYS = ("chapter", "section", "front_matter", "back_matter")


class Settings(Node):
    """Build settings kept with the report. `templates` is a folder relative to the file
    that sets it; `--templates` on the command line wins. `cycle` names the reporting
    cycle `standgen new` follows where the period alone could be read two ways."""

    templates: str | None = None
    cycle: Cycle | None = None
    page_policy: PagePolicy = Field(default_factory=PagePolicy)
    numbering: Numbering = Field(default_factory=Numbering)
    bijlage_verwijzing: bool = True
    """Whether a topic that lost confidential content in the public edition gets the
    standard sentence pointing to the vertrouwelijke bijlage (phrases.bijlage_verwijzing_*)."""
