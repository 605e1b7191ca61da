"""The report: front matter, chapters, sections, topics and their blocks.

Blocks are written in YAML as one-key mappings (`- toelichting: ...`, `- table: {...}`);
the key names the block kind. Rich text is Markdown (emphasis, `^sup^`, `~sub~`,
footnote references `[^id]`, links) and may hold Jinja expressions over indicator data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from standgen.model.base import SOURCE_KEY, AltText, Classified, Node, SourceRef
from standgen.model.charts import ChartSpec
from standgen.model.settings import Settings
from standgen.model.tables import IndicatorTable

BLOCK_KINDS = ("doelstelling", "toelichting", "groeiparagraaf", "text", "heading", "list",
               "table", "figure", "bijlage_verwijzing")


class TextBlock(Classified):
    """A block of rich text; for labelled kinds the standard label is printed above it."""

    kind: Literal["doelstelling", "toelichting", "groeiparagraaf", "text"]
    text: str
    label: str | None = None


class HeadingBlock(Classified):
    """A sub-heading inside a topic (for example an airbase name)."""

    kind: Literal["heading"] = "heading"
    text: str


class ListBlock(Classified):
    """A bulleted or numbered list of rich-text items."""

    kind: Literal["list"] = "list"
    items: list[str]
    ordered: bool = False


class TableBlock(Classified):
    """An indicator table in the flow of a topic."""

    kind: Literal["table"] = "table"
    table: IndicatorTable


class FigureBlock(Classified):
    """A figure: a chart drawn from data, an image file, or a placeholder whose data is
    not available (the note says why)."""

    kind: Literal["figure"] = "figure"
    id: str
    title: str
    chart: ChartSpec | None = None
    image: str | None = None
    placeholder: str | None = None
    alt: AltText | None = None
    note: str | None = None
    source_note: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> FigureBlock:
        given = [n for n in ("chart", "image", "placeholder") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("a figure takes exactly one of: chart, image, placeholder")
        return self


class BijlageVerwijzing(Classified):
    """The standard sentence that points to the vertrouwelijke bijlage for a subject."""

    kind: Literal["bijlage_verwijzing"] = "bijlage_verwijzing"
    onderwerp: str
    variant: Literal["operationeel", "kort"] = "operationeel"


Block = Annotated[
    TextBlock | HeadingBlock | ListBlock | TableBlock | FigureBlock | BijlageVerwijzing,
    Field(discriminator="kind"),
]


def _block_from_mapping(data: Any) -> Any:
    """Turn `{toelichting: "..."}` or `{table: {...}}` into a mapping with `kind`."""
    if not isinstance(data, dict) or "kind" in data:
        return data
    keys = [k for k in data if k != SOURCE_KEY]
    if len(keys) != 1:
        return data
    kind = keys[0]
    body = data[kind]
    source = data.get(SOURCE_KEY)
    if kind == "table":
        out: dict[str, Any] = {"kind": "table", "table": body}
        if isinstance(body, dict) and "rubricering" in body:
            out["rubricering"] = body["rubricering"]
    elif kind in ("doelstelling", "toelichting", "groeiparagraaf", "text", "heading"):
        out = {"text": body} if isinstance(body, str) else dict(body)
    elif kind == "list":
        out = {"items": body} if isinstance(body, list) else dict(body)
    elif kind == "bijlage_verwijzing":
        out = {"onderwerp": body} if isinstance(body, str) else dict(body)
    elif kind == "figure":
        out = dict(body) if isinstance(body, dict) else {"title": body}
    else:
        return {"kind": kind}
    out["kind"] = kind
    if source is not None and SOURCE_KEY not in out:
        out[SOURCE_KEY] = source
    return out


class BlockContainer(Classified):
    """A node holding blocks; accepts the one-key YAML form of each block."""

    blocks: list[Block] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _normalise_blocks(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("blocks"), list):
            data = dict(data)
            data["blocks"] = [_block_from_mapping(b) for b in data["blocks"]]
        return data


class Footnote(Classified):
    """A footnote, referred to from rich text as `[^id]`; numbered through the report."""

    id: str
    text: str


class Topic(BlockContainer):
    """A topic within a section; `title` may be absent when the topic has no heading."""

    id: str
    title: str | None = None


class Section(BlockContainer):
    """A numbered section such as "2.1"; blocks come before its topics."""

    number: str
    id: str | None = None
    title: str
    topics: list[Topic] = Field(default_factory=list)
    new_page: bool | None = None


class Chapter(BlockContainer):
    """A numbered chapter with an introduction (its blocks) and sections."""

    number: int = Field(ge=1)
    id: str | None = None
    title: str
    running_header: str | None = None
    sections: list[Section] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    new_page: bool | None = None


class Signatory(Node):
    """Someone who signs the voorwoord: office and name."""

    role: str
    name: str


class Part(BlockContainer):
    """A part of the front or back matter (voorwoord, samenvatting, colofon …) with an
    optional title override and page-break override."""

    title: str | None = None
    footnotes: list[Footnote] = Field(default_factory=list)
    new_page: bool | None = None


class Term(Classified):
    """One entry of an abbreviation list or glossary: the term and what it stands for.
    Written as `{afkorting: AOW, betekenis: ...}` or as the one-key mapping `{AOW: ...}`."""

    term: str = Field(min_length=1)
    meaning: str = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for dutch, field in (("afkorting", "term"), ("begrip", "term"),
                             ("betekenis", "meaning")):
            if dutch in data:
                data[field] = data.pop(dutch)
        keys = [k for k in data if k != SOURCE_KEY]
        if len(keys) == 1 and keys[0] not in ("term", "meaning", "rubricering"):
            return {"term": str(keys[0]), "meaning": data[keys[0]],
                    **({SOURCE_KEY: data[SOURCE_KEY]} if SOURCE_KEY in data else {})}
        return data


class TermList(Part):
    """An abbreviation list (afkortingen) or glossary (begrippenlijst): printed sorted, in
    two columns; abbreviations are checked against the text."""

    entries: list[Term] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_mapping(cls, data: Any) -> Any:
        if isinstance(data, list):
            return {"entries": data}
        if isinstance(data, dict) and isinstance(data.get("entries"), dict):
            data = dict(data)
            data["entries"] = _entries_of_mapping(data["entries"])
        return data


def _entries_of_mapping(entries: dict[str, Any]) -> list[dict[str, Any]]:
    """`{NAVO: Noord-Atlantische Verdragsorganisatie}` as entries, each keeping the line
    its key was written on, so a warning about it names that line."""
    source = entries.get(SOURCE_KEY)
    out: list[dict[str, Any]] = []
    for term, meaning in entries.items():
        if term == SOURCE_KEY:
            continue
        entry: dict[str, Any] = {"term": term, "meaning": meaning}
        if isinstance(source, SourceRef):
            line = source.key_lines.get(term, source.line)
            lines = {} if line is None else {"term": line, "meaning": line}
            entry[SOURCE_KEY] = SourceRef(source.key_files.get(term, source.file), line, lines)
        out.append(entry)
    return out


class Annex(TermList):
    """A public annex (bijlage), numbered A, B … or 1, 2 … as configured; it holds blocks,
    and as `kind: afkortingen` or `kind: begrippen` a sorted term list."""

    id: str | None = None
    title: str = Field(min_length=1)
    kind: Literal["tekst", "afkortingen", "begrippen"] = "tekst"

    @model_validator(mode="after")
    def _entries_need_a_list_kind(self) -> Annex:
        if self.entries and self.kind == "tekst":
            raise ValueError("an annex prints `entries` only as a list: add `kind: "
                             "afkortingen` or `kind: begrippen`, or move the entries into text")
        return self


FRONT_PARTS = ("voorwoord", "samenvatting", "inleiding", "leeswijzer", "afkortingen",
               "begrippenlijst", "colofon")
BACK_PARTS = ("bijlagen", "afkortingen", "begrippenlijst", "colofon")


def _record_order(data: Any, names: tuple[str, ...]) -> Any:
    """Remember the order in which the author wrote the parts (unless `order` is given)."""
    if isinstance(data, dict) and "order" not in data:
        data = dict(data)
        data["order"] = [k for k in data if k in names]
    return data


def _check_order(matter: Node, order: Sequence[str], names: tuple[str, ...]) -> None:
    """A given `order` lists every part that is there, each once, and nothing else."""
    present = [n for n in names if getattr(matter, n)]
    if sorted(order) != sorted(present):
        raise ValueError(f"order lists {', '.join(order) or 'nothing'} but the parts given "
                         f"are {', '.join(present) or 'none'}; list each given part once")


class ChangeList(BlockContainer):
    """The "Rapportage in ontwikkeling" paragraph: intro blocks and the list of changes."""

    changes: list[str] = Field(default_factory=list)


class Inleiding(Part):
    """The introduction, with its change list and leeswijzer."""

    rapportage_in_ontwikkeling: ChangeList | None = None
    leeswijzer: list[Block] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _normalise_leeswijzer(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("leeswijzer"), list):
            data = dict(data)
            data["leeswijzer"] = [_block_from_mapping(b) for b in data["leeswijzer"]]
        return data


class FrontMatter(Node):
    """The parts before the chapters, each optional, printed in the order written (or as
    `order` lists them)."""

    voorwoord: Part | None = None
    samenvatting: Part | None = None
    inleiding: Inleiding | None = None
    leeswijzer: Part | None = None
    afkortingen: TermList | None = None
    begrippenlijst: TermList | None = None
    colofon: Part | None = None
    order: list[Literal["voorwoord", "samenvatting", "inleiding", "leeswijzer", "afkortingen",
                        "begrippenlijst", "colofon"]] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _order(cls, data: Any) -> Any:
        return _record_order(data, FRONT_PARTS)

    @model_validator(mode="after")
    def _order_matches(self) -> FrontMatter:
        _check_order(self, self.order, FRONT_PARTS)
        return self

    def parts(self) -> list[tuple[str, Part]]:
        """The parts present, in print order (every present part once)."""
        return _ordered(self, self.order, FRONT_PARTS)


class BackMatter(Node):
    """The parts after the chapters: public annexes, abbreviations, glossary, colofon."""

    bijlagen: list[Annex] = Field(default_factory=list)
    afkortingen: TermList | None = None
    begrippenlijst: TermList | None = None
    colofon: Part | None = None
    order: list[Literal["bijlagen", "afkortingen", "begrippenlijst", "colofon"]] = Field(
        default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _order(cls, data: Any) -> Any:
        return _record_order(data, BACK_PARTS)

    @model_validator(mode="after")
    def _order_matches(self) -> BackMatter:
        _check_order(self, self.order, BACK_PARTS)
        return self

    def parts(self) -> list[tuple[str, Part]]:
        """The parts present, in print order; each annex is a part named `bijlagen`."""
        return _ordered(self, self.order, BACK_PARTS)


def _ordered(matter: Node, order: Sequence[str], names: tuple[str, ...]) -> list[tuple[str, Part]]:
    sequence = list(dict.fromkeys([*order, *names]))
    out: list[tuple[str, Part]] = []
    for name in sequence:
        value = getattr(matter, name)
        if isinstance(value, list):
            out.extend((name, item) for item in value)
        elif value is not None:
            out.append((name, value))
    return out


class DeclaredPublic(Node):
    """A phrase or figure that may stand in the public edition although confidential content
    holds it too; the leak check then does not count it, and says so in every build."""

    text: str | None = Field(default=None, min_length=1)
    figure: Decimal | None = None
    reason: str = Field(min_length=3)

    @model_validator(mode="after")
    def _one_value(self) -> DeclaredPublic:
        if (self.text is None) == (self.figure is None):
            raise ValueError("a declared_public entry takes exactly one of: text, figure")
        if not self.reason.strip():
            raise ValueError("a declared_public entry needs a reason")
        return self


class Report(Node):
    """A whole report. `rubricering` is required: the default level of all content."""

    title: str
    subtitle: str | None = None
    tagline: str | None = None
    period: str
    report_year: int = Field(ge=1900, le=2200)
    ministry: str
    date: dt.date
    author: str | None = None
    rubricering: str
    rubricering_period: str | None = None
    sample_data: bool = False
    bijlage_sample_data: bool = False
    concept: bool = False
    signatories: list[Signatory] = Field(default_factory=list)
    front_matter: FrontMatter = Field(default_factory=FrontMatter)
    chapters: list[Chapter] = Field(default_factory=list)
    back_matter: BackMatter = Field(default_factory=BackMatter)
    footnotes: list[Footnote] = Field(default_factory=list)
    bijlage_title: str | None = None
    lidwoord: Literal["de", "het"] | None = None
    """The article the title takes in running text ("de Stand van Defensie", "het
    Jaarverslag"); None: the standard phrases do without one."""
    theme: str | None = None
    """The house style: a shipped theme's name (templates/themes) or a theme file's path,
    relative to report.yaml; `standgen build --theme` overrides it."""
    number_style: Literal["nl", "plain"] | None = None
    """How figures in data files are written (docs/data-files.md); None: plain, and a
    figure the two styles read differently is refused."""
    declared_public: list[DeclaredPublic] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)

    def all_footnotes(self) -> list[Footnote]:
        """Every footnote declared anywhere in the report, in declaration order."""
        notes = list(self.footnotes)
        for _, part in self.front_matter.parts():
            notes.extend(part.footnotes)
        for chapter in self.chapters:
            notes.extend(chapter.footnotes)
        for _, part in self.back_matter.parts():
            notes.extend(part.footnotes)
        return notes
