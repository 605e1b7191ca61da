"""Which blocks of a section must start on the same page as the block after them; one
rule for every paginating writer (each keeps them its own way)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from standgen.compose import tree as t

# A printed figure as one unbreakable token: "€\u00a01.234,5\u00a0miljoen", "-95", "79,5%*".
FIGURE = re.compile(r"^[€+\-\u2212\u00a0]*\d[\d.,]*(?:%|\*|\u00a0[^\s\d]+)*$")


def figures_in(text: str) -> Iterator[str]:
    """The figures of a cell's text that a line must never break (split at plain spaces;
    a no-break space joins a figure to its euro sign or unit)."""
    return (token for token in text.split(" ") if FIGURE.match(token))


def ends_with_colon(block: t.Block) -> bool:
    """A paragraph whose last words end in ":": it introduces what follows."""
    if not isinstance(block, t.Paragraph) or block.style not in ("body", "lead", "label"):
        return False
    texts = [i.text for i in block.inlines if isinstance(i, t.Text)]
    return bool(texts) and texts[-1].rstrip().endswith(":")


def is_signature(block: t.Block) -> bool:
    """A line of a signature (role or name)."""
    return isinstance(block, t.Paragraph) and block.style == "signature"


def introduces(blocks: Sequence[t.Block], index: int) -> bool:
    """Whether block `index` must stay with the block after it: a heading with what it
    heads, a sentence ending in ":" with its table, list or figure, a closing paragraph
    with the signatures and each signature line with the next. Headings right before a
    landscape table keep nothing: they move onto the table's own page."""
    if index + 1 >= len(blocks):
        return False
    block, after = blocks[index], blocks[index + 1]
    if isinstance(after, t.PageBreak):
        return False
    if isinstance(block, t.Heading):
        return not _before_landscape(blocks, index)
    if ends_with_colon(block):
        return isinstance(after, t.Table | t.ListBlock | t.Figure)
    return is_signature(after) and isinstance(block, t.Paragraph)


def _before_landscape(blocks: Sequence[t.Block], index: int) -> bool:
    """Whether the heading at `index` starts a run of headings that ends in a landscape
    table (the writers carry that run onto the table's page)."""
    after = next((b for b in blocks[index + 1:] if not isinstance(b, t.Heading)), None)
    return isinstance(after, t.Table) and after.layout.mode == "landscape"
