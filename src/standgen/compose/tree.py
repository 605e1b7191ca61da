"""The layout-neutral document tree: what every writer reads, and nothing more.

Frozen dataclasses without behaviour, built by `compose_document`. Every value is already
formatted (Dutch), every heading numbered and every footnote numbered, so that writers only
lay out. Writers dispatch on node type; none of them knows about KPIs or editions. A block's
`origin` is an opaque id (see compose/provenance.py) that writers only pass through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from standgen.errors import Problem

Script = Literal["normal", "super", "sub"]
Align = Literal["left", "right", "center"]
RowRole = Literal["data", "total", "subtotal", "group"]


# Inlines -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A run of text with its emphasis and vertical position. A newline in `text` is a
    hard line break (Markdown's trailing backslash or `<br>`); writers print it as one."""

    text: str
    bold: bool = False
    italic: bool = False
    script: Script = "normal"


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote mark; the note's content travels with it so writers can place it."""

    number: int
    content: tuple[Inline, ...]
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Link:
    """A hyperlink around one or more text runs."""

    target: str
    children: tuple[Text, ...]


Inline = Text | FootnoteRef | Link


# Blocks --------------------------------------------------------------------------------

ParagraphStyle = Literal["body", "label", "lead", "note", "signature", "caption", "sample",
                         "quote"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inlines; `style` is a semantic role that the house style maps."""

    inlines: tuple[Inline, ...]
    style: ParagraphStyle = "body"
    origin: str | None = field(default=None, compare=False)


HeadingKind = Literal["part", "section", "topic", "label"]
KIND_LOOK: dict[HeadingKind, int] = {"part": 1, "section": 2, "topic": 3, "label": 4}


@dataclass(frozen=True)
class Heading:
    """A heading. `level` is its place in the document's structure (1 a chapter or
    front-matter part, 2 a section, 3 a topic, one below its container for a label or
    sub-heading); levels never skip, so every writer maps it as it is (Heading N, outline
    level, tag H N). `kind` is how it looks: a label looks the same at any level.
    `anchor` is unique and stable, for TOC links."""

    level: int
    text: str
    anchor: str
    number: str | None = None
    in_toc: bool = False
    kind: HeadingKind | None = None
    origin: str | None = field(default=None, compare=False)

    @property
    def look(self) -> int:
        """The level whose appearance the heading takes (its kind's, else its own)."""
        return KIND_LOOK[self.kind] if self.kind is not None else self.level

    @property
    def display(self) -> str:
        """The heading as printed: number and text."""
        return f"{self.number} {self.text}" if self.number else self.text


@dataclass(frozen=True)
class ListBlock:
    """A list; each item is a sequence of inlines. `nested` is empty or holds, for each
    item, the list nested under it (None for none); an ordered list counts from `start`."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False
    nested: tuple[ListBlock | None, ...] = ()
    start: int = 1
    origin: str | None = field(default=None, compare=False)

    def sublist(self, index: int) -> ListBlock | None:
        """The list nested under item `index`, if any."""
        return self.nested[index] if index < len(self.nested) else None


@dataclass(frozen=True)
class ListEntry:
    """One item of a (nested) list, flattened: its depth (0 at the top), its list's kind
    and its printed number (ordered lists only)."""

    depth: int
    ordered: bool
    number: int
    inlines: tuple[Inline, ...]


def list_entries(block: ListBlock, depth: int = 0) -> list[ListEntry]:
    """Every item of `block` and of the lists nested in it, in reading order."""
    out: list[ListEntry] = []
    for index, item in enumerate(block.items):
        out.append(ListEntry(depth, block.ordered, block.start + index, item))
        sub = block.sublist(index)
        if sub is not None:
            out.extend(list_entries(sub, depth + 1))
    return out


@dataclass(frozen=True)
class Cell:
    """A table cell: already-formatted inlines, alignment and spans."""

    inlines: tuple[Inline, ...]
    align: Align = "left"
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class TableRow:
    """A row of cells with its role (totals and subtotals are emphasised)."""

    cells: tuple[Cell, ...]
    role: RowRole = "data"


TableMode = Literal["normal", "fit", "landscape", "split"]


@dataclass(frozen=True)
class TableLayout:
    """How a table is placed on the page, chosen when composing: as it is, fitted (a
    smaller font and tighter padding, `font_scale` of the body size), on a landscape page,
    or split into `column_groups` (column indexes after the label column, which every
    part repeats). `column_widths` of the table hold for the chosen orientation."""

    mode: TableMode = "normal"
    font_scale: float = 1.0
    column_groups: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class Table:
    """A table with header rows (repeated on every page), body rows, notes below it,
    a numbered caption, alt text and relative column widths (summing to 1). A table without
    header rows is a key-value table: the first cell of each row is that row's header."""

    caption: str
    header_rows: tuple[TableRow, ...]
    body_rows: tuple[TableRow, ...]
    column_widths: tuple[float, ...]
    notes: tuple[Paragraph, ...] = ()
    alt_text: str = ""
    number: int | None = None
    anchor: str = ""
    layout: TableLayout = TableLayout()
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Figure:
    """A figure: a rendered chart or an image file, or a placeholder text when the data
    is not available. `vector_path` (PDF) serves the PDF writer, `raster_path` (PNG) the
    DOCX writer; `width_cm`/`height_cm` give the printed size."""

    caption: str
    alt_text: str
    kind: Literal["chart", "image", "placeholder"]
    vector_path: Path | None = None
    raster_path: Path | None = None
    width_cm: float = 16.0
    height_cm: float = 8.0
    placeholder_text: str = ""
    note: str = ""
    source_note: str = ""
    data_table: Table | None = None
    number: int | None = None
    anchor: str = ""
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Rule:
    """A horizontal rule between paragraphs (Markdown's thematic break)."""


Block = Paragraph | Heading | ListBlock | Table | Figure | PageBreak | Rule


# Document structure --------------------------------------------------------------------


@dataclass(frozen=True)
class Marking:
    """A classification marking printed at the top and bottom of every page.

    `text` is the level in capitals; `copy_number` is set for numbered copies;
    `page_x_of_y` prints "pagina x van y"; `extra` holds further lines (concept, sample).
    """

    text: str
    page_x_of_y: bool = True
    copy_number: str | None = None
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cover:
    """The cover page."""

    title: str
    ministry: str
    edition_label: str
    period: str
    subtitle: str | None = None
    tagline: str | None = None
    classification_lines: tuple[str, ...] = ()
    date: str = ""
    """The report's date as printed ("3 juli 2025"); empty: none on the cover."""


@dataclass(frozen=True)
class TocEntry:
    """An entry of the table of contents, pointing at a heading's anchor."""

    level: int
    text: str
    anchor: str
    number: str | None = None

    @property
    def display(self) -> str:
        return f"{self.number} {self.text}" if self.number else self.text


@dataclass(frozen=True)
class TableOfContents:
    """The Inhoud page."""

    title: str
    entries: tuple[TocEntry, ...]


@dataclass(frozen=True)
class DocSection:
    """A run of content with one running header (a chapter or front-matter part).
    It starts on a new page unless `new_page` is False (then it follows on)."""

    running_header: str
    blocks: tuple[Block, ...]
    new_page: bool = True


@dataclass(frozen=True)
class Words:
    """The words writers print themselves, filled from the templates (compose.titles); a
    writer has no words of its own. `page_x_of_y` is split around the page number and the
    page count: (before, between, after); `copy`, `copy_header` and `link_to` around the
    copy number, the link's target or the ministry."""

    table: str
    figure: str
    page_x_of_y: tuple[str, str, str]
    copy: tuple[str, str]
    copy_header: tuple[str, str]
    link_to: tuple[str, str]
    link_inside: str
    logo: tuple[str, str]
    logo_title: str
    cover_table: str


def default_words() -> Words:
    """The writers' words from the standard templates, for a tree built without them."""
    from standgen.compose.templating import TextTemplates
    from standgen.compose.titles import writer_words

    return writer_words(TextTemplates())


@dataclass(frozen=True)
class Metadata:
    """Document properties, all taken from the report (never from the machine)."""

    title: str
    subject: str
    author: str
    language: str
    created: dt.datetime
    keywords: tuple[str, ...] = ()
    edition: str = "openbaar"
    generator: str = "standgen"


@dataclass(frozen=True)
class Document:
    """A composed document: everything a writer needs."""

    metadata: Metadata
    cover: Cover
    toc: TableOfContents | None
    sections: tuple[DocSection, ...]
    marking: Marking | None = None
    footer_label: str = ""
    fonts: tuple[str, ...] = field(default=())
    words: Words = field(default_factory=default_words)
    notices: tuple[Problem, ...] = ()
    provenance: str = field(default="", compare=False)
    """An opaque record (JSON) of where each block's `origin` comes from; writers that can
    store it keep it verbatim so that a review round trip finds the sources again."""
