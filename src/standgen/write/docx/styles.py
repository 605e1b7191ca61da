"""The house style: one map naming every Word style the writer uses, and their definitions.

`STYLE` maps each semantic role to a style id. `house_styles` defines those styles so that
`templates/docx/make_reference.py` can build the reference DOCX from them, and the writer can
add any style a user's own reference document lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from docx.oxml.ns import qn

from standgen.compose.tree import ParagraphStyle
from standgen.theme import Theme, default_theme
from standgen.write.docx.oxml import Element, el

LOGOBLAUW = "154273"
HEMELBLAUW = "007BC7"
GREY = "595959"
LIGHT_GREY = "BFBFBF"
GROUP_SHADE = "E8F1F8"
LANGUAGE = "nl-NL"

HEADING = MappingProxyType({1: "Heading1", 2: "Heading2", 3: "Heading3", 4: "Heading4"})
TOC_LEVEL = MappingProxyType({1: "TOC1", 2: "TOC2", 3: "TOC3"})

PARAGRAPH: MappingProxyType[ParagraphStyle, str] = MappingProxyType({
    "body": "Normal", "label": "Label", "lead": "Lead", "note": "Note",
    "signature": "Signature", "caption": "Caption", "sample": "Sample", "quote": "Quote",
})


@dataclass(frozen=True)
class _StyleIds:
    """Style ids for roles outside the paragraph-style and heading maps."""

    title: str = "Title"
    cover_band: str = "CoverBand"
    table_header: str = "TableHeader"
    subtitle: str = "Subtitle"
    cover_ministry: str = "CoverMinistry"
    cover_tagline: str = "CoverTagline"
    cover_edition: str = "CoverEdition"
    cover_date: str = "CoverDate"
    cover_classification: str = "CoverClassification"
    toc_heading: str = "TOCHeading"
    header: str = "Header"
    footer: str = "Footer"
    marking: str = "Marking"
    footnote_text: str = "FootnoteText"
    footnote_reference: str = "FootnoteReference"
    hyperlink: str = "Hyperlink"
    list_paragraph: str = "ListParagraph"
    placeholder: str = "Placeholder"
    caption: str = "Caption"
    note: str = "Note"
    table: str = "HouseTable"
    table_text: str = "TableText"
    rule: str = "HorizontalRule"


STYLE = _StyleIds()


@dataclass(frozen=True)
class HouseStyle:
    """Fonts, sizes, colours and page geometry of the house style, from a theme."""

    font: str = "Liberation Sans"
    body_pt: float = 10
    page_width_cm: float = 21.0
    page_height_cm: float = 29.7
    margin_cm: float = 2.5
    margin_right_cm: float = 2.0
    margin_top_cm: float = 2.7
    header_distance_cm: float = 1.25
    text_width_cm: float = 16.5
    theme: Theme = field(default_factory=default_theme, compare=False)

    @classmethod
    def of(cls, theme: Theme, font: str | None = None) -> HouseStyle:
        """The house style of a theme (in `font` when a reference document names its own)."""
        return cls(font=font or theme.fonts.family, body_pt=theme.sizes.body, theme=theme)

    def colour(self, role: str) -> str:
        """A theme colour as Word writes it (RRGGBB, no '#')."""
        value = getattr(self.theme.colours, role, None) or role
        return str(value).lstrip("#").upper()


Kind = Literal["paragraph", "character", "table"]


@dataclass(frozen=True)
class StyleSpec:
    """A style definition in house-style terms (sizes in points, distances in points)."""

    style_id: str
    name: str
    kind: Kind = "paragraph"
    based_on: str | None = "Normal"
    next_id: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    color: str | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None
    keep_next: bool = False
    align: str | None = None
    outline: int | None = None
    indent_cm: float = 0.0
    borders: tuple[str, ...] = ()
    border_color: str = LOGOBLAUW
    border_space: int = 6
    shade: str | None = None
    tabs: tuple[tuple[str, float, str], ...] = ()
    vert: str | None = None
    underline: bool = False
    extra: dict[str, str] = field(default_factory=dict)


def _headings(house: HouseStyle) -> tuple[StyleSpec, ...]:
    """Headings: level 1 as a band in the primary colour when the theme's chapter opener is
    a band (the paragraph's border in the shade's colour pads the band), else plain."""
    z = house.theme.sizes
    primary, accent = house.colour("primary"), house.colour("accent")
    if house.theme.chapter_opener.style == "band":
        h1 = StyleSpec("Heading1", "heading 1", next_id="Normal", size=z.h1, bold=True,
                       color=house.colour("on_primary"), shade=primary, border_color=primary,
                       borders=("top", "left", "bottom", "right"), border_space=10,
                       before=14, after=30, keep_next=True, outline=0, line=1.0,
                       extra={"band": ""})
    else:
        h1 = StyleSpec("Heading1", "heading 1", next_id="Normal", size=z.h1, bold=True,
                       color=primary, before=0, after=14, keep_next=True, outline=0,
                       line=1.0)
    return (
        h1,
        StyleSpec("Heading2", "heading 2", next_id="Normal", size=z.h2, bold=True,
                  color=primary, before=14, after=6, keep_next=True, outline=1, line=1.0),
        StyleSpec("Heading3", "heading 3", next_id="Normal", size=z.h3, bold=True,
                  color=primary, before=10, after=4, keep_next=True, outline=2, line=1.0),
        StyleSpec("Heading4", "heading 4", next_id="Normal", size=z.h4, bold=True,
                  italic=True, color=accent, before=6, after=2, keep_next=True, outline=3),
    )


def _cover_styles(house: HouseStyle) -> tuple[StyleSpec, ...]:
    """The cover's styles; the same sizes and colours as the PDF cover draws."""
    c = house.theme.cover
    banded = c.band == "top"
    ink = house.colour("on_primary") if banded else house.colour("primary")
    return (
        StyleSpec("CoverBand", "Cover Band", size=4, before=0, after=0, line=1.0),
        StyleSpec("Title", "Title", next_id="Normal", size=c.title_size, bold=True, color=ink,
                  before=0, after=4, line=1.0),
        StyleSpec("Subtitle", "Subtitle", next_id="Normal", size=c.subtitle_size, color=ink,
                  before=4, after=0, line=1.0),
        StyleSpec("CoverMinistry", "Cover Ministry", size=11, bold=True, color=ink,
                  before=0, after=0, line=1.0,
                  borders=() if banded else ("bottom",), border_color=house.colour("primary"),
                  border_space=4),
        StyleSpec("CoverTagline", "Cover Tagline", size=13, italic=True,
                  color=house.colour("accent"), before=16, after=0, line=1.0),
        StyleSpec("CoverEdition", "Cover Edition", size=15, bold=True,
                  color=house.colour("primary"), before=0, after=2, line=1.0,
                  borders=("left",), border_color=house.colour("accent"), border_space=8),
        StyleSpec("CoverDate", "Cover Date", size=11, color=house.colour("muted"),
                  before=0, after=0, line=1.0, borders=("left",),
                  border_color=house.colour("accent"), border_space=8),
        StyleSpec("CoverClassification", "Cover Classification", size=house.theme.sizes.note,
                  color=house.colour("muted"), shade=house.colour("panel"), before=0, after=0,
                  line=1.2, borders=("top", "left", "bottom", "right"),
                  border_color=house.colour("panel"), border_space=4),
    )


