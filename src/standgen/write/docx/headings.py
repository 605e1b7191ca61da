"""Heading styles: the tree's level picks the Word heading (and so its outline level), the
heading's look picks how it appears. A label one level above its usual place gets a style
that looks like Heading 4 but carries its own level ("heading 3 label")."""

from __future__ import annotations

from dataclasses import replace

from docx.oxml.ns import qn

from standgen.compose import tree as t
from standgen.write.docx.oxml import Element
from standgen.write.docx.styles import HEADING, HouseStyle, StyleSpec, house_styles, style_element

LABEL_LOOK = t.KIND_LOOK["label"]


def _label_id(level: int) -> str:
    return f"{HEADING[level]}Label"


def heading_style_id(heading: t.Heading) -> str:
    """The style of a heading: Heading N for its level N, in its look where they differ."""
    level = min(max(heading.level, 1), max(HEADING))
    if heading.look == LABEL_LOOK and level < LABEL_LOOK:
        return _label_id(level)
    return HEADING[level]


def label_heading_specs(house: HouseStyle) -> tuple[StyleSpec, ...]:
    """Styles that look like the label heading (Heading 4) at levels 1 to 3."""
    specs = {s.style_id: s for s in house_styles(house)}
    label, normal = specs[HEADING[LABEL_LOOK]], specs["Normal"]
    return tuple(replace(label, style_id=_label_id(level), name=f"heading {level} label",
                         based_on=HEADING[level], outline=level - 1,
                         line=label.line if label.line is not None else normal.line)
                 for level in range(1, LABEL_LOOK))


def add_label_headings(styles_root: Element, house: HouseStyle) -> None:
    """Define the label heading styles the document lacks (a reference's own are kept)."""
    existing = {s.get(qn("w:styleId")) for s in styles_root.findall(qn("w:style"))}
    for spec in label_heading_specs(house):
        if spec.style_id not in existing:
            styles_root.append(style_element(spec, house))
