"""A reportlab Paragraph that parses plain text without the markup parser and breaks its
lines once per width instead of on every wrap."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.paragraph import _getFragWords, _HSFrag, cleanBlockQuotedText

from standgen.write.pdf.tagging.draw import TaggedDraw, space_line_ends
from standgen.write.pdf.tagging.tagger import tagger_of

_PLAIN_FRAGS: dict[str, Any] = {}  # by font name: the parser's frag of plain text
LONG_WORDS = 1_500  # a paragraph with more words is broken into lines a page at a time
HEAD_WORDS = 1_000  # words broken into lines at first (doubled until they pass the page)


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

    split_long = True  # False where the whole text must be measured (table cells)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        head = self._long_head(availWidth, availHeight)
        if head is not None:  # taller than the frame: only the head's lines are known
            return availWidth, head[0].height
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
        head = self._long_head(availWidth, availHeight)
        if head is not None:
            return self._split_long(head[0], head[1], availWidth, availHeight)
        parts: list[RLParagraph] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, TaggedDraw):
                part.struct = self.struct
        return parts

    def _long_head(self, width: float, height: float) -> tuple[Para, int] | None:
        """For a paragraph of many words, a paragraph of its first words that is taller
        than `height` (with the number of words), so that a split needs only their lines:
        breaking the whole text on every page made layout time grow with the square of
        its length. None for a short paragraph, or one that fits."""
        if not self.split_long or self.__dict__.get("_words", LONG_WORDS + 1) <= LONG_WORDS:
            return None
        words = self.__dict__.get("_words")
        if words is None:
            words = self._words = sum(_word_estimate(f) for f in self.frags)
            if words <= LONG_WORDS:
                return None
        key = (width, height)
        cached = self.__dict__.get("_head")
        if cached is not None and cached[0] == key:
            return cached[1]  # type: ignore[no-any-return]
        found: tuple[Para, int] | None = None
        count = HEAD_WORDS
        while count < words:
            cut = _cut_frags(self.frags, count)
            if cut is None:
                break
            head = Para(None, self.style, frags=cut[0])
            head.split_long = False
            _, tall = head.wrap(width, height)
            if tall > height + 3 * self.style.leading:
                found = (head, count)
                break
            count *= 2
        self._head = (key, found)
        return found

    def _split_long(self, head: Para, count: int, width: float, height: float
                    ) -> list[RLParagraph]:
        parts: list[RLParagraph] = head.split(width, height)
        if len(parts) != 2:
            return parts
        first, rest = parts
        cut = _cut_frags(self.frags, count)
        assert cut is not None  # it was cut the same way for the head
        return [first, self.__class__(None, rest.style, frags=_joined(rest.frags, cut[1],
                                                                      width))]


def _joined(rest: list[Any], tail: list[Any], width: float) -> list[Any]:
    """The fragments of the rest of a split head followed by the tail's. Reportlab gives
    the rest of single-font lines as one fragment holding its words, and the rest of
    mixed lines as processed words; the tail is made the same kind."""
    if len(rest) == 1 and hasattr(rest[0], "words") and len(tail) == 1:
        words = " ".join(str(word) for word in rest[0].words)
        return [tail[0].clone(text=words + tail[0].text)]
    if rest and isinstance(rest[0], list):
        if type(rest[-1]) is list:  # the head's last word: a space follows it in the text
            rest = [*rest[:-1], _HSFrag(rest[-1])]
        return [*rest, *(tail if tail and isinstance(tail[0], list)
                         else _getFragWords(tail, width))]
    return [*rest, *tail]


def _word_estimate(frag: Any) -> int:
    """About the number of words of a fragment (its spaces: counted without splitting)."""
    text = getattr(frag, "text", None)
    if isinstance(text, str):
        return text.count(" ") + 1
    return 1  # a processed word (a list) or an image


def _cut_frags(frags: list[Any], words: int) -> tuple[list[Any], list[Any]] | None:
    """The fragments split just before the whitespace that ends word number `words`:
    (head, tail), the tail starting with that whitespace; None if there are fewer words.
    Processed fragments (the rest of a split of mixed lines) are one word each."""
    if frags and isinstance(frags[0], list):
        return (frags[:words], frags[words:]) if words < len(frags) else None
    seen = 0
    for index, frag in enumerate(frags):
        text = getattr(frag, "text", "")
        in_word = False
        for position, char in enumerate(text):
            if char.isspace():
                if in_word and seen == words:
                    return ([*frags[:index], frag.clone(text=text[:position])],
                            [frag.clone(text=text[position:]), *frags[index + 1:]])
                in_word = False
            elif not in_word:
                in_word = True
                seen += 1
        if in_word and seen == words and index + 1 < len(frags):
            following = getattr(frags[index + 1], "text", "")
            if following[:1].isspace():
                return [*frags[:index + 1]], [*frags[index + 1:]]
    return None


def _plain_frag(style: ParagraphStyle) -> Any:
    """The fragment the markup parser makes of plain text in `style`'s font (parsed once
    per font; size and colour are the style's own, as the parser takes them)."""
    frag = _PLAIN_FRAGS.get(style.fontName)
    if frag is None:
        (frag,) = RLParagraph("x", style).frags
        _PLAIN_FRAGS[style.fontName] = frag
    return frag
