"""Text that looks like markup but is not a mistake is printed as written, not refused:
the refusals must not catch what an author meant."""

from __future__ import annotations

import pytest

from standgen.compose import richtext
from standgen.compose import tree as t

NOTE = t.FootnoteRef(1, (t.Text("noot"),))

BLOCK_TEXTS = [
    ("<https://www.defensie.nl/a__b>", "https://www.defensie.nl/a__b"),
    ("Stap een\\\n2. Stap twee", "Stap een\n2. Stap twee"),
    ("Vertraagd** volgens planning", "Vertraagd** volgens planning"),
    ("** De aanbesteding is opnieuw gestart.", "** De aanbesteding is opnieuw gestart."),
    ("5 < 6 en 7 > 3", "5 < 6 en 7 > 3"),
    ("bestand_naam_2025 en 3 * 4", "bestand_naam_2025 en 3 * 4"),
    ("Een – gedachtestreepje\n– aan het begin van de regel",
     "Een – gedachtestreepje – aan het begin van de regel"),
    ("tot en met\n2029 stroomden zij in", "tot en met 2029 stroomden zij in"),
    ("Tekst met ~ tilde en ^ dakje", "Tekst met ~ tilde en ^ dakje"),
    ("Nog een \\~\\~ en \\*\\*", "Nog een ~~ en **"),
]


@pytest.mark.parametrize(("source", "printed"), BLOCK_TEXTS, ids=[s for s, _ in BLOCK_TEXTS])
def test_printed_as_written(source: str, printed: str) -> None:
    blocks = richtext.blocks(source, lambda ref: NOTE)
    assert len(blocks) == 1 and isinstance(blocks[0], t.Paragraph)
    assert richtext.plain(blocks[0].inlines) == printed


@pytest.mark.parametrize("cell", ["1. Personeel", "- 5 procent", "# 3", "> 10", "• punt",
                                  "| kolom"])
def test_inline_text_has_no_block_meaning(cell: str) -> None:
    """Table labels, cells and list items are inline text: no list, heading or bullet."""
    assert richtext.inlines(cell, lambda ref: None) == (t.Text(cell),)
