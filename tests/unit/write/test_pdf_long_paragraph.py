"""A long paragraph is split a page at a time into exactly the lines reportlab's own
paragraph gives when it breaks the whole text on every page."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from standgen.write.pdf.para import LONG_WORDS, Para

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13,
                       alignment=4, firstLineIndent=12)
WIDTH, HEIGHT = 300.0, 400.0


def _line_text(line: Any) -> str:
    if isinstance(line, tuple):  # single-font lines: (width, words)
        return " ".join(str(word) for word in line[1])
    return "".join(getattr(word, "text", "") for word in line.words)


def _pages(paragraph: Paragraph) -> list[list[str]]:
    """The text of each page's lines as the paragraph is split page after page."""
    pages: list[list[str]] = []
    rest: Paragraph | None = paragraph
    while rest is not None:
        _, height = rest.wrap(WIDTH, HEIGHT)
        if height <= HEIGHT:
            rest.wrap(WIDTH, HEIGHT)
            pages.append([_line_text(line) for line in rest.blPara.lines])
            rest = None
            continue
        first, rest = rest.split(WIDTH, HEIGHT)
        pages.append([_line_text(line) for line in first.blPara.lines])
    return pages


def _markup(words: int, every: int) -> str:
    text = [f"<b>vet{i}</b>" if every and i % every == 0 else f"woord{i % 97}"
            for i in range(words)]
    return " ".join(text)


@pytest.mark.parametrize("every", [0, 250], ids=["plain", "mixed"])
def test_long_paragraph_splits_into_the_same_lines(every: int) -> None:
    markup = _markup(LONG_WORDS * 3, every)
    ours, theirs = _pages(Para(markup, STYLE)), _pages(Paragraph(markup, STYLE))
    assert len(ours) > 5
    assert ours == theirs


def test_short_paragraph_is_not_cut() -> None:
    para = Para(_markup(LONG_WORDS - 1, 0), STYLE)
    para.wrap(WIDTH, HEIGHT)
    assert para.__dict__.get("_head") is None
