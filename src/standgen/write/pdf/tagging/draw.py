"""The thin hook tagged flowables share: draw inside a marked-content sequence of the
structure element set on them (`struct`), if the canvas is tagged."""

from __future__ import annotations

from typing import Any

from standgen.write.pdf.tagging.elements import StructElem
from standgen.write.pdf.tagging.tagger import tagger_of

BOXED = ("Figure",)


def _bbox(flowable: Any, canvas: Any, x: float, y: float) -> list[float]:
    width = float(getattr(flowable, "drawWidth", 0) or getattr(flowable, "width", 0))
    height = float(getattr(flowable, "drawHeight", 0) or getattr(flowable, "height", 0))
    a, _, _, d, e, f = canvas._currentMatrix
    return [round(v, 2) for v in (a * x + e, d * y + f, a * (x + width) + e,
                                  d * (y + height) + f)]


class TaggedDraw:
    """Mixin for a flowable: `struct` names the element its drawing belongs to."""

    struct: StructElem | None = None

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        elem = self.struct
        if tagger is None or elem is None:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
            return
        with tagger.content(canvas, elem, self) as marked:
            if marked and elem.kind in BOXED and "BBox" not in elem.attributes:
                left = self._hAlignAdjust(x, _sW)  # type: ignore[attr-defined]
                elem.attributes.update({"O": "/Layout", "Placement": "/Block",
                                        "BBox": _bbox(self, canvas, left, y)})
            super().drawOn(canvas, x, y, _sW)  # type: ignore[misc]