def house_styles(house: HouseStyle) -> tuple[StyleSpec, ...]:
    """Every style of the house style, in definition order."""
    body = house.body_pt
    right = house.text_width_cm
    z = house.theme.sizes
    primary, accent = house.colour("primary"), house.colour("accent")
    muted, rule = house.colour("muted"), house.colour("rule")
    caption = house.colour(house.theme.caption.colour)
    band = house.theme.chapter_opener.style == "band"
    return (
        StyleSpec("Normal", "Normal", based_on=None, size=body, after=7, line=1.2,
                  color=house.colour("text")),
        *_headings(house),
        StyleSpec("Label", "Label", next_id="Normal", size=body, bold=True,
                  color=accent, before=6, after=2, keep_next=True),
        StyleSpec("Lead", "Lead", size=z.lead, color=primary, after=10),
        StyleSpec("Note", "Note", size=z.note, color=muted, before=2, after=3, line=1.1),
        StyleSpec("Signature", "Signature", italic=True, before=14, after=2),
        StyleSpec("Sample", "Sample", italic=True, color=house.colour("marking"),
                  indent_cm=0.5, borders=("left",), border_color=house.colour("marking")),
        StyleSpec("Caption", "caption", size=z.caption, bold=house.theme.caption.bold,
                  color=caption, before=8, after=4, line=1.0),
        StyleSpec("Placeholder", "Placeholder", italic=True, color=muted, align="center",
                  before=12, after=6, borders=("top", "left", "bottom", "right"),
                  border_color=rule),
        StyleSpec("Quote", "Quote", italic=True, color=muted, indent_cm=0.6,
                  borders=("left",), border_color=rule),
        StyleSpec("HorizontalRule", "Horizontal Rule", size=4, before=6, after=6, line=1.0,
                  borders=("bottom",), border_color=rule, border_space=1),
        StyleSpec("ListParagraph", "List Paragraph", after=2,
                  extra={"contextualSpacing": ""}),
        StyleSpec("TableText", "Table Text", size=z.cell, before=0, after=0, line=1.0),
        StyleSpec("TableHeader", "Table Header", based_on="TableText", size=z.cell, bold=True,
                  color=house.colour(house.theme.table.header_text or "text"), before=0,
                  after=0, line=1.0),
        *_cover_styles(house),
        StyleSpec("TOCHeading", "TOC Heading", next_id="Normal", size=z.h1, bold=True,
                  color=house.colour("on_primary") if band else primary,
                  shade=primary if band else None, border_color=primary,
                  borders=("top", "left", "bottom", "right") if band else (),
                  border_space=10, before=14 if band else 0, after=30 if band else 14,
                  line=1.0, extra={"band": ""} if band else {}),
        StyleSpec("TOC1", "toc 1", next_id="Normal", bold=True, color=primary, before=7,
                  after=2, tabs=(("right", right, "dot"),)),
        StyleSpec("TOC2", "toc 2", next_id="Normal", indent_cm=0.6, after=2,
                  tabs=(("right", right, "dot"),)),
        StyleSpec("TOC3", "toc 3", next_id="Normal", indent_cm=1.2, after=2,
                  tabs=(("right", right, "dot"),)),
        StyleSpec("Header", "header", size=z.furniture, color=muted, after=14, line=1.0,
                  borders=("bottom",) if house.theme.running_header.rule else (),
                  border_color=accent, border_space=2,
                  tabs=(("center", right / 2, "none"), ("right", right, "none"))),
        StyleSpec("Footer", "footer", size=z.furniture, color=muted, after=0, line=1.0,
                  tabs=(("center", right / 2, "none"), ("right", right, "none"))),
        StyleSpec("Marking", "Marking", size=9.5, bold=True, caps=True, align="center",
                  color=house.colour("marking"), after=0, line=1.0),
        StyleSpec("FootnoteText", "footnote text", size=z.note, after=0, line=1.1),
        StyleSpec("FootnoteReference", "footnote reference", kind="character",
                  based_on="DefaultParagraphFont", vert="superscript"),
        StyleSpec("Hyperlink", "Hyperlink", kind="character", based_on="DefaultParagraphFont",
                  color=accent, underline=True),
        StyleSpec("HouseTable", "House Table", kind="table", based_on="TableNormal",
                  size=z.cell),
    )


