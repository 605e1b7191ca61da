"""Figures: a vector chart drawn as a form XObject, an image, or a bordered placeholder."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, KeepTogether, TableStyle
from reportlab.platypus import Table as RLTable

from standgen.compose import tree as t
from standgen.errors import BuildError
from standgen.write.pdf.gap import Gap
from standgen.write.pdf.para import Para
from standgen.write.pdf.styles import RULE_GREY, Styles
from standgen.write.pdf.tables import build_table, caption_markup
from standgen.write.pdf.tagging.draw import TaggedDraw
from standgen.write.pdf.vector import VectorPage, draw_vector, load_vector_page


class VectorFigure(TaggedDraw, Flowable):  # type: ignore[misc]
    """A vector PDF page scaled to fit a box, centred horizontally in it."""

    def __init__(self, vector: VectorPage, width: float, height: float) -> None:
        super().__init__()
        self._vector = vector
        self._scale = min(width / vector.width, height / vector.height)
        self._box_width = width

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = self._box_width, self._vector.height * self._scale
        return self.width, self.height

    def draw(self) -> None:
        offset = (self._box_width - self._vector.width * self._scale) / 2
        draw_vector(self.canv, self._vector, offset, 0, self._scale)


class TaggedImage(TaggedDraw, Image):  # type: ignore[misc]
    """An image whose drawing belongs to a Figure element when the PDF is tagged."""


def _box(figure: t.Figure, width: float) -> tuple[float, float]:
    """The printed size, shrunk (keeping proportions) to the text width."""
    w, h = figure.width_cm * cm, figure.height_cm * cm
    if w > width:
        w, h = width, h * width / w
    return w, h


def _picture(figure: t.Figure, width: float, vectors: dict[Path, VectorPage]) -> Flowable:
    w, h = _box(figure, width)
    if figure.vector_path is not None:
        if figure.vector_path not in vectors:
            vectors[figure.vector_path] = load_vector_page(figure.vector_path)
        return VectorFigure(vectors[figure.vector_path], w, h)
    if figure.raster_path is not None and figure.raster_path.is_file():
        image = TaggedImage(str(figure.raster_path), width=w, height=h, kind="proportional")
        image.hAlign = "CENTER"
        return image
    raise BuildError(f"figure {figure.caption!r} has no chart or image file")


def _placeholder(figure: t.Figure, styles: Styles, width: float) -> Flowable:
    w, h = _box(figure, width)
    text = Para(escape(figure.placeholder_text or figure.alt_text), styles.placeholder)
    box = RLTable([[text]], colWidths=[w], rowHeights=[min(h, 4 * cm)], hAlign="CENTER",
                  style=TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                                    ("BOX", (0, 0), (-1, -1), 0.8, RULE_GREY),
                                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return box


def build_figure(figure: t.Figure, styles: Styles, width: float,
                 vectors: dict[Path, VectorPage], label: str, table_label: str
                 ) -> list[Flowable]:
    """The figure, its caption below it and its source note, kept on one page, then its
    data table."""
    if figure.kind == "placeholder":
        picture = _placeholder(figure, styles, width)
    else:
        picture = _picture(figure, width, vectors)
    markup = caption_markup(label, figure.number, figure.caption, figure.anchor)
    parts: list[Flowable] = [picture, Para(markup, styles.caption)]
    for text in (figure.note, figure.source_note):
        if text:
            parts.append(Para(escape(text), styles.source))
    if figure.data_table is not None:
        return [KeepTogether(parts), Gap(4),
                *build_table(figure.data_table, styles, width, table_label)]
    return [KeepTogether(parts), Gap(8)]
