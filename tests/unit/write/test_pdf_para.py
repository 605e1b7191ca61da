"""Para: plain text gets exactly the fragments reportlab's markup parser would give it."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from standgen.write.pdf.para import Para

STYLES = [
    ParagraphStyle("body", fontName="Helvetica", fontSize=10),
    ParagraphStyle("cell", fontName="Helvetica-Bold", fontSize=8.5,
                   textColor=HexColor("#01689B")),
    ParagraphStyle("note", fontName="Times-Italic", fontSize=7),
    ParagraphStyle("label", fontName="Helvetica", fontSize=9, textTransform="uppercase"),
]
TEXTS = ["79.949", "€ 26,3 miljard op 3 juli 2025", "  spaties  rondom  ", "regel een\nregel twee",
         "CO₂-uitstoot 7ᵉ keer"]


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_matches_the_parser(style: ParagraphStyle, text: str) -> None:
    fast, parsed = Para(text, style), Paragraph(text, style)
    assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags]
    assert fast.text == parsed.text
    assert fast.wrap(120, 500) == parsed.wrap(120, 500)
    assert [line.words if hasattr(line, "words") else line for line in fast.blPara.lines] == \
        [line.words if hasattr(line, "words") else line for line in parsed.blPara.lines]


def test_fragments_are_not_shared_between_paragraphs() -> None:
    first, second = Para("een", STYLES[0]), Para("twee", STYLES[0])
    assert first.frags[0] is not second.frags[0]
    assert first.frags[0].link is not second.frags[0].link
    assert (first.frags[0].text, second.frags[0].text) == ("een", "twee")


@pytest.mark.parametrize("text", ["<b>vet</b> en gewoon", "A &amp; B", "", "   "])
def test_markup_and_empty_text_still_go_through_the_parser(text: str) -> None:
    fast, parsed = Para(text, STYLES[1]), Paragraph(text, STYLES[1])
    assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags]


def test_a_split_paragraph_keeps_working() -> None:
    para = Para(" ".join(f"woord{n}" for n in range(400)), STYLES[0])
    para.wrap(200, 1000)
    parts = para.split(200, 60)
    assert len(parts) == 2
    assert all(isinstance(part, Para) for part in parts)
