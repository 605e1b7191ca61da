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

import docx
from docx.document import Document as DocxDocument
from docx.shared import Cm

from standgen.write.docx.package import normalise_zip, write_atomically
from standgen.write.docx.properties import configure_settings, drop_thumbnail
from standgen.write.docx.styles import LANGUAGE, HouseStyle, apply_doc_defaults, apply_house_style

HERE = Path(__file__).resolve().parent


def _set_page(document: DocxDocument, house: HouseStyle) -> None:
    section = document.sections[0]
    section.page_width = Cm(house.page_width_cm)
    section.page_height = Cm(house.page_height_cm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(house.margin_cm))
    section.header_distance = Cm(house.header_distance_cm)
    section.footer_distance = Cm(house.header_distance_cm)
    section.gutter = Cm(0)


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
    write_atomically(args.out, lambda stream: stream.write(data) and None)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
