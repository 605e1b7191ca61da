"""Report-wide settings written in report.yaml: numbering styles, page policy, templates.

The command line overrides what a report sets here; a theme may set defaults later.
"""

from __future__ import annotations

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
    sections do not; any chapter, section or part can override with its own `new_page`."""

    chapter: bool = True
    section: bool = False
    front_matter: bool = True
    back_matter: bool = True


class Settings(Node):
    """Build settings kept with the report. `templates` is a folder relative to the file
    that sets it; `--templates` on the command line wins. `cycle` names the reporting
    cycle `standgen new` follows where the period alone could be read two ways."""

    templates: str | None = None
    cycle: Cycle | None = None
    page_policy: PagePolicy = Field(default_factory=PagePolicy)
    numbering: Numbering = Field(default_factory=Numbering)
