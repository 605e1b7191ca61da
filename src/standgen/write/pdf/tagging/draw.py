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


NO_SPACE_AFTER = ("-", "\xad", " ")
SPACED = "_standgen_spaced"


def _spaced(word: Any) -> Any:
    """The word or fragment with a space after it; None when it must not get one."""
    if isinstance(word, str):
        return None if word.endswith(NO_SPACE_AFTER) or not word else word + " "
    text = getattr(word, "text", None)
    if not isinstance(text, str) or not text or text.endswith(NO_SPACE_AFTER):
        return None
    return word.clone(text=text + " ")


def space_line_ends(paragraph: Any) -> None:
    """Give every line but the last a trailing space, as the source text had between the
    words; reportlab drops it, and text read through the tags would join the words. The
    space is drawn after the line's last glyph, so the page looks the same."""
    lines = getattr(getattr(paragraph, "blPara", None), "lines", None)
    if not lines or paragraph.__dict__.get(SPACED):
        return
    paragraph.__dict__[SPACED] = True
    for i, line in enumerate(lines[:-1]):
        words = line[1] if isinstance(line, tuple) else getattr(line, "words", None)
        if not words:
            continue
        spaced = _spaced(words[-1])
        if spaced is not None:
            words = [*words[:-1], spaced]
            if isinstance(line, tuple):
                lines[i] = (line[0], words, *line[2:])
            else:
                line.words = words
