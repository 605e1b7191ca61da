"""The theme as data: colours, fonts, sizes, page, cover, chapter opener, page furniture.

Both writers read one `Theme`, so the PDF and the DOCX share every visual decision. Every
key is checked (unknown keys and bad values are located errors); every key has a default,
so a theme file names only what it changes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from standgen.model.base import Node
from standgen.model.settings import PagePolicy

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Points = Annotated[float, Field(gt=0, le=200)]
Spacing = Annotated[float, Field(ge=0, le=200)]
Millimetres = Annotated[float, Field(ge=0, le=250)]


class Colours(Node):
    """Named colours (#RRGGBB); the roles say where each one is used."""

    primary: Colour = "#154273"
    """Headings, cover band, chapter band, table rules."""
    accent: Colour = "#007BC7"
    """Level-4 headings, labels, links, the running header's rule, the tagline."""
    on_primary: Colour = "#FFFFFF"
    """Text on a primary-coloured band."""
    panel: Colour = "#DCEBF5"
    """Light panels: the cover's classification panel, table group rows."""
    text: Colour = "#000000"
    muted: Colour = "#555555"
    """Notes, sources, running header and footer."""
    rule: Colour = "#9A9A9A"
    marking: Colour = "#B00000"
    """Classification markings."""


class Fonts(Node):
    """One font family: the name Word shows, and four TrueType files for the PDF.

    A relative file is looked up next to the theme file, then in the shipped fonts folder;
    an organisation points these at its own licensed fonts (never shipped)."""

    family: str = "Liberation Sans"
    regular: str = "LiberationSans-Regular.ttf"
    bold: str = "LiberationSans-Bold.ttf"
    italic: str = "LiberationSans-Italic.ttf"
    bold_italic: str = "LiberationSans-BoldItalic.ttf"


class Sizes(Node):
    """Font sizes in points."""

    body: Points = 10
    h1: Points = 20
    h2: Points = 14
    h3: Points = 11.5
    h4: Points = 10
    lead: Points = 11.5
    cell: Points = 8.5
    caption: Points = 9
    note: Points = 8
    furniture: Points = 8.5
    """Running header and footer."""


class Cover(Node):
    """The cover: a band in the primary colour holding ministry and title block."""

    band: Literal["top", "none"] = "top"
    band_height: Millimetres = 120
    """Height of the band from the top edge (mm)."""
    title_size: Points = 32
    subtitle_size: Points = 16
    logo: str | None = None
    """An image file (PNG/JPEG) printed at the band's top left; relative to the theme file.
    Never shipped: an organisation supplies its own."""
    logo_height: Millimetres = 18


class ChapterOpener(Node):
    """How a chapter starts: a band with its number and title, or a plain heading."""

    style: Literal["band", "plain"] = "band"


class RunningHeader(Node):
    """The header above the text: the chapter's running header, with a rule."""

    show: bool = True
    on_opener: bool = False
    """Print it also on the page where a chapter starts (right above the chapter title)."""
    rule: bool = True


class Footer(Node):
    """The footer: the report's footer label left, the page number right."""

    label: bool = True


class Table(Node):
    """Tables: the header row and the rules."""

    header_fill: Colour | None = None
    """Background of header rows (None: no fill, text in the primary colour)."""
    header_text: Colour | None = None
    group_fill: Colour | None = None
    """Background of group rows (None: the panel colour)."""


class Caption(Node):
    """Table and figure captions."""

    bold: bool = True
    colour: Literal["primary", "accent", "text"] = "primary"


class Theme(Node):
    """A whole house style, as read from templates/themes/<name>.yaml or a path."""

    name: str
    description: str = ""
    colours: Colours = Field(default_factory=Colours)
    fonts: Fonts = Field(default_factory=Fonts)
    sizes: Sizes = Field(default_factory=Sizes)
    cover: Cover = Field(default_factory=Cover)
    chapter_opener: ChapterOpener = Field(default_factory=ChapterOpener)
    running_header: RunningHeader = Field(default_factory=RunningHeader)
    footer: Footer = Field(default_factory=Footer)
    table: Table = Field(default_factory=Table)
    caption: Caption = Field(default_factory=Caption)
    page_policy: PagePolicy = Field(default_factory=PagePolicy)
    """Which parts start on a new page, as far as the report (settings.page_policy), the
    command line (--new-page) and the part itself (new_page) leave it open; only the keys
    the theme file writes count."""

    def caption_colour(self) -> str:
        """The caption's colour as #RRGGBB."""
        return str(getattr(self.colours, self.caption.colour))
