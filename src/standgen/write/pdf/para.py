"""A reportlab Paragraph that parses plain text without the markup parser and breaks its
lines once per width instead of on every wrap."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paragraph import cleanBlockQuotedText

from standgen.write.pdf.tagging.draw import TaggedDraw, space_line_ends
from standgen.write.pdf.tagging.tagger import tagger_of

_PLAIN_FRAGS: dict[str, Any] = {}  # by font name: the parser's frag of plain text


class Para(TaggedDraw, RLParagraph):  # type: ignore[misc]
    """Tables, keep-together groups and frames wrap a paragraph several times at one width;
    the line breaking is done the first time and reused while its result is still held.

    Most paragraphs of a report (table cells above all) are plain text: they get the one
    fragment the markup parser would give them, copied from the style's own, which skips
    the HTML parser and halves the time spent setting up paragraphs."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any,
                 frags: list[Any] | None = None, **kwargs: Any) -> None:
        plain = text and "<" not in text and "&" not in text and not style.textTransform
        if frags is None and plain:
            cleaned = cleanBlockQuotedText(text)
            if cleaned:
                text = cleaned
                frags = [_plain_frag(style).clone(text=cleaned, link=[], us_lines=[],
                                                  fontSize=style.fontSize,
                                                  textColor=style.textColor)]
        super().__init__(text, style, *args, frags=frags, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self.__dict__.get("_wrap_memo")
        if memo is not None and memo[0] == availWidth and "blPara" in self.__dict__:
            size: tuple[float, float] = memo[1]
            return size
        size = super().wrap(availWidth, availHeight)
        self._wrap_memo = (availWidth, size)
        return size

    def draw(self) -> None:
        if tagger_of(self.canv) is not None:
            space_line_ends(self)
        super().draw()

    def split(self, availWidth: float, availHeight: float) -> list[RLParagraph]:
        self.__dict__.pop("_wrap_memo", None)
        parts: list[RLParagraph] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, TaggedDraw):
                part.struct = self.struct
        return parts


def _plain_frag(style: ParagraphStyle) -> Any:
    """The fragment the markup parser makes of plain text in `style`'s font (parsed once
    per font; size and colour are the style's own, as the parser takes them)."""
    frag = _PLAIN_FRAGS.get(style.fontName)
    if frag is None:
        (frag,) = RLParagraph("x", style).frags
        _PLAIN_FRAGS[style.fontName] = frag
    return frag
