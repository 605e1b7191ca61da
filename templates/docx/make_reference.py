"""Build the reference DOCX (house style) that the DOCX writer starts from.

Usage: python templates/docx/make_reference.py [--font "Liberation Sans"] [--out PATH]

The styles come from `standgen.write.docx.styles`, so the writer and this template agree.
The output is deterministic (fixed zip order and timestamps) and carries no personal data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from standgen.files import write_atomically
from standgen.write.docx.package import normalise_zip
from standgen.write.docx.properties import configure_settings, drop_thumbnail
from standgen.write.docx.styles import LANGUAGE, HouseStyle, apply_doc_defaults, apply_house_style

HERE = Path(__file__).resolve().parent


def _set_page(document: DocxDocument, house: HouseStyle) -> None:
    section = document.sections[0]
    section.page_width = Cm(house.page_width_cm)
    section.page_height = Cm(house.page_height_cm)
    section.left_margin = Cm(house.margin_cm)
    section.bottom_margin = Cm(house.margin_cm)
    section.right_margin = Cm(house.margin_right_cm)
    section.top_margin = Cm(house.margin_top_cm)
    section.header_distance = Cm(house.header_distance_cm)
    section.footer_distance = Cm(house.header_distance_cm)
    section.gutter = Cm(0)


def _drop_leftovers(document: DocxDocument) -> None:
    """Remove parts of python-docx's template that a house style does not need."""
    for r_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del document.part.rels[r_id]


def _register_font(document: DocxDocument, font: str) -> None:
    """List the house font in the font table, with Arial (same metrics) as substitute."""
    for rel in document.part.rels.values():
        if not rel.reltype.endswith("/fontTable"):
            continue
        part = rel.target_part
        root = etree.fromstring(part.blob)
        entry = etree.SubElement(root, qn("w:font"), {qn("w:name"): font})
        if font == "Liberation Sans":
            etree.SubElement(entry, qn("w:altName"), {qn("w:val"): "Arial"})
            etree.SubElement(entry, qn("w:panose1"), {qn("w:val"): "020B0604020202020204"})
        etree.SubElement(entry, qn("w:charset"), {qn("w:val"): "00"})
        etree.SubElement(entry, qn("w:family"), {qn("w:val"): "swiss"})
        etree.SubElement(entry, qn("w:pitch"), {qn("w:val"): "variable"})
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)


def _neutral_properties(document: DocxDocument) -> None:
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.title = "Huisstijl standgen"
    props.language = LANGUAGE
    props.created = dt.datetime(2026, 1, 1)
    props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1


def build_reference(house: HouseStyle) -> bytes:
    """The reference document as deterministic DOCX bytes."""
    document = docx.Document()
    styles_root = document.styles.element
    apply_doc_defaults(styles_root, house)
    apply_house_style(styles_root, house, replace=True)
    document.element.body.clear_content()
    _set_page(document, house)
    drop_thumbnail(document)
    _drop_leftovers(document)
    _register_font(document, house.font)
    configure_settings(document, LANGUAGE)
    _neutral_properties(document)
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    normalise_zip(raw.getvalue(), out)
    return out.getvalue()


def main() -> None:
    """Parse arguments and write the reference DOCX."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", default="Liberation Sans")
    parser.add_argument("--out", type=Path, default=HERE / "reference.docx")
    args = parser.parse_args()
    data = build_reference(HouseStyle(font=args.font))

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomically(args.out, produce)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
