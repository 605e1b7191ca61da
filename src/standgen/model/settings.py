"""Report-wide settings written in report.yaml: numbering styles, page policy, templates.

The command line overrides what a report sets here; a theme may set defaults later.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from standgen.model.base import Node

ChapterStyle = Literal["arabic", "roman", "none"]
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
    that sets it; `--templates` on the command line wins."""

    templates: str | None = None
    page_policy: PagePolicy = Field(default_factory=PagePolicy)
    numbering: Numbering = Field(default_factory=Numbering)
    bijlage_verwijzing: bool = True
    """Whether a topic that lost confidential content in the public edition gets the
    standard sentence pointing to the vertrouwelijke bijlage (phrases.bijlage_verwijzing_*)."""