_UNBANDED = ("Heading1",)
"""Styles that may be a band: a style based on one, without a band of its own, clears it."""


def _ppr(spec: StyleSpec) -> Element:
    ppr = el("w:pPr")
    if spec.keep_next:
        ppr.append(el("w:keepNext"))
    clear = spec.based_on in _UNBANDED and not spec.shade and not spec.borders
    if clear:
        ppr.append(el("w:pBdr", None, *(el(f"w:{side}", {"w:val": "nil"})
                                        for side in ("top", "left", "bottom", "right"))))
        ppr.append(el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "auto"}))
    if spec.borders:
        bdr = el("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            if side in spec.borders:
                size = "6"
                if side == "left" and len(spec.borders) == 1:
                    size = "24" if spec.style_id.startswith("Cover") else "12"
                bdr.append(el(f"w:{side}", {"w:val": "single", "w:sz": size,
                                            "w:space": str(spec.border_space),
                                            "w:color": spec.border_color}))
        ppr.append(bdr)
    if spec.shade:
        ppr.append(el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": spec.shade}))
    if spec.tabs:
        tabs = el("w:tabs")
        for align, pos, leader in spec.tabs:
            tabs.append(el("w:tab", {"w:val": align, "w:leader": leader,
                                     "w:pos": str(round(pos * 566.929))}))
        ppr.append(tabs)
    spacing: dict[str, str] = {}
    if spec.before is not None:
        spacing["w:before"] = str(round(spec.before * 20))
    if spec.after is not None:
        spacing["w:after"] = str(round(spec.after * 20))
    if spec.line is not None:
        spacing.update({"w:line": str(round(spec.line * 240)), "w:lineRule": "auto"})
    if spacing:
        ppr.append(el("w:spacing", spacing))
    if "band" in spec.extra:
        ppr.append(el("w:ind", {"w:left": "0", "w:right": "0"}))
    elif {"left", "right"} <= set(spec.borders):
        inset = str(spec.border_space * 20 + 20)
        ppr.append(el("w:ind", {"w:left": inset, "w:right": inset}))
    elif spec.indent_cm:
        ppr.append(el("w:ind", {"w:left": str(round(spec.indent_cm * 566.929))}))
    if "contextualSpacing" in spec.extra:
        ppr.append(el("w:contextualSpacing"))
    if spec.align:
        ppr.append(el("w:jc", {"w:val": spec.align}))
    if spec.outline is not None:
        ppr.append(el("w:outlineLvl", {"w:val": str(spec.outline)}))
    return ppr


def _rpr(spec: StyleSpec, house: HouseStyle) -> Element:
    rpr = el("w:rPr")
    if spec.kind != "character":
        rpr.append(fonts_element(house.font))
    for flag, tag in ((spec.bold, "w:b"), (spec.bold, "w:bCs"), (spec.italic, "w:i"),
                      (spec.italic, "w:iCs"), (spec.caps, "w:caps")):
        if flag:
            rpr.append(el(tag))
    if spec.color:
        rpr.append(el("w:color", {"w:val": spec.color}))
    if spec.size is not None:
        half_points = str(round(spec.size * 2))
        rpr.append(el("w:sz", {"w:val": half_points}))
        rpr.append(el("w:szCs", {"w:val": half_points}))
    if spec.underline:
        rpr.append(el("w:u", {"w:val": "single"}))
    if spec.vert:
        rpr.append(el("w:vertAlign", {"w:val": spec.vert}))
    if spec.kind != "character":
        rpr.append(el("w:lang", {"w:val": LANGUAGE, "w:eastAsia": LANGUAGE,
                                 "w:bidi": "ar-SA"}))
    return rpr


def fonts_element(font: str) -> Element:
    """A `w:rFonts` naming `font` for every script."""
    return el("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:cs": font, "w:eastAsia": font})


def _table_pr(house: HouseStyle) -> Element:
    def border(side: str, color: str, size: str) -> Element:
        return el(f"w:{side}", {"w:val": "single", "w:sz": size, "w:space": "0",
                                "w:color": color})

    margins = el("w:tblCellMar", None,
                 el("w:top", {"w:w": "45", "w:type": "dxa"}),
                 el("w:left", {"w:w": "85", "w:type": "dxa"}),
                 el("w:bottom", {"w:w": "45", "w:type": "dxa"}),
                 el("w:right", {"w:w": "85", "w:type": "dxa"}))
    borders = el("w:tblBorders", None, border("top", house.colour("primary"), "8"),
                 border("bottom", house.colour("primary"), "8"),
                 border("insideH", house.colour("rule"), "4"))
    return el("w:tblPr", None, borders, margins)


def style_element(spec: StyleSpec, house: HouseStyle) -> Element:
    """The `w:style` element of one style specification."""
    style = el("w:style", {"w:type": spec.kind, "w:styleId": spec.style_id})
    if spec.style_id == "Normal":
        style.set(qn("w:default"), "1")
    style.append(el("w:name", {"w:val": spec.name}))
    if spec.based_on:
        style.append(el("w:basedOn", {"w:val": spec.based_on}))
    if spec.next_id:
        style.append(el("w:next", {"w:val": spec.next_id}))
    style.append(el("w:qFormat"))
    if spec.kind == "table":
        style.append(el("w:pPr", None, el("w:spacing", {"w:before": "0", "w:after": "0",
                                                        "w:line": "240",
                                                        "w:lineRule": "auto"})))
        style.append(_rpr(spec, house))
        style.append(_table_pr(house))
        return style
    if spec.kind == "paragraph":
        style.append(_ppr(spec))
    style.append(_rpr(spec, house))
    return style


def apply_house_style(styles_root: Element, house: HouseStyle, *, replace: bool) -> None:
    """Define the house styles in a `w:styles` element; keep existing ones unless `replace`."""
    existing = {s.get(qn("w:styleId")): s for s in styles_root.findall(qn("w:style"))}
    for spec in house_styles(house):
        old = existing.get(spec.style_id)
        if old is not None and not replace:
            continue
        new = style_element(spec, house)
        if old is not None:
            old.addprevious(new)
            styles_root.remove(old)
        else:
            styles_root.append(new)


def apply_doc_defaults(styles_root: Element, house: HouseStyle) -> None:
    """Set the default run font, size and language (nl-NL) of the document."""
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is not None:
        styles_root.remove(defaults)
    size = str(round(house.body_pt * 2))
    rpr = el("w:rPr", None, fonts_element(house.font), el("w:sz", {"w:val": size}),
             el("w:szCs", {"w:val": size}),
             el("w:lang", {"w:val": LANGUAGE, "w:eastAsia": LANGUAGE, "w:bidi": "ar-SA"}))
    ppr = el("w:pPr", None, el("w:spacing", {"w:after": "120", "w:line": "288",
                                             "w:lineRule": "auto"}))
    styles_root.insert(0, el("w:docDefaults", None, el("w:rPrDefault", None, rpr),
                             el("w:pPrDefault", None, ppr)))


def ensure_language(styles_root: Element, language: str) -> None:
    """Make the document's default run language, and that of every style, `language`."""
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = el("w:docDefaults")
        styles_root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.append(el("w:lang"))
    for lang in styles_root.iter(qn("w:lang")):  # a reference made in English Word too
        lang.set(qn("w:val"), language)


def adopt_style_ids(styles_root: Element, house: HouseStyle) -> None:
    """Give a reference's styles the ids the writer uses, matched by style name.

    Localised Word versions store built-in styles under translated ids (Dutch Word saves
    "heading 1" as "Kop1"); renaming them keeps one style per name instead of a duplicate.
    """
    styles = styles_root.findall(qn("w:style"))
    ids = {s.get(qn("w:styleId")) for s in styles}
    by_name: dict[str, Element] = {}
    for style in styles:
        name = style.find(qn("w:name"))
        if name is not None:
            by_name.setdefault((name.get(qn("w:val")) or "").lower(), style)
    renames: dict[str, str] = {}
    for spec in house_styles(house):
        style = by_name.get(spec.name.lower())
        old = style.get(qn("w:styleId")) if style is not None else None
        if style is None or old is None or old == spec.style_id or spec.style_id in ids:
            continue
        style.set(qn("w:styleId"), spec.style_id)
        renames[old] = spec.style_id
    for tag in ("w:basedOn", "w:next", "w:link"):
        for ref in styles_root.iter(qn(tag)):
            value = ref.get(qn("w:val"))
            if value in renames:
                ref.set(qn("w:val"), renames[value])
